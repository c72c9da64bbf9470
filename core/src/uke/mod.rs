//! レセ電 UKE files (RECEIPTC.UKE, 医科): typed records, a reader and a writer.
//!
//! Layout: 「オンライン又は光ディスク等による請求に係る記録条件仕様（医科用）」令和４年４月版
//! (令和5年3月13日更新), 第1章 3. A file is IR, then receipts (RE and its HO, KO, SN, JD, MF, GR,
//! SY, SI/IY/TO/CO, SJ records), then GO; CSV without quoting, Shift_JIS (CP932), CRLF, and the
//! EOF code 0x1A after the last CRLF.
//!
//! - [`read_uke`]: bytes → [`UkeFile`]. Every malformed input is a
//!   [`ErrorCode::ParseError`](crate::ErrorCode::ParseError) naming the line, the record and the
//!   field (name and 1-based position). LF line ends and a missing EOF code are tolerated.
//!   Only the current 西暦 layout is read: a file of the old 和暦 layout (dates as GYYMM /
//!   GYYMMDD, used until 令和元年度) is rejected with a message saying so.
//! - [`write_uke`]: [`UkeFile`] → bytes. Reading a file and writing it back gives the same bytes
//!   for any file in the spec's form (CRLF; numbers without leading zeros).
//!
//! What the reader checks: the record order of the file (IR first, GO last, nothing after) and of
//! a receipt (記録順), the field count of every record, each field's type and width (数字 / 英数
//! codes, numbers, 西暦 dates, decimals) and the code tables the layout depends on (別表1, 3, 6,
//! 18, 20 診療識別, 21 負担区分, 28, 30); empty 予備 fields; receipt numbers in sequence; CP932
//! text without quotes or control characters. 漢字 text widths are not checked (real files
//! exceed them, e.g. a long 未コード化傷病名). Totals (HO/KO/GO 合計点数, 回数 = Σ 算定日) are
//! content, left to the checks.
//!
//! 臓器提供者 records (TI, TR, TS) and any record type not listed are kept as
//! [`Record::Other`] with their raw fields.

mod fields;
mod read;
mod records;
mod values;
mod write;

pub use read::read_uke;
pub use records::*;
pub use values::{Date, FutanKubun, MasterCode, ShinryoShikibetsu, UkeDecimal, YearMonth};
pub use write::write_uke;

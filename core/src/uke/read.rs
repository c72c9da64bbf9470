//! Reading a RECEIPTC.UKE file: CP932, CRLF (LF tolerated), comma-separated, no quoting,
//! optional EOF code 0x1A at the end. One pass over the bytes; fields are borrowed `&str` while
//! parsing, owned only in the typed output. Every malformed input is an error naming the line,
//! the record and the field (name and 1-based position).

use super::fields::{self as f, check_code, Chars};
use super::records::*;
use super::values::{Date, FutanKubun, MasterCode, ShinryoShikibetsu, UkeDecimal, YearMonth};
use crate::error::{Error, ErrorCode, Result};

/// Reads a whole UKE file (医科, 西暦 layout of 記録条件仕様 令和2年度以降).
pub fn read_uke(bytes: &[u8]) -> Result<UkeFile> {
    let (body, eof_mark) = match bytes.split_last() {
        Some((0x1A, rest)) => (rest, true),
        _ => (bytes, false),
    };
    if body.is_empty() {
        return Err(parse_error(
            "empty file: expected the IR record (医療機関情報レコード)",
        ));
    }
    if let Some(file) = read_fast(body, eof_mark) {
        return Ok(file);
    }
    read_checked(body, eof_mark)
}

/// The common case, fast: the whole file decoded from CP932 at once, then lines and fields
/// split in one pass over the text. `None` for anything else — bytes that are not CP932, a
/// quote or control character, a lone CR, any error — which [`read_checked`] then reads line
/// by line, so results and messages are the same as if only it had read the file. (A CP932
/// trail byte is never below 0x40, so the decoded text has the same commas, line ends, quotes
/// and control characters as the bytes, and the same text per line.)
fn read_fast(body: &[u8], eof_mark: bool) -> Option<UkeFile> {
    let text = encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(body)?;
    let bytes = text.as_bytes();
    let mut reader = Reader::new();
    let mut bounds = std::mem::take(&mut reader.bounds);
    bounds.push(0);
    // CRs seen, and CRs that end a line: a CR elsewhere is a control character.
    let (mut cr, mut crlf) = (0usize, 0usize);
    let (mut no, mut start) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b == b',' {
            bounds.push(i + 1 - start);
            continue;
        }
        if b >= 0x20 && b != b'"' {
            continue;
        }
        match b {
            b'\n' => {
                let mut end = i;
                if i > start && bytes.get(i - 1) == Some(&b'\r') {
                    end = i - 1;
                    crlf += 1;
                }
                no += 1;
                reader.fast_line(no, text.get(start..end)?, &mut bounds)?;
                start = i + 1;
                bounds.clear();
                bounds.push(0);
            }
            b'\r' => cr += 1,
            _ => return None, // a quote or another control character
        }
    }
    if start < bytes.len() {
        no += 1;
        reader.fast_line(no, text.get(start..)?, &mut bounds)?;
    }
    if cr != crlf {
        return None;
    }
    Some(UkeFile {
        ir: reader.ir?,
        receipts: reader.receipts,
        go: reader.go?,
        eof_mark,
    })
}

/// Reads the file line by line, looking at every byte: the reference for [`read_fast`], and
/// what names the line, record and field of every error.
fn read_checked(body: &[u8], eof_mark: bool) -> Result<UkeFile> {
    let mut reader = Reader::new();
    let mut at = 0;
    let mut no = 0usize;
    while at < body.len() {
        no += 1;
        at = reader.line(no, body, at)?;
    }
    let (Some(ir), Some(go)) = (reader.ir, reader.go) else {
        return Err(parse_error(format!(
            "line {no}: the file ends without the GO record (診療報酬請求書レコード), which must be the last record"
        )));
    };
    Ok(UkeFile {
        ir,
        receipts: reader.receipts,
        go,
        eof_mark,
    })
}

fn parse_error(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::ParseError, message)
}

struct Reader {
    ir: Option<Ir>,
    receipts: Vec<Receipt>,
    go: Option<Go>,
    /// Start offsets of the fields of the current line, then its end (reused).
    bounds: Vec<usize>,
    /// The current line decoded from CP932, when it is not ASCII (reused).
    decoded: String,
    /// The order group of the last record of the current receipt (see `phase_of`).
    phase: u8,
    ho: u8,
    ko: u8,
}

/// 1レセプト内の記録順 (第1章 3 (3) ア (オ)): RE, HO, KO, SN, JD, MF, GR, SY, 摘要 (SI, IY, TO,
/// CO in any order), SJ. 0 = no order check (臓器提供者 records and unknown types; after one of
/// them the order is no longer checked).
fn phase_of(kind: u16) -> u8 {
    match kind {
        k::HO => 1,
        k::KO => 2,
        k::SN => 3,
        k::JD => 4,
        k::MF => 5,
        k::GR => 6,
        k::SY => 7,
        k::SI | k::IY | k::TO | k::CO => 8,
        k::SJ => 9,
        _ => 0,
    }
}

/// Record identifiers as numbers, so that a `match` on them is a jump, not string compares.
mod k {
    /// "SI" → 0x5349; 0 for anything that is not two bytes.
    pub const fn of(kind: &str) -> u16 {
        match kind.as_bytes() {
            [a, b] => (*a as u16) << 8 | *b as u16,
            _ => 0,
        }
    }
    pub const IR: u16 = of("IR");
    pub const RE: u16 = of("RE");
    pub const HO: u16 = of("HO");
    pub const KO: u16 = of("KO");
    pub const SN: u16 = of("SN");
    pub const JD: u16 = of("JD");
    pub const MF: u16 = of("MF");
    pub const GR: u16 = of("GR");
    pub const SY: u16 = of("SY");
    pub const SI: u16 = of("SI");
    pub const IY: u16 = of("IY");
    pub const TO: u16 = of("TO");
    pub const CO: u16 = of("CO");
    pub const SJ: u16 = of("SJ");
    pub const GO: u16 = of("GO");
}

const ORDER: &str = "記録条件仕様 order: RE, HO, KO, SN, JD, MF, GR, SY, SI/IY/TO/CO, SJ";

impl Reader {
    fn new() -> Reader {
        Reader {
            ir: None,
            receipts: Vec::new(),
            go: None,
            bounds: Vec::with_capacity(64),
            decoded: String::new(),
            phase: 0,
            ho: 0,
            ko: 0,
        }
    }

    /// One line of [`read_fast`]: `bounds` holds the start of every field; `None` on any error.
    fn fast_line(&mut self, no: usize, text: &str, bounds: &mut Vec<usize>) -> Option<()> {
        if text.is_empty() {
            return None;
        }
        bounds.push(text.len() + 1);
        let kind = text.get(..bounds.get(1)? - 1)?;
        let l = Line {
            no,
            kind,
            text,
            bounds,
            names: &[],
        };
        self.record(l).ok()
    }

    /// Reads the line starting at `at`; returns where the next one starts.
    fn line(&mut self, no: usize, body: &[u8], at: usize) -> Result<usize> {
        let mut bounds = std::mem::take(&mut self.bounds);
        // The line's end, its field boundaries, and the first byte that cannot be in a field,
        // in one pass (every byte that needs a look is ≤ b',').
        bounds.clear();
        bounds.push(0);
        let mut bad: Option<usize> = None;
        let (mut end, mut next) = (body.len(), body.len());
        let mut i = at;
        // Eight bytes at a time: `cand` flags every byte ≤ b',' (and possibly a b'-' right after
        // one, from the borrow), so only those are looked at.
        const ONES: u64 = 0x0101_0101_0101_0101;
        'scan: while let Some(chunk) = body.get(i..).and_then(|s| s.first_chunk::<8>()) {
            let w = u64::from_le_bytes(*chunk);
            let mut cand = w.wrapping_sub(ONES * 0x2D) & !w & (ONES * 0x80);
            while cand != 0 {
                let k = i + (cand.trailing_zeros() / 8) as usize;
                cand &= cand - 1;
                match body[k] {
                    b',' => bounds.push(k + 1 - at),
                    b'\n' => {
                        (end, next) = (k, k + 1);
                        break 'scan;
                    }
                    b'\r' if body.get(k + 1) == Some(&b'\n') => {
                        (end, next) = (k, k + 2);
                        break 'scan;
                    }
                    b if (b < 0x20 || b == b'"') && bad.is_none() => bad = Some(k - at),
                    _ => {}
                }
            }
            i += 8;
        }
        if end == body.len() {
            while i < body.len() {
                let b = body[i];
                if b == b',' {
                    bounds.push(i + 1 - at);
                } else if b == b'\n' {
                    (end, next) = (i, i + 1);
                    break;
                } else if b == b'\r' && body.get(i + 1) == Some(&b'\n') {
                    (end, next) = (i, i + 2);
                    break;
                } else if (b < 0x20 || b == b'"') && bad.is_none() {
                    bad = Some(i - at);
                }
                i += 1;
            }
        }
        let raw = &body[at..end];
        bounds.push(raw.len() + 1);
        let r = self.line_with(no, raw, bad, &mut bounds);
        self.bounds = bounds;
        r.map(|()| next)
    }

    fn line_with(
        &mut self,
        no: usize,
        raw: &[u8],
        bad: Option<usize>,
        bounds: &mut Vec<usize>,
    ) -> Result<()> {
        if raw.is_empty() {
            return Err(parse_error(format!(
                "line {no}: empty line (every line must be a record)"
            )));
        }
        let kind = raw
            .get(..bounds[1] - 1)
            .and_then(|k| std::str::from_utf8(k).ok())
            .unwrap_or("?");
        if let Some(at) = bad {
            let pos = bounds.iter().take_while(|&&s| s <= at).count();
            let what = if raw[at] == b'"' {
                "a double quote (quotes are not used in UKE files)".to_string()
            } else {
                format!("the control byte 0x{:02X}", raw[at])
            };
            return Err(parse_error(format!(
                "line {no}: {} field {pos}{}: {what}",
                kind,
                field_label(kind, pos)
            )));
        }
        let mut decoded = std::mem::take(&mut self.decoded);
        let text: &str = if raw.is_ascii() {
            // ASCII is valid UTF-8: no copy.
            std::str::from_utf8(raw).map_err(|_| parse_error("unreachable"))?
        } else {
            decoded.clear();
            let mut decoder = encoding_rs::SHIFT_JIS.new_decoder_without_bom_handling();
            decoded.reserve(
                decoder
                    .max_utf8_buffer_length_without_replacement(raw.len())
                    .unwrap_or(raw.len() * 3),
            );
            let (result, _) = decoder.decode_to_string_without_replacement(raw, &mut decoded, true);
            if result != encoding_rs::DecoderResult::InputEmpty {
                self.decoded = decoded;
                return Err(self.bad_cp932(no, kind, raw));
            }
            // Decoding changed the byte offsets: find the commas again (a CP932 trail byte is
            // never 0x2C, so the field count is unchanged).
            bounds.clear();
            bounds.push(0);
            bounds.extend(decoded.match_indices(',').map(|(i, _)| i + 1));
            bounds.push(decoded.len() + 1);
            &decoded
        };
        let l = Line {
            no,
            kind,
            text,
            bounds,
            names: &[],
        };
        let r = self.record(l);
        self.decoded = decoded;
        r
    }

    fn bad_cp932(&self, no: usize, kind: &str, raw: &[u8]) -> Error {
        let pos = raw
            .split(|&b| b == b',')
            .position(|field| {
                encoding_rs::SHIFT_JIS
                    .decode_without_bom_handling_and_without_replacement(field)
                    .is_none()
            })
            .map_or(1, |i| i + 1);
        parse_error(format!(
            "line {no}: {kind} field {pos}{}: bytes that are not valid Shift_JIS (CP932)",
            field_label(kind, pos)
        ))
    }

    fn record(&mut self, l: Line<'_>) -> Result<()> {
        let no = l.no;
        let code = k::of(l.kind);
        if self.go.is_some() {
            return Err(parse_error(format!(
                "line {no}: {} record after the GO record (GO must be the last record)",
                l.kind
            )));
        }
        if self.ir.is_none() {
            if code != k::IR {
                return Err(parse_error(format!(
                    "line {no}: expected the IR record (医療機関情報レコード) first, found {:?}",
                    l.kind
                )));
            }
            self.ir = Some(read_ir(l.with(&f::IR)?)?);
            return Ok(());
        }
        match code {
            k::IR => {
                return Err(parse_error(format!(
                    "line {no}: a second IR record (IR must be only the first record)"
                )))
            }
            k::RE => {
                let re = read_re(l.with(&f::RE)?)?;
                let expected = self.receipts.last().map(|r| r.re.receipt_no + 1);
                if let Some(e) = expected {
                    if re.receipt_no != e {
                        return Err(parse_error(format!(
                            "line {no}: RE field 2 (レセプト番号): expected {e} (receipts are numbered in order), found {}",
                            re.receipt_no
                        )));
                    }
                }
                self.receipts.push(Receipt {
                    re,
                    records: Vec::with_capacity(8),
                });
                self.phase = 0;
                self.ho = 0;
                self.ko = 0;
                return Ok(());
            }
            k::GO => {
                self.go = Some(read_go(l.with(&f::GO)?)?);
                return Ok(());
            }
            _ => {}
        }
        let kind = l.kind;
        let receipt_count = self.receipts.len();
        if receipt_count == 0 {
            return Err(parse_error(format!(
                "line {no}: {kind} record before the first RE record (レセプト共通レコード)"
            )));
        }
        // Order inside the receipt.
        let phase = phase_of(code);
        if phase == 0 {
            if is_kind(kind) {
                self.phase = u8::MAX; // 臓器提供者 records or an unknown type: no more order checks
            }
        } else if self.phase != u8::MAX {
            if phase < self.phase {
                return Err(parse_error(format!(
                    "line {no}: {kind} record out of order in receipt {receipt_count} (after a record that must follow it; {ORDER})"
                )));
            }
            self.phase = phase;
        }
        let record = match code {
            k::HO => {
                self.ho += 1;
                if self.ho > 1 {
                    return Err(parse_error(format!(
                        "line {no}: a second HO record in receipt {receipt_count} (at most one 保険者レコード)"
                    )));
                }
                Record::Ho(read_ho(l.with(&f::HO)?)?)
            }
            k::KO => {
                self.ko += 1;
                if self.ko > 4 {
                    return Err(parse_error(format!(
                        "line {no}: a fifth KO record in receipt {receipt_count} (at most four 公費レコード)"
                    )));
                }
                Record::Ko(read_ko(l.with(&f::KO)?)?)
            }
            k::SN => Record::Sn(read_sn(l.with(&f::SN)?)?),
            k::JD => Record::Jd(read_jd(l.with(&f::JD[..f::JD_LEN])?)?),
            k::MF => Record::Mf(read_mf(l.with(&f::MF[..f::MF_LEN])?)?),
            k::GR => Record::Gr(read_gr(l.with(&f::GR)?)?),
            k::SY => Record::Sy(read_sy(l.with(&f::SY)?)?),
            k::SI => Record::Si(read_si(l.with(&f::SI[..f::SI_LEN])?)?),
            k::IY => Record::Iy(read_iy(l.with(&f::IY[..f::IY_LEN])?)?),
            k::TO => Record::To(Box::new(read_to(l.with(&f::TO[..f::TO_LEN])?)?)),
            k::CO => Record::Co(read_co(l.with(&f::CO)?)?),
            k::SJ => Record::Sj(read_sj(l.with(&f::SJ)?)?),
            _ if is_kind(kind) => Record::Other(OtherRecord {
                fields: (1..l.bounds.len()).map(|p| l.get(p).to_string()).collect(),
            }),
            _ => {
                return Err(parse_error(format!(
                    "line {no}: field 1 (レコード識別情報): {kind:?} is not a record identifier (two capital letters such as SI)"
                )))
            }
        };
        if let Some(r) = self.receipts.last_mut() {
            r.records.push(record);
        }
        Ok(())
    }
}

/// A record identifier: two capital ASCII letters.
fn is_kind(kind: &str) -> bool {
    kind.len() == 2 && kind.bytes().all(|b| b.is_ascii_uppercase())
}

/// " (name)" for a known record's field, "" otherwise.
fn field_label(kind: &str, pos: usize) -> String {
    let names: &[&str] = match kind {
        "IR" => &f::IR,
        "RE" => &f::RE,
        "HO" => &f::HO,
        "KO" => &f::KO,
        "SN" => &f::SN,
        "JD" => &f::JD[..f::JD_LEN],
        "MF" => &f::MF[..f::MF_LEN],
        "GR" => &f::GR,
        "SY" => &f::SY,
        "SI" => &f::SI[..f::SI_LEN],
        "IY" => &f::IY[..f::IY_LEN],
        "TO" => &f::TO[..f::TO_LEN],
        "CO" => &f::CO,
        "SJ" => &f::SJ,
        "GO" => &f::GO,
        _ => &[],
    };
    names
        .get(pos.wrapping_sub(1))
        .map_or(String::new(), |n| format!(" ({n})"))
}

/// One line being read: its fields as borrowed text.
#[derive(Clone, Copy)]
struct Line<'a> {
    no: usize,
    kind: &'a str,
    text: &'a str,
    bounds: &'a [usize],
    names: &'a [&'static str],
}

impl<'a> Line<'a> {
    /// Checks the field count against the record's layout.
    fn with(self, names: &'a [&'static str]) -> Result<Line<'a>> {
        let found = self.bounds.len() - 1;
        if found != names.len() {
            return Err(parse_error(format!(
                "line {}: {} record has {found} fields, expected {} (記録条件仕様 {} layout)",
                self.no,
                self.kind,
                names.len(),
                self.kind
            )));
        }
        Ok(Line { names, ..self })
    }

    /// Field `pos` (1-based).
    fn get(&self, pos: usize) -> &'a str {
        match (self.bounds.get(pos - 1), self.bounds.get(pos)) {
            (Some(&s), Some(&e)) => self.text.get(s..e - 1).unwrap_or(""),
            _ => "",
        }
    }

    fn err(&self, pos: usize, message: impl std::fmt::Display) -> Error {
        let name = self.names.get(pos - 1).copied().unwrap_or("");
        parse_error(format!(
            "line {}: {} field {pos} ({name}): {message}",
            self.no, self.kind
        ))
    }

    /// Optional text (漢字 or 英数): `None` when empty.
    fn opt_text(&self, pos: usize) -> Option<String> {
        let v = self.get(pos);
        (!v.is_empty()).then(|| v.to_string())
    }

    /// A required field.
    fn required(&self, pos: usize) -> Result<&'a str> {
        let v = self.get(pos);
        if v.is_empty() {
            Err(self.err(pos, "required, but empty"))
        } else {
            Ok(v)
        }
    }

    /// 予備: must be empty (記録を省略する).
    fn reserved(&self, pos: usize) -> Result<()> {
        let v = self.get(pos);
        if v.is_empty() {
            Ok(())
        } else {
            Err(self.err(pos, format!("予備 must be empty, found {v:?}")))
        }
    }

    /// A number of at most `digits` digits (数字 可変).
    fn num(&self, pos: usize, digits: usize) -> Result<u64> {
        let v = self.required(pos)?;
        parse_num(v, digits).ok_or_else(|| {
            self.err(
                pos,
                format!("expected a number of at most {digits} digits, found {v:?}"),
            )
        })
    }

    fn opt_num(&self, pos: usize, digits: usize) -> Result<Option<u64>> {
        if self.get(pos).is_empty() {
            Ok(None)
        } else {
            self.num(pos, digits).map(Some)
        }
    }

    /// A one-digit code out of `allowed` (別表 …).
    fn small_code(&self, pos: usize, allowed: &[u8], table: &str) -> Result<u8> {
        let v = self.required(pos)?;
        match v.as_bytes() {
            [b] if b.is_ascii_digit() && allowed.contains(&(b - b'0')) => Ok(b - b'0'),
            _ => Err(self.err(pos, format!("unknown code {v:?} ({table})"))),
        }
    }

    fn code(
        &self,
        pos: usize,
        len: usize,
        fixed: bool,
        chars: Chars,
        unit: usize,
    ) -> Result<String> {
        let v = self.required(pos)?;
        check_code(v, len, fixed, chars, unit).map_err(|m| self.err(pos, m))?;
        Ok(v.to_string())
    }

    fn opt_code(
        &self,
        pos: usize,
        len: usize,
        fixed: bool,
        chars: Chars,
    ) -> Result<Option<String>> {
        if self.get(pos).is_empty() {
            Ok(None)
        } else {
            self.code(pos, len, fixed, chars, 1).map(Some)
        }
    }

    /// A field of `unit`-character codes, split (病棟区分, 特記事項, 修飾語コード, 患者の状態).
    fn units(&self, pos: usize, max: usize, chars: Chars, unit: usize) -> Result<Vec<String>> {
        let v = self.get(pos);
        if v.is_empty() {
            return Ok(Vec::new());
        }
        check_code(v, max, false, chars, unit).map_err(|m| self.err(pos, m))?;
        Ok(v.as_bytes()
            .chunks(unit)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect())
    }

    fn ym(&self, pos: usize) -> Result<YearMonth> {
        let v = self.required(pos)?;
        YearMonth::from_uke(v).ok_or_else(|| {
            if is_wareki(v, 5) {
                self.err(pos, old_format(v, "GYYMM"))
            } else {
                self.err(
                    pos,
                    format!("expected a year and month YYYYMM, found {v:?}"),
                )
            }
        })
    }

    fn date(&self, pos: usize) -> Result<Date> {
        let v = self.required(pos)?;
        Date::from_uke(v).ok_or_else(|| {
            if is_wareki(v, 7) {
                self.err(pos, old_format(v, "GYYMMDD"))
            } else {
                self.err(pos, format!("expected a date YYYYMMDD, found {v:?}"))
            }
        })
    }

    fn opt_date(&self, pos: usize) -> Result<Option<Date>> {
        if self.get(pos).is_empty() {
            Ok(None)
        } else {
            self.date(pos).map(Some)
        }
    }

    fn master_code(&self, pos: usize) -> Result<MasterCode> {
        let v = self.required(pos)?;
        MasterCode::from_uke(v)
            .ok_or_else(|| self.err(pos, format!("expected a 9-digit code, found {v:?}")))
    }

    fn shikibetsu(&self, pos: usize) -> Result<Option<ShinryoShikibetsu>> {
        let v = self.get(pos);
        if v.is_empty() {
            return Ok(None);
        }
        ShinryoShikibetsu::from_uke(v)
            .map(Some)
            .ok_or_else(|| self.err(pos, format!("unknown 診療識別 {v:?} (別表20)")))
    }

    fn futan(&self, pos: usize) -> Result<FutanKubun> {
        let v = self.required(pos)?;
        FutanKubun::from_uke(v)
            .ok_or_else(|| self.err(pos, format!("unknown 負担区分 {v:?} (別表21)")))
    }

    fn decimal(&self, pos: usize, int: usize, frac: usize) -> Result<Option<UkeDecimal>> {
        let v = self.get(pos);
        if v.is_empty() {
            return Ok(None);
        }
        UkeDecimal::from_uke(v, int, frac).map(Some).ok_or_else(|| {
            self.err(
                pos,
                format!("expected a decimal of at most {int} integer and {frac} fraction digits, found {v:?}"),
            )
        })
    }

    /// コメント①–③ from field `first` (code, text pairs), filled from ①.
    fn comments(&self, first: usize) -> Result<Vec<Comment>> {
        let mut out = Vec::new();
        let mut gap = false;
        for k in 0..3 {
            let (cp, tp) = (first + 2 * k, first + 2 * k + 1);
            let (code, text) = (self.get(cp), self.get(tp));
            if code.is_empty() {
                if !text.is_empty() {
                    return Err(self.err(tp, "文字データ without its コメントコード"));
                }
                gap = true;
                continue;
            }
            if gap {
                return Err(self.err(cp, "コメント recorded after an empty one (fill from ①)"));
            }
            out.push(Comment {
                code: self.master_code(cp)?,
                text: (!text.is_empty()).then(|| text.to_string()),
            });
        }
        Ok(out)
    }

    /// 算定日情報 1日…31日 from field `first` (数字3 可変 each).
    fn days(&self, first: usize) -> Result<[u16; 31]> {
        let mut days = [0u16; 31];
        let Some(b) = self.bounds.get(first - 1..first + 31) else {
            return Ok(days); // the field count was checked
        };
        for (d, w) in b.windows(2).enumerate() {
            let (s, e) = (w[0], w[1] - 1);
            if e > s {
                let v = self.text.get(s..e).unwrap_or("");
                days[d] = parse_num(v, 3).ok_or_else(|| {
                    self.err(
                        first + d,
                        format!("expected a count of at most 3 digits, found {v:?}"),
                    )
                })? as u16;
            }
        }
        Ok(days)
    }
}

/// Digits only, 1..=`digits` of them.
fn parse_num(v: &str, digits: usize) -> Option<u64> {
    (!v.is_empty() && v.len() <= digits && v.bytes().all(|b| b.is_ascii_digit()))
        .then(|| super::values::digits_value(v))
}

/// The old (平成 and before) layout wrote dates as 和暦 with a 年号区分 digit first (1 明治 …
/// 5 令和): GYYMM (5 digits) or GYYMMDD (7 digits) with a plausible month and day.
fn is_wareki(v: &str, len: usize) -> bool {
    if v.len() != len
        || !v.bytes().all(|b| b.is_ascii_digit())
        || !matches!(v.as_bytes()[0], b'1'..=b'5')
    {
        return false;
    }
    let month = super::values::digits_value(&v[3..5]);
    let day_ok = len == 5 || (1..=31).contains(&super::values::digits_value(&v[5..7]));
    (1..=12).contains(&month) && day_ok
}

fn old_format(v: &str, form: &str) -> String {
    format!(
        "{v:?} is a 和暦 date ({form}, 年号区分 first) of the old 記録条件仕様 layout, which is not supported: only the current 西暦 layout (YYYYMM / YYYYMMDD, 令和2年度以降) is read"
    )
}

fn read_ir(l: Line<'_>) -> Result<Ir> {
    let tensuhyo = l.small_code(4, &[1, 3, 4, 6], "別表3")?;
    if tensuhyo != 1 {
        return Err(l.err(
            4,
            format!("点数表 {tensuhyo} is not 医科 (1): only 医科 UKE files are read"),
        ));
    }
    l.reserved(6)?;
    Ok(Ir {
        shinsa_shiharai_kikan: l.small_code(2, &[1, 2], "別表1")?,
        todofuken: l.code(3, 2, true, Chars::Digits, 1)?,
        tensuhyo,
        iryokikan_code: l.code(5, 7, true, Chars::Digits, 1)?,
        iryokikan_name: l.opt_text(7),
        seikyu_ym: l.ym(8)?,
        multi_volume: l.code(9, 2, true, Chars::Digits, 1)?,
        phone: l.opt_code(10, 15, false, Chars::Alnum)?,
    })
}

fn read_re(l: Line<'_>) -> Result<Re> {
    for p in [16, 17, 18, 20] {
        l.reserved(p)?;
    }
    let dept = |first: usize| -> Result<Shinryoka> {
        Ok(Shinryoka {
            name: l.opt_code(first, 2, false, Chars::Digits)?,
            body_part: l.opt_code(first + 1, 3, false, Chars::Digits)?,
            sex: l.opt_code(first + 2, 3, false, Chars::Digits)?,
            treatment: l.opt_code(first + 3, 3, false, Chars::Digits)?,
            disease: l.opt_code(first + 4, 3, false, Chars::Digits)?,
        })
    };
    Ok(Re {
        receipt_no: l.num(2, 6)? as u32,
        receipt_type: {
            l.code(3, 4, true, Chars::Digits, 1)?;
            l.num(3, 4)? as u16
        },
        shinryo_ym: l.ym(4)?,
        name: l.get(5).to_string(),
        sex: l.small_code(6, &[1, 2], "別表6")?,
        birth_date: l.date(7)?,
        kyufu_wariai: l.opt_num(8, 3)?.map(|n| n as u16),
        admission_date: l.opt_date(9)?,
        byoto: l.units(10, 8, Chars::Alnum, 2)?,
        futan_kubun: l.opt_num(11, 1)?.map(|n| n as u8),
        tokki: l.units(12, 10, Chars::Alnum, 2)?,
        beds: l.opt_num(13, 4)?.map(|n| n as u16),
        karte_no: l.opt_code(14, 20, false, Chars::Alnum)?,
        discount_unit_price: l.opt_num(15, 2)?.map(|n| n as u8),
        search_no: l.opt_code(19, 30, false, Chars::Digits)?,
        seikyu_info: l.opt_text(21),
        shinryoka: {
            // empty trailing ones left out, without allocating when all are empty
            let all = [dept(22)?, dept(27)?, dept(32)?];
            let n = all
                .iter()
                .rposition(|d| *d != Shinryoka::default())
                .map_or(0, |i| i + 1);
            all.into_iter().take(n).collect()
        },
        kana_name: l.opt_text(37),
        patient_state: l.units(38, 60, Chars::Digits, 3)?,
    })
}

fn read_ho(l: Line<'_>) -> Result<Ho> {
    l.reserved(7)?;
    Ok(Ho {
        hokensha_no: l.code(2, 8, true, Chars::PaddedDigits, 1)?,
        kigo: l.opt_text(3),
        bango: l.opt_text(4),
        jitsunissu: l.num(5, 2)? as u16,
        total_points: l.num(6, 8)? as u32,
        meal_count: l.opt_num(8, 2)?.map(|n| n as u16),
        meal_yen: l.opt_num(9, 8)?.map(|n| n as u32),
        shokumu_jiyu: l.opt_num(10, 1)?.map(|n| n as u8),
        certificate_no: l.opt_code(11, 3, false, Chars::Digits)?,
        futan_yen: l.opt_num(12, 9)?.map(|n| n as u32),
        genmen_kubun: l.opt_num(13, 1)?.map(|n| n as u8),
        gengaku_wariai: l.opt_num(14, 3)?.map(|n| n as u16),
        gengaku_yen: l.opt_num(15, 6)?.map(|n| n as u32),
    })
}

fn read_ko(l: Line<'_>) -> Result<Ko> {
    l.reserved(10)?;
    Ok(Ko {
        futansha_no: l.code(2, 8, true, Chars::PaddedDigits, 1)?,
        jukyusha_no: l.opt_code(3, 7, false, Chars::Digits)?,
        nini_kyufu: l.opt_num(4, 1)?.map(|n| n as u8),
        jitsunissu: l.num(5, 2)? as u16,
        total_points: l.num(6, 8)? as u32,
        futan_yen: l.opt_num(7, 8)?.map(|n| n as u32),
        gairai_futan_yen: l.opt_num(8, 6)?.map(|n| n as u32),
        nyuin_futan_yen: l.opt_num(9, 6)?.map(|n| n as u32),
        meal_count: l.opt_num(11, 2)?.map(|n| n as u16),
        meal_yen: l.opt_num(12, 8)?.map(|n| n as u32),
    })
}

fn read_sn(l: Line<'_>) -> Result<Sn> {
    l.reserved(9)?;
    Ok(Sn {
        futansha_shubetsu: l.small_code(2, &[1, 2, 3, 4, 5], "別表28")?,
        kakunin_kubun: l.opt_code(3, 2, true, Chars::Digits)?,
        hokensha_no: l.opt_code(4, 8, false, Chars::Alnum)?,
        kigo: l.opt_text(5),
        bango: l.opt_text(6),
        edaban: l.opt_code(7, 2, false, Chars::Alnum)?,
        jukyusha_no: l.opt_code(8, 7, false, Chars::Digits)?,
    })
}

fn read_jd(l: Line<'_>) -> Result<Jd> {
    let mut days = [0u8; 31];
    for (d, slot) in days.iter_mut().enumerate() {
        let pos = 3 + d;
        if !l.get(pos).is_empty() {
            *slot = l.small_code(pos, &[1, 2, 9], "別表30 受診等区分")?;
        }
    }
    Ok(Jd {
        futansha_shubetsu: l.small_code(2, &[1, 2, 3, 4, 5], "別表28")?,
        days,
    })
}

fn read_mf(l: Line<'_>) -> Result<Mf> {
    for p in 3..=f::MF_LEN {
        l.reserved(p)?;
    }
    Ok(Mf {
        madoguchi_kubun: l.code(2, 2, true, Chars::Digits, 1)?,
    })
}

fn read_gr(l: Line<'_>) -> Result<Gr> {
    Ok(Gr {
        santei_riyu: l.code(2, 2, true, Chars::Digits, 1)?,
        dpc_code: l.opt_code(3, 14, false, Chars::Alnum)?,
    })
}

fn read_sy(l: Line<'_>) -> Result<Sy> {
    Ok(Sy {
        code: l.code(2, 7, true, Chars::Digits, 1)?,
        start_date: l.date(3)?,
        tenki: l.small_code(4, &[1, 2, 3, 4], "別表18")?,
        modifiers: l.units(5, 80, Chars::Alnum, 4)?,
        name: l.opt_text(6),
        main: l.opt_code(7, 2, false, Chars::Digits)?,
        comment: l.opt_text(8),
    })
}

fn read_si(l: Line<'_>) -> Result<Si> {
    Ok(Si {
        shikibetsu: l.shikibetsu(2)?,
        futan: l.futan(3)?,
        code: l.master_code(4)?,
        quantity: l.opt_num(5, 8)?.map(|n| n as u32),
        points: l.opt_num(6, 7)?.map(|n| n as u32),
        count: l.num(7, 3)? as u16,
        comments: l.comments(8)?,
        days: l.days(14)?,
    })
}

fn read_iy(l: Line<'_>) -> Result<Iy> {
    Ok(Iy {
        shikibetsu: l.shikibetsu(2)?,
        futan: l.futan(3)?,
        code: l.master_code(4)?,
        amount: l.decimal(5, 5, 5)?,
        points: l.opt_num(6, 7)?.map(|n| n as u32),
        count: l.num(7, 3)? as u16,
        comments: l.comments(8)?,
        days: l.days(14)?,
    })
}

fn read_to(l: Line<'_>) -> Result<To> {
    l.reserved(10)?;
    Ok(To {
        shikibetsu: l.shikibetsu(2)?,
        futan: l.futan(3)?,
        code: l.master_code(4)?,
        amount: l.decimal(5, 5, 3)?,
        points: l.opt_num(6, 7)?.map(|n| n as u32),
        count: l.num(7, 3)? as u16,
        unit_code: l.opt_code(8, 3, false, Chars::Digits)?,
        unit_price: l.decimal(9, 8, 2)?,
        product_name: l.opt_text(11),
        comments: l.comments(12)?,
        days: l.days(18)?,
    })
}

fn read_co(l: Line<'_>) -> Result<Co> {
    Ok(Co {
        shikibetsu: l.shikibetsu(2)?,
        futan: l.futan(3)?,
        code: l.master_code(4)?,
        text: l.opt_text(5),
    })
}

fn read_sj(l: Line<'_>) -> Result<Sj> {
    Ok(Sj {
        kubun: l.opt_code(2, 2, false, Chars::Digits)?,
        text: l.opt_text(3),
    })
}

fn read_go(l: Line<'_>) -> Result<Go> {
    Ok(Go {
        total_receipts: l.opt_num(2, 6)?.map(|n| n as u32),
        total_points: l.opt_num(3, 10)?,
        multi_volume: l.code(4, 2, true, Chars::Digits, 1)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] =
        include_bytes!("../../tests/data/uke/RECEIPTC_GAIRAI_SAMPLE.excerpt.cp932.UKE");

    /// The fast path reads what the line-by-line reader reads, and gives up on everything else.
    fn agree(bytes: &[u8]) {
        let (body, eof_mark) = match bytes.split_last() {
            Some((0x1A, rest)) => (rest, true),
            _ => (bytes, false),
        };
        let fast = read_fast(body, eof_mark);
        let checked = read_checked(body, eof_mark).ok();
        if fast.is_some() {
            assert_eq!(fast, checked);
        }
    }

    #[test]
    fn fast_path_reads_the_sample_and_agrees_on_variants() {
        let body = SAMPLE.strip_suffix(&[0x1A]).unwrap_or(SAMPLE);
        assert!(read_fast(body, true).is_some());
        agree(SAMPLE);
        let variants: Vec<Vec<u8>> = vec![
            body.to_vec(),
            String::from_utf8_lossy(body)
                .replace("\r\n", "\n")
                .into_bytes(),
            [body, b"\r"].concat(),
            [body, b"\r\n"].concat(),
            [body, b"XX,1"].concat(),
            [&body[..body.len() - 2], b"\r"].concat(),
            [&body[..body.len() - 2], b"\r\r\n"].concat(),
            body.splitn(2, |&b| b == b',')
                .collect::<Vec<_>>()
                .join(&b",\"2"[..]),
            body.splitn(2, |&b| b == b',')
                .collect::<Vec<_>>()
                .join(&b",\x81"[..]),
            body.splitn(2, |&b| b == b'\n')
                .collect::<Vec<_>>()
                .join(&b"\nRE\r,"[..]),
        ];
        for v in &variants {
            agree(v);
        }
        // no line of the sample is read differently when cut short or given an extra field
        let lines: Vec<&[u8]> = body.split(|&b| b == b'\n').collect();
        for i in 0..lines.len() {
            for edit in [b",".as_slice(), b"9", b"\x82\xa0"] {
                let mut v = lines.clone();
                let longer = [
                    lines[i].strip_suffix(b"\r").unwrap_or(lines[i]),
                    edit,
                    b"\r",
                ]
                .concat();
                v[i] = &longer;
                agree(&v.join(&b'\n'));
            }
        }
    }
}

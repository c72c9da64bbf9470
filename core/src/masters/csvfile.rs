//! Reading one official master CSV: Shift_JIS (CP932), CRLF, every field double-quoted, no header.
//! Each row is checked field by field; a bad field is an error naming file, line, column and field.

use crate::error::{Error, Result};
use csv::StringRecord;

/// Decodes CP932 bytes. encoding_rs's `SHIFT_JIS` is the WHATWG Shift_JIS, i.e. Windows-31J/CP932
/// (NEC and IBM extensions included), which is what 支払基金 publishes.
pub fn decode_cp932(file: &str, bytes: &[u8]) -> Result<String> {
    let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
    if had_errors {
        let line = text
            .lines()
            .position(|l| l.contains('\u{FFFD}'))
            .map_or(0, |i| i + 1);
        return Err(Error::master(
            file,
            format!("line {line}: bytes that are not valid Shift_JIS (CP932)"),
        ));
    }
    Ok(text.into_owned())
}

/// Parses the decoded text into records, calling `row` for each with its 1-based line number.
/// `columns` lists the accepted field counts (a layout per published revision); empty = any.
pub fn for_each_record(
    file: &str,
    text: &str,
    columns: &[usize],
    mut row: impl FnMut(&Row<'_>) -> Result<()>,
) -> Result<()> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = StringRecord::new();
    // Line numbers come from byte offsets (csv's own line counter lags on CRLF files).
    let mut lines = LineCounter::new(text);
    loop {
        let start = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let at = e.position().map_or(start, |p| p.byte());
                let line = lines.line_at(at);
                return Err(Error::master(
                    file,
                    format!("line {line}: malformed CSV: {e}"),
                ));
            }
        }
        let line = lines.line_at(record.position().map_or(start, |p| p.byte()));
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue; // a blank line (e.g. a trailing CRLF pair or EOF marker line)
        }
        if !columns.is_empty() && !columns.contains(&record.len()) {
            let expected: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
            return Err(Error::master(
                file,
                format!(
                    "line {line}: expected {} fields, found {} (truncated or not this master's layout)",
                    expected.join(" or "),
                    record.len()
                ),
            ));
        }
        row(&Row {
            file,
            line,
            record: &record,
        })?;
    }
    Ok(())
}

/// Maps increasing byte offsets to 1-based line numbers in one pass.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut target = (byte as usize).min(self.text.len());
        // a record's recorded start may sit on the tail of the previous CRLF terminator
        while target < self.text.len() && matches!(self.text[target], b'\r' | b'\n') {
            target += 1;
        }
        if target < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        self.line += self.text[self.offset..target]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.offset = target;
        self.line
    }
}

/// One master row, with typed accessors by 1-based column number (as in the 仕様説明書).
pub struct Row<'a> {
    pub file: &'a str,
    pub line: u64,
    pub record: &'a StringRecord,
}

impl Row<'_> {
    pub fn text(&self, col: usize) -> &str {
        self.record.get(col - 1).unwrap_or("")
    }

    pub fn error(&self, col: usize, field: &str, message: impl std::fmt::Display) -> Error {
        Error::master_field(self.file, self.line, col, field, message)
    }

    /// A fixed-length code of ASCII digits (診療行為コード 9, 医薬品コード 9, …).
    pub fn digits(&self, col: usize, field: &str, len: usize) -> Result<String> {
        let v = self.text(col);
        if v.len() == len && v.bytes().all(|b| b.is_ascii_digit()) {
            Ok(v.to_string())
        } else {
            Err(self.error(col, field, format!("expected {len} digits, found {v:?}")))
        }
    }

    /// A date `YYYYMMDD`, or 0 when the field is empty (傷病名・修飾語 leave unset dates empty).
    pub fn date_or_zero(&self, col: usize, field: &str) -> Result<u32> {
        if self.text(col).trim().is_empty() {
            Ok(0)
        } else {
            self.date(col, field)
        }
    }

    /// A small unsigned number; an empty field reads as 0.
    pub fn number(&self, col: usize, field: &str) -> Result<u32> {
        let v = self.text(col).trim();
        if v.is_empty() {
            return Ok(0);
        }
        v.parse::<u32>()
            .map_err(|_| self.error(col, field, format!("expected a number, found {v:?}")))
    }

    /// A decimal with at most two fraction digits (点数 "291.00", 金額 "16.50"), in hundredths.
    pub fn hundredths(&self, col: usize, field: &str) -> Result<i64> {
        let v = self.text(col).trim();
        parse_hundredths(v).ok_or_else(|| {
            self.error(
                col,
                field,
                format!("expected a decimal number like 291.00, found {v:?}"),
            )
        })
    }

    /// An optional decimal (empty → None), in hundredths.
    pub fn hundredths_opt(&self, col: usize, field: &str) -> Result<Option<i64>> {
        if self.text(col).trim().is_empty() {
            Ok(None)
        } else {
            self.hundredths(col, field).map(Some)
        }
    }

    /// A date `YYYYMMDD` (`99999999` = open-ended, `00000000` = none) as a sortable number.
    pub fn date(&self, col: usize, field: &str) -> Result<u32> {
        let v = self.text(col);
        let ok = v.len() == 8
            && v.bytes().all(|b| b.is_ascii_digit())
            && (v == "99999999"
                || v == "00000000"
                || chrono::NaiveDate::parse_from_str(v, "%Y%m%d").is_ok());
        if ok {
            v.parse::<u32>()
                .map_err(|_| self.error(col, field, "unreadable date"))
        } else {
            Err(self.error(col, field, format!("expected a date YYYYMMDD, found {v:?}")))
        }
    }
}

/// A coded field with a closed set of official values (マスターファイル仕様説明書 / 別紙): an unknown
/// value is an error naming the field, never silently read as another.
#[macro_export]
macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident, $field:literal { $($(#[$vdoc:meta])* $var:ident = $val:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $var),*
        }

        impl $name {
            pub fn parse(row: &$crate::masters::csvfile::Row<'_>, col: usize) -> $crate::error::Result<Self> {
                match row.number(col, $field)? {
                    $($val => Ok(Self::$var),)*
                    other => Err(row.error(col, $field, format!("unknown code {other}"))),
                }
            }

            /// The official code value.
            pub fn code(self) -> u32 {
                match self {
                    $(Self::$var => $val),*
                }
            }
        }
    };
}

/// "291.00" → 29100, "16.5" → 1650, "7" → 700. None when not a plain non-negative decimal
/// with at most two fraction digits.
pub fn parse_hundredths(v: &str) -> Option<i64> {
    let (int, frac) = match v.split_once('.') {
        Some((i, f)) => (i, f),
        None => (v, ""),
    };
    if int.is_empty()
        || int.len() > 12
        || frac.len() > 2
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut n: i64 = int.parse().ok()?;
    n *= 100;
    if !frac.is_empty() {
        let f: i64 = frac.parse().ok()?;
        n += if frac.len() == 1 { f * 10 } else { f };
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hundredths() {
        assert_eq!(parse_hundredths("291.00"), Some(29100));
        assert_eq!(parse_hundredths("16.5"), Some(1650));
        assert_eq!(parse_hundredths("7"), Some(700));
        assert_eq!(parse_hundredths("0.05"), Some(5));
        assert_eq!(parse_hundredths(""), None);
        assert_eq!(parse_hundredths("-1.00"), None);
        assert_eq!(parse_hundredths("1.005"), None);
        assert_eq!(parse_hundredths("1,00"), None);
    }

    #[test]
    fn invalid_shift_jis_names_the_line() {
        let bytes = b"\"a\"\r\n\"\x81\"\r\n";
        let err = decode_cp932("x.csv", bytes).unwrap_err();
        assert_eq!(
            err.message,
            "x.csv: line 2: bytes that are not valid Shift_JIS (CP932)"
        );
    }

    #[test]
    fn wrong_field_count_names_file_and_line() {
        let text = "\"1\",\"2\"\r\n\"1\"\r\n";
        let err = for_each_record("x.csv", text, &[2], |_| Ok(())).unwrap_err();
        assert_eq!(
            err.message,
            "x.csv: line 2: expected 2 fields, found 1 (truncated or not this master's layout)"
        );
    }
}

//! The small value types of UKE fields: dates, master codes, code-table values and decimals.
//! Each is a number inside (no allocation while reading) and a string on the wire (JSON), so a
//! code keeps its leading zeros and a decimal its exact digits.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Serde (as a string) and JSON Schema (a string with a pattern) for a type with
/// `fn parse(&str) -> Result<Self, String>` and `Display`.
macro_rules! string_value {
    ($ty:ident, $name:literal, $pattern:literal, $desc:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let s = Cow::<'de, str>::deserialize(d)?;
                $ty::parse(&s).map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $desc,
                })
            }
        }
    };
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Digits to a number (the caller has checked they are ASCII digits and few enough to fit).
pub(crate) fn digits_value(s: &str) -> u64 {
    s.bytes()
        .fold(0u64, |n, b| n * 10 + u64::from(b.wrapping_sub(b'0')))
}

/// 年月 (YYYYMM in the file, `"YYYY-MM"` on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth(u32);

impl YearMonth {
    /// From the file form `YYYYMM`.
    pub fn from_uke(s: &str) -> Option<Self> {
        if s.len() != 6 || !all_digits(s) {
            return None;
        }
        let n = digits_value(s) as u32;
        let (y, m) = (n / 100, n % 100);
        (y >= 1000 && (1..=12).contains(&m)).then_some(YearMonth(n))
    }

    /// From the wire form `YYYY-MM`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        if b.len() == 7 && b[4] == b'-' {
            if let Some(v) = Self::from_uke(&format!("{}{}", &s[..4], &s[5..])) {
                return Ok(v);
            }
        }
        Err(format!("expected a year and month YYYY-MM, found {s:?}"))
    }

    pub fn year(self) -> u32 {
        self.0 / 100
    }

    pub fn month(self) -> u32 {
        self.0 % 100
    }

    /// The file form as a number, e.g. 202110.
    pub fn yyyymm(self) -> u32 {
        self.0
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

string_value!(
    YearMonth,
    "UkeYearMonth",
    "^[0-9]{4}-(0[1-9]|1[0-2])$",
    "年月 (西暦), YYYY-MM (YYYYMM in the UKE file)"
);

/// 年月日 (YYYYMMDD in the file, `"YYYY-MM-DD"` on the wire); a real calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(u32);

impl Date {
    /// From the file form `YYYYMMDD`.
    pub fn from_uke(s: &str) -> Option<Self> {
        if s.len() != 8 || !all_digits(s) {
            return None;
        }
        let n = digits_value(s) as u32;
        let (y, m, d) = (n / 10000, n / 100 % 100, n % 100);
        let ok = y >= 1000 && chrono::NaiveDate::from_ymd_opt(y as i32, m, d).is_some();
        ok.then_some(Date(n))
    }

    /// From the wire form `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
            if let Some(v) = Self::from_uke(&format!("{}{}{}", &s[..4], &s[5..7], &s[8..])) {
                return Ok(v);
            }
        }
        Err(format!("expected a date YYYY-MM-DD, found {s:?}"))
    }

    pub fn year(self) -> u32 {
        self.0 / 10000
    }

    pub fn month(self) -> u32 {
        self.0 / 100 % 100
    }

    pub fn day(self) -> u32 {
        self.0 % 100
    }

    /// The file form as a number, e.g. 20210801.
    pub fn yyyymmdd(self) -> u32 {
        self.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

string_value!(
    Date,
    "UkeDate",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "年月日 (西暦), YYYY-MM-DD (YYYYMMDD in the UKE file)"
);

/// A 9-digit 基本マスター code: 診療行為コード (1…), 医薬品コード (6…), 特定器材コード (7…),
/// コメントコード (8…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MasterCode(u32);

impl MasterCode {
    pub fn from_uke(s: &str) -> Option<Self> {
        (s.len() == 9 && all_digits(s)).then(|| MasterCode(digits_value(s) as u32))
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::from_uke(s).ok_or_else(|| format!("expected a 9-digit master code, found {s:?}"))
    }

    pub fn value(self) -> u32 {
        self.0
    }
}

impl fmt::Display for MasterCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:09}", self.0)
    }
}

string_value!(
    MasterCode,
    "UkeMasterCode",
    "^[0-9]{9}$",
    "9-digit 基本マスター code (診療行為 1…, 医薬品 6…, 特定器材 7…, コメント 8…)"
);

/// 診療識別 (記録条件仕様 別表20), two digits: 01 全体, 11 初診 … 99 全体.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShinryoShikibetsu(u8);

impl ShinryoShikibetsu {
    /// 別表20 (医科): code and name.
    pub const TABLE: [(u8, &'static str); 27] = [
        (1, "全体に係る識別コード"),
        (11, "初診"),
        (12, "再診"),
        (13, "医学管理"),
        (14, "在宅"),
        (21, "投薬 内服"),
        (22, "投薬 屯服"),
        (23, "投薬 外用"),
        (24, "投薬 調剤"),
        (25, "投薬 処方"),
        (26, "投薬 麻毒"),
        (27, "投薬 調基"),
        (28, "投薬 その他"),
        (31, "注射 皮下筋肉内"),
        (32, "注射 静脈内"),
        (33, "注射 その他"),
        (39, "薬剤料減点"),
        (40, "処置"),
        (50, "手術"),
        (54, "麻酔"),
        (60, "検査・病理"),
        (70, "画像診断"),
        (80, "その他"),
        (90, "入院 入院基本料"),
        (92, "入院 特定入院料・その他"),
        (97, "食事療養・生活療養・標準負担額"),
        (99, "全体に係る識別コード"),
    ];

    /// From the file: two digits ("1" is accepted for 01), a code of 別表20.
    pub fn from_uke(s: &str) -> Option<Self> {
        if s.is_empty() || s.len() > 2 || !all_digits(s) {
            return None;
        }
        let n = digits_value(s) as u8;
        Self::TABLE
            .iter()
            .any(|&(c, _)| c == n)
            .then_some(ShinryoShikibetsu(n))
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::from_uke(s).ok_or_else(|| format!("unknown 診療識別 {s:?} (別表20)"))
    }

    pub fn code(self) -> u8 {
        self.0
    }

    /// The 別表20 name, e.g. "初診".
    pub fn name(self) -> &'static str {
        Self::TABLE
            .iter()
            .find(|&&(c, _)| c == self.0)
            .map_or("", |&(_, n)| n)
    }
}

impl fmt::Display for ShinryoShikibetsu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}", self.0)
    }
}

string_value!(
    ShinryoShikibetsu,
    "UkeShinryoShikibetsu",
    "^(01|1[1-4]|2[1-8]|3[1-39]|40|5[04]|60|70|80|9[0279])$",
    "診療識別 (記録条件仕様 別表20)"
);

/// 負担区分 (記録条件仕様 別表21): which of 医保 and 公費①–④ the line is claimed to, one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FutanKubun(u8);

impl FutanKubun {
    /// 別表21: each code and the payers it names, as bits (1 医保, 2 公費①, 4 公費②, 8 公費③, 16 公費④).
    pub const TABLE: [(u8, u8); 31] = [
        (b'1', 1),
        (b'5', 2),
        (b'6', 4),
        (b'B', 8),
        (b'C', 16),
        (b'2', 1 | 2),
        (b'3', 1 | 4),
        (b'E', 1 | 8),
        (b'G', 1 | 16),
        (b'7', 2 | 4),
        (b'H', 2 | 8),
        (b'I', 2 | 16),
        (b'J', 4 | 8),
        (b'K', 4 | 16),
        (b'L', 8 | 16),
        (b'4', 1 | 2 | 4),
        (b'M', 1 | 2 | 8),
        (b'N', 1 | 2 | 16),
        (b'O', 1 | 4 | 8),
        (b'P', 1 | 4 | 16),
        (b'Q', 1 | 8 | 16),
        (b'R', 2 | 4 | 8),
        (b'S', 2 | 4 | 16),
        (b'T', 2 | 8 | 16),
        (b'U', 4 | 8 | 16),
        (b'V', 1 | 2 | 4 | 8),
        (b'W', 1 | 2 | 4 | 16),
        (b'X', 1 | 2 | 8 | 16),
        (b'Y', 1 | 4 | 8 | 16),
        (b'Z', 2 | 4 | 8 | 16),
        (b'9', 1 | 2 | 4 | 8 | 16),
    ];

    pub fn from_uke(s: &str) -> Option<Self> {
        match s.as_bytes() {
            [b] => Self::TABLE
                .iter()
                .any(|&(c, _)| c == *b)
                .then_some(FutanKubun(*b)),
            _ => None,
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::from_uke(s).ok_or_else(|| format!("unknown 負担区分 {s:?} (別表21)"))
    }

    /// The code character, e.g. '2'.
    pub fn code(self) -> char {
        char::from(self.0)
    }

    /// The payers the code names: bit 0 医保, bits 1–4 公費①–④.
    pub fn payers(self) -> u8 {
        Self::TABLE
            .iter()
            .find(|&&(c, _)| c == self.0)
            .map_or(0, |&(_, p)| p)
    }
}

impl fmt::Display for FutanKubun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", char::from(self.0))
    }
}

string_value!(
    FutanKubun,
    "UkeFutanKubun",
    "^[1-79BCEG-Z]$",
    "負担区分 (記録条件仕様 別表21)"
);

/// A non-negative decimal exactly as recorded (使用量 "0.5", 単価 "1234.56"): digits and scale,
/// so writing it back gives the same text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UkeDecimal {
    mantissa: u64,
    scale: u8,
}

impl UkeDecimal {
    /// `int` and `frac` are the most digits allowed before and after the point.
    pub fn from_uke(s: &str, int: usize, frac: usize) -> Option<Self> {
        let (i, f) = match s.split_once('.') {
            Some((i, f)) => {
                if f.is_empty() {
                    return None;
                }
                (i, f)
            }
            None => (s, ""),
        };
        if !all_digits(i) || i.len() > int || f.len() > frac {
            return None;
        }
        if !f.is_empty() && !all_digits(f) {
            return None;
        }
        let mantissa = digits_value(i)
            .checked_mul(10u64.checked_pow(f.len() as u32)?)?
            .checked_add(if f.is_empty() { 0 } else { digits_value(f) })?;
        Some(UkeDecimal {
            mantissa,
            scale: f.len() as u8,
        })
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::from_uke(s, 18, 18)
            .filter(|d| d.mantissa < 10u64.pow(18))
            .ok_or_else(|| format!("expected a decimal number like 1.5, found {s:?}"))
    }

    /// The digits without the point: "1.25" → 125.
    pub fn mantissa(self) -> u64 {
        self.mantissa
    }

    /// Digits after the point: "1.25" → 2.
    pub fn scale(self) -> u8 {
        self.scale
    }

    /// Digits before the point.
    pub(crate) fn int_digits(self) -> usize {
        let int = self.mantissa / 10u64.pow(u32::from(self.scale));
        int.checked_ilog10().map_or(1, |l| l as usize + 1)
    }
}

impl fmt::Display for UkeDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let p = 10u64.pow(u32::from(self.scale));
        write!(
            f,
            "{}.{:0w$}",
            self.mantissa / p,
            self.mantissa % p,
            w = usize::from(self.scale)
        )
    }
}

string_value!(
    UkeDecimal,
    "UkeDecimal",
    "^[0-9]+(\\.[0-9]+)?$",
    "a non-negative decimal number as recorded, e.g. \"0.5\""
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            Date::from_uke("20240229").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(Date::from_uke("20230229"), None);
        assert_eq!(Date::from_uke("2023021"), None);
        assert_eq!(Date::parse("2021-08-01"), Ok(Date(20210801)));
        assert_eq!(YearMonth::from_uke("202113"), None);
        assert_eq!(YearMonth::parse("2021-10"), Ok(YearMonth(202110)));
    }

    #[test]
    fn decimals_keep_their_digits() {
        for s in ["0.5", "1.10", "12345.00001", "7", "0"] {
            let d = UkeDecimal::from_uke(s, 5, 5);
            assert_eq!(d.map(|d| d.to_string()), Some(s.to_string()), "{s}");
        }
        assert_eq!(UkeDecimal::from_uke("123456", 5, 5), None);
        assert_eq!(UkeDecimal::from_uke("1.", 5, 5), None);
        assert_eq!(UkeDecimal::from_uke(".5", 5, 5), None);
        assert_eq!(UkeDecimal::from_uke("1.123456", 5, 5), None);
        assert_eq!(UkeDecimal::from_uke("1,5", 5, 5), None);
    }

    #[test]
    fn codes() {
        assert_eq!(
            ShinryoShikibetsu::from_uke("11").map(|c| c.name()),
            Some("初診")
        );
        assert_eq!(
            ShinryoShikibetsu::from_uke("01").map(|c| c.to_string()),
            Some("01".into())
        );
        assert_eq!(ShinryoShikibetsu::from_uke("15"), None);
        assert_eq!(FutanKubun::from_uke("9").map(|c| c.payers()), Some(31));
        assert_eq!(FutanKubun::from_uke("A"), None);
        assert_eq!(
            MasterCode::from_uke("012345678").map(|c| c.to_string()),
            Some("012345678".into())
        );
    }
}

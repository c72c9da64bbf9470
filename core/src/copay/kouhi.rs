//! 公費負担医療 kinds by 法別番号 (`core/data/kouhi.json`): priority, and how each shares a claim.

use crate::error::{Error, ErrorCode, Result};
use crate::model::IncomeCategory;
use serde::Deserialize;
use std::sync::OnceLock;

const KOUHI_JSON: &str = include_str!("../../data/kouhi.json");

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    /// 全額公費: the 公費 pays the whole claim.
    Full,
    #[default]
    /// 保険優先: the 公費 pays the patient side down to its own 患者負担.
    Share,
}

/// Which 高額療養費 限度額 a 公費併用分 gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LimitBasis {
    Own,
    KubunU,
    KubunO,
    Ippan,
    TeishotokuI,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Kind {
    pub houbetsu: String,
    pub name: String,
    pub rule: Rule,
    #[serde(default)]
    pub rate_percent: Option<u8>,
    #[serde(default)]
    pub cap_required: bool,
    #[serde(default)]
    pub under70_limit: Option<LimitBasis>,
    #[serde(default)]
    pub over70_limit: Option<LimitBasis>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Local {
    from: u8,
    to: u8,
    name: String,
    rule: Rule,
    under70_limit: LimitBasis,
    over70_limit: LimitBasis,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    #[allow(dead_code)]
    about: String,
    kinds: Vec<Kind>,
    local: Local,
    /// `local` as a kind (its `houbetsu` empty: the request's number is used).
    #[serde(skip)]
    local_kind: Kind,
    /// By 法別番号 00–99: the index into `kinds` (built once at load).
    #[serde(skip)]
    by_number: Vec<Option<usize>>,
}

/// No 公費 (a placeholder in fixed-size arrays).
pub static NO_KIND: Kind = Kind {
    houbetsu: String::new(),
    name: String::new(),
    rule: Rule::Share,
    rate_percent: None,
    cap_required: false,
    under70_limit: None,
    over70_limit: None,
};

fn table() -> Result<&'static Table> {
    static TABLE: OnceLock<std::result::Result<Table, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut t = serde_json::from_str::<Table>(KOUHI_JSON).map_err(|e| e.to_string())?;
            t.local_kind = Kind {
                houbetsu: String::new(),
                name: t.local.name.clone(),
                rule: t.local.rule,
                rate_percent: None,
                cap_required: false,
                under70_limit: Some(t.local.under70_limit),
                over70_limit: Some(t.local.over70_limit),
            };
            t.by_number = vec![None; 100];
            for (i, k) in t.kinds.iter().enumerate() {
                let slot = two_digits(&k.houbetsu)
                    .and_then(|n| t.by_number.get_mut(usize::from(n)))
                    .ok_or_else(|| format!("bad houbetsu {:?}", k.houbetsu))?;
                if slot.is_some() {
                    return Err(format!("houbetsu {} listed twice", k.houbetsu));
                }
                *slot = Some(i);
            }
            Ok(t)
        })
        .as_ref()
        .map_err(|e| Error::new(ErrorCode::CalcError, format!("kouhi.json: {e}")))
}

/// A 公費 kind and its priority (lower = applied first).
#[derive(Debug, Clone)]
pub struct Resolved {
    pub kind: &'static Kind,
    pub priority: usize,
    pub local: bool,
}

/// "00" … "99" one after the other: a 法別番号's text without allocating.
const NUMBERS: &str = concat!(
    "00010203040506070809",
    "10111213141516171819",
    "20212223242526272829",
    "30313233343536373839",
    "40414243444546474849",
    "50515253545556575859",
    "60616263646566676869",
    "70717273747576777879",
    "80818283848586878889",
    "90919293949596979899",
);

/// A 法別番号 (two digits) as static text: the request's own spelling, as [`two_digits`] read it.
pub fn houbetsu_text(houbetsu: &str) -> Option<&'static str> {
    let n = usize::from(two_digits(houbetsu)?);
    NUMBERS.get(2 * n..2 * n + 2)
}

/// `"54"` → 54; None unless exactly two ASCII digits.
fn two_digits(s: &str) -> Option<u8> {
    match s.as_bytes() {
        &[a, b] if a.is_ascii_digit() && b.is_ascii_digit() => Some((a - b'0') * 10 + (b - b'0')),
        _ => None,
    }
}

/// The kind of a 法別番号; `field` names it in errors (built only then).
pub fn resolve(houbetsu: &str, field: impl Fn() -> String) -> Result<Resolved> {
    let t = table()?;
    let Some(n) = two_digits(houbetsu) else {
        return Err(Error::invalid_request(
            &field(),
            format!("a 法別番号 is two digits, found {houbetsu:?}"),
        ));
    };
    let national = t.by_number.get(usize::from(n)).copied().flatten();
    if let Some((i, k)) = national.and_then(|i| Some((i, t.kinds.get(i)?))) {
        return Ok(Resolved {
            kind: k,
            priority: i,
            local: false,
        });
    }
    if (t.local.from..=t.local.to).contains(&n) {
        return Ok(Resolved {
            kind: &t.local_kind,
            priority: t.kinds.len(),
            local: true,
        });
    }
    Err(Error::invalid_request(
        &field(),
        format!(
            "unknown 法別番号 {houbetsu}: not a national 公費 of the 公費負担医療 tables nor a 地方単独 number ({}–{})",
            t.local.from, t.local.to
        ),
    ))
}

impl Kind {
    /// The 所得区分 whose 限度額 applies to a 公費併用分 of this kind.
    pub fn limit_category(&self, own: IncomeCategory) -> IncomeCategory {
        let basis = if own.is_under70() {
            self.under70_limit
        } else {
            self.over70_limit
        };
        match basis {
            Some(LimitBasis::KubunU) => IncomeCategory::KubunU,
            Some(LimitBasis::KubunO) => IncomeCategory::KubunO,
            Some(LimitBasis::Ippan) => IncomeCategory::Ippan,
            Some(LimitBasis::TeishotokuI) => IncomeCategory::TeishotokuI,
            Some(LimitBasis::Own) | None => own,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_orders() {
        let n = resolve("54", || "x".to_string()).unwrap();
        let s = resolve("12", || "x".to_string()).unwrap();
        let k = resolve("13", || "x".to_string()).unwrap();
        let l = resolve("88", || "x".to_string()).unwrap();
        // 全額公費 first, 生活保護 after the national 公費, 地方単独 last
        assert!(k.priority < n.priority && n.priority < s.priority && s.priority < l.priority);
        assert_eq!(k.kind.rule, Rule::Full);
        assert_eq!(n.kind.rate_percent, Some(20));
        assert!(l.local);
        // 精神通院 21 before 生活保護 12 (第1公費 21, 第2公費 12)
        assert!(resolve("21", || "x".to_string()).unwrap().priority < s.priority);
    }

    #[test]
    fn numbers_as_static_text() {
        for n in 0..100 {
            let s = format!("{n:02}");
            assert_eq!(houbetsu_text(&s), Some(s.as_str()));
        }
        assert_eq!(houbetsu_text("5"), None);
        assert_eq!(houbetsu_text("５４"), None);
    }

    #[test]
    fn unknown_numbers_are_errors() {
        let e = resolve("77", || "publicExpenses[0].houbetsu".to_string()).unwrap_err();
        assert!(
            e.message.starts_with("publicExpenses[0].houbetsu:"),
            "{}",
            e.message
        );
        assert!(resolve("5", || "x".to_string()).is_err());
        assert!(resolve("ab", || "x".to_string()).is_err());
    }

    #[test]
    fn limit_basis() {
        let kekkaku = resolve("10", || "x".to_string()).unwrap().kind;
        assert_eq!(
            kekkaku.limit_category(IncomeCategory::KubunA),
            IncomeCategory::KubunU
        );
        assert_eq!(
            kekkaku.limit_category(IncomeCategory::GenekiIII),
            IncomeCategory::Ippan
        );
        let seiho = resolve("12", || "x".to_string()).unwrap().kind;
        assert_eq!(
            seiho.limit_category(IncomeCategory::TeishotokuII),
            IncomeCategory::TeishotokuI
        );
        let nanbyo = resolve("54", || "x".to_string()).unwrap().kind;
        assert_eq!(
            nanbyo.limit_category(IncomeCategory::KubunA),
            IncomeCategory::KubunA
        );
        assert_eq!(
            nanbyo.limit_category(IncomeCategory::GenekiIII),
            IncomeCategory::GenekiIII
        );
    }
}

//! 薬剤料: 薬価 → 点数.

use rust_decimal::Decimal;

/// 薬剤料 per 所定単位 (内服 1剤1日分, 頓服 1回分, 外用 1調剤) — 医科点数表 F200 注:
/// 薬価が15円以下 → 1点; 15円を超える → (薬価 − 15円) / 10 の1点未満切り上げ + 1点.
/// (Equivalently 薬価/10 rounded 五捨五超入: 85.00円 → 8点, 155.10円 → 16点.)
pub fn drug_points_per_unit(yakka_yen: Decimal) -> i64 {
    let fifteen = Decimal::from(15);
    if yakka_yen <= fifteen {
        return 1;
    }
    let steps = ((yakka_yen - fifteen) / Decimal::from(10)).ceil();
    i64::try_from(steps).unwrap_or(i64::MAX - 1) + 1
}

/// Parses a 使用量 / 薬価 decimal string: digits with at most one point and 5 fraction digits.
pub fn parse_quantity(s: &str) -> Option<Decimal> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let ok = !int.is_empty()
        && int.len() <= 7
        && frac.len() <= 5
        && (frac.is_empty() != s.contains('.'))
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    if !ok {
        return None;
    }
    s.parse::<Decimal>().ok()
}

/// 銭 (hundredths of a yen) → Decimal yen.
pub fn sen_to_yen(sen: i64) -> Decimal {
    Decimal::new(sen, 2)
}

/// 銭 → "16.50"
pub fn format_sen(sen: i64) -> String {
    format!("{}.{:02}", sen / 100, sen % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn pts(s: &str) -> i64 {
        drug_points_per_unit(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn official_and_derived_examples() {
        // copay-rules.md §6, D1–D13
        assert_eq!(pts("15.1"), 2); // D1 (VERIFIED)
        assert_eq!(pts("15.0"), 1); // D2
        assert_eq!(pts("25.0"), 2); // D3
        assert_eq!(pts("25.01"), 3); // D4
        assert_eq!(pts("8.7"), 1); // D5
        assert_eq!(pts("100.0"), 10); // D6
        assert_eq!(pts("105.2"), 11); // D7 ミカルディス40mg
        assert_eq!(pts("35"), 3); // D8 エパデール300 (3.5 → 3, "4点にするのは誤り")
        assert_eq!(pts("155.1"), 16); // D9 46.1×3 + 5.6×3
        assert_eq!(pts("85"), 8); // D10 14.5×2 + 28×2 ("9点にするのは誤り")
        assert_eq!(pts("475.2"), 48); // D11
        assert_eq!(pts("207"), 21); // D12 47.60×3 + 21.40×3
        assert_eq!(pts("142.8"), 14); // D13 A
        assert_eq!(pts("64.2"), 6); // D13 B
    }

    #[test]
    fn quantities() {
        assert_eq!(parse_quantity("3"), Some(Decimal::from(3)));
        assert_eq!(parse_quantity("1.5"), Decimal::from_str("1.5").ok());
        assert_eq!(parse_quantity("0.00001"), Decimal::from_str("0.00001").ok());
        for bad in ["", ".5", "1.", "1e3", "-1", "1.000001", "1,5", " 1"] {
            assert_eq!(parse_quantity(bad), None, "{bad:?}");
        }
        assert_eq!(format_sen(1650), "16.50");
        assert_eq!(format_sen(5), "0.05");
    }
}

//! Named rounding rules for money.

/// 一部負担金の端数処理 (健康保険法 第75条, 国民健康保険法 第42条の2, 高齢者医療確保法 第67条 同旨):
/// 5円未満の端数は切り捨て、5円以上10円未満の端数は10円に切り上げる.
/// The amount is given in tenths of a yen so that 点数 × 割合 is exact before rounding.
pub fn round_copay_10yen(tenths_of_yen: i64) -> i64 {
    if tenths_of_yen <= 0 {
        return 0;
    }
    (tenths_of_yen + 50) / 100 * 10
}

/// 一部負担金 for a visit: total points × 10円 × 割合, rounded by [`round_copay_10yen`].
pub fn copay_for_points(total_points: i64, burden_percent: u8) -> i64 {
    // points × 10円 × p/100 = points × p / 10 円 = points × p tenths of a yen
    round_copay_10yen(total_points * i64::from(burden_percent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statute_examples() {
        // copay-rules.md R1/R2: 453円 → 450円, 455円 → 460円
        assert_eq!(round_copay_10yen(4530), 450);
        assert_eq!(round_copay_10yen(4550), 460);
        assert_eq!(round_copay_10yen(4549), 450);
        assert_eq!(round_copay_10yen(0), 0);
    }

    #[test]
    fn copay_from_points() {
        // 初診料 291点 → 2,910円 × 3割 = 873円 → 870円
        assert_eq!(copay_for_points(291, 30), 870);
        // 366点 → 3,660円 × 2割 = 732円 → 730円
        assert_eq!(copay_for_points(366, 20), 730);
        // 75点 × 1割 = 75円 → 80円
        assert_eq!(copay_for_points(75, 10), 80);
        // 難病 example R3: 502点 × 2割 = 1,004円 → 1,000円
        assert_eq!(copay_for_points(502, 20), 1000);
    }
}

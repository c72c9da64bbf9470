//! きざみ値: points by 数量データ steps (医科診療行為マスター columns 30–35; マスターファイル仕様説明書
//! 項番30–35 and 別紙7-5 上下限エラー処理). E.g. 患家診療時間加算 100点 for the first 30 minutes
//! over an hour, and 100点 for each further 30 minutes or part of it.

use crate::masters::procedure::Kizami;

/// The outcome of a きざみ calculation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KizamiPoints {
    /// Points in hundredths; `capped` when the data exceeded 上限値 and 点数算定式2 applied (警告).
    Points { x100: i64, capped: bool },
    /// 点数算定せず (返戻): the data is at or below 下限値 − きざみ値 for 上下限エラー処理 2 or 3.
    NotBillable,
}

/// 点数算定式1: 基本点数 + ⌈(データ − 下限値) / きざみ値⌉ × きざみ点数 (within 下限値 < データ ≤ 上限値);
/// at or below 下限値 the 基本点数; over 上限値 式1 (処理 0, 2) or 式2 with 上限値 in place of the data
/// (処理 1, 3); at or below 下限値 − きざみ値 the 基本点数 (処理 0, 1) or nothing (処理 2, 3).
pub fn kizami_points(base_x100: i64, k: &Kizami, data: u64) -> KizamiPoints {
    let (lower, upper, step) = (
        u64::from(k.lower),
        u64::from(k.upper),
        u64::from(k.step.max(1)),
    );
    if data + step <= lower {
        return if k.error_handling >= 2 {
            KizamiPoints::NotBillable
        } else {
            KizamiPoints::Points {
                x100: base_x100,
                capped: false,
            }
        };
    }
    if data <= lower {
        return KizamiPoints::Points {
            x100: base_x100,
            capped: false,
        };
    }
    let capped = data > upper && k.error_handling % 2 == 1;
    let d = if capped { upper } else { data };
    let steps = (d - lower).div_ceil(step);
    let x100 = base_x100
        + i64::try_from(steps)
            .unwrap_or(i64::MAX / 2)
            .saturating_mul(k.step_points_x100);
    KizamiPoints::Points { x100, capped }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(lower: u32, upper: u32, step: u32, pts: i64, err: u32) -> Kizami {
        Kizami {
            lower,
            upper,
            step,
            step_points_x100: pts * 100,
            error_handling: err,
        }
    }

    #[test]
    fn kanka_shinryo_jikan_kasan() {
        // 114000970 患家診療時間加算（往診料）: 100点, 下限 90分, 上限 なし, きざみ 30分 100点, 処理 2
        let r = k(90, 99_999_999, 30, 100, 2);
        assert_eq!(kizami_points(10_000, &r, 60), KizamiPoints::NotBillable); // ≤ 90 − 30: 1時間以内
        assert_eq!(
            kizami_points(10_000, &r, 61),
            KizamiPoints::Points {
                x100: 10_000,
                capped: false
            }
        );
        assert_eq!(
            kizami_points(10_000, &r, 90),
            KizamiPoints::Points {
                x100: 10_000,
                capped: false
            }
        );
        assert_eq!(
            kizami_points(10_000, &r, 91),
            KizamiPoints::Points {
                x100: 20_000,
                capped: false
            }
        );
        assert_eq!(
            kizami_points(10_000, &r, 150),
            KizamiPoints::Points {
                x100: 30_000,
                capped: false
            }
        );
    }

    #[test]
    fn jinko_kokyu_with_upper_bound() {
        // 140009310 人工呼吸: 302点 (30分まで), 30分またはその端数を増すごとに 50点, 上限 300分, 処理 0
        let r = k(30, 300, 30, 50, 0);
        assert_eq!(
            kizami_points(30_200, &r, 30),
            KizamiPoints::Points {
                x100: 30_200,
                capped: false
            }
        );
        assert_eq!(
            kizami_points(30_200, &r, 45),
            KizamiPoints::Points {
                x100: 35_200,
                capped: false
            }
        );
        assert_eq!(
            kizami_points(30_200, &r, 300),
            KizamiPoints::Points {
                x100: 30_200 + 9 * 5_000,
                capped: false
            }
        );
        // 処理 0: over 上限 still 式1 with the data
        assert_eq!(
            kizami_points(30_200, &r, 330),
            KizamiPoints::Points {
                x100: 30_200 + 10 * 5_000,
                capped: false
            }
        );
        // 処理 1: over 上限 capped at 上限 (式2)
        let capped = k(30, 300, 30, 50, 1);
        assert_eq!(
            kizami_points(30_200, &capped, 330),
            KizamiPoints::Points {
                x100: 30_200 + 9 * 5_000,
                capped: true
            }
        );
    }
}

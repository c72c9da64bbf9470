//! 高額療養費 自己負担限度額 as date-versioned data (`core/data/kougaku-limits.json`).

use crate::error::{Error, ErrorCode, Result};
use crate::model::IncomeCategory;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const TABLE_JSON: &str = include_str!("../../data/kougaku-limits.json");

/// base + (総医療費 − threshold) × 1%, or a flat base when there is no threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formula {
    pub base: i64,
    #[serde(default)]
    pub threshold: Option<i64>,
    /// 多数回該当; absent where the 区分 has none (低所得).
    #[serde(default)]
    pub many: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Over70Row {
    /// 外来(個人ごと) 特例; absent for 現役並み (no 外来特例 since 2018-08).
    #[serde(default)]
    pub outpatient: Option<i64>,
    /// 年間 外来 上限 (8/1〜翌7/31), settled by the insurer afterwards.
    #[serde(default)]
    pub outpatient_annual: Option<i64>,
    /// 外来+入院 (世帯).
    #[serde(default)]
    pub household: Option<Formula>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Version {
    /// First 診療月 `YYYY-MM`.
    pub from: String,
    /// `from` as YYYYMM.
    #[serde(skip)]
    pub key: u32,
    pub source: String,
    pub under70: BTreeMap<String, Formula>,
    pub over70: BTreeMap<String, Over70Row>,
    /// `under70` / `over70` by [`IncomeCategory`] (`category as usize`), resolved once at load.
    #[serde(skip)]
    under70_by: [Option<Formula>; CATEGORIES.len()],
    #[serde(skip)]
    over70_by: [Option<Over70Row>; CATEGORIES.len()],
}

/// Every 所得区分, in declaration order (`category as usize` indexes it).
const CATEGORIES: [IncomeCategory; 12] = [
    IncomeCategory::KubunA,
    IncomeCategory::KubunI,
    IncomeCategory::KubunU,
    IncomeCategory::KubunE,
    IncomeCategory::KubunO,
    IncomeCategory::GenekiIII,
    IncomeCategory::GenekiII,
    IncomeCategory::GenekiI,
    IncomeCategory::IppanII,
    IncomeCategory::Ippan,
    IncomeCategory::TeishotokuII,
    IncomeCategory::TeishotokuI,
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    #[allow(dead_code)]
    about: String,
    versions: Vec<Version>,
}

fn table() -> Result<&'static [Version]> {
    static TABLE: OnceLock<std::result::Result<Vec<Version>, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut versions = serde_json::from_str::<Table>(TABLE_JSON)
                .map_err(|e| e.to_string())?
                .versions;
            for v in &mut versions {
                v.key = month_key(&v.from).ok_or_else(|| format!("bad month {:?}", v.from))?;
                for c in CATEGORIES {
                    let key = category_key(c);
                    v.under70_by[c as usize] = v.under70.get(key).copied();
                    v.over70_by[c as usize] = v.over70.get(key).copied();
                }
            }
            Ok(versions)
        })
        .as_deref()
        .map_err(|e| Error::new(ErrorCode::CalcError, format!("kougaku-limits.json: {e}")))
}

/// `YYYY-MM` → YYYYMM.
pub fn month_key(month: &str) -> Option<u32> {
    let (y, m) = month.split_once('-')?;
    let (y, m): (u32, u32) = (y.parse().ok()?, m.parse().ok()?);
    (y >= 1000 && (1..=12).contains(&m) && month.len() == 7).then_some(y * 100 + m)
}

/// YYYYMM → `YYYY-MM` for messages.
pub fn month_display(key: u32) -> String {
    format!("{:04}-{:02}", key / 100, key % 100)
}

/// The version in force for the 診療月 `month` (YYYYMM).
pub fn version_for(month: u32) -> Result<&'static Version> {
    let t = table()?;
    t.iter().rev().find(|v| v.key <= month).ok_or_else(|| {
        Error::new(
            ErrorCode::CalcError,
            format!(
                "no 高額療養費 限度額 table covers 診療月 {} (the oldest starts {})",
                month_display(month),
                t.first().map_or("?", |v| v.from.as_str())
            ),
        )
    })
}

/// The wire name of a 所得区分 (the key in the data file).
pub fn category_key(c: IncomeCategory) -> &'static str {
    match c {
        IncomeCategory::KubunA => "kubunA",
        IncomeCategory::KubunI => "kubunI",
        IncomeCategory::KubunU => "kubunU",
        IncomeCategory::KubunE => "kubunE",
        IncomeCategory::KubunO => "kubunO",
        IncomeCategory::GenekiIII => "genekiIII",
        IncomeCategory::GenekiII => "genekiII",
        IncomeCategory::GenekiI => "genekiI",
        IncomeCategory::IppanII => "ippanII",
        IncomeCategory::Ippan => "ippan",
        IncomeCategory::TeishotokuII => "teishotokuII",
        IncomeCategory::TeishotokuI => "teishotokuI",
    }
}

/// 区分 as the 事例集 and receipts name it.
pub fn category_label(c: IncomeCategory) -> &'static str {
    match c {
        IncomeCategory::KubunA => "区分ア",
        IncomeCategory::KubunI => "区分イ",
        IncomeCategory::KubunU => "区分ウ",
        IncomeCategory::KubunE => "区分エ",
        IncomeCategory::KubunO => "区分オ",
        IncomeCategory::GenekiIII => "現役並みⅢ",
        IncomeCategory::GenekiII => "現役並みⅡ",
        IncomeCategory::GenekiI => "現役並みⅠ",
        IncomeCategory::IppanII => "一般Ⅱ",
        IncomeCategory::Ippan => "一般",
        IncomeCategory::TeishotokuII => "低所得Ⅱ",
        IncomeCategory::TeishotokuI => "低所得Ⅰ",
    }
}

/// The ×1% part of a limit: 1円未満四捨五入 (健康保険法施行令 第42条: 50銭未満切捨て, 50銭以上切上げ).
pub fn one_percent_rounded(yen: i64) -> i64 {
    if yen <= 0 {
        return 0;
    }
    (yen + 50) / 100
}

/// How a limit was worked out, for the trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub yen: i64,
    pub explain: String,
}

/// Options that change a limit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LimitOptions {
    /// 多数回該当.
    pub many: bool,
    /// 75歳到達月の特例: every figure (base, threshold, 多数回, 外来) halved (施行令 第42条第8項 等).
    pub half: bool,
    /// Write `Limit::explain` (only when the request asks for a trace).
    pub explain: bool,
}

/// The limit of a formula for 総医療費 `total`.
pub fn formula_limit(f: &Formula, total: i64, o: LimitOptions, label: &str) -> Limit {
    let div = if o.half { 2 } else { 1 };
    let half_note = if o.half { " (75歳到達月 1/2)" } else { "" };
    let say = |f: &dyn Fn() -> String| if o.explain { f() } else { String::new() };
    if o.many {
        if let Some(m) = f.many {
            return Limit {
                yen: m / div,
                explain: say(&|| format!("{label} 多数回該当{half_note}: {}円", m / div)),
            };
        }
    }
    let base = f.base / div;
    match f.threshold {
        Some(t) => {
            let t = t / div;
            let extra = one_percent_rounded(total - t);
            Limit {
                yen: base + extra,
                explain: say(&|| {
                    if total > t {
                        format!("{label}{half_note}: {base} + ({total} − {t}) × 1% = {}円 (1円未満四捨五入)", base + extra)
                    } else {
                        format!("{label}{half_note}: 総医療費 {total}円 ≤ {t}円 → {base}円")
                    }
                }),
            }
        }
        None => Limit {
            yen: base,
            explain: say(&|| format!("{label}{half_note}: {base}円")),
        },
    }
}

fn missing(month: u32, what: &str) -> Error {
    Error::new(
        ErrorCode::CalcError,
        format!(
            "no 高額療養費 限度額 for {what} in the table for 診療月 {}",
            month_display(month)
        ),
    )
}

/// The limit of one receipt: 70歳未満 by 区分 (世帯); 70歳以上 外来 receipts by the 外来(個人) 特例
/// where the 区分 has one, otherwise (入院, 現役並み) by the 外来+入院 (世帯) limit.
pub fn receipt_limit(
    month: u32,
    category: IncomeCategory,
    inpatient: bool,
    total: i64,
    o: LimitOptions,
) -> Result<Limit> {
    version_for(month)?.receipt_limit(month, category, inpatient, total, o)
}

impl Version {
    /// [`receipt_limit`] in this version (the one [`version_for`] gives for `month`).
    pub fn receipt_limit(
        &self,
        month: u32,
        category: IncomeCategory,
        inpatient: bool,
        total: i64,
        o: LimitOptions,
    ) -> Result<Limit> {
        let label = category_label(category);
        let at = category as usize;
        if category.is_under70() {
            let f = self.under70_by.get(at).copied().flatten();
            let f = f.ok_or_else(|| missing(month, label))?;
            return Ok(formula_limit(&f, total, o, label));
        }
        let row = self.over70_by.get(at).copied().flatten();
        let row = row.ok_or_else(|| missing(month, label))?;
        if !inpatient {
            if let Some(out) = row.outpatient {
                let div = if o.half { 2 } else { 1 };
                return Ok(Limit {
                    yen: out / div,
                    explain: if o.explain {
                        format!(
                            "{label} 外来(個人){}: {}円",
                            if o.half { " (75歳到達月 1/2)" } else { "" },
                            out / div
                        )
                    } else {
                        String::new()
                    },
                });
            }
        }
        let f = row
            .household
            .as_ref()
            .ok_or_else(|| missing(month, &format!("{label} 外来+入院")))?;
        let label = if o.explain {
            format!("{label} 外来+入院")
        } else {
            String::new()
        };
        Ok(formula_limit(f, total, o, &label))
    }
}

/// The 外来(個人ごと) 特例 of a 70歳以上 区分 (None for 現役並み and under 70).
pub fn outpatient_cap(month: u32, category: IncomeCategory) -> Result<Option<i64>> {
    if category.is_under70() {
        return Ok(None);
    }
    let v = version_for(month)?;
    let row = v
        .over70
        .get(category_key(category))
        .ok_or_else(|| missing(month, category_label(category)))?;
    Ok(row.outpatient)
}

/// The 年間 外来 上限 (8/1〜翌7/31) of a 70歳以上 区分 (施行令 第41条の2; 一般・低所得).
pub fn outpatient_annual(month: u32, category: IncomeCategory) -> Result<Option<i64>> {
    if category.is_under70() {
        return Ok(None);
    }
    let v = version_for(month)?;
    let row = v
        .over70
        .get(category_key(category))
        .ok_or_else(|| missing(month, category_label(category)))?;
    Ok(row.outpatient_annual)
}

#[cfg(test)]
mod tests {
    use super::*;
    use IncomeCategory::*;

    fn lim(
        month: &str,
        c: IncomeCategory,
        inpatient: bool,
        total: i64,
        many: bool,
        half: bool,
    ) -> i64 {
        let o = LimitOptions {
            many,
            half,
            explain: true,
        };
        receipt_limit(month_key(month).unwrap(), c, inpatient, total, o)
            .unwrap()
            .yen
    }

    #[test]
    fn official_figures() {
        // copay-rules.md H1: 区分ウ 1,000,000円 → 87,430円
        assert_eq!(
            lim("2024-06", KubunU, true, 1_000_000, false, false),
            87_430
        );
        // 計算事例(平成27年1月) 事例2: 区分ア 945,760円 → 253,637.6 → 253,638円
        assert_eq!(lim("2024-06", KubunA, true, 945_760, false, false), 253_638);
        // 施行令42条: 総医療費 267,000円未満 → 80,100円 (copay-rules.md M4)
        assert_eq!(lim("2024-06", KubunU, true, 266_000, false, false), 80_100);
        // 高齢受給者 事例4: 現役並みⅡ 75歳到達月 336,000円 → 83,700 + 570 = 84,270円
        assert_eq!(lim("2024-06", GenekiII, true, 336_000, false, true), 84_270);
        // 事例6: 現役並みⅠ 到達月 + 多数回 → 22,200円
        assert_eq!(lim("2024-06", GenekiI, true, 152_000, true, true), 22_200);
        // 一般 外来 18,000円 (2018-08〜), 14,000円 (2017-08〜2018-07)
        assert_eq!(lim("2024-06", Ippan, false, 500_000, false, false), 18_000);
        assert_eq!(lim("2018-07", Ippan, false, 500_000, false, false), 14_000);
        // 低所得Ⅱ 入院 has no 多数回 reduction
        assert_eq!(
            lim("2024-06", TeishotokuII, true, 500_000, true, false),
            24_600
        );
        // 2026-08: 区分ウ 85,800 + 1%
        assert_eq!(
            lim("2026-08", KubunU, true, 1_000_000, false, false),
            93_130
        );
    }

    #[test]
    fn categories_index_by_discriminant() {
        for (i, c) in CATEGORIES.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
    }

    #[test]
    fn missing_rows_name_the_month() {
        let e = receipt_limit(202609, KubunA, true, 100, LimitOptions::default()).unwrap_err();
        assert!(
            e.message.contains("2026-09") && e.message.contains("区分ア"),
            "{}",
            e.message
        );
        let e = receipt_limit(201707, KubunA, true, 100, LimitOptions::default()).unwrap_err();
        assert!(e.message.contains("2017-07"), "{}", e.message);
    }

    #[test]
    fn rounding_of_the_one_percent_part() {
        assert_eq!(one_percent_rounded(103_760), 1_038); // 1,037.6 → 1,038
        assert_eq!(one_percent_rounded(103_749), 1_037); // 1,037.49 → 1,037
        assert_eq!(one_percent_rounded(103_750), 1_038); // 50銭 → 切上げ
        assert_eq!(one_percent_rounded(-5), 0);
    }
}

//! 入院時食事療養 標準負担額 (`core/data/meal-standard.json`): per 食, outside 高額療養費 and the
//! 公費 上限月額 (健康保険法 第85条第2項).

use crate::error::{Error, ErrorCode, Result};
use crate::model::{IncomeCategory, MealCategory};
use serde::Deserialize;
use std::sync::OnceLock;

const MEALS_JSON: &str = include_str!("../../data/meal-standard.json");

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Version {
    pub from: String,
    pub general: i64,
    pub nanbyou: i64,
    #[serde(rename = "teishotokuII")]
    pub teishotoku_ii: i64,
    #[serde(rename = "teishotokuIILong")]
    pub teishotoku_ii_long: i64,
    #[serde(rename = "teishotokuI")]
    pub teishotoku_i: i64,
}

/// 生活療養標準負担額: 食費 per 食 and 居住費 per 日.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LifeCareVersion {
    pub from: String,
    pub general: i64,
    #[serde(rename = "generalII")]
    pub general_ii: i64,
    pub nanbyou: i64,
    #[serde(rename = "teishotokuII")]
    pub teishotoku_ii: i64,
    #[serde(rename = "teishotokuI")]
    pub teishotoku_i: i64,
    pub residence: i64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Table {
    #[allow(dead_code)]
    about: String,
    versions: Vec<Version>,
    #[allow(dead_code)]
    life_care_about: String,
    life_care: Vec<LifeCareVersion>,
}

fn tables() -> Result<&'static Table> {
    static TABLE: OnceLock<std::result::Result<Table, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| serde_json::from_str::<Table>(MEALS_JSON).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| Error::new(ErrorCode::CalcError, format!("meal-standard.json: {e}")))
}

fn table() -> Result<&'static [Version]> {
    tables().map(|t| t.versions.as_slice())
}

/// 生活療養: (食費 per 食, 居住費 per 日) for the month `YYYY-MM`; `ii` = 生活療養(Ⅱ) の医療機関.
pub fn life_care(month: &str, category: MealCategory, ii: bool) -> Result<(i64, i64)> {
    let v = tables()?
        .life_care
        .iter()
        .rev()
        .find(|v| v.from.as_str() <= month)
        .ok_or_else(|| {
            Error::new(
                ErrorCode::CalcError,
                format!("no 生活療養 標準負担額 table covers {month}"),
            )
        })?;
    Ok(match category {
        MealCategory::General if ii => (v.general_ii, v.residence),
        MealCategory::General => (v.general, v.residence),
        // 指定難病の患者: 居住費 0
        MealCategory::Nanbyou => (v.nanbyou, 0),
        MealCategory::TeishotokuII | MealCategory::TeishotokuIILong => {
            (v.teishotoku_ii, v.residence)
        }
        MealCategory::TeishotokuI => (v.teishotoku_i, v.residence),
    })
}

/// The 標準負担額 per 食 for the month `YYYY-MM`.
pub fn per_meal(month: &str, category: MealCategory) -> Result<i64> {
    let v = table()?
        .iter()
        .rev()
        .find(|v| v.from.as_str() <= month)
        .ok_or_else(|| {
            Error::new(
                ErrorCode::CalcError,
                format!("no 食事療養 標準負担額 table covers {month}"),
            )
        })?;
    Ok(match category {
        MealCategory::General => v.general,
        MealCategory::Nanbyou => v.nanbyou,
        MealCategory::TeishotokuII => v.teishotoku_ii,
        MealCategory::TeishotokuIILong => v.teishotoku_ii_long,
        MealCategory::TeishotokuI => v.teishotoku_i,
    })
}

/// The category a patient falls in when the request does not name one: 低所得 by the 所得区分
/// (区分オ = 住民税非課税), 難病・小慢 when such a 公費 is on the claim, otherwise 一般.
pub fn default_category(income: Option<IncomeCategory>, nanbyou: bool) -> MealCategory {
    match income {
        Some(IncomeCategory::TeishotokuI) => MealCategory::TeishotokuI,
        Some(IncomeCategory::TeishotokuII) | Some(IncomeCategory::KubunO) => {
            MealCategory::TeishotokuII
        }
        _ if nanbyou => MealCategory::Nanbyou,
        _ => MealCategory::General,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_amounts() {
        // copay-rules.md §4: 一般 460 (〜2024-05) → 490 (2024-06) → 510 (2025-04)
        assert_eq!(per_meal("2024-05", MealCategory::General).unwrap(), 460);
        assert_eq!(per_meal("2024-06", MealCategory::General).unwrap(), 490);
        assert_eq!(per_meal("2025-04", MealCategory::General).unwrap(), 510);
        // F4: 2024-06〜 低所得Ⅱ 1日3食 690円, 低所得Ⅰ 330円
        assert_eq!(
            per_meal("2024-06", MealCategory::TeishotokuII).unwrap() * 3,
            690
        );
        assert_eq!(
            per_meal("2024-06", MealCategory::TeishotokuI).unwrap() * 3,
            330
        );
        assert_eq!(per_meal("2025-04", MealCategory::Nanbyou).unwrap(), 300);
        assert_eq!(
            per_meal("2025-04", MealCategory::TeishotokuIILong).unwrap(),
            190
        );
        assert!(per_meal("2018-03", MealCategory::General).is_err());
        // 生活療養 2025-04: 食費 510 (Ⅰ) / 470 (Ⅱ), 居住費 370; 低所得Ⅱ 240, 低所得Ⅰ 140
        assert_eq!(
            life_care("2025-04", MealCategory::General, false).unwrap(),
            (510, 370)
        );
        assert_eq!(
            life_care("2025-04", MealCategory::General, true).unwrap(),
            (470, 370)
        );
        assert_eq!(
            life_care("2025-04", MealCategory::TeishotokuI, false).unwrap(),
            (140, 370)
        );
        assert_eq!(
            life_care("2024-06", MealCategory::General, true).unwrap(),
            (450, 370)
        );
    }
}

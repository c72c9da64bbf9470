//! 第1部 医学管理等 and 第2部 在宅医療: the rules that need the patient's 傷病名 or the month
//! (e.g. 特定疾患療養管理料: 主病, 月2回). Runs after the orders are resolved.

use super::Calc;

/// Applies the 医学管理等 rules to the visit's lines.
pub(crate) fn apply(_calc: &mut Calc<'_>) {}

//! 第6部 注射: the rules that look at a visit's 注射 together (点滴注射 by volume and age, 無菌製剤処理,
//! 精密持続点滴). Runs after the orders are resolved.

use super::Calc;

/// Applies the 注射 rules to the visit's lines.
pub(crate) fn apply(_calc: &mut Calc<'_>) {}

//! 第3部 検査: the rules that look at all of a visit's 検体検査 together (まるめ of the 包括対象検査
//! groups, 検体検査判断料, 外来迅速検体検査加算). Runs after the orders are resolved.

use super::Calc;

/// Applies the 検査 rules to the visit's lines.
pub(crate) fn apply(_calc: &mut Calc<'_>) {}

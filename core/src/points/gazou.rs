//! 第4部 画像診断: the rules that look at a visit's 撮影・診断・フィルム together. Runs after the
//! orders are resolved.

use super::Calc;

/// Applies the 画像診断 rules to the visit's lines.
pub(crate) fn apply(_calc: &mut Calc<'_>) {}

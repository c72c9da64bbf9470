//! 第2部 在宅医療: 往診料 and 在宅患者訪問診療料 with their time 加算. Runs after the orders are
//! resolved.

use super::Calc;

/// Applies the 在宅医療 rules to the visit's lines.
pub(crate) fn apply(_calc: &mut Calc<'_>) {}

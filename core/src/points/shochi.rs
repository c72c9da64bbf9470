//! 第9部 処置 (and 第10部 手術 where simple): the 通則 that change a 処置's points (乳幼児加算,
//! 時間外・休日・深夜加算). Runs after the orders are resolved.

use super::Calc;

/// Applies the 処置 rules to the visit's lines.
pub(crate) fn apply(_calc: &mut Calc<'_>) {}

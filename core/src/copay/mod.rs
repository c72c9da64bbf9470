//! 患者負担金: 負担割合 and the counter amount.

pub mod burden;
pub mod rounding;

pub use burden::{burden, Burden};
pub use rounding::{copay_for_points, round_copay_10yen};

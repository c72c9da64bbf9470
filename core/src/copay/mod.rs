//! 患者負担金: 負担割合, the counter amount, and the レセプト's 高額療養費 and 公費.

pub mod burden;
pub mod claim;
pub mod household;
pub mod kouhi;
pub mod limits;
pub mod meals;
pub mod receipt;
pub mod rounding;

pub use burden::{burden, Burden};
pub use receipt::calculate_copay;
pub use rounding::{copay_for_points, round_copay_10yen};

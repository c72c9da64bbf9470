//! santei-core: the common calculation module (共通算定モジュール) for 医科 診療報酬.
//!
//! Plain Rust: serde types in, serde types out. The C ABI (`santei-ffi`) and the wasm package
//! (`santei-wasm`) are thin skins over [`Engine`].

// Bad input must give a typed error, never a panic: a panic cannot be caught in wasm32.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod canonical;
pub mod checks;
pub mod copay;
pub mod date;
pub mod engine;
pub mod error;
pub mod masters;
pub mod model;
pub mod points;
pub mod uke;
pub mod wire;

pub use engine::{Engine, EngineInfo};
pub use error::{Error, ErrorCode, Result};
pub use model::{CalcRequest, CalcResponse};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

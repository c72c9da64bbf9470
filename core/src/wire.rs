//! The byte codec shared by the C ABI and the CLI: JSON request in, canonical JSON out
//! (compact, object keys sorted), so every surface emits byte-identical output.

use crate::error::{Error, ErrorCode, Result};
use crate::model::CalcRequest;
use serde::Serialize;

pub fn parse_request(bytes: &[u8]) -> Result<CalcRequest> {
    parse(bytes)
}

/// Any request type from JSON bytes; a malformed or mismatched request is SANTEI_PARSE_ERROR.
pub fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes)
        .map_err(|e| Error::new(ErrorCode::ParseError, format!("request: {e}")))
}

/// Canonical JSON: compact, object keys sorted — the bytes of serde_json's `Value` (whose maps
/// are sorted), written straight from `Serialize` without building the tree.
pub fn to_canonical_json<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    crate::canonical::to_vec(value).map_err(|e| {
        Error::new(
            ErrorCode::CalcError,
            format!("cannot serialize the response: {e}"),
        )
    })
}

/// An error as the wire shows it: `{"code":"SANTEI_…","message":"…"}`.
pub fn error_json(e: &Error) -> Vec<u8> {
    let v = serde_json::json!({ "code": e.code.name(), "message": e.message });
    serde_json::to_vec(&v).unwrap_or_default()
}

//! santei-wasm: the wasm-bindgen skin of santei-core (npm package `santei`).
//!
//! Thin and mechanical: plain JS objects in and out through serde-wasm-bindgen, JSON text in and
//! canonical JSON text out through `santei_core::wire`. No rule lives here. Every failure is
//! thrown as a real JS `Error` whose `code` is the status name of `santei_core::ErrorCode`
//! (the same name the C ABI and the other bindings use).

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use santei_core::uke::UkeFile;
use santei_core::{wire, Engine as CoreEngine, Error, ErrorCode};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Version of the boundary contract; the same number as the C ABI's `santei_abi_version()`.
pub const ABI_VERSION: u32 = 1;

/// A core error as a JS `Error` with a `code` property (`"SANTEI_…"`).
fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    // Setting a property on a fresh Error object cannot fail; if it somehow does, the Error is
    // still thrown, only without its code.
    let _ = Reflect::set(
        &err,
        &JsValue::from_str("code"),
        &JsValue::from_str(e.code.name()),
    );
    err.into()
}

fn fail(code: ErrorCode, message: impl Into<String>) -> JsValue {
    js_error(&Error::new(code, message))
}

fn to_js<T: Serialize>(value: &T, what: &str) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            fail(
                ErrorCode::CalcError,
                format!("cannot convert the {what}: {e}"),
            )
        })
}

/// A request object from JS. Through a `serde_json::Value`: serde-wasm-bindgen reads only the
/// fields a struct names, so deserializing the request type from the JS object directly would
/// skip the model's `deny_unknown_fields`. This way a JS object is checked exactly as JSON text is.
fn from_js<T: serde::de::DeserializeOwned>(request: JsValue) -> Result<T, JsValue> {
    let value: serde_json::Value = serde_wasm_bindgen::from_value(request)
        .map_err(|e| fail(ErrorCode::ParseError, format!("request: {e}")))?;
    serde_json::from_value(value).map_err(|e| fail(ErrorCode::ParseError, format!("request: {e}")))
}

/// Canonical JSON text of a response (byte-identical to the C ABI's output).
fn canonical_text<T: Serialize>(resp: &T) -> Result<String, JsValue> {
    let bytes = wire::to_canonical_json(resp).map_err(|e| js_error(&e))?;
    String::from_utf8(bytes).map_err(|e| {
        fail(
            ErrorCode::CalcError,
            format!("cannot serialize the response: {e}"),
        )
    })
}

/// The bytes of one master file: a `Uint8Array` (a Node `Buffer` is one) or an `ArrayBuffer`.
fn file_bytes(name: &str, value: JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    Err(fail(
        ErrorCode::InvalidArgument,
        format!("files[{name:?}]: expected a Uint8Array"),
    ))
}

/// The bytes of a UKE file: a `Uint8Array` or an `ArrayBuffer` (text is refused: the file is CP932).
fn uke_bytes(method: &str, value: JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    Err(fail(
        ErrorCode::InvalidArgument,
        format!("{method}: expected the UKE file's bytes as a Uint8Array"),
    ))
}

/// A loaded set of 基本マスター generations and the calculation entry points.
#[wasm_bindgen]
pub struct Engine {
    inner: CoreEngine,
}

#[wasm_bindgen]
impl Engine {
    /// Loads masters from a plain object mapping a path under the master root
    /// (`"2024-06-01/s_20240531.zip"`) to the file's bytes (`Uint8Array`).
    #[wasm_bindgen(js_name = fromFiles)]
    pub fn from_files(files: JsValue) -> Result<Engine, JsValue> {
        if !files.is_object() || files.is_function() || Array::is_array(&files) {
            return Err(fail(
                ErrorCode::InvalidArgument,
                "files: expected a plain object mapping \"YYYY-MM-DD/FILE\" to a Uint8Array",
            ));
        }
        let entries = Object::entries(files.unchecked_ref::<Object>());
        let mut loaded: Vec<(String, Vec<u8>)> = Vec::with_capacity(entries.length() as usize);
        for entry in entries.iter() {
            let pair: Array = entry.unchecked_into();
            let name = pair.get(0).as_string().ok_or_else(|| {
                fail(
                    ErrorCode::InvalidArgument,
                    "files: every key must be a string",
                )
            })?;
            let bytes = file_bytes(&name, pair.get(1))?;
            loaded.push((name, bytes));
        }
        CoreEngine::from_files(&loaded)
            .map(|inner| Engine { inner })
            .map_err(|e| js_error(&e))
    }

    /// Calculates one visit: a `CalcRequest` object in, a `CalcResponse` object out.
    pub fn calculate(&self, request: JsValue) -> Result<JsValue, JsValue> {
        self.object_call(request, CoreEngine::calculate)
    }

    /// Calculates one visit: request JSON text in, canonical response JSON text out
    /// (compact, keys sorted; byte-identical to the C ABI's output).
    #[wasm_bindgen(js_name = calculateJson)]
    pub fn calculate_json(&self, text: JsValue) -> Result<String, JsValue> {
        self.text_call(text, "calculateJson", CoreEngine::calculate)
    }

    /// A month of visits as one レセプト: a `MonthRequest` object in, a `MonthResponse` out.
    #[wasm_bindgen(js_name = calculateMonth)]
    pub fn calculate_month(&self, request: JsValue) -> Result<JsValue, JsValue> {
        self.object_call(request, CoreEngine::calculate_month)
    }

    /// The same as `calculateMonth` with JSON text in and canonical JSON text out.
    #[wasm_bindgen(js_name = calculateMonthJson)]
    pub fn calculate_month_json(&self, text: JsValue) -> Result<String, JsValue> {
        self.text_call(text, "calculateMonthJson", CoreEngine::calculate_month)
    }

    /// 患者負担金 of one レセプト (高額療養費 限度額 and 公費): a `CopayRequest` object in, a
    /// `CopayResponse` object out.
    #[wasm_bindgen(js_name = calculateCopay)]
    pub fn calculate_copay(&self, request: JsValue) -> Result<JsValue, JsValue> {
        self.object_call(request, CoreEngine::calculate_copay)
    }

    /// The same as `calculateCopay` with JSON text in and canonical JSON text out.
    #[wasm_bindgen(js_name = calculateCopayJson)]
    pub fn calculate_copay_json(&self, text: JsValue) -> Result<String, JsValue> {
        self.text_call(text, "calculateCopayJson", CoreEngine::calculate_copay)
    }

    /// 事前審査 of a month's claim as billed: a `CheckRequest` object in, a `CheckResponse` object
    /// out (findings with stable codes; an impossible claim throws `SANTEI_INVALID_REQUEST`).
    #[wasm_bindgen(js_name = check)]
    pub fn check(&self, request: JsValue) -> Result<JsValue, JsValue> {
        self.object_call(request, CoreEngine::check)
    }

    /// The same as `check` with JSON text in and canonical JSON text out.
    #[wasm_bindgen(js_name = checkJson)]
    pub fn check_json(&self, text: JsValue) -> Result<String, JsValue> {
        self.text_call(text, "checkJson", CoreEngine::check)
    }

    /// 事前審査 of every receipt of a UKE file (RECEIPTC.UKE as bytes: a `Uint8Array` — a Node
    /// `Buffer` is one — or an `ArrayBuffer`), a `CheckUkeResponse` object out. A file that is not
    /// a readable UKE throws `SANTEI_PARSE_ERROR`.
    #[wasm_bindgen(js_name = checkUke)]
    pub fn check_uke(&self, bytes: JsValue) -> Result<JsValue, JsValue> {
        let bytes = uke_bytes("checkUke", bytes)?;
        let resp = self.inner.check_uke(&bytes).map_err(|e| js_error(&e))?;
        to_js(&resp, "response")
    }

    /// The same as `checkUke` with canonical JSON text out.
    #[wasm_bindgen(js_name = checkUkeJson)]
    pub fn check_uke_json(&self, bytes: JsValue) -> Result<String, JsValue> {
        let bytes = uke_bytes("checkUkeJson", bytes)?;
        let resp = self.inner.check_uke(&bytes).map_err(|e| js_error(&e))?;
        canonical_text(&resp)
    }

    /// A UKE file read into its records (RECEIPTC.UKE as bytes: a `Uint8Array` — a Node `Buffer`
    /// is one — or an `ArrayBuffer`), a `UkeFile` object out. A file that is not a readable UKE
    /// throws `SANTEI_PARSE_ERROR`.
    #[wasm_bindgen(js_name = readUke)]
    pub fn read_uke(&self, bytes: JsValue) -> Result<JsValue, JsValue> {
        let bytes = uke_bytes("readUke", bytes)?;
        let file = self.inner.read_uke(&bytes).map_err(|e| js_error(&e))?;
        to_js(&file, "file")
    }

    /// The same as `readUke` with canonical JSON text out.
    #[wasm_bindgen(js_name = readUkeJson)]
    pub fn read_uke_json(&self, bytes: JsValue) -> Result<String, JsValue> {
        let bytes = uke_bytes("readUkeJson", bytes)?;
        let file = self.inner.read_uke(&bytes).map_err(|e| js_error(&e))?;
        canonical_text(&file)
    }

    /// A UKE file written from its records: a `UkeFile` object in, the file's bytes (CP932) out as
    /// a `Uint8Array`. An object that is not a UkeFile throws `SANTEI_PARSE_ERROR`; a value the file
    /// cannot hold (a character CP932 cannot encode, …) throws `SANTEI_INVALID_REQUEST`.
    #[wasm_bindgen(js_name = writeUke)]
    pub fn write_uke(&self, file: JsValue) -> Result<Vec<u8>, JsValue> {
        let file: UkeFile = from_js(file)?;
        self.inner.write_uke(&file).map_err(|e| js_error(&e))
    }

    /// The same as `writeUke` with the UkeFile as JSON text in.
    #[wasm_bindgen(js_name = writeUkeJson)]
    pub fn write_uke_json(&self, text: JsValue) -> Result<Vec<u8>, JsValue> {
        let text = text.as_string().ok_or_else(|| {
            fail(
                ErrorCode::InvalidArgument,
                "writeUkeJson: expected the UkeFile JSON as a string",
            )
        })?;
        let file: UkeFile = wire::parse(text.as_bytes()).map_err(|e| js_error(&e))?;
        self.inner.write_uke(&file).map_err(|e| js_error(&e))
    }

    /// What changed in the masters between two dates: a `DiffRequest` object in, a
    /// `DiffResponse` object out.
    #[wasm_bindgen(js_name = diffMasters)]
    pub fn diff_masters(&self, request: JsValue) -> Result<JsValue, JsValue> {
        self.object_call(request, CoreEngine::diff_masters)
    }

    /// The same as `diffMasters` with JSON text in and canonical JSON text out.
    #[wasm_bindgen(js_name = diffMastersJson)]
    pub fn diff_masters_json(&self, text: JsValue) -> Result<String, JsValue> {
        self.text_call(text, "diffMastersJson", CoreEngine::diff_masters)
    }

    /// What the engine has loaded: version and, per generation, its files and row counts.
    pub fn info(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.info(), "engine info")
    }
}

impl Engine {
    /// A plain JS object in, the core's response as a plain JS object out.
    fn object_call<Req: serde::de::DeserializeOwned, Resp: Serialize>(
        &self,
        request: JsValue,
        call: impl FnOnce(&CoreEngine, &Req) -> santei_core::Result<Resp>,
    ) -> Result<JsValue, JsValue> {
        let req: Req = from_js(request)?;
        let resp = call(&self.inner, &req).map_err(|e| js_error(&e))?;
        to_js(&resp, "response")
    }

    /// JSON text in, canonical JSON text out (byte-identical to the C ABI's output).
    fn text_call<Req: serde::de::DeserializeOwned, Resp: Serialize>(
        &self,
        text: JsValue,
        method: &str,
        call: impl FnOnce(&CoreEngine, &Req) -> santei_core::Result<Resp>,
    ) -> Result<String, JsValue> {
        let text = text.as_string().ok_or_else(|| {
            fail(
                ErrorCode::InvalidArgument,
                format!("{method}: expected the request as a string"),
            )
        })?;
        let req: Req = wire::parse(text.as_bytes()).map_err(|e| js_error(&e))?;
        let resp = call(&self.inner, &req).map_err(|e| js_error(&e))?;
        canonical_text(&resp)
    }
}

/// The package / core version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    santei_core::VERSION.to_string()
}

/// The boundary contract version (`1`).
#[wasm_bindgen(js_name = abiVersion)]
pub fn abi_version() -> u32 {
    ABI_VERSION
}

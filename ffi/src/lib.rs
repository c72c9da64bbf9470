//! C ABI of santei. Thin and mechanical: every entry point null-checks its arguments, runs the
//! core under `catch_unwind`, maps the core error to a [`SanteiStatus`] and keeps the message
//! for [`santei_last_error_message`]. Buffers returned to the caller are freed only by
//! [`santei_buffer_free`].

#![allow(clippy::missing_safety_doc)]

use santei_core::{wire, Engine, Error, ErrorCode};
use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// Version of this C ABI; bindings refuse a library whose `santei_abi_version()` differs.
pub const SANTEI_ABI_VERSION: u32 = 1;

/// Result of every fallible call. The names equal the `code` of errors on every surface.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SanteiStatus {
    SanteiOk = 0,
    /// A null pointer, invalid UTF-8, or otherwise unusable argument.
    SanteiInvalidArgument = 1,
    /// The request is not JSON or does not match the request schema.
    SanteiParseError = 2,
    /// The request's values are impossible or contradict each other.
    SanteiInvalidRequest = 3,
    /// A master file is missing or malformed.
    SanteiMasterError = 4,
    /// The claim cannot be calculated (e.g. no master generation in force on the date).
    SanteiCalcError = 5,
    /// A file or folder could not be read.
    SanteiIoError = 6,
    /// A bug: the library panicked. The message says where.
    SanteiPanic = 7,
}

impl From<ErrorCode> for SanteiStatus {
    fn from(code: ErrorCode) -> Self {
        match code {
            ErrorCode::InvalidArgument => SanteiStatus::SanteiInvalidArgument,
            ErrorCode::ParseError => SanteiStatus::SanteiParseError,
            ErrorCode::InvalidRequest => SanteiStatus::SanteiInvalidRequest,
            ErrorCode::MasterError => SanteiStatus::SanteiMasterError,
            ErrorCode::CalcError => SanteiStatus::SanteiCalcError,
            ErrorCode::IoError => SanteiStatus::SanteiIoError,
        }
    }
}

/// Loaded masters and the calculation. Immutable once built: one engine may serve many threads.
pub struct SanteiEngine {
    engine: Engine,
}

/// Master files collected in memory before building an engine from them.
pub struct SanteiMasterFiles {
    files: Vec<(String, Vec<u8>)>,
}

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

fn set_last_error(message: &str) {
    let c = CString::new(message.replace('\0', " ")).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = c);
}

/// The one wrapper every exported function goes through.
fn guard(body: impl FnOnce() -> Result<(), Error>) -> SanteiStatus {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => {
            set_last_error("");
            SanteiStatus::SanteiOk
        }
        Ok(Err(e)) => {
            set_last_error(&e.message);
            e.code.into()
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            set_last_error(&format!("internal error (panic): {what}"));
            SanteiStatus::SanteiPanic
        }
    }
}

fn invalid(message: &str) -> Error {
    Error::new(ErrorCode::InvalidArgument, message)
}

/// Borrows `(ptr, len)` as bytes; NULL is refused unless `len` is 0.
unsafe fn bytes<'a>(ptr: *const u8, len: usize, what: &str) -> Result<&'a [u8], Error> {
    if ptr.is_null() {
        if len == 0 {
            return Ok(&[]);
        }
        return Err(invalid(&format!("{what} is NULL")));
    }
    Ok(std::slice::from_raw_parts(ptr, len))
}

unsafe fn utf8<'a>(ptr: *const u8, len: usize, what: &str) -> Result<&'a str, Error> {
    if ptr.is_null() {
        return Err(invalid(&format!("{what} is NULL")));
    }
    std::str::from_utf8(bytes(ptr, len, what)?)
        .map_err(|e| invalid(&format!("{what} is not valid UTF-8: {e}")))
}

unsafe fn out_buffer(
    out: *mut *mut u8,
    out_len: *mut usize,
    make: impl FnOnce() -> Result<Vec<u8>, Error>,
) -> Result<(), Error> {
    if out.is_null() || out_len.is_null() {
        return Err(invalid("output pointer is NULL"));
    }
    *out = std::ptr::null_mut();
    *out_len = 0;
    let data = make()?.into_boxed_slice();
    *out_len = data.len();
    *out = Box::into_raw(data) as *mut u8;
    Ok(())
}

/// Stores a new opaque handle in `*out` (NULL there on failure).
unsafe fn out_handle<T>(
    out: *mut *mut T,
    make: impl FnOnce() -> Result<T, Error>,
) -> Result<(), Error> {
    if out.is_null() {
        return Err(invalid("out is NULL"));
    }
    *out = std::ptr::null_mut();
    *out = Box::into_raw(Box::new(make()?));
    Ok(())
}

/// One JSON call on an engine: request bytes → the core → canonical JSON in `*out`.
unsafe fn json_call<Req: serde::de::DeserializeOwned, Resp: serde::Serialize>(
    engine: *const SanteiEngine,
    request: *const u8,
    request_len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
    call: impl FnOnce(&Engine, &Req) -> Result<Resp, Error>,
) -> SanteiStatus {
    guard(|| {
        out_buffer(out, out_len, || {
            let engine = engine.as_ref().ok_or_else(|| invalid("engine is NULL"))?;
            let request = utf8(request, request_len, "request")?;
            let request: Req = wire::parse(request.as_bytes())?;
            wire::to_canonical_json(&call(&engine.engine, &request)?)
        })
    })
}

/// One call with a file's raw bytes in (not JSON) and canonical JSON out: NULL checks, the byte
/// slice, the call, the out buffer.
unsafe fn bytes_call<Resp: serde::Serialize>(
    engine: *const SanteiEngine,
    bytes: *const u8,
    len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
    call: impl FnOnce(&Engine, &[u8]) -> Result<Resp, Error>,
) -> SanteiStatus {
    guard(|| {
        out_buffer(out, out_len, || {
            let engine = engine.as_ref().ok_or_else(|| invalid("engine is NULL"))?;
            if bytes.is_null() {
                return Err(invalid("bytes is NULL"));
            }
            let file = crate::bytes(bytes, len, "bytes")?;
            wire::to_canonical_json(&call(&engine.engine, file)?)
        })
    })
}

/// The ABI version of this library (compare with `SANTEI_ABI_VERSION` from the header).
#[no_mangle]
pub extern "C" fn santei_abi_version() -> u32 {
    SANTEI_ABI_VERSION
}

/// The library version, a static NUL-terminated string (do not free).
#[no_mangle]
pub extern "C" fn santei_version() -> *const c_char {
    static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
    VERSION.as_ptr() as *const c_char
}

/// The message of the last failed call on this thread, NUL-terminated UTF-8 ("" after a success).
/// Valid until the next santei call on the same thread; do not free.
#[no_mangle]
pub extern "C" fn santei_last_error_message() -> *const c_char {
    LAST_ERROR.with(|e| e.borrow().as_ptr())
}

/// Loads a master root (folders named YYYY-MM-DD) or one generation folder.
/// `path` is UTF-8 of `path_len` bytes, not NUL-terminated. Free the engine with `santei_engine_free`.
#[no_mangle]
pub unsafe extern "C" fn santei_engine_new_from_dir(
    path: *const u8,
    path_len: usize,
    out: *mut *mut SanteiEngine,
) -> SanteiStatus {
    guard(|| {
        out_handle(out, || {
            let path = utf8(path, path_len, "path")?;
            Ok(SanteiEngine {
                engine: Engine::from_dir(Path::new(path))?,
            })
        })
    })
}

/// Starts an empty set of in-memory master files. Free with `santei_master_files_free`.
#[no_mangle]
pub unsafe extern "C" fn santei_master_files_new(out: *mut *mut SanteiMasterFiles) -> SanteiStatus {
    guard(|| out_handle(out, || Ok(SanteiMasterFiles { files: Vec::new() })))
}

/// Adds one file (copied). `name` is its path under the master root, e.g.
/// "2024-06-01/s_20240531.zip" (UTF-8, not NUL-terminated); `data` the file's bytes.
#[no_mangle]
pub unsafe extern "C" fn santei_master_files_add(
    files: *mut SanteiMasterFiles,
    name: *const u8,
    name_len: usize,
    data: *const u8,
    data_len: usize,
) -> SanteiStatus {
    guard(|| {
        let files = files.as_mut().ok_or_else(|| invalid("files is NULL"))?;
        let name = utf8(name, name_len, "name")?.to_string();
        let data = bytes(data, data_len, "data")?.to_vec();
        files.files.push((name, data));
        Ok(())
    })
}

/// Frees a file set; NULL is accepted.
#[no_mangle]
pub unsafe extern "C" fn santei_master_files_free(files: *mut SanteiMasterFiles) {
    if !files.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(Box::from_raw(files))));
    }
}

/// Builds an engine from in-memory files (the set stays owned by the caller).
#[no_mangle]
pub unsafe extern "C" fn santei_engine_new_from_files(
    files: *const SanteiMasterFiles,
    out: *mut *mut SanteiEngine,
) -> SanteiStatus {
    guard(|| {
        out_handle(out, || {
            let files = files.as_ref().ok_or_else(|| invalid("files is NULL"))?;
            Ok(SanteiEngine {
                engine: Engine::from_files(&files.files)?,
            })
        })
    })
}

/// Frees an engine; NULL is accepted.
#[no_mangle]
pub unsafe extern "C" fn santei_engine_free(engine: *mut SanteiEngine) {
    if !engine.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(Box::from_raw(engine))));
    }
}

/// Calculates one claim. `request` is UTF-8 JSON of `request_len` bytes. On SANTEI_OK `*out` holds
/// the response as canonical JSON (keys sorted, compact) of `*out_len` bytes, to be released with
/// `santei_buffer_free` — do not call free() on it. On error `*out` is NULL and
/// `santei_last_error_message()` says why.
#[no_mangle]
pub unsafe extern "C" fn santei_calculate_json(
    engine: *const SanteiEngine,
    request: *const u8,
    request_len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> SanteiStatus {
    json_call(
        engine,
        request,
        request_len,
        out,
        out_len,
        Engine::calculate,
    )
}

/// Calculates a month of visits as one レセプト. `request` is UTF-8 JSON of a MonthRequest
/// (`{"month":"2024-06","patient":…,"insurance":…,"visits":[{"date":…,"orders":…}]}`); `*out`
/// receives the canonical JSON MonthResponse, released with `santei_buffer_free`.
#[no_mangle]
pub unsafe extern "C" fn santei_calculate_month_json(
    engine: *const SanteiEngine,
    request: *const u8,
    request_len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> SanteiStatus {
    json_call(
        engine,
        request,
        request_len,
        out,
        out_len,
        Engine::calculate_month,
    )
}

/// 患者負担金 of one レセプト: the 保険's 割合 and 高額療養費 限度額, then each 公費 in priority
/// order. `request` is UTF-8 JSON of a CopayRequest (`{"serviceDate":"2024-06-15","patient":…,
/// "insurance":…,"publicExpenses":[{"houbetsu":"54","capYen":10000}],"parts":[{"points":…,
/// "publicExpenses":[0]}]}`; insurance and publicExpenses optional); `*out` receives the canonical
/// JSON CopayResponse, released with `santei_buffer_free`.
#[no_mangle]
pub unsafe extern "C" fn santei_calculate_copay_json(
    engine: *const SanteiEngine,
    request: *const u8,
    request_len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> SanteiStatus {
    json_call(
        engine,
        request,
        request_len,
        out,
        out_len,
        Engine::calculate_copay,
    )
}

/// 事前審査 of a month's claim as billed (the レセプト's lines with their 算定日), against the
/// masters in force on the first day of its month. `request` is UTF-8 JSON of a CheckRequest
/// (`{"month":"2024-06","patient":…,"insurance":…,"lines":[{"section":"11","items":[{"code":
/// "111000110"}],"days":[{"day":3,"count":1}]}]}`); `*out` receives the canonical JSON
/// CheckResponse (findings with stable codes, severity, ja/en messages, line/item/day and the
/// data row), released with `santei_buffer_free`. A claim with findings is `SANTEI_OK`; an
/// impossible claim (no lines, a bad month or day) is `SANTEI_INVALID_REQUEST`.
#[no_mangle]
pub unsafe extern "C" fn santei_check_json(
    engine: *const SanteiEngine,
    request: *const u8,
    request_len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> SanteiStatus {
    json_call(engine, request, request_len, out, out_len, Engine::check)
}

/// 事前審査 of every receipt of a UKE file (RECEIPTC.UKE, 記録条件仕様 医科). `bytes` is the file as
/// it is on disk (CP932 text, CRLF or LF, an optional EOF 0x1A) of `len` bytes — not JSON;
/// `*out` receives the canonical JSON CheckUkeResponse (`billingMonth`, per receipt its
/// `receiptNo`, the `claim` it was read as and its `check`, and the counts of findings),
/// released with `santei_buffer_free`. A receipt that cannot be checked (no master generation for
/// its month, no 算定日) is an `E-UKE-001` finding on it, not a failure; a file that is not a
/// readable UKE is `SANTEI_PARSE_ERROR`, its message naming the line, record and field.
#[no_mangle]
pub unsafe extern "C" fn santei_check_uke_json(
    engine: *const SanteiEngine,
    bytes: *const u8,
    len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> SanteiStatus {
    bytes_call(engine, bytes, len, out, out_len, Engine::check_uke)
}

/// A UKE file (RECEIPTC.UKE, 記録条件仕様 医科) read into its records. `bytes` is the file as it is
/// on disk (CP932 text, CRLF or LF, an optional EOF 0x1A) of `len` bytes — not JSON; `*out`
/// receives the canonical JSON UkeFile (`ir`, `receipts`: `{re, records}` with each record tagged
/// by `record`: "HO", "SI", …, `go`, `eofMark`; schema/uke-file.schema.json), released with
/// `santei_buffer_free`. A file that is not a readable UKE is `SANTEI_PARSE_ERROR`, its message
/// naming the line, record and field. The engine's masters are not consulted; it is taken so every
/// call of the ABI has the same shape.
#[no_mangle]
pub unsafe extern "C" fn santei_read_uke_json(
    engine: *const SanteiEngine,
    bytes: *const u8,
    len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> SanteiStatus {
    bytes_call(engine, bytes, len, out, out_len, Engine::read_uke)
}

/// A UKE file written from its records: `json` is a UkeFile as UTF-8 JSON of `json_len` bytes
/// (what `santei_read_uke_json` returns, edited or not); `*out` receives the file's exact bytes —
/// CP932 text, not NUL-terminated, CRLF after every record and the EOF code 0x1A when `eofMark`
/// is true or absent — released with `santei_buffer_free`. Reading a file and writing its JSON back
/// gives the same bytes. JSON that is not a UkeFile is `SANTEI_PARSE_ERROR`; a value the file
/// cannot hold (a character CP932 cannot encode, a comma in a text, a number wider than its
/// field) is `SANTEI_INVALID_REQUEST`, its message naming the output line, record and field.
#[no_mangle]
pub unsafe extern "C" fn santei_write_uke(
    engine: *const SanteiEngine,
    json: *const u8,
    json_len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> SanteiStatus {
    guard(|| {
        out_buffer(out, out_len, || {
            let engine = engine.as_ref().ok_or_else(|| invalid("engine is NULL"))?;
            let json = utf8(json, json_len, "json")?;
            let file: santei_core::uke::UkeFile = wire::parse(json.as_bytes())?;
            engine.engine.write_uke(&file)
        })
    })
}

/// What changed in the masters between two dates of service. `request` is UTF-8 JSON
/// (`{"from":"2024-05-31","to":"2024-06-01","kinds":["s"],"codes":["111000110"]}`; kinds and
/// codes optional); `*out` receives the canonical JSON response, released with `santei_buffer_free`.
#[no_mangle]
pub unsafe extern "C" fn santei_diff_masters_json(
    engine: *const SanteiEngine,
    request: *const u8,
    request_len: usize,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> SanteiStatus {
    json_call(
        engine,
        request,
        request_len,
        out,
        out_len,
        Engine::diff_masters,
    )
}

/// What the engine has loaded (generations, row counts, files) as canonical JSON.
/// Release with `santei_buffer_free`.
#[no_mangle]
pub unsafe extern "C" fn santei_engine_info_json(
    engine: *const SanteiEngine,
    out: *mut *mut u8,
    out_len: *mut usize,
) -> SanteiStatus {
    guard(|| {
        out_buffer(out, out_len, || {
            let engine = engine.as_ref().ok_or_else(|| invalid("engine is NULL"))?;
            wire::to_canonical_json(&engine.engine.info())
        })
    })
}

/// Releases a buffer returned by this library; NULL is accepted.
#[no_mangle]
pub unsafe extern "C" fn santei_buffer_free(ptr: *mut u8, len: usize) {
    if !ptr.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)))
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    // The one test that needs the private wrapper; the ABI's behaviour is tested through its
    // exported functions in ffi/tests/abi.rs.
    #[test]
    #[allow(clippy::panic)] // the panic is the test's subject
    fn panics_become_a_status() {
        let s = guard(|| std::panic::panic_any("boom"));
        assert_eq!(s, SanteiStatus::SanteiPanic);
        let message = unsafe { CStr::from_ptr(santei_last_error_message()) };
        assert_eq!(message.to_string_lossy(), "internal error (panic): boom");
    }
}

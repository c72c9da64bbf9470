//! The C ABI through its exported functions: NULL pointers, invalid UTF-8, status names.

use santei::*;
use santei_core::ErrorCode;
use std::ffi::CStr;

fn last_error() -> String {
    unsafe { CStr::from_ptr(santei_last_error_message()) }
        .to_string_lossy()
        .into_owned()
}

#[test]
fn null_pointers_are_errors_not_crashes() {
    let mut out: *mut u8 = std::ptr::null_mut();
    let mut len = 0usize;
    let s =
        unsafe { santei_calculate_json(std::ptr::null(), b"{}".as_ptr(), 2, &mut out, &mut len) };
    assert_eq!(s, SanteiStatus::SanteiInvalidArgument);
    assert_eq!(last_error(), "engine is NULL");
    assert!(out.is_null());
    let s = unsafe { santei_engine_new_from_dir(std::ptr::null(), 3, std::ptr::null_mut()) };
    assert_eq!(s, SanteiStatus::SanteiInvalidArgument);
    unsafe {
        santei_engine_free(std::ptr::null_mut());
        santei_buffer_free(std::ptr::null_mut(), 0);
        santei_master_files_free(std::ptr::null_mut());
    }
}

#[test]
fn invalid_utf8_path_is_an_error() {
    let mut engine: *mut SanteiEngine = std::ptr::null_mut();
    let s = unsafe { santei_engine_new_from_dir([0xffu8, 0xfe].as_ptr(), 2, &mut engine) };
    assert_eq!(s, SanteiStatus::SanteiInvalidArgument);
    assert!(last_error().starts_with("path is not valid UTF-8"));
    assert!(engine.is_null());
}

#[test]
fn statuses_match_the_core_code_names() {
    // the C enum constant names (cbindgen ScreamingSnakeCase) equal ErrorCode::name()
    let expected = [
        (ErrorCode::InvalidArgument, 1),
        (ErrorCode::ParseError, 2),
        (ErrorCode::InvalidRequest, 3),
        (ErrorCode::MasterError, 4),
        (ErrorCode::CalcError, 5),
        (ErrorCode::IoError, 6),
    ];
    for (code, number) in expected {
        let status = SanteiStatus::from(code);
        assert_eq!(status as i32, number);
        let variant = format!("{status:?}");
        let screaming: String = variant
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                let sep = (i > 0 && c.is_uppercase()).then_some('_');
                sep.into_iter().chain(c.to_uppercase())
            })
            .collect();
        assert_eq!(screaming, code.name());
    }
    let v = unsafe { CStr::from_ptr(santei_version()) }
        .to_string_lossy()
        .into_owned();
    assert_eq!(v, env!("CARGO_PKG_VERSION"));
    assert_eq!(santei_abi_version(), SANTEI_ABI_VERSION);
}

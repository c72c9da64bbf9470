//! Errors are values: a code (the same name on every surface) and a message that names the
//! file / line / column / field at fault.

use std::fmt;

/// The kind of failure. Its [`ErrorCode::name`] is the status name used by the C ABI, the
/// wasm package's `Error.code`, and the bindings' exceptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// A null pointer, invalid UTF-8 or otherwise unusable argument at a boundary.
    InvalidArgument,
    /// The request is not well-formed JSON or does not match the request schema.
    ParseError,
    /// The request is well-formed but its values are impossible or contradict each other.
    InvalidRequest,
    /// A master file is missing, unreadable or has a malformed row.
    MasterError,
    /// The claim cannot be calculated (e.g. no master generation in force on the date).
    CalcError,
    /// A file or folder could not be read.
    IoError,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 6] = [
        ErrorCode::InvalidArgument,
        ErrorCode::ParseError,
        ErrorCode::InvalidRequest,
        ErrorCode::MasterError,
        ErrorCode::CalcError,
        ErrorCode::IoError,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "SANTEI_INVALID_ARGUMENT",
            ErrorCode::ParseError => "SANTEI_PARSE_ERROR",
            ErrorCode::InvalidRequest => "SANTEI_INVALID_REQUEST",
            ErrorCode::MasterError => "SANTEI_MASTER_ERROR",
            ErrorCode::CalcError => "SANTEI_CALC_ERROR",
            ErrorCode::IoError => "SANTEI_IO_ERROR",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
}

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
        }
    }

    pub fn invalid_request(field: &str, message: impl fmt::Display) -> Self {
        Error::new(ErrorCode::InvalidRequest, format!("{field}: {message}"))
    }

    /// A malformed master row: names the file, the 1-based line and column, and the field.
    pub fn master_field(
        file: &str,
        line: u64,
        column: usize,
        field: &str,
        message: impl fmt::Display,
    ) -> Self {
        Error::new(
            ErrorCode::MasterError,
            format!("{file} line {line} column {column} ({field}): {message}"),
        )
    }

    pub fn master(file: &str, message: impl fmt::Display) -> Self {
        Error::new(ErrorCode::MasterError, format!("{file}: {message}"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.name(), self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

//! `santei`: calculate claims against the official masters from the command line.

use clap::{Parser, Subcommand, ValueEnum};
use santei_core::model::{CalcResponse, Severity};
use santei_core::{wire, CalcRequest, Engine};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod table;

/// The 令和6 generation shipped in the repository (official 支払基金 files, unchanged).
const BUNDLED: &[(&str, &[u8])] = &[
    (
        "2024-06-01/s_20240531.zip",
        include_bytes!("../../masters/2024-06-01/s_20240531.zip"),
    ),
    (
        "2024-06-01/y_ALL20240321.zip",
        include_bytes!("../../masters/2024-06-01/y_ALL20240321.zip"),
    ),
];

/// A demo visit: a 4-year-old on a Sunday (休日) with 院内処方 of two 剤.
const DEMO_REQUEST: &str = include_str!("demo-request.json");

#[derive(Parser)]
#[command(
    name = "santei",
    version,
    about = "共通算定モジュール: 点数 and 患者負担金 from the official masters"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Calculate the claim in FILE (JSON request; `-` reads standard input).
    Calc {
        /// Master root (folders named YYYY-MM-DD) or one generation folder; default: the bundled 令和6 masters.
        #[arg(long)]
        masters: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        file: PathBuf,
    },
    /// Run an example claim against the bundled official masters and print it as a table.
    Demo {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show what a master folder (or the bundled set) contains.
    Masters {
        #[arg(long)]
        masters: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
}

fn engine(masters: Option<&Path>) -> santei_core::Result<Engine> {
    match masters {
        Some(dir) => Engine::from_dir(dir),
        None => Engine::from_files(BUNDLED),
    }
}

fn print_response(resp: &CalcResponse, format: Format) -> santei_core::Result<()> {
    match format {
        Format::Json => {
            let v = serde_json::to_value(resp).map_err(|e| {
                santei_core::Error::new(santei_core::ErrorCode::CalcError, e.to_string())
            })?;
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Table => print!("{}", table::render(resp)),
    }
    Ok(())
}

fn run(cli: Cli) -> santei_core::Result<bool> {
    match cli.command {
        Command::Calc {
            masters,
            format,
            file,
        } => {
            let bytes = if file.as_os_str() == "-" {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|e| {
                    santei_core::Error::new(
                        santei_core::ErrorCode::IoError,
                        format!("standard input: {e}"),
                    )
                })?;
                buf
            } else {
                std::fs::read(&file).map_err(|e| {
                    santei_core::Error::new(
                        santei_core::ErrorCode::IoError,
                        format!("{}: {e}", file.display()),
                    )
                })?
            };
            let request: CalcRequest = wire::parse_request(&bytes)?;
            let resp = engine(masters.as_deref())?.calculate(&request)?;
            print_response(&resp, format)?;
            Ok(!resp.findings.iter().any(|f| f.severity == Severity::Error))
        }
        Command::Demo { format } => {
            let request = wire::parse_request(DEMO_REQUEST.as_bytes())?;
            let resp = engine(None)?.calculate(&request)?;
            print_response(&resp, format)?;
            Ok(true)
        }
        Command::Masters { masters } => {
            let info = engine(masters.as_deref())?.info();
            println!(
                "{}",
                serde_json::to_string_pretty(&info).unwrap_or_default()
            );
            Ok(true)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("santei: {e}");
            ExitCode::from(2)
        }
    }
}

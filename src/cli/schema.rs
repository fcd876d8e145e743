//! `ctg schema [KIND] [--output DIR]`: the JSON Schemas of the plan files.

use super::args::SchemaArgs;
use super::context::Bare;
use super::{Failure, output, print};
use ctg::schema::{file_name, rendered};
use std::process::ExitCode;

/// Runs `schema`.
pub(super) fn run(bare: &Bare, args: &SchemaArgs) -> Result<ExitCode, Failure> {
    let schemas = rendered();
    if let Some(dir) = &args.output {
        // Said in the session's language: the plan's, found from here, as `man` does.
        let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let lang = bare
            .explicit
            .unwrap_or_else(|| super::help::session_language(&argv));
        output::write_into(dir, &schemas, lang)?;
    }
    if let Some(kind) = &args.kind {
        let name = file_name(kind);
        for (_, text) in schemas.iter().filter(|(n, _)| *n == name) {
            print(text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

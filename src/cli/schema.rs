//! `ctg schema [KIND] [--output DIR]`: the JSON Schemas of the plan files,
//! offering the ids of the plan found as every command finds it (`--plan`,
//! CTG_PLAN, else upward from here); outside any plan, the generic schemas
//! that `schema/` commits.

use super::args::SchemaArgs;
use super::context::Bare;
use super::messages::Msg;
use super::{Failure, output, print};
use ctg::load::{FindError, find_plan, load};
use ctg::schema::{Examples, file_name, rendered_with};
use std::process::ExitCode;

/// Runs `schema`.
pub(super) fn run(bare: &Bare, args: &SchemaArgs) -> Result<ExitCode, Failure> {
    let schemas = rendered_with(&examples(bare)?);
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

/// The ids of the plan found, as read (a plan with errors still offers
/// what it holds); none outside a plan. A `--plan` that names no plan is
/// refused, as by every command.
fn examples(bare: &Bare) -> Result<Examples, Failure> {
    let cwd = std::env::current_dir().unwrap_or_default();
    match find_plan(bare.plan.as_deref(), &cwd) {
        Ok(root) => Ok(Examples::of(&load(&cwd.join(root)).plan)),
        Err(FindError::NotFound(_)) => Ok(Examples::default()),
        Err(FindError::NotAFolder(p)) => Err(Failure::Refused(Msg::PlanFolderNotFound(p))),
        Err(FindError::NoPlanIn(p)) => Err(Failure::Refused(Msg::NoPlanIn(p))),
    }
}

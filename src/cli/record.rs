//! `ctg record ID`: one journal entry, through the single write path.

use super::args::RecordArgs;
use super::context::Context;
use super::{Failure, write};
use ctg::record::Request;
use ctg::write::Change;
use std::process::ExitCode;

/// Runs `record` (and `record --amend`).
pub(super) fn run(ctx: &Context, args: &RecordArgs) -> Result<ExitCode, Failure> {
    let sheet = args.id.clone();
    let request = Request::from(args);
    let change = match args.amend {
        true => Change::Amend { sheet, request },
        false => Change::Record { sheet, request },
    };
    write::run(ctx, &change, args.into())
}

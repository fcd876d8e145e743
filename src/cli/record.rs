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
    let flags = write::Flags {
        dry_run: args.dry_run,
        commit: args.commit,
    };
    write::run(ctx, &change, flags)
}

impl From<&RecordArgs> for Request {
    fn from(a: &RecordArgs) -> Request {
        Request {
            date: a.date.clone(),
            status: a.status.clone(),
            progress: a.progress.clone(),
            note: a.note.clone(),
            difficulties: a.difficulties.clone(),
            next: a.next.clone(),
            decision: a.decision.clone(),
            reached: a.reached.clone(),
            measures: a.measure.clone(),
            by: a.by.clone(),
        }
    }
}

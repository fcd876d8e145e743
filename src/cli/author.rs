//! `ctg add partner|milestone|indicator` and `ctg set SHEET`: their
//! arguments become a [`Change`] for the single write path.

use super::args::{AddCommand, SetArgs};
use super::context::Context;
use super::messages::Msg;
use super::{Failure, write};
use ctg::write::{Change, SetKeys};
use std::process::ExitCode;

/// Runs `add`.
pub(super) fn run_add(ctx: &Context, command: &AddCommand) -> Result<ExitCode, Failure> {
    let (change, flags) = match command {
        AddCommand::Partner(a) => (Change::AddPartner(a.into()), &a.write),
        AddCommand::Milestone(a) => (Change::AddMilestone(a.into()), &a.write),
        AddCommand::Indicator(a) => (Change::AddIndicator(a.into()), &a.write),
        AddCommand::Budget(a) => (Change::AddBudget(a.into()), &a.write),
    };
    write::run(ctx, &change, flags.into())
}

/// Runs `set`. A list option given empty (`--partners ""`) clears the
/// list; one that names an id twice (`--fields culture,culture`) is
/// refused, as `validate` reports it (`duplicate-reference`).
pub(super) fn run_set(ctx: &Context, a: &SetArgs) -> Result<ExitCode, Failure> {
    let mut keys = SetKeys::from(a);
    for (option, list) in [
        ("--partners", &mut keys.partners),
        ("--fields", &mut keys.fields),
        ("--tracks", &mut keys.tracks),
    ] {
        let Some(ids) = list else { continue };
        ids.retain(|id| !id.trim().is_empty());
        if let Some(twice) = named_twice(ids) {
            return Err(Failure::Refused(Msg::NamedTwice {
                option,
                id: twice.to_string(),
            }));
        }
    }
    write::run(ctx, &Change::Set(keys), (&a.write).into())
}

/// The first id of `ids` named a second time (spaces around it ignored).
fn named_twice(ids: &[String]) -> Option<&str> {
    ids.iter()
        .enumerate()
        .find(|(i, id)| ids[..*i].iter().any(|e| e.trim() == id.trim()))
        .map(|(_, id)| id.trim())
}

//! `ctg add partner|milestone|indicator` and `ctg set SHEET`: their
//! arguments become a [`Change`] for the single write path.

use super::args::{AddCommand, SetArgs};
use super::context::Context;
use super::{Failure, write};
use ctg::write::Change;
use std::process::ExitCode;

/// Runs `add`.
pub(super) fn run_add(ctx: &Context, command: &AddCommand) -> Result<ExitCode, Failure> {
    let (change, flags) = match command {
        AddCommand::Partner(a) => (Change::AddPartner(a.into()), &a.write),
        AddCommand::Milestone(a) => (Change::AddMilestone(a.into()), &a.write),
        AddCommand::Indicator(a) => (Change::AddIndicator(a.into()), &a.write),
    };
    write::run(ctx, &change, flags.into())
}

/// Runs `set`.
pub(super) fn run_set(ctx: &Context, a: &SetArgs) -> Result<ExitCode, Failure> {
    write::run(ctx, &Change::Set(a.into()), (&a.write).into())
}

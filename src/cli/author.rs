//! `ctg add partner|milestone|indicator` and `ctg set SHEET`: their
//! arguments become a [`Change`] for the single write path.

use super::args::{AddCommand, SetArgs, WriteFlags};
use super::context::Context;
use super::{Failure, write};
use ctg::write::{Change, NewIndicator, NewMilestone, NewPartner, SetKeys};
use std::process::ExitCode;

impl From<&WriteFlags> for write::Flags {
    fn from(f: &WriteFlags) -> write::Flags {
        write::Flags {
            dry_run: f.dry_run,
            commit: f.commit,
        }
    }
}

/// Runs `add`.
pub(super) fn run_add(ctx: &Context, command: &AddCommand) -> Result<ExitCode, Failure> {
    let (change, flags) = match command {
        AddCommand::Partner(a) => (
            Change::AddPartner(NewPartner {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind.clone(),
            }),
            &a.write,
        ),
        AddCommand::Milestone(a) => (
            Change::AddMilestone(NewMilestone {
                sheet: a.sheet.clone(),
                id: a.id.clone(),
                title: a.title.clone(),
                due: a.due.clone(),
            }),
            &a.write,
        ),
        AddCommand::Indicator(a) => (
            Change::AddIndicator(NewIndicator {
                sheet: a.sheet.clone(),
                id: a.id.clone(),
                label: a.label.clone(),
                unit: a.unit.clone(),
                kind: a.kind.clone(),
                direction: a.direction.clone(),
                baseline: a.baseline.clone(),
                targets: a.target.clone(),
            }),
            &a.write,
        ),
    };
    write::run(ctx, &change, flags.into())
}

/// Runs `set`.
pub(super) fn run_set(ctx: &Context, a: &SetArgs) -> Result<ExitCode, Failure> {
    let keys = SetKeys {
        sheet: a.sheet.clone(),
        lead: a.lead.clone(),
        partners: a.partners.clone(),
        fields: a.fields.clone(),
        tracks: a.tracks.clone(),
        schedule: a.schedule.clone(),
    };
    write::run(ctx, &Change::Set(keys), (&a.write).into())
}

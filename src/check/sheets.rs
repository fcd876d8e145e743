//! Rules on a sheet as a whole: fields, lead, where it stands.

use super::{Ctx, Out};
use crate::compute::start_of_year;
use crate::diag::Problem;
use crate::model::Status;

/// `no-field`: a sheet names at least one field.
pub(super) fn no_field(ctx: &Ctx, out: &mut Out) {
    for s in ctx.plan.sheets.iter().filter(|s| s.fields.is_empty()) {
        out.error(Problem::NoField, &s.file, &s.id);
    }
}

/// `no-lead`: a sheet has a lead.
pub(super) fn no_lead(ctx: &Ctx, out: &mut Out) {
    for s in ctx.plan.sheets.iter().filter(|s| s.lead.is_none()) {
        let problem = Problem::NoLead {
            id: s.id.value.clone(),
        };
        out.warn(problem, &s.file, &s.id);
    }
}

/// `done-open-milestones`: a sheet done as of the date with milestones not reached.
pub(super) fn done_open_milestones(ctx: &Ctx, out: &mut Out) {
    for (s, state) in ctx.plan.sheets.iter().zip(&ctx.states) {
        if state.status != Status::Done {
            continue;
        }
        let open: Vec<String> = s
            .milestones
            .iter()
            .filter(|m| !state.has_reached(&m.id))
            .map(|m| m.id.value.clone())
            .collect();
        if !open.is_empty() {
            out.warn(Problem::DoneOpenMilestones { open }, &s.file, &s.id);
        }
    }
}

/// `stale`: a running sheet without an entry for too long.
pub(super) fn stale(ctx: &Ctx, out: &mut Out) {
    for (s, state) in ctx.plan.sheets.iter().zip(&ctx.states) {
        if state.stale {
            let last = state
                .last_entry
                .unwrap_or_else(|| start_of_year(s.schedule.start));
            let problem = Problem::Stale {
                id: s.id.value.clone(),
                last,
            };
            out.warn(problem, &s.file, &s.id);
        }
    }
}

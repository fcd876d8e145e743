//! The convention period and what must fall inside it.

use super::{Ctx, Out};
use crate::diag::Problem;
use chrono::Datelike;
use std::path::Path;

/// `reversed-period`: the convention period starts no later than it ends.
pub(super) fn reversed_period(ctx: &Ctx, out: &mut Out) {
    let p = &ctx.plan.convention.period;
    if ctx.unread.convention || p.start <= p.end {
        return;
    }
    let problem = Problem::ReversedPeriod {
        start: p.start,
        end: p.end,
    };
    out.error(problem, Path::new("convention.yaml"), p);
}

/// `schedule`: a sheet runs in order, within the period.
pub(super) fn schedule(ctx: &Ctx, out: &mut Out) {
    if !ctx.period_known {
        return;
    }
    let p = *ctx.plan.convention.period;
    for s in &ctx.plan.sheets {
        let sch = s.schedule.value;
        if sch.start > sch.end || sch.start < p.start || sch.end > p.end {
            let problem = Problem::Schedule {
                start: sch.start,
                end: sch.end,
                period: (p.start, p.end),
            };
            out.error(problem, &s.file, &s.schedule);
        }
    }
}

/// `due-outside-period`: milestones fall due within the period.
pub(super) fn due_outside_period(ctx: &Ctx, out: &mut Out) {
    if !ctx.period_known {
        return;
    }
    let p = *ctx.plan.convention.period;
    for s in &ctx.plan.sheets {
        for due in s.milestones.iter().filter_map(|m| m.due.as_ref()) {
            if !(p.start..=p.end).contains(&due.year()) {
                out.warn(Problem::DueOutsidePeriod { date: due.value }, &s.file, due);
            }
        }
    }
}

/// `target-outside-period`: indicator targets are years of the period.
pub(super) fn target_outside_period(ctx: &Ctx, out: &mut Out) {
    if !ctx.period_known {
        return;
    }
    let p = *ctx.plan.convention.period;
    for s in &ctx.plan.sheets {
        for i in &s.indicators {
            for (year, target) in &i.targets {
                if !(p.start..=p.end).contains(year) {
                    let problem = Problem::TargetOutsidePeriod { year: *year };
                    out.warn(problem, &s.file, target);
                }
            }
        }
    }
}

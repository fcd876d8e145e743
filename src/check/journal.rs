//! Rules on each journal entry and across a sheet's entries.

use super::{Ctx, Out};
use crate::diag::{Problem, suggest};
use crate::model::Status;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// `entry-outside-period`: entries are dated within the period.
pub(super) fn entry_outside_period(ctx: &Ctx, out: &mut Out) {
    if !ctx.period_known {
        return;
    }
    let p = *ctx.plan.convention.period;
    for s in &ctx.plan.sheets {
        for e in &s.journal {
            if !(p.start..=p.end).contains(&e.date.year()) {
                let problem = Problem::EntryOutsidePeriod {
                    date: e.date.value,
                    period: (p.start, p.end),
                };
                out.error(problem, &s.file, &e.date);
            }
        }
    }
}

/// `empty-entry`: an entry says something besides its date.
pub(super) fn empty_entry(ctx: &Ctx, out: &mut Out) {
    for s in &ctx.plan.sheets {
        for e in s.journal.iter().filter(|e| e.is_empty()) {
            out.error(Problem::EmptyEntry, &s.file, &e.date);
        }
    }
}

/// `progress-range`: progress is between 0 and 100.
pub(super) fn progress_range(ctx: &Ctx, out: &mut Out) {
    for s in &ctx.plan.sheets {
        for progress in s.journal.iter().filter_map(|e| e.progress.as_ref()) {
            if !(0.0..=100.0).contains(&progress.value) {
                let problem = Problem::ProgressRange {
                    value: progress.value.to_string(),
                };
                out.error(problem, &s.file, progress);
            }
        }
    }
}

/// `abandoned-no-note`: abandoning a sheet says why.
pub(super) fn abandoned_no_note(ctx: &Ctx, out: &mut Out) {
    for s in &ctx.plan.sheets {
        for e in &s.journal {
            let abandoned = e
                .status
                .as_ref()
                .is_some_and(|st| st.value == Status::Abandoned);
            if abandoned && e.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                out.error(Problem::AbandonedNoNote, &s.file, &e.date);
            }
        }
    }
}

/// `unknown-milestone`: `reached` names milestones of the sheet.
pub(super) fn unknown_milestone(ctx: &Ctx, out: &mut Out) {
    for s in &ctx.plan.sheets {
        let milestones: Vec<&str> = s.milestones.iter().map(|m| m.id.as_str()).collect();
        for m in s.journal.iter().flat_map(|e| &e.reached) {
            if !milestones.contains(&m.as_str()) {
                let suggestion = suggest(m, milestones.iter().copied());
                let problem = Problem::UnknownMilestone {
                    id: m.value.clone(),
                    suggestion,
                };
                out.error(problem, &s.file, m);
            }
        }
    }
}

/// `reached-twice`: a milestone is reached once.
pub(super) fn reached_twice(ctx: &Ctx, out: &mut Out) {
    for s in &ctx.plan.sheets {
        let mut reached_on: HashMap<&str, NaiveDate> = HashMap::new();
        for e in &s.journal {
            for m in &e.reached {
                if !s.milestones.iter().any(|k| k.id.value == m.value) {
                    continue;
                }
                if let Some(first) = reached_on.get(m.as_str()) {
                    let problem = Problem::ReachedTwice {
                        id: m.value.clone(),
                        first: *first,
                    };
                    out.error(problem, &s.file, m);
                } else {
                    reached_on.insert(m.as_str(), e.date.value);
                }
            }
        }
    }
}

/// `unknown-indicator`: measures name indicators of the sheet.
pub(super) fn unknown_indicator(ctx: &Ctx, out: &mut Out) {
    for s in &ctx.plan.sheets {
        let indicators: Vec<&str> = s.indicators.iter().map(|i| i.id.as_str()).collect();
        for (id, _) in s.journal.iter().flat_map(|e| &e.measures) {
            if !indicators.contains(&id.as_str()) {
                let suggestion = suggest(id, indicators.iter().copied());
                let problem = Problem::UnknownIndicator {
                    id: id.value.clone(),
                    suggestion,
                };
                out.error(problem, &s.file, id);
            }
        }
    }
}

/// `future-entry`: an entry dated after the as-of date.
pub(super) fn future_entry(ctx: &Ctx, out: &mut Out) {
    for s in &ctx.plan.sheets {
        for e in s.journal.iter().filter(|e| e.date.value > ctx.as_of) {
            out.warn(
                Problem::FutureEntry { date: e.date.value },
                &s.file,
                &e.date,
            );
        }
    }
}

/// `progress-down`: progress goes down from one entry to the next (in date order).
pub(super) fn progress_down(ctx: &Ctx, out: &mut Out) {
    for (s, entries) in ctx.plan.sheets.iter().zip(&ctx.in_order) {
        let mut last: Option<f64> = None;
        for p in entries.iter().filter_map(|e| e.progress.as_ref()) {
            if let Some(l) = last.filter(|l| p.value < *l) {
                let problem = Problem::ProgressDown {
                    from: fmt_num(l),
                    to: fmt_num(p.value),
                };
                out.warn(problem, &s.file, p);
            }
            last = Some(p.value);
        }
    }
}

/// `done-below-100`: an entry says done with progress under 100.
pub(super) fn done_below_100(ctx: &Ctx, out: &mut Out) {
    for (s, entries) in ctx.plan.sheets.iter().zip(&ctx.in_order) {
        for e in entries {
            if e.status.as_ref().is_some_and(|st| st.value == Status::Done)
                && let Some(p) = e.progress.as_ref().filter(|p| p.value < 100.0)
            {
                let problem = Problem::DoneBelow100 {
                    progress: fmt_num(p.value),
                };
                out.warn(problem, &s.file, p);
            }
        }
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        v.to_string()
    }
}

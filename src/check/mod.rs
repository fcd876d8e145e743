//! The checks that need the whole plan: identifiers, references, schedules
//! and journal rules. One function per diagnostic code, listed in
//! [`CHECKS`] in the order they run (as hledger's `Check`); none prints.
//! References into a file that could not be read are skipped.

mod budget;
mod ids;
mod journal;
mod period;
mod personal;
mod references;
mod sheets;

use crate::compute::{SheetState, entries_until, sheet_state};
use crate::diag::{Diagnostic, Problem, Severity};
use crate::load::{Loaded, Unread};
use crate::model::{Entry, Located, Plan, Sheet, Status};
use chrono::NaiveDate;
use std::path::Path;

#[cfg(test)]
thread_local! {
    /// How many times [`check`] ran on this thread (for the tests that
    /// count the checks a write makes).
    pub(crate) static RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// What every check reads.
struct Ctx<'a> {
    plan: &'a Plan,
    /// The files that could not be read: checks into them are skipped.
    unread: Unread,
    /// Sheets read in part, whose references are still checked.
    damaged: &'a [Sheet],
    as_of: NaiveDate,
    /// The convention was read and its period is in order: the checks
    /// against the period run (a reversed period is reported once).
    period_known: bool,
    /// Each sheet's entries in date order, computed once for every check.
    in_order: Vec<Vec<&'a Entry>>,
    /// Each sheet's state as of the date (when the convention was read).
    states: Vec<SheetState>,
}

impl<'a> Ctx<'a> {
    fn new(loaded: &'a Loaded, as_of: NaiveDate) -> Ctx<'a> {
        let plan = &loaded.plan;
        let period = &plan.convention.period;
        let in_order = plan
            .sheets
            .iter()
            .map(|s| entries_until(&s.journal, NaiveDate::MAX))
            .collect();
        let states = match loaded.unread.convention {
            true => Vec::new(),
            false => plan
                .sheets
                .iter()
                .map(|s| sheet_state(s, plan.convention.stale_after_months, as_of))
                .collect(),
        };
        Ctx {
            plan,
            unread: loaded.unread,
            damaged: &loaded.damaged,
            as_of,
            period_known: !loaded.unread.convention && period.start <= period.end,
            in_order,
            states,
        }
    }
}

/// One named check: the diagnostic code it reports and how.
pub struct Check {
    /// The code of the one problem it reports (`ctg validate` shows it).
    pub code: &'static str,
    run: fn(&Ctx, &mut Out),
}

const fn named(code: &'static str, run: fn(&Ctx, &mut Out)) -> Check {
    Check { code, run }
}

/// Every check of the whole plan, in the order they run.
pub const CHECKS: &[Check] = &[
    named("duplicate-id", ids::duplicate_id),
    named("bad-id", ids::objective_under_axis),
    named("file-name", ids::file_name),
    named("missing-parent", ids::missing_parent),
    named("unknown-partner", references::unknown_partner),
    named("reversed-period", period::reversed_period),
    named("unknown-field", references::unknown_field),
    named("schedule", period::schedule),
    named("due-outside-period", period::due_outside_period),
    named("target-outside-period", period::target_outside_period),
    named("unknown-track", references::unknown_track),
    named("duplicate-reference", references::duplicate_reference),
    named("entry-outside-period", journal::entry_outside_period),
    named("empty-entry", journal::empty_entry),
    named("progress-range", journal::progress_range),
    named("abandoned-no-note", journal::abandoned_no_note),
    named("unknown-milestone", journal::unknown_milestone),
    named("reached-twice", journal::reached_twice),
    named("unknown-indicator", journal::unknown_indicator),
    named("unknown-funder", budget::unknown_funder),
    named("unknown-budget-line", budget::unknown_budget_line),
    named("budget-year", budget::budget_year),
    named("negative-spent", budget::negative_spent),
    named("no-field", sheets::no_field),
    named("no-lead", sheets::no_lead),
    named("future-entry", journal::future_entry),
    named("progress-down", journal::progress_down),
    named("done-below-100", journal::done_below_100),
    named("done-open-milestones", sheets::done_open_milestones),
    named("stale", sheets::stale),
    named("overspent", budget::overspent),
    named("spent-no-plan", budget::spent_no_plan),
    named("no-sheet", ids::no_sheet),
    named("personal-data", personal::personal_data),
];

/// Runs every check on a loaded plan and returns all diagnostics, the
/// loader's included, sorted by file, line and column.
pub fn check(loaded: &Loaded, as_of: NaiveDate) -> Vec<Diagnostic> {
    #[cfg(test)]
    RUNS.with(|runs| runs.set(runs.get() + 1));
    let mut out = Out {
        diags: loaded.diagnostics.clone(),
    };
    let ctx = Ctx::new(loaded, as_of);
    for check in CHECKS {
        (check.run)(&ctx, &mut out);
    }
    out.diags.sort_by(|a, b| {
        (&a.file, a.pos, a.problem.code()).cmp(&(&b.file, b.pos, b.problem.code()))
    });
    out.diags
}

/// The diagnostics found so far.
struct Out {
    diags: Vec<Diagnostic>,
}

impl Out {
    fn push(
        &mut self,
        severity: Severity,
        problem: Problem,
        file: &Path,
        at: &Located<impl Width>,
    ) {
        self.diags.push(Diagnostic {
            severity,
            problem,
            file: file.to_path_buf(),
            pos: at.pos,
            width: at.value.width(),
        });
    }
    fn error(&mut self, problem: Problem, file: &Path, at: &Located<impl Width>) {
        self.push(Severity::Error, problem, file, at);
    }
    fn warn(&mut self, problem: Problem, file: &Path, at: &Located<impl Width>) {
        self.push(Severity::Warning, problem, file, at);
    }
}

/// How many characters a located value spans, for the marker.
trait Width {
    fn width(&self) -> usize;
}
impl Width for String {
    fn width(&self) -> usize {
        self.chars().count().max(1)
    }
}
impl Width for NaiveDate {
    fn width(&self) -> usize {
        10
    }
}
impl Width for f64 {
    fn width(&self) -> usize {
        1
    }
}
impl Width for crate::model::Money {
    fn width(&self) -> usize {
        1
    }
}
impl Width for Status {
    fn width(&self) -> usize {
        1
    }
}
impl Width for crate::model::Period {
    fn width(&self) -> usize {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_has_its_own_code() {
        let mut codes: Vec<&str> = CHECKS.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "a code named twice in CHECKS");
    }

    /// Each check reports its own code and no other, on the corpus of
    /// broken files laid over the shipped plan.
    #[test]
    fn each_check_reports_only_its_code() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
        let loaded = crate::load::load(&root.join("examples/demo"));
        let ctx = Ctx::new(&loaded, as_of);
        let mut seen = 0;
        for check in CHECKS {
            let mut out = Out { diags: Vec::new() };
            (check.run)(&ctx, &mut out);
            seen += out.diags.len();
            for d in &out.diags {
                assert_eq!(d.problem.code(), check.code);
            }
        }
        assert!(seen > 0, "the demo plan has warnings to report");
    }
}

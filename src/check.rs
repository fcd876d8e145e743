//! The checks that need the whole plan: identifiers, references, schedules
//! and journal rules. Each check is a named function returning diagnostics;
//! none prints. References into a file that could not be read are skipped.

use crate::compute::{sheet_state, start_of_year};
use crate::diag::{Diagnostic, IdExpected, Problem, Severity, suggest};
use crate::load::Loaded;
use crate::model::{Located, Plan, Sheet, Status, parent_id};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[cfg(test)]
thread_local! {
    /// How many times [`check`] ran on this thread (for the tests that
    /// count the checks a write makes).
    pub(crate) static RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs every check on a loaded plan and returns all diagnostics, the
/// loader's included, sorted by file, line and column.
pub fn check(loaded: &Loaded, as_of: NaiveDate) -> Vec<Diagnostic> {
    #[cfg(test)]
    RUNS.with(|runs| runs.set(runs.get() + 1));
    let mut out = Out {
        diags: loaded.diagnostics.clone(),
    };
    let plan = &loaded.plan;
    let u = loaded.unread;
    unique_ids(&mut out, plan);
    hierarchy(&mut out, plan, !u.axes);
    if !u.partners {
        partner_references(&mut out, plan, &loaded.damaged);
    }
    // A reversed period is reported once; the checks against it are skipped.
    let period_known = !u.convention && period_in_order(&mut out, plan);
    if !u.convention {
        field_references(&mut out, plan, &loaded.damaged);
    }
    if period_known {
        schedules(&mut out, plan);
    }
    if !u.tracks {
        track_references(&mut out, plan, &loaded.damaged);
    }
    for sheet in &plan.sheets {
        journal_rules(&mut out, plan, sheet, period_known);
        warnings(&mut out, plan, sheet, as_of, !u.convention);
    }
    if !u.sheets && !u.axes {
        objectives_without_sheets(&mut out, plan);
    }
    out.diags.sort_by(|a, b| {
        (&a.file, a.pos, a.problem.code()).cmp(&(&b.file, b.pos, b.problem.code()))
    });
    out.diags
}

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

fn file(name: &str) -> PathBuf {
    PathBuf::from(name)
}

/// Each id is declared once within its kind.
fn unique_ids(out: &mut Out, plan: &Plan) {
    let mut once = |ids: Vec<(&Located<String>, PathBuf)>| {
        let mut seen: HashMap<&str, (PathBuf, u32)> = HashMap::new();
        for (id, path) in ids {
            if let Some((first_file, first_line)) = seen.get(id.as_str()) {
                let first = format!("{}:{}", first_file.display(), first_line);
                out.error(
                    Problem::DuplicateId {
                        id: id.value.clone(),
                        first,
                    },
                    &path,
                    id,
                );
            } else {
                seen.insert(id.as_str(), (path, id.pos.line));
            }
        }
    };
    once(
        plan.partners
            .iter()
            .map(|p| (&p.id, file("partners.yaml")))
            .collect(),
    );
    once(
        plan.convention
            .fields
            .iter()
            .map(|f| (&f.id, file("convention.yaml")))
            .collect(),
    );
    once(
        plan.tracks
            .iter()
            .map(|t| (&t.id, file("tracks.yaml")))
            .collect(),
    );
    once(
        plan.axes
            .iter()
            .map(|a| (&a.id, file("axes.yaml")))
            .collect(),
    );
    once(
        plan.objectives()
            .map(|(_, o)| (&o.id, file("axes.yaml")))
            .collect(),
    );
    once(
        plan.sheets
            .iter()
            .map(|s| (&s.id, s.file.clone()))
            .collect(),
    );
    for s in &plan.sheets {
        once(
            s.milestones
                .iter()
                .map(|m| (&m.id, s.file.clone()))
                .collect(),
        );
        once(
            s.indicators
                .iter()
                .map(|i| (&i.id, s.file.clone()))
                .collect(),
        );
    }
}

/// Objectives sit under their axis; each sheet under an objective and in a file named after it.
fn hierarchy(out: &mut Out, plan: &Plan, axes_read: bool) {
    for axis in &plan.axes {
        for o in &axis.objectives {
            if parent_id(&o.id) != Some(axis.id.as_str()) {
                let expected = IdExpected::UnderAxis(axis.id.value.clone());
                out.error(
                    Problem::BadId {
                        id: o.id.value.clone(),
                        expected,
                    },
                    Path::new("axes.yaml"),
                    &o.id,
                );
            }
        }
    }
    for s in &plan.sheets {
        let stem = s
            .file
            .file_stem()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        if stem != s.id.value && !stem.starts_with(&format!("{}-", s.id.value)) {
            let name = s
                .file
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.error(
                Problem::FileName {
                    id: s.id.value.clone(),
                    file: name,
                },
                &s.file,
                &s.id,
            );
        }
        let parent = parent_id(&s.id).unwrap_or_default();
        if axes_read && !plan.objectives().any(|(_, o)| o.id.value == parent) {
            out.error(
                Problem::MissingParent {
                    id: s.id.value.clone(),
                    parent: parent.to_string(),
                },
                &s.file,
                &s.id,
            );
        }
    }
}

fn partner_references(out: &mut Out, plan: &Plan, damaged: &[Sheet]) {
    let known: Vec<&str> = plan.partners.iter().map(|p| p.id.as_str()).collect();
    let mut check = |id: &Located<String>, path: &Path| {
        if !known.contains(&id.as_str()) {
            let suggestion = suggest(id, known.iter().copied());
            out.error(
                Problem::UnknownPartner {
                    id: id.value.clone(),
                    suggestion,
                },
                path,
                id,
            );
        }
    };
    for id in &plan.convention.signatories {
        check(id, Path::new("convention.yaml"));
    }
    for s in plan.sheets.iter().chain(damaged) {
        for id in s.lead.iter().chain(&s.partners) {
            check(id, &s.file);
        }
    }
}

fn field_references(out: &mut Out, plan: &Plan, damaged: &[Sheet]) {
    let known: Vec<&str> = plan
        .convention
        .fields
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    let mut check = |id: &Located<String>, path: &Path| {
        if !known.contains(&id.as_str()) {
            let suggestion = suggest(id, known.iter().copied());
            out.error(
                Problem::UnknownField {
                    id: id.value.clone(),
                    suggestion,
                },
                path,
                id,
            );
        }
    };
    for t in &plan.tracks {
        check(&t.field, Path::new("tracks.yaml"));
    }
    for s in plan.sheets.iter().chain(damaged) {
        for id in &s.fields {
            check(id, &s.file);
        }
    }
}

fn track_references(out: &mut Out, plan: &Plan, damaged: &[Sheet]) {
    let known: Vec<&str> = plan.tracks.iter().map(|t| t.id.as_str()).collect();
    for s in plan.sheets.iter().chain(damaged) {
        for id in &s.tracks {
            if !known.contains(&id.as_str()) {
                let suggestion = suggest(id, known.iter().copied());
                out.error(
                    Problem::UnknownTrack {
                        id: id.value.clone(),
                        suggestion,
                    },
                    &s.file,
                    id,
                );
            }
        }
    }
}

/// The convention period starts no later than it ends.
fn period_in_order(out: &mut Out, plan: &Plan) -> bool {
    let p = &plan.convention.period;
    if p.start <= p.end {
        return true;
    }
    let problem = Problem::ReversedPeriod {
        start: p.start,
        end: p.end,
    };
    out.error(problem, Path::new("convention.yaml"), p);
    false
}

fn schedules(out: &mut Out, plan: &Plan) {
    let p = *plan.convention.period;
    for s in &plan.sheets {
        let sch = s.schedule.value;
        if sch.start > sch.end || sch.start < p.start || sch.end > p.end {
            out.error(
                Problem::Schedule {
                    start: sch.start,
                    end: sch.end,
                    period: (p.start, p.end),
                },
                &s.file,
                &s.schedule,
            );
        }
        for due in s.milestones.iter().filter_map(|m| m.due.as_ref()) {
            if !(p.start..=p.end).contains(&due.year()) {
                out.warn(Problem::DueOutsidePeriod { date: due.value }, &s.file, due);
            }
        }
        for i in &s.indicators {
            for (year, target) in &i.targets {
                if !(p.start..=p.end).contains(year) {
                    out.warn(
                        Problem::TargetOutsidePeriod { year: *year },
                        &s.file,
                        target,
                    );
                }
            }
        }
    }
}

/// Rules on each entry and across a sheet's entries.
fn journal_rules(out: &mut Out, plan: &Plan, s: &Sheet, period_known: bool) {
    let p = *plan.convention.period;
    let milestones: Vec<&str> = s.milestones.iter().map(|m| m.id.as_str()).collect();
    let indicators: Vec<&str> = s.indicators.iter().map(|i| i.id.as_str()).collect();
    let mut reached_on: HashMap<&str, NaiveDate> = HashMap::new();
    for e in &s.journal {
        if period_known && !(p.start..=p.end).contains(&e.date.year()) {
            let problem = Problem::EntryOutsidePeriod {
                date: e.date.value,
                period: (p.start, p.end),
            };
            out.error(problem, &s.file, &e.date);
        }
        if e.is_empty() {
            out.error(Problem::EmptyEntry, &s.file, &e.date);
        }
        if let Some(progress) = &e.progress
            && !(0.0..=100.0).contains(&progress.value)
        {
            out.error(
                Problem::ProgressRange {
                    value: progress.value.to_string(),
                },
                &s.file,
                progress,
            );
        }
        if e.status
            .as_ref()
            .is_some_and(|st| st.value == Status::Abandoned)
            && e.note.as_deref().is_none_or(|n| n.trim().is_empty())
        {
            out.error(Problem::AbandonedNoNote, &s.file, &e.date);
        }
        for m in &e.reached {
            if !milestones.contains(&m.as_str()) {
                let suggestion = suggest(m, milestones.iter().copied());
                out.error(
                    Problem::UnknownMilestone {
                        id: m.value.clone(),
                        suggestion,
                    },
                    &s.file,
                    m,
                );
            } else if let Some(first) = reached_on.get(m.as_str()) {
                out.error(
                    Problem::ReachedTwice {
                        id: m.value.clone(),
                        first: *first,
                    },
                    &s.file,
                    m,
                );
            } else {
                reached_on.insert(m.as_str(), e.date.value);
            }
        }
        for (id, _) in &e.measures {
            if !indicators.contains(&id.as_str()) {
                let suggestion = suggest(id, indicators.iter().copied());
                out.error(
                    Problem::UnknownIndicator {
                        id: id.value.clone(),
                        suggestion,
                    },
                    &s.file,
                    id,
                );
            }
        }
    }
    if s.fields.is_empty() {
        out.error(Problem::NoField, &s.file, &s.id);
    }
}

fn warnings(out: &mut Out, plan: &Plan, s: &Sheet, as_of: NaiveDate, period_known: bool) {
    if s.lead.is_none() {
        out.warn(
            Problem::NoLead {
                id: s.id.value.clone(),
            },
            &s.file,
            &s.id,
        );
    }
    for e in s.journal.iter().filter(|e| e.date.value > as_of) {
        out.warn(
            Problem::FutureEntry { date: e.date.value },
            &s.file,
            &e.date,
        );
    }
    let mut last: Option<f64> = None;
    for e in crate::compute::entries_until(&s.journal, NaiveDate::MAX) {
        if let Some(p) = &e.progress {
            if last.is_some_and(|l| p.value < l) {
                let problem = Problem::ProgressDown {
                    from: fmt_num(last.unwrap_or_default()),
                    to: fmt_num(p.value),
                };
                out.warn(problem, &s.file, p);
            }
            last = Some(p.value);
        }
        if e.status.as_ref().is_some_and(|st| st.value == Status::Done)
            && let Some(p) = e.progress.as_ref().filter(|p| p.value < 100.0)
        {
            out.warn(
                Problem::DoneBelow100 {
                    progress: fmt_num(p.value),
                },
                &s.file,
                p,
            );
        }
    }
    if !period_known {
        return;
    }
    let state = sheet_state(s, plan.convention.stale_after_months, as_of);
    if state.status == Status::Done {
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
    if state.stale {
        let last = state
            .last_entry
            .unwrap_or_else(|| start_of_year(s.schedule.start));
        out.warn(
            Problem::Stale {
                id: s.id.value.clone(),
                last,
            },
            &s.file,
            &s.id,
        );
    }
}

fn objectives_without_sheets(out: &mut Out, plan: &Plan) {
    for (_, o) in plan.objectives() {
        if !plan
            .sheets
            .iter()
            .any(|s| parent_id(&s.id) == Some(o.id.as_str()))
        {
            out.warn(
                Problem::NoSheet {
                    id: o.id.value.clone(),
                },
                Path::new("axes.yaml"),
                &o.id,
            );
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

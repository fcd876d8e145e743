//! What a sheet's journal says as of a date: status, progress, health, and
//! the rollups over groups of sheets (spec section 3). Pure functions.

use crate::model::{Entry, Milestone, Sheet, Status};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Serialize, Serializer};

mod indicators;
pub mod labels;
mod means;
mod years;
pub use indicators::{IndicatorYear, Trend, gap, indicator_year, percent_of_target, target_met};
pub use means::{Means, Years, line_means, means_of, sheet_means, spent};
pub use years::{SynthesisClass, YearFigures, states_at, year_end, year_figures};

/// The overall state of a sheet, printed as a word and a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Health {
    /// Status done.
    Done,
    /// Status abandoned.
    Abandoned,
    /// Blocked or late (red).
    Alert,
    /// Paused, postponed, stale, or planned past its first year (orange).
    Watch,
    /// Planned and not yet due to start (grey).
    Upcoming,
    /// Everything else (green).
    OnTrack,
}

impl Health {
    /// Every health value, in display order.
    pub const ALL: [Health; 6] = [
        Health::OnTrack,
        Health::Watch,
        Health::Alert,
        Health::Upcoming,
        Health::Done,
        Health::Abandoned,
    ];

    /// The English key used in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Health::Done => "done",
            Health::Abandoned => "abandoned",
            Health::Alert => "alert",
            Health::Watch => "watch",
            Health::Upcoming => "upcoming",
            Health::OnTrack => "on-track",
        }
    }
}

/// A health is written as its English key.
impl Serialize for Health {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// A sheet's computed state as of a date. Serialized as the sheet's state
/// in the `status` JSON: the field order is the key order of that document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetState {
    /// Status of the last entry that has one (`planned` if none), except
    /// that a sheet planned but started is in progress.
    pub status: Status,
    /// The summary of all the others.
    pub health: Health,
    /// 0-100, exact.
    pub progress: f64,
    /// A milestone is overdue or the schedule is over, and the sheet is not closed.
    pub late: bool,
    /// No entry for longer than the plan allows.
    pub stale: bool,
    /// Date the sheet started, if it has.
    pub started: Option<NaiveDate>,
    /// Date the current run of `done` began, while done.
    pub completed: Option<NaiveDate>,
    /// Date of the latest entry counted.
    pub last_entry: Option<NaiveDate>,
    /// Milestones reached, with the date of the entry that reached them.
    #[serde(skip)]
    pub reached: Vec<(String, NaiveDate)>,
}

impl SheetState {
    /// True for done and abandoned sheets.
    pub fn is_closed(&self) -> bool {
        matches!(self.status, Status::Done | Status::Abandoned)
    }

    /// True when `id` has been reached.
    pub fn has_reached(&self, id: &str) -> bool {
        self.reached.iter().any(|(m, _)| m == id)
    }
}

/// The journal entries dated on or before `as_of`, by date then file order.
pub fn entries_until(journal: &[Entry], as_of: NaiveDate) -> Vec<&Entry> {
    let mut entries: Vec<&Entry> = journal.iter().filter(|e| e.date.value <= as_of).collect();
    entries.sort_by_key(|e| e.date.value);
    entries
}

/// The state of `sheet` as of `as_of`, with `stale_after` months of grace.
pub fn sheet_state(sheet: &Sheet, stale_after: u32, as_of: NaiveDate) -> SheetState {
    let entries = entries_until(&sheet.journal, as_of);
    let status = entries
        .iter()
        .rev()
        .find_map(|e| e.status.as_ref())
        .map_or(Status::Planned, |s| s.value);
    let reached: Vec<(String, NaiveDate)> = entries
        .iter()
        .flat_map(|e| e.reached.iter().map(|m| (m.value.clone(), e.date.value)))
        .collect();
    let progress = if status == Status::Done {
        100.0
    } else if let Some(p) = entries.iter().rev().find_map(|e| e.progress.as_ref()) {
        p.value
    } else if !sheet.milestones.is_empty() {
        let done = sheet
            .milestones
            .iter()
            .filter(|m| reached.iter().any(|(r, _)| *r == m.id.value))
            .count();
        100.0 * done as f64 / sheet.milestones.len() as f64
    } else {
        0.0
    };
    let started = entries.iter().find(|e| starts(e)).map(|e| e.date.value);
    // A sheet that has started (progress above 0, a milestone reached…)
    // is in progress while no later status says otherwise: every view —
    // status, show, the review's columns, the evaluation — reads the same.
    let status = match status {
        Status::Planned if started.is_some() => Status::InProgress,
        other => other,
    };
    let completed = if status == Status::Done {
        last_done_run(&entries)
    } else {
        None
    };
    let last_entry = entries.last().map(|e| e.date.value);
    let closed = matches!(status, Status::Done | Status::Abandoned);
    let schedule = sheet.schedule.value;
    let overdue = sheet
        .milestones
        .iter()
        .any(|m| m.due_before(as_of) && !reached.iter().any(|(r, _)| *r == m.id.value));
    let late = !closed && (overdue || as_of > end_of_year(schedule.end));
    let since = last_entry.unwrap_or_else(|| start_of_year(schedule.start));
    let stale = !closed
        && (started.is_some() || as_of.year() > schedule.start)
        && as_of > add_months(since, stale_after);
    let health = match status {
        Status::Done => Health::Done,
        Status::Abandoned => Health::Abandoned,
        Status::Blocked => Health::Alert,
        _ if late => Health::Alert,
        Status::Paused | Status::Postponed => Health::Watch,
        _ if stale => Health::Watch,
        Status::Planned if as_of.year() > schedule.start => Health::Watch,
        Status::Planned => Health::Upcoming,
        _ => Health::OnTrack,
    };
    SheetState {
        status,
        progress,
        started,
        completed,
        reached,
        late,
        stale,
        health,
        last_entry,
    }
}

fn starts(e: &Entry) -> bool {
    let by_status = e.status.as_ref().is_some_and(|s| {
        matches!(
            s.value,
            Status::InProgress | Status::Paused | Status::Blocked | Status::Done
        )
    });
    by_status || e.progress.as_ref().is_some_and(|p| p.value > 0.0) || !e.reached.is_empty()
}

/// The first date of the last unbroken run of `done` (entries without a status do not break it).
fn last_done_run(entries: &[&Entry]) -> Option<NaiveDate> {
    let mut run_start = None;
    for e in entries {
        match e.status.as_ref().map(|s| s.value) {
            Some(Status::Done) => run_start = run_start.or(Some(e.date.value)),
            Some(_) => run_start = None,
            None => {}
        }
    }
    run_start
}

/// The earliest milestone not reached by `as_of`, by due date (overdue ones
/// included); milestones without a due date come after dated ones, in file order.
pub fn next_milestone<'a>(sheet: &'a Sheet, state: &SheetState) -> Option<&'a Milestone> {
    sheet
        .milestones
        .iter()
        .filter(|m| !state.has_reached(&m.id))
        .min_by_key(|m| (m.due.is_none(), m.due_date()))
}

/// An indicator's value for `year`: the last measure dated in that year and on
/// or before `as_of` (file order breaks ties); never carried forward.
pub fn indicator_value(sheet: &Sheet, indicator: &str, year: i32, as_of: NaiveDate) -> Option<f64> {
    entries_until(&sheet.journal, as_of)
        .into_iter()
        .filter(|e| e.date.year() == year)
        .flat_map(|e| {
            e.measures
                .iter()
                .filter(|(id, _)| id.value == indicator)
                .map(|(_, v)| *v)
        })
        .last()
}

/// `date` plus `months` calendar months, the day clamped to the month's end.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// 1 January of `year`.
pub fn start_of_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// 31 December of `year`.
pub fn end_of_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Figures over a group of sheets; serialized as the `rollup` of the JSON
/// documents, in field order.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Rollup {
    /// Sheets counted.
    pub sheets: usize,
    /// Count per status, in [`Status::ALL`] order.
    #[serde(serialize_with = "status_counts")]
    pub by_status: [usize; 7],
    /// Count per health, in [`Health::ALL`] order.
    #[serde(serialize_with = "health_counts")]
    pub by_health: [usize; 6],
    /// Late sheets.
    pub late: usize,
    /// Stale sheets.
    pub stale: usize,
    /// done ÷ (sheets − abandoned), as a percentage; none when no sheet counts.
    pub completion_rate: Option<f64>,
    /// Mean progress of the sheets not abandoned; none when no sheet counts.
    pub mean_progress: Option<f64>,
}

/// The counts per status as an object keyed by status, in [`Status::ALL`] order.
fn status_counts<S: Serializer>(counts: &[usize; 7], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(Status::ALL.iter().map(|s| s.key()).zip(counts))
}

/// The counts per health as an object keyed by health, in [`Health::ALL`] order.
fn health_counts<S: Serializer>(counts: &[usize; 6], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(Health::ALL.iter().map(|h| h.key()).zip(counts))
}

impl Rollup {
    /// Adds up the states of a group of sheets.
    pub fn of<'a>(states: impl IntoIterator<Item = &'a SheetState>) -> Rollup {
        let mut r = Rollup::default();
        let mut progress_sum = 0.0;
        for s in states {
            r.sheets += 1;
            r.by_status[Status::ALL.iter().position(|x| *x == s.status).unwrap_or(0)] += 1;
            r.by_health[Health::ALL.iter().position(|x| *x == s.health).unwrap_or(0)] += 1;
            r.late += usize::from(s.late);
            r.stale += usize::from(s.stale);
            if s.status != Status::Abandoned {
                progress_sum += s.progress;
            }
        }
        r.with_rates(progress_sum)
    }

    /// Adds up the rollups of groups that share no sheet, as [`Rollup::of`]
    /// would over all their sheets at once.
    pub fn sum<'a>(parts: impl IntoIterator<Item = &'a Rollup>) -> Rollup {
        let mut r = Rollup::default();
        let mut progress_sum = 0.0;
        for p in parts {
            r.sheets += p.sheets;
            r.by_status
                .iter_mut()
                .zip(p.by_status)
                .for_each(|(a, b)| *a += b);
            r.by_health
                .iter_mut()
                .zip(p.by_health)
                .for_each(|(a, b)| *a += b);
            r.late += p.late;
            r.stale += p.stale;
            let counted = p.sheets - p.count(Status::Abandoned);
            progress_sum += p.mean_progress.unwrap_or(0.0) * counted as f64;
        }
        r.with_rates(progress_sum)
    }

    /// Sets the completion rate and the mean progress from the counts and
    /// the progress summed over the sheets not abandoned.
    fn with_rates(mut self, progress_sum: f64) -> Rollup {
        let counted = self.sheets - self.count(Status::Abandoned);
        if counted > 0 {
            self.completion_rate = Some(100.0 * self.count(Status::Done) as f64 / counted as f64);
            self.mean_progress = Some(progress_sum / counted as f64);
        }
        self
    }

    /// Sheets with this status.
    pub fn count(&self, status: Status) -> usize {
        Status::ALL
            .iter()
            .position(|x| *x == status)
            .map_or(0, |i| self.by_status[i])
    }

    /// Sheets with this health.
    pub fn health(&self, health: Health) -> usize {
        Health::ALL
            .iter()
            .position(|x| *x == health)
            .map_or(0, |i| self.by_health[i])
    }
}

#[cfg(test)]
mod tests;

//! Figures for a year of the convention (spec section 3, Years): flows count
//! events dated in year N up to `D_N = min(31/12/N, D)`, stocks are taken at
//! `D_N`; years after `year(D)` have no figures.

use super::{Rollup, SheetState, end_of_year, entries_until, sheet_state};
use crate::model::{Sheet, Status};
use chrono::{Datelike, NaiveDate};

/// The date year `year`'s figures are taken at, none for a year after `as_of`.
pub fn year_end(year: i32, as_of: NaiveDate) -> Option<NaiveDate> {
    (year <= as_of.year()).then(|| end_of_year(year).min(as_of))
}

/// The figures of one year over a group of sheets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearFigures {
    /// The date the stocks are taken at.
    pub at: NaiveDate,
    /// Sheets that started in the year.
    pub started: usize,
    /// Sheets completed in the year (and still done at its end).
    pub completed: usize,
    /// Sheets started and neither done nor abandoned at the year's end.
    pub in_progress: usize,
    /// Late sheets at the year's end.
    pub late: usize,
    /// Rollup at the year's end (completion rate, mean progress, counts).
    pub rollup: Rollup,
    /// Completion rate change since 31/12 of the year before (points).
    pub completion_change: Option<f64>,
    /// Mean progress change since 31/12 of the year before (points).
    pub progress_change: Option<f64>,
    /// Milestones due in the year.
    pub milestones_due: usize,
    /// Of those, reached by the year's end.
    pub milestones_due_reached: usize,
    /// Milestones reached in the year (whenever due).
    pub milestones_reached: usize,
    /// Journal entries dated in the year.
    pub entries: usize,
}

fn in_year(date: NaiveDate, year: i32, at: NaiveDate) -> bool {
    date.year() == year && date <= at
}

/// States of `sheets` at a date.
pub fn states_at(sheets: &[&Sheet], stale_after: u32, at: NaiveDate) -> Vec<SheetState> {
    sheets
        .iter()
        .map(|s| sheet_state(s, stale_after, at))
        .collect()
}

/// The figures of `year` for `sheets`, as of `as_of`; none after `year(as_of)`.
pub fn year_figures(
    sheets: &[&Sheet],
    stale_after: u32,
    year: i32,
    as_of: NaiveDate,
) -> Option<YearFigures> {
    let at = year_end(year, as_of)?;
    let states = states_at(sheets, stale_after, at);
    let before = states_at(sheets, stale_after, end_of_year(year - 1));
    let rollup = Rollup::of(&states);
    let previous = Rollup::of(&before);
    let diff = |now: Option<f64>, then: Option<f64>| Some(now? - then?);
    let mut f = YearFigures {
        at,
        completion_change: diff(rollup.completion_rate, previous.completion_rate),
        progress_change: diff(rollup.mean_progress, previous.mean_progress),
        ..YearFigures::default()
    };
    for (sheet, state) in sheets.iter().zip(&states) {
        f.started += usize::from(state.started.is_some_and(|d| in_year(d, year, at)));
        f.completed += usize::from(state.completed.is_some_and(|d| in_year(d, year, at)));
        f.in_progress += usize::from(state.started.is_some() && !state.is_closed());
        f.late += usize::from(state.late);
        for m in sheet.milestones.iter().filter(|m| m.due_in(year)) {
            f.milestones_due += 1;
            f.milestones_due_reached += usize::from(state.has_reached(&m.id));
        }
        f.milestones_reached += state
            .reached
            .iter()
            .filter(|(_, d)| in_year(*d, year, at))
            .count();
        f.entries += entries_until(&sheet.journal, at)
            .iter()
            .filter(|e| e.date.year() == year)
            .count();
    }
    f.rollup = rollup;
    Some(f)
}

/// Where a sheet falls in the annual synthesis: the first that applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SynthesisClass {
    /// Status done.
    Done,
    /// Status abandoned.
    Abandoned,
    /// Health alert (blocked or late).
    Alert,
    /// Not started.
    NotStarted,
    /// Everything else, paused and postponed included.
    InProgress,
}

impl SynthesisClass {
    /// The five classes, in column order.
    pub const ALL: [SynthesisClass; 5] = [
        SynthesisClass::Done,
        SynthesisClass::Abandoned,
        SynthesisClass::Alert,
        SynthesisClass::NotStarted,
        SynthesisClass::InProgress,
    ];

    /// The class of a sheet's state.
    pub fn of(state: &SheetState) -> SynthesisClass {
        match state.status {
            Status::Done => SynthesisClass::Done,
            Status::Abandoned => SynthesisClass::Abandoned,
            _ if state.health == super::Health::Alert => SynthesisClass::Alert,
            _ if state.started.is_none() => SynthesisClass::NotStarted,
            _ => SynthesisClass::InProgress,
        }
    }
}

/// The figures as JSON: the rollup's rates next to their change.
impl serde::Serialize for YearFigures {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut f = s.serialize_struct("YearFigures", 13)?;
        f.serialize_field("at", &self.at)?;
        f.serialize_field("started", &self.started)?;
        f.serialize_field("completed", &self.completed)?;
        f.serialize_field("in_progress", &self.in_progress)?;
        f.serialize_field("late", &self.late)?;
        f.serialize_field("completion_rate", &self.rollup.completion_rate)?;
        f.serialize_field("completion_rate_change", &self.completion_change)?;
        f.serialize_field("mean_progress", &self.rollup.mean_progress)?;
        f.serialize_field("mean_progress_change", &self.progress_change)?;
        f.serialize_field("milestones_due", &self.milestones_due)?;
        f.serialize_field("milestones_due_reached", &self.milestones_due_reached)?;
        f.serialize_field("milestones_reached", &self.milestones_reached)?;
        f.serialize_field("entries", &self.entries)?;
        f.end()
    }
}

//! The sheets over the convention period as plain data: each sheet's
//! schedule, its class as of a date and its milestones, for the Gantt chart
//! of `timeline --format svg|html` and of the annual review.

use crate::compute::{SynthesisClass, end_of_year, sheet_state, start_of_year};
use crate::model::Plan;
use chrono::NaiveDate;

/// The Gantt of a plan as of a date.
#[derive(Debug, Clone)]
pub struct Gantt {
    /// 1 January of the period's first year.
    pub start: NaiveDate,
    /// 31 December of the period's last year.
    pub end: NaiveDate,
    /// The date the classes and marks are computed at (the line on the chart).
    pub at: NaiveDate,
    /// One row per sheet, in plan order.
    pub rows: Vec<GanttRow>,
}

/// A sheet on the Gantt.
#[derive(Debug, Clone)]
pub struct GanttRow {
    /// Sheet id.
    pub id: String,
    /// Sheet title.
    pub title: String,
    /// 1 January of the schedule's first year.
    pub start: NaiveDate,
    /// 31 December of the schedule's last year.
    pub end: NaiveDate,
    /// Its class as of `at`.
    pub class: SynthesisClass,
    /// Its dated milestones.
    pub milestones: Vec<GanttMilestone>,
}

/// A milestone on the Gantt.
#[derive(Debug, Clone)]
pub struct GanttMilestone {
    /// Title.
    pub title: String,
    /// Due date.
    pub due: NaiveDate,
    /// Reached, late or upcoming as of `at`.
    pub mark: Mark,
}

/// How a milestone stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Reached by the date.
    Reached,
    /// Due before the date and not reached.
    Late,
    /// Due on or after the date.
    Upcoming,
}

/// The Gantt of `plan` as of `at`.
pub fn build(plan: &Plan, at: NaiveDate) -> Gantt {
    let period = *plan.convention.period;
    let rows = plan
        .sheets
        .iter()
        .map(|sheet| {
            let state = sheet_state(sheet, plan.convention.stale_after_months, at);
            let milestones = sheet
                .milestones
                .iter()
                .filter_map(|m| {
                    let due = m.due_date()?;
                    let mark = if state.has_reached(&m.id) {
                        Mark::Reached
                    } else if m.due_before(at) {
                        Mark::Late
                    } else {
                        Mark::Upcoming
                    };
                    Some(GanttMilestone {
                        title: m.title.clone(),
                        due,
                        mark,
                    })
                })
                .collect();
            GanttRow {
                id: sheet.id.value.clone(),
                title: sheet.title.clone(),
                start: start_of_year(sheet.schedule.start),
                end: end_of_year(sheet.schedule.end),
                class: SynthesisClass::of(&state),
                milestones,
            }
        })
        .collect();
    Gantt {
        start: start_of_year(period.start),
        end: end_of_year(period.end),
        at,
        rows,
    }
}

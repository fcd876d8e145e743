//! The final assessment of the convention period (`ctg evaluation`), as
//! plain data: outcome per axis and objective, every sheet, every indicator
//! against its last target, the yearly trajectory and the points of attention.

use crate::compute::{
    Rollup, SheetState, SynthesisClass, end_of_year, entries_until, gap, percent_of_target,
    sheet_state, target_met,
};
use crate::model::{Indicator, Plan, Sheet, Status};
use crate::report::serial;
use crate::report::summary::{self, Summary};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The whole evaluation; its JSON is its serialization.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// The convention's name.
    pub convention: String,
    /// First and last year of the period (`{"start", "end"}`).
    #[serde(serialize_with = "serial::period")]
    pub period: (i32, i32),
    /// The date it is computed as of.
    pub as_of: NaiveDate,
    /// Today, when it was produced.
    pub produced: NaiveDate,
    /// Per axis, each followed by its objectives, then the whole plan.
    pub outcome: Outcome,
    /// Every sheet, in plan order.
    pub sheets: Vec<SheetRow>,
    /// Every indicator of every sheet.
    pub indicators: Vec<IndicatorRow>,
    /// The yearly summary of the whole period, as `ctg summary` gives it
    /// (its whole-plan block in JSON, `null` if none).
    #[serde(serialize_with = "serial::first_block")]
    pub trajectory: Summary,
    /// Means: what was planned and spent over the period, by line, axis,
    /// funder and nature (the `ctg budget` of the period).
    pub means: crate::report::budget::BudgetReport,
    /// What the steering committee should look at.
    pub attention: Vec<Attention>,
    /// The sheets over the period as of the date, for the chart.
    #[serde(skip)]
    pub gantt: crate::report::gantt::Gantt,
}

/// The outcome table: axes and objectives, then the total.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Per axis, each followed by its objectives.
    pub groups: Vec<OutcomeRow>,
    /// The whole plan.
    pub total: OutcomeRow,
}

/// What an outcome row covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// An axis.
    Axis,
    /// An objective.
    Objective,
    /// The whole plan.
    Total,
}

/// A line of the outcome table.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeRow {
    /// Axis, objective or total.
    pub level: Level,
    /// Its id (empty for the total).
    pub id: String,
    /// Its title (empty for the total).
    pub title: String,
    /// Sheets per class, in [`SynthesisClass::ALL`] order; they add up to the sheets.
    #[serde(flatten, serialize_with = "serial::classes")]
    pub classes: [usize; 5],
    /// Counts, completion rate and mean progress.
    pub rollup: Rollup,
}

/// Whether a sheet was completed within its schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnTime {
    /// Done, and completed by 31 December of its schedule's last year.
    Yes,
    /// Not so, and the as-of date is past that day.
    No,
    /// Not done yet, and still within its schedule.
    #[serde(rename = "not-yet-due")]
    Open,
}

/// A sheet's milestones, as of the evaluation date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MilestoneCounts {
    /// Reached on or before their due date.
    pub on_time: usize,
    /// Reached after their due date.
    pub late: usize,
    /// Due before the as-of date and not reached.
    pub missed: usize,
    /// Due on or after the as-of date and not reached yet.
    pub to_come: usize,
}

/// A line of the per-sheet table.
#[derive(Debug, Clone, Serialize)]
pub struct SheetRow {
    /// Sheet id.
    pub id: String,
    /// Sheet title.
    pub title: String,
    /// Schedule's last year.
    #[serde(rename = "schedule_end")]
    pub end: i32,
    /// The sheet's state at the as-of date (status, health, progress, late,
    /// stale, started, completed in JSON).
    #[serde(flatten, serialize_with = "serial::state")]
    pub state: SheetState,
    /// Completed within its schedule?
    pub on_time: OnTime,
    /// Milestones by outcome.
    pub milestones: MilestoneCounts,
    /// Journal entries up to the as-of date.
    pub entries: usize,
    /// The last note up to the as-of date.
    #[serde(serialize_with = "serial::dated")]
    pub last_note: Option<(NaiveDate, String)>,
}

/// A line of the indicators table.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    /// The sheet it belongs to.
    pub sheet: String,
    /// Its slug.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its unit, if given.
    pub unit: Option<String>,
    /// Baseline year and value.
    #[serde(serialize_with = "serial::year_value")]
    pub baseline: Option<(i32, f64)>,
    /// The last measure up to the as-of date, and its date.
    #[serde(serialize_with = "serial::date_value")]
    pub last: Option<(NaiveDate, f64)>,
    /// The last year that has a target, and that target.
    #[serde(serialize_with = "serial::year_value")]
    pub target: Option<(i32, f64)>,
    /// last − target.
    pub gap: Option<f64>,
    /// 100 × last ÷ target.
    pub percent_of_target: Option<f64>,
    /// The value of each year of the period (none after the as-of date).
    #[serde(serialize_with = "serial::year_values")]
    pub years: Vec<(i32, Option<f64>)>,
    /// Whether the last value meets the target (see [`target_met`]).
    pub met: Option<bool>,
}

/// Why a sheet itself is a point of attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SheetPoint {
    /// Never started.
    NeverStarted,
    /// Blocked or paused at the as-of date.
    Stopped,
}

/// A point of attention, each naming its sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Attention {
    /// A sheet never started, or blocked or paused.
    Sheet {
        /// Why.
        point: SheetPoint,
        /// Sheet id.
        sheet: String,
        /// Sheet title.
        title: String,
        /// Its status.
        status: Status,
    },
    /// An indicator whose last value does not meet its last target.
    ShortOfTarget {
        /// Sheet id.
        sheet: String,
        /// Indicator label.
        label: String,
        /// Last value and target.
        value: f64,
        /// The target it falls short of.
        target: f64,
    },
    /// A budget line with something planned and nothing spent over the
    /// period, as of the date.
    NeverSpent {
        /// Sheet id.
        sheet: String,
        /// The line's id.
        line: String,
        /// The funder's name.
        funder: String,
        /// What was planned over the period.
        planned: crate::model::Money,
    },
    /// A milestone due before the as-of date and never reached.
    Missed {
        /// Sheet id.
        sheet: String,
        /// Milestone title.
        title: String,
        /// Its due date.
        due: NaiveDate,
    },
}

/// A point of attention as JSON: its kind first (`never-started`,
/// `stopped`, `short-of-target`, `milestone-missed`), then what it names.
impl Serialize for Attention {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Attention", 5)?;
        match self {
            Attention::Sheet {
                point,
                sheet,
                title,
                status,
            } => {
                out.serialize_field("kind", point)?;
                out.serialize_field("sheet", sheet)?;
                out.serialize_field("title", title)?;
                out.serialize_field("status", status)?;
            }
            Attention::ShortOfTarget {
                sheet,
                label,
                value,
                target,
            } => {
                out.serialize_field("kind", "short-of-target")?;
                out.serialize_field("sheet", sheet)?;
                out.serialize_field("title", label)?;
                out.serialize_field("value", value)?;
                out.serialize_field("target", target)?;
            }
            Attention::NeverSpent {
                sheet,
                line,
                funder,
                planned,
            } => {
                out.serialize_field("kind", "never-spent")?;
                out.serialize_field("sheet", sheet)?;
                out.serialize_field("title", line)?;
                out.serialize_field("funder", funder)?;
                out.serialize_field("planned", planned)?;
            }
            Attention::Missed { sheet, title, due } => {
                out.serialize_field("kind", "milestone-missed")?;
                out.serialize_field("sheet", sheet)?;
                out.serialize_field("title", title)?;
                out.serialize_field("due", due)?;
            }
        }
        out.end()
    }
}

/// Builds the evaluation as of `as_of`, produced `today`.
pub fn build(plan: &Plan, as_of: NaiveDate, today: NaiveDate) -> Evaluation {
    let stale = plan.convention.stale_after_months;
    let p = *plan.convention.period;
    let states: Vec<(&Sheet, SheetState)> = plan
        .sheets
        .iter()
        .map(|s| (s, sheet_state(s, stale, as_of)))
        .collect();
    let row = |level, id: &str, title: &str| {
        let prefix = format!("{id}.");
        let group: Vec<&SheetState> = states
            .iter()
            .filter(|(s, _)| level == Level::Total || s.id.starts_with(&prefix))
            .map(|(_, st)| st)
            .collect();
        outcome_row(level, id, title, &group)
    };
    let mut outcome = Vec::new();
    for axis in &plan.axes {
        outcome.push(row(Level::Axis, &axis.id, &axis.title));
        for o in &axis.objectives {
            outcome.push(row(Level::Objective, &o.id, &o.title));
        }
    }
    let years: Vec<i32> = (p.start..=p.end).collect();
    let sheets: Vec<SheetRow> = states
        .iter()
        .map(|(s, st)| sheet_row(s, st, as_of))
        .collect();
    let indicators: Vec<IndicatorRow> = plan
        .sheets
        .iter()
        .flat_map(|s| s.indicators.iter().map(move |i| (s, i)))
        .map(|(s, i)| indicator_row(s, i, &years, as_of))
        .collect();
    let means = crate::report::budget::build(plan, as_of, &Default::default());
    let mut attention = attention(&states, &indicators, as_of);
    attention.extend(never_spent(&means));
    Evaluation {
        convention: plan.convention.name.clone(),
        period: (p.start, p.end),
        as_of,
        produced: today,
        outcome: Outcome {
            groups: outcome,
            total: row(Level::Total, "", ""),
        },
        sheets,
        indicators,
        trajectory: summary::build(plan, years, as_of, None),
        means,
        attention,
        gantt: crate::report::gantt::build(plan, as_of),
    }
}

fn outcome_row(level: Level, id: &str, title: &str, states: &[&SheetState]) -> OutcomeRow {
    let mut classes = [0; 5];
    for st in states {
        let class = SynthesisClass::of(st);
        if let Some(i) = SynthesisClass::ALL.iter().position(|c| *c == class) {
            classes[i] += 1;
        }
    }
    OutcomeRow {
        level,
        id: id.to_string(),
        title: title.to_string(),
        classes,
        rollup: Rollup::of(states.iter().copied()),
    }
}

fn sheet_row(s: &Sheet, st: &SheetState, as_of: NaiveDate) -> SheetRow {
    let end = s.schedule.end;
    let deadline = end_of_year(end);
    let on_time = match st.completed {
        Some(d) if d <= deadline => OnTime::Yes,
        _ if st.status == Status::Done || as_of > deadline => OnTime::No,
        _ => OnTime::Open,
    };
    let mut milestones = MilestoneCounts::default();
    for m in &s.milestones {
        match st.reached.iter().find(|(id, _)| *id == m.id.value) {
            Some((_, d)) if m.due_date().is_none_or(|due| *d <= due) => milestones.on_time += 1,
            Some(_) => milestones.late += 1,
            None if m.due_before(as_of) => milestones.missed += 1,
            None => milestones.to_come += 1,
        }
    }
    let entries = entries_until(&s.journal, as_of);
    SheetRow {
        id: s.id.value.clone(),
        title: s.title.clone(),
        end,
        state: st.clone(),
        on_time,
        milestones,
        entries: entries.len(),
        last_note: entries
            .iter()
            .rev()
            .find_map(|e| e.note.as_ref().map(|n| (e.date.value, n.clone()))),
    }
}

fn indicator_row(s: &Sheet, i: &Indicator, years: &[i32], as_of: NaiveDate) -> IndicatorRow {
    let last = entries_until(&s.journal, as_of)
        .into_iter()
        .flat_map(|e| {
            e.measures
                .iter()
                .filter(|(id, _)| id.value == i.id.value)
                .map(|(_, v)| (e.date.value, *v))
        })
        .last();
    let target = i.targets.iter().next_back().map(|(y, t)| (*y, t.value));
    let (value, goal) = (last.map(|l| l.1), target.map(|t| t.1));
    IndicatorRow {
        sheet: s.id.value.clone(),
        id: i.id.value.clone(),
        label: i.label.clone(),
        unit: i.unit.clone(),
        baseline: i.baseline.as_ref().map(|b| (b.year, b.value)),
        last,
        target,
        gap: gap(value, goal),
        percent_of_target: percent_of_target(value, goal),
        years: years
            .iter()
            .map(|&y| {
                let value = (y <= as_of.year())
                    .then(|| crate::compute::indicator_value(s, &i.id, y, as_of))
                    .flatten();
                (y, value)
            })
            .collect(),
        met: value.zip(goal).map(|(v, t)| target_met(i.direction, v, t)),
    }
}

/// The lines planned and never spent, in plan order.
fn never_spent(means: &crate::report::budget::BudgetReport) -> Vec<Attention> {
    means
        .blocks
        .iter()
        .flat_map(|b| &b.axes)
        .flat_map(|a| &a.objectives)
        .flat_map(|o| &o.lines)
        .filter(|l| l.total.spent == crate::model::Money::ZERO)
        .filter_map(|l| {
            let planned = l.total.planned.filter(|p| *p > crate::model::Money::ZERO)?;
            Some(Attention::NeverSpent {
                sheet: l.sheet.clone(),
                line: l.line.clone(),
                funder: l.funder_name.clone(),
                planned,
            })
        })
        .collect()
}

fn attention(
    states: &[(&Sheet, SheetState)],
    indicators: &[IndicatorRow],
    as_of: NaiveDate,
) -> Vec<Attention> {
    let mut out = Vec::new();
    for point in [SheetPoint::NeverStarted, SheetPoint::Stopped] {
        for (s, st) in states {
            let applies = match point {
                SheetPoint::NeverStarted => st.started.is_none(),
                SheetPoint::Stopped => matches!(st.status, Status::Blocked | Status::Paused),
            };
            if applies {
                out.push(Attention::Sheet {
                    point,
                    sheet: s.id.value.clone(),
                    title: s.title.clone(),
                    status: st.status,
                });
            }
        }
    }
    for i in indicators.iter().filter(|i| i.met == Some(false)) {
        if let (Some((_, value)), Some((_, target))) = (i.last, i.target) {
            out.push(Attention::ShortOfTarget {
                sheet: i.sheet.clone(),
                label: i.label.clone(),
                value,
                target,
            });
        }
    }
    for (s, st) in states {
        for m in s
            .milestones
            .iter()
            .filter(|m| m.due_before(as_of) && !st.has_reached(&m.id))
        {
            if let Some(due) = m.due_date() {
                out.push(Attention::Missed {
                    sheet: s.id.value.clone(),
                    title: m.title.clone(),
                    due,
                });
            }
        }
    }
    out
}

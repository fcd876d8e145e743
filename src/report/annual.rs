//! The annual review (bilan annuel) of spec section 6, as plain data.

use crate::compute::{
    Health, IndicatorYear, SheetState, SynthesisClass, end_of_year, indicator_value,
    indicator_year, sheet_state, start_of_year, year_end,
};
use crate::model::{Plan, Sheet, Status, parent_id};
use crate::report::gantt::{self, Gantt};
use crate::report::serial;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The whole review of one year; its JSON is its serialization.
#[derive(Debug, Clone, Serialize)]
pub struct AnnualReport {
    /// The year reviewed.
    pub year: i32,
    /// The convention's name.
    pub convention: String,
    /// 1 January of the year.
    pub from: NaiveDate,
    /// 31 December, or the as-of date when earlier.
    pub to: NaiveDate,
    /// The date the review was produced (today).
    pub produced: NaiveDate,
    /// No journal entry at all up to `to`.
    pub nothing_recorded: bool,
    /// The synthesis by axis and its total.
    pub synthesis: Synthesis,
    /// One row per sheet, in plan order.
    pub detail: Vec<DetailRow>,
    /// One row per indicator.
    pub indicators: Vec<IndicatorRow>,
    /// Milestones due this year, then next year.
    pub milestones: Vec<MilestoneRow>,
    /// Funding: what was planned and spent in the year, by line, funder
    /// and nature (the `ctg budget --year` of the year).
    pub funding: crate::report::budget::BudgetReport,
    /// Mean progress per objective, at the year's end and the year before
    /// (the chart's data, not in the JSON).
    #[serde(skip)]
    pub objectives: Vec<ObjectiveProgress>,
    /// The sheets over the whole period as of `to` (the chart's data).
    #[serde(skip)]
    pub gantt: Gantt,
}

/// The synthesis table: one row per axis, then the total.
#[derive(Debug, Clone, Serialize)]
pub struct Synthesis {
    /// One row per axis.
    pub axes: Vec<SynthesisRow>,
    /// The total row.
    pub total: SynthesisRow,
}

/// The mean progress of an objective's sheets.
#[derive(Debug, Clone)]
pub struct ObjectiveProgress {
    /// Objective id.
    pub id: String,
    /// Objective title.
    pub title: String,
    /// Mean progress at the year's end, %.
    pub mean: Option<f64>,
    /// Mean progress at the end of the year before, %.
    pub previous: Option<f64>,
}

/// A line of the synthesis: an axis or the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SynthesisRow {
    /// Axis id (none for the total).
    #[serde(rename = "axis")]
    pub id: Option<String>,
    /// Axis title.
    pub title: String,
    /// Sheets counted.
    pub sheets: usize,
    /// Sheets per class, in [`SynthesisClass::ALL`] order; they add up to `sheets`.
    #[serde(flatten, serialize_with = "serial::classes")]
    pub classes: [usize; 5],
    /// done ÷ (sheets − abandoned), %.
    pub completion_rate: Option<f64>,
    /// Mean progress, %.
    pub mean_progress: Option<f64>,
    /// Mean progress change since 31/12 of the year before, points.
    #[serde(rename = "mean_progress_change")]
    pub progress_change: Option<f64>,
    /// Sheets abandoned during the year: counted in the mean of the year
    /// before, out of this year's, they move the change by themselves.
    pub abandoned_in_year: usize,
}

/// A line of the detail by sheet.
#[derive(Debug, Clone, Serialize)]
pub struct DetailRow {
    /// Axis id and title (the id in JSON).
    #[serde(serialize_with = "serial::id_of")]
    pub axis: (String, String),
    /// Objective id and title (the id in JSON).
    #[serde(serialize_with = "serial::id_of")]
    pub objective: (String, String),
    /// Sheet id.
    pub id: String,
    /// Sheet title.
    pub title: String,
    /// Lead's name.
    pub lead: Option<String>,
    /// Status at the year's end.
    pub status: Status,
    /// Health at the year's end.
    pub health: Health,
    /// Progress at the year's end.
    pub progress: f64,
    /// Progress change since 31/12 of the year before.
    pub progress_change: f64,
    /// The year's notes (faits marquants), oldest first.
    #[serde(serialize_with = "serial::dated_list")]
    pub notes: Vec<(NaiveDate, String)>,
    /// The year's difficulties.
    #[serde(serialize_with = "serial::dated_list")]
    pub difficulties: Vec<(NaiveDate, String)>,
    /// Decisions asked of the steering committee during the year.
    #[serde(serialize_with = "serial::dated_list")]
    pub decisions: Vec<(NaiveDate, String)>,
    /// The latest next steps dated in the year.
    #[serde(serialize_with = "serial::dated")]
    pub next: Option<(NaiveDate, String)>,
}

/// A line of the indicators table; serialized in field order, the figures
/// inline, without the chart's data.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    /// Sheet id.
    pub sheet: String,
    /// Indicator id.
    pub id: String,
    /// Indicator label.
    pub label: String,
    /// Unit.
    pub unit: Option<String>,
    /// Baseline value.
    pub baseline: Option<f64>,
    /// The year of the baseline: a figure of 2021 does not read as one of
    /// last year.
    pub baseline_year: Option<i32>,
    /// Figures of the year.
    #[serde(flatten)]
    pub figures: IndicatorYear,
    /// The value of each year of the period up to the year reviewed that has one.
    #[serde(skip)]
    pub values: Vec<(i32, f64)>,
    /// The target of the period's last year that has one.
    #[serde(skip)]
    pub final_target: Option<(i32, f64)>,
}

/// The indicators of `sheet` in `year`, as known on `at`, with their
/// values from the year `first` (the period's start) on.
pub fn indicator_rows(
    sheet: &Sheet,
    first: i32,
    year: i32,
    at: NaiveDate,
) -> impl Iterator<Item = IndicatorRow> + '_ {
    sheet.indicators.iter().map(move |i| IndicatorRow {
        sheet: sheet.id.value.clone(),
        id: i.id.value.clone(),
        label: i.label.clone(),
        unit: i.unit.clone(),
        baseline: i.baseline.as_ref().map(|b| b.value),
        figures: indicator_year(sheet, i, year, at),
        baseline_year: i.baseline.as_ref().map(|b| b.year),
        values: (first..=year)
            .filter_map(|y| indicator_value(sheet, &i.id, y, at).map(|v| (y, v)))
            .collect(),
        final_target: i.targets.iter().next_back().map(|(y, t)| (*y, t.value)),
    })
}

/// Whether a milestone is due in the year reviewed or the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    /// Due in the year reviewed.
    ThisYear,
    /// Due in the next year.
    NextYear,
}

/// A line of the milestones table; serialized in field order.
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneRow {
    /// This year or next.
    pub when: When,
    /// Sheet id.
    pub sheet: String,
    /// Milestone id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Due date.
    pub due: NaiveDate,
    /// Date reached, if by the year's end.
    pub reached: Option<NaiveDate>,
}

/// Builds the review of `year` as of `as_of`, produced `today`. `None` when
/// the year starts after `as_of`.
pub fn build(plan: &Plan, year: i32, as_of: NaiveDate, today: NaiveDate) -> Option<AnnualReport> {
    let at = year_end(year, as_of)?;
    let stale = plan.convention.stale_after_months;
    let states: Vec<(&Sheet, SheetState)> = plan
        .sheets
        .iter()
        .map(|s| (s, sheet_state(s, stale, at)))
        .collect();
    let before: Vec<SheetState> = plan
        .sheets
        .iter()
        .map(|s| sheet_state(s, stale, end_of_year(year - 1)))
        .collect();
    let mut synthesis = Vec::new();
    for axis in &plan.axes {
        let rows: Vec<usize> = (0..states.len())
            .filter(|i| states[*i].0.id.starts_with(&format!("{}.", axis.id.value)))
            .collect();
        synthesis.push(synthesis_row(
            Some(axis.id.value.clone()),
            axis.title.clone(),
            &rows,
            &states,
            &before,
        ));
    }
    let all: Vec<usize> = (0..states.len()).collect();
    let synthesis_total = synthesis_row(None, String::new(), &all, &states, &before);
    let detail = states
        .iter()
        .zip(&before)
        .filter_map(|((s, st), b)| detail_row(plan, s, st, b, year, at))
        .collect();
    let first = plan.convention.period.start;
    let indicators = plan
        .sheets
        .iter()
        .flat_map(|s| indicator_rows(s, first, year, at))
        .collect();
    let mut milestones: Vec<MilestoneRow> = Vec::new();
    for (when, y) in [(When::ThisYear, year), (When::NextYear, year + 1)] {
        let mut rows: Vec<MilestoneRow> = states
            .iter()
            .flat_map(|(s, st)| {
                s.milestones
                    .iter()
                    .filter_map(move |m| m.due_date().filter(|d| d.year() == y).map(|d| (m, d)))
                    .map(move |(m, due)| MilestoneRow {
                        when,
                        sheet: s.id.value.clone(),
                        id: m.id.value.clone(),
                        title: m.title.clone(),
                        due,
                        reached: st
                            .reached
                            .iter()
                            .find(|(id, _)| *id == m.id.value)
                            .map(|(_, d)| *d),
                    })
            })
            .collect();
        rows.sort_by_key(|m| m.due);
        milestones.extend(rows);
    }
    Some(AnnualReport {
        year,
        convention: plan.convention.name.clone(),
        from: start_of_year(year),
        to: at,
        produced: today,
        nothing_recorded: plan
            .sheets
            .iter()
            .all(|s| s.journal.iter().all(|e| e.date.value > at)),
        synthesis: Synthesis {
            axes: synthesis,
            total: synthesis_total,
        },
        detail,
        indicators,
        milestones,
        funding: crate::report::budget::build(
            plan,
            at,
            &crate::report::budget::Selection {
                year: Some(year),
                ..Default::default()
            },
        ),
        objectives: objectives(plan, &states, &before),
        gantt: gantt::build(plan, at),
    })
}

/// Mean progress per objective, now and at the end of the year before.
fn objectives(
    plan: &Plan,
    states: &[(&Sheet, SheetState)],
    before: &[SheetState],
) -> Vec<ObjectiveProgress> {
    plan.objectives()
        .map(|(_, o)| {
            let under = |i: &usize| parent_id(&states[*i].0.id) == Some(o.id.value.as_str());
            let rows: Vec<usize> = (0..states.len()).filter(under).collect();
            let now = crate::compute::Rollup::of(rows.iter().map(|i| &states[*i].1));
            let then = crate::compute::Rollup::of(rows.iter().map(|i| &before[*i]));
            ObjectiveProgress {
                id: o.id.value.clone(),
                title: o.title.clone(),
                mean: now.mean_progress,
                previous: then.mean_progress,
            }
        })
        .collect()
}

fn synthesis_row(
    id: Option<String>,
    title: String,
    rows: &[usize],
    states: &[(&Sheet, SheetState)],
    before: &[SheetState],
) -> SynthesisRow {
    let now = crate::compute::Rollup::of(rows.iter().map(|i| &states[*i].1));
    let then = crate::compute::Rollup::of(rows.iter().map(|i| &before[*i]));
    let mut classes = [0; 5];
    for i in rows {
        let class = SynthesisClass::of(&states[*i].1);
        classes[SynthesisClass::ALL
            .iter()
            .position(|c| *c == class)
            .unwrap_or(4)] += 1;
    }
    SynthesisRow {
        id,
        title,
        sheets: rows.len(),
        classes,
        completion_rate: now.completion_rate,
        mean_progress: now.mean_progress,
        progress_change: now
            .mean_progress
            .zip(then.mean_progress)
            .map(|(a, b)| a - b),
        abandoned_in_year: rows
            .iter()
            .filter(|i| {
                states[**i].1.status == Status::Abandoned && before[**i].status != Status::Abandoned
            })
            .count(),
    }
}

fn detail_row(
    plan: &Plan,
    s: &Sheet,
    st: &SheetState,
    before: &SheetState,
    year: i32,
    at: NaiveDate,
) -> Option<DetailRow> {
    let objective_id = parent_id(&s.id)?;
    let (axis, objective) = plan
        .objectives()
        .find(|(_, o)| o.id.value == objective_id)?;
    let entries: Vec<_> = crate::compute::entries_until(&s.journal, at)
        .into_iter()
        .filter(|e| e.date.year() == year)
        .collect();
    let dated = |pick: fn(&crate::model::Entry) -> &Option<String>| -> Vec<(NaiveDate, String)> {
        entries
            .iter()
            .filter_map(|e| pick(e).as_ref().map(|t| (e.date.value, t.clone())))
            .collect()
    };
    Some(DetailRow {
        axis: (axis.id.value.clone(), axis.title.clone()),
        objective: (objective.id.value.clone(), objective.title.clone()),
        id: s.id.value.clone(),
        title: s.title.clone(),
        lead: s.lead.as_ref().map(|l| {
            plan.partner(l)
                .map_or_else(|| l.value.clone(), |p| p.name.clone())
        }),
        status: st.status,
        health: st.health,
        progress: st.progress,
        progress_change: st.progress - before.progress,
        notes: dated(|e| &e.note),
        difficulties: dated(|e| &e.difficulties),
        decisions: dated(|e| &e.decision),
        next: dated(|e| &e.next).pop(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Axis, Entry, Located, Objective, Period};
    use proptest::prelude::*;

    fn at<T>(value: T) -> Located<T> {
        Located {
            value,
            pos: Default::default(),
        }
    }

    /// A generated entry: day since 1/1/2023, status index, progress.
    type GenEntry = (u32, Option<usize>, Option<u32>);

    fn plan(journals: Vec<(i32, Vec<GenEntry>)>) -> Plan {
        let mut plan = Plan::default();
        plan.convention.period.value = Period {
            start: 2023,
            end: 2026,
        };
        plan.convention.stale_after_months = 6;
        plan.axes = vec![Axis {
            id: at("1".into()),
            title: "A".into(),
            objectives: vec![Objective {
                id: at("1.1".into()),
                title: "O".into(),
            }],
        }];
        plan.sheets = journals
            .into_iter()
            .enumerate()
            .map(|(i, (start, entries))| Sheet {
                id: at(format!("1.1.{}", i + 1)),
                schedule: at(Period { start, end: 2026 }),
                journal: entries
                    .into_iter()
                    .map(|(day, status, progress)| Entry {
                        status: status.map(|s| at(Status::ALL[s])),
                        progress: progress.map(|p| at(f64::from(p))),
                        note: Some("n".into()),
                        ..Entry::on(
                            NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()
                                + chrono::Days::new(u64::from(day)),
                        )
                    })
                    .collect(),
                ..Sheet::default()
            })
            .collect();
        plan
    }

    proptest! {
        #[test]
        fn synthesis_columns_sum_to_the_sheets(
            journals in proptest::collection::vec(
                (2023i32..=2026, proptest::collection::vec((0u32..1460, proptest::option::of(0usize..7), proptest::option::of(0u32..=100)), 0..6)),
                1..8,
            ),
            year in 2023i32..=2026,
            as_of_day in 0u64..1460,
        ) {
            let plan = plan(journals);
            let as_of = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(as_of_day);
            if let Some(r) = build(&plan, year, as_of, as_of) {
                for row in r.synthesis.axes.iter().chain([&r.synthesis.total]) {
                    prop_assert_eq!(row.classes.iter().sum::<usize>(), row.sheets);
                }
                prop_assert_eq!(r.synthesis.total.sheets, plan.sheets.len());
            }
        }
    }
}

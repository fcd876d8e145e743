//! The evaluation as one JSON document with a `version`.

use crate::compute::{Health, Rollup};
use crate::model::Status;
use crate::render::json::{Classes, Dated, YearValue};
use crate::render::summary::BlockJson;
use crate::report::evaluation::{
    Attention, Evaluation, IndicatorRow, Level, MilestoneCounts, OnTime, OutcomeRow, SheetPoint,
    SheetRow,
};
use chrono::NaiveDate;
use serde::Serialize;

/// The document after its version.
#[derive(Serialize)]
struct EvaluationJson<'a> {
    convention: &'a str,
    period: crate::model::Period,
    as_of: NaiveDate,
    produced: NaiveDate,
    outcome: Outcome<'a>,
    sheets: Vec<SheetJson<'a>>,
    indicators: Vec<IndicatorJson<'a>>,
    /// The whole plan's block of the summary (`null` if none).
    trajectory: Option<BlockJson<'a>>,
    attention: Vec<AttentionJson<'a>>,
}

#[derive(Serialize)]
struct Outcome<'a> {
    groups: Vec<OutcomeJson<'a>>,
    total: OutcomeJson<'a>,
}

#[derive(Serialize)]
struct OutcomeJson<'a> {
    level: Level,
    id: &'a str,
    title: &'a str,
    #[serde(flatten)]
    classes: Classes,
    rollup: &'a Rollup,
}

impl<'a> OutcomeJson<'a> {
    fn new(r: &'a OutcomeRow) -> Self {
        OutcomeJson {
            level: r.level,
            id: &r.id,
            title: &r.title,
            classes: Classes::new(&r.classes),
            rollup: &r.rollup,
        }
    }
}

#[derive(Serialize)]
struct SheetJson<'a> {
    id: &'a str,
    title: &'a str,
    schedule_end: i32,
    status: Status,
    health: Health,
    progress: f64,
    late: bool,
    stale: bool,
    started: Option<NaiveDate>,
    completed: Option<NaiveDate>,
    on_time: OnTime,
    milestones: MilestoneCounts,
    entries: usize,
    last_note: Option<Dated<'a>>,
}

impl<'a> SheetJson<'a> {
    fn new(s: &'a SheetRow) -> Self {
        let st = &s.state;
        SheetJson {
            id: &s.id,
            title: &s.title,
            schedule_end: s.end,
            status: st.status,
            health: st.health,
            progress: st.progress,
            late: st.late,
            stale: st.stale,
            started: st.started,
            completed: st.completed,
            on_time: s.on_time,
            milestones: s.milestones,
            entries: s.entries,
            last_note: s.last_note.as_ref().map(Dated::new),
        }
    }
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    sheet: &'a str,
    id: &'a str,
    label: &'a str,
    unit: &'a Option<String>,
    baseline: Option<YearValue<f64>>,
    last: Option<DateValue>,
    target: Option<YearValue<f64>>,
    gap: Option<f64>,
    percent_of_target: Option<f64>,
    years: Vec<YearValue<Option<f64>>>,
    met: Option<bool>,
}

/// A value on a date.
#[derive(Serialize)]
struct DateValue {
    date: NaiveDate,
    value: f64,
}

impl<'a> IndicatorJson<'a> {
    fn new(e: &Evaluation, i: &'a IndicatorRow) -> Self {
        IndicatorJson {
            sheet: &i.sheet,
            id: &i.id,
            label: &i.label,
            unit: &i.unit,
            baseline: i.baseline.map(YearValue::new),
            last: i.last.map(|(date, value)| DateValue { date, value }),
            target: i.target.map(YearValue::new),
            gap: i.gap,
            percent_of_target: i.percent_of_target,
            years: (e.period.0..=e.period.1)
                .zip(i.years.iter().copied())
                .map(YearValue::new)
                .collect(),
            met: i.met,
        }
    }
}

/// A point of attention, its kind first.
#[derive(Serialize)]
#[serde(untagged)]
enum AttentionJson<'a> {
    Sheet {
        kind: SheetPoint,
        sheet: &'a str,
        title: &'a str,
        status: Status,
    },
    ShortOfTarget {
        kind: &'static str,
        sheet: &'a str,
        title: &'a str,
        value: f64,
        target: f64,
    },
    Missed {
        kind: &'static str,
        sheet: &'a str,
        title: &'a str,
        due: NaiveDate,
    },
}

impl<'a> AttentionJson<'a> {
    fn new(a: &'a Attention) -> Self {
        match a {
            Attention::Sheet {
                point,
                sheet,
                title,
                status,
            } => AttentionJson::Sheet {
                kind: *point,
                sheet,
                title,
                status: *status,
            },
            Attention::ShortOfTarget {
                sheet,
                label,
                value,
                target,
            } => AttentionJson::ShortOfTarget {
                kind: "short-of-target",
                sheet,
                title: label,
                value: *value,
                target: *target,
            },
            Attention::Missed { sheet, title, due } => AttentionJson::Missed {
                kind: "milestone-missed",
                sheet,
                title,
                due: *due,
            },
        }
    }
}

/// All five tables as JSON.
pub fn json(e: &Evaluation) -> String {
    crate::render::json::document(&EvaluationJson {
        convention: &e.convention,
        period: crate::model::Period {
            start: e.period.0,
            end: e.period.1,
        },
        as_of: e.as_of,
        produced: e.produced,
        outcome: Outcome {
            groups: e.outcome.iter().map(OutcomeJson::new).collect(),
            total: OutcomeJson::new(&e.outcome_total),
        },
        sheets: e.sheets.iter().map(SheetJson::new).collect(),
        indicators: e
            .indicators
            .iter()
            .map(|i| IndicatorJson::new(e, i))
            .collect(),
        trajectory: e
            .trajectory
            .blocks
            .first()
            .map(|b| BlockJson::new(&e.trajectory, b)),
        attention: e.attention.iter().map(AttentionJson::new).collect(),
    })
}

//! The evaluation as one JSON document with a `version`.

use crate::render::status::rollup_json;
use crate::report::evaluation::{
    Attention, Evaluation, IndicatorRow, Level, OnTime, OutcomeRow, SheetPoint, SheetRow,
};
use serde_json::{Value, json};

/// All five tables as JSON.
pub fn json(e: &Evaluation) -> String {
    let doc = json!({
        "version": 1,
        "convention": e.convention,
        "period": {"start": e.period.0, "end": e.period.1},
        "as_of": e.as_of.to_string(),
        "produced": e.produced.to_string(),
        "outcome": {
            "groups": e.outcome.iter().map(outcome).collect::<Vec<_>>(),
            "total": outcome(&e.outcome_total),
        },
        "sheets": e.sheets.iter().map(sheet).collect::<Vec<_>>(),
        "indicators": e.indicators.iter().map(|i| indicator(e, i)).collect::<Vec<_>>(),
        "trajectory": crate::render::summary::blocks_json(&e.trajectory)[0],
        "attention": e.attention.iter().map(attention).collect::<Vec<_>>(),
    });
    format!("{doc:#}\n")
}

fn outcome(r: &OutcomeRow) -> Value {
    let level = match r.level {
        Level::Axis => "axis",
        Level::Objective => "objective",
        Level::Total => "total",
    };
    json!({
        "level": level, "id": r.id, "title": r.title,
        "done": r.classes[0], "abandoned": r.classes[1], "alert": r.classes[2],
        "not_started": r.classes[3], "in_progress": r.classes[4],
        "rollup": rollup_json(&r.rollup),
    })
}

fn sheet(s: &SheetRow) -> Value {
    let st = &s.state;
    let m = &s.milestones;
    let on_time = match s.on_time {
        OnTime::Yes => "yes",
        OnTime::No => "no",
        OnTime::Open => "not-yet-due",
    };
    json!({
        "id": s.id, "title": s.title, "schedule_end": s.end,
        "status": st.status.key(), "health": st.health.key(), "progress": st.progress,
        "late": st.late, "stale": st.stale,
        "started": st.started.map(|d| d.to_string()),
        "completed": st.completed.map(|d| d.to_string()),
        "on_time": on_time,
        "milestones": {"on_time": m.on_time, "late": m.late, "missed": m.missed, "to_come": m.to_come},
        "entries": s.entries,
        "last_note": s.last_note.as_ref().map(|(d, t)| json!({"date": d.to_string(), "text": t})),
    })
}

fn indicator(e: &Evaluation, i: &IndicatorRow) -> Value {
    let years: Vec<Value> = (e.period.0..=e.period.1)
        .zip(&i.years)
        .map(|(y, v)| json!({"year": y, "value": v}))
        .collect();
    json!({
        "sheet": i.sheet, "id": i.id, "label": i.label, "unit": i.unit,
        "baseline": i.baseline.map(|(y, v)| json!({"year": y, "value": v})),
        "last": i.last.map(|(d, v)| json!({"date": d.to_string(), "value": v})),
        "target": i.target.map(|(y, v)| json!({"year": y, "value": v})),
        "gap": i.gap, "percent_of_target": i.percent_of_target,
        "years": years, "met": i.met,
    })
}

fn attention(a: &Attention) -> Value {
    match a {
        Attention::Sheet {
            point,
            sheet,
            title,
            status,
        } => {
            let kind = match point {
                SheetPoint::NeverStarted => "never-started",
                SheetPoint::Stopped => "stopped",
            };
            json!({"kind": kind, "sheet": sheet, "title": title, "status": status.key()})
        }
        Attention::ShortOfTarget {
            sheet,
            label,
            value,
            target,
        } => {
            json!({"kind": "short-of-target", "sheet": sheet, "title": label, "value": value, "target": target})
        }
        Attention::Missed { sheet, title, due } => {
            json!({"kind": "milestone-missed", "sheet": sheet, "title": title, "due": due.to_string()})
        }
    }
}

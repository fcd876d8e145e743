//! `ctg renew`: the draft of the next convention, built in memory from the
//! current plan (spec section 4). Which sheets are carried, and what each
//! keeps, is decided here; [`text`] writes the files.
//!
//! Rules: a sheet is *unfinished* when, as of 31 December of the old period's
//! last year, its status is neither done nor abandoned. A carried sheet keeps
//! its id, title, fields, lead, partners, tracks, audience, description,
//! goals and `recurring`; its schedule becomes the new period; its journal is
//! dropped. Each indicator's baseline becomes its last measure up to that
//! day (year of the entry, value), else its old baseline; targets are
//! dropped. Milestones not reached by that day are kept without a due date;
//! reached ones are dropped.

mod text;

use crate::compute::{end_of_year, entries_until, sheet_state};
use crate::model::{Baseline, Indicator, Period, Plan, Sheet};
use crate::write::staging::NewFile;
use chrono::{Datelike, NaiveDate};
use std::path::PathBuf;

/// Which sheets the new convention carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carry {
    /// Those neither done nor abandoned at the old period's end.
    Unfinished,
    /// Every sheet.
    All,
    /// None.
    None,
}

/// What the new convention is made of.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The current plan.
    pub plan: &'a Plan,
    /// The text of each file of the current plan, by path relative to it.
    pub sources: &'a std::collections::BTreeMap<PathBuf, String>,
    /// The new period.
    pub period: Period,
    /// Which sheets to carry.
    pub carry: Carry,
    /// The language of the comments written in the files.
    pub lang: crate::i18n::Lang,
}

/// The files of the new plan and the ids of the sheets carried.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Every file to write, `convention.yaml` first.
    pub files: Vec<NewFile>,
    /// Ids of the carried sheets, in id order.
    pub carried: Vec<String>,
}

/// The last day of the old period: the day sheets are judged and measures read.
pub fn cutoff(plan: &Plan) -> NaiveDate {
    end_of_year(plan.convention.period.end)
}

/// True when `sheet` is carried under `carry`.
pub fn is_carried(plan: &Plan, sheet: &Sheet, carry: Carry) -> bool {
    match carry {
        Carry::All => true,
        Carry::None => false,
        Carry::Unfinished => {
            let state = sheet_state(sheet, plan.convention.stale_after_months, cutoff(plan));
            !state.is_closed()
        }
    }
}

/// Builds every file of the new plan in memory.
pub fn draft(req: &Request) -> Draft {
    let plan = req.plan;
    let source = |name: &str| req.sources.get(&PathBuf::from(name));
    let copied = |name: &str, kind: &str| NewFile {
        path: PathBuf::from(name),
        bytes: repointed(source(name).map(String::as_str).unwrap_or_default(), kind).into_bytes(),
    };
    let convention_line =
        has_schema_line(source("convention.yaml")).then(|| super::schema_line("convention", 0));
    let mut files = vec![
        NewFile {
            path: PathBuf::from("convention.yaml"),
            bytes: text::convention(req, convention_line.as_deref()).into_bytes(),
        },
        copied("partners.yaml", "partners"),
        copied("axes.yaml", "axes"),
        copied("tracks.yaml", "tracks"),
        NewFile {
            path: PathBuf::from(".gitignore"),
            bytes: super::gitignore(req.lang).into_bytes(),
        },
    ];
    let mut carried = Vec::new();
    for sheet in plan
        .sheets
        .iter()
        .filter(|s| is_carried(plan, s, req.carry))
    {
        let new = carried_sheet(plan, sheet, req.period);
        let schema =
            has_schema_line(req.sources.get(&sheet.file)).then(|| super::schema_line("sheet", 1));
        files.push(NewFile {
            path: PathBuf::from("actions").join(format!("{}.yaml", sheet.id.value)),
            bytes: text::sheet(&new, req, schema.as_deref()).into_bytes(),
        });
        carried.push(sheet.id.value.clone());
    }
    if carried.is_empty() {
        // The loader needs `actions/`, and git keeps no empty folder.
        files.push(NewFile {
            path: PathBuf::from("actions/.gitkeep"),
            bytes: Vec::new(),
        });
    }
    if req.sources.values().any(|s| has_schema_line(Some(s))) {
        files.extend(
            crate::schema::rendered()
                .into_iter()
                .map(|(name, text)| NewFile {
                    path: PathBuf::from("schema").join(name),
                    bytes: text.into_bytes(),
                }),
        );
    }
    Draft { files, carried }
}

const SCHEMA_LINE: &str = "# yaml-language-server: $schema=";

/// True when the first line of `source` names a JSON Schema for editors.
fn has_schema_line(source: Option<&String>) -> bool {
    source.is_some_and(|s| s.trim_start_matches('\u{feff}').starts_with(SCHEMA_LINE))
}

/// `source` with its schema line, if it has one, pointing at the new plan's
/// own `schema/` folder (the old relative path would not hold there).
fn repointed(source: &str, kind: &str) -> String {
    if !has_schema_line(Some(&source.to_string())) {
        return source.to_string();
    }
    let bom = if source.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        ""
    };
    let rest = source
        .trim_start_matches('\u{feff}')
        .split_once('\n')
        .map_or("", |(_, rest)| rest);
    let eol = if source.lines().next().is_some_and(|l| l.ends_with('\r')) {
        "\r\n"
    } else {
        "\n"
    };
    format!("{bom}{}{eol}{rest}", super::schema_line(kind, 0))
}

/// The sheet as the new convention carries it.
fn carried_sheet(plan: &Plan, sheet: &Sheet, period: Period) -> Sheet {
    let day = cutoff(plan);
    let state = sheet_state(sheet, plan.convention.stale_after_months, day);
    let mut new = sheet.clone();
    new.carried_from = Some(crate::model::CarriedFrom {
        period: plan.convention.period.value,
        id: sheet.id.value.clone(),
    });
    new.schedule.value = period;
    new.journal = Vec::new();
    new.milestones.retain(|m| !state.has_reached(&m.id));
    for m in &mut new.milestones {
        m.due = None;
    }
    for i in &mut new.indicators {
        i.baseline = last_measure(sheet, i, day).or_else(|| i.baseline.clone());
        i.targets.clear();
    }
    // Who funds what carries on; how much is the next convention's to say.
    for line in &mut new.budget {
        line.planned.clear();
    }
    new
}

/// The last measure of `indicator` dated on or before `day` (file order
/// breaks ties), as a baseline.
pub fn last_measure(sheet: &Sheet, indicator: &Indicator, day: NaiveDate) -> Option<Baseline> {
    entries_until(&sheet.journal, day)
        .into_iter()
        .flat_map(|e| {
            e.measures
                .iter()
                .filter(|(id, _)| id.value == indicator.id.value)
                .map(move |(_, v)| Baseline {
                    year: e.date.value.year(),
                    value: *v,
                })
        })
        .last()
}

//! The annual review rendered: four grids and a header, then each format.

use crate::compute::labels::{class_label, health_label, status_label};
use crate::compute::{Health, SynthesisClass, Trend};
use crate::i18n::fmt::{long_date, short_date};
use crate::i18n::{L, Lang};
use crate::model::Status;
use crate::render::document::Document;
use crate::render::grid::{Cell, Grid};
use crate::report::annual::{AnnualReport, DetailRow, When};

fn label(l: L, lang: Lang) -> String {
    l.get(lang).to_string()
}

/// A sheet's status and health in one cell: `en cours · en bonne voie ✓`.
pub fn status_health(status: Status, health: Health, lang: Lang) -> Cell {
    Cell::Label(format!(
        "{} · {}",
        status_label(status, lang),
        health_label(health, lang)
    ))
}

/// The trend as a word and an arrow.
pub fn trend_label(t: Trend, lang: Lang) -> &'static str {
    match t {
        Trend::Improving => L::Improving.get(lang),
        Trend::Worsening => L::Worsening.get(lang),
        Trend::Stable => L::Stable.get(lang),
    }
}

/// The title line and the period line of the header.
fn header_lines(r: &AnnualReport, lang: Lang) -> (String, String) {
    let title = format!(
        "{} {} — {}",
        L::AnnualReview.get(lang),
        r.year,
        r.convention
    );
    let (from, to) = (L::FromDay.get(lang), L::ToDay.get(lang));
    let period = format!(
        "{from} {} {to} {} · {} {}",
        long_date(r.from, lang),
        long_date(r.to, lang),
        L::Produced.get(lang),
        short_date(r.produced, lang)
    );
    (title, period)
}

/// The five tables of the review.
fn grids(r: &AnnualReport, lang: Lang) -> Vec<Grid> {
    vec![
        synthesis(r, lang),
        detail(r, lang),
        indicators(r, lang),
        milestones(r, lang),
        crate::render::budget::funding_grid(&r.funding, L::Funding, lang),
    ]
}

fn synthesis(r: &AnnualReport, lang: Lang) -> Grid {
    let mut header = vec![label(L::Axis, lang), label(L::Sheets, lang)];
    header.extend(
        SynthesisClass::ALL
            .iter()
            .map(|c| label(class_label(*c), lang)),
    );
    header.extend([
        label(L::CompletionRate, lang),
        label(L::MeanProgress, lang),
        label(L::Change, lang),
    ]);
    let mut g = Grid::new("synthesis", label(L::Synthesis, lang), header);
    let row = |s: &crate::report::annual::SynthesisRow, name: Cell| {
        let mut cells = vec![name, Cell::Count(s.sheets)];
        cells.extend(s.classes.iter().map(|n| Cell::Count(*n)));
        cells.extend([
            Cell::percent(s.completion_rate),
            Cell::percent(s.mean_progress),
            Cell::points(s.progress_change),
        ]);
        cells
    };
    for s in &r.synthesis.axes {
        g.push(row(
            s,
            Cell::Plan(format!(
                "{} — {}",
                s.id.as_deref().unwrap_or_default(),
                s.title
            )),
        ));
        if let Some(id) = &s.id {
            g.shorten_last(id);
        }
    }
    g.push_total(row(&r.synthesis.total, Cell::Label(label(L::Total, lang))));
    g.notes = r
        .synthesis
        .axes
        .iter()
        .filter(|s| s.abandoned_in_year > 0 && s.progress_change.is_some())
        .map(|s| abandoned_note(s, r.year, lang))
        .collect();
    g
}

/// Why an axis's change moved: sheets abandoned in the year left its mean.
fn abandoned_note(s: &crate::report::annual::SynthesisRow, year: i32, lang: Lang) -> String {
    let n = s.abandoned_in_year;
    let text = match n {
        1 => L::AbandonedLeftMeanOne,
        _ => L::AbandonedLeftMeanMany,
    };
    text.get(lang)
        .replace("{axis}", s.id.as_deref().unwrap_or_default())
        .replace("{n}", &n.to_string())
        .replace("{year}", &year.to_string())
}

fn dated(items: &[(chrono::NaiveDate, String)], lang: Lang) -> Cell {
    if items.is_empty() {
        return Cell::Empty;
    }
    let colon = crate::i18n::fmt::colon(lang);
    Cell::Plan(
        items
            .iter()
            .map(|(d, t)| format!("{}{colon} {t}", short_date(*d, lang)))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn detail(r: &AnnualReport, lang: Lang) -> Grid {
    let header = [
        L::Id,
        L::Title,
        L::Lead,
        L::Status,
        L::Progress,
        L::Change,
        L::Achievements,
        L::DifficultiesCol,
        L::DecisionsCol,
        L::NextSteps,
    ]
    .iter()
    .map(|l| label(*l, lang))
    .collect();
    let mut g = Grid::new("detail", label(L::Detail, lang), header)
        .keyed(2)
        .grouped(vec![
            vec![label(L::Axis, lang)],
            vec![label(L::Objective, lang)],
        ]);
    let mut group = (String::new(), String::new());
    for d in &r.detail {
        if d.axis.0 != group.0 {
            let name = vec![Cell::Label(d.axis.0.clone())];
            g.push_group(0, name, heading(&d.axis, L::Axis, lang));
        }
        if d.objective.0 != group.1 {
            let name = vec![Cell::Label(d.objective.0.clone())];
            g.push_group(1, name, heading(&d.objective, L::Objective, lang));
        }
        group = (d.axis.0.clone(), d.objective.0.clone());
        g.push(detail_cells(d, lang));
    }
    g
}

fn heading((id, title): &(String, String), kind: L, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::Label(id.clone()),
        Cell::Plan(format!("{} {id} — {title}", kind.get(lang))),
    ]
}

fn detail_cells(d: &DetailRow, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::Label(d.id.clone()),
        Cell::Plan(d.title.clone()),
        d.lead.clone().map_or(Cell::Empty, Cell::Plan),
        status_health(d.status, d.health, lang),
        Cell::Percent(d.progress),
        Cell::Points(d.progress_change),
        dated(&d.notes, lang),
        dated(&d.difficulties, lang),
        dated(&d.decisions, lang),
        d.next
            .as_ref()
            .map_or(Cell::Empty, |n| dated(std::slice::from_ref(n), lang)),
    ]
}

fn indicators(r: &AnnualReport, lang: Lang) -> Grid {
    let y = r.year;
    let header = vec![
        label(L::Sheet, lang),
        label(L::Indicator, lang),
        label(L::Unit, lang),
        label(L::Baseline, lang),
        label(L::BaselineYear, lang),
        format!("{} {}", L::Value.get(lang), y - 1),
        format!("{} {y}", L::Value.get(lang)),
        format!("{} {y}", L::Target.get(lang)),
        label(L::Gap, lang),
        label(L::PercentOfTarget, lang),
        label(L::Trend, lang),
    ];
    let mut g = Grid::new("indicators", label(L::IndicatorsTable, lang), header).keyed(2);
    for i in &r.indicators {
        let f = &i.figures;
        g.push(vec![
            Cell::Label(i.sheet.clone()),
            Cell::Plan(i.label.clone()),
            i.unit.clone().map_or(Cell::Empty, Cell::Plan),
            Cell::number(i.baseline, 2),
            i.baseline_year
                .and_then(|y| usize::try_from(y).ok())
                .map_or(Cell::Empty, Cell::Count),
            Cell::number(f.previous, 2),
            Cell::number(f.value, 2),
            Cell::number(f.target, 2),
            Cell::number(f.gap, 2),
            Cell::percent(f.percent_of_target),
            f.trend
                .map_or(Cell::Empty, |t| Cell::Label(trend_label(t, lang).into())),
        ]);
    }
    g
}

fn milestones(r: &AnnualReport, lang: Lang) -> Grid {
    let header = [L::DueDate, L::Sheet, L::Milestone, L::ReachedOn, L::Status]
        .iter()
        .map(|l| label(*l, lang))
        .collect();
    let mut g = Grid::new("milestones", label(L::MilestonesTable, lang), header)
        .grouped(vec![vec![label(L::Year, lang)]]);
    for when in [When::ThisYear, When::NextYear] {
        let rows: Vec<_> = r.milestones.iter().filter(|m| m.when == when).collect();
        let (year, due) = match when {
            When::ThisYear => (r.year, L::DueThisYear),
            When::NextYear => (r.year + 1, L::DueNextYear),
        };
        let mut title = format!("{year} ({})", due.get(lang));
        // An empty group says so rather than leaving a heading over nothing.
        if rows.is_empty() {
            title = format!("{title} — {}", L::NoMilestone.get(lang));
        }
        let name = vec![Cell::Label(year.to_string())];
        g.push_group(0, name, vec![Cell::Label(title)]);
        for m in rows {
            let state = match m.reached {
                Some(on) if on > m.due => {
                    format!("{}, {}", L::Reached.get(lang), L::Overdue.get(lang))
                }
                Some(_) => label(L::Reached, lang),
                None if m.due < r.to => label(L::Overdue, lang),
                None if m.due == r.to => label(L::Due, lang),
                None => label(L::MilestoneUpcoming, lang),
            };
            g.push(vec![
                Cell::Date(m.due),
                Cell::Label(m.sheet.clone()),
                Cell::Plan(m.title.clone()),
                Cell::date(m.reached),
                Cell::Label(state),
            ]);
        }
    }
    g
}

/// The review as a document: header, notice, tables.
pub fn document(r: &AnnualReport, lang: Lang) -> Document {
    let (title, period) = header_lines(r, lang);
    Document {
        title,
        lines: vec![period],
        notice: r.nothing_recorded.then(|| L::NothingRecorded.get(lang)),
        grids: grids(r, lang),
        charts: Vec::new(),
    }
}

/// The charts of the review's HTML page (drawn for that page only).
pub fn charts(r: &AnnualReport, lang: Lang) -> Vec<(&'static str, String)> {
    crate::render::charts::review(r, lang)
}

/// All tables as JSON, with a version: the report's own serialization.
pub fn json(r: &AnnualReport) -> String {
    crate::render::json::document(r)
}

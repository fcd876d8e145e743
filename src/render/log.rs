//! `ctg log` as a terminal table, Markdown, CSV and JSON.

use crate::compute::labels::status_label;
use crate::i18n::fmt::short_date;
use crate::i18n::{L, Lang};
use crate::render::csv::Csv;
use crate::render::document::Document;
use crate::render::grid::{Cell, Grid};
use crate::render::table::Style;
use crate::report::log::{Log, LogRow};
use chrono::NaiveDate;

fn change_text(row: &LogRow, lang: Lang) -> String {
    match row.status_change {
        Some((from, to)) if from != to => {
            format!("{} → {}", status_label(from, lang), status_label(to, lang))
        }
        Some((_, to)) => status_label(to, lang).to_string(),
        None => String::new(),
    }
}

fn header(lang: Lang) -> Vec<&'static str> {
    [L::Date, L::Sheet, L::Status, L::Progress, L::NoteTitle]
        .iter()
        .map(|l| l.get(lang))
        .collect()
}

/// Everything an entry says besides status and progress, one line per item.
fn details(row: &LogRow, lang: Lang) -> String {
    let e = &row.entry;
    let c = crate::i18n::fmt::colon(lang);
    let mut lines = Vec::new();
    if let Some(n) = &e.note {
        lines.push(n.clone());
    }
    for (label, text) in [
        (L::Difficulties, &e.difficulties),
        (L::Next, &e.next),
        (L::Decision, &e.decision),
        (L::By, &e.by),
    ] {
        if let Some(t) = text {
            lines.push(format!("{}{c} {t}", label.get(lang)));
        }
    }
    if !e.reached.is_empty() {
        let titles: Vec<&str> = e
            .reached
            .iter()
            .map(|r| row.named(r).map_or(r.as_str(), |n| n.label.as_str()))
            .collect();
        lines.push(format!("{}{c} {}", L::Reached.get(lang), titles.join(", ")));
    }
    if !e.measures.is_empty() {
        let m: Vec<String> = e
            .measures
            .iter()
            .map(|(id, v)| {
                let value = crate::i18n::fmt::number(*v, 2, lang);
                match row.named(id) {
                    Some(n) => match &n.unit {
                        Some(unit) => format!("{} = {value} {unit}", n.label),
                        None => format!("{} = {value}", n.label),
                    },
                    None => format!("{} = {value}", id.value),
                }
            })
            .collect();
        lines.push(format!("{}{c} {}", L::Measures.get(lang), m.join(", ")));
    }
    if !e.spent.is_empty() {
        let spent = crate::render::show::spent_text(e, lang);
        lines.push(format!("{}{c} {spent}", L::SpentWord.get(lang)));
    }
    lines.join("\n")
}

/// The entries as a grid: date, sheet, status change, progress, the rest.
fn grid(rows: &[LogRow], lang: Lang) -> Grid {
    let header = header(lang).into_iter().map(String::from).collect();
    let mut g = Grid::new("log", L::Journal.get(lang).to_string(), header);
    for r in rows {
        g.push(vec![
            Cell::Date(r.entry.date.value),
            Cell::Label(r.sheet.clone()),
            Cell::Label(change_text(r, lang)),
            r.entry
                .progress
                .as_ref()
                .map_or(Cell::Empty, |p| Cell::Percent(p.value)),
            Cell::Plan(details(r, lang)),
        ]);
    }
    g
}

/// The terminal table.
pub fn table(rows: &[LogRow], lang: Lang, style: Style) -> String {
    if rows.is_empty() {
        return format!("{}\n", L::NoEntryInPeriod.get(lang));
    }
    grid(rows, lang).terminal(lang, style)
}

/// The document of the HTML page and the workbook: the period under the title.
pub fn document(rows: &[LogRow], (from, to): (NaiveDate, NaiveDate), lang: Lang) -> Document {
    Document {
        title: L::Journal.get(lang).to_string(),
        lines: vec![format!(
            "{} – {}",
            short_date(from, lang),
            short_date(to, lang)
        )],
        notice: rows.is_empty().then(|| L::NoEntryInPeriod.get(lang)),
        grids: vec![grid(rows, lang)],
        charts: Vec::new(),
    }
}

/// A Markdown section.
pub fn markdown(rows: &[LogRow], lang: Lang) -> String {
    grid(rows, lang).markdown(lang, 1)
}

/// CSV: one row per entry, each field in its column; every heading starts
/// with a capital, as a spreadsheet's do.
pub fn csv(rows: &[LogRow], lang: Lang) -> String {
    let header: Vec<String> = [
        L::Date,
        L::Sheet,
        L::Title,
        L::Status,
        L::Progress,
        L::Note,
        L::Difficulties,
        L::Next,
        L::Decision,
        L::Reached,
        L::Measures,
        L::By,
    ]
    .iter()
    .map(|l| crate::i18n::fmt::capital(l.get(lang)))
    .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut out = Csv::new(lang, &header);
    for r in rows {
        let e = &r.entry;
        let opt = |t: &Option<String>| out.text(t.as_deref().unwrap_or_default());
        let reached: Vec<&str> = e.reached.iter().map(|x| x.as_str()).collect();
        let measures: Vec<String> = e
            .measures
            .iter()
            .map(|(id, v)| format!("{}={}", id.value, out.number(*v, 6)))
            .collect();
        let cells = vec![
            out.date(Some(e.date.value)),
            out.text(&r.sheet),
            out.text(&r.title),
            e.status
                .as_ref()
                .map(|s| status_label(s.value, lang).to_string())
                .unwrap_or_default(),
            out.opt_number(e.progress.as_ref().map(|p| p.value), 1),
            opt(&e.note),
            opt(&e.difficulties),
            opt(&e.next),
            opt(&e.decision),
            out.text(&reached.join(" ")),
            out.text(&measures.join(" ")),
            opt(&e.by),
        ];
        out.row(cells);
    }
    out.finish()
}

/// JSON with a version: the log's own serialization.
pub fn json(rows: &[LogRow], from: NaiveDate, to: NaiveDate) -> String {
    crate::render::json::document(&Log {
        from,
        to,
        entries: rows,
    })
}

//! `ctg status`: one grid for the terminal, Markdown, HTML and the
//! workbooks (flat there), the same with the next milestone's parts apart
//! for CSV, and JSON.

use crate::compute::labels::{health_label, health_symbol, status_label};
use crate::compute::{Health, Rollup};
use crate::i18n::fmt::{as_of, bar, percent, short_date};
use crate::i18n::{L, Lang};
use crate::render::document::Document;
use crate::render::grid::{Cell as GridCell, Grid};
use crate::render::table::{Column, Fit, Style, apply_columns, new_table};
use crate::render::terminal;
use crate::report::status::{NextMilestone, SheetRow, StatusReport, health_counts};
use crate::safe;
use comfy_table::{Cell, Color, ColumnConstraint, Width};

/// Below this width, `status` hides the lead and last-entry columns and the bars.
pub const NARROW: u16 = 150;
/// Below this width, `status` also hides the next milestone.
pub const VERY_NARROW: u16 = 100;

const fn column(key: &'static str, title: L, fit: Fit, hide_below: Option<u16>) -> Column {
    Column {
        key,
        title,
        fit,
        hide_below,
    }
}

/// The columns of the `status` table and how each gives way on a narrow
/// terminal (see [`columns`]).
const COLUMNS: [Column; 8] = [
    column("id", L::Id, Fit::Content, None),
    column("title", L::Title, Fit::Rest, None),
    column("lead", L::Lead, Fit::AtMost(18), Some(NARROW)),
    column("status", L::Status, Fit::Content, None),
    column("health", L::Health, Fit::Content, None),
    column("progress", L::Progress, Fit::Content, None),
    column("last_entry", L::LastEntry, Fit::Content, Some(NARROW)),
    column(
        "next_milestone",
        L::NextMilestone,
        Fit::AtMost(18),
        Some(VERY_NARROW),
    ),
];

/// The columns of a report's terminal table: under `--late`, the next
/// milestone (where `(en retard)` says why a sheet is late) stays at every
/// width, and gives way only with the table, to one block per row.
fn columns(report: &StatusReport) -> [Column; 8] {
    let mut columns = COLUMNS;
    if report.late_only {
        columns[at("next_milestone")].hide_below = None;
    }
    columns
}

fn header(lang: Lang) -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.title.get(lang)).collect()
}

/// The position of the column named `key`.
fn at(key: &str) -> usize {
    COLUMNS
        .iter()
        .position(|c| c.key == key)
        .unwrap_or(usize::MAX)
}

/// The colour of a health value on a terminal (never its only sign).
pub fn health_color(h: Health) -> Option<Color> {
    match h {
        Health::Alert => Some(Color::Red),
        Health::Watch => Some(Color::DarkYellow),
        Health::Upcoming => Some(Color::Grey),
        Health::OnTrack => Some(Color::Green),
        Health::Done | Health::Abandoned => None,
    }
}

fn milestone_text(m: &Option<NextMilestone>, lang: Lang) -> String {
    m.as_ref().map_or_else(String::new, |m| {
        // `(en retard)` on one line: a wrap between its words reads as two.
        let late = if m.overdue {
            format!(" ({})", L::Overdue.get(lang).replace(' ', "\u{a0}"))
        } else {
            String::new()
        };
        match m.due {
            Some(due) => format!("{} {}{late}", short_date(due, lang), m.title),
            None => m.title.clone(),
        }
    })
}

fn progress_text(p: f64, lang: Lang, narrow: bool) -> String {
    if narrow {
        percent(p, lang)
    } else {
        format!("{} {:>5}", bar(p), percent(p, lang))
    }
}

fn rollup_health(r: &Rollup) -> String {
    health_counts(r)
        .iter()
        .map(|(h, n)| format!("{} {n}", health_symbol(*h)))
        .collect::<Vec<_>>()
        .join("  ")
}

/// `1 fiche`, `3 fiches` (`1 sheet`, `3 sheets`).
pub fn sheets_count(n: usize, lang: Lang) -> String {
    let word = if n == 1 { L::OneSheet } else { L::Sheets };
    format!("{n} {}", word.get(lang))
}

/// The totals line under the table.
pub fn footer(report: &StatusReport, lang: Lang) -> String {
    let t = &report.total;
    let opt = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| percent(v, lang));
    let colon = crate::i18n::fmt::colon(lang);
    let health: Vec<String> = health_counts(t)
        .iter()
        .map(|(h, n)| format!("{} {n}", health_label(*h, lang)))
        .collect();
    format!(
        "{}{colon} {} · {} {} · {} {} · {} {} · {} {}\n{} · {}\n",
        L::Total.get(lang),
        sheets_count(t.sheets, lang),
        L::CompletionRate.get(lang),
        opt(t.completion_rate),
        L::MeanProgress.get(lang),
        opt(t.mean_progress),
        L::Late.get(lang),
        t.late,
        L::Stale.get(lang),
        t.stale,
        health.join(" · "),
        as_of(report.as_of, lang),
    )
}

/// The table model of `status`: a rollup row (emphasised) for each axis
/// and objective, then its sheets.
pub fn grid(report: &StatusReport, lang: Lang) -> Grid {
    grouped(report, lang, &[L::NextMilestone], |s| {
        vec![GridCell::Plan(milestone_text(&s.next_milestone, lang))]
    })
}

/// The sheets under their axis and objective rollups, each sheet's cells
/// from its id to its last entry, then `tail`'s under the headings `extra`.
fn grouped(
    report: &StatusReport,
    lang: Lang,
    extra: &[L],
    tail: impl Fn(&SheetRow) -> Vec<GridCell>,
) -> Grid {
    let mut header: Vec<String> = header(lang)[..at("next_milestone")]
        .iter()
        .map(|h| h.to_string())
        .collect();
    header.extend(extra.iter().map(|l| l.get(lang).to_string()));
    let levels = [L::Axis, L::Objective].map(|l| vec![l.get(lang).to_string()]);
    let mut g = Grid::new("status", L::ActionSheets.get(lang).to_string(), header)
        .keyed(2)
        .grouped(levels.to_vec());
    let rollup = |id: &str, title: String, r: &Rollup, last| {
        vec![
            GridCell::Label(id.to_string()),
            GridCell::Plan(title),
            GridCell::Empty,
            GridCell::Label(sheets_count(r.sheets, lang)),
            GridCell::Label(rollup_health(r)),
            GridCell::percent(r.mean_progress),
            GridCell::date(last),
        ]
    };
    for axis in &report.axes {
        let title = format!("{} {} — {}", L::Axis.get(lang), axis.id, axis.title);
        let name = vec![GridCell::Label(axis.id.clone())];
        g.push_group(
            0,
            name,
            rollup(&axis.id, title, &axis.rollup, axis.last_entry),
        );
        for o in &axis.objectives {
            let name = vec![GridCell::Label(o.id.clone())];
            g.push_group(
                1,
                name,
                rollup(&o.id, o.title.clone(), &o.rollup, o.last_entry),
            );
            for s in &o.sheets {
                let mut cells = sheet_cells(s, lang);
                cells.extend(tail(s));
                g.push(cells);
            }
        }
    }
    g
}

/// A sheet's cells from its id to its last entry.
fn sheet_cells(s: &SheetRow, lang: Lang) -> Vec<GridCell> {
    vec![
        GridCell::Label(s.id.clone()),
        GridCell::Plan(s.title.clone()),
        GridCell::Plan(s.lead.clone().unwrap_or_default()),
        GridCell::Label(status_label(s.state.status, lang).to_string()),
        GridCell::Health(s.state.health),
        GridCell::Percent(s.state.progress),
        GridCell::date(s.state.last_entry),
    ]
}

/// The terminal table: the grid with progress bars, health in colour,
/// rollup names in bold, then the totals line. Below [`NARROW`] columns the
/// lead, the last entry and the bars go; below [`VERY_NARROW`] the next
/// milestone too, but under `--late`; when even that table is wider than the terminal (about
/// 65 columns for the shipped plan), one block per row.
pub fn table(report: &StatusReport, lang: Lang, style: Style) -> String {
    if report.is_empty() {
        return format!("{}\n", L::NoMatch.get(lang));
    }
    let narrow = style.width.is_some_and(|w| w < NARROW);
    let (progress, title_column) = (at("progress"), at("title"));
    let grid = grid(report, lang);
    let mut table = new_table(style);
    table.set_header(grid.header.clone());
    for row in &grid.rows {
        table.add_row(row.cells.iter().enumerate().map(|(i, c)| {
            let text = match c {
                GridCell::Percent(p) if i == progress => progress_text(*p, lang, narrow),
                c => safe::cell(&c.text(lang)),
            };
            let cell = Cell::new(text);
            match c {
                GridCell::Health(h) if style.color => match health_color(*h) {
                    Some(color) => cell.fg(color),
                    None => cell,
                },
                _ if style.color && row.emphasis() && i < grid.key => {
                    cell.add_attribute(comfy_table::Attribute::Bold)
                }
                _ => cell,
            }
        }));
    }
    let columns = columns(report);
    apply_columns(&mut table, &columns, style.width);
    // The title column as wide as its longest word: the table then
    // overflows rather than cut one, and gives way to blocks below.
    let longest = |column: usize| {
        std::iter::once(&grid.header[column])
            .map(|h| terminal::longest_word(h))
            .chain(
                grid.rows
                    .iter()
                    .filter_map(|r| r.cells.get(column))
                    .map(|c| terminal::longest_word(&safe::cell(&c.text(lang)))),
            )
            .max()
            .unwrap_or(0)
    };
    let fixed = |w: usize| Width::Fixed(u16::try_from(w).unwrap_or(u16::MAX));
    let title_longest = longest(title_column);
    if let Some(c) = table.column_mut(title_column) {
        // 30 % of the room inside the borders, as comfy-table counts it.
        let visible = columns.iter().filter(|c| c.shown(style.width)).count();
        let floor = match style.width {
            Some(w) => {
                let share = (usize::from(w).saturating_sub(visible + 1)) * 3 / 10;
                fixed(share.max(title_longest + 2))
            }
            None => Width::Percentage(30),
        };
        c.set_constraint(ColumnConstraint::LowerBoundary(floor));
    }
    // Kept on a narrow terminal (`--late`), the next milestone is no
    // narrower than its longest word either.
    let milestone = at("next_milestone");
    if let (true, Some(w)) = (report.late_only, style.width) {
        let lower = longest(milestone) + 2;
        let upper = (usize::from(w) * 18 / 100).max(lower);
        if let Some(c) = table.column_mut(milestone) {
            c.set_constraint(ColumnConstraint::Boundaries {
                lower: fixed(lower),
                upper: fixed(upper),
            });
        }
    }
    let footer = terminal::paragraph(&footer(report, lang), style);
    let drawn = table.to_string();
    match style.width {
        // Too narrow for the table: one block per row.
        Some(max) if !terminal::fits(&drawn, max) => {
            format!("{}{footer}\n", grid.terminal(lang, style))
        }
        _ => format!("{drawn}\n{footer}\n"),
    }
}

/// The title of the `status` documents: `Statut — NAME`.
fn title(report: &StatusReport, lang: Lang) -> String {
    format!("{} — {}", L::Status.get(lang), report.convention)
}

/// A Markdown document: one table with bold rollup rows, then the totals.
pub fn markdown(report: &StatusReport, lang: Lang) -> String {
    let mut out = format!(
        "# {} ({})\n\n",
        safe::markdown(&title(report, lang)),
        as_of(report.as_of, lang)
    );
    if report.is_empty() {
        return format!("{out}{}\n", L::NoMatch.get(lang));
    }
    out.push_str(&grid(report, lang).markdown_table(lang));
    out.push('\n');
    for line in footer(report, lang).lines() {
        out.push_str(line);
        out.push_str("  \n");
    }
    out
}

/// The document of the HTML page and the workbook: the table, the totals
/// and the as-of date under the title.
pub fn document(report: &StatusReport, lang: Lang) -> Document {
    Document {
        title: title(report, lang),
        lines: footer(report, lang).lines().map(String::from).collect(),
        notice: report.is_empty().then(|| L::NoMatch.get(lang)),
        grids: vec![grid(report, lang)],
        charts: Vec::new(),
    }
}

/// CSV: the flat form of the sheets' grid, one row per sheet with its
/// axis and objective, the next milestone's title and due date apart, and
/// whether the sheet is late or without follow-up.
pub fn csv(report: &StatusReport, lang: Lang) -> String {
    let yes_no = |b: bool| GridCell::Label(if b { L::Yes } else { L::No }.get(lang).to_string());
    let extra = [L::NextMilestone, L::Due, L::Late, L::Stale];
    grouped(report, lang, &extra, |s| {
        let m = s.next_milestone.as_ref();
        vec![
            GridCell::Plan(m.map(|m| m.title.clone()).unwrap_or_default()),
            GridCell::date(m.and_then(|m| m.due)),
            yes_no(s.state.late),
            yes_no(s.state.stale),
        ]
    })
    .csv(lang)
}

/// JSON: axes → objectives → sheets, each level with its rollup.
pub fn json(report: &StatusReport) -> String {
    crate::render::json::document(report)
}

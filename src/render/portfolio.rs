//! `ctg portfolio` rendered: the grid of plans with its totals row, the grid
//! of the sheets that need a call, and JSON.

use crate::compute::labels::health_label;
use crate::compute::{Health, Rollup};
use crate::diag::Diagnostic;
use crate::i18n::Localize;
use crate::i18n::fmt::colon;
use crate::i18n::{L, Lang};
use crate::render::grid::{Cell, Grid};
use crate::report::portfolio::{PlanLine, Portfolio};
use crate::report::status::SheetRow;
use chrono::NaiveDate;
use serde::Serialize;

/// The plans, one row each, then the totals row.
pub fn plans(p: &Portfolio, lang: Lang) -> Grid {
    let mut header: Vec<String> = [
        L::Folder,
        L::Territory,
        L::Siren,
        L::PeriodWord,
        L::SheetsCol,
    ]
    .map(|l| l.get(lang).to_string())
    .to_vec();
    header.extend(Health::ALL.map(|h| health_label(h, lang).to_string()));
    header.extend(
        [
            L::CompletionCol,
            L::MeanProgressCol,
            L::LateCol,
            L::StaleCol,
            L::LastEntry,
            L::PlannedAmount,
            L::SpentAmount,
            L::Execution,
            L::Errors,
            L::FirstError,
        ]
        .map(|l| l.get(lang).to_string()),
    );
    let title = format!(
        "{} ({})",
        L::Portfolio.get(lang),
        crate::i18n::fmt::as_of(p.as_of, lang)
    );
    let mut g = Grid::new("portfolio", title, header).keyed(2);
    for line in &p.lines {
        let mut cells = vec![
            Cell::Label(line.folder.display().to_string()),
            line.territory.clone().map_or(Cell::Empty, Cell::Plan),
            line.siren.clone().map_or(Cell::Empty, Cell::Label),
            line.period.map_or(Cell::Empty, |p| {
                Cell::Label(format!("{}-{}", p.start, p.end))
            }),
        ];
        if line.errors > 0 {
            cells.extend(std::iter::repeat_n(Cell::Empty, FIGURES + 3));
        } else {
            cells.extend(figures(&line.rollup, line.last_entry));
            cells.extend(crate::render::budget::means_cells(&line.means));
        }
        cells.push(Cell::Count(line.errors));
        cells.push(
            line.first_error
                .as_ref()
                .map_or(Cell::Empty, |d| Cell::Plan(first_error(d, lang))),
        );
        g.push(cells);
    }
    let mut total = vec![
        Cell::Label(L::Total.get(lang).to_string()),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ];
    total.extend(figures(&p.total, p.last_entry));
    total.extend(crate::render::budget::means_cells(&p.means));
    total.extend([Cell::Count(p.errors), Cell::Empty]);
    g.push_total(total);
    g
}

/// The number of cells of [`figures`].
const FIGURES: usize = 1 + Health::ALL.len() + 5;

/// Sheets, health counts, rates, late, stale and last entry.
fn figures(r: &Rollup, last_entry: Option<chrono::NaiveDate>) -> Vec<Cell> {
    let mut cells = vec![Cell::Count(r.sheets)];
    cells.extend(Health::ALL.map(|h| Cell::Count(r.health(h))));
    cells.extend([
        Cell::percent(r.completion_rate),
        Cell::percent(r.mean_progress),
        Cell::Count(r.late),
        Cell::Count(r.stale),
        Cell::date(last_entry),
    ]);
    cells
}

/// `actions/1.1.1.yaml:12 : message` in the session's language (no line
/// when the problem is the whole file, the code alone when it is the
/// whole folder: `unreadable : permission denied`).
pub fn first_error(d: &Diagnostic, lang: Lang) -> String {
    let at = match (d.pos.line, d.file.as_os_str().is_empty()) {
        (_, true) => d.problem.code().to_string(),
        (0, false) => d.file.display().to_string(),
        (line, false) => format!("{}:{line}", d.file.display()),
    };
    format!("{at}{} {}", colon(lang), d.problem.say(lang))
}

/// The sheets `--late`/`--stale` ask for, plan by plan.
pub fn sheets(p: &Portfolio, lang: Lang) -> Grid {
    let header = [
        L::Folder,
        L::Id,
        L::Title,
        L::Lead,
        L::Health,
        L::Progress,
        L::LastEntry,
    ]
    .map(|l| l.get(lang).to_string())
    .to_vec();
    let mut g = Grid::new("sheets", L::NeedCall.get(lang).to_string(), header).keyed(2);
    for line in &p.lines {
        for s in &line.sheets {
            g.push(vec![
                Cell::Label(line.folder.display().to_string()),
                Cell::Plan(s.id.clone()),
                Cell::Plan(s.title.clone()),
                s.lead.clone().map_or(Cell::Empty, Cell::Plan),
                Cell::Label(health_label(s.state.health, lang).to_string()),
                Cell::Percent(s.state.progress),
                Cell::date(s.state.last_entry),
            ]);
        }
    }
    g
}

/// The portfolio as a document (HTML page, workbook): the plans, then the
/// sheets that need a call when `--late`/`--stale` asked for them.
pub fn document(p: &Portfolio, lang: Lang) -> crate::render::document::Document {
    let mut grids = vec![plans(p, lang)];
    if p.listed {
        grids.push(sheets(p, lang));
    }
    crate::render::document::Document {
        title: L::Portfolio.get(lang).to_string(),
        lines: vec![crate::i18n::fmt::as_of(p.as_of, lang)],
        notice: None,
        grids,
        charts: Vec::new(),
    }
}

/// JSON with a version: every plan with its rollup or its errors, and the totals.
pub fn json(p: &Portfolio, lang: Lang) -> String {
    crate::render::json::document(&PortfolioView {
        as_of: p.as_of,
        plans: p
            .lines
            .iter()
            .map(|l| LineView::new(l, p.listed, lang))
            .collect(),
        total: TotalView {
            rollup: &p.total,
            means: p.means,
            last_entry: p.last_entry,
            errors: p.errors,
            warnings: p.warnings,
        },
    })
}

#[derive(Serialize)]
struct PortfolioView<'a> {
    as_of: NaiveDate,
    plans: Vec<LineView<'a>>,
    total: TotalView<'a>,
}

#[derive(Serialize)]
struct TotalView<'a> {
    rollup: &'a Rollup,
    means: crate::compute::Means,
    last_entry: Option<NaiveDate>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct ErrorView {
    code: &'static str,
    file: String,
    line: u32,
    column: u32,
    message: String,
}

#[derive(Serialize)]
struct LineView<'a> {
    folder: String,
    territory: &'a Option<String>,
    siren: &'a Option<String>,
    period: Option<crate::model::Period>,
    rollup: Option<&'a Rollup>,
    means: Option<crate::compute::Means>,
    last_entry: Option<NaiveDate>,
    errors: usize,
    warnings: usize,
    first_error: Option<ErrorView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sheets: Option<&'a [SheetRow]>,
}

impl<'a> LineView<'a> {
    fn new(l: &'a PlanLine, listed: bool, lang: Lang) -> Self {
        LineView {
            folder: l.folder.display().to_string(),
            territory: &l.territory,
            siren: &l.siren,
            period: l.period,
            rollup: (l.errors == 0).then_some(&l.rollup),
            means: (l.errors == 0).then_some(l.means),
            last_entry: l.last_entry,
            errors: l.errors,
            warnings: l.warnings,
            first_error: l.first_error.as_ref().map(|d| ErrorView {
                code: d.problem.code(),
                file: d.file.display().to_string(),
                line: d.pos.line,
                column: d.pos.col,
                message: d.problem.say(lang),
            }),
            sheets: listed.then_some(l.sheets.as_slice()),
        }
    }
}

//! The yearly summary rendered: one grid, a column per year.

use crate::compute::{Means, YearFigures};
use crate::i18n::{L, Lang};
use crate::render::document::Document;
use crate::render::grid::{Cell, Grid};
use crate::report::summary::{Block, Summary};

type Metric = (L, fn(&YearFigures) -> Cell);

const METRICS: [Metric; 9] = [
    (L::SheetsStarted, |f| Cell::Count(f.started)),
    (L::SheetsCompleted, |f| Cell::Count(f.completed)),
    (L::SheetsInProgress, |f| Cell::Count(f.in_progress)),
    (L::SheetsLate, |f| Cell::Count(f.late)),
    (L::CompletionRate, |f| {
        Cell::percent(f.rollup.completion_rate)
    }),
    (L::MeanProgress, |f| Cell::percent(f.rollup.mean_progress)),
    (L::MilestonesDue, |f| Cell::Count(f.milestones_due)),
    (L::OfWhichReached, |f| Cell::Count(f.milestones_due_reached)),
    (L::JournalEntries, |f| Cell::Count(f.entries)),
];

type MeansMetric = (L, fn(&Means) -> Cell);

/// The euros of a year, when the plan has budget lines.
const MEANS: [MeansMetric; 3] = [
    (L::PlannedRow, |m| Cell::money(m.planned)),
    (L::SpentRow, |m| Cell::Money(m.spent)),
    (L::ExecutionRow, |m| Cell::percent(m.execution())),
];

/// The rows of one block: each figure, then the euros if the plan has a
/// budget; each with its label and a cell per year.
fn block_rows(s: &Summary, b: &Block, lang: Lang) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (label, value) in METRICS {
        let mut cells = vec![Cell::Label(label.get(lang).to_string())];
        cells.extend(
            b.years
                .iter()
                .map(|y| y.figures.as_ref().map_or(Cell::Missing, value)),
        );
        rows.push(cells);
    }
    for (label, value) in MEANS.iter().filter(|_| s.budget) {
        let mut cells = vec![Cell::Label(label.get(lang).to_string())];
        cells.extend(
            b.years
                .iter()
                .map(|y| y.means.as_ref().map_or(Cell::Missing, value)),
        );
        rows.push(cells);
    }
    rows
}

/// The grid: for each block a heading row, then one row per figure.
pub fn grid(s: &Summary, lang: Lang) -> Grid {
    let mut header = vec![String::new()];
    header.extend(s.years.iter().map(|y| y.to_string()));
    let group = [L::Id, L::Title].map(|l| l.get(lang).to_string()).to_vec();
    let mut g = Grid::new("summary", L::Summary.get(lang).to_string(), header).grouped(vec![group]);
    for b in &s.blocks {
        let title = match &b.id {
            None => format!(
                "{} ({})",
                L::Whole.get(lang),
                crate::render::status::sheets_count(b.sheets, lang)
            ),
            Some(id) => format!(
                "{id} — {} ({})",
                b.title,
                crate::render::status::sheets_count(b.sheets, lang)
            ),
        };
        let name = vec![
            Cell::Label(b.id.clone().unwrap_or_default()),
            match b.id {
                Some(_) => Cell::Plan(b.title.clone()),
                None => Cell::Label(L::Whole.get(lang).into()),
            },
        ];
        g.push_group(0, name, vec![Cell::Plan(title)]);
        for cells in block_rows(s, b, lang) {
            g.push(cells);
        }
    }
    g
}

/// The document of the HTML page and the workbook, with the note on
/// counts by field when there is one.
pub fn document(s: &Summary, note: Option<&'static str>, lang: Lang) -> Document {
    Document {
        title: L::Summary.get(lang).to_string(),
        lines: vec![crate::i18n::fmt::as_of(s.as_of, lang)],
        notice: note,
        grids: vec![grid(s, lang)],
        charts: Vec::new(),
    }
}

/// CSV: the grid's flat form, one row per block and figure, the block's
/// id and title in the first columns.
pub fn csv(s: &Summary, lang: Lang) -> String {
    grid(s, lang).csv(lang)
}

/// JSON with a version; years after the as-of date are `null`: the
/// summary's own serialization.
pub fn json(s: &Summary) -> String {
    crate::render::json::document(s)
}

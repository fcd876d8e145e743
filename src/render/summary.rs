//! The yearly summary rendered: one grid, a column per year.

use crate::compute::YearFigures;
use crate::i18n::{L, Lang};
use crate::render::document::Document;
use crate::render::grid::{Cell, Grid};
use crate::report::summary::{Block, Summary};
use chrono::NaiveDate;
use serde::Serialize;

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

/// The grid: for each block a heading row, then one row per figure.
pub fn grid(s: &Summary, lang: Lang) -> Grid {
    let mut header = vec![String::new()];
    header.extend(s.years.iter().map(|y| y.to_string()));
    let mut g = Grid::new("summary", L::Summary.get(lang).to_string(), header);
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
        let mut heading = vec![Cell::Plan(title)];
        heading.resize(s.years.len() + 1, Cell::Empty);
        g.push_emphasis(heading);
        for (label, value) in METRICS {
            let mut cells = vec![Cell::Label(label.get(lang).to_string())];
            cells.extend(
                b.years
                    .iter()
                    .map(|f| f.as_ref().map_or(Cell::Missing, value)),
            );
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

/// CSV: one row per block and figure, the group in the first column.
pub fn csv(s: &Summary, lang: Lang) -> String {
    let mut header = vec![
        L::Id.get(lang).to_string(),
        L::Title.get(lang).to_string(),
        String::new(),
    ];
    header.extend(s.years.iter().map(|y| y.to_string()));
    let mut g = Grid::new("summary", String::new(), header);
    for b in &s.blocks {
        for (label, value) in METRICS {
            let mut cells = vec![
                Cell::Label(b.id.clone().unwrap_or_default()),
                if b.id.is_some() {
                    Cell::Plan(b.title.clone())
                } else {
                    Cell::Label(L::Whole.get(lang).into())
                },
                Cell::Label(label.get(lang).into()),
            ];
            cells.extend(
                b.years
                    .iter()
                    .map(|f| f.as_ref().map_or(Cell::Missing, value)),
            );
            g.push(cells);
        }
    }
    g.csv(lang)
}

/// The summary as JSON: its date and its blocks.
#[derive(Serialize)]
struct SummaryJson<'a> {
    as_of: NaiveDate,
    blocks: Vec<BlockJson<'a>>,
}

/// A block as JSON: the group, then its figures per year.
#[derive(Serialize)]
pub struct BlockJson<'a> {
    group: &'a Option<String>,
    title: &'a str,
    sheets: usize,
    years: Vec<YearJson>,
}

impl<'a> BlockJson<'a> {
    /// The view of block `b` of summary `s`.
    pub fn new(s: &Summary, b: &'a Block) -> Self {
        BlockJson {
            group: &b.id,
            title: &b.title,
            sheets: b.sheets,
            years: s
                .years
                .iter()
                .zip(&b.years)
                .map(|(&year, f)| YearJson {
                    year,
                    figures: f.as_ref().map(FiguresJson::new),
                })
                .collect(),
        }
    }
}

/// A year of a block; its figures are `null` after the as-of date.
#[derive(Serialize)]
struct YearJson {
    year: i32,
    figures: Option<FiguresJson>,
}

/// The figures of a year, the rollup's rates next to their change.
#[derive(Serialize)]
struct FiguresJson {
    at: NaiveDate,
    started: usize,
    completed: usize,
    in_progress: usize,
    late: usize,
    completion_rate: Option<f64>,
    completion_rate_change: Option<f64>,
    mean_progress: Option<f64>,
    mean_progress_change: Option<f64>,
    milestones_due: usize,
    milestones_due_reached: usize,
    milestones_reached: usize,
    entries: usize,
}

impl FiguresJson {
    fn new(f: &YearFigures) -> Self {
        FiguresJson {
            at: f.at,
            started: f.started,
            completed: f.completed,
            in_progress: f.in_progress,
            late: f.late,
            completion_rate: f.rollup.completion_rate,
            completion_rate_change: f.completion_change,
            mean_progress: f.rollup.mean_progress,
            mean_progress_change: f.progress_change,
            milestones_due: f.milestones_due,
            milestones_due_reached: f.milestones_due_reached,
            milestones_reached: f.milestones_reached,
            entries: f.entries,
        }
    }
}

/// JSON with a version; years after the as-of date are `null`.
pub fn json(s: &Summary) -> String {
    crate::render::json::document(&SummaryJson {
        as_of: s.as_of,
        blocks: s.blocks.iter().map(|b| BlockJson::new(s, b)).collect(),
    })
}

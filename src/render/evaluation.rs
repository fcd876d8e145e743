//! The evaluation rendered: a header and five grids (outcome, sheets,
//! indicators, trajectory, points of attention), and its JSON.

use crate::compute::SynthesisClass;
use crate::compute::labels::class_label;
use crate::compute::labels::status_label;
use crate::i18n::fmt::{long_date, number, short_date};
use crate::i18n::{L, Lang};
use crate::render::annual::status_health;
use crate::render::document::Document;
use crate::render::grid::{Cell, Grid};
use crate::report::evaluation::{
    Attention, Evaluation, IndicatorRow, Level, OnTime, OutcomeRow, SheetPoint, SheetRow,
};

fn label(l: L, lang: Lang) -> String {
    l.get(lang).to_string()
}

fn labels(ls: &[L], lang: Lang) -> Vec<String> {
    ls.iter().map(|l| label(*l, lang)).collect()
}

/// The evaluation as a document: header and six tables.
pub fn document(e: &Evaluation, lang: Lang) -> Document {
    let title = format!("{} — {}", L::Evaluation.get(lang), e.convention);
    let line = format!(
        "{} {}-{} · {} {} · {} {}",
        L::PeriodWord.get(lang),
        e.period.0,
        e.period.1,
        L::AsOf.get(lang),
        long_date(e.as_of, lang),
        L::Produced.get(lang),
        short_date(e.produced, lang)
    );
    let mut trajectory = crate::render::summary::grid(&e.trajectory, lang);
    trajectory.name = "trajectory";
    trajectory.title = label(L::Trajectory, lang);
    Document {
        title,
        lines: vec![line],
        notice: None,
        grids: vec![
            outcome(e, lang),
            sheets(e, lang),
            indicators(e, lang),
            trajectory,
            crate::render::budget::means_grid(&e.means, lang),
            attention(e, lang),
        ],
        charts: Vec::new(),
    }
}

/// The chart of the evaluation's HTML page, the Gantt of the period before
/// the sheets' table (drawn for that page only).
pub fn charts(e: &Evaluation, lang: Lang) -> Vec<(&'static str, String)> {
    vec![("sheets", crate::render::gantt::svg(&e.gantt, lang).finish())]
}

fn outcome(e: &Evaluation, lang: Lang) -> Grid {
    let mut header = labels(&[L::AxisOrObjective, L::Sheets], lang);
    header.extend(
        SynthesisClass::ALL
            .iter()
            .map(|c| label(class_label(*c), lang)),
    );
    header.extend(labels(&[L::CompletionRate, L::MeanProgress], lang));
    let mut g = Grid::new("outcome", label(L::OutcomeTable, lang), header)
        .grouped(vec![vec![label(L::Axis, lang)]]);
    let cells = |r: &OutcomeRow, name: Cell| {
        let mut cells = vec![name, Cell::Count(r.rollup.sheets)];
        cells.extend(r.classes.iter().map(|n| Cell::Count(*n)));
        cells.push(Cell::percent(r.rollup.completion_rate));
        cells.push(Cell::percent(r.rollup.mean_progress));
        cells
    };
    for r in &e.outcome.groups {
        let name = Cell::Plan(format!("{} — {}", r.id, r.title));
        match r.level {
            Level::Objective => g.push(cells(r, name)),
            _ => g.push_group(0, vec![Cell::Label(r.id.clone())], cells(r, name)),
        }
        g.shorten_last(&r.id);
    }
    g.push_total(cells(&e.outcome.total, Cell::Label(label(L::Total, lang))));
    g
}

fn on_time_label(o: OnTime) -> L {
    match o {
        OnTime::Yes => L::Yes,
        OnTime::No => L::No,
        OnTime::Open => L::NotYet,
    }
}

fn sheets(e: &Evaluation, lang: Lang) -> Grid {
    let header = labels(
        &[
            L::Id,
            L::Title,
            L::Status,
            L::Progress,
            L::StartedOn,
            L::CompletedOn,
            L::OnTime,
            L::MilestonesOnTime,
            L::MilestonesLate,
            L::MilestonesMissed,
            L::MilestonesToCome,
            L::JournalEntries,
            L::LastNote,
        ],
        lang,
    );
    let mut g = Grid::new("sheets", label(L::SheetsOutcome, lang), header).keyed(2);
    for s in &e.sheets {
        g.push(sheet_cells(s, lang));
    }
    g
}

fn sheet_cells(s: &SheetRow, lang: Lang) -> Vec<Cell> {
    let st = &s.state;
    let m = &s.milestones;
    let colon = crate::i18n::fmt::colon(lang);
    vec![
        Cell::Label(s.id.clone()),
        Cell::Plan(s.title.clone()),
        status_health(st.status, st.health, lang),
        Cell::Percent(st.progress),
        Cell::date(st.started),
        Cell::date(st.completed),
        Cell::Label(label(on_time_label(s.on_time), lang)),
        Cell::Count(m.on_time),
        Cell::Count(m.late),
        Cell::Count(m.missed),
        Cell::Count(m.to_come),
        Cell::Count(s.entries),
        s.last_note.as_ref().map_or(Cell::Empty, |(d, t)| {
            Cell::Plan(format!("{}{colon} {t}", short_date(*d, lang)))
        }),
    ]
}

fn indicators(e: &Evaluation, lang: Lang) -> Grid {
    let mut header = labels(
        &[
            L::Sheet,
            L::Indicator,
            L::Unit,
            L::Baseline,
            L::BaselineYear,
            L::LastValue,
            L::MeasuredOn,
            L::Target,
            L::TargetYear,
            L::Gap,
            L::PercentOfTarget,
        ],
        lang,
    );
    header.extend((e.period.0..=e.period.1).map(|y| y.to_string()));
    header.push(label(L::TargetMet, lang));
    let mut g = Grid::new("indicators", label(L::IndicatorsOutcome, lang), header).keyed(2);
    for i in &e.indicators {
        g.push(indicator_cells(i, lang));
    }
    g
}

fn indicator_cells(i: &IndicatorRow, lang: Lang) -> Vec<Cell> {
    let year = |y: Option<i32>| {
        y.and_then(|y| usize::try_from(y).ok())
            .map_or(Cell::Empty, Cell::Count)
    };
    let mut cells = vec![
        Cell::Label(i.sheet.clone()),
        Cell::Plan(i.label.clone()),
        i.unit.clone().map_or(Cell::Empty, Cell::Plan),
        Cell::number(i.baseline.map(|b| b.1), 2),
        year(i.baseline.map(|b| b.0)),
        Cell::number(i.last.map(|l| l.1), 2),
        Cell::date(i.last.map(|l| l.0)),
        Cell::number(i.target.map(|t| t.1), 2),
        year(i.target.map(|t| t.0)),
        Cell::number(i.gap, 2),
        Cell::percent(i.percent_of_target),
    ];
    cells.extend(i.years.iter().map(|(_, v)| Cell::number(*v, 2)));
    cells.push(i.met.map_or(Cell::Empty, |m| {
        Cell::Label(label(if m { L::Yes } else { L::No }, lang))
    }));
    cells
}

fn attention(e: &Evaluation, lang: Lang) -> Grid {
    let header = labels(&[L::Point, L::Sheet, L::Subject, L::Details], lang);
    let mut g = Grid::new("attention", label(L::Attention, lang), header);
    for a in &e.attention {
        let (kind, sheet, subject, details) = match a {
            Attention::Sheet {
                point,
                sheet,
                title,
                status,
            } => (
                match point {
                    SheetPoint::NeverStarted => L::NeverStarted,
                    SheetPoint::Stopped => L::Stopped,
                },
                sheet,
                Cell::Plan(title.clone()),
                Cell::Label(status_label(*status, lang).into()),
            ),
            Attention::ShortOfTarget {
                sheet,
                label,
                value,
                target,
            } => (
                L::ShortOfTarget,
                sheet,
                Cell::Plan(label.clone()),
                Cell::Label(format!(
                    "{} / {} {}",
                    number(*value, 2, lang),
                    L::Target.get(lang),
                    number(*target, 2, lang)
                )),
            ),
            Attention::NeverSpent {
                sheet,
                line,
                funder,
                planned,
            } => (
                L::NeverSpent,
                sheet,
                Cell::Label(line.clone()),
                Cell::Plan(format!(
                    "{funder}{} {} {}",
                    crate::i18n::fmt::colon(lang),
                    L::PlannedWord.get(lang),
                    planned.euros(lang)
                )),
            ),
            Attention::Missed { sheet, title, due } => (
                L::MilestoneMissed,
                sheet,
                Cell::Plan(title.clone()),
                Cell::Label(format!("{} {}", L::Due.get(lang), short_date(*due, lang))),
            ),
        };
        g.push(vec![
            Cell::Label(label(kind, lang)),
            Cell::Label(sheet.clone()),
            subject,
            details,
        ]);
    }
    g
}

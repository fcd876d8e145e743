//! The budget rendered: the years, the lines grouped by axis and objective
//! (one block per group with `--by`), the funders and the natures. CSV is
//! one flat row per line with every year.

use crate::compute::Means;
use crate::compute::labels::nature_label;
use crate::i18n::{L, Lang};
use crate::render::document::Document;
use crate::render::grid::{Cell, Grid, Role};
use crate::report::budget::{BudgetBy, BudgetReport, Group, LineRow};

/// Planned, spent, execution; three empty cells when nothing is planned
/// or spent (a plan without budget lines).
pub fn means_cells(m: &Means) -> [Cell; 3] {
    if m.is_empty() {
        return [Cell::Empty, Cell::Empty, Cell::Empty];
    }
    [
        Cell::money(m.planned),
        Cell::Money(m.spent),
        Cell::percent(m.execution()),
    ]
}

/// `Planned (€)`, `Spent (€)`, `Execution`.
pub fn means_header(lang: Lang) -> [String; 3] {
    [L::PlannedAmount, L::SpentAmount, L::Execution].map(|l| l.get(lang).to_string())
}

/// A group's title as the tables show it: a nature by its label.
fn group_title(by: Option<BudgetBy>, g: &Group, lang: Lang) -> String {
    match by {
        Some(BudgetBy::Nature) => match g.id.as_str() {
            "investment" => nature_label(crate::model::Nature::Investment, lang).to_string(),
            _ => nature_label(crate::model::Nature::Operating, lang).to_string(),
        },
        Some(BudgetBy::Funder) => g.title.clone(),
        _ => format!("{} — {}", g.id, g.title),
    }
}

/// One row per year of the selection, then the total.
pub fn years_grid(r: &BudgetReport, lang: Lang) -> Grid {
    let mut header = vec![L::Year.get(lang).to_string()];
    header.extend(means_header(lang));
    let mut g = Grid::new("years", L::BudgetByYear.get(lang).to_string(), header);
    for y in &r.total.years {
        let mut cells = vec![Cell::Label(y.year.to_string())];
        cells.extend(means_cells(&y.means));
        g.push(cells);
    }
    if r.total.years.len() > 1 {
        let mut cells = vec![Cell::Label(L::Total.get(lang).to_string())];
        cells.extend(means_cells(&r.total.total));
        g.push_total(cells);
    }
    g.notes.push(L::ExecutionNote.get(lang).to_string());
    g
}

fn line_cells(row: &LineRow, lang: Lang) -> Vec<Cell> {
    let mut cells = vec![
        Cell::Label(row.sheet.clone()),
        Cell::Label(row.line.clone()),
        Cell::Plan(row.funder_name.clone()),
        Cell::Label(nature_label(row.nature, lang).to_string()),
    ];
    cells.extend(means_cells(&row.total));
    cells
}

/// Every line with its figures over the years shown, under its axis and
/// objective rollups; a heading and a total row per block with `--by`.
pub fn lines_grid(r: &BudgetReport, lang: Lang) -> Grid {
    let mut header = vec![
        L::Id.get(lang).to_string(),
        L::BudgetLine.get(lang).to_string(),
        L::Funder.get(lang).to_string(),
        L::NatureCol.get(lang).to_string(),
    ];
    header.extend(means_header(lang));
    let rollup = |id, title, m: &Means| {
        let mut cells = vec![id, title, Cell::Empty, Cell::Empty];
        cells.extend(means_cells(m));
        cells
    };
    grouped_lines(r, lang, header, |l| line_cells(l, lang), rollup)
}

/// The lines of `r` under their groups (the block of `--by`, the axis,
/// the objective), each line's cells by `line` under `header`; the rollup
/// of each axis and objective, and a total row per block, by `rollup`
/// (the group's id, title and figures).
fn grouped_lines(
    r: &BudgetReport,
    lang: Lang,
    header: Vec<String>,
    line: impl Fn(&LineRow) -> Vec<Cell>,
    rollup: impl Fn(Cell, Cell, &Means) -> Vec<Cell>,
) -> Grid {
    let mut levels = Vec::new();
    if r.by.is_some() {
        levels.push(vec![L::Group.get(lang).to_string()]);
    }
    levels.extend([L::Axis, L::Objective].map(|l| vec![l.get(lang).to_string()]));
    let top = levels.len() - 2;
    let title = L::BudgetByLine.get(lang).to_string();
    let mut g = Grid::new("lines", title, header).grouped(levels);
    let group = |g: &Group| {
        rollup(
            Cell::Label(g.id.clone()),
            Cell::Plan(g.title.clone()),
            &g.total,
        )
    };
    for block in &r.blocks {
        if r.by.is_some() {
            let title = Cell::Plan(group_title(r.by, &block.group, lang));
            g.push_group(0, vec![title.clone()], vec![title]);
        }
        for axis in &block.axes {
            let name = vec![Cell::Label(axis.rollup.id.clone())];
            g.push_group(top, name, group(&axis.rollup));
            for o in &axis.objectives {
                let name = vec![Cell::Label(o.rollup.id.clone())];
                g.push_group(top + 1, name, group(&o.rollup));
                for l in &o.lines {
                    g.push(line(l));
                }
            }
        }
        let total = Cell::Label(L::Total.get(lang).to_string());
        g.push_total(rollup(total, Cell::Empty, &block.group.total));
    }
    g
}

/// By funder (or nature): the figures and each one's share.
fn shares_grid(
    name: &'static str,
    title: L,
    column: L,
    groups: &[Group],
    by_nature: bool,
    lang: Lang,
) -> Grid {
    let mut header = vec![column.get(lang).to_string()];
    header.extend(means_header(lang));
    header.push(L::SharePlanned.get(lang).to_string());
    header.push(L::ShareSpent.get(lang).to_string());
    let mut g = Grid::new(name, title.get(lang).to_string(), header);
    for group in groups {
        let by = by_nature
            .then_some(BudgetBy::Nature)
            .or(Some(BudgetBy::Funder));
        let mut cells = vec![Cell::Plan(group_title(by, group, lang))];
        cells.extend(means_cells(&group.total));
        cells.push(Cell::percent(group.share_planned));
        cells.push(Cell::percent(group.share_spent));
        g.push(cells);
    }
    g
}

/// The funders' figures and shares.
pub fn funders_grid(groups: &[Group], lang: Lang) -> Grid {
    shares_grid("funders", L::BudgetByFunder, L::Funder, groups, false, lang)
}

/// The natures' figures and shares.
pub fn natures_grid(groups: &[Group], lang: Lang) -> Grid {
    shares_grid(
        "natures",
        L::BudgetByNature,
        L::NatureCol,
        groups,
        true,
        lang,
    )
}

/// The document: title, date, then years, lines, funders, natures.
pub fn document(r: &BudgetReport, convention: &str, lang: Lang) -> Document {
    let mut lines = vec![crate::i18n::fmt::as_of(r.as_of, lang)];
    if let Some(f) = &r.funder {
        lines.push(format!(
            "{}{} {f}",
            L::Funder.get(lang),
            crate::i18n::fmt::colon(lang)
        ));
    }
    Document {
        title: format!("{} — {}", L::Budget.get(lang), convention),
        lines,
        notice: r.is_empty().then(|| match r.plan_has_lines {
            true => L::NoLineMatches.get(lang),
            false => L::NoBudgetLine.get(lang),
        }),
        grids: if r.is_empty() {
            Vec::new()
        } else {
            vec![
                years_grid(r, lang),
                lines_grid(r, lang),
                funders_grid(&r.funders, lang),
                natures_grid(&r.natures, lang),
            ]
        },
        charts: Vec::new(),
    }
}

/// CSV: one row per line (per group and line with `--by`) with its axis
/// and objective, its planned, spent and execution for each year and in
/// total.
pub fn csv(r: &BudgetReport, lang: Lang) -> String {
    let mut header = vec![
        L::Id.get(lang).to_string(),
        L::Title.get(lang).to_string(),
        L::BudgetLine.get(lang).to_string(),
        L::Funder.get(lang).to_string(),
        L::NatureCol.get(lang).to_string(),
        L::Scheme.get(lang).to_string(),
    ];
    let columns = |suffix: &str| means_header(lang).map(|h| format!("{h} {suffix}"));
    for y in &r.years {
        header.extend(columns(&y.to_string()));
    }
    if r.years.len() > 1 {
        header.extend(columns(L::Total.get(lang)));
    }
    let line = |line: &LineRow| {
        let mut cells = vec![
            Cell::Label(line.sheet.clone()),
            Cell::Plan(line.title.clone()),
            Cell::Label(line.line.clone()),
            Cell::Plan(line.funder_name.clone()),
            Cell::Label(nature_label(line.nature, lang).to_string()),
            Cell::Plan(line.scheme.clone().unwrap_or_default()),
        ];
        for y in &line.years {
            cells.extend(means_cells(&y.means));
        }
        if r.years.len() > 1 {
            cells.extend(means_cells(&line.total));
        }
        cells
    };
    // The rollups and totals are not in the flat form.
    grouped_lines(r, lang, header, line, |_, _, _| Vec::new()).csv(lang)
}

/// JSON with a version: the report's own serialization.
pub fn json(r: &BudgetReport) -> String {
    crate::render::json::document(r)
}

/// Figures of a group row: its name in the second column (the first says
/// which kind of group), the figures at the end.
fn named_group_row(kind: &str, name: String, g: &Group) -> Vec<Cell> {
    let mut cells = vec![
        Cell::Label(kind.to_string()),
        Cell::Plan(name),
        Cell::Empty,
        Cell::Empty,
    ];
    cells.extend(means_cells(&g.total));
    cells
}

/// One table of the lines under their axes and objectives, then the totals
/// by funder and by nature and the grand total: the review's funding table
/// (`title`) of one year, the evaluation's means over the period.
pub fn funding_grid(r: &BudgetReport, title: L, lang: Lang) -> Grid {
    let mut g = lines_grid(r, lang);
    g.name = match title {
        L::MeansTitle => "means",
        _ => "funding",
    };
    g.title = title.get(lang).to_string();
    if r.is_empty() {
        g.rows.clear();
        g.notes.push(L::NoBudgetLine.get(lang).to_string());
        return g;
    }
    // The block's total row moves to the end, after the funders and natures.
    let total = g.rows.pop();
    for f in &r.funders {
        g.push_row(
            named_group_row(L::Funder.get(lang), f.title.clone(), f),
            Role::Subtotal,
        );
    }
    for n in &r.natures {
        let name = group_title(Some(BudgetBy::Nature), n, lang);
        g.push_row(
            named_group_row(L::NatureCol.get(lang), name, n),
            Role::Subtotal,
        );
    }
    g.rows.extend(total);
    g.notes.push(L::ExecutionNote.get(lang).to_string());
    g
}

/// The evaluation's means over the period.
pub fn means_grid(r: &BudgetReport, lang: Lang) -> Grid {
    funding_grid(r, L::MeansTitle, lang)
}

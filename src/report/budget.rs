//! The budget (spec section 11): every budget line of the sheets shown, with
//! what was planned and spent each year and over the period, rolled up by
//! axis and objective, by funder and by nature, or split into one block per
//! funder, nature, axis or field.

use crate::compute::{Means, Years, line_means, sheet_state};
use crate::model::{BudgetLine, Nature, Plan, Sheet, parent_id};
use crate::report::status::Filter;
use chrono::NaiveDate;
use serde::Serialize;

/// How to split the budget into blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BudgetBy {
    /// One block per funder.
    Funder,
    /// Operating, then investment.
    Nature,
    /// One block per axis.
    Axis,
    /// One block per field (a line counts in each field of its sheet).
    Field,
}

/// What to show.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// The sheets, as `status` filters them.
    pub filter: Filter,
    /// Only the lines this partner funds.
    pub funder: Option<String>,
    /// One year instead of the whole period.
    pub year: Option<i32>,
    /// One block per group.
    pub by: Option<BudgetBy>,
}

/// A year's figures, in JSON `{year, planned, spent, execution}`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct YearMeans {
    /// The year.
    pub year: i32,
    /// Its figures.
    #[serde(flatten)]
    pub means: Means,
}

/// One budget line of one sheet.
#[derive(Debug, Clone, Serialize)]
pub struct LineRow {
    /// The sheet's id.
    pub sheet: String,
    /// The sheet's title.
    pub title: String,
    /// The line's id.
    pub line: String,
    /// The funder's partner id.
    pub funder: String,
    /// The funder's name.
    pub funder_name: String,
    /// Operating or investment.
    #[serde(serialize_with = "nature_key")]
    pub nature: Nature,
    /// The funder's scheme.
    pub scheme: Option<String>,
    /// Each year shown.
    pub years: Vec<YearMeans>,
    /// Over the years shown.
    pub total: Means,
}

fn tenths<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    v.map(|v| crate::i18n::fmt::round(v, 1)).serialize(s)
}

fn nature_key<S: serde::Serializer>(n: &Nature, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(n.key())
}

/// A rollup: an axis, an objective, a funder, a nature, a field, the plan.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Its id (an axis or objective id, a partner id, `operating`, a field
    /// id); empty for the whole plan.
    pub id: String,
    /// Its title or name, in the plan's words (a nature's label is the
    /// renderer's).
    pub title: String,
    /// Each year shown.
    pub years: Vec<YearMeans>,
    /// Over the years shown.
    pub total: Means,
    /// Its share of the plan's planned total, in percent (one decimal in
    /// JSON).
    #[serde(serialize_with = "tenths")]
    pub share_planned: Option<f64>,
    /// Its share of the plan's spent total, in percent.
    #[serde(serialize_with = "tenths")]
    pub share_spent: Option<f64>,
}

/// One block of lines (the whole selection, or one group of `--by`).
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// The group; the whole selection when none.
    pub group: Group,
    /// The axes with lines in the block, each with its objectives.
    pub axes: Vec<AxisBlock>,
}

/// An axis of a block, with its rollup and objectives.
#[derive(Debug, Clone, Serialize)]
pub struct AxisBlock {
    /// The axis rollup.
    pub rollup: Group,
    /// Its objectives with lines.
    pub objectives: Vec<ObjectiveBlock>,
}

/// An objective of a block, with its rollup and lines.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveBlock {
    /// The objective rollup.
    pub rollup: Group,
    /// Its lines, by sheet then in file order.
    pub lines: Vec<LineRow>,
}

/// The budget; its JSON is its serialization.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetReport {
    /// The date it is computed as of.
    pub as_of: NaiveDate,
    /// The years shown.
    pub years: Vec<i32>,
    /// The block split, if any.
    pub by: Option<BudgetBy>,
    /// The funder it is narrowed to, if any.
    pub funder: Option<String>,
    /// The whole selection.
    pub total: Group,
    /// By funder, in `partners.yaml` order.
    pub funders: Vec<Group>,
    /// By nature.
    pub natures: Vec<Group>,
    /// The blocks: one for the whole selection, or one per group.
    pub blocks: Vec<Block>,
    /// The plan has budget lines, whether the selection keeps any or not.
    #[serde(skip)]
    pub plan_has_lines: bool,
}

impl BudgetReport {
    /// Every line, once, in plan order.
    pub fn lines(&self) -> impl Iterator<Item = &LineRow> {
        let first = self.blocks.first();
        first
            .into_iter()
            .flat_map(|b| &b.axes)
            .flat_map(|a| &a.objectives)
            .flat_map(|o| &o.lines)
    }

    /// True when no line is shown.
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(|b| b.axes.is_empty())
    }
}

fn group(id: &str, title: &str, rows: &[&LineRow], years: &[i32]) -> Group {
    let per_year = years
        .iter()
        .enumerate()
        .map(|(i, &year)| YearMeans {
            year,
            means: Means::total(rows.iter().map(|r| r.years[i].means)),
        })
        .collect();
    Group {
        id: id.to_string(),
        title: title.to_string(),
        years: per_year,
        total: Means::total(rows.iter().map(|r| r.total)),
        share_planned: None,
        share_spent: None,
    }
}

/// The group with its shares of `whole`.
fn shared(mut g: Group, whole: &Means) -> Group {
    g.share_planned = g
        .total
        .planned
        .zip(whole.planned)
        .and_then(|(p, w)| p.percent_of(w));
    g.share_spent = g.total.spent.percent_of(whole.spent);
    g
}

fn line_row(
    plan: &Plan,
    sheet: &Sheet,
    line: &BudgetLine,
    years: &[i32],
    span: Years,
    as_of: NaiveDate,
) -> LineRow {
    LineRow {
        sheet: sheet.id.value.clone(),
        title: sheet.title.clone(),
        line: line.id.value.clone(),
        funder: line.funder.value.clone(),
        funder_name: plan
            .partner(&line.funder)
            .map_or_else(|| line.funder.value.clone(), |p| p.name.clone()),
        nature: line.nature,
        scheme: line.scheme.clone(),
        years: years
            .iter()
            .map(|&year| YearMeans {
                year,
                means: line_means(sheet, line, Years::One(year), as_of),
            })
            .collect(),
        total: line_means(sheet, line, span, as_of),
    }
}

/// The lines of `rows` grouped by axis and objective.
fn block(plan: &Plan, g: Group, rows: &[&LineRow], years: &[i32]) -> Block {
    let mut axes = Vec::new();
    for axis in &plan.axes {
        let mut objectives = Vec::new();
        for o in &axis.objectives {
            let lines: Vec<&LineRow> = rows
                .iter()
                .copied()
                .filter(|r| parent_id(&r.sheet) == Some(o.id.as_str()))
                .collect();
            if !lines.is_empty() {
                objectives.push(ObjectiveBlock {
                    rollup: group(&o.id, &o.title, &lines, years),
                    lines: lines.into_iter().cloned().collect(),
                });
            }
        }
        if !objectives.is_empty() {
            let lines: Vec<&LineRow> = objectives.iter().flat_map(|o| &o.lines).collect();
            axes.push(AxisBlock {
                rollup: group(&axis.id, &axis.title, &lines, years),
                objectives,
            });
        }
    }
    Block { group: g, axes }
}

/// Builds the budget of the selection as of `as_of`.
pub fn build(plan: &Plan, as_of: NaiveDate, sel: &Selection) -> BudgetReport {
    let p = *plan.convention.period;
    let (years, span) = match sel.year {
        Some(y) => (vec![y], Years::One(y)),
        None => ((p.start..=p.end).collect::<Vec<_>>(), Years::All),
    };
    let stale = plan.convention.stale_after_months;
    let mut rows = Vec::new();
    for sheet in &plan.sheets {
        if !sel.filter.accepts(sheet, &sheet_state(sheet, stale, as_of)) {
            continue;
        }
        for line in &sheet.budget {
            if sel.funder.as_ref().is_none_or(|f| *f == line.funder.value) {
                rows.push(line_row(plan, sheet, line, &years, span, as_of));
            }
        }
    }
    let all: Vec<&LineRow> = rows.iter().collect();
    let total = group("", "", &all, &years);
    let of = |keep: &dyn Fn(&LineRow) -> bool| -> Vec<&LineRow> {
        rows.iter().filter(|r| keep(r)).collect()
    };
    let funders: Vec<Group> = plan
        .partners
        .iter()
        .filter_map(|partner| {
            let lines = of(&|r| r.funder == partner.id.value);
            (!lines.is_empty()).then(|| {
                shared(
                    group(&partner.id, &partner.name, &lines, &years),
                    &total.total,
                )
            })
        })
        .collect();
    let natures: Vec<Group> = [Nature::Operating, Nature::Investment]
        .into_iter()
        .filter_map(|n| {
            let lines = of(&|r| r.nature == n);
            (!lines.is_empty()).then(|| shared(group(n.key(), "", &lines, &years), &total.total))
        })
        .collect();
    let blocks = match sel.by {
        None => vec![block(plan, total.clone(), &all, &years)],
        Some(BudgetBy::Funder) => funders
            .iter()
            .map(|g| block(plan, g.clone(), &of(&|r| r.funder == g.id), &years))
            .collect(),
        Some(BudgetBy::Nature) => natures
            .iter()
            .map(|g| block(plan, g.clone(), &of(&|r| r.nature.key() == g.id), &years))
            .collect(),
        Some(BudgetBy::Axis) => plan
            .axes
            .iter()
            .filter_map(|a| {
                let lines = of(&|r| r.sheet.starts_with(&format!("{}.", a.id.value)));
                (!lines.is_empty()).then(|| {
                    block(
                        plan,
                        shared(group(&a.id, &a.title, &lines, &years), &total.total),
                        &lines,
                        &years,
                    )
                })
            })
            .collect(),
        Some(BudgetBy::Field) => plan
            .convention
            .fields
            .iter()
            .filter_map(|f| {
                let lines = of(&|r| {
                    plan.sheet(&r.sheet)
                        .is_some_and(|s| s.fields.iter().any(|x| x.value == f.id.value))
                });
                (!lines.is_empty()).then(|| {
                    block(
                        plan,
                        shared(group(&f.id, &f.label, &lines, &years), &total.total),
                        &lines,
                        &years,
                    )
                })
            })
            .collect(),
    };
    BudgetReport {
        as_of,
        years,
        by: sel.by,
        funder: sel.funder.clone(),
        total,
        funders,
        natures,
        blocks,
        plan_has_lines: plan.sheets.iter().any(|s| !s.budget.is_empty()),
    }
}

//! The yearly summary: one column per year, one block per group.

use crate::compute::{Means, YearFigures, Years, means_of, year_end, year_figures};
use crate::model::{Plan, Sheet, parent_id};
use chrono::NaiveDate;
use serde::Serialize;

/// How to split the summary into blocks, besides the whole plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// One block per axis.
    Axis,
    /// One block per objective.
    Objective,
    /// One block per field (a sheet counts in each of its fields).
    Field,
}

/// One block: a group of sheets and its figures per year.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// Group id (none for the whole plan).
    #[serde(rename = "group")]
    pub id: Option<String>,
    /// Group title.
    pub title: String,
    /// Sheets in the group.
    pub sheets: usize,
    /// Figures per year, in the summary's years.
    pub years: Vec<BlockYear>,
}

/// A year of a block; its figures are none (`null`) after the as-of date.
#[derive(Debug, Clone, Serialize)]
pub struct BlockYear {
    /// The year.
    pub year: i32,
    /// Its figures.
    pub figures: Option<YearFigures>,
    /// Euros planned and spent in the year, as of its end or the as-of
    /// date (`null` after the as-of date).
    pub means: Option<Means>,
}

/// The summary; its JSON is its serialization.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The years shown (each block's years say them in JSON).
    #[serde(skip)]
    pub years: Vec<i32>,
    /// The date it is computed as of.
    pub as_of: NaiveDate,
    /// The whole plan, then one block per group.
    pub blocks: Vec<Block>,
    /// The plan has budget lines: the summary shows euros planned and spent.
    #[serde(skip)]
    pub budget: bool,
}

fn block(
    plan: &Plan,
    id: Option<String>,
    title: String,
    sheets: Vec<&Sheet>,
    years: &[i32],
    as_of: NaiveDate,
) -> Block {
    let stale = plan.convention.stale_after_months;
    Block {
        id,
        title,
        sheets: sheets.len(),
        years: years
            .iter()
            .map(|&year| BlockYear {
                year,
                figures: year_figures(&sheets, stale, year, as_of),
                means: year_end(year, as_of)
                    .map(|at| means_of(sheets.iter().copied(), Years::One(year), at)),
            })
            .collect(),
    }
}

/// Builds the summary of `years` as of `as_of`.
pub fn build(plan: &Plan, years: Vec<i32>, as_of: NaiveDate, by: Option<GroupBy>) -> Summary {
    let all: Vec<&Sheet> = plan.sheets.iter().collect();
    let mut blocks = vec![block(plan, None, String::new(), all, &years, as_of)];
    match by {
        Some(GroupBy::Axis) => {
            for a in &plan.axes {
                let sheets = plan.sheets_under(&a.id).collect();
                blocks.push(block(
                    plan,
                    Some(a.id.value.clone()),
                    a.title.clone(),
                    sheets,
                    &years,
                    as_of,
                ));
            }
        }
        Some(GroupBy::Objective) => {
            for (_, o) in plan.objectives() {
                let sheets = plan
                    .sheets
                    .iter()
                    .filter(|s| parent_id(&s.id) == Some(o.id.as_str()))
                    .collect();
                blocks.push(block(
                    plan,
                    Some(o.id.value.clone()),
                    o.title.clone(),
                    sheets,
                    &years,
                    as_of,
                ));
            }
        }
        Some(GroupBy::Field) => {
            for f in &plan.convention.fields {
                let sheets = plan
                    .sheets
                    .iter()
                    .filter(|s| s.fields.iter().any(|x| x.value == f.id.value))
                    .collect();
                blocks.push(block(
                    plan,
                    Some(f.id.value.clone()),
                    f.label.clone(),
                    sheets,
                    &years,
                    as_of,
                ));
            }
        }
        None => {}
    }
    Summary {
        years,
        as_of,
        blocks,
        budget: plan.sheets.iter().any(|s| !s.budget.is_empty()),
    }
}

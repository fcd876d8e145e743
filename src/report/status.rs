//! The status report: every action sheet as of a date, grouped by axis and
//! objective, with rollups over the sheets shown.

use crate::compute::{Health, Rollup, SheetState, next_milestone, sheet_state};
use crate::model::{Plan, Sheet, Status, parent_id};
use chrono::NaiveDate;
use serde::Serialize;

/// Which sheets to show; all conditions must hold.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Under this axis.
    pub axis: Option<String>,
    /// Under this objective.
    pub objective: Option<String>,
    /// In this field.
    pub field: Option<String>,
    /// Led by or partnered with this partner.
    pub partner: Option<String>,
    /// With one of these statuses (empty: any).
    pub statuses: Vec<Status>,
    /// Only late sheets.
    pub late: bool,
    /// Only stale sheets.
    pub stale: bool,
}

impl Filter {
    /// True when `sheet`, standing at `state`, passes every filter.
    pub fn accepts(&self, sheet: &Sheet, state: &SheetState) -> bool {
        let under = |id: &Option<String>| {
            id.as_ref()
                .is_none_or(|p| sheet.id.starts_with(&format!("{p}.")))
        };
        under(&self.axis)
            && under(&self.objective)
            && self
                .field
                .as_ref()
                .is_none_or(|f| sheet.fields.iter().any(|x| x.value == *f))
            && self.partner.as_ref().is_none_or(|p| {
                sheet
                    .lead
                    .iter()
                    .chain(&sheet.partners)
                    .any(|x| x.value == *p)
            })
            && (self.statuses.is_empty() || self.statuses.contains(&state.status))
            && (!self.late || state.late)
            && (!self.stale || state.stale)
    }
}

/// The status report; serialized as the `status` JSON document (after its
/// version), in field order.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    /// The date it is computed as of.
    pub as_of: NaiveDate,
    /// The convention's name.
    pub convention: String,
    /// Axes with at least one sheet shown.
    pub axes: Vec<AxisGroup>,
    /// Rollup of every sheet shown.
    pub total: Rollup,
    /// Only late sheets are shown (`--late`): the terminal keeps the
    /// column that says why at every width.
    #[serde(skip)]
    pub late_only: bool,
}

/// An axis and the sheets shown under it.
#[derive(Debug, Clone, Serialize)]
pub struct AxisGroup {
    /// Axis id.
    pub id: String,
    /// Axis title.
    pub title: String,
    /// Rollup of its sheets shown.
    pub rollup: Rollup,
    /// Latest entry among its sheets shown.
    #[serde(skip)]
    pub last_entry: Option<NaiveDate>,
    /// Its objectives with sheets shown.
    pub objectives: Vec<ObjectiveGroup>,
}

/// An objective and its sheets shown.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveGroup {
    /// Objective id.
    pub id: String,
    /// Objective title.
    pub title: String,
    /// Rollup of its sheets shown.
    pub rollup: Rollup,
    /// Latest entry among its sheets shown.
    #[serde(skip)]
    pub last_entry: Option<NaiveDate>,
    /// Its sheets shown.
    pub sheets: Vec<SheetRow>,
}

/// One action sheet's line.
#[derive(Debug, Clone, Serialize)]
pub struct SheetRow {
    /// Sheet id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Lead's name (or id if unknown).
    pub lead: Option<String>,
    /// Computed state.
    #[serde(flatten)]
    pub state: SheetState,
    /// The earliest milestone not reached: title, due date, overdue.
    pub next_milestone: Option<NextMilestone>,
}

/// The next milestone of a sheet.
#[derive(Debug, Clone, Serialize)]
pub struct NextMilestone {
    /// Milestone id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Due date, if any.
    pub due: Option<NaiveDate>,
    /// Due before the as-of date.
    pub overdue: bool,
}

/// Builds the status report of `plan` as of `as_of` for the sheets `filter` accepts.
pub fn build(plan: &Plan, as_of: NaiveDate, filter: &Filter) -> StatusReport {
    let rows: Vec<SheetRow> = plan
        .sheets
        .iter()
        .filter_map(|sheet| {
            let state = sheet_state(sheet, plan.convention.stale_after_months, as_of);
            filter
                .accepts(sheet, &state)
                .then(|| row(plan, sheet, state, as_of))
        })
        .collect();
    let mut axes = Vec::new();
    for axis in &plan.axes {
        let mut objectives = Vec::new();
        for o in &axis.objectives {
            let sheets: Vec<SheetRow> = rows
                .iter()
                .filter(|r| parent_id(&r.id) == Some(o.id.as_str()))
                .cloned()
                .collect();
            if sheets.is_empty() {
                continue;
            }
            objectives.push(ObjectiveGroup {
                id: o.id.value.clone(),
                title: o.title.clone(),
                rollup: Rollup::of(sheets.iter().map(|r| &r.state)),
                last_entry: sheets.iter().filter_map(|r| r.state.last_entry).max(),
                sheets,
            });
        }
        if objectives.is_empty() {
            continue;
        }
        let all = objectives.iter().flat_map(|o| &o.sheets);
        axes.push(AxisGroup {
            id: axis.id.value.clone(),
            title: axis.title.clone(),
            rollup: Rollup::of(all.clone().map(|r| &r.state)),
            last_entry: all.filter_map(|r| r.state.last_entry).max(),
            objectives,
        });
    }
    let shown = axes
        .iter()
        .flat_map(|a| &a.objectives)
        .flat_map(|o| &o.sheets);
    StatusReport {
        as_of,
        convention: plan.convention.name.clone(),
        total: Rollup::of(shown.map(|r| &r.state)),
        axes,
        late_only: filter.late,
    }
}

fn row(plan: &Plan, sheet: &Sheet, state: SheetState, as_of: NaiveDate) -> SheetRow {
    let lead = sheet.lead.as_ref().map(|l| {
        plan.partner(l)
            .map_or_else(|| l.value.clone(), |p| p.name.clone())
    });
    let next_milestone = next_milestone(sheet, &state).map(|m| NextMilestone {
        id: m.id.value.clone(),
        title: m.title.clone(),
        due: m.due_date(),
        overdue: m.due_before(as_of),
    });
    SheetRow {
        id: sheet.id.value.clone(),
        title: sheet.title.clone(),
        lead,
        state,
        next_milestone,
    }
}

impl StatusReport {
    /// Every row, in order.
    pub fn rows(&self) -> impl Iterator<Item = (&AxisGroup, &ObjectiveGroup, &SheetRow)> {
        self.axes.iter().flat_map(|a| {
            a.objectives
                .iter()
                .flat_map(move |o| o.sheets.iter().map(move |s| (a, o, s)))
        })
    }

    /// True when no sheet is shown.
    pub fn is_empty(&self) -> bool {
        self.axes.is_empty()
    }
}

/// Health counts as `(health, count)` for the non-zero ones, in display order.
pub fn health_counts(r: &Rollup) -> Vec<(Health, usize)> {
    Health::ALL
        .into_iter()
        .map(|h| (h, r.health(h)))
        .filter(|(_, n)| *n > 0)
        .collect()
}

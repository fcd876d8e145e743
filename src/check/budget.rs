//! Means: budget lines name partners and years of the period; amounts
//! spent name the sheet's lines and stay within what is planned.

use super::{Ctx, Out};
use crate::diag::{Problem, suggest};
use crate::model::{Entry, Located, Money, Sheet};
use chrono::Datelike;
use std::collections::BTreeMap;

/// What a line spent in one year, in date order.
struct YearSpent<'a> {
    total: Money,
    first: &'a Located<Money>,
    last: &'a Located<Money>,
    /// The first amount after which the year's running total is below
    /// zero (a correction dated before what it corrects, or too large),
    /// with that total.
    below_zero: Option<(&'a Located<Money>, Money)>,
}

/// Each known line's spending per year, from the entries in date order.
fn spending<'a>(
    sheet: &'a Sheet,
    entries: &[&'a Entry],
) -> BTreeMap<(&'a str, i32), YearSpent<'a>> {
    let mut out: BTreeMap<(&str, i32), YearSpent> = BTreeMap::new();
    for e in entries {
        for (line, amount) in &e.spent {
            let Some(line) = sheet.budget.iter().find(|l| l.id.value == line.value) else {
                continue;
            };
            let year = out
                .entry((line.id.as_str(), e.date.year()))
                .or_insert(YearSpent {
                    total: Money::ZERO,
                    first: amount,
                    last: amount,
                    below_zero: None,
                });
            year.total += amount.value;
            year.last = amount;
            if year.total.is_negative() && year.below_zero.is_none() {
                year.below_zero = Some((amount, year.total));
            }
        }
    }
    out
}

/// The sheets with budget lines, with their entries in date order.
fn budgeted<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (&'a Sheet, &'a [&'a Entry])> {
    ctx.plan
        .sheets
        .iter()
        .zip(&ctx.in_order)
        .filter(|(s, _)| !s.budget.is_empty())
        .map(|(s, e)| (s, e.as_slice()))
}

/// `unknown-funder`: a line's funder is a partner.
pub(super) fn unknown_funder(ctx: &Ctx, out: &mut Out) {
    if ctx.unread.partners {
        return;
    }
    let known: Vec<&str> = ctx.plan.partners.iter().map(|p| p.id.as_str()).collect();
    for s in ctx.plan.sheets.iter().chain(ctx.damaged) {
        for line in &s.budget {
            if !known.contains(&line.funder.as_str()) {
                let problem = Problem::UnknownFunder {
                    id: line.funder.value.clone(),
                    suggestion: suggest(&line.funder, known.iter().copied()),
                };
                out.error(problem, &s.file, &line.funder);
            }
        }
    }
}

/// `unknown-budget-line`: `spent` names lines of the sheet.
pub(super) fn unknown_budget_line(ctx: &Ctx, out: &mut Out) {
    for s in &ctx.plan.sheets {
        let lines: Vec<&str> = s.budget.iter().map(|l| l.id.as_str()).collect();
        for (id, _) in s.journal.iter().flat_map(|e| &e.spent) {
            if !lines.contains(&id.as_str()) {
                let problem = Problem::UnknownBudgetLine {
                    id: id.value.clone(),
                    suggestion: suggest(id, lines.iter().copied()),
                };
                out.error(problem, &s.file, id);
            }
        }
    }
}

/// `budget-year`: amounts are planned for years of the period.
pub(super) fn budget_year(ctx: &Ctx, out: &mut Out) {
    if !ctx.period_known {
        return;
    }
    let p = *ctx.plan.convention.period;
    for s in &ctx.plan.sheets {
        for (year, amount) in s.budget.iter().flat_map(|l| &l.planned) {
            if !(p.start..=p.end).contains(year) {
                let problem = Problem::BudgetYear {
                    year: *year,
                    period: (p.start, p.end),
                };
                out.error(problem, &s.file, amount);
            }
        }
    }
}

/// `negative-spent`: corrections never take a line's year below zero, at
/// any date of the year (spent(line, N) as of that date: a correction dated
/// before the amount it corrects is refused too).
pub(super) fn negative_spent(ctx: &Ctx, out: &mut Out) {
    for (s, entries) in budgeted(ctx) {
        for ((line, year), spent) in spending(s, entries) {
            if let Some((at, total)) = spent.below_zero {
                let problem = Problem::NegativeSpent {
                    line: line.to_string(),
                    year,
                    total: Box::new(total),
                };
                out.error(problem, &s.file, at);
            }
        }
    }
}

/// `overspent`: a line spends no more in a year than is planned for it.
pub(super) fn overspent(ctx: &Ctx, out: &mut Out) {
    for (s, entries) in budgeted(ctx) {
        for ((line, year), spent) in spending(s, entries) {
            let Some(l) = s.budget.iter().find(|l| l.id.value == line) else {
                continue;
            };
            if let Some(planned) = l.planned_in(year).filter(|p| spent.total > *p) {
                let problem = Problem::Overspent {
                    line: line.to_string(),
                    year,
                    amounts: Box::new([spent.total, planned]),
                };
                out.warn(problem, &s.file, spent.last);
            }
        }
    }
}

/// `spent-no-plan`: a line spends only in years something is planned.
pub(super) fn spent_no_plan(ctx: &Ctx, out: &mut Out) {
    for (s, entries) in budgeted(ctx) {
        for ((line, year), spent) in spending(s, entries) {
            let Some(l) = s.budget.iter().find(|l| l.id.value == line) else {
                continue;
            };
            if l.planned_in(year).is_none() && spent.total != Money::ZERO {
                let problem = Problem::SpentNoPlan {
                    line: line.to_string(),
                    year,
                };
                out.warn(problem, &s.file, spent.first);
            }
        }
    }
}

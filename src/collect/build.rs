//! Building a partner's workbook from the plan as of a date.

use super::{Column, Fill, Form, FormKind, FormSheet, Given, Identity, Row, fingerprint};
use crate::compute::labels::{nature_label, status_label};
use crate::compute::{SheetState, Years, indicator_value, line_means, sheet_state};
use crate::i18n::fmt::{colon, short_date};
use crate::i18n::{L, Lang};
use crate::model::{Plan, Sheet, Status};
use chrono::NaiveDate;

/// The partners to ask by default: every partner that leads or takes part
/// in a sheet not done or abandoned, or funds one of its budget lines, in
/// `partners.yaml` order.
pub fn partners_to_ask(plan: &Plan, as_of: NaiveDate) -> Vec<String> {
    let stale = plan.convention.stale_after_months;
    let open: Vec<&Sheet> = plan
        .sheets
        .iter()
        .filter(|s| !sheet_state(s, stale, as_of).is_closed())
        .collect();
    plan.partners
        .iter()
        .filter(|p| open.iter().any(|s| concerns(s, &p.id)))
        .map(|p| p.id.value.clone())
        .collect()
}

/// The partner leads the sheet, takes part in it or funds one of its lines.
fn concerns(sheet: &Sheet, partner: &str) -> bool {
    sheet
        .lead
        .iter()
        .chain(&sheet.partners)
        .any(|p| p.value == partner)
        || sheet.budget.iter().any(|l| l.funder.value == partner)
}

fn given(header: L, lang: Lang) -> Column {
    Column {
        header: header.get(lang).to_string(),
        fill: None,
    }
}

fn to_fill(header: L, fill: Fill, lang: Lang) -> Column {
    Column {
        header: header.get(lang).to_string(),
        fill: Some(fill),
    }
}

/// The workbook of `partner` for `year`, to send back by `due`.
pub fn build(
    plan: &Plan,
    partner: &str,
    year: i32,
    due: Option<NaiveDate>,
    as_of: NaiveDate,
    lang: Lang,
) -> Form {
    let stale = plan.convention.stale_after_months;
    let sheets: Vec<(&Sheet, SheetState)> = plan
        .sheets
        .iter()
        .map(|s| (s, sheet_state(s, stale, as_of)))
        .filter(|(s, st)| !st.is_closed() && concerns(s, partner))
        .collect();
    let identity = |kind| {
        Identity {
            kind,
            partner: partner.to_string(),
            year,
            plan: fingerprint(&plan.convention.name),
        }
        .text()
    };
    let statuses: Vec<String> = Status::ALL
        .iter()
        .map(|s| status_label(*s, lang).to_string())
        .collect();
    let mut out = Vec::new();

    let rows: Vec<Row> = sheets
        .iter()
        .filter(|(s, _)| s.lead.iter().chain(&s.partners).any(|p| p.value == partner))
        .map(|(s, st)| Row {
            key: s.id.value.clone(),
            given: vec![
                Given::Text(s.id.value.clone()),
                Given::Text(s.title.clone()),
                Given::Text(status_label(st.status, lang).to_string()),
                Given::Percent(st.progress),
                st.last_entry.map_or(Given::Empty, Given::Date),
            ],
        })
        .collect();
    out.push(FormSheet {
        kind: FormKind::Sheets,
        columns: vec![
            given(L::Id, lang),
            given(L::Title, lang),
            given(L::CurrentStatus, lang),
            given(L::Progress, lang),
            given(L::LastEntry, lang),
            to_fill(L::Date, Fill::Date, lang),
            to_fill(L::Status, Fill::Status(statuses), lang),
            to_fill(L::Progress, Fill::Progress, lang),
            to_fill(L::FormNote, Fill::Text, lang),
            to_fill(L::FormDifficulties, Fill::Text, lang),
            to_fill(L::FormNext, Fill::Text, lang),
            to_fill(L::FormDecision, Fill::Text, lang),
        ],
        rows,
        identity: identity(FormKind::Sheets),
    });

    let mut rows = Vec::new();
    for (s, _) in &sheets {
        for i in &s.indicators {
            let last = crate::create::renew::last_measure(s, i, as_of);
            rows.push(Row {
                key: format!("{}/{}", s.id.value, i.id.value),
                given: vec![
                    Given::Text(s.id.value.clone()),
                    Given::Text(i.label.clone()),
                    i.unit.clone().map_or(Given::Empty, Given::Text),
                    Given::number(i.baseline.as_ref().map(|b| b.value)),
                    Given::number(last.as_ref().map(|b| b.value)),
                    Given::number(indicator_value(s, &i.id, year, as_of)),
                    Given::number(i.targets.get(&year).map(|t| t.value)),
                ],
            });
        }
    }
    out.push(FormSheet {
        kind: FormKind::Indicators,
        columns: vec![
            given(L::Sheet, lang),
            given(L::Indicator, lang),
            given(L::Unit, lang),
            given(L::FormBaseline, lang),
            given(L::FormLastValue, lang),
            Column {
                header: format!("{} {year}", L::FormValueOfYear.get(lang)),
                fill: None,
            },
            Column {
                header: format!("{} {year}", L::FormTarget.get(lang)),
                fill: None,
            },
            to_fill(L::Date, Fill::Date, lang),
            to_fill(L::FormValue, Fill::Number, lang),
        ],
        rows,
        identity: identity(FormKind::Indicators),
    });

    let mut rows = Vec::new();
    for (s, st) in &sheets {
        for m in s.milestones.iter().filter(|m| !st.has_reached(&m.id)) {
            rows.push(Row {
                key: format!("{}/{}", s.id.value, m.id.value),
                given: vec![
                    Given::Text(s.id.value.clone()),
                    Given::Text(m.id.value.clone()),
                    Given::Text(m.title.clone()),
                    m.due_date().map_or(Given::Empty, Given::Date),
                ],
            });
        }
    }
    out.push(FormSheet {
        kind: FormKind::Milestones,
        columns: vec![
            given(L::Sheet, lang),
            given(L::MilestoneId, lang),
            given(L::Title, lang),
            given(L::FormDue, lang),
            to_fill(L::ReachedOn, Fill::Date, lang),
        ],
        rows,
        identity: identity(FormKind::Milestones),
    });

    let mut rows = Vec::new();
    for (s, _) in &sheets {
        for line in s.budget.iter().filter(|l| l.funder.value == partner) {
            let m = line_means(s, line, Years::One(year), as_of);
            rows.push(Row {
                key: format!("{}/{}", s.id.value, line.id.value),
                given: vec![
                    Given::Text(s.id.value.clone()),
                    Given::Text(line.id.value.clone()),
                    line.scheme.clone().map_or(Given::Empty, Given::Text),
                    Given::Text(nature_label(line.nature, lang).to_string()),
                    m.planned.map_or(Given::Empty, Given::Money),
                    Given::Money(m.spent),
                ],
            });
        }
    }
    out.push(FormSheet {
        kind: FormKind::Funding,
        columns: vec![
            given(L::Sheet, lang),
            given(L::BudgetLine, lang),
            given(L::Scheme, lang),
            given(L::NatureCol, lang),
            Column {
                header: format!("{} {year}", L::PlannedAmount.get(lang)),
                fill: None,
            },
            Column {
                header: format!("{} {year}", L::SpentAmount.get(lang)),
                fill: None,
            },
            to_fill(L::AmountSpent, Fill::Amount, lang),
            to_fill(L::Date, Fill::Date, lang),
        ],
        rows,
        identity: identity(FormKind::Funding),
    });
    out.retain(|s| !s.rows.is_empty());

    let name = plan
        .partner(partner)
        .map_or(partner, |p| p.name.as_str())
        .to_string();
    let c = colon(lang);
    let title = format!(
        "{} {year} — {}",
        L::CollectTitle.get(lang),
        plan.convention.name
    );
    let mut readme = vec![
        title.clone(),
        format!("{}{c} {name}", L::CollectFor.get(lang)),
    ];
    if let Some(due) = due {
        readme.push(format!(
            "{} {}",
            L::CollectDue.get(lang),
            short_date(due, lang)
        ));
    }
    if let Some(contact) = plan.convention.coordinator.as_ref().and_then(|k| {
        k.email
            .clone()
            .or_else(|| k.name.clone())
            .or_else(|| k.role.clone())
    }) {
        readme.push(format!("{}{c} {contact}", L::CollectReturnTo.get(lang)));
    }
    readme.extend(
        [
            L::CollectHowFill,
            L::CollectHowFormats,
            L::CollectHowSheets,
            L::CollectHowIndicators,
            L::CollectHowMilestones,
            L::CollectHowFunding,
        ]
        .map(|l| l.get(lang).to_string()),
    );
    Form {
        title,
        partner: partner.to_string(),
        year,
        readme,
        sheets: out,
    }
}

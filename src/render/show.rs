//! `ctg show`: one axis, objective, sheet or field in full, as text.

use crate::compute::labels::{health_label, partner_kind_label, status_label};
use crate::compute::{Rollup, SheetState, indicator_value, sheet_state};
use crate::i18n::fmt::{bar, colon, number, percent, short_date};
use crate::i18n::{L, Lang};
use crate::model::{Plan, Sheet, parent_id};
use crate::safe::safe;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

fn state_line(state: &SheetState, lang: Lang) -> String {
    format!(
        "{} · {} · {} {}",
        status_label(state.status, lang),
        health_label(state.health, lang),
        bar(state.progress),
        percent(state.progress, lang)
    )
}

fn rollup_line(r: &Rollup, lang: Lang) -> String {
    let opt = |v: Option<f64>| v.map_or_else(|| "—".into(), |v| percent(v, lang));
    format!(
        "{} · {} {} · {} {}",
        crate::render::status::sheets_count(r.sheets, lang),
        L::CompletionRate.get(lang),
        opt(r.completion_rate),
        L::MeanProgress.get(lang),
        opt(r.mean_progress)
    )
}

fn sheet_line(plan: &Plan, sheet: &Sheet, as_of: NaiveDate, lang: Lang) -> String {
    let state = sheet_state(sheet, plan.convention.stale_after_months, as_of);
    format!(
        "    {} {}\n          {}\n",
        sheet.id.value,
        safe(&sheet.title),
        state_line(&state, lang)
    )
}

fn states<'a>(
    plan: &'a Plan,
    sheets: impl Iterator<Item = &'a Sheet>,
    as_of: NaiveDate,
) -> Vec<SheetState> {
    sheets
        .map(|s| sheet_state(s, plan.convention.stale_after_months, as_of))
        .collect()
}

/// An axis or an objective with its sheets.
pub fn group(plan: &Plan, id: &str, as_of: NaiveDate, lang: Lang) -> Option<String> {
    let mut out = String::new();
    if let Some(axis) = plan.axes.iter().find(|a| a.id.value == id) {
        let r = Rollup::of(&states(plan, plan.sheets_under(id), as_of));
        let _ = writeln!(
            out,
            "{} {} — {}\n{}\n",
            L::Axis.get(lang),
            id,
            safe(&axis.title),
            rollup_line(&r, lang)
        );
        for o in &axis.objectives {
            let _ = writeln!(
                out,
                "  {} {} — {}",
                L::Objective.get(lang),
                o.id.value,
                safe(&o.title)
            );
            for s in plan.sheets_under(&o.id) {
                out.push_str(&sheet_line(plan, s, as_of, lang));
            }
        }
        return Some(out);
    }
    let (axis, o) = plan.objectives().find(|(_, o)| o.id.value == id)?;
    let r = Rollup::of(&states(plan, plan.sheets_under(id), as_of));
    let _ = writeln!(
        out,
        "{} {} — {}",
        L::Objective.get(lang),
        id,
        safe(&o.title)
    );
    let _ = writeln!(
        out,
        "{} {} — {}\n{}\n",
        L::Axis.get(lang),
        axis.id.value,
        safe(&axis.title),
        rollup_line(&r, lang)
    );
    for s in plan.sheets_under(id) {
        out.push_str(&sheet_line(plan, s, as_of, lang));
    }
    Some(out)
}

/// One action sheet in full.
pub fn sheet(plan: &Plan, s: &Sheet, as_of: NaiveDate, lang: Lang) -> String {
    let c = colon(lang);
    let state = sheet_state(s, plan.convention.stale_after_months, as_of);
    let mut out = format!(
        "{} {} — {}\n",
        L::Sheet.get(lang),
        s.id.value,
        safe(&s.title)
    );
    let objective = parent_id(&s.id).unwrap_or_default();
    if let Some((axis, o)) = plan.objectives().find(|(_, o)| o.id.value == objective) {
        let _ = writeln!(
            out,
            "{} {} — {}",
            L::Axis.get(lang),
            axis.id.value,
            safe(&axis.title)
        );
        let _ = writeln!(
            out,
            "{} {} — {}",
            L::Objective.get(lang),
            o.id.value,
            safe(&o.title)
        );
    }
    let _ = writeln!(
        out,
        "\n{}{c} {} ({})",
        L::Status.get(lang),
        state_line(&state, lang),
        crate::i18n::fmt::as_of(as_of, lang)
    );
    let partner = |id: &str| {
        plan.partner(id)
            .map_or_else(|| id.to_string(), |p| safe(&p.name))
    };
    let line = |out: &mut String, label: L, items: Vec<String>| {
        if !items.is_empty() {
            let _ = writeln!(out, "{}{c} {}", label.get(lang), items.join(", "));
        }
    };
    line(
        &mut out,
        L::Lead,
        s.lead.iter().map(|l| partner(l)).collect(),
    );
    line(
        &mut out,
        L::Partners,
        s.partners.iter().map(|p| partner(p)).collect(),
    );
    line(
        &mut out,
        L::Fields,
        s.fields
            .iter()
            .map(|f| {
                plan.field(f)
                    .map_or_else(|| f.value.clone(), |f| safe(&f.label))
            })
            .collect(),
    );
    line(
        &mut out,
        L::Tracks,
        s.tracks
            .iter()
            .map(|t| {
                plan.tracks
                    .iter()
                    .find(|x| x.id.value == t.value)
                    .map_or_else(|| t.value.clone(), |x| safe(&x.title))
            })
            .collect(),
    );
    line(
        &mut out,
        L::Audience,
        s.audience.iter().map(|a| safe(a)).collect(),
    );
    let recurring = if s.recurring {
        format!(" ({})", L::Recurring.get(lang))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{}{c} {}-{}{recurring}",
        L::Schedule.get(lang),
        s.schedule.start,
        s.schedule.end
    );
    if let Some(d) = &s.description {
        let _ = writeln!(out, "{}{c} {}", L::Description.get(lang), safe(d));
    }
    if !s.goals.is_empty() {
        let _ = writeln!(out, "{}{c}", L::Goals.get(lang));
        for g in &s.goals {
            let _ = writeln!(out, "  - {}", safe(g));
        }
    }
    milestones(&mut out, s, &state, as_of, lang);
    indicators(&mut out, plan, s, as_of, lang);
    budget(&mut out, plan, s, as_of, lang);
    journal(&mut out, s, lang);
    out
}

/// Each budget line: funder, nature, scheme, then planned, spent and
/// execution per year with something planned or spent, and the total.
fn budget(out: &mut String, plan: &Plan, s: &Sheet, as_of: NaiveDate, lang: Lang) {
    use crate::compute::{Years, line_means};
    if s.budget.is_empty() {
        return;
    }
    let c = colon(lang);
    let _ = writeln!(out, "\n{}", L::Budget.get(lang));
    let figures = |m: &crate::compute::Means| {
        let planned = m.planned.map_or_else(|| "—".to_string(), |p| p.euros(lang));
        let rate = m
            .execution()
            .map(|r| format!(" ({})", crate::i18n::fmt::percent(r, lang)))
            .unwrap_or_default();
        format!(
            "{} {planned} · {} {}{rate}",
            L::PlannedWord.get(lang),
            L::SpentWord.get(lang),
            m.spent.euros(lang)
        )
    };
    let period = *plan.convention.period;
    for line in &s.budget {
        let funder = plan
            .partner(&line.funder)
            .map_or(line.funder.as_str(), |p| p.name.as_str());
        let scheme = line
            .scheme
            .as_ref()
            .map(|s| format!(", {}", safe(s)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} — {}, {}{scheme}",
            line.id.value,
            safe(funder),
            crate::compute::labels::nature_label(line.nature, lang)
        );
        for year in period.start..=period.end {
            let m = line_means(s, line, Years::One(year), as_of);
            if !m.is_empty() {
                let _ = writeln!(out, "    {year}{c} {}", figures(&m));
            }
        }
        let total = line_means(s, line, Years::All, as_of);
        let _ = writeln!(out, "    {}{c} {}", L::Total.get(lang), figures(&total));
    }
}

fn milestones(out: &mut String, s: &Sheet, state: &SheetState, as_of: NaiveDate, lang: Lang) {
    if s.milestones.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", L::Milestones.get(lang));
    let mut sorted: Vec<_> = s.milestones.iter().collect();
    sorted.sort_by_key(|m| (m.due.is_none(), m.due_date()));
    for m in sorted {
        let reached = state
            .reached
            .iter()
            .find(|(id, _)| *id == m.id.value)
            .map(|(_, d)| *d);
        let (mark, tail) = match reached {
            Some(d) => {
                let late = if m.due_before(d) {
                    format!(", {}", L::Late.get(lang))
                } else {
                    String::new()
                };
                let on = short_date(d, lang);
                ('✔', format!(" ({} {on}{late})", L::ReachedOnDay.get(lang)))
            }
            None if m.due_before(as_of) => ('▲', format!(" ({})", L::Overdue.get(lang))),
            None => ('○', format!(" ({})", L::MilestoneUpcoming.get(lang))),
        };
        let _ = writeln!(
            out,
            "  {mark} {} {}{tail}",
            m.due_date()
                .map_or_else(|| "—".to_string(), |d| short_date(d, lang)),
            safe(&m.title)
        );
    }
}

fn indicators(out: &mut String, plan: &Plan, s: &Sheet, as_of: NaiveDate, lang: Lang) {
    if s.indicators.is_empty() {
        return;
    }
    let c = colon(lang);
    let _ = writeln!(out, "\n{}", L::Indicators.get(lang));
    let period = *plan.convention.period;
    for i in &s.indicators {
        let unit = i
            .unit
            .as_deref()
            .map(|u| format!(" ({})", safe(u)))
            .unwrap_or_default();
        let _ = writeln!(out, "  {}{unit}", safe(&i.label));
        if let Some(b) = &i.baseline {
            let _ = writeln!(
                out,
                "    {} {}{c} {}",
                L::Baseline.get(lang),
                b.year,
                number(b.value, 2, lang)
            );
        }
        for year in period.start..=period.end.min(as_of.year()) {
            let value = indicator_value(s, &i.id, year, as_of);
            let target = i.targets.get(&year).map(|t| t.value);
            if value.is_none() && target.is_none() {
                continue;
            }
            let v = value.map_or_else(|| "—".into(), |v| number(v, 2, lang));
            let t = target
                .map(|t| format!(" / {} {}", L::Target.get(lang), number(t, 2, lang)))
                .unwrap_or_default();
            let _ = writeln!(out, "    {year}{c} {v}{t}");
        }
    }
}

fn journal(out: &mut String, s: &Sheet, lang: Lang) {
    let _ = writeln!(out, "\n{}", L::Journal.get(lang));
    let entries = crate::compute::entries_until(&s.journal, NaiveDate::MAX);
    if entries.is_empty() {
        let _ = writeln!(out, "  {}", L::NoEntry.get(lang));
    }
    let c = colon(lang);
    for e in entries {
        let mut head = vec![short_date(e.date.value, lang)];
        head.extend(
            e.status
                .as_ref()
                .map(|st| status_label(st.value, lang).to_string()),
        );
        head.extend(e.progress.as_ref().map(|p| percent(p.value, lang)));
        let _ = writeln!(out, "  {}", head.join(" · "));
        let mut detail = |label: L, text: &Option<String>| {
            if let Some(t) = text {
                let _ = writeln!(
                    out,
                    "      {}{c} {}",
                    label.get(lang),
                    safe(t).replace('\n', "\n        ")
                );
            }
        };
        detail(L::Note, &e.note);
        detail(L::Difficulties, &e.difficulties);
        detail(L::Next, &e.next);
        detail(L::Decision, &e.decision);
        detail(L::By, &e.by);
        if !e.reached.is_empty() {
            let ids: Vec<&str> = e.reached.iter().map(|r| r.as_str()).collect();
            let _ = writeln!(out, "      {}{c} {}", L::Reached.get(lang), ids.join(", "));
        }
        if !e.measures.is_empty() {
            let m: Vec<String> = e
                .measures
                .iter()
                .map(|(id, v)| format!("{} = {}", id.value, number(*v, 2, lang)))
                .collect();
            let _ = writeln!(out, "      {}{c} {}", L::Measures.get(lang), m.join(", "));
        }
        if !e.spent.is_empty() {
            let _ = writeln!(
                out,
                "      {}{c} {}",
                L::SpentWord.get(lang),
                spent_text(e, lang)
            );
        }
    }
}

/// `caf-psu = 8 000,00 €, …`: what an entry spent, line by line.
pub fn spent_text(e: &crate::model::Entry, lang: Lang) -> String {
    let parts: Vec<String> = e
        .spent
        .iter()
        .map(|(id, m)| format!("{} = {}", id.value, m.value.euros(lang)))
        .collect();
    parts.join(", ")
}

/// A partner: its name, kind and contact, whether it signs the convention,
/// and the sheets it leads and those it is a partner of, each with its
/// state as of `as_of`.
pub fn partner(plan: &Plan, id: &str, as_of: NaiveDate, lang: Lang) -> Option<String> {
    let p = plan.partner(id)?;
    let c = colon(lang);
    let mut out = format!("{} {} — {}\n", L::PartnerTitle.get(lang), id, safe(&p.name));
    let mut kind = partner_kind_label(p.kind, lang).to_string();
    if plan.convention.signatories.iter().any(|s| s.value == id) {
        kind.push_str(&format!(" · {}", L::SignsConvention.get(lang)));
    }
    let _ = writeln!(out, "{}{c} {kind}", L::PartnerKindTitle.get(lang));
    if let Some(contact) = &p.contact {
        let _ = writeln!(out, "{}{c} {}", L::Contact.get(lang), safe(contact));
    }
    let lead: Vec<&Sheet> = plan
        .sheets
        .iter()
        .filter(|s| s.lead.as_ref().is_some_and(|l| l.value == id))
        .collect();
    let partner_of: Vec<&Sheet> = plan
        .sheets
        .iter()
        .filter(|s| s.partners.iter().any(|x| x.value == id))
        .collect();
    for (label, sheets) in [(L::LeadOf, lead), (L::PartnerOf, partner_of)] {
        let _ = writeln!(
            out,
            "\n{} ({})",
            label.get(lang),
            crate::i18n::fmt::as_of(as_of, lang)
        );
        if sheets.is_empty() {
            let _ = writeln!(out, "    {}", L::NoSheetListed.get(lang));
        }
        for s in sheets {
            out.push_str(&sheet_line(plan, s, as_of, lang));
        }
    }
    Some(out)
}

/// A field of intervention: its tracks, each with the sheets that name it.
pub fn field(plan: &Plan, id: &str, lang: Lang) -> Option<String> {
    let f = plan.field(id)?;
    let mut out = format!("{} — {}\n", safe(&f.label), id);
    tracks_of(&mut out, plan, id, lang);
    let sheets: Vec<String> = plan
        .sheets
        .iter()
        .filter(|s| s.fields.iter().any(|x| x.value == id))
        .map(|s| s.id.value.clone())
        .collect();
    let _ = writeln!(
        out,
        "\n{}{} {}",
        if sheets.len() > 1 {
            L::SheetsTitle
        } else {
            L::Sheet
        }
        .get(lang),
        colon(lang),
        if sheets.is_empty() {
            "—".into()
        } else {
            sheets.join(", ")
        }
    );
    Some(out)
}

fn tracks_of(out: &mut String, plan: &Plan, field: &str, lang: Lang) {
    for t in plan.tracks.iter().filter(|t| t.field.value == field) {
        let sheets: Vec<&str> = plan
            .sheets
            .iter()
            .filter(|s| s.tracks.iter().any(|x| x.value == t.id.value))
            .map(|s| s.id.as_str())
            .collect();
        let named = if sheets.is_empty() {
            L::NoSheet.get(lang).to_string()
        } else {
            sheets.join(", ")
        };
        let _ = writeln!(out, "  {} — {}\n      {named}", t.id.value, safe(&t.title));
    }
}

/// Every track, by field.
pub fn all_tracks(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    for f in &plan.convention.fields {
        let _ = writeln!(out, "{} — {}", safe(&f.label), f.id.value);
        tracks_of(&mut out, plan, &f.id, lang);
        out.push('\n');
    }
    out
}

//! The YAML text of the files `ctg renew` writes. Every string goes through
//! [`scalar`], so any title reads back as the same string; flow mappings and
//! lists are safe because `scalar` quotes `,`, `[`, `]`, `{` and `}`.

use super::Request;
use crate::edit::{number, scalar};
use crate::i18n::L;
use crate::model::{Indicator, IndicatorKind, Period, Sheet};
use std::fmt::Write;

fn period(p: Period) -> String {
    format!("{{start: {}, end: {}}}", p.start, p.end)
}

fn list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| scalar(s)).collect();
    format!("[{}]", items.join(", "))
}

/// The schema line when the old file had one, then a comment in the plan's
/// language where `{old}` stands for the old period.
fn header(schema: Option<&str>, req: &Request, comment: L) -> String {
    let old = req.plan.convention.period.value;
    let comment = comment
        .get(req.lang)
        .replace("{old}", &format!("{}-{}", old.start, old.end));
    let schema = schema.map_or_else(String::new, |line| format!("{line}\n"));
    format!("{schema}{comment}\n")
}

/// `convention.yaml`: the same convention over the new period, not signed,
/// naming the one it renews in `previous:`.
pub(super) fn convention(req: &Request, schema: Option<&str>) -> String {
    let c = &req.plan.convention;
    let old = c.period.value;
    let mut out = header(schema, req, L::RenewConventionComment);
    let _ = writeln!(out, "name: {}", scalar(&c.name));
    let _ = writeln!(out, "territory: {}", scalar(&c.territory));
    let _ = writeln!(
        out,
        "signatories: {}",
        list(c.signatories.iter().map(|s| &s.value))
    );
    let _ = writeln!(out, "period: {}", period(req.period));
    if let Some(language) = &c.language {
        let _ = writeln!(out, "language: {}", scalar(language));
    }
    if !c.fields.is_empty() {
        out.push_str("fields:\n");
        for f in &c.fields {
            let _ = writeln!(
                out,
                "  - {{id: {}, label: {}}}",
                scalar(&f.id),
                scalar(&f.label)
            );
        }
    }
    if let Some(co) = &c.coordinator {
        out.push_str("coordinator:\n");
        for (key, value) in [
            ("name", &co.name),
            ("role", &co.role),
            ("email", &co.email),
            ("phone", &co.phone),
            ("address", &co.address),
        ] {
            if let Some(v) = value {
                let _ = writeln!(out, "  {key}: {}", scalar(v));
            }
        }
    }
    let _ = writeln!(out, "stale_after_months: {}", c.stale_after_months);
    let _ = writeln!(
        out,
        "previous: {{name: {}, period: {}}}",
        scalar(&c.name),
        period(old)
    );
    out
}

/// An action sheet carried into the new convention (`new` is already
/// rescheduled, without journal, dated milestones, targets or amounts).
pub(super) fn sheet(new: &Sheet, req: &Request, schema: Option<&str>) -> String {
    let mut out = header(schema, req, L::RenewSheetComment);
    let _ = writeln!(out, "id: {}", scalar(&new.id));
    let _ = writeln!(out, "title: {}", scalar(&new.title));
    let _ = writeln!(out, "fields: {}", list(new.fields.iter().map(|f| &f.value)));
    if let Some(lead) = &new.lead {
        let _ = writeln!(out, "lead: {}", scalar(lead));
    }
    if let Some(from) = &new.carried_from {
        let _ = writeln!(
            out,
            "carried_from: {{period: {}-{}, id: {}}}",
            from.period.start,
            from.period.end,
            scalar(&from.id)
        );
    }
    for (key, items) in [("partners", &new.partners), ("tracks", &new.tracks)] {
        if !items.is_empty() {
            let _ = writeln!(out, "{key}: {}", list(items.iter().map(|i| &i.value)));
        }
    }
    if !new.audience.is_empty() {
        let _ = writeln!(out, "audience: {}", list(&new.audience));
    }
    if let Some(d) = &new.description {
        let _ = writeln!(out, "description: {}", scalar(d));
    }
    if !new.goals.is_empty() {
        out.push_str("goals:\n");
        for g in &new.goals {
            let _ = writeln!(out, "  - {}", scalar(g));
        }
    }
    let _ = writeln!(out, "schedule: {}", period(new.schedule.value));
    if new.recurring {
        out.push_str("recurring: true\n");
    }
    if !new.indicators.is_empty() {
        out.push_str("indicators:\n");
        for i in &new.indicators {
            indicator(&mut out, i);
        }
    }
    if !new.milestones.is_empty() {
        out.push_str("milestones:\n");
        for m in &new.milestones {
            let _ = writeln!(
                out,
                "  - {{id: {}, title: {}}}",
                scalar(&m.id),
                scalar(&m.title)
            );
        }
    }
    if !new.budget.is_empty() {
        out.push_str("budget:\n");
        for l in &new.budget {
            let scheme = l
                .scheme
                .as_ref()
                .map(|s| format!(", scheme: {}", scalar(s)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  - {{id: {}, funder: {}, nature: {}{scheme}}}",
                scalar(&l.id),
                scalar(&l.funder),
                l.nature.key()
            );
        }
    }
    out
}

fn indicator(out: &mut String, i: &Indicator) {
    let _ = writeln!(out, "  - id: {}", scalar(&i.id));
    let _ = writeln!(out, "    label: {}", scalar(&i.label));
    if let Some(unit) = &i.unit {
        let _ = writeln!(out, "    unit: {}", scalar(unit));
    }
    if let Some(kind) = i.kind {
        let kind = match kind {
            IndicatorKind::Result => "result",
            IndicatorKind::Means => "means",
        };
        let _ = writeln!(out, "    kind: {kind}");
    }
    let direction = match i.direction {
        crate::model::Direction::Up => "up",
        crate::model::Direction::Down => "down",
        crate::model::Direction::Steady => "steady",
    };
    let _ = writeln!(out, "    direction: {direction}");
    if let Some(b) = &i.baseline {
        let _ = writeln!(
            out,
            "    baseline: {{year: {}, value: {}}}",
            b.year,
            number(b.value)
        );
    }
}

//! The dashboard's filters: the options of `ctg status` as a form that
//! sends them as query parameters (`/?axis=1&status=in-progress&late=1`),
//! so that a view is a link to bookmark. It works without JavaScript.

use super::Request;
use crate::compute::labels::status_label;
use crate::i18n::{L, Lang};
use crate::model::{Plan, Status};
use crate::render::grid::escape;

/// A `<select>` named `name` with its label, its first option "all", and
/// `choices` as (value, text), the request's value selected.
fn select(
    name: &str,
    label: &str,
    choices: &[(String, String)],
    req: &Request,
    lang: Lang,
) -> String {
    let current = req.get(name).unwrap_or_default();
    let options: String = std::iter::once((String::new(), L::FilterAny.get(lang).to_string()))
        .chain(choices.iter().cloned())
        .map(|(value, text)| {
            let selected = if value == current { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{selected}>{}</option>",
                escape(&value),
                escape(&text)
            )
        })
        .collect();
    format!(
        "<p><label for=\"q-{name}\">{}</label><br><select id=\"q-{name}\" name=\"{name}\">{options}</select></p>\n",
        escape(label)
    )
}

/// A checkbox named `name` with `value` and its label.
fn checkbox(name: &str, value: &str, label: &str, ticked: bool) -> String {
    let id = format!("q-{name}-{value}");
    let checked = if ticked { " checked" } else { "" };
    format!(
        "<span class=\"choice\"><input type=\"checkbox\" id=\"{id}\" name=\"{name}\" value=\"{value}\"{checked}> <label for=\"{id}\">{}</label></span>\n",
        escape(label)
    )
}

/// The filter form of the dashboard, holding `req`'s filters.
pub(super) fn form(plan: &Plan, req: &Request, lang: Lang) -> String {
    let titled = |id: &str, title: &str| (id.to_string(), format!("{id} — {title}"));
    let axes: Vec<_> = plan
        .axes
        .iter()
        .map(|a| titled(&a.id.value, &a.title))
        .collect();
    let objectives: Vec<_> = plan
        .axes
        .iter()
        .flat_map(|a| &a.objectives)
        .map(|o| titled(&o.id.value, &o.title))
        .collect();
    let fields: Vec<_> = plan
        .convention
        .fields
        .iter()
        .map(|f| (f.id.value.clone(), f.label.clone()))
        .collect();
    let partners: Vec<_> = plan
        .partners
        .iter()
        .map(|p| (p.id.value.clone(), p.name.clone()))
        .collect();
    let mut out = format!(
        "<form method=\"get\" action=\"/\" class=\"filters\" role=\"search\">\n<fieldset><legend>{}</legend>\n",
        escape(L::FilterLegend.get(lang))
    );
    for (name, label, choices) in [
        ("axis", L::Axis, axes),
        ("objective", L::Objective, objectives),
        ("field", L::Field, fields),
        ("partner", L::PartnerTitle, partners),
    ] {
        out.push_str(&select(name, label.get(lang), &choices, req, lang));
    }
    out.push_str(&format!(
        "<fieldset><legend>{}</legend>\n",
        escape(L::Status.get(lang))
    ));
    // A bookmark may spell a status in French (`status=en+cours`).
    let asked: Vec<Status> = req
        .all("status")
        .iter()
        .filter_map(|s| Status::parse(s))
        .collect();
    for s in Status::ALL {
        let label = status_label(s, lang);
        out.push_str(&checkbox("status", s.key(), label, asked.contains(&s)));
    }
    out.push_str("</fieldset>\n<p>");
    for (name, label) in [("late", L::Late), ("stale", L::Stale)] {
        let ticked = req.get(name).is_some();
        out.push_str(&checkbox(name, "1", label.get(lang), ticked));
    }
    // In large type, the filtered view stays in large type.
    if req.get("large").is_some() {
        out.push_str("<input type=\"hidden\" name=\"large\" value=\"1\">");
    }
    out.push_str(&format!(
        "</p>\n<p><button type=\"submit\">{}</button> <a href=\"/\">{}</a></p>\n</fieldset>\n</form>\n",
        escape(L::FilterApply.get(lang)),
        escape(L::FilterReset.get(lang))
    ));
    out
}

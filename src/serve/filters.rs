//! The dashboard's filters: the options of `ctg status` as a form that
//! sends them as query parameters (`/?axis=1&status=in-progress&late=1`),
//! so that a view is a link to bookmark. It works without JavaScript. A
//! value the plan does not know (a mistyped bookmark) is said above the
//! form, by its field, and left out of the filter.

use super::Request;
use crate::compute::labels::status_label;
use crate::i18n::{L, Lang};
use crate::model::{Plan, Status};
use crate::render::grid::escape;
use crate::report::status::Filter;

/// The keys the dashboard reads from its address.
pub(super) const KEYS: [&str; 9] = [
    "axis",
    "objective",
    "field",
    "partner",
    "status",
    "late",
    "stale",
    "large",
    "format",
];

/// A filter value the plan does not know: the field's key and the value.
pub(super) struct Unknown {
    key: &'static str,
    value: String,
}

/// The choices of one `<select>` filter: its key, label and (id, text) pairs.
struct Choices {
    key: &'static str,
    label: L,
    ids: Vec<(String, String)>,
}

fn choices(plan: &Plan) -> [Choices; 4] {
    let titled = |id: &str, title: &str| (id.to_string(), format!("{id} — {title}"));
    [
        Choices {
            key: "axis",
            label: L::Axis,
            ids: plan
                .axes
                .iter()
                .map(|a| titled(&a.id.value, &a.title))
                .collect(),
        },
        Choices {
            key: "objective",
            label: L::Objective,
            ids: plan
                .objectives()
                .map(|(_, o)| titled(&o.id.value, &o.title))
                .collect(),
        },
        Choices {
            key: "field",
            label: L::Field,
            ids: plan
                .convention
                .fields
                .iter()
                .map(|f| (f.id.value.clone(), f.label.clone()))
                .collect(),
        },
        Choices {
            key: "partner",
            label: L::PartnerTitle,
            ids: plan
                .partners
                .iter()
                .map(|p| (p.id.value.clone(), p.name.clone()))
                .collect(),
        },
    ]
}

/// The filter `req` asks, with the values the plan does not know left out
/// and returned beside it.
pub(super) fn read(plan: &Plan, req: &Request) -> (Filter, Vec<Unknown>) {
    let mut unknown = Vec::new();
    let mut known = |c: &Choices| {
        let value = req.get(c.key).map(str::trim).filter(|v| !v.is_empty())?;
        if c.ids.iter().any(|(id, _)| id == value) {
            return Some(value.to_string());
        }
        unknown.push(Unknown {
            key: c.key,
            value: value.to_string(),
        });
        None
    };
    let [axis, objective, field, partner] = choices(plan).map(|c| known(&c));
    let mut statuses = Vec::new();
    for s in req.all("status").iter().filter(|s| !s.trim().is_empty()) {
        match Status::parse(s) {
            Some(status) => statuses.push(status),
            None => unknown.push(Unknown {
                key: "status",
                value: s.clone(),
            }),
        }
    }
    let filter = Filter {
        axis,
        objective,
        field,
        partner,
        statuses,
        late: req.get("late").is_some(),
        stale: req.get("stale").is_some(),
    };
    (filter, unknown)
}

/// A `<select>` of `c` with its label, its first option "all", the value
/// of `chosen` selected; marked invalid when the address held an unknown one.
fn select(c: &Choices, chosen: Option<&str>, invalid: bool, lang: Lang) -> String {
    let current = chosen.unwrap_or_default();
    let options: String = std::iter::once((String::new(), L::FilterAny.get(lang).to_string()))
        .chain(c.ids.iter().cloned())
        .map(|(value, text)| {
            let selected = if value == current { " selected" } else { "" };
            format!(
                "<option value=\"{}\"{selected}>{}</option>",
                escape(&value),
                escape(&text)
            )
        })
        .collect();
    let name = c.key;
    let invalid = if invalid {
        " aria-invalid=\"true\" aria-describedby=\"q-error\""
    } else {
        ""
    };
    format!(
        "<p><label for=\"q-{name}\">{}</label><br><select id=\"q-{name}\" name=\"{name}\"{invalid}>{options}</select></p>\n",
        escape(c.label.get(lang))
    )
}

/// A checkbox named `name` with `value` and its label.
fn checkbox(name: &str, value: &str, label: &str, ticked: bool) -> String {
    let (name, value) = (escape(name), escape(value));
    let id = format!("q-{name}-{value}");
    let checked = if ticked { " checked" } else { "" };
    format!(
        "<span class=\"choice\"><input type=\"checkbox\" id=\"{id}\" name=\"{name}\" value=\"{value}\"{checked}> <label for=\"{id}\">{}</label></span>\n",
        escape(label)
    )
}

/// What the address asked that the plan does not know, one sentence each.
fn refusals(unknown: &[Unknown], lang: Lang) -> String {
    if unknown.is_empty() {
        return String::new();
    }
    let label = |key: &str| match key {
        "axis" => L::Axis,
        "objective" => L::Objective,
        "field" => L::Field,
        "partner" => L::PartnerTitle,
        _ => L::Status,
    };
    let sentences: Vec<String> = unknown
        .iter()
        .map(|u| {
            L::FilterUnknown
                .get(lang)
                .replace("{what}", label(u.key).get(lang))
                .replace("{value}", &u.value)
        })
        .collect();
    format!(
        "<p class=\"refused\" role=\"alert\" id=\"q-error\">{}</p>\n",
        escape(&sentences.join(" "))
    )
}

/// The filter form of the dashboard, holding `filter` (as [`read`] read
/// it) and saying what was `unknown`.
pub(super) fn form(
    plan: &Plan,
    filter: &Filter,
    unknown: &[Unknown],
    req: &Request,
    lang: Lang,
) -> String {
    let mut out = format!(
        "<form method=\"get\" action=\"/\" class=\"filters\" role=\"search\">\n{}<fieldset><legend>{}</legend>\n",
        refusals(unknown, lang),
        escape(L::FilterLegend.get(lang))
    );
    for (c, chosen) in choices(plan).iter().zip([
        &filter.axis,
        &filter.objective,
        &filter.field,
        &filter.partner,
    ]) {
        let invalid = unknown.iter().any(|u| u.key == c.key);
        out.push_str(&select(c, chosen.as_deref(), invalid, lang));
    }
    out.push_str(&format!(
        "<fieldset><legend>{}</legend>\n",
        escape(L::FilterStatuses.get(lang))
    ));
    for s in Status::ALL {
        let label = status_label(s, lang);
        out.push_str(&checkbox(
            "status",
            s.key(),
            label,
            filter.statuses.contains(&s),
        ));
    }
    out.push_str("</fieldset>\n<p>");
    for (name, label, ticked) in [
        ("late", L::Late, filter.late),
        ("stale", L::Stale, filter.stale),
    ] {
        out.push_str(&checkbox(name, "1", label.get(lang), ticked));
    }
    // In large type, the filtered view stays in large type.
    if req.large() {
        out.push_str("<input type=\"hidden\" name=\"large\" value=\"1\">");
    }
    out.push_str(&format!(
        "</p>\n<p><button type=\"submit\">{}</button> <a href=\"/\">{}</a></p>\n</fieldset>\n</form>\n",
        escape(L::FilterApply.get(lang)),
        escape(L::FilterReset.get(lang))
    ));
    out
}

//! The record form of `ctg serve --write`: one journal entry for one
//! sheet, with every field of `ctg record`, previewed as a diff, then
//! written through [`crate::write::apply`] — the very bytes `ctg record`
//! writes with the same values. Each form carries the session's token.

use super::{Request, Site};
use crate::compute::labels::status_label;
use crate::compute::sheet_state;
use crate::edit::unified_diff;
use crate::i18n::{L, Lang, Localize};
use crate::model::{Sheet, Status};
use crate::record::Request as Record;
use crate::render::grid::escape;
use crate::write::{Change, Options, apply};
use std::time::Duration;

/// The `record` request the form's fields describe (empty fields left out).
fn record_request(req: &Request) -> Record {
    let text = |key: &str| {
        req.form(key)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_string)
    };
    let mut measures = Vec::new();
    let mut spent = Vec::new();
    for (key, value) in &req.form {
        if value.trim().is_empty() {
            continue;
        }
        if let Some(id) = key.strip_prefix("measure.") {
            measures.push(format!("{id}={value}"));
        } else if let Some(line) = key.strip_prefix("spent.") {
            spent.push(format!("{line}={value}"));
        }
    }
    Record {
        date: text("date"),
        status: text("status"),
        progress: text("progress"),
        note: text("note"),
        difficulties: text("difficulties"),
        next: text("next"),
        decision: text("decision"),
        reached: req.form_all("reached"),
        measures,
        spent,
        by: text("by"),
    }
}

/// An `<input>` or `<textarea>` with its label, holding `value`.
fn field(name: &str, label: &str, value: &str, kind: &str) -> String {
    let id = format!("f-{}", name.replace('.', "-"));
    let input = match kind {
        "textarea" => format!(
            "<textarea id=\"{id}\" name=\"{name}\" rows=\"3\">{}</textarea>",
            escape(value)
        ),
        kind => format!(
            "<input id=\"{id}\" name=\"{name}\" type=\"{kind}\" value=\"{}\">",
            escape(value)
        ),
    };
    format!(
        "<p><label for=\"{id}\">{}</label><br>{input}</p>\n",
        escape(label)
    )
}

/// The form of `sheet`, filled with `req`'s values (empty at first).
pub(super) fn form(site: &Site, sheet: &Sheet, req: &Request, csrf: &str, lang: Lang) -> String {
    let v = |key: &str| req.form(key).unwrap_or_default().to_string();
    let mut out = format!(
        "<form method=\"post\" action=\"/sheets/{}/record\" class=\"record\">\n<h2>{}</h2>\n<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n",
        escape(&sheet.id.value),
        escape(L::FormRecord.get(lang)),
        escape(csrf)
    );
    out.push_str(&field("date", L::Date.get(lang), &v("date"), "date"));
    let current = v("status");
    let options: String = std::iter::once(("".to_string(), "—".to_string()))
        .chain(
            Status::ALL
                .iter()
                .map(|s| (s.key().to_string(), status_label(*s, lang).to_string())),
        )
        .map(|(key, label)| {
            let selected = if key == current { " selected" } else { "" };
            format!(
                "<option value=\"{key}\"{selected}>{}</option>",
                escape(&label)
            )
        })
        .collect();
    out.push_str(&format!(
        "<p><label for=\"f-status\">{}</label><br><select id=\"f-status\" name=\"status\">{options}</select></p>\n",
        escape(L::Status.get(lang))
    ));
    out.push_str(&field(
        "progress",
        L::Progress.get(lang),
        &v("progress"),
        "number",
    ));
    for (name, label) in [
        ("note", L::FormNote),
        ("difficulties", L::FormDifficulties),
        ("next", L::FormNext),
        ("decision", L::FormDecision),
    ] {
        out.push_str(&field(name, label.get(lang), &v(name), "textarea"));
    }
    let state = sheet_state(sheet, 6, site.as_of);
    let open: Vec<_> = sheet
        .milestones
        .iter()
        .filter(|m| !state.has_reached(&m.id))
        .collect();
    if !open.is_empty() {
        out.push_str(&format!(
            "<fieldset><legend>{}</legend>\n",
            escape(L::Milestones.get(lang))
        ));
        let ticked = req.form_all("reached");
        for m in open {
            let id = format!("f-reached-{}", m.id.value);
            let checked = if ticked.contains(&m.id.value) {
                " checked"
            } else {
                ""
            };
            out.push_str(&format!(
                "<p><input type=\"checkbox\" id=\"{id}\" name=\"reached\" value=\"{}\"{checked}> <label for=\"{id}\">{}</label></p>\n",
                escape(&m.id.value),
                escape(&m.title)
            ));
        }
        out.push_str("</fieldset>\n");
    }
    for i in &sheet.indicators {
        let name = format!("measure.{}", i.id.value);
        out.push_str(&field(&name, &i.label, &v(&name), "text"));
    }
    for line in &sheet.budget {
        let name = format!("spent.{}", line.id.value);
        let label = format!("{} — {}", L::AmountSpent.get(lang), line.id.value);
        out.push_str(&field(&name, &label, &v(&name), "text"));
    }
    out.push_str(&field("by", L::FormBy.get(lang), &v("by"), "text"));
    let checked = if req.form("commit").is_some() {
        " checked"
    } else {
        ""
    };
    out.push_str(&format!(
        "<p><input type=\"checkbox\" id=\"f-commit\" name=\"commit\" value=\"1\"{checked}> <label for=\"f-commit\">{}</label></p>\n",
        escape(L::FormCommit.get(lang))
    ));
    out.push_str(&format!(
        "<p><button type=\"submit\">{}</button></p>\n</form>\n",
        escape(L::FormPreview.get(lang))
    ));
    out
}

/// The same values as hidden fields, with a button that writes them.
fn confirm(sheet: &Sheet, req: &Request, csrf: &str, lang: Lang) -> String {
    let mut out = format!(
        "<form method=\"post\" action=\"/sheets/{}/record\" class=\"confirm\">\n<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n<input type=\"hidden\" name=\"confirm\" value=\"1\">\n",
        escape(&sheet.id.value),
        escape(csrf)
    );
    for (key, value) in req
        .form
        .iter()
        .filter(|(k, _)| k != "csrf" && k != "confirm")
    {
        out.push_str(&format!(
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">\n",
            escape(key),
            escape(value)
        ));
    }
    out.push_str(&format!(
        "<p><button type=\"submit\">{}</button></p>\n</form>\n",
        escape(L::FormWrite.get(lang))
    ));
    out
}

/// The form field a refusal is about (its element id), if one.
fn field_of(refusal: &crate::write::Refusal) -> Option<String> {
    use crate::record::Refusal::*;
    let crate::write::Refusal::Entry(r) = refusal else {
        return None;
    };
    Some(match r {
        BadDate { .. } | FutureDate { .. } | OutsidePeriod { .. } => "f-date".into(),
        BadStatus { .. } => "f-status".into(),
        BadProgress { .. } | DoneBelow100 { .. } => "f-progress".into(),
        AbandonedNoNote => "f-note".into(),
        UnknownIndicator { id, .. } | MeasuredTwice { id } => format!("f-measure-{id}"),
        UnknownBudgetLine { id, .. } | SpentTwice { id } => format!("f-spent-{id}"),
        BadMeasure { text } | MeasureOutOfRange { text } | BadSpent { text, .. } => {
            let (id, _) = text.split_once('=')?;
            let kind = if matches!(r, BadSpent { .. }) {
                "spent"
            } else {
                "measure"
            };
            format!("f-{kind}-{}", id.trim())
        }
        _ => return None,
    })
}

/// Puts a refusal about one field (`told`, from [`post`]) next to that
/// field of `form`, which says it is invalid and described by it; anything
/// else stays above the form. Returns what goes above and the form.
pub(super) fn place(told: &str, form: &str) -> (String, String) {
    let field = told
        .split("data-field=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .filter(|f| !f.is_empty());
    let Some(field) = field else {
        return (told.to_string(), form.to_string());
    };
    let anchor = format!("id=\"{field}\"");
    let Some(at) = form.find(&anchor) else {
        return (told.to_string(), form.to_string());
    };
    let Some(end) = form[at..].find("</p>").map(|e| at + e + "</p>".len()) else {
        return (told.to_string(), form.to_string());
    };
    let marked = format!("{anchor} aria-invalid=\"true\" aria-describedby=\"f-error\"");
    let form = format!(
        "{}{}{}\n{}{}",
        &form[..at],
        marked,
        &form[at + anchor.len()..end],
        told.trim_end(),
        &form[end..]
    );
    (String::new(), form)
}

/// A POST of the form: checked, previewed, or written. Returns what goes
/// above the form on the sheet page.
pub(super) fn post(site: &Site, sheet: &Sheet, req: &Request, csrf: &str, lang: Lang) -> String {
    let write = req.form("confirm").is_some();
    let on_wait = |_: &std::path::Path| {};
    let opts = Options {
        plan_dir: &site.plan_dir,
        shown_dir: std::path::Path::new(""),
        dry_run: !write,
        commit: req.form("commit").is_some(),
        as_of: site.as_of,
        today: site.today,
        lang,
        lock_timeout: Duration::from_secs(30),
        on_wait: &on_wait,
    };
    let change = Change::Record {
        sheet: sheet.id.value.clone(),
        request: record_request(req),
    };
    match apply(&change, &opts) {
        Err(refusal) => format!(
            "<p class=\"refused\" role=\"alert\" id=\"f-error\" data-field=\"{}\">{}</p>\n",
            field_of(&refusal).unwrap_or_default(),
            escape(&refusal.say(lang))
        ),
        Ok(outcome) if write => {
            let commit = match &outcome.commit {
                Some(c) if c.result.is_ok() => {
                    format!(" · {} {}", L::FormCommitted.get(lang), c.message)
                }
                Some(_) => format!(" · {}", L::FormNotCommitted.get(lang)),
                None => String::new(),
            };
            format!(
                "<p class=\"written\" role=\"status\">{}</p>\n",
                escape(&format!(
                    "{} {}{commit}",
                    L::FormWritten.get(lang),
                    outcome.file.display()
                ))
            )
        }
        Ok(outcome) => {
            let diff = unified_diff(
                &outcome.before,
                &outcome.after,
                &outcome.file.display().to_string(),
            );
            format!(
                "<h2>{}</h2>\n<pre class=\"show\">{}</pre>\n{}",
                escape(L::FormDiff.get(lang)),
                escape(&diff),
                confirm(sheet, req, csrf, lang)
            )
        }
    }
}

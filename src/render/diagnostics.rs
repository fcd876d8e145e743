//! Diagnostics in the terminal (rustc's layout, via annotate-snippets) and as JSON.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::Localize;
use crate::i18n::{L, Lang};
use crate::load::{Loaded, Unread};
use crate::safe::{escape, safe, safe_line};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// Warnings of one code about more sheets than this are shown as one line listing them.
const GROUP_ABOVE: usize = 3;

/// How a plan folder's files are named in messages.
pub struct Paths<'a> {
    /// The plan folder as the user should see it (relative to the current folder when under it).
    pub root: &'a Path,
}

impl Paths<'_> {
    /// The display path of a file of the plan.
    pub fn show(&self, file: &Path) -> String {
        if self.root.as_os_str().is_empty() || self.root == Path::new(".") {
            file.display().to_string()
        } else {
            self.root.join(file).display().to_string()
        }
    }
}

/// Every diagnostic in rustc's layout, repeated warnings grouped, then the notes of skipped checks.
/// `width` (the terminal's, when known) wraps the id list of a grouped
/// warning over lines that fit.
pub fn render_text(
    diags: &[Diagnostic],
    loaded: &Loaded,
    paths: &Paths,
    lang: Lang,
    color: bool,
    width: Option<u16>,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // Groupable warnings by code, counted once (a large plan has thousands).
    let mut groups: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
    for d in diags
        .iter()
        .filter(|d| d.problem.grouped_subject().is_some() && d.severity == Severity::Warning)
    {
        groups.entry(d.problem.code()).or_default().push(d);
    }
    let mut out = String::new();
    let mut shown: Vec<&str> = Vec::new();
    let mut lines = SourceLines::default();
    for d in diags {
        let code = d.problem.code();
        if let Some(same) = groups
            .get(code)
            .filter(|g| g.len() > GROUP_ABOVE && d.severity == Severity::Warning)
        {
            if !shown.contains(&code) {
                shown.push(code);
                out.push_str(&render_group(same, &renderer, lang, width));
                out.push('\n');
            }
            continue;
        }
        let line = loaded
            .sources
            .get_key_value(&d.file)
            .and_then(|(file, src)| lines.line(file, src, d.pos.line as usize));
        out.push_str(&render_one(d, line, paths, &renderer, lang));
        out.push('\n');
    }
    for note in skipped_notes(loaded.unread, lang) {
        out.push_str(
            &renderer.render(&[Group::with_title(
                Level::NOTE
                    .with_name(L::NoteWord.get(lang))
                    .primary_title(note),
            )]),
        );
        out.push('\n');
    }
    out
}

fn level(severity: Severity, lang: Lang) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR.with_name(L::ErrorWord.get(lang)),
        Severity::Warning => Level::WARNING.with_name(L::WarningWord.get(lang)),
    }
}

/// The lines of each source file, found once: a file with thousands of
/// problems would otherwise be read from its start for each one.
#[derive(Default)]
struct SourceLines<'a>(HashMap<&'a Path, Vec<usize>>);

impl<'a> SourceLines<'a> {
    /// Line `n` (1-based) of `src`, as `str::lines` gives it.
    fn line(&mut self, file: &'a Path, src: &'a str, n: usize) -> Option<&'a str> {
        let starts = self.0.entry(file).or_insert_with(|| {
            std::iter::once(0)
                .chain(src.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let start = *starts.get(n.checked_sub(1)?)?;
        let rest = src.get(start..).filter(|r| !r.is_empty())?;
        Some(match rest.find('\n') {
            Some(end) => rest[..end].strip_suffix('\r').unwrap_or(&rest[..end]),
            None => rest,
        })
    }
}

/// One diagnostic, with the source line it points at when there is one.
fn render_one(
    d: &Diagnostic,
    line_text: Option<&str>,
    paths: &Paths,
    renderer: &Renderer,
    lang: Lang,
) -> String {
    let message = safe(&d.problem.say(lang));
    let hint = d.problem.hint(lang).map(|h| safe(&h));
    let path = safe_line(&paths.show(&d.file));
    let title = level(d.severity, lang)
        .primary_title(message)
        .id(d.problem.code());
    let group = match line_text {
        Some(text) => {
            let (text, start, end) = visible(text, d.pos.col as usize - 1, d.width);
            let mut annotation = AnnotationKind::Primary.span(start..end);
            if let Some(h) = &hint {
                annotation = annotation.label(h.clone());
            }
            let source = if text.is_empty() {
                " ".to_string()
            } else {
                text.to_string()
            };
            let source = if end > source.len() {
                format!("{source} ")
            } else {
                source
            };
            title.element(
                Snippet::source(source)
                    .line_start(d.pos.line as usize)
                    .path(path)
                    .annotation(annotation),
            )
        }
        None => {
            let group = title.element(Origin::path(path));
            match hint {
                Some(h) => group.element(Level::HELP.with_name(L::HelpWord.get(lang)).message(h)),
                None => group,
            }
        }
    };
    renderer.render(&[group])
}

fn render_group(
    same: &[&Diagnostic],
    renderer: &Renderer,
    lang: Lang,
    width: Option<u16>,
) -> String {
    let ids: Vec<&str> = same
        .iter()
        .filter_map(|d| d.problem.grouped_subject())
        .collect();
    let first = same[0];
    let severity = match first.severity {
        Severity::Error => L::ErrorWord.get(lang),
        Severity::Warning => L::WarningWord.get(lang),
    };
    // `avertissement[no-lead]: ` before the message; its continuation
    // lines are indented as far.
    let prefix = severity.chars().count() + first.problem.code().chars().count() + 4;
    let budget = width.map(|w| usize::from(w).saturating_sub(prefix));
    let message = first
        .problem
        .group_message(ids.len(), &ids.join(", "), lang);
    let message = match budget {
        Some(b) if message.chars().count() > b => wrap_ids(
            first.problem.group_message(ids.len(), "", lang).trim_end(),
            &ids,
            b,
        ),
        _ => message,
    };
    let title = level(first.severity, lang)
        .primary_title(safe(&message))
        .id(first.problem.code());
    let group = match first.problem.hint(lang) {
        Some(h) => title.element(Level::HELP.with_name(L::HelpWord.get(lang)).message(h)),
        None => Group::with_title(title),
    };
    renderer.render(&[group])
}

/// `head` then every id, filled into lines of `budget` characters: the
/// renderer indents the lines after the first under the message's start.
/// A line holds at least one id, however narrow the budget.
fn wrap_ids(head: &str, ids: &[&str], budget: usize) -> String {
    let mut out = head.to_string();
    let mut line = head.chars().count();
    for (i, id) in ids.iter().enumerate() {
        let word = if i + 1 < ids.len() {
            format!("{id},")
        } else {
            (*id).to_string()
        };
        let len = word.chars().count();
        if line > 0 && line + 1 + len > budget {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(&word);
        line += len;
    }
    out
}

/// The source line with its controls as visible escapes, and the byte range
/// to underline in it: the span at character `col`, `width` wide, of the raw
/// line, moved by the escapes written before it and widened by those inside.
fn visible(raw: &str, col: usize, width: usize) -> (String, usize, usize) {
    let start = byte_at(raw, col);
    let end = marked_end(raw, start, width).min(raw.len());
    let before = escape(&raw[..start], true);
    let marked = escape(&raw[start..end], true);
    let after = escape(&raw[end..], true);
    let (start, end) = (before.len(), before.len() + marked.len().max(1));
    (format!("{before}{marked}{after}"), start, end)
}

/// Where the marker ends: `width` characters on, or past the closing quote of a quoted value.
fn marked_end(text: &str, start: usize, width: usize) -> usize {
    let rest = &text[start..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
    let end = match quote {
        Some(q) => rest[1..].find(q).map_or(rest.len(), |i| i + 2),
        None => byte_at(rest, width),
    };
    start + end.max(1)
}

/// The byte offset of the `chars`-th character of `text` (its end when shorter).
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

fn skipped_notes(unread: Unread, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    let mut say = |skipped: bool, file: &str, en: &str, fr: &str| {
        if skipped {
            notes.push(crate::i18n::phrase::not_checked(en, fr, file, lang));
        }
    };
    say(
        unread.convention,
        "convention.yaml",
        "fields, schedules and entry dates",
        "champs, calendriers et dates de suivi",
    );
    say(
        unread.partners,
        "partners.yaml",
        "partner references",
        "renvois aux partenaires",
    );
    say(
        unread.axes,
        "axes.yaml",
        "objectives of the sheets",
        "objectifs des fiches",
    );
    say(
        unread.tracks,
        "tracks.yaml",
        "track references",
        "renvois aux pistes",
    );
    notes
}

/// Counts of errors and warnings.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diags.len() - errors)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closing line of `validate`.
pub fn summary_line(diags: &[Diagnostic], loaded: &Loaded, lang: Lang) -> String {
    let (errors, warnings) = counts(diags);
    let warn_text = plural(
        warnings,
        L::WarningWord.get(lang),
        L::WarningsWord.get(lang),
    );
    if errors > 0 {
        let err_text = plural(errors, L::ErrorWord.get(lang), L::ErrorsWord.get(lang));
        return if warnings > 0 {
            format!("{err_text}, {warn_text}")
        } else {
            err_text
        };
    }
    let p = &loaded.plan;
    let objectives = p.objectives().count();
    let body = match lang {
        Lang::Fr => format!(
            "plan valide\u{a0}: {}, {}, {}, {}, {}",
            plural(p.axes.len(), "axe", "axes"),
            plural(objectives, "objectif", "objectifs"),
            plural(p.sheets.len(), "fiche action", "fiches actions"),
            plural(p.tracks.len(), "piste", "pistes"),
            plural(p.partners.len(), "partenaire", "partenaires"),
        ),
        Lang::En => format!(
            "plan valid: {}, {}, {}, {}, {}",
            plural(p.axes.len(), "axis", "axes"),
            plural(objectives, "objective", "objectives"),
            plural(p.sheets.len(), "action sheet", "action sheets"),
            plural(p.tracks.len(), "track", "tracks"),
            plural(p.partners.len(), "partner", "partners"),
        ),
    };
    if warnings > 0 {
        format!("{body} ({warn_text})")
    } else {
        body
    }
}

/// The `validate` document after its version.
#[derive(Serialize)]
struct ValidateJson {
    summary: SummaryJson,
    diagnostics: Vec<DiagnosticJson>,
}

/// Whether the plan is valid, the counts of problems and of plan items.
#[derive(Serialize)]
struct SummaryJson {
    valid: bool,
    errors: usize,
    warnings: usize,
    axes: usize,
    objectives: usize,
    sheets: usize,
    tracks: usize,
    partners: usize,
}

/// One diagnostic at one location; no line or column when it has none.
#[derive(Serialize)]
struct DiagnosticJson {
    severity: Severity,
    code: &'static str,
    message: String,
    hint: Option<String>,
    file: String,
    line: Option<u32>,
    column: Option<u32>,
}

/// The `--format json` document of `validate`: one entry per location.
pub fn render_json(diags: &[Diagnostic], loaded: &Loaded, paths: &Paths, lang: Lang) -> String {
    let (errors, warnings) = counts(diags);
    let p = &loaded.plan;
    let diagnostics = diags
        .iter()
        .map(|d| DiagnosticJson {
            severity: d.severity,
            code: d.problem.code(),
            message: d.problem.say(lang),
            hint: d.problem.hint(lang),
            file: paths.show(&d.file),
            line: (d.pos.line > 0).then_some(d.pos.line),
            column: (d.pos.line > 0).then_some(d.pos.col),
        })
        .collect();
    crate::render::json::document(&ValidateJson {
        summary: SummaryJson {
            valid: errors == 0,
            errors,
            warnings,
            axes: p.axes.len(),
            objectives: p.objectives().count(),
            sheets: p.sheets.len(),
            tracks: p.tracks.len(),
            partners: p.partners.len(),
        },
        diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::SourceLines;
    use std::path::Path;

    #[test]
    fn source_lines_are_those_of_str_lines() {
        for src in [
            "",
            "a",
            "a\n",
            "a\n\nb",
            "a\r\nb\r\n",
            "a\rb\n",
            "a\r",
            "é\nü\n\n",
            "\n\n",
        ] {
            let mut lines = SourceLines::default();
            for n in 1..6 {
                let want = src.lines().nth(n - 1);
                assert_eq!(lines.line(Path::new("f"), src, n), want, "{src:?} line {n}");
            }
            assert_eq!(lines.line(Path::new("f"), src, 0), None);
        }
    }
}

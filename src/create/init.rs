//! `ctg init`: the files of a new, valid plan for another territory, built in
//! memory (the command line writes them as `renew` does). Every file starts
//! with the line that names its JSON Schema for editors; the example sheet
//! shows every optional key commented out, so that the format is learnt by
//! uncommenting.

use super::schema_line;
use crate::edit::scalar;
use crate::i18n::L;
use crate::i18n::Lang;
use crate::model::Period;
use crate::write::staging::NewFile;
use std::fmt::Write;
use std::path::PathBuf;

/// What the new plan is made of.
#[derive(Debug, Clone)]
pub struct Request {
    /// The convention's full name.
    pub name: String,
    /// The territory it covers.
    pub territory: String,
    /// Its years.
    pub period: Period,
    /// The plan's language (its `language:` and the comments).
    pub lang: Lang,
    /// The signatories: partner id and name.
    pub signatories: Vec<(String, String)>,
}

/// The signatories when none are given: the intercommunality and the CAF.
pub fn default_signatories(territory: &str, lang: Lang) -> Vec<(String, String)> {
    vec![
        ("collectivite".to_string(), territory.to_string()),
        ("caf".to_string(), L::CafName.get(lang).to_string()),
    ]
}

/// The schema line, then a comment (lines ending with a newline).
fn head(kind: &str, depth: usize, comment: &str) -> String {
    format!("{}\n{comment}", schema_line(kind, depth))
}

fn file(path: &str, text: String) -> NewFile {
    NewFile {
        path: PathBuf::from(path),
        bytes: text.into_bytes(),
    }
}

/// Every file of the new plan, `convention.yaml` first, then the JSON
/// Schemas its files name, in `schema/`.
pub fn files(req: &Request) -> Vec<NewFile> {
    let schemas = crate::schema::rendered()
        .into_iter()
        .map(|(name, text)| file(&format!("schema/{name}"), text));
    let mut files = vec![
        file("convention.yaml", convention(req)),
        file("partners.yaml", partners(req)),
        file("axes.yaml", axes(req)),
        file("tracks.yaml", tracks(req)),
        file("actions/1.1.1.yaml", sheet(req)),
        file(".gitignore", super::gitignore(req.lang)),
    ];
    files.extend(schemas);
    files
}

const FIELD: &str = "petite-enfance";
const TRACK: &str = "petite-enfance-exemple";

fn ids(req: &Request) -> String {
    let ids: Vec<String> = req.signatories.iter().map(|(id, _)| scalar(id)).collect();
    format!("[{}]", ids.join(", "))
}

fn convention(req: &Request) -> String {
    let (l, p) = (req.lang, req.period);
    let mut out = head("convention", 0, L::InitConventionComment.get(l));
    let _ = writeln!(out, "name: {}", scalar(&req.name));
    let _ = writeln!(out, "territory: {}", scalar(&req.territory));
    let _ = writeln!(out, "signatories: {}", ids(req));
    out.push_str("# signed: 2027-06-30\n");
    let _ = writeln!(out, "period: {{start: {}, end: {}}}", p.start, p.end);
    let _ = writeln!(out, "language: {}", l.code());
    out.push_str(L::InitFieldsComment.get(l));
    out.push_str("fields:\n");
    let text = L::InitEarlyChildhood.get(l);
    let _ = writeln!(out, "  - {{id: {FIELD}, label: {text}}}");
    out.push_str("# coordinator: {name: ..., role: ..., email: ..., phone: ..., address: ...}\n");
    out.push_str("# stale_after_months: 6\n");
    out
}

fn partners(req: &Request) -> String {
    let mut out = head("partners", 0, L::InitPartnersComment.get(req.lang));
    for (id, name) in &req.signatories {
        let _ = writeln!(out, "- id: {}", scalar(id));
        let _ = writeln!(out, "  name: {}", scalar(name));
        out.push_str("  kind: signatory\n");
    }
    out.push_str("#   contact: ...\n");
    out
}

fn axes(req: &Request) -> String {
    let l = req.lang;
    let mut out = head("axes", 0, L::InitAxesComment.get(l));
    out.push_str("- id: \"1\"\n");
    let _ = writeln!(out, "  title: {}", L::InitFirstAxis.get(l));
    out.push_str("  objectives:\n    - id: \"1.1\"\n");
    let text = L::InitFirstObjective.get(l);
    let _ = writeln!(out, "      title: {text}");
    out
}

fn tracks(req: &Request) -> String {
    let l = req.lang;
    let mut out = head("tracks", 0, L::InitTracksComment.get(l));
    let _ = writeln!(out, "- id: {TRACK}");
    let _ = writeln!(out, "  field: {FIELD}");
    let text = L::InitExampleTrack.get(l);
    let _ = writeln!(out, "  title: {text}");
    out
}

/// The commented-out optional keys of the example sheet, after `partners:`.
const SHEET_OPTIONAL: &str = "\
# audience: [familles, 0-3 ans]
# description: ...
# goals:
#   - ...
";

/// The commented-out optional keys of the example sheet, after `schedule:`.
const SHEET_TAIL: &str = "\
# recurring: false
# indicators:
#   - id: places-eaje
#     label: Places en accueil collectif
#     unit: places
#     kind: result                  # result | means
#     direction: up                 # up | down | steady
#     baseline: {year: 2027, value: 40}
#     targets: {2029: 52, 2031: 64}
# milestones:
#   - {id: etude, title: Étude de faisabilité, due: 2027-12-31}
# journal:                          # appended by `ctg record`
#   - date: 2027-03-12
#     status: in-progress           # planned, in-progress, paused, blocked, postponed, done, abandoned
#     progress: 40
#     note: ...
#     difficulties: ...
#     next: ...
#     decision: ...
#     reached: [etude]
#     measures: {places-eaje: 44}
#     by: ...
";

fn sheet(req: &Request) -> String {
    let (l, p) = (req.lang, req.period);
    let mut out = head("sheet", 1, L::InitSheetComment.get(l));
    out.push_str("id: \"1.1.1\"\n");
    let text = L::InitFirstAction.get(l);
    let _ = writeln!(out, "title: {text}");
    let _ = writeln!(out, "fields: [{FIELD}]");
    if let Some((lead, _)) = req.signatories.first() {
        let _ = writeln!(out, "lead: {}", scalar(lead));
    }
    out.push_str("# carried_from: {period: 2022-2026, id: \"1.1.1\"}\n");
    let _ = writeln!(out, "partners: {}", ids(req));
    let _ = writeln!(out, "tracks: [{TRACK}]");
    out.push_str(SHEET_OPTIONAL);
    let _ = writeln!(out, "schedule: {{start: {}, end: {}}}", p.start, p.end);
    out.push_str(SHEET_TAIL);
    out
}

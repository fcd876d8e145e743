//! Lossless edits of plan files (spec section 8) and their verification.
//!
//! Every change goes through `yaml-edit`, which keeps every other byte:
//! comments, blank lines, key order, quoting. A UTF-8 BOM and CRLF line
//! endings are set aside before the edit and restored after ([`edit_text`]).
//! The exceptions are said in [`Notice`]s. [`verify`] then reads the new
//! text back and checks it is the old sheet with exactly the change asked.

mod emit;
mod journal;
mod structure;

pub use emit::{entry_yaml, number, scalar};
pub use journal::{amend_entry, amend_in_tail, append_entry, append_in_tail};
pub use structure::{add_item, add_root_item, later, set_keys};

use crate::decode::Decoder;
use crate::model::{Partner, Sheet};
use crate::yaml::Node;
use std::ops::Range;
use std::str::FromStr;
use yaml_edit::Document;

/// Something the edit changed besides the lines of the change itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A flow `journal: [...]` was rewritten as a block sequence.
    FlowJournalRewritten,
    /// The file had no final newline; it has one now.
    FinalNewlineAdded,
}

/// Why a file cannot be edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The root is a flow mapping `{...}`.
    FlowRoot,
    /// The root is not a mapping of keys.
    RootNotMapping,
    /// The key holds something else than a block list (`- ...` lines).
    NotBlockList(String),
    /// The YAML editor could not read the file or the change.
    Unparsable,
}

/// The new text, what changed besides the change, and which old lines the
/// change may replace.
#[derive(Debug, Clone)]
pub struct Edited {
    /// The whole new file.
    pub text: String,
    /// Changes beyond the lines of the change.
    pub notices: Vec<Notice>,
    /// Lines of the old text (0-based, end excluded) that the change
    /// replaces; empty when it only adds lines.
    pub replaced: Vec<Range<usize>>,
}

/// The text of a file as the edits see it: a UTF-8 BOM and CRLF line
/// endings set aside, a final newline added (said in `notices`).
pub(crate) struct Normal {
    bom: &'static str,
    crlf: bool,
    /// The text, with `\n` line endings and a final newline.
    pub text: String,
    /// What normalising it changed.
    pub notices: Vec<Notice>,
}

impl Normal {
    /// `original` normalised.
    pub(crate) fn of(original: &str) -> Normal {
        let (bom, body) = match original.strip_prefix('\u{feff}') {
            Some(rest) => ("\u{feff}", rest),
            None => ("", original),
        };
        let crlf = body.contains("\r\n") && !body.replace("\r\n", "").contains('\n');
        let mut text = if crlf {
            body.replace("\r\n", "\n")
        } else {
            body.to_string()
        };
        let mut notices = Vec::new();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
            notices.push(Notice::FinalNewlineAdded);
        }
        Normal {
            bom,
            crlf,
            text,
            notices,
        }
    }

    /// `edited` (a change of [`Normal::text`]) with the BOM and the line
    /// endings put back.
    pub(crate) fn restore(self, edited: &str, replaced: Vec<Range<usize>>) -> Edited {
        let edited = if self.crlf {
            edited.replace('\n', "\r\n")
        } else {
            edited.to_string()
        };
        Edited {
            text: format!("{}{edited}", self.bom),
            notices: self.notices,
            replaced,
        }
    }
}

/// Runs `change` on the text of `original` with its BOM and CRLF line
/// endings set aside (and a final newline added), then restores them.
/// `change` gets the parsed document, its text, and the notices so far; it
/// returns the new text and the replaced line ranges.
pub(crate) fn edit_text(
    original: &str,
    change: impl FnOnce(&Document, &str, &mut Vec<Notice>) -> Result<Changed, EditError>,
) -> Result<Edited, EditError> {
    let mut normal = Normal::of(original);
    let text = std::mem::take(&mut normal.text);
    if first_content_line(&text).is_some_and(|l| l.starts_with('{')) {
        return Err(EditError::FlowRoot);
    }
    let (prolog, document) = text.split_at(prolog_len(&text));
    let doc = parse_doc(document)?;
    let changed = change(&doc, document, &mut normal.notices)?;
    let shift = prolog.matches('\n').count();
    let replaced = changed
        .replaced
        .into_iter()
        .map(|r| r.start + shift..r.end + shift)
        .collect();
    Ok(normal.restore(&format!("{prolog}{}", changed.text), replaced))
}

/// The length of what comes before the document's `---` line: directives
/// (`%YAML 1.2`), comments and blank lines, which `yaml-edit` reads only
/// as part of a whole stream. The edit is made on the document from its
/// `---` line on, and this is put back before it unchanged. Zero when the
/// file has no `---` line after such lines.
fn prolog_len(text: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if let Some(rest) = trimmed.strip_prefix("---") {
            let rest = rest.trim_start();
            let bare = rest.is_empty() || (rest.starts_with('#') && rest.len() < trimmed.len() - 3);
            return if bare { at } else { 0 };
        }
        let trivia = trimmed.trim_start();
        if !(trivia.is_empty() || trivia.starts_with('#') || trimmed.starts_with('%')) {
            return 0;
        }
        at += line.len();
    }
    0
}

/// What a change made of the normalised text.
pub(crate) struct Changed {
    /// The new text.
    pub text: String,
    /// The old lines it replaces.
    pub replaced: Vec<Range<usize>>,
}

#[cfg(test)]
thread_local! {
    /// The length of the longest text [`parse_doc`] was given, so that a
    /// test can see that `record` no longer reads the whole file into the
    /// editor.
    pub(crate) static PARSED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Parses YAML text for editing.
pub(crate) fn parse_doc(text: &str) -> Result<Document, EditError> {
    #[cfg(test)]
    PARSED.with(|n| n.set(n.get().max(text.len())));
    Document::from_str(text).map_err(|_| EditError::Unparsable)
}

/// The lines (0-based, end excluded) that the bytes `range` of `text` span.
pub(crate) fn lines_of(text: &str, range: Range<usize>) -> Range<usize> {
    let line = |at: usize| text[..at.min(text.len())].matches('\n').count();
    let end = range.end.max(range.start + 1);
    line(range.start)..line(end - 1) + 1
}

fn first_content_line(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")
}

/// How the file indents the items of its block sequences under a root key
/// (two spaces when it has none).
pub(crate) fn sequence_indent(text: &str) -> usize {
    let mut after_root_key = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if after_root_key && trimmed.starts_with("- ") {
            return line.len() - trimmed.len();
        }
        after_root_key = !line.starts_with(' ') && line.trim_end().ends_with(':');
    }
    2
}

/// Why an edit failed its verification (nothing is written then).
#[derive(Debug, Clone, PartialEq)]
pub enum VerifyError {
    /// The new text is not a valid sheet; the parse problem, when it does not parse.
    NotASheet(Option<crate::diag::Problem>),
    /// The new text reads as something else than the old sheet plus the change.
    NotOldPlusChange,
    /// As [`VerifyError::NotOldPlusChange`], in a file that does not end
    /// with a line break: its last value (a `|` or `>` text) would gain one.
    NoFinalLineBreak,
    /// The diff would change or remove lines outside the change.
    ChangesLines,
}

/// Checks an edit: the new text must read back as `expected` (the old sheet
/// with the change), and the diff may change no old line outside
/// `edited.replaced`, unless a notice says otherwise. Returns the new sheet.
pub fn verify(old_text: &str, edited: &Edited, expected: &Sheet) -> Result<Sheet, VerifyError> {
    let with_file = |d: &mut Decoder, node: &Node| {
        crate::decode::decode_sheet(d, node).map(|mut s| {
            s.file = expected.file.clone();
            s
        })
    };
    verify_as(old_text, edited, expected, with_file)
}

/// [`verify`] for `partners.yaml`: it must read back as `expected`.
pub fn verify_partners(
    old_text: &str,
    edited: &Edited,
    expected: &Vec<Partner>,
) -> Result<Vec<Partner>, VerifyError> {
    verify_as(old_text, edited, expected, crate::decode::decode_partners)
}

/// Reads the new text back with `decode` and checks it against `expected`
/// and the lines the change may replace.
fn verify_as<T: PartialEq>(
    old_text: &str,
    edited: &Edited,
    expected: &T,
    decode: impl Fn(&mut Decoder, &Node) -> Option<T>,
) -> Result<T, VerifyError> {
    let body = edited.text.strip_prefix('\u{feff}').unwrap_or(&edited.text);
    let node = crate::yaml::parse(body).map_err(|e| {
        VerifyError::NotASheet(Some(crate::load::parse_problem(e.kind, body, e.pos)))
    })?;
    let mut decoder = Decoder::new(body);
    let new = match decode(&mut decoder, &node) {
        Some(s) if decoder.found.is_empty() => s,
        _ => return Err(VerifyError::NotASheet(None)),
    };
    if new != *expected {
        return Err(match old_text.ends_with('\n') {
            true => VerifyError::NotOldPlusChange,
            false => VerifyError::NoFinalLineBreak,
        });
    }
    if edited.notices.is_empty() && !changes_only(old_text, &edited.text, &edited.replaced) {
        return Err(VerifyError::ChangesLines);
    }
    Ok(new)
}

/// True when going from `old` to `new` only inserts lines.
pub fn only_adds_lines(old: &str, new: &str) -> bool {
    changes_only(old, new, &[])
}

/// True when going from `old` to `new` inserts lines and replaces or
/// deletes only old lines within `replaced`.
fn changes_only(old: &str, new: &str, replaced: &[Range<usize>]) -> bool {
    use similar::{DiffTag, TextDiff};
    TextDiff::from_lines(old, new).ops().iter().all(|op| {
        let lines = op.old_range();
        match op.tag() {
            DiffTag::Equal | DiffTag::Insert => true,
            DiffTag::Delete | DiffTag::Replace => lines
                .clone()
                .all(|line| replaced.iter().any(|r| r.contains(&line))),
        }
    })
}

/// A unified diff of the change, for `--dry-run`.
pub fn unified_diff(old: &str, new: &str, path: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests;

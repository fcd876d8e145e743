//! The lossless journal append (spec section 8) and its verification.
//!
//! The entry goes last in the sheet's `journal:` block sequence through
//! `yaml-edit`, which keeps every other byte: comments, blank lines, key
//! order, quoting. A UTF-8 BOM and CRLF line endings are set aside before the
//! edit and restored after. The exceptions are said in [`Notice`]s.

mod emit;

pub use emit::{entry_yaml, number, scalar};

use crate::model::{Entry, Sheet};
use std::str::FromStr;
use yaml_edit::Document;

/// Something the edit changed besides adding the entry's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A flow `journal: [...]` was rewritten as a block sequence.
    FlowJournalRewritten,
    /// The file had no final newline; it has one now.
    FinalNewlineAdded,
}

/// Why an entry cannot be appended to a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The root is a flow mapping `{...}`.
    #[error("the sheet is written as one flow mapping `{{...}}`")]
    FlowRoot,
    /// The root is not a mapping of keys.
    #[error("the sheet is not a mapping of keys")]
    RootNotMapping,
    /// The YAML editor could not read the file or the entry.
    #[error("the sheet could not be read for editing")]
    Unparsable,
}

/// The new text and what changed besides the entry.
#[derive(Debug, Clone)]
pub struct Edited {
    /// The whole new file.
    pub text: String,
    /// Changes beyond the added lines.
    pub notices: Vec<Notice>,
}

/// Appends `entry` to the journal of the sheet whose file text is `original`.
/// `existing` is the sheet's current journal (used when a flow journal is rewritten).
pub fn append_entry(
    original: &str,
    entry: &Entry,
    existing: &[Entry],
) -> Result<Edited, EditError> {
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
    if first_content_line(&text).is_some_and(|l| l.starts_with('{')) {
        return Err(EditError::FlowRoot);
    }
    let doc = Document::from_str(&text).map_err(|_| EditError::Unparsable)?;
    let root = doc.as_mapping().ok_or(EditError::RootNotMapping)?;
    let edited = if !root.contains_key("journal") {
        format!(
            "{text}journal:\n{}",
            as_sequence(&[entry], sequence_indent(&text))
        )
    } else {
        match root.get_sequence("journal") {
            Some(seq) if !seq.is_flow_style() => {
                let item = parse_doc(&entry_yaml(entry))?;
                let mapping = item.as_mapping().ok_or(EditError::Unparsable)?;
                seq.push(mapping);
            }
            Some(_) => {
                let all: Vec<&Entry> = existing.iter().chain([entry]).collect();
                replace_journal(&root, &all)?;
                notices.push(Notice::FlowJournalRewritten);
            }
            None => replace_journal(&root, &[entry])?,
        }
        doc.to_string()
    };
    let edited = if crlf {
        edited.replace('\n', "\r\n")
    } else {
        edited
    };
    Ok(Edited {
        text: format!("{bom}{edited}"),
        notices,
    })
}

fn parse_doc(text: &str) -> Result<Document, EditError> {
    Document::from_str(text).map_err(|_| EditError::Unparsable)
}

fn replace_journal(root: &yaml_edit::Mapping, entries: &[&Entry]) -> Result<(), EditError> {
    let doc = parse_doc(&as_sequence(entries, 0))?;
    let seq = doc.as_sequence().ok_or(EditError::Unparsable)?;
    root.set("journal", seq);
    Ok(())
}

/// Entries as a block sequence indented by `indent` spaces.
fn as_sequence(entries: &[&Entry], indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for e in entries {
        for (i, line) in entry_yaml(e).lines().enumerate() {
            out.push_str(&pad);
            out.push_str(if i == 0 { "- " } else { "  " });
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn first_content_line(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")
}

/// How the file indents the items of its block sequences under a root key
/// (two spaces when it has none).
fn sequence_indent(text: &str) -> usize {
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
    /// The new text reads as something else than the old sheet plus the entry.
    NotOldPlusEntry,
    /// The diff would change or remove existing lines.
    ChangesLines,
}

/// Checks an edit: the new text must read back as the old sheet plus exactly
/// `entry`, and the diff may only add lines unless a notice says otherwise.
pub fn verify(
    old_text: &str,
    old: &Sheet,
    edited: &Edited,
    entry: &Entry,
) -> Result<Sheet, VerifyError> {
    let body = edited.text.strip_prefix('\u{feff}').unwrap_or(&edited.text);
    let node = crate::yaml::parse(body).map_err(|e| {
        VerifyError::NotASheet(Some(crate::load::parse_problem(e.kind, body, e.pos)))
    })?;
    let mut decoder = crate::decode::Decoder::new(body);
    let sheet = crate::decode::decode_sheet(&mut decoder, &node);
    let mut new = match sheet {
        Some(s) if decoder.found.is_empty() => s,
        _ => return Err(VerifyError::NotASheet(None)),
    };
    new.file = old.file.clone();
    let mut expected = old.clone();
    expected.journal.push(entry.clone());
    if new != expected {
        return Err(VerifyError::NotOldPlusEntry);
    }
    if edited.notices.is_empty() && !only_adds_lines(old_text, &edited.text) {
        return Err(VerifyError::ChangesLines);
    }
    Ok(new)
}

/// True when going from `old` to `new` only inserts lines.
pub fn only_adds_lines(old: &str, new: &str) -> bool {
    use similar::{DiffTag, TextDiff};
    TextDiff::from_lines(old, new)
        .ops()
        .iter()
        .all(|op| matches!(op.tag(), DiffTag::Equal | DiffTag::Insert))
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

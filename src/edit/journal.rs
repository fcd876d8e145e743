//! Journal edits: append an entry last in `journal:`, or replace the last one.

use super::{Changed, EditError, Edited, Notice, edit_text, entry_yaml, lines_of, parse_doc};
use crate::model::Entry;

/// Appends `entry` to the journal of the sheet whose file text is `original`.
/// `existing` is the sheet's current journal (used when a flow journal is rewritten).
pub fn append_entry(
    original: &str,
    entry: &Entry,
    existing: &[Entry],
) -> Result<Edited, EditError> {
    edit_text(original, |doc, text, notices| {
        let root = doc.as_mapping().ok_or(EditError::RootNotMapping)?;
        if !root.contains_key("journal") {
            let indent = super::sequence_indent(text);
            return Ok(Changed {
                text: format!("{text}journal:\n{}", as_sequence(&[entry], indent)),
                replaced: Vec::new(),
            });
        }
        match root.get_sequence("journal") {
            Some(seq) if !seq.is_flow_style() => seq.push(entry_mapping(entry)?),
            Some(_) => {
                let all: Vec<&Entry> = existing.iter().chain([entry]).collect();
                replace_journal(&root, &all)?;
                notices.push(Notice::FlowJournalRewritten);
            }
            None => replace_journal(&root, &[entry])?,
        }
        Ok(Changed {
            text: doc.to_string(),
            replaced: Vec::new(),
        })
    })
}

/// Replaces the last entry in the file's `journal:` with `entry`; `kept` is
/// the journal without its last entry (used when a flow journal is
/// rewritten). Only the old entry's lines are replaced.
pub fn amend_entry(original: &str, entry: &Entry, kept: &[Entry]) -> Result<Edited, EditError> {
    edit_text(original, |doc, text, notices| {
        let root = doc.as_mapping().ok_or(EditError::RootNotMapping)?;
        let seq = root
            .get_sequence("journal")
            .filter(|s| !s.is_empty())
            .ok_or(EditError::Unparsable)?;
        if seq.is_flow_style() {
            let all: Vec<&Entry> = kept.iter().chain([entry]).collect();
            replace_journal(&root, &all)?;
            notices.push(Notice::FlowJournalRewritten);
            return Ok(Changed {
                text: doc.to_string(),
                replaced: Vec::new(),
            });
        }
        let last = seq.len() - 1;
        let old = seq.get(last).ok_or(EditError::Unparsable)?;
        let range = old.byte_range();
        let replaced = lines_of(text, range.start as usize..range.end as usize);
        if !seq.set(last, entry_mapping(entry)?) {
            return Err(EditError::Unparsable);
        }
        Ok(Changed {
            text: doc.to_string(),
            replaced: vec![replaced],
        })
    })
}

/// The entry as a mapping node for `yaml-edit`.
fn entry_mapping(entry: &Entry) -> Result<yaml_edit::Mapping, EditError> {
    let item = parse_doc(&entry_yaml(entry))?;
    item.as_mapping().ok_or(EditError::Unparsable)
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

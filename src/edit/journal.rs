//! Journal edits: append an entry last in `journal:`, or replace the last one.

use super::{
    Changed, EditError, Edited, Normal, Notice, edit_text, entry_yaml, lines_of, parse_doc,
};
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
        let mut replaced = Vec::new();
        match root.get_sequence("journal") {
            Some(seq) if !seq.is_flow_style() => seq.push(entry_mapping(entry)?),
            Some(_) => {
                let all: Vec<&Entry> = existing.iter().chain([entry]).collect();
                replace_journal(&root, &all)?;
                notices.push(Notice::FlowJournalRewritten);
            }
            None => {
                // `journal: ~` (or `null`): the null is the one thing replaced.
                if let Some(null) = root.get("journal") {
                    let range = null.byte_range();
                    let range = range.start as usize..range.end as usize;
                    if !range.is_empty() {
                        replaced.push(lines_of(text, range));
                    }
                }
                replace_journal(&root, &[entry])?;
            }
        }
        Ok(Changed {
            text: doc.to_string(),
            replaced,
        })
    })
}

/// Replaces the last entry in the file's `journal:` with `entry`; `kept` is
/// the journal without its last entry (used when a flow journal is
/// rewritten). Only the old entry's lines are replaced.
///
/// The replacement is made by `yaml-edit` on a document holding only the
/// last entry and the lines after it ([`set_in_tail`]): its `Sequence::set`
/// takes time in proportion to the whole sequence for every node it
/// touches, so on the whole journal an amend was quadratic (63.6 s at
/// 50,000 entries). The lines before the last entry are kept as they are.
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
        let range = range.start as usize..range.end as usize;
        let replaced = lines_of(text, range.clone());
        let tail = entry_line_start(text, range.start)
            .map(|start| set_in_tail(text, start, entry))
            .transpose()?
            .flatten();
        let text = match tail {
            Some(text) => text,
            None => {
                if !set_item(&seq, last, entry_mapping(entry)?) {
                    return Err(EditError::Unparsable);
                }
                doc.to_string()
            }
        };
        Ok(Changed {
            text,
            replaced: vec![replaced],
        })
    })
}

/// [`append_entry`] without reading the whole file into the editor: the
/// entry is pushed in a document of `journal:`, the journal's last entry
/// and the lines after it, the lines before kept as they are. `last` is
/// that entry as the plan was read; its date must open its item's line
/// (`  - date: …`, as `record` writes it), which finds the line without a
/// second reading of the file. `None` when that does not hold or that
/// document does not read as a one-entry block journal: the caller then
/// edits the whole file, and verifies either result.
///
/// `yaml-edit` holds about 36 bytes of tree per byte of text: on a sheet of
/// 200,000 entries (8 MB) the whole-file edit peaked at 370 MB.
pub fn append_in_tail(original: &str, entry: &Entry, last: &Entry) -> Option<Edited> {
    in_tail(original, last, |seq| {
        seq.push(entry_mapping(entry).ok()?);
        Some(None)
    })
}

/// [`amend_entry`] without reading the whole file into the editor, as
/// [`append_in_tail`]: `old` is the last entry as the plan was read, which
/// `entry` replaces (its lines are the ones replaced).
pub fn amend_in_tail(original: &str, entry: &Entry, old: &Entry) -> Option<Edited> {
    in_tail(original, old, |seq| {
        let item = seq.get(0)?.byte_range();
        let item = item.start as usize..item.end as usize;
        set_item(seq, 0, entry_mapping(entry).ok()?).then_some(Some(item))
    })
}

/// Edits the tail of the journal that starts at the line of `last`'s date
/// with `change`, which returns the byte range (in the tail document) of
/// the lines it replaces, if any.
fn in_tail(
    original: &str,
    last: &Entry,
    change: impl FnOnce(&yaml_edit::Sequence) -> Option<Option<std::ops::Range<usize>>>,
) -> Option<Edited> {
    let normal = Normal::of(original);
    let text = normal.text.as_str();
    let line = usize::try_from(last.date.pos.line).ok()?.checked_sub(1)?;
    let start = text
        .split_inclusive('\n')
        .take(line)
        .map(str::len)
        .sum::<usize>();
    let opening = text.get(start..)?.lines().next()?;
    let item = opening.trim_start_matches(' ').strip_prefix("- ")?;
    if !item.trim_start_matches(' ').starts_with("date:") {
        return None;
    }
    let doc = parse_doc(&format!("{TAIL_KEY}{}", &text[start..])).ok()?;
    let seq = doc.as_mapping()?.get_sequence("journal")?;
    if seq.is_flow_style() || seq.len() != 1 {
        return None;
    }
    let replaced = change(&seq)?;
    let edited = doc.to_string();
    let tail = edited.strip_prefix(TAIL_KEY)?;
    let shift = |at: usize| at.checked_sub(TAIL_KEY.len()).map(|a| a + start);
    let replaced = match replaced {
        Some(r) => vec![lines_of(text, shift(r.start)?..shift(r.end)?)],
        None => Vec::new(),
    };
    let new = format!("{}{tail}", &text[..start]);
    Some(normal.restore(&new, replaced))
}

/// The start of the line of the block sequence item whose value starts at
/// byte `item`, when that line holds only the item's dash before it
/// (`  - date: ...`).
fn entry_line_start(text: &str, item: usize) -> Option<usize> {
    let start = text.get(..item)?.rfind('\n').map_or(0, |i| i + 1);
    let dash = text[start..item]
        .trim_start_matches(' ')
        .strip_prefix('-')?;
    (!dash.is_empty() && dash.bytes().all(|b| b == b' ')).then_some(start)
}

/// The root key the tail of the journal is put under to be edited alone.
const TAIL_KEY: &str = "journal:\n";

/// `text` with the journal entry starting at byte `start` (its line) set to
/// `entry`, the edit made on a document of `journal:` and the text from
/// `start` on: what `yaml-edit` gives on the whole file, since that entry
/// and everything after it are the same (an anchor it holds, aliases after
/// it). `None` when that document does not read as a one-entry block
/// journal: the caller then edits the whole file.
fn set_in_tail(text: &str, start: usize, entry: &Entry) -> Result<Option<String>, EditError> {
    let Ok(doc) = parse_doc(&format!("{TAIL_KEY}{}", &text[start..])) else {
        return Ok(None);
    };
    let Some(seq) = doc.as_mapping().and_then(|m| m.get_sequence("journal")) else {
        return Ok(None);
    };
    if seq.is_flow_style() || seq.len() != 1 || !set_item(&seq, 0, entry_mapping(entry)?) {
        return Ok(None);
    }
    let edited = doc.to_string();
    Ok(edited
        .strip_prefix(TAIL_KEY)
        .map(|rest| format!("{}{rest}", &text[..start])))
}

#[cfg(test)]
thread_local! {
    /// The number of items of the last sequence [`set_item`] edited in, so
    /// that a test can see that an amend no longer edits the whole journal.
    pub(super) static SET_IN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// `yaml-edit`'s `Sequence::set`, counted in tests.
fn set_item(seq: &yaml_edit::Sequence, index: usize, item: yaml_edit::Mapping) -> bool {
    #[cfg(test)]
    SET_IN.with(|n| n.set(seq.len()));
    seq.set(index, item)
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

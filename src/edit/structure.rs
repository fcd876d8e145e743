//! Structure edits of a mapping file (an action sheet): add an item to a
//! list, or set a key, where a person would put it.

use super::{Changed, EditError, Edited, edit_text, lines_of, parse_doc, sequence_indent};

/// Adds the block mapping `item` (one `key: value` per line, no indentation)
/// last in the list under `key`. When `key` is missing it is added before
/// the first key of `later` the file has (and the comment lines just above
/// it), else at the end. Only lines are added.
pub fn add_item(original: &str, key: &str, item: &str) -> Result<Edited, EditError> {
    edit_text(original, |doc, text, _| {
        let root = doc.as_mapping().ok_or(EditError::RootNotMapping)?;
        let block = |head: &str| {
            let pad = " ".repeat(sequence_indent(text));
            let mut block = format!("{head}\n");
            for (i, line) in item.lines().enumerate() {
                let dash = if i == 0 { "- " } else { "  " };
                block.push_str(&format!("{pad}{dash}{line}\n"));
            }
            block
        };
        match root.get(key) {
            None => Ok(insert_key(text, &block(&format!("{key}:")), later(key))),
            Some(node) if nothing(text, &node) => {
                // `milestones: ~` (`null`, nothing, `[]`): the key's lines
                // become the list, a comment after the value kept.
                let value = node.byte_range();
                let value = value.start as usize..value.end as usize;
                let start = root
                    .keys()
                    .find(|k| k.as_scalar().is_some_and(|s| s.as_string() == key))
                    .map_or(value.start, |k| k.byte_range().start as usize);
                let replaced = lines_of(text, start..value.end.max(start + 1));
                let lines: Vec<&str> = text.split_inclusive('\n').collect();
                let after = text[value.end.max(start)..]
                    .split('\n')
                    .next()
                    .unwrap_or_default()
                    .trim();
                let head = match after.starts_with('#') {
                    true => format!("{key}: {after}"),
                    false => format!("{key}:"),
                };
                let out = [
                    &lines[..replaced.start].concat(),
                    block(&head).as_str(),
                    &lines[replaced.end.min(lines.len())..].concat(),
                ]
                .concat();
                Ok(Changed {
                    text: out,
                    replaced: vec![replaced],
                })
            }
            Some(node) if node.as_sequence().is_some_and(|s| !s.is_flow_style()) => {
                let seq = root.get_sequence(key).ok_or(EditError::Unparsable)?;
                let parsed = parse_doc(item)?;
                seq.push(parsed.as_mapping().ok_or(EditError::Unparsable)?);
                Ok(Changed {
                    text: doc.to_string(),
                    replaced: Vec::new(),
                })
            }
            Some(_) => Err(EditError::NotBlockList(key.to_string())),
        }
    })
}

/// True when `node`, a key's value in `text`, holds nothing: a null (`~`,
/// `null`, no value) or an empty flow list (`[]`), which a new item
/// replaces.
fn nothing(text: &str, node: &yaml_edit::YamlNode) -> bool {
    let range = node.byte_range();
    let written = text
        .get(range.start as usize..range.end as usize)
        .unwrap_or_default()
        .trim();
    matches!(written, "" | "~" | "null" | "Null" | "NULL")
        || node
            .as_sequence()
            .is_some_and(|s| s.is_flow_style() && s.is_empty())
}

/// Adds the block mapping `item` last in a file whose root is a block list
/// (`partners.yaml`). Only lines are added.
pub fn add_root_item(original: &str, item: &str) -> Result<Edited, EditError> {
    edit_text(original, |doc, _, _| {
        let seq = doc
            .as_sequence()
            .filter(|s| !s.is_flow_style())
            .ok_or_else(|| EditError::NotBlockList(String::new()))?;
        let parsed = parse_doc(item)?;
        seq.push(parsed.as_mapping().ok_or(EditError::Unparsable)?);
        Ok(Changed {
            text: doc.to_string(),
            replaced: Vec::new(),
        })
    })
}

/// The keys after `key` in the spec's order.
pub fn later(key: &str) -> &'static [&'static str] {
    let order = crate::decode::SHEET_KEYS;
    let at = order.iter().position(|k| *k == key).map_or(0, |i| i + 1);
    &order[at..]
}

/// Sets each root `key` to its flow value (`lead-id`, `[a, b]`,
/// `{start: 2023, end: 2026}`): an existing key's lines are replaced by one
/// line, a missing key is added as [`add_item`] places it.
pub fn set_keys(original: &str, pairs: &[(&str, String)]) -> Result<Edited, EditError> {
    edit_text(original, |doc, text, _| {
        let root = doc.as_mapping().ok_or(EditError::RootNotMapping)?;
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        // (old lines replaced, new text), all in the old text's lines.
        let mut changes: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for (key, value) in pairs {
            let line = format!("{key}: {value}\n");
            match root.get(*key) {
                None => {
                    let at = insert_at(&lines, later(key));
                    changes.push((at..at, line));
                }
                Some(old) => {
                    let start = root
                        .keys()
                        .find(|k| k.as_scalar().is_some_and(|s| s.as_string() == *key))
                        .map_or(old.byte_range().start, |k| k.byte_range().start);
                    let range = lines_of(text, start as usize..old.byte_range().end as usize);
                    changes.push((range, line));
                }
            }
        }
        changes.sort_by_key(|(r, _)| (r.start, r.end));
        let mut out = String::new();
        let mut next = 0;
        for (range, line) in &changes {
            out.push_str(&lines[next.min(range.start)..range.start].concat());
            out.push_str(line);
            next = next.max(range.end);
        }
        out.push_str(&lines[next.min(lines.len())..].concat());
        let replaced = changes
            .into_iter()
            .map(|(r, _)| r)
            .filter(|r| !r.is_empty());
        Ok(Changed {
            text: out,
            replaced: replaced.collect(),
        })
    })
}

/// The line before which a key goes: the first root key of `later` that
/// `lines` hold (and the comment lines just above it), or the end.
fn insert_at(lines: &[&str], later: &[&str]) -> usize {
    let is_key = |line: &str, key: &str| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    };
    lines
        .iter()
        .position(|l| later.iter().any(|k| is_key(l, k)))
        .map(|mut at| {
            while at > 0 && lines[at - 1].starts_with('#') {
                at -= 1;
            }
            at
        })
        .unwrap_or(lines.len())
}

/// `text` with `block` inserted where [`insert_at`] says.
fn insert_key(text: &str, block: &str, later: &[&str]) -> Changed {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let at = insert_at(&lines, later);
    Changed {
        text: [&lines[..at].concat(), block, &lines[at..].concat()].concat(),
        replaced: Vec::new(),
    }
}

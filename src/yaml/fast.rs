//! A fast reader for the plain block YAML that plan files are written in.
//!
//! It reads block mappings with simple keys, block sequences, one-line
//! plain, single- and double-quoted scalars without escapes, one-line flow
//! sequences and mappings of such scalars, blank lines and comment lines.
//! At anything else (anchors, tags, block or multi-line scalars, escapes,
//! a comment after a value, an empty value, a quoted, non-ASCII or
//! 1,000-character key, an indented first line, `---` or `...`, a tab, a
//! control character, a mistake of any kind) it gives up, and granit-parser reads the file from
//! the start: every diagnostic comes from there. What it reads, it gives the
//! tree builder with the values and positions granit-parser's events would
//! give (`tests/reader.rs` compares both readers on every fixture, the
//! shipped plan, generated plans and thousands of mutated files).

use super::events::Builder;
use super::resolve::scalar;
use super::{Node, Pos};
use granit_parser::ScalarStyle;
use std::borrow::Cow;
use std::cell::Cell;

/// The text is outside the subset this reader knows.
struct GiveUp;

type Step<T = ()> = Result<T, GiveUp>;

/// A line with content (neither blank nor a comment).
struct Line<'s> {
    /// Byte offset of the line in the source.
    start: usize,
    /// 1-based line number.
    number: u32,
    /// Leading spaces.
    indent: usize,
    /// The line without its `\n`, trailing spaces removed.
    text: &'s str,
    /// Whether `text` is ASCII: its columns are then its bytes.
    ascii: bool,
}

/// Reads `source` when it is within the subset; `None` otherwise.
pub(super) fn parse(source: &str) -> Option<Node<'_>> {
    let lines = content_lines(source).ok()?;
    let mut reader = Reader {
        lines,
        at: 0,
        b: Builder::default(),
        column: Cell::new((0, 0, 0)),
    };
    reader.document().ok()?;
    reader.b.root
}

fn content_lines(source: &str) -> Step<Vec<Line<'_>>> {
    if !plain_characters(source) {
        return Err(GiveUp);
    }
    let mut lines = Vec::with_capacity(source.len() / 24);
    let mut start = 0;
    for (i, raw) in source.split('\n').enumerate() {
        let text = raw.trim_end_matches(' ');
        let indent = text.len() - text.trim_start_matches(' ').len();
        let body = &text[indent..];
        let number = u32::try_from(i + 1).map_err(|_| GiveUp)?;
        if indent == 0 && (body.starts_with("---") || body.starts_with("...")) {
            return Err(GiveUp);
        }
        if !body.is_empty() && !body.starts_with('#') {
            lines.push(Line {
                start,
                number,
                indent,
                text,
                ascii: text.is_ascii(),
            });
        }
        start += raw.len() + 1;
    }
    Ok(lines)
}

/// True when `source` has no tab, carriage return, control character, DEL,
/// C1 control, byte-order mark, U+FFFE/U+FFFF or Unicode line separator:
/// characters YAML treats apart.
fn plain_characters(source: &str) -> bool {
    let bytes = source.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'\n' => true,
        0..=0x1f | 0x7f => false,
        0xc2 => !matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => !matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xa8 | 0xa9])),
        0xef => !matches!(
            bytes.get(i + 1..i + 3),
            Some([0xbb, 0xbf] | [0xbf, 0xbe | 0xbf])
        ),
        _ => true,
    })
}

struct Reader<'s> {
    lines: Vec<Line<'s>>,
    /// The line being read.
    at: usize,
    b: Builder<'s>,
    /// The last column counted on a non-ASCII line: (line, byte, column),
    /// so that counting goes on from there (offsets grow along a line).
    column: Cell<(usize, usize, usize)>,
}

impl<'s> Reader<'s> {
    fn document(&mut self) -> Step {
        let first = self.lines.first().ok_or(GiveUp)?;
        if first.indent != 0 {
            return Err(GiveUp);
        }
        let pos = self.pos(0);
        self.b.document(pos).map_err(|_| GiveUp)?;
        if dash_at(first, 0) {
            self.sequence(0, false)?;
        } else {
            self.mapping(0)?;
        }
        if self.at == self.lines.len() {
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// The position of byte `off` of the current line.
    fn pos(&self, off: usize) -> Pos {
        let line = &self.lines[self.at];
        let col = if line.ascii {
            off
        } else {
            let (at, byte, col) = match self.column.get() {
                (at, byte, col) if at == self.at && byte <= off => (at, byte, col),
                _ => (self.at, 0, 0),
            };
            let col = col + line.text[byte..off].chars().count();
            self.column.set((at, off, col));
            col
        };
        Pos {
            line: line.number,
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
        }
    }

    fn line(&self) -> Step<&Line<'s>> {
        self.lines.get(self.at).ok_or(GiveUp)
    }

    /// A block mapping whose keys start at byte `col` of their lines, the
    /// first on the current line.
    fn mapping(&mut self, col: usize) -> Step {
        let start = self.line()?.start + col;
        let pos = self.pos(col);
        self.b
            .start(true, pos, start..start, 0)
            .map_err(|_| GiveUp)?;
        loop {
            self.pair(col)?;
            match self.lines.get(self.at) {
                Some(next) if next.indent == col && !dash_at(next, col) => {}
                Some(next) if next.indent >= col => return Err(GiveUp),
                _ => break,
            }
        }
        self.b.end().map_err(|_| GiveUp)
    }

    /// `key: value` or `key:` and a nested block, the key at byte `col`.
    fn pair(&mut self, col: usize) -> Step {
        let line = self.line()?;
        let (text, start) = (line.text, line.start);
        let key_len = key_at(text, col).ok_or(GiveUp)?;
        let key = &text[col..col + key_len];
        let pos = self.pos(col);
        let node = Node {
            pos,
            bytes: start + col..start + col + key_len,
            value: scalar(Cow::Borrowed(key), ScalarStyle::Plain, None),
        };
        self.b.value(node, 0).map_err(|_| GiveUp)?;
        let after = col + key_len + 1;
        let value = after + count_spaces(&text[after..]);
        if value < text.len() {
            self.inline(value)?;
            return self.after_inline(col);
        }
        // Nothing after the colon: a nested block on the next lines.
        self.at += 1;
        let next = self.line()?;
        let indent = next.indent;
        if indent > col {
            if dash_at(next, indent) {
                self.sequence(indent, false)
            } else {
                self.mapping(indent)
            }
        } else if indent == col && dash_at(next, col) {
            self.sequence(col, true)
        } else {
            Err(GiveUp)
        }
    }

    /// Moves past a line that ended with a one-line value of a key or item
    /// at byte `col`; a deeper line next would continue it: given up.
    fn after_inline(&mut self, col: usize) -> Step {
        self.at += 1;
        match self.lines.get(self.at) {
            Some(next) if next.indent > col => Err(GiveUp),
            _ => Ok(()),
        }
    }

    /// A block sequence whose dashes are at byte `col`; `indentless` when it
    /// is a key's value with its dashes under the key (its start is then
    /// placed at the first item, as granit-parser places it).
    fn sequence(&mut self, col: usize, indentless: bool) -> Step {
        let line = self.line()?;
        let first_item = item_at(line, col).ok_or(GiveUp)?;
        let at = if indentless { first_item } else { col };
        let start = line.start + at;
        let pos = self.pos(at);
        self.b
            .start(false, pos, start..start, 0)
            .map_err(|_| GiveUp)?;
        loop {
            let line = self.line()?;
            let item = item_at(line, col).ok_or(GiveUp)?;
            if line.text[item..].starts_with('-') {
                return Err(GiveUp);
            }
            if key_at(line.text, item).is_some() {
                self.mapping(item)?;
            } else {
                self.inline(item)?;
                self.after_inline(col)?;
            }
            match self.lines.get(self.at) {
                Some(next) if next.indent == col && dash_at(next, col) => {}
                Some(next) if next.indent < col || (indentless && next.indent == col) => break,
                None => break,
                Some(_) => return Err(GiveUp),
            }
        }
        self.b.end().map_err(|_| GiveUp)
    }

    /// A value that starts at byte `off` of the current line and ends it.
    fn inline(&mut self, off: usize) -> Step {
        let text = self.line()?.text;
        let end = match text.as_bytes()[off] {
            b'[' => self.flow(off, false)?,
            b'{' => self.flow(off, true)?,
            b'"' | b'\'' => self.quoted(off)?,
            _ => {
                let value = &text[off..];
                if !plain_ok(value, false) {
                    return Err(GiveUp);
                }
                self.plain(off, text.len())?;
                text.len()
            }
        };
        if end == text.len() {
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// A plain scalar from byte `off` to `end` of the current line.
    fn plain(&mut self, off: usize, end: usize) -> Step {
        let line = self.line()?;
        let text = &line.text[off..end];
        let node = Node {
            pos: self.pos(off),
            bytes: line.start + off..line.start + end,
            value: scalar(Cow::Borrowed(text), ScalarStyle::Plain, None),
        };
        self.b.value(node, 0).map_err(|_| GiveUp)
    }

    /// A quoted scalar opening at byte `off`; returns the byte after it.
    fn quoted(&mut self, off: usize) -> Step<usize> {
        let line = self.line()?;
        let quote = line.text.as_bytes()[off];
        let inner_start = off + 1;
        let len = line.text[inner_start..]
            .bytes()
            .position(|b| b == quote)
            .ok_or(GiveUp)?;
        let inner = &line.text[inner_start..inner_start + len];
        let end = inner_start + len + 1;
        let (style, escaped) = if quote == b'"' {
            (ScalarStyle::DoubleQuoted, inner.contains('\\'))
        } else {
            (
                ScalarStyle::SingleQuoted,
                line.text[end..].starts_with('\''),
            )
        };
        if escaped {
            return Err(GiveUp);
        }
        let node = Node {
            pos: self.pos(off),
            bytes: line.start + off..line.start + end,
            value: scalar(Cow::Borrowed(inner), style, None),
        };
        self.b.value(node, 0).map_err(|_| GiveUp)?;
        Ok(end)
    }

    /// A one-line flow sequence or mapping (`map`) opening at byte `off`,
    /// of scalars; returns the byte after its closing bracket.
    fn flow(&mut self, off: usize, map: bool) -> Step<usize> {
        let line = self.line()?;
        let (text, start) = (line.text, line.start);
        let pos = self.pos(off);
        self.b
            .start(map, pos, start + off..start + off + 1, 0)
            .map_err(|_| GiveUp)?;
        let close = if map { b'}' } else { b']' };
        let mut i = off + 1;
        i += count_spaces(&text[i..]);
        if text.as_bytes().get(i) == Some(&close) {
            self.b.end().map_err(|_| GiveUp)?;
            return Ok(i + 1);
        }
        loop {
            if map {
                let key_len = key_at(text, i).ok_or(GiveUp)?;
                self.plain(i, i + key_len)?;
                i += key_len + 1;
                i += count_spaces(&text[i..]);
            }
            i = self.flow_item(i)?;
            i += count_spaces(&text[i..]);
            match text.as_bytes().get(i) {
                Some(b',') => {
                    i += 1;
                    i += count_spaces(&text[i..]);
                }
                Some(&b) if b == close => break,
                _ => return Err(GiveUp),
            }
        }
        self.b.end().map_err(|_| GiveUp)?;
        Ok(i + 1)
    }

    /// A scalar inside a flow collection at byte `i`; returns the byte after it.
    fn flow_item(&mut self, i: usize) -> Step<usize> {
        let text = self.line()?.text;
        match text.as_bytes().get(i) {
            Some(b'"' | b'\'') => self.quoted(i),
            Some(_) => {
                let len = text[i..].find([',', ']', '}', '[', '{']).ok_or(GiveUp)?;
                let item = text[i..i + len].trim_end_matches(' ');
                if !plain_ok(item, true) {
                    return Err(GiveUp);
                }
                self.plain(i, i + item.len())?;
                Ok(i + item.len())
            }
            None => Err(GiveUp),
        }
    }
}

/// True when the line has a sequence dash at byte `col`.
fn dash_at(line: &Line<'_>, col: usize) -> bool {
    let rest = line.text.as_bytes().get(col..).unwrap_or_default();
    matches!(rest, [b'-'] | [b'-', b' ', ..])
}

/// The byte where the item of the dash at byte `col` starts.
fn item_at(line: &Line<'_>, col: usize) -> Option<usize> {
    if line.indent != col || !line.text[col..].starts_with("- ") {
        return None;
    }
    let item = col + 2 + count_spaces(&line.text[col + 2..]);
    (item < line.text.len()).then_some(item)
}

fn count_spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches(' ').len()
}

/// YAML reads a key as one only within 1,024 characters of its start
/// (granit-parser's `simple_key_max_lookahead`); longer ones are left.
const MAX_KEY: usize = 1_000;

/// The length of a simple key at byte `col` (a letter, digit or `_`, then
/// those, `-` or `.`, at most [`MAX_KEY`]) followed by `:` and a space or
/// the end of the line.
fn key_at(text: &str, col: usize) -> Option<usize> {
    let rest = text.as_bytes().get(col..)?;
    let first = rest.first()?;
    if !(first.is_ascii_alphanumeric() || *first == b'_') {
        return None;
    }
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))?;
    match rest.get(len..)? {
        [b':'] | [b':', b' ', ..] if len <= MAX_KEY => Some(len),
        _ => None,
    }
}

/// True when `value` reads as one plain scalar by itself: it does not start
/// with an indicator (but for `-` before a digit), has no `: ` or ` #`, does
/// not end with `:`; inside a flow collection, has no `:` or `#` at all.
fn plain_ok(value: &str, in_flow: bool) -> bool {
    let bytes = value.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let indicator = b"-?:,[]{}#&*!|>'\"%@`".contains(&first);
    if indicator && !(first == b'-' && bytes.get(1).is_some_and(u8::is_ascii_digit)) {
        return false;
    }
    if in_flow {
        !value.contains([':', '#'])
    } else {
        !(value.contains(": ") || value.contains(" #") || value.ends_with(':'))
    }
}

//! A fast reader for the plain block YAML that plan files are written in.
//!
//! It reads block mappings with simple keys, block sequences, one-line
//! plain scalars, one-line single-quoted scalars (`''` included) and
//! double-quoted ones with YAML 1.2's escapes (`\"`, `\\`, `\n`, `\t`,
//! `\xXX`, `\uXXXX`, `\UXXXXXXXX`…), one-line flow sequences and mappings
//! of those, nested within the builder's depth limit, a comment after a
//! value or after a key whose value follows on the next lines, blank lines
//! and comment lines, and LF or CRLF line ends. At anything else (anchors,
//! tags, block or multi-line scalars, a surrogate or unknown escape, a
//! comment inside a flow collection, an empty value, a quoted, non-ASCII or
//! 1,000-character key, an indented first line, `---` or `...`, a tab, a
//! lone carriage return, a control character, a mistake of any kind) it
//! gives up, and granit-parser reads the file from the start: every
//! diagnostic comes from there. What it reads, it gives the tree builder
//! with the values and positions granit-parser's events would give
//! (`tests/reader.rs` compares both readers, and libyaml as a third, on
//! every fixture, the shipped plan, generated plans in each style and
//! thousands of mutated files). Strings borrow from the source but where
//! an escape or `''` makes them differ from it.

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
    /// The line without its `\n` or `\r\n`, trailing spaces removed.
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
        let text = raw.strip_suffix('\r').unwrap_or(raw).trim_end_matches(' ');
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

/// True when `source` has no tab, carriage return but before a line feed,
/// control character, DEL, C1 control, byte-order mark, U+FFFE/U+FFFF or
/// Unicode line separator: characters YAML treats apart.
fn plain_characters(source: &str) -> bool {
    let bytes = source.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'\n' => true,
        b'\r' => bytes.get(i + 1) == Some(&b'\n'),
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
        // A `#` there follows a space (a key ends with `: `): a comment.
        if value < text.len() && text.as_bytes()[value] != b'#' {
            self.inline(value)?;
            return self.after_inline(col);
        }
        // Nothing after the colon but a comment: a nested block on the
        // next lines.
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

    /// A value that starts at byte `off` of the current line and ends it,
    /// but for a comment.
    fn inline(&mut self, off: usize) -> Step {
        let text = self.line()?.text;
        let end = match text.as_bytes()[off] {
            b'[' => self.flow(off, false)?,
            b'{' => self.flow(off, true)?,
            b'"' | b'\'' => self.quoted(off)?,
            _ => {
                let value = plain_before_comment(&text[off..]);
                if !plain_ok(value, false) {
                    return Err(GiveUp);
                }
                self.plain(off, off + value.len())?;
                off + value.len()
            }
        };
        if only_comment(&text[end..]) {
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
        let (value, end, style) = if line.text.as_bytes()[off] == b'"' {
            let (value, end) = double_quoted(line.text, off + 1).ok_or(GiveUp)?;
            (value, end, ScalarStyle::DoubleQuoted)
        } else {
            let (value, end) = single_quoted(line.text, off + 1).ok_or(GiveUp)?;
            (value, end, ScalarStyle::SingleQuoted)
        };
        let node = Node {
            pos: self.pos(off),
            bytes: line.start + off..line.start + end,
            value: scalar(value, style, None),
        };
        self.b.value(node, 0).map_err(|_| GiveUp)?;
        Ok(end)
    }

    /// A one-line flow sequence or mapping (`map`) opening at byte `off`,
    /// of scalars and flow collections (as deep as the builder allows);
    /// returns the byte after its closing bracket.
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

    /// A scalar or a nested flow collection inside a flow collection at
    /// byte `i`; returns the byte after it.
    fn flow_item(&mut self, i: usize) -> Step<usize> {
        let text = self.line()?.text;
        match text.as_bytes().get(i) {
            Some(b'"' | b'\'') => self.quoted(i),
            Some(b'[') => self.flow(i, false),
            Some(b'{') => self.flow(i, true),
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

/// The plain scalar at the start of `value` (the rest of a line, in a
/// block): up to a comment (` #`), trailing spaces left out.
fn plain_before_comment(value: &str) -> &str {
    match value.find(" #") {
        Some(at) => value[..at].trim_end_matches(' '),
        None => value,
    }
}

/// True when `rest`, what follows a value on its line, is nothing or a
/// comment after spaces (`#` starts one only after whitespace).
fn only_comment(rest: &str) -> bool {
    rest.is_empty() || (rest.starts_with(' ') && rest.trim_start_matches(' ').starts_with('#'))
}

/// The text of a single-quoted scalar whose text starts at byte `from` of
/// the line (after its quote), `''` read as `'`, and the byte after its
/// closing quote; `None` when it is not closed on the line.
fn single_quoted(text: &str, from: usize) -> Option<(Cow<'_, str>, usize)> {
    let bytes = text.as_bytes();
    let close = |at: usize| bytes[at..].iter().position(|&b| b == b'\'').map(|n| at + n);
    let mut quote = close(from)?;
    if bytes.get(quote + 1) != Some(&b'\'') {
        return Some((Cow::Borrowed(&text[from..quote]), quote + 1));
    }
    let mut out = String::with_capacity(text.len() - from);
    let mut run = from;
    while bytes.get(quote + 1) == Some(&b'\'') {
        // `''`: one quote kept, the next run starts after both.
        out.push_str(&text[run..=quote]);
        run = quote + 2;
        quote = close(run)?;
    }
    out.push_str(&text[run..quote]);
    Some((Cow::Owned(out), quote + 1))
}

/// The text of a double-quoted scalar whose text starts at byte `from` of
/// the line (after its quote), escapes resolved, and the byte after its
/// closing quote; `None` when it is not closed on the line or has an
/// escape [`escape`] leaves.
fn double_quoted(text: &str, from: usize) -> Option<(Cow<'_, str>, usize)> {
    let bytes = text.as_bytes();
    let special = |at: usize| {
        bytes[at..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\')
            .map(|n| at + n)
    };
    let mut at = special(from)?;
    if bytes[at] == b'"' {
        return Some((Cow::Borrowed(&text[from..at]), at + 1));
    }
    let mut out = String::with_capacity(text.len() - from);
    let mut run = from;
    while bytes[at] == b'\\' {
        out.push_str(&text[run..at]);
        let (c, len) = escape(&bytes[at + 1..])?;
        out.push(c);
        run = at + 1 + len;
        at = special(run)?;
    }
    out.push_str(&text[run..at]);
    Some((Cow::Owned(out), at + 1))
}

/// The character of a YAML 1.2 escape whose letter starts `rest` (after
/// the `\`) and the bytes it takes; `None` for an unknown one, for a
/// surrogate (`\uD800`…, rare: given up rather than paired) and for a
/// code beyond Unicode.
fn escape(rest: &[u8]) -> Option<(char, usize)> {
    let simple = match rest.first()? {
        b'0' => '\0',
        b'a' => '\u{7}',
        b'b' => '\u{8}',
        b't' => '\t',
        b'n' => '\n',
        b'v' => '\u{b}',
        b'f' => '\u{c}',
        b'r' => '\r',
        b'e' => '\u{1b}',
        b' ' => ' ',
        b'"' => '"',
        b'/' => '/',
        b'\\' => '\\',
        b'N' => '\u{85}',
        b'_' => '\u{a0}',
        b'L' => '\u{2028}',
        b'P' => '\u{2029}',
        b'x' => return hex_escape(rest, 2),
        b'u' => return hex_escape(rest, 4),
        b'U' => return hex_escape(rest, 8),
        _ => return None,
    };
    Some((simple, 1))
}

/// The character of `\x`, `\u` or `\U` (first in `rest`) and its `digits`
/// hexadecimal digits, and the bytes they take.
fn hex_escape(rest: &[u8], digits: usize) -> Option<(char, usize)> {
    let hex = rest.get(1..=digits)?;
    let code = hex.iter().try_fold(0u32, |code, &b| {
        let digit = char::from(b).to_digit(16)?;
        Some(code << 4 | digit)
    })?;
    // char::from_u32 refuses surrogates and codes beyond U+10FFFF.
    Some((char::from_u32(code)?, 1 + digits))
}

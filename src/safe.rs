//! Plan and user text made harmless where it is shown: in a terminal, a
//! commit message, a JSON document or Markdown.
//!
//! A plan is shared and edited by hand, and arguments come from scripts: a
//! title may hold ESC sequences that retitle or clear a terminal, a carriage
//! return that hides what precedes it, a C1 control that some terminals
//! obey, or a bidi override that shows text backwards. [`safe`] writes each
//! such character as a visible escape `\u001b` (the JSON spelling, so that a
//! JSON document stays valid and loses nothing), and keeps the rest.

use std::fmt::Write;

/// True for the characters that a terminal or a viewer may obey instead of
/// showing: C0 controls, DEL, C1 controls and the bidi controls (marks,
/// embeddings, overrides and isolates).
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Writes every unsafe character of `text` as a visible escape (`\u001b`);
/// newlines, tabs and a carriage return just before a newline are kept when
/// `layout` is true (free text over several lines), escaped otherwise (one
/// line: a title, a cell, a commit subject).
pub fn escape(text: &str, layout: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !(layout && kept(c, chars.peek())) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// True for the layout characters that cannot hide or move text: newline,
/// tab, and a carriage return that ends a line (`\r\n`).
fn kept(c: char, next: Option<&char>) -> bool {
    c == '\n' || c == '\t' || (c == '\r' && next == Some(&'\n'))
}

/// Any plan or user text made safe for a terminal, keeping its lines and tabs.
pub fn safe(text: &str) -> String {
    escape(text, true)
}

/// Plan or user text made safe for one line of a terminal or a commit subject.
pub fn safe_line(text: &str) -> String {
    escape(text, false)
}

/// The longest run of characters without a space that a table cell keeps
/// on one line; a longer one is broken there. The table library measures
/// widths in 16 bits and re-wraps words slowly: a title of a million
/// characters without a space would overflow it.
pub const MAX_WORD: usize = 80;

/// Plan text for a table cell: [`safe`] with tabs escaped too (a table
/// cannot align them), and every run of more than
/// [`MAX_WORD`] characters without a space broken into lines, in one pass.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for c in safe(text).replace('\t', "\\u0009").chars() {
        if c.is_whitespace() {
            run = 0;
        } else if run == MAX_WORD {
            out.push('\n');
            run = 1;
        } else {
            run += 1;
        }
        out.push(c);
    }
    out
}

/// The last guard before stdout or stderr: every unsafe character escaped
/// except newlines, tabs and ESC when it opens one of ctg's own colour
/// sequences (`ESC [ digits ; … m`). Plan text is escaped where it is
/// rendered ([`safe`]); this catches what a renderer forgot, and the DEL, C1
/// and bidi characters that JSON leaves raw (escaped the JSON way).
pub fn outgoing(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c == '\u{1b}' { colour_len(rest) } else { 0 };
        if len > 0 {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        if is_unsafe(c) && !kept(c, rest[c.len_utf8()..].chars().next().as_ref()) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The columns `text` takes on a terminal: its characters, colour
/// sequences (SGR) left out.
pub fn visible_width(text: &str) -> usize {
    let mut rest = text;
    let mut width = 0;
    while let Some(c) = rest.chars().next() {
        let skip = colour_len(rest);
        if skip > 0 {
            rest = &rest[skip..];
        } else {
            width += 1;
            rest = &rest[c.len_utf8()..];
        }
    }
    width
}

/// The length of the colour sequence (SGR) that `text` starts with, or 0.
fn colour_len(text: &str) -> usize {
    let Some(body) = text.strip_prefix("\u{1b}[") else {
        return 0;
    };
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    if body.as_bytes().get(params) == Some(&b'm') {
        params + 3
    } else {
        0
    }
}

/// Plan text for Markdown (a table cell, a heading): HTML (`<`, `>`, `&`)
/// and link syntax (`[`, `]`) cannot act, `|` and `\` are literal, a newline
/// is a `<br>`, and controls are visible escapes.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\n' => out.push_str("<br>"),
            c if is_unsafe(c) => out.push_str(&safe_line(c.encode_utf8(&mut [0; 4]))),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_shows_controls_as_escapes() {
        assert_eq!(
            safe("a\u{1b}]0;X\u{7}b\tc\nd\re\u{9b}f\u{202e}g\u{7f}"),
            "a\\u001b]0;X\\u0007b\tc\nd\\u000de\\u009bf\\u202eg\\u007f"
        );
        assert_eq!(safe_line("a\tb\nc"), "a\\u0009b\\u000ac");
        assert_eq!(safe("a\r\nb\rc"), "a\r\nb\\u000dc");
        assert_eq!(safe("été — ok"), "été — ok");
    }

    #[test]
    fn cells_break_words_longer_than_the_limit() {
        let long = "x".repeat(MAX_WORD * 2 + 1);
        let lines: Vec<usize> = cell(&format!("a {long}")).lines().map(str::len).collect();
        assert_eq!(lines, [2 + MAX_WORD, MAX_WORD, 1]);
    }

    #[test]
    fn the_last_guard_keeps_colours_only() {
        assert_eq!(
            outgoing("\u{1b}[1;31mred\u{1b}[0m \u{1b}[2J\u{9b}\u{202e}\n"),
            "\u{1b}[1;31mred\u{1b}[0m \\u001b[2J\\u009b\\u202e\n"
        );
    }

    #[test]
    fn markdown_neutralises_html_and_links() {
        assert_eq!(
            markdown("x <img src=x onerror=alert(1)> [x](javascript:alert(1)) a&b | c\nd"),
            "x &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1)) a&amp;b \\| c<br>d"
        );
    }
}

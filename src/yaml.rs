//! Reading one YAML file into a tree of positioned nodes.
//!
//! The tree is what the plan decoder needs: each value with its line,
//! column and raw text, duplicate keys, anchors and merge keys, depth and
//! alias limits. The raw text matters for identifiers, where `1.10` must
//! stay `1.10` and not become the number 1.1. Two readers build it through
//! one builder ([`events`]): [`fast`] reads the plain block YAML plan files
//! are written in, and gives up on anything else; granit-parser's events
//! (YAML 1.2, with a span for each) then read the file from the start.

mod events;
mod fast;
mod resolve;

use std::borrow::Cow;

/// A 1-based line and column (in characters) in a source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub col: u32,
}

/// A parsed YAML value with its position and, for scalars, its source text.
///
/// Strings borrow from the source text where the file spells them as they
/// are (most of a plan), so reading a large plan allocates little.
#[derive(Debug, Clone)]
pub struct Node<'s> {
    /// Where the value starts.
    pub pos: Pos,
    /// Byte range of the value in the source (scalars only; empty otherwise).
    pub bytes: std::ops::Range<usize>,
    /// The value itself.
    pub value: Value<'s>,
}

/// The kinds of YAML value the plan format uses.
#[derive(Debug, Clone)]
pub enum Value<'s> {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float; `.inf` and `.nan` too, refused by the decoder where it
    /// reads a number, each at its place.
    Float(f64),
    /// A string (quoted, or plain text that is not another type).
    Str(Cow<'s, str>),
    /// A sequence, block or flow.
    Seq(Vec<Node<'s>>),
    /// A mapping, in file order.
    Map(Vec<(Node<'s>, Node<'s>)>),
}

impl<'s> Node<'s> {
    /// A short English/French neutral name of the node's type, for messages.
    pub fn kind(&self) -> Kind {
        match self.value {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Int(_) | Value::Float(_) => Kind::Number,
            Value::Str(_) => Kind::Text,
            Value::Seq(_) => Kind::List,
            Value::Map(_) => Kind::Map,
        }
    }

    /// The scalar as text: the string itself, or the source spelling of a
    /// plain number or boolean (so `1.10` reads as `"1.10"`).
    pub fn scalar_text(&self, source: &str) -> Option<String> {
        self.scalar_str(source).map(str::to_string)
    }

    /// [`Node::scalar_text`] without a copy.
    pub fn scalar_str<'a>(&'a self, source: &'a str) -> Option<&'a str> {
        match &self.value {
            Value::Str(s) => Some(s),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                source.get(self.bytes.clone()).map(str::trim)
            }
            _ => None,
        }
    }
}

/// The type of a node, as named in `wrong-type` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Null or empty.
    Null,
    /// A boolean.
    Bool,
    /// A number.
    Number,
    /// Text.
    Text,
    /// A list.
    List,
    /// A mapping.
    Map,
}

/// Why a file could not be parsed.
#[derive(Debug, Clone)]
pub struct ParseError {
    /// What kind of failure.
    pub kind: ParseErrorKind,
    /// Where, when known.
    pub pos: Pos,
}

/// The classes of parse failure, each with its diagnostic code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Not valid YAML, classified in ctg's own terms.
    Syntax(SyntaxKind),
    /// A key given twice in one mapping.
    DuplicateKey,
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than [`MAX_ALIASES`] aliases, or more than
    /// [`MAX_ALIAS_EXPANSION`] values or [`MAX_ALIAS_BYTES`] bytes of text
    /// replayed by them.
    TooManyAliases,
}

/// The kinds of YAML syntax error a plan file can have, told in ctg's own
/// words rather than the parser's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxKind {
    /// A `: ` inside a plain value (`title: Bilan : suite`); carries the
    /// line rewritten with the value in quotes, when that is safe.
    ColonInValue {
        /// The line with its value quoted, e.g. `title: "Bilan : suite"`.
        quoted: Option<String>,
    },
    /// A line indented unlike the lines of its block.
    Indentation,
    /// A quote opened and never closed.
    UnclosedQuote,
    /// Text after the closing quote of a quoted value.
    TextAfterQuote,
    /// A `[` or `{` not closed, or a closing one without its opening.
    Bracket,
    /// A tab used for indentation.
    Tab,
    /// A line among list items that does not start with `- `.
    ListItemExpected,
    /// A line that is neither `key: value` nor `- item`.
    LooseLine,
    /// A value starting with a reserved character (`@`, `` ` ``).
    ReservedCharacter,
    /// A control character (C0 but tab and line ends, DEL, C1, U+FFFE,
    /// U+FFFF) in the line: invisible, and not allowed in YAML.
    ControlCharacter,
    /// The file ends in the middle of a value.
    UnexpectedEnd,
    /// `*name` without a `&name` before it.
    UnknownAlias,
    /// More than one YAML document (`---`, `...`).
    SeveralDocuments,
    /// Anything else.
    Other,
}

/// Deepest nesting accepted; a plan file needs about six levels.
pub const MAX_DEPTH: usize = 32;
/// Most aliases (`*name`) accepted in one file; plans rarely use any.
pub const MAX_ALIASES: usize = 1_000;
/// Most values that aliases may replay in one file, all aliases together: an
/// alias repeats what its anchor holds, so ten aliases of ten aliases of…
/// (a "billion laughs") would otherwise make a small file huge.
pub const MAX_ALIAS_EXPANSION: usize = 100_000;
/// Most bytes of text that aliases may replay in one file, all aliases
/// together (the text of the strings and the spelling of the other scalars
/// of each anchored value, once per alias): as much as the largest file
/// ctg reads (10 MiB). Without it one 9 MiB text referenced 99 times, few
/// values, made `show` print 944 MB in 12 s and 2.7 GB of memory.
pub const MAX_ALIAS_BYTES: usize = 10 * 1024 * 1024;

/// Parses UTF-8 text (without BOM) into a node tree: with the fast reader
/// when the text is within its subset ([`parse_fast`]), else with
/// granit-parser ([`parse_full`]). Both give the same tree.
pub fn parse(source: &str) -> Result<Node<'_>, ParseError> {
    match parse_fast(source) {
        Some(node) => Ok(node),
        None => parse_full(source),
    }
}

/// The fast reader alone (see [`fast`]): the tree, or `None` when the text
/// is outside the plain block YAML it reads (or has any mistake).
pub fn parse_fast(source: &str) -> Option<Node<'_>> {
    fast::parse(source)
}

/// granit-parser's events alone (see [`events`]): any YAML, every diagnostic.
pub fn parse_full(source: &str) -> Result<Node<'_>, ParseError> {
    events::parse(source)
}

/// The deepest nesting of `[` and `{` in `source`, outside quotes and comments.
fn flow_depth(source: &str) -> usize {
    let (mut depth, mut deepest, mut quote, mut comment) = (0usize, 0, None, false);
    let mut previous = '\n';
    for c in source.chars() {
        match (quote, c) {
            (_, '\n') => {
                comment = false;
                quote = quote.filter(|_| depth > 0);
            }
            _ if comment => {}
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if previous.is_whitespace() => comment = true,
            (None, '[' | '{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = c;
    }
    deepest
}

/// Sorts the parser's (English, unstable) wording into ctg's own kinds; the
/// wording itself is never shown.
pub fn syntax_kind(message: &str, source: &str, pos: Pos) -> SyntaxKind {
    let m = message.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| m.contains(w));
    if has(&["tab"]) {
        SyntaxKind::Tab
    } else if has(&["trailing content after"]) {
        SyntaxKind::TextAfterQuote
    } else if has(&["unclosed quote", "quoted scalar"]) {
        SyntaxKind::UnclosedQuote
    } else if has(&[
        "bracket",
        "flow mapping",
        "flow sequence",
        "illegal placement",
    ]) {
        SyntaxKind::Bracket
    } else if has(&["expected '-'"]) {
        SyntaxKind::ListItemExpected
    } else if has(&["mapping values are not allowed"]) {
        colon_or_indentation(source, pos)
    } else if has(&["expected key", "indentation"]) {
        SyntaxKind::Indentation
    } else if has(&["simple key expect"]) {
        SyntaxKind::LooseLine
    } else if has(&["unexpected character"]) && control_character_in_line(source, pos) {
        SyntaxKind::ControlCharacter
    } else if has(&["unexpected character"]) {
        SyntaxKind::ReservedCharacter
    } else if has(&["end of stream", "unexpected end"]) {
        SyntaxKind::UnexpectedEnd
    } else if has(&["unknown anchor"]) {
        SyntaxKind::UnknownAlias
    } else {
        SyntaxKind::Other
    }
}

/// True when the line at `pos` holds a character YAML does not allow in
/// a file: a control character but tab, DEL, a C1 control, U+FFFE, U+FFFF.
fn control_character_in_line(source: &str, pos: Pos) -> bool {
    let (before, rest) = split_line_at(source, pos);
    before.chars().chain(rest.chars()).any(|c| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
    })
}

/// A `:` the parser did not expect: in a value when a key comes before it on
/// the same line (`title: Bilan : suite`), else a line indented too far.
fn colon_or_indentation(source: &str, pos: Pos) -> SyntaxKind {
    let (before, rest) = split_line_at(source, pos);
    let line = format!("{before}{rest}");
    let Some((key, value)) = line.split_once(':') else {
        return SyntaxKind::Indentation;
    };
    if !before.contains(": ") {
        return SyntaxKind::Indentation;
    }
    let value = value.trim();
    let quoted = (!value.contains('"') && !value.contains(" #") && !value.is_empty())
        .then(|| format!("{}: \"{value}\"", key.trim_start().trim_start_matches("- ")));
    SyntaxKind::ColonInValue { quoted }
}

/// The line at `pos`, split at its column: the text before, and from there on.
pub fn split_line_at(source: &str, pos: Pos) -> (&str, &str) {
    let line = source
        .lines()
        .nth(pos.line.saturating_sub(1) as usize)
        .unwrap_or_default();
    let at = line
        .char_indices()
        .nth(pos.col.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    line.split_at(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of_last(src: &str) -> String {
        let root = parse(src).expect("parses");
        let Value::Map(pairs) = root.value else {
            panic!("a mapping");
        };
        match &pairs.last().expect("a key").1.value {
            Value::Str(s) => s.to_string(),
            other => panic!("{other:?}"),
        }
    }

    /// Issue 21, item 6: YAML 1.2 (and PyYAML) read `note: |` at the end of
    /// a file without a final line break as the text alone; a reader that
    /// added the break let the next write change the note for everyone else.
    #[test]
    fn a_block_at_the_end_of_a_file_without_a_final_break_has_no_break() {
        assert_eq!(text_of_last("a: 1\nnote: |\n  Ligne un"), "Ligne un");
        assert_eq!(text_of_last("note: |\n  un\n  deux"), "un\ndeux");
        assert_eq!(text_of_last("note: >\n  un\n  deux"), "un deux");
        assert_eq!(text_of_last("note: |+\n  un"), "un");
        assert_eq!(text_of_last("note: |\n  Ligne un\n"), "Ligne un\n");
        assert_eq!(text_of_last("note: |-\n  Ligne un"), "Ligne un");
        assert_eq!(text_of_last("note: |\n  un\n# fin"), "un\n");
        assert_eq!(text_of_last("note: \"quoted\""), "quoted");
        assert_eq!(text_of_last("é: à\nnote: |\n  Année été"), "Année été");
    }

    fn syntax(src: &str) -> SyntaxKind {
        match parse(src).map(|_| ()).unwrap_err().kind {
            ParseErrorKind::Syntax(kind) => kind,
            other => panic!("{src:?}: {other:?}"),
        }
    }

    #[test]
    fn sorts_syntax_errors_into_our_kinds() {
        use SyntaxKind::*;
        let quoted = |q: &str| ColonInValue {
            quoted: Some(q.to_string()),
        };
        assert_eq!(
            syntax("title: Bilan : suite\n"),
            quoted("title: \"Bilan : suite\"")
        );
        assert_eq!(
            syntax("title: Bilan: suite\n"),
            quoted("title: \"Bilan: suite\"")
        );
        assert_eq!(syntax("a:\n  b: 1\n   c: 2\n"), Indentation);
        assert_eq!(syntax("a:\n  b: 1\n c: 2\n"), Indentation);
        assert_eq!(syntax("a: 1\n  b: 2\n"), Indentation);
        assert_eq!(syntax("a: \"abc\nb: 2\n"), UnclosedQuote);
        assert_eq!(syntax("a: 'abc\n"), UnclosedQuote);
        assert_eq!(syntax("a: \"x\" y\n"), TextAfterQuote);
        assert_eq!(syntax("a: [1, 2\n"), Bracket);
        assert_eq!(syntax("a: {x: 1\nb: 2\n"), Bracket);
        assert_eq!(syntax("a: }\n"), Bracket);
        assert_eq!(syntax("title: [Conseil\nfields: x\n"), Bracket);
        assert_eq!(syntax("a:\n\tb: 1\n"), Tab);
        assert_eq!(syntax("- a\nb: 1\n"), ListItemExpected);
        assert_eq!(syntax("a:\n  - b\n  c\nd: 1\n"), LooseLine);
        assert_eq!(syntax("a: @x\n"), ReservedCharacter);
        for c in ['\u{7f}', '\u{1}', '\u{9b}', '\u{fffe}'] {
            assert_eq!(syntax(&format!("a: b{c}c\n")), ControlCharacter, "{c:?}");
        }
        assert_eq!(syntax("a: *nope\n"), UnknownAlias);
        assert_eq!(syntax("a: 1\n...\nb\n"), SeveralDocuments);
    }

    #[test]
    fn keeps_the_spelling_of_numeric_ids() {
        let src = "id: 1.10\n";
        let node = parse(src).unwrap();
        let Value::Map(pairs) = &node.value else {
            panic!("map expected")
        };
        assert_eq!(pairs[0].1.scalar_text(src).as_deref(), Some("1.10"));
        assert_eq!(pairs[0].1.pos, Pos { line: 1, col: 5 });
    }

    #[test]
    fn yaml_1_1_booleans_are_text() {
        let node = parse("a: yes\nb: no\nc: On\nd: n\ne: true\nf: False\n").unwrap();
        let Value::Map(pairs) = &node.value else {
            panic!("map expected")
        };
        let kinds: Vec<Kind> = pairs.iter().map(|(_, v)| v.kind()).collect();
        use Kind::{Bool, Text};
        assert_eq!(kinds, [Text, Text, Text, Text, Bool, Bool]);
    }

    #[test]
    fn quoted_numbers_stay_text() {
        let node = parse("p: '40'\n").unwrap();
        let Value::Map(pairs) = &node.value else {
            panic!("map expected")
        };
        assert!(matches!(pairs[0].1.value, Value::Str(ref s) if s == "40"));
    }

    #[test]
    fn classifies_failures() {
        assert_eq!(
            parse("a: 1\na: 2\n").unwrap_err().kind,
            ParseErrorKind::DuplicateKey
        );
        let deep = format!("a: {}{}\n", "[".repeat(40), "]".repeat(40));
        assert_eq!(parse(&deep).unwrap_err().kind, ParseErrorKind::TooDeep);
        let err = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert_eq!(err.kind, ParseErrorKind::Syntax(SyntaxKind::Bracket));
        assert_eq!(err.pos.line, 2);
    }
}

//! Reading one YAML file into a tree of positioned nodes.
//!
//! serde-saphyr does the parsing (YAML 1.2, duplicate keys, depth and alias
//! budgets); this module keeps what the plan decoder needs: each value with
//! its line, column and raw text. The raw text matters for identifiers, where
//! `1.10` must stay `1.10` and not become the number 1.1.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use serde_saphyr::budget::BudgetBreach;
use std::fmt;

/// A 1-based line and column (in characters) in a source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub col: u32,
}

/// A parsed YAML value with its position and, for scalars, its source text.
#[derive(Debug, Clone)]
pub struct Node {
    /// Where the value starts.
    pub pos: Pos,
    /// Byte range of the value in the source (scalars only; empty otherwise).
    pub bytes: std::ops::Range<usize>,
    /// The value itself.
    pub value: Value,
}

/// The kinds of YAML value the plan format uses.
#[derive(Debug, Clone)]
pub enum Value {
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
    Str(String),
    /// A sequence, block or flow.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Node, Node)>),
}

impl Node {
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
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                source.get(self.bytes.clone()).map(|s| s.trim().to_string())
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
    /// [`MAX_ALIAS_EXPANSION`] values replayed by them.
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

/// Parses UTF-8 text (without BOM) into a node tree. The parser's budgets
/// of nodes and events grow with the file: every node and event takes at
/// least a byte of text, so a file within the size limit always fits, and
/// only alias expansion can breach them (told as `too-many-aliases`).
pub fn parse(source: &str) -> Result<Node, ParseError> {
    let per_byte = 2 * source.len() + 1_024;
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = MAX_ALIAS_EXPANSION;
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_aliases: MAX_ALIASES,
            max_nodes: per_byte,
            max_events: per_byte,
            max_anchors: per_byte,
        },
        alias_limits: alias_limits,
        non_finite_float_policy: serde_saphyr::options::NonFiniteFloatPolicy::PassThrough,
    };
    let spanned: Spanned<Tree> = serde_saphyr::from_slice_with_options(source.as_bytes(), options)
        .map_err(|e| parse_error(&e, source))?;
    Ok(into_node(spanned))
}

/// The error under the snippet and alias wrappers the parser puts around it.
fn original(mut error: &serde_saphyr::Error) -> &serde_saphyr::Error {
    while let serde_saphyr::Error::AliasError { error: inner, .. }
    | serde_saphyr::Error::WithSnippet { error: inner, .. } = error
    {
        error = inner;
    }
    error
}

fn parse_error(error: &serde_saphyr::Error, source: &str) -> ParseError {
    let inner = original(error);
    let pos = error
        .location()
        .map(|l| Pos {
            line: clamp(l.line()),
            col: clamp(l.column()),
        })
        .unwrap_or(Pos { line: 1, col: 1 });
    let kind = match inner {
        serde_saphyr::Error::DuplicateMappingKey { .. } => ParseErrorKind::DuplicateKey,
        serde_saphyr::Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => ParseErrorKind::TooDeep,
            BudgetBreach::Aliases { .. }
            | BudgetBreach::Nodes { .. }
            | BudgetBreach::Events { .. }
            | BudgetBreach::Anchors { .. } => ParseErrorKind::TooManyAliases,
            _ => ParseErrorKind::Syntax(SyntaxKind::Other),
        },
        serde_saphyr::Error::AliasReplayLimitExceeded { .. }
        | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
        | serde_saphyr::Error::AliasReplayCounterOverflow { .. }
        | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. } => {
            ParseErrorKind::TooManyAliases
        }
        serde_saphyr::Error::MultipleDocuments { .. } => {
            ParseErrorKind::Syntax(SyntaxKind::SeveralDocuments)
        }
        serde_saphyr::Error::Eof { .. } => ParseErrorKind::Syntax(SyntaxKind::UnexpectedEnd),
        other if other.to_string().contains("recursion limit") => ParseErrorKind::TooDeep,
        // An unclosed bracket deeper than the limit: the depth is the mistake
        // to tell (the parser may meet the end of the file first).
        _ if flow_depth(source) > MAX_DEPTH => ParseErrorKind::TooDeep,
        other => ParseErrorKind::Syntax(syntax_kind(&other.to_string(), source, pos)),
    };
    ParseError { kind, pos }
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
fn syntax_kind(message: &str, source: &str, pos: Pos) -> SyntaxKind {
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

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

/// The raw tree serde-saphyr fills in; converted to [`Node`] right after.
enum Tree {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Tree>>),
    Map(Vec<(Spanned<Tree>, Spanned<Tree>)>),
}

fn into_node(s: Spanned<Tree>) -> Node {
    let loc = s.referenced;
    let pos = Pos {
        line: clamp(loc.line()),
        col: clamp(loc.column()),
    };
    let span = loc.span();
    let bytes = match (span.byte_offset(), span.byte_len()) {
        (Some(o), Some(l)) => usize::try_from(o).unwrap_or(0)..usize::try_from(o + l).unwrap_or(0),
        _ => 0..0,
    };
    let value = match s.value {
        Tree::Null => Value::Null,
        Tree::Bool(b) => Value::Bool(b),
        Tree::Int(i) => Value::Int(i),
        Tree::Float(f) => Value::Float(f),
        Tree::Str(t) => Value::Str(t),
        Tree::Seq(items) => Value::Seq(items.into_iter().map(into_node).collect()),
        Tree::Map(pairs) => Value::Map(
            pairs
                .into_iter()
                .map(|(k, v)| (into_node(k), into_node(v)))
                .collect(),
        ),
    };
    Node { pos, bytes, value }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_none<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Tree, E> {
        Ok(i64::try_from(v).map_or(Tree::Float(v as f64), Tree::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Tree, E> {
        Ok(i64::try_from(v).map_or(Tree::Float(v as f64), Tree::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Tree, E> {
        Ok(i64::try_from(v).map_or(Tree::Float(v as f64), Tree::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut pairs = Vec::new();
        while let Some(pair) = map.next_entry()? {
            pairs.push(pair);
        }
        Ok(Tree::Map(pairs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! The reader ctg used before its event-based one: serde-saphyr filling a
//! tree of `Spanned` values. Kept for the differential test only.

use ctg::yaml::{
    MAX_ALIASES, MAX_DEPTH, Node, ParseError, ParseErrorKind, Pos, SyntaxKind, Value, syntax_kind,
};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use serde_saphyr::budget::BudgetBreach;
use std::fmt;

/// Parses UTF-8 text (without BOM) into a node tree.
pub(crate) fn parse(source: &str) -> Result<Node<'static>, ParseError> {
    // YAML 1.2 booleans only: `yes`, `no`, `on`, `off`, `y`, `n` are text.
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_aliases: MAX_ALIASES,
        },
        strict_booleans: true,
        non_finite_float_policy: serde_saphyr::options::NonFiniteFloatPolicy::PassThrough,
    };
    let spanned: Spanned<Tree> = serde_saphyr::from_slice_with_options(source.as_bytes(), options)
        .map_err(|e| parse_error(&e, source))?;
    Ok(into_node(spanned))
}

fn parse_error(error: &serde_saphyr::Error, source: &str) -> ParseError {
    let inner = error.without_snippet();
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
            BudgetBreach::Aliases { .. } => ParseErrorKind::TooManyAliases,
            _ => ParseErrorKind::Syntax(SyntaxKind::Other),
        },
        serde_saphyr::Error::MultipleDocuments { .. } => {
            ParseErrorKind::Syntax(SyntaxKind::SeveralDocuments)
        }
        serde_saphyr::Error::Eof { .. } => ParseErrorKind::Syntax(SyntaxKind::UnexpectedEnd),
        other => ParseErrorKind::Syntax(syntax_kind(&other.to_string(), source, pos)),
    };
    ParseError { kind, pos }
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

fn into_node(s: Spanned<Tree>) -> Node<'static> {
    let loc = s.referenced;
    let pos = Pos {
        line: clamp(loc.line()),
        col: clamp(loc.column()),
    };
    // The bytes where the value is defined: for a copy an alias or a merge
    // key makes, its anchor's (its spelling), as ctg has them.
    let span = s.defined.span();
    let bytes = match (span.byte_offset(), span.byte_len()) {
        (Some(o), Some(l)) => usize::try_from(o).unwrap_or(0)..usize::try_from(o + l).unwrap_or(0),
        _ => 0..0,
    };
    let value = match s.value {
        Tree::Null => Value::Null,
        Tree::Bool(b) => Value::Bool(b),
        Tree::Int(i) => Value::Int(i),
        Tree::Float(f) => Value::Float(f),
        Tree::Str(t) => Value::Str(t.into()),
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

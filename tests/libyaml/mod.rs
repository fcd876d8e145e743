//! libyaml (`unsafe-libyaml`, the C library transpiled to Rust) as a third
//! reader for the fast reader's differential test: granit-parser and the
//! fast reader share code paths (the builder, scalar resolution) and could
//! share a leniency; libyaml shares none of it.
//!
//! libyaml reads YAML 1.1 and resolves no types here: what it gives is its
//! event stream, turned into a tree of collections and scalars, each scalar
//! with its text (escapes resolved), its quoting style and where it starts
//! and ends. That is what is compared with the fast reader's tree; the
//! types of plain scalars (`yes`, `0o7`, `017` differ between YAML 1.1 and
//! 1.2) are not.

use ctg::yaml::{Node, Value};
use std::mem::MaybeUninit;
use unsafe_libyaml as unsafe_yaml;

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Plain,
    Single,
    Double,
    /// Literal or folded: never in the fast reader's subset.
    Block,
}

/// One value of libyaml's event stream.
#[derive(Debug)]
pub(crate) enum Tree {
    Scalar {
        text: String,
        style: Style,
        /// 1-based line and column (characters) of its first character.
        line: usize,
        col: usize,
        /// Its bytes in the source, quotes included.
        bytes: std::ops::Range<usize>,
    },
    Seq(Vec<Tree>),
    Map(Vec<(Tree, Tree)>),
}

/// The tree libyaml reads from `source`, or its error (anchors, aliases,
/// tags and several documents are reported as errors too: the fast reader
/// reads none of them).
pub(crate) fn parse(source: &str) -> Result<Tree, String> {
    let mut parser = MaybeUninit::<unsafe_yaml::yaml_parser_t>::uninit();
    let p = parser.as_mut_ptr();
    // SAFETY: the parser is initialized before use and deleted after, and
    // `source` outlives it.
    unsafe {
        if unsafe_yaml::yaml_parser_initialize(p).fail {
            return Err("libyaml: no parser".into());
        }
        unsafe_yaml::yaml_parser_set_input_string(p, source.as_ptr(), source.len() as _);
        let tree = read_events(p);
        unsafe_yaml::yaml_parser_delete(p);
        tree
    }
}

/// An open collection: a mapping (`true`) or a sequence, and its items.
type Frame = (bool, Vec<Tree>);

/// Reads every event of the parser at `p` into a tree.
///
/// # Safety
/// `p` is an initialized parser with its input set.
unsafe fn read_events(p: *mut unsafe_yaml::yaml_parser_t) -> Result<Tree, String> {
    let mut stack: Vec<Frame> = vec![(false, Vec::new())];
    let mut documents = 0;
    loop {
        let mut event = MaybeUninit::<unsafe_yaml::yaml_event_t>::uninit();
        // SAFETY: the caller's parser; an event filled by a successful
        // parse is read, then deleted.
        unsafe {
            if unsafe_yaml::yaml_parser_parse(p, event.as_mut_ptr()).fail {
                let problem = (&*p).problem;
                let what = if problem.is_null() {
                    String::from("libyaml error")
                } else {
                    std::ffi::CStr::from_ptr(problem.cast())
                        .to_string_lossy()
                        .into_owned()
                };
                return Err(what);
            }
            let e = event.as_mut_ptr();
            let step = one_event(&*e, &mut stack, &mut documents);
            unsafe_yaml::yaml_event_delete(e);
            match step {
                Ok(true) => {}
                Ok(false) => break,
                Err(what) => return Err(what),
            }
        }
    }
    match stack.pop() {
        Some((false, mut items)) if stack.is_empty() && items.len() == 1 => {
            items.pop().ok_or_else(|| "no root".into())
        }
        _ => Err("libyaml: not one document of one value".into()),
    }
}

/// Takes one event into `stack`; false at the end of the stream.
///
/// # Safety
/// `e` is an event a successful `yaml_parser_parse` filled.
unsafe fn one_event(
    e: &unsafe_yaml::yaml_event_t,
    stack: &mut Vec<Frame>,
    documents: &mut usize,
) -> Result<bool, String> {
    match e.type_ {
        unsafe_yaml::YAML_STREAM_END_EVENT => return Ok(false),
        unsafe_yaml::YAML_DOCUMENT_START_EVENT => {
            *documents += 1;
            if *documents > 1 {
                return Err("several documents".into());
            }
        }
        unsafe_yaml::YAML_ALIAS_EVENT => return Err("alias".into()),
        // SAFETY: the scalar member of a scalar event.
        unsafe_yaml::YAML_SCALAR_EVENT => push(stack, unsafe { scalar(e) }?),
        unsafe_yaml::YAML_SEQUENCE_START_EVENT => stack.push((false, Vec::new())),
        unsafe_yaml::YAML_MAPPING_START_EVENT => stack.push((true, Vec::new())),
        unsafe_yaml::YAML_SEQUENCE_END_EVENT | unsafe_yaml::YAML_MAPPING_END_EVENT => {
            let (map, items) = stack.pop().ok_or("unbalanced")?;
            let tree = if map {
                let mut pairs = Vec::with_capacity(items.len() / 2);
                let mut items = items.into_iter();
                while let (Some(k), Some(v)) = (items.next(), items.next()) {
                    pairs.push((k, v));
                }
                Tree::Map(pairs)
            } else {
                Tree::Seq(items)
            };
            push(stack, tree);
        }
        _ => {}
    }
    Ok(true)
}

fn push(stack: &mut [Frame], tree: Tree) {
    if let Some((_, items)) = stack.last_mut() {
        items.push(tree);
    }
}

/// The scalar of a scalar event.
///
/// # Safety
/// `e` is a scalar event.
unsafe fn scalar(e: &unsafe_yaml::yaml_event_t) -> Result<Tree, String> {
    // SAFETY: a scalar event's value holds `length` bytes.
    let s = unsafe { e.data.scalar };
    if !s.anchor.is_null() || !s.tag.is_null() {
        return Err("anchor or tag".into());
    }
    // SAFETY: as above.
    let bytes = unsafe { std::slice::from_raw_parts(s.value, s.length as usize) };
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| "not UTF-8")?;
    let style = match s.style {
        unsafe_yaml::YAML_PLAIN_SCALAR_STYLE => Style::Plain,
        unsafe_yaml::YAML_SINGLE_QUOTED_SCALAR_STYLE => Style::Single,
        unsafe_yaml::YAML_DOUBLE_QUOTED_SCALAR_STYLE => Style::Double,
        _ => Style::Block,
    };
    Ok(Tree::Scalar {
        text,
        style,
        line: e.start_mark.line as usize + 1,
        col: e.start_mark.column as usize + 1,
        bytes: e.start_mark.index as usize..e.end_mark.index as usize,
    })
}

/// Where the fast reader's `node` (read from `source`) and libyaml's `tree`
/// differ, at path `at`: in shape, keys and items in order, and for each
/// scalar its text (the source text of a plain one, the string of a quoted
/// one), its style (from its first byte), its line, column and bytes.
pub(crate) fn differs(source: &str, node: &Node<'_>, tree: &Tree, at: &str) -> Option<String> {
    match (&node.value, tree) {
        (Value::Seq(items), Tree::Seq(others)) if items.len() == others.len() => items
            .iter()
            .zip(others)
            .enumerate()
            .find_map(|(i, (n, t))| differs(source, n, t, &format!("{at}[{i}]"))),
        (Value::Map(pairs), Tree::Map(others)) if pairs.len() == others.len() => pairs
            .iter()
            .zip(others)
            .enumerate()
            .find_map(|(i, ((k, v), (tk, tv)))| {
                differs(source, k, tk, &format!("{at}.key{i}"))
                    .or_else(|| differs(source, v, tv, &format!("{at}.{i}")))
            }),
        (Value::Seq(_) | Value::Map(_), _) => Some(format!("{at}: {:?} vs {tree:?}", node.value)),
        (_, Tree::Scalar { .. }) => scalar_differs(source, node, tree, at),
        _ => Some(format!("{at}: {:?} vs {tree:?}", node.value)),
    }
}

/// [`differs`] for a scalar node.
fn scalar_differs(source: &str, node: &Node<'_>, tree: &Tree, at: &str) -> Option<String> {
    let Tree::Scalar {
        text,
        style,
        line,
        col,
        bytes,
    } = tree
    else {
        return Some(format!("{at}: scalar vs {tree:?}"));
    };
    let raw = source.get(node.bytes.clone()).unwrap_or_default();
    let (mine, my_style) = match (raw.as_bytes().first(), &node.value) {
        (Some(b'"'), Value::Str(s)) => (s.to_string(), Style::Double),
        (Some(b'\''), Value::Str(s)) => (s.to_string(), Style::Single),
        _ => (raw.to_string(), Style::Plain),
    };
    let here = (node.pos.line as usize, node.pos.col as usize, &node.bytes);
    if (&mine, my_style, here) != (text, *style, (*line, *col, bytes)) {
        return Some(format!(
            "{at}: {mine:?} {my_style:?} at {here:?} vs {text:?} {style:?} at {:?}",
            (line, col, bytes)
        ));
    }
    None
}

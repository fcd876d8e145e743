//! The positioned tree and its builder, fed by granit-parser's events (the
//! scanner serde-saphyr itself runs on) or by the fast reader
//! ([`super::fast`]). Scalars resolve as serde-saphyr resolves them for
//! ctg: YAML 1.2 core schema, `017` read as 17, non-finite floats refused.

use super::{
    MAX_ALIAS_BYTES, MAX_ALIAS_EXPANSION, MAX_ALIASES, MAX_DEPTH, Node, ParseError, ParseErrorKind,
    Pos, SyntaxKind, Value, syntax_kind,
};
use granit_parser::{Event, Parser, ScalarStyle, Span};
use std::borrow::Cow;
use std::collections::HashMap;

/// Parses UTF-8 text (without BOM) into a node tree.
pub(super) fn parse(source: &str) -> Result<Node<'_>, ParseError> {
    let mut b = Builder::default();
    // Every event takes at least a byte of text: a file within the size
    // limit always fits, however many entries it holds.
    let max_events = MAX_EVENTS.max(2 * source.len() + 1_024);
    let mut last = (Pos { line: 1, col: 1 }, 0..0);
    let unbroken_end = UnbrokenEnd::of(source);
    let mut parser = Parser::new_from_str(source);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| {
            let pos = Pos {
                line: clamp(e.marker().line()),
                col: clamp(e.marker().col() + 1),
            };
            // An unclosed bracket deeper than the limit: the depth is the
            // mistake to tell (the scanner may meet the end of the file first).
            let kind = if super::flow_depth(source) > MAX_DEPTH {
                ParseErrorKind::TooDeep
            } else {
                ParseErrorKind::Syntax(syntax_kind(&e.info(), source, pos))
            };
            ParseError { kind, pos }
        })?;
        last = at(&span);
        b.events += 1;
        if b.events > max_events {
            return Err(b.error(ParseErrorKind::Syntax(SyntaxKind::Other), last.0));
        }
        let event = match event {
            Event::Scalar(text, style, anchor, tag) if unbroken_end.ends(style, &span) => {
                Event::Scalar(unbroken(text), style, anchor, tag)
            }
            other => other,
        };
        b.event(event, span)?;
    }
    // Many aliases of few anchors: the shape of an alias bomb.
    if b.aliases >= 100 && (b.anchors.is_empty() || b.aliases > 10 * b.anchors.len()) {
        return Err(b.error(ParseErrorKind::Syntax(SyntaxKind::Other), last.0));
    }
    // An empty document is null, placed where the stream ends.
    Ok(b.root.unwrap_or(Node {
        pos: last.0,
        bytes: last.1,
        value: Value::Null,
    }))
}

/// Where a file without a final line break ends, to find the block scalar
/// (`|`, `>`, and their `+` forms) whose last line is that end: granit-parser
/// ends its value with a line break there, which YAML 1.2 (and PyYAML, and
/// every other reader of the file) does not — a line break is content only
/// where the text has one.
struct UnbrokenEnd {
    /// The character index from which only spaces follow; none when the
    /// file ends with a line break.
    from: Option<usize>,
}

impl UnbrokenEnd {
    fn of(source: &str) -> UnbrokenEnd {
        let from = (!source.is_empty() && !source.ends_with('\n')).then(|| {
            let trailing = source.chars().rev().take_while(|c| *c == ' ').count();
            source.chars().count() - trailing
        });
        UnbrokenEnd { from }
    }

    /// Whether a scalar of `style` ending at `span` ends the file (spans
    /// count characters, not bytes).
    fn ends(&self, style: ScalarStyle, span: &Span) -> bool {
        let block = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
        block && self.from.is_some_and(|from| span.end.index() >= from)
    }
}

/// The value without the one line break the parser added at the end.
fn unbroken(text: Cow<'_, str>) -> Cow<'_, str> {
    match text.strip_suffix('\n') {
        Some(kept) => Cow::Owned(kept.to_string()),
        None => text,
    }
}

/// serde-saphyr's budgets beyond ctg's own ([`MAX_DEPTH`], [`MAX_ALIASES`],
/// [`MAX_ALIAS_EXPANSION`], [`MAX_ALIAS_BYTES`]), kept so that ctg refuses the files serde-saphyr
/// refused: parser events (at least this many, more in a larger file),
/// anchors and merge keys in one file. The fast reader needs no event
/// count: what it reads has no anchor, and fewer events than bytes.
const MAX_EVENTS: usize = 1_000_000;
const MAX_ANCHORS: usize = 50_000;
const MAX_MERGE_KEYS: usize = 10_000;

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

fn at(span: &Span) -> (Pos, std::ops::Range<usize>) {
    let pos = Pos {
        line: clamp(span.start.line()),
        col: clamp(span.start.col() + 1),
    };
    (pos, span.byte_range().unwrap_or(0..0))
}

/// A collection being read: where it starts, its anchor, and where its
/// items start on the builder's shared stack of finished values.
struct Frame<'s> {
    pos: Pos,
    bytes: std::ops::Range<usize>,
    anchor: usize,
    map: bool,
    /// Index of its first item (keys and values alternate in a mapping).
    first: usize,
    /// The sources of its `<<` merge keys, in order.
    merged: Vec<Node<'s>>,
    /// Its keys by hash, once it has [`HASHED_FROM`] of them.
    hashes: Option<KeyHashes>,
}

/// Keys a mapping may have before its duplicate check goes through hashes
/// rather than a scan of them all (a file of a million keys would take
/// hours to scan key by key).
const HASHED_FROM: usize = 16;

/// The keys of a mapping by hash.
#[derive(Default)]
struct KeyHashes(std::collections::HashSet<u64>);

impl KeyHashes {
    fn of<'a, 's: 'a>(keys: impl Iterator<Item = &'a Node<'s>>) -> Self {
        let mut hashes = KeyHashes::default();
        keys.for_each(|k| {
            hashes.seen(k);
        });
        hashes
    }

    /// Records `key`; true when a key of the same hash was there already
    /// (the same key, or rarely another one).
    fn seen(&mut self, key: &Node<'_>) -> bool {
        !self.0.insert(key_hash(key))
    }
}

#[derive(Default)]
pub(super) struct Builder<'s> {
    stack: Vec<Frame<'s>>,
    /// Finished values of the open collections, innermost last: one stack
    /// for all, so that each collection is allocated once, at its size.
    items: Vec<Node<'s>>,
    anchors: HashMap<usize, Node<'s>>,
    /// How many values, and bytes of text, each anchor holds.
    anchor_sizes: HashMap<usize, Size>,
    aliases: usize,
    /// Values and bytes of text replayed by aliases so far, all aliases
    /// together.
    replayed: Size,
    events: usize,
    merge_keys: usize,
    documents: usize,
    pub(super) root: Option<Node<'s>>,
}

impl<'s> Builder<'s> {
    fn error(&self, kind: ParseErrorKind, pos: Pos) -> ParseError {
        ParseError { kind, pos }
    }

    fn event(&mut self, event: Event<'s>, span: Span) -> Result<(), ParseError> {
        let (pos, bytes) = at(&span);
        match event {
            Event::DocumentStart(..) => self.document(pos)?,
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(|t| match t.core_suffix() {
                    Some(core) => core.to_string(),
                    // `!` alone, the non-specific tag: not resolved (a string).
                    None if t.handle() == "!" && t.suffix().is_empty() => "!".to_string(),
                    None => t.suffix().to_string(),
                });
                let value = super::resolve::scalar(text, style, tag.as_deref());
                self.value(Node { pos, bytes, value }, anchor)?;
            }
            Event::SequenceStart(_, anchor, _) => self.start(false, pos, bytes, anchor)?,
            Event::MappingStart(_, anchor, _) => self.start(true, pos, bytes, anchor)?,
            Event::SequenceEnd | Event::MappingEnd => self.end()?,
            Event::Alias(id) => self.alias(id, pos)?,
            _ => {}
        }
        Ok(())
    }

    /// The start of the document: one only.
    pub(super) fn document(&mut self, pos: Pos) -> Result<(), ParseError> {
        self.documents += 1;
        if self.documents > 1 {
            return Err(self.error(ParseErrorKind::Syntax(SyntaxKind::SeveralDocuments), pos));
        }
        Ok(())
    }

    /// The start of a mapping (`map`) or a sequence.
    pub(super) fn start(
        &mut self,
        map: bool,
        pos: Pos,
        bytes: std::ops::Range<usize>,
        anchor: usize,
    ) -> Result<(), ParseError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error(ParseErrorKind::TooDeep, pos));
        }
        self.stack.push(Frame {
            pos,
            bytes,
            anchor,
            map,
            first: self.items.len(),
            merged: Vec::new(),
            hashes: None,
        });
        Ok(())
    }

    /// The end of the innermost mapping or sequence.
    pub(super) fn end(&mut self) -> Result<(), ParseError> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let mut items = self.items.drain(frame.first..);
        let value = if frame.map {
            let mut pairs = Vec::with_capacity(items.len() / 2);
            while let (Some(k), Some(v)) = (items.next(), items.next()) {
                pairs.push((k, v));
            }
            drop(items);
            Value::Map(merge(pairs, frame.merged))
        } else {
            Value::Seq(items.collect())
        };
        let node = Node {
            pos: frame.pos,
            bytes: frame.bytes,
            value,
        };
        self.value(node, frame.anchor)
    }

    /// `*name`: a copy of the anchored value, within the alias limits.
    fn alias(&mut self, id: usize, pos: Pos) -> Result<(), ParseError> {
        let fail = |kind| Err(ParseError { kind, pos });
        self.aliases += 1;
        if self.aliases > MAX_ALIASES {
            return fail(ParseErrorKind::TooManyAliases);
        }
        let size = self.anchor_sizes.get(&id).copied().unwrap_or(Size {
            values: 1,
            bytes: 0,
        });
        self.replayed.values = self.replayed.values.saturating_add(size.values);
        self.replayed.bytes = self.replayed.bytes.saturating_add(size.bytes);
        if self.replayed.values > MAX_ALIAS_EXPANSION || self.replayed.bytes > MAX_ALIAS_BYTES {
            return fail(ParseErrorKind::TooManyAliases);
        }
        let Some(mut node) = self.anchors.get(&id).cloned() else {
            return fail(ParseErrorKind::Syntax(SyntaxKind::UnknownAlias));
        };
        relocate(&mut node, pos);
        self.value(node, 0)
    }

    /// A finished value: the root, an item, a key, or a key's value.
    pub(super) fn value(&mut self, node: Node<'s>, anchor: usize) -> Result<(), ParseError> {
        if anchor != 0 {
            self.anchor_sizes.insert(anchor, size(&node));
            self.anchors.insert(anchor, node.clone());
            if self.anchors.len() > MAX_ANCHORS {
                return Err(self.error(ParseErrorKind::Syntax(SyntaxKind::Other), node.pos));
            }
        }
        let Some(top) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        let held = &self.items[top.first..];
        if !top.map {
            self.items.push(node);
        } else if held.len().is_multiple_of(2) {
            // A key: refused when the mapping already has it.
            if !is_merge_key(&node) && has_key(top, held, &node) {
                return Err(ParseError {
                    kind: ParseErrorKind::DuplicateKey,
                    pos: node.pos,
                });
            }
            self.items.push(node);
        } else if held.last().is_some_and(is_merge_key) {
            // The value of `<<`: a source to merge when the mapping ends.
            let key = self.items.pop();
            top.merged.push(node);
            self.merge_keys += 1;
            if self.merge_keys > MAX_MERGE_KEYS {
                return Err(ParseError {
                    kind: ParseErrorKind::Syntax(SyntaxKind::Other),
                    pos: key.map_or(Pos::default(), |k| k.pos),
                });
            }
        } else {
            self.items.push(node);
        }
        Ok(())
    }
}

/// Whether the mapping of `frame`, holding `held` (keys and values), has
/// `key` already: a scan while it has few keys, its key hashes beyond.
fn has_key(frame: &mut Frame<'_>, held: &[Node<'_>], key: &Node<'_>) -> bool {
    let scan = || held.iter().step_by(2).any(|k| same_key(k, key));
    if held.len() / 2 < HASHED_FROM {
        return scan();
    }
    let hashes = frame
        .hashes
        .get_or_insert_with(|| KeyHashes::of(held.iter().step_by(2)));
    hashes.seen(key) && scan()
}

/// A hash that keys equal by [`same_key`] share.
fn key_hash(node: &Node<'_>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match &node.value {
        Value::Str(s) => (0u8, &**s).hash(&mut h),
        Value::Int(i) => (1u8, i).hash(&mut h),
        Value::Bool(b) => (2u8, b).hash(&mut h),
        Value::Null => 3u8.hash(&mut h),
        Value::Float(f) => (4u8, f.to_bits()).hash(&mut h),
        // Collections compare item by item: those of one kind and size
        // share a hash, and are told apart by a scan.
        Value::Seq(items) => (5u8, items.len()).hash(&mut h),
        Value::Map(pairs) => (6u8, pairs.len()).hash(&mut h),
    }
    h.finish()
}

/// What a value holds: what an alias of it replays.
#[derive(Clone, Copy, Default)]
struct Size {
    /// Values, itself included.
    values: usize,
    /// Bytes of text of its scalars (a string's own text, the spelling of
    /// another scalar): what a reading or a report of it may print.
    bytes: usize,
}

/// What `node` holds.
fn size(node: &Node<'_>) -> Size {
    let add = |a: Size, b: Size| Size {
        values: a.values.saturating_add(b.values),
        bytes: a.bytes.saturating_add(b.bytes),
    };
    let own = Size {
        values: 1,
        bytes: match &node.value {
            Value::Str(s) => s.len(),
            Value::Seq(_) | Value::Map(_) => 0,
            _ => node.bytes.len(),
        },
    };
    match &node.value {
        Value::Seq(items) => items.iter().map(size).fold(own, add),
        Value::Map(pairs) => pairs
            .iter()
            .map(|(k, v)| add(size(k), size(v)))
            .fold(own, add),
        _ => own,
    }
}

/// An alias's copy of its anchor's value: every node of it is placed at the
/// alias, where the value is used (as serde-saphyr's `referenced` does), and
/// keeps its bytes, those of the anchored value (serde-saphyr's `defined`):
/// its spelling, which [`Node::scalar_str`] reads (`2025` as a year, `1.10`
/// as an id), is there and not in `*name`.
fn relocate(node: &mut Node<'_>, pos: Pos) {
    node.pos = pos;
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| relocate(n, pos)),
        Value::Map(pairs) => pairs.iter_mut().for_each(|(k, v)| {
            relocate(k, pos);
            relocate(v, pos);
        }),
        _ => {}
    }
}

fn is_merge_key(node: &Node<'_>) -> bool {
    matches!(&node.value, Value::Str(s) if s == "<<")
}

fn same_key(a: &Node<'_>, b: &Node<'_>) -> bool {
    match (&a.value, &b.value) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Null, Value::Null) => true,
        // By their bits: 0.0 and -0.0 are two keys, `.nan` twice is one key
        // given twice (as serde-saphyr, ctg's first reader, has them).
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_key(p, q))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k, v), (l, w))| same_key(k, l) && same_key(v, w))
        }
        _ => false,
    }
}

/// The pairs of a mapping and, after them, those of its `<<` sources that
/// it does not give itself (an earlier source wins over a later one).
fn merge<'s>(
    mut pairs: Vec<(Node<'s>, Node<'s>)>,
    merged: Vec<Node<'s>>,
) -> Vec<(Node<'s>, Node<'s>)> {
    let sources = merged.into_iter().flat_map(|n| match n.value {
        Value::Seq(items) => items,
        _ => vec![n],
    });
    let mut hashes = KeyHashes::of(pairs.iter().map(|(k, _)| k));
    for mut source in sources {
        // Merged pairs are placed at the mapping they come from.
        let pos = source.pos;
        relocate(&mut source, pos);
        if let Value::Map(extra) = source.value {
            for (k, v) in extra {
                if !(hashes.seen(&k) && pairs.iter().any(|(p, _)| same_key(p, &k))) {
                    pairs.push((k, v));
                }
            }
        }
    }
    pairs
}

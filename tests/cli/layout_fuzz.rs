//! The writers' layout fuzz (issue 21, item 6). Each demo sheet is written
//! again in a random layout that reads as the same YAML — comments after
//! values and on their own lines, blank lines, 2- or 4-space indentation,
//! `-   ` items, indentless or indented sequences, flow or block mappings
//! (journal entries, measures, spent…) and lists, plain, single- or
//! double-quoted strings (escapes included), plain strings over several
//! lines, `|`, `|-`, `>`, `>-` blocks (also as the file's last value, with
//! and without a final newline), CRLF, a BOM, a `---` line, trailing
//! spaces — and libyaml must read the generated text as the tree it was
//! written from. A layout `ctg validate` refuses is skipped and counted.
//!
//! On each layout one writer runs with values that need quoting: `record`
//! (note, status, progress, a measure, an amount spent, a milestone),
//! `record --amend`, `add milestone`, `add indicator` or `set`. It must
//! succeed or refuse with the file byte for byte as it was; after a success
//! the plan still validates and libyaml, a reader sharing no code with
//! ctg, reads every value that was there as before (text, and plain or
//! not), plus exactly the change asked for. `record` also keeps its
//! promise on bytes: the old text (with a final newline if it had none)
//! with the new lines inserted, nothing else changed.
//!
//! `LAYOUT_FUZZ_RUNS=N` (default 300) and `LAYOUT_FUZZ_SEED=S` (hex) set
//! the run; the counts are printed (`--nocapture`), and with
//! `LAYOUT_FUZZ_SHOW=1` each refused run, its sheet before and after.

use crate::common::TestEnv;
use crate::libyaml::{self, Style, Tree};
use crate::seeded::Seeded;
use std::collections::BTreeMap;

/// A YAML value as a reader sees it: each scalar's text and whether it is
/// plain (a quoted or block scalar is a string whatever its text).
#[derive(Clone, Debug, PartialEq)]
enum Y {
    S(String, bool),
    Seq(Vec<Y>),
    Map(Vec<(Y, Y)>),
}

impl Y {
    fn of(tree: &Tree) -> Y {
        match tree {
            Tree::Scalar { text, style, .. } => Y::S(text.clone(), *style == Style::Plain),
            Tree::Seq(items) => Y::Seq(items.iter().map(Y::of).collect()),
            Tree::Map(pairs) => Y::Map(pairs.iter().map(|(k, v)| (Y::of(k), Y::of(v))).collect()),
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Y::S(text, _) => Some(text),
            _ => None,
        }
    }

    fn pairs(&self) -> &[(Y, Y)] {
        match self {
            Y::Map(pairs) => pairs,
            _ => &[],
        }
    }

    fn items(&self) -> &[Y] {
        match self {
            Y::Seq(items) => items,
            _ => &[],
        }
    }

    fn get(&self, key: &str) -> Option<&Y> {
        self.pairs()
            .iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(_, v)| v)
    }

    fn text_at(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Y::text)
    }

    /// The ids of the items of the list under `key`.
    fn ids(&self, key: &str) -> Vec<String> {
        let items = self.get(key).map(Y::items).unwrap_or_default();
        items
            .iter()
            .filter_map(|m| m.text_at("id").map(String::from))
            .collect()
    }

    /// The last scalar of the document, the one a file's end may end.
    fn last_scalar(&mut self) -> Option<&mut String> {
        match self {
            Y::S(text, _) => Some(text),
            Y::Seq(items) => items.last_mut().and_then(Y::last_scalar),
            Y::Map(pairs) => pairs.last_mut().and_then(|(_, v)| v.last_scalar()),
        }
    }
}

/// What libyaml reads from `text`.
fn read(text: &str) -> Result<Y, String> {
    libyaml::parse(text).map(|tree| Y::of(&tree))
}

/// Plain words YAML 1.1 readers take for something else than a string.
const WORDS: [&str; 17] = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "~", "Y", "N",
    "NULL", "True", "False",
];

/// A string every YAML reader reads as that string when written plain and
/// safe there (see [`safe_plain`]).
fn string_like(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphabetic)
        && !WORDS.contains(&text.to_lowercase().as_str())
}

/// Whether `text` may be written plain (in a flow collection if `flow`).
fn safe_plain(text: &str, flow: bool) -> bool {
    string_like(text)
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains("  ")
        && text.chars().all(|c| {
            let special = "\u{feff}\u{2028}\u{2029}\u{85}&*!|>\"%@`#\\";
            !(c.is_control() || special.contains(c) || flow && "{}[],".contains(c))
        })
}

/// The keys whose text a person may write as a `|` or `>` block.
const TEXT_KEYS: [&str; 7] = [
    "note",
    "difficulties",
    "next",
    "decision",
    "title",
    "label",
    "scheme",
];

/// Whether the value `text` of `key` can be written as a block scalar.
fn blockable(key: &str, text: &str) -> bool {
    TEXT_KEYS.contains(&key)
        && !text.is_empty()
        && !text.starts_with([' ', '\t'])
        && !text.ends_with([' ', '\t'])
        && text
            .chars()
            .all(|c| !c.is_control() && !"\u{feff}\u{2028}\u{2029}\u{85}".contains(c))
}

/// Comments a person might write.
const COMMENTS: [&str; 6] = [
    "# à revoir",
    "#sans espace",
    "# note: pas une clé",
    "# - pas un élément",
    "# « guillemets » et 'apostrophe'",
    "# {pas: une mapping}, [ni une liste]",
];

/// The layout of one file: each choice is a chance in percent.
struct Layout {
    step: usize,
    pad: &'static str,
    indentless: usize,
    flow: usize,
    flow_list: usize,
    requote: usize,
    block: usize,
    multiline: usize,
    escapes: bool,
    comment_after: usize,
    comment_line: usize,
    blank: usize,
    trailing: usize,
    crlf: bool,
    bom: bool,
    /// 0: no `---`; 1: first line; 2: after the first comments.
    doc_start: usize,
    final_newline: bool,
    last_block: bool,
}

impl Layout {
    fn random(rng: &mut Seeded) -> Layout {
        let some = |rng: &mut Seeded| [0, 10, 30, 60][rng.below(4)];
        Layout {
            step: [2, 4][rng.below(2)],
            pad: [" ", " ", "   "][rng.below(3)],
            indentless: [0, 50, 100][rng.below(3)],
            flow: some(rng),
            flow_list: some(rng),
            requote: some(rng),
            block: some(rng),
            multiline: some(rng),
            escapes: rng.below(3) == 0,
            comment_after: some(rng),
            comment_line: some(rng),
            blank: some(rng),
            trailing: some(rng),
            crlf: rng.below(4) == 0,
            bom: rng.below(8) == 0,
            doc_start: rng.below(3),
            final_newline: rng.below(3) != 0,
            last_block: rng.below(2) == 0,
        }
    }
}

/// Writes a tree in a [`Layout`], giving back the tree as written (a
/// string given other quotes, a block's final break).
struct Gen<'a> {
    rng: &'a mut Seeded,
    l: Layout,
    out: String,
    features: Vec<String>,
    /// The last line written ends a `|` or `>` block that keeps its break.
    ends_clip_block: bool,
    ends_block: bool,
}

impl Gen<'_> {
    fn chance(&mut self, percent: usize) -> bool {
        self.rng.below(100) < percent
    }

    fn feature(&mut self, name: impl Into<String>) {
        self.features.push(name.into());
    }

    fn put(&mut self, s: &str) {
        if !s.is_empty() {
            self.ends_clip_block = false;
            self.ends_block = false;
        }
        self.out.push_str(s);
    }

    fn indent(&mut self, n: usize) {
        self.put(&" ".repeat(n));
    }

    /// The end of a line: maybe a comment, maybe trailing spaces.
    fn end_line(&mut self) {
        if self.chance(self.l.comment_after) {
            let c = COMMENTS[self.rng.below(COMMENTS.len())];
            self.put(&format!(" {c}"));
            self.feature("comment after a value");
        }
        if self.chance(self.l.trailing) {
            let spaces = " ".repeat(1 + self.rng.below(3));
            self.put(&spaces);
            self.feature("trailing spaces");
        }
        self.put("\n");
    }

    /// Maybe a blank line and a comment line before a line at `ind`.
    fn before_line(&mut self, ind: usize) {
        if self.chance(self.l.blank) {
            self.put("\n");
            self.feature("blank line");
        }
        if self.chance(self.l.comment_line) {
            let at = if self.chance(30) { 0 } else { ind };
            let c = COMMENTS[self.rng.below(COMMENTS.len())];
            self.indent(at);
            self.put(c);
            self.put("\n");
            self.feature(if at == 0 && ind > 0 {
                "comment line at column 0"
            } else {
                "comment line"
            });
        }
    }

    /// A scalar as it goes on a line, and what it reads as.
    fn scalar(&mut self, text: &str, plain: bool, flow: bool) -> (String, Y) {
        let as_is = || (text.to_string(), Y::S(text.to_string(), true));
        if plain && !string_like(text) {
            return as_is();
        }
        let can_plain = safe_plain(text, flow);
        let requote = self.chance(self.l.requote);
        let style = match (plain, requote) {
            (true, false) if can_plain || !flow => 0,
            (false, true) if can_plain => 0,
            _ => 1 + self.rng.below(2),
        };
        match style {
            0 => {
                if !plain {
                    self.feature("quoted string written plain");
                }
                self.feature("plain string");
                as_is()
            }
            1 => {
                self.feature("single-quoted");
                (
                    format!("'{}'", text.replace('\'', "''")),
                    Y::S(text.to_string(), false),
                )
            }
            _ => {
                self.feature("double-quoted");
                (self.double(text), Y::S(text.to_string(), false))
            }
        }
    }

    fn double(&mut self, text: &str) -> String {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                c if c.is_control() || "\u{feff}\u{2028}\u{2029}\u{85}".contains(c) => {
                    out.push_str(&format!("\\u{:04x}", c as u32))
                }
                c if !c.is_ascii() && self.l.escapes && self.chance(50) => {
                    let n = c as u32;
                    out.push_str(&match n {
                        0..=0xff => format!("\\x{n:02x}"),
                        0x100..=0xffff => format!("\\u{n:04X}"),
                        _ => format!("\\U{n:08x}"),
                    });
                    self.feature("escape in a double-quoted string");
                }
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    /// A flow collection or scalar on one line.
    fn flow(&mut self, y: &Y) -> (String, Y) {
        let (open, close) = match self.rng.below(3) {
            0 => ("{ ", " }"),
            _ => ("{", "}"),
        };
        let comma = [", ", ",", " , "][self.rng.below(3)];
        match y {
            Y::S(text, plain) => self.scalar(text, *plain, true),
            Y::Seq(items) => {
                let (texts, ys): (Vec<_>, Vec<_>) = items.iter().map(|i| self.flow(i)).unzip();
                let open = if open.len() == 2 { "[ " } else { "[" };
                let close = if close.len() == 2 { " ]" } else { "]" };
                (format!("{open}{}{close}", texts.join(comma)), Y::Seq(ys))
            }
            Y::Map(pairs) => {
                let mut texts = Vec::new();
                let mut ys = Vec::new();
                for (k, v) in pairs {
                    let (t, y) = self.flow(v);
                    texts.push(format!("{}: {t}", k.text().unwrap_or_default()));
                    ys.push((k.clone(), y));
                }
                (format!("{open}{}{close}", texts.join(comma)), Y::Map(ys))
            }
        }
    }

    /// A mapping in block style at column `ind`, its first key already
    /// placed after a `- ` when `inline_first`. `last`: it ends the file.
    fn map_block(&mut self, pairs: &[(Y, Y)], ind: usize, inline_first: bool, last: bool) -> Y {
        let mut written = Vec::new();
        for (i, (k, v)) in pairs.iter().enumerate() {
            if !(i == 0 && inline_first) {
                self.before_line(ind);
                self.indent(ind);
            }
            let key = k.text().unwrap_or_default().to_string();
            self.put(&key);
            self.put(":");
            let y = self.value(&key, v, ind, last && i + 1 == pairs.len());
            written.push((k.clone(), y));
        }
        Y::Map(written)
    }

    /// The value of `key` (a key at column `ind`), from just after its `:`.
    fn value(&mut self, key: &str, v: &Y, ind: usize, last: bool) -> Y {
        let forced = last && self.l.last_block;
        match v {
            Y::S(text, true) if text.is_empty() => {
                self.end_line();
                v.clone()
            }
            Y::S(text, plain) => {
                if blockable(key, text) && (forced || self.chance(self.l.block)) {
                    return self.block_scalar(text, ind);
                }
                let parts: Vec<&str> = text.split(' ').collect();
                let splits = parts.len() > 1
                    && parts
                        .iter()
                        .all(|p| p.chars().next().is_some_and(char::is_alphanumeric));
                if splits && safe_plain(text, false) && self.chance(self.l.multiline) {
                    self.put(" ");
                    self.put(parts[0]);
                    for part in &parts[1..] {
                        if self.chance(50) {
                            self.feature("plain string over several lines");
                            self.put("\n");
                            self.indent(ind + self.l.step);
                        } else {
                            self.put(" ");
                        }
                        self.put(part);
                    }
                    self.end_line();
                    return Y::S(text.clone(), true);
                }
                let (s, y) = self.scalar(text, *plain, false);
                self.put(" ");
                self.put(&s);
                self.end_line();
                y
            }
            Y::Map(pairs) => {
                if !forced && self.chance(self.l.flow) {
                    self.feature(format!("flow mapping: {key}"));
                    let (s, y) = self.flow(v);
                    self.put(" ");
                    self.put(&s);
                    self.end_line();
                    y
                } else {
                    self.feature(format!("block mapping: {key}"));
                    self.end_line();
                    self.map_block(pairs, ind + self.l.step, false, last)
                }
            }
            Y::Seq(items) => {
                let scalars = items.iter().all(|i| matches!(i, Y::S(..)));
                if scalars && !forced && self.chance(self.l.flow_list) {
                    self.feature("flow list");
                    let (s, y) = self.flow(v);
                    self.put(" ");
                    self.put(&s);
                    self.end_line();
                    y
                } else {
                    self.end_line();
                    let at = if self.chance(self.l.indentless) {
                        self.feature("indentless sequence");
                        ind
                    } else {
                        self.feature("indented sequence");
                        ind + self.l.step
                    };
                    self.seq_block(key, items, at, last)
                }
            }
        }
    }

    /// The items of `key`'s list in block style, their dashes at `ind`.
    fn seq_block(&mut self, key: &str, items: &[Y], ind: usize, last: bool) -> Y {
        let mut written = Vec::new();
        let pad = self.l.pad;
        if pad.len() > 1 {
            self.feature("items written `-   `");
        }
        for (i, item) in items.iter().enumerate() {
            let last = last && i + 1 == items.len();
            self.before_line(ind);
            self.indent(ind);
            self.put("-");
            self.put(pad);
            let y = match item {
                Y::Map(pairs) if last && self.l.last_block || !self.chance(self.l.flow) => {
                    self.feature(format!("block item: {key}"));
                    self.map_block(pairs, ind + 1 + pad.len(), true, last)
                }
                _ => {
                    if matches!(item, Y::Map(_)) {
                        self.feature(format!("flow item: {key}"));
                    }
                    let (s, y) = self.flow(item);
                    self.put(&s);
                    self.end_line();
                    y
                }
            };
            written.push(y);
        }
        Y::Seq(written)
    }

    /// `|`, `|-`, `>` or `>-` and the text's lines under a key at `ind`.
    fn block_scalar(&mut self, text: &str, ind: usize) -> Y {
        let style = ["|", "|-", ">", ">-"][self.rng.below(4)];
        self.feature(format!("block scalar {style}"));
        self.put(" ");
        self.put(style);
        self.end_line();
        let words: Vec<&str> = text.split(' ').collect();
        let wrap = style.starts_with('>') && words.iter().all(|w| !w.is_empty());
        let mut line = String::new();
        for (i, word) in words.iter().enumerate() {
            if i > 0 && wrap && self.chance(40) {
                self.indent(ind + self.l.step);
                self.put(&line);
                self.put("\n");
                line.clear();
                self.feature("folded block over several lines");
            } else if i > 0 {
                line.push(' ');
            }
            line.push_str(word);
        }
        self.indent(ind + self.l.step);
        self.put(&line);
        self.put("\n");
        let clip = !style.ends_with('-');
        self.ends_clip_block = clip;
        self.ends_block = true;
        let value = if clip {
            format!("{text}\n")
        } else {
            text.to_string()
        };
        Y::S(value, false)
    }
}

/// Moves a text the last journal entry (or the last item of the file's
/// last list) holds to its end, so that a block may end the file.
fn text_last(root: &mut Y) {
    let Y::Map(pairs) = root else { return };
    let Some((_, Y::Seq(items))) = pairs.last_mut() else {
        return;
    };
    let Some(Y::Map(entry)) = items.last_mut() else {
        return;
    };
    let at = entry.iter().position(|(k, v)| {
        k.text() == Some("note")
            || k.text()
                .is_some_and(|k| v.text().is_some_and(|t| blockable(k, t)))
    });
    if let Some(at) = at {
        let pair = entry.remove(at);
        entry.push(pair);
    }
}

/// The layout whose writes must be refused: a `|` or `>` block (clip) ends
/// the file without a final newline, so that its text has no final break;
/// the newline a write adds would give it one.
const UNBROKEN_BLOCK: &str = "`|` or `>` ends a file without a final newline";

/// `sheet` (its text) in a random layout: the text and what it reads as.
fn relayout(rng: &mut Seeded, sheet: &str) -> (String, Y, Vec<String>) {
    let mut root = read(sheet).unwrap_or_else(|e| panic!("the demo sheet: {e}"));
    let l = Layout::random(rng);
    if l.last_block {
        text_last(&mut root);
    }
    let mut g = Gen {
        rng,
        l,
        out: String::new(),
        features: Vec::new(),
        ends_clip_block: false,
        ends_block: false,
    };
    g.feature(format!("indentation {}", g.l.step));
    if g.l.doc_start == 1 {
        g.put("---\n");
        g.feature("`---` first");
    }
    for line in sheet.lines().take_while(|l| l.starts_with('#')) {
        g.put(line);
        g.put("\n");
    }
    if g.l.doc_start == 2 {
        g.put("---\n");
        g.feature("`---` after the comments");
    }
    let mut written = g.map_block(root.pairs(), 0, false, true);
    if g.ends_block {
        g.feature("block scalar ends the file");
    }
    if !g.l.final_newline {
        g.out.pop();
        g.feature("no final newline");
        if g.ends_clip_block {
            g.feature(UNBROKEN_BLOCK);
            if let Some(text) = written.last_scalar() {
                text.pop();
            }
        }
    }
    let mut out = std::mem::take(&mut g.out);
    if g.l.crlf {
        out = out.replace('\n', "\r\n");
        g.feature("CRLF");
    }
    if g.l.bom {
        out.insert(0, '\u{feff}');
        g.feature("BOM");
    }
    (out, written, g.features)
}

/// Texts that need quoting, escapes or care.
const TEXTS: [&str; 20] = [
    "Réunion du comité",
    "Bilan : 14 chauffeurs",
    "# pas un commentaire",
    "note # avec dièse",
    "\"Guillemets\" et 'apostrophes'",
    "- commence par un tiret",
    "yes",
    "null",
    "~",
    "12:30",
    "2024-01-01",
    "42",
    "Été 🌞 à Noël, «\u{a0}guillemets\u{a0}»",
    "ligne un\nligne deux",
    "[crochets] et {accolades}",
    "fin avec deux-points:",
    "séparateur\u{2028}de ligne",
    "tab\tulation, antislash \\ et \\n",
    "  espaces autour  ",
    "&ancre *alias !tag %pourcent @arobase `accent`",
];

/// What one run asked: the arguments and what must have changed.
struct Ask {
    writer: &'static str,
    args: Vec<String>,
    change: Change,
}

enum Change {
    /// A journal entry last, or the last one replaced, with this date and note.
    Entry {
        amend: bool,
        date: String,
        note: String,
    },
    /// An item last in the list of `key`, with these texts.
    Item {
        key: &'static str,
        texts: Vec<(&'static str, String)>,
    },
    /// These keys set to these values.
    Set(Vec<(&'static str, Y)>),
}

/// Adds an option and its value.
/// (`--option=value`, so that a value may start with `-`).
fn arg(args: &mut Vec<String>, option: &str, value: &str) {
    args.push(format!("{option}={value}"));
}

fn pick<'a>(rng: &mut Seeded, from: &[&'a str]) -> &'a str {
    from[rng.below(from.len())]
}

fn text(rng: &mut Seeded) -> String {
    let mut t = pick(rng, &TEXTS).to_string();
    if rng.below(3) == 0 {
        t = format!("{t} {}", pick(rng, &TEXTS));
    }
    t
}

const PARTNERS: [&str; 5] = [
    "ccvl",
    "caf-exemple",
    "service-enfance",
    "lune-mobilite",
    "maison-jeunes",
];

/// Some of `from`, in their order, at least one.
fn some_of(rng: &mut Seeded, from: &[&'static str]) -> Vec<&'static str> {
    let mut chosen: Vec<_> = from.iter().copied().filter(|_| rng.below(2) == 0).collect();
    if chosen.is_empty() {
        chosen.push(pick(rng, from));
    }
    chosen
}

/// A writer chosen at random, with values fitting the sheet `root`.
fn ask(rng: &mut Seeded, root: &Y) -> Ask {
    let id = root.text_at("id").unwrap_or_default().to_string();
    let journal = root.get("journal").map(Y::items).unwrap_or_default();
    let mut args: Vec<String> = Vec::new();
    match rng.below(10) {
        0..=3 => {
            args.extend(["record".into(), id]);
            let note = text(rng);
            arg(&mut args, "--note", &note);
            let mut date = "2025-07-01".to_string();
            if rng.below(3) == 0 {
                date = format!("2025-06-{:02}", 1 + rng.below(29));
                arg(&mut args, "--date", &date);
            }
            match rng.below(6) {
                0 => {
                    arg(&mut args, "--status", "done");
                    arg(&mut args, "--progress", "100");
                }
                1 | 2 => {
                    let s = pick(
                        rng,
                        &["in-progress", "en cours", "blocked", "bloquée", "paused"],
                    );
                    arg(&mut args, "--status", s);
                }
                _ => {}
            }
            if rng.below(3) == 0 && !args.iter().any(|a| a.starts_with("--progress=")) {
                let p = format!("{}{}", rng.below(101), pick(rng, &["", "%", " %"]));
                arg(&mut args, "--progress", &p);
            }
            for (key, values) in [
                ("indicators", ["12", "4,5", "-3", "1.5", "0"]),
                ("budget", ["1500", "2 500,50", "-100", "12000.5", "0"]),
            ] {
                let ids = root.ids(key);
                if !ids.is_empty() && rng.below(2) == 0 {
                    let opt = if key == "budget" {
                        "--spent"
                    } else {
                        "--measure"
                    };
                    let line = &ids[rng.below(ids.len())];
                    arg(&mut args, opt, &format!("{line}={}", pick(rng, &values)));
                }
            }
            let reached: Vec<&str> = journal
                .iter()
                .flat_map(|e| e.get("reached").map(Y::items).unwrap_or_default())
                .filter_map(Y::text)
                .collect();
            let open: Vec<String> = root
                .ids("milestones")
                .into_iter()
                .filter(|m| !reached.contains(&m.as_str()))
                .collect();
            if !open.is_empty() && rng.below(3) == 0 {
                arg(&mut args, "--reached", &open[rng.below(open.len())]);
            }
            for opt in ["--difficulties", "--next", "--decision"] {
                if rng.below(6) == 0 {
                    arg(&mut args, opt, &text(rng));
                }
            }
            Ask {
                writer: "record",
                args,
                change: Change::Entry {
                    amend: false,
                    date,
                    note,
                },
            }
        }
        4 | 5 if !journal.is_empty() => {
            args.extend(["record".into(), id, "--amend".into()]);
            let note = text(rng);
            arg(&mut args, "--note", &note);
            let old = &journal[journal.len() - 1];
            for r in old.get("reached").map(Y::items).unwrap_or_default() {
                arg(&mut args, "--reached", r.text().unwrap_or_default());
            }
            for (key, opt) in [("measures", "--measure"), ("spent", "--spent")] {
                for (k, v) in old.get(key).map(Y::pairs).unwrap_or_default() {
                    let (k, v) = (k.text().unwrap_or_default(), v.text().unwrap_or_default());
                    arg(&mut args, opt, &format!("{k}={v}"));
                }
            }
            if rng.below(10) < 7 {
                for key in ["status", "progress"] {
                    if let Some(v) = old.text_at(key) {
                        arg(&mut args, &format!("--{key}"), v);
                    }
                }
            }
            Ask {
                writer: "record --amend",
                args,
                change: Change::Entry {
                    amend: true,
                    date: old.text_at("date").unwrap_or_default().to_string(),
                    note,
                },
            }
        }
        4..=6 => {
            let (title, mid) = (text(rng), format!("jalon-{}", rng.below(1000)));
            let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
            let due = format!("2026-{month:02}-{day:02}");
            let typed = match rng.below(2) {
                0 => due.clone(),
                _ => format!("{day:02}/{month:02}/2026"),
            };
            args.extend(["add".into(), "milestone".into(), id]);
            arg(&mut args, "--id", &mid);
            arg(&mut args, "--title", &title);
            arg(&mut args, "--due", &typed);
            Ask {
                writer: "add milestone",
                args,
                change: Change::Item {
                    key: "milestones",
                    texts: vec![("id", mid), ("title", title), ("due", due)],
                },
            }
        }
        7 | 8 => {
            let (label, iid) = (text(rng), format!("indic-{}", rng.below(1000)));
            let unit = pick(rng, &["places", "%", "km/an", "€", "familles: nombre", "#"]);
            args.extend(["add".into(), "indicator".into(), id]);
            arg(&mut args, "--id", &iid);
            arg(&mut args, "--label", &label);
            arg(&mut args, "--unit", unit);
            let kind = pick(rng, &["result", "activity", "résultat", "moyens"]);
            arg(&mut args, "--kind", kind);
            let direction = pick(rng, &["up", "down", "steady", "hausse"]);
            arg(&mut args, "--direction", direction);
            if rng.below(2) == 0 {
                arg(&mut args, "--baseline", "2023=0");
            }
            if rng.below(2) == 0 {
                arg(&mut args, "--target", &format!("2026={}", rng.below(50)));
            }
            Ask {
                writer: "add indicator",
                args,
                change: Change::Item {
                    key: "indicators",
                    texts: vec![("id", iid), ("label", label), ("unit", unit.to_string())],
                },
            }
        }
        _ => {
            args.extend(["set".into(), id]);
            let mut set = Vec::new();
            let list =
                |ids: &[&str]| Y::Seq(ids.iter().map(|i| Y::S(i.to_string(), true)).collect());
            while set.is_empty() {
                if rng.below(2) == 0 {
                    let lead = pick(rng, &PARTNERS);
                    arg(&mut args, "--lead", lead);
                    set.push(("lead", Y::S(lead.into(), true)));
                }
                if rng.below(2) == 0 {
                    let partners = some_of(rng, &PARTNERS);
                    arg(&mut args, "--partners", &partners.join(","));
                    set.push(("partners", list(&partners)));
                }
                if rng.below(2) == 0 {
                    let (start, end) =
                        [("2023", "2026"), ("2024", "2025"), ("2025", "2026")][rng.below(3)];
                    arg(&mut args, "--schedule", &format!("{start}-{end}"));
                    let s = |t: &str| Y::S(t.into(), true);
                    set.push((
                        "schedule",
                        Y::Map(vec![(s("start"), s(start)), (s("end"), s(end))]),
                    ));
                }
            }
            Ask {
                writer: "set",
                args,
                change: Change::Set(set),
            }
        }
    }
}

/// Whether `new` is `old` (with a final newline if it had none) with lines
/// inserted at one place: `record`'s promise on bytes.
fn only_inserted(old: &str, new: &str) -> bool {
    let nl = if old.contains("\r\n") { "\r\n" } else { "\n" };
    let base = match old.ends_with('\n') {
        true => old.to_string(),
        false => format!("{old}{nl}"),
    };
    let (b, n) = (base.as_bytes(), new.as_bytes());
    let prefix = b.iter().zip(n).take_while(|(x, y)| x == y).count();
    let (b, n) = (&b[prefix..], &n[prefix..]);
    let suffix = b
        .iter()
        .rev()
        .zip(n.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    new.len() > base.len() && suffix == b.len()
}

/// Where `after` is not `before` with `change` made, as libyaml reads both.
fn changed(before: &Y, after: &Y, change: &Change) -> Option<String> {
    let keys: Vec<&str> = match change {
        Change::Entry { .. } => vec!["journal"],
        Change::Item { key, .. } => vec![key],
        Change::Set(set) => set.iter().map(|(k, _)| *k).collect(),
    };
    let others = |y: &Y| -> Vec<(Y, Y)> {
        y.pairs()
            .iter()
            .filter(|(k, _)| !k.text().is_some_and(|k| keys.contains(&k)))
            .cloned()
            .collect()
    };
    let (was, now) = (others(before), others(after));
    if was != now {
        let at = was.iter().zip(&now).position(|(a, b)| a != b);
        return Some(format!(
            "other keys changed (at {at:?}): {was:?}\n  now {now:?}"
        ));
    }
    let list = |y: &Y, key: &str| y.get(key).map(Y::items).unwrap_or_default().to_vec();
    let same_texts = |item: &Y, texts: &[(&str, String)]| {
        texts.iter().find_map(|(k, want)| match item.get(k) {
            Some(Y::S(got, plain))
                if got == want && (!plain || string_like(got) || ["date", "due"].contains(k)) =>
            {
                None
            }
            got => Some(format!("{k}: {got:?}, not {want:?}")),
        })
    };
    match change {
        Change::Entry { amend, date, note } => {
            let (was, now) = (list(before, "journal"), list(after, "journal"));
            let kept = was.len() - usize::from(*amend);
            if now.len() != kept + 1 || now[..kept] != was[..kept] {
                return Some(format!("journal: {was:?}\n  now {now:?}"));
            }
            same_texts(
                &now[kept],
                &[("date", date.clone()), ("note", note.clone())],
            )
        }
        Change::Item { key, texts } => {
            let (was, now) = (list(before, key), list(after, key));
            if now.len() != was.len() + 1 || now[..was.len()] != was[..] {
                return Some(format!("{key}: {was:?}\n  now {now:?}"));
            }
            same_texts(&now[was.len()], texts)
        }
        Change::Set(set) => set.iter().find_map(|(k, want)| {
            let got = after.get(k);
            (got != Some(want)).then(|| format!("{k}: {got:?}, not {want:?}"))
        }),
    }
}

/// The counts of a fuzz.
#[derive(Default)]
struct Counts {
    runs: usize,
    skipped: BTreeMap<String, usize>,
    features: BTreeMap<String, usize>,
    /// Per writer: written, refused.
    writers: BTreeMap<&'static str, (usize, usize)>,
    refusals: BTreeMap<String, usize>,
    failures: Vec<String>,
}

impl Counts {
    fn merge(&mut self, other: Counts) {
        self.runs += other.runs;
        for (k, n) in other.skipped {
            *self.skipped.entry(k).or_default() += n;
        }
        for (k, n) in other.features {
            *self.features.entry(k).or_default() += n;
        }
        for (k, (w, r)) in other.writers {
            let e = self.writers.entry(k).or_default();
            e.0 += w;
            e.1 += r;
        }
        for (k, n) in other.refusals {
            *self.refusals.entry(k).or_default() += n;
        }
        self.failures.extend(other.failures);
    }
}

/// The first line of an error, its numbers and ids blurred, to count alike ones.
fn first_line(stderr: &str) -> String {
    let line = stderr
        .lines()
        .find(|l| l.contains("erreur") || l.contains("error"))
        .or_else(|| stderr.lines().next())
        .unwrap_or_default();
    line.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .take(120)
        .collect()
}

/// One run: a layout of one sheet and one writer on it.
fn one_run(seed: u64, n: usize, sheets: &[(String, String)], counts: &mut Counts) {
    let mut rng = Seeded((seed ^ (n as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1);
    for _ in 0..4 {
        rng.next();
    }
    let (file, original) = &sheets[rng.below(sheets.len())];
    let (before, written, features) = relayout(&mut rng, original);
    let replay = format!("LAYOUT_FUZZ_SEED={seed:#x}, run {n}, {file}");
    let read_back = read(&before).unwrap_or_else(|e| panic!("{replay}: libyaml: {e}\n{before}"));
    assert_eq!(
        read_back, written,
        "{replay}: the generator's layout:\n{before}"
    );
    counts.runs += 1;
    let env = TestEnv::demo();
    let rel = format!("actions/{file}");
    env.write(&rel, &before);
    let valid = env.run(&["validate"]);
    if valid.code != 0 {
        *counts.skipped.entry(first_line(&valid.stderr)).or_default() += 1;
        return;
    }
    let unbroken_block = features.iter().any(|f| f == UNBROKEN_BLOCK);
    for f in features {
        *counts.features.entry(f).or_default() += 1;
    }
    let ask = ask(&mut rng, &written);
    let args: Vec<&str> = ask.args.iter().map(String::as_str).collect();
    let run = env.run(&args);
    let after = String::from_utf8_lossy(&env.bytes(&rel)).into_owned();
    let fail = |why: String| {
        format!(
            "{replay}: ctg {args:?}: {why}\n--- before\n{before}\n--- after\n{after}\n--- stderr\n{}",
            run.stderr
        )
    };
    let tally = counts.writers.entry(ask.writer).or_default();
    if run.code != 0 {
        tally.1 += 1;
        // Adding the final newline would change that block for every reader.
        let why = match unbroken_block {
            true => "a `|` or `>` block ends the file without a final newline",
            false => "other layouts",
        };
        *counts
            .refusals
            .entry(format!(
                "{}, {why}: {}",
                ask.writer,
                first_line(&run.stderr)
            ))
            .or_default() += 1;
        if std::env::var_os("LAYOUT_FUZZ_SHOW").is_some() {
            eprintln!("REFUSED {}", fail(String::new()));
        }
        if after != before || run.code != 1 {
            counts.failures.push(fail(format!(
                "exit {}, file changed: {}",
                run.code,
                after != before
            )));
        }
        return;
    }
    tally.0 += 1;
    let valid = env.run(&["validate"]);
    let problem = if valid.code != 0 {
        Some(format!("validate refuses the result: {}", valid.stderr))
    } else {
        match read(&after) {
            Err(e) => Some(format!("libyaml cannot read the result: {e}")),
            Ok(now) => changed(&written, &now, &ask.change),
        }
    };
    let problem = problem.or_else(|| {
        let record = matches!(ask.change, Change::Entry { amend: false, .. });
        (record && !only_inserted(&before, &after))
            .then(|| "record changed bytes besides inserting the entry".to_string())
    });
    if let Some(why) = problem {
        counts.failures.push(fail(why));
    }
}

/// The demo's sheets: file name and text.
fn demo_sheets() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo/actions");
    let mut sheets: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    sheets.sort();
    sheets
}

/// Runs `runs` layouts from `seed`, on two threads.
fn fuzz(seed: u64, runs: usize) -> Counts {
    let sheets = demo_sheets();
    let mut counts = Counts::default();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|t| {
                let sheets = &sheets;
                s.spawn(move || {
                    let mut counts = Counts::default();
                    for n in (t..runs).step_by(2) {
                        one_run(seed, n, sheets, &mut counts);
                    }
                    counts
                })
            })
            .collect();
        for w in workers {
            counts.merge(w.join().unwrap());
        }
    });
    counts
}

/// Features each default run must have exercised, or the fuzz says little.
const MUST_SHOW: [&str; 24] = [
    "comment after a value",
    "comment line",
    "blank line",
    "indentation 2",
    "indentation 4",
    "indentless sequence",
    "indented sequence",
    "items written `-   `",
    "flow item: journal",
    "block item: journal",
    "flow mapping: measures",
    "block mapping: measures",
    "flow mapping: spent",
    "block mapping: spent",
    "plain string",
    "single-quoted",
    "double-quoted",
    "escape in a double-quoted string",
    "block scalar |",
    "block scalar >-",
    UNBROKEN_BLOCK,
    "CRLF",
    "`---` after the comments",
    "trailing spaces",
];

#[test]
fn writers_keep_every_value_of_every_layout() {
    let runs: usize = std::env::var("LAYOUT_FUZZ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("LAYOUT_FUZZ_SEED")
        .ok()
        .and_then(|v| u64::from_str_radix(v.trim_start_matches("0x"), 16).ok())
        .unwrap_or(0x1a70_0721_0006);
    let counts = fuzz(seed, runs);
    let skipped: usize = counts.skipped.values().sum();
    eprintln!(
        "layout fuzz, seed {seed:#x}: {} layouts, {skipped} refused by validate (skipped), {} writer runs",
        counts.runs,
        counts.runs - skipped
    );
    for (why, n) in &counts.skipped {
        eprintln!("  skipped {n}: {why}");
    }
    for (writer, (written, refused)) in &counts.writers {
        eprintln!("  {writer}: {written} written, {refused} refused with the file unchanged");
    }
    for (why, n) in &counts.refusals {
        eprintln!("  refused {n}: {why}");
    }
    for (feature, n) in &counts.features {
        eprintln!("  layouts with {feature}: {n}");
    }
    for f in counts.failures.iter().take(3) {
        eprintln!("FAILURE {f}\n");
    }
    assert!(
        counts.failures.is_empty(),
        "{} of {} writer runs broke a promise (the first ones above)",
        counts.failures.len(),
        counts.runs - skipped
    );
    assert!(skipped * 10 <= counts.runs, "too many layouts skipped");
    if runs >= 300 {
        for writer in [
            "record",
            "record --amend",
            "add milestone",
            "add indicator",
            "set",
        ] {
            let written = counts.writers.get(writer).map_or(0, |w| w.0);
            assert!(written > 0, "{writer} never wrote");
        }
        for feature in MUST_SHOW {
            assert!(
                counts.features.contains_key(feature),
                "no layout had {feature}"
            );
        }
    }
}

//! ctg's readers against each other. serde-saphyr's (ctg's first reader,
//! kept as a dev-dependency) and ctg's own (`yaml::parse`) give the same
//! tree (values, kinds, positions) or the same diagnostic, over the shipped
//! plan, the demo, hand-written corner cases and generated plans. Within
//! ctg, the fast reader (`yaml::parse_fast`) gives exactly the tree
//! granit-parser's events give (`yaml::parse_full`) wherever it reads a
//! file: the shipped plan, the demo, generated plans of every style,
//! corner cases and seeded mutants; and libyaml, a third reader sharing no
//! code with either (`tests/libyaml`), reads the same collections and
//! scalars there.

#[path = "../examples/gen_plans/generate.rs"]
mod generate;

mod libyaml;
mod mutation;
mod reference;

use ctg::yaml::{self, Node, Value};
use std::path::Path;

fn same(a: &Node, b: &Node, at: &str) -> Result<(), String> {
    if a.pos != b.pos {
        return Err(format!("{at}: pos {:?} vs {:?}", a.pos, b.pos));
    }
    let scalar = !matches!(a.value, Value::Seq(_) | Value::Map(_));
    if scalar && a.bytes != b.bytes {
        return Err(format!("{at}: bytes {:?} vs {:?}", a.bytes, b.bytes));
    }
    match (&a.value, &b.value) {
        (Value::Null, Value::Null) => Ok(()),
        (Value::Bool(x), Value::Bool(y)) if x == y => Ok(()),
        (Value::Int(x), Value::Int(y)) if x == y => Ok(()),
        (Value::Float(x), Value::Float(y)) if x == y || (x.is_nan() && y.is_nan()) => Ok(()),
        (Value::Str(x), Value::Str(y)) if x == y => Ok(()),
        (Value::Seq(x), Value::Seq(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .try_for_each(|(i, (p, q))| same(p, q, &format!("{at}[{i}]"))),
        (Value::Map(x), Value::Map(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .try_for_each(|(i, ((k1, v1), (k2, v2)))| {
                same(k1, k2, &format!("{at}.key{i}"))?;
                same(v1, v2, &format!("{at}.{i}"))
            }),
        (x, y) => Err(format!("{at}: {x:?} vs {y:?}")),
    }
}

fn differ(source: &str) -> Option<String> {
    match (reference::parse(source), yaml::parse(source)) {
        (Ok(mut a), Ok(b)) => {
            core_schema(&mut a, source);
            same(&a, &b, "").err()
        }
        (Err(a), Err(b)) if a.kind == b.kind => None,
        (a, b) => Some(format!(
            "{:?} vs {:?}",
            a.map(|_| ()).map_err(|e| e.kind),
            b.map(|_| ()).map_err(|e| e.kind)
        )),
    }
}

fn every_yaml(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            every_yaml(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

fn check_tree(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    every_yaml(dir, &mut files);
    files
        .iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).ok()?;
            differ(&text).map(|d| format!("{}: {d}", f.display()))
        })
        .collect()
}

#[test]
fn same_tree_on_the_shipped_plan_and_the_demo() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut diffs = check_tree(&root.join("plan"));
    diffs.extend(check_tree(&root.join("examples/demo")));
    assert!(diffs.is_empty(), "{diffs:#?}");
}

const CASES: &[&str] = &[
    "",
    "# only a comment\n",
    "a: 1\n",
    "id: 1.10\nv: 017\nw: -017\nx: +12\ny: 0x1F\nz: 0o17\nb: 0b101\nu: 1_000\n",
    "a: 0X1F\nb: 0O7\nc: 1e3\nd: 1.5E-3\ne: .5\nf: 5.\ng: -0\nh: 00\n",
    "a: .inf\n",
    "a: -.inf\n",
    "a: .nan\n",
    "a: +.nan\n",
    "a: 1e999\n",
    "a: inf\nb: NaN\nc: infinity\n",
    "a: yes\nb: no\nc: on\nd: off\ne: true\nf: FALSE\ng: True\n",
    "a: ~\nb: null\nc: NULL\nd:\ne: 'null'\nf: \"~\"\n",
    "a: 'quoted'\nb: \"dq \\u00e9\"\nc: |\n  lit\n  eral\nd: >\n  fol\n  ded\n",
    "list:\n  - 1\n  - two\n  - [3, 4]\n  - {k: v}\n",
    "a: &x {b: 1, c: 2}\nd: *x\n",
    "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n",
    "a: &a [1]\nb: &b {k: 1}\nc:\n  <<: [*b, {k: 2, z: 3}]\n",
    "a: 1\na: 2\n",
    "a: 1\nb: {c: 1, c: 2}\n",
    "1: a\n0x1: b\n",
    "title: Bilan : suite\n",
    "a:\n  b: 1\n   c: 2\n",
    "a: \"abc\nb: 2\n",
    "a: [1, 2\nb: 3\n",
    "a:\n\tb: 1\n",
    "- a\nb: 1\n",
    "a: @x\n",
    "a: *nope\n",
    "a: 1\n...\nb\n",
    "a: 1\n---\nb: 2\n",
    "journal:\n  - date: 2024-01-01\n    note: x\n    date: 2024-02-01\n",
    "a: 9223372036854775807\nb: 9223372036854775808\nc: -9223372036854775808\nd: 18446744073709551616\n",
    "é: ü\nclé: « texte »\n",
    "a: !!str 12\nb: !!null x\n",
    "a: 0x_1F\nb: 0x1__F\nc: 1__0\nd: _1\ne: 1_\nf: 0b2\ng: 0x\nh: +\ni: -\nj: +0\nk: -0x1F\nl: 0o_7\n",
    "a: 1.5_0\nb: 1e5\nc: -1.5e+3\nd: 1.\ne: +.5\nf: 0.0\ng: -0.0\nh: 12:30\ni: 2024-01-01\n",
    "a: &v 5\nb: *v\nc: [*v, *v]\n",
    "? [a, b]\n: c\n",
    "a: {b: {c: {d: [1, {e: f}]}}}\n",
    // The fast reader's edges: what it reads, and what it leaves.
    "a: b\n  c\n",
    "a: x\n\n  y\n",
    "a:\n- x\n- y\nb: 1\n",
    "- a\n- b\n",
    "- id: a\n  n: 1\n- id: b\n",
    "a:   x   \nb: 'x'  \nc: \"x\"\n",
    "a: [x, 'y', \"z\"]\nb: {k: v, 'q': 1}\nc: [ ]\nd: { }\ne: [a,b]\nf: [a ,b]\n",
    "a: -1\nb: -x\nc: x:y\nd: x #c\ne: x#c\nf: b: c\n",
    "a: [x, 'y', \"z\"]\nc: [ ]\nd: { }\ne: [a,b]\nf: [a ,b]\ng: -1\nh: x:y\ni: x#c\n",
    "a:\n  - b: 1\n    c: 2\n  - d\n",
    "a:\n  -   b: 1\n      c: 2\n  -  e\n",
    "a: é\nb: \"é\" \nc: [é, è]\nd: {x: é, y: è}\n",
    "é: x\n",
    "  a: 1\n",
    "a: 1\n # comment\nb: 2\n",
    "a:\n\n  b: 1\n",
    "a: 1 \nb: 2",
    "a: [x]]\n",
    "a: 'it''s'\n",
    "a: x\u{a0}\nb: x\u{a0}#y\nc: \u{a0}x\n",
    "- - a\n",
    "a:\n  b\n",
    "a:\n  b: 1\n c: 2\n",
    "a:\n  - x\n  y: 1\n",
    "a:\n- x\n  - y\n",
    "a:\n  b:\n  - x\n  c: 1\n",
    "a: [x,\n  y]\n",
    "a: \"x\ny\"\n",
    "a: {b: [c]}\n",
    "a: [1.10, 017, 0x1F, .inf, ~, null, true, 'true']\nb: {2025: 36, 2026: 1.5}\n",
    "1.10: a\n017: b\n",
    "a: b\nb: c\na: d\n",
    "a: [b, b]\nc: {d: 1, d: 2}\n",
    "a:\n",
    "a:\nb: 1\n",
    "-\n",
    "- \n",
    "a: -\n",
    "a: |\n  x\n",
    "a: >-\n  x\n",
    "a: &x 1\n",
    "a: !t 1\n",
    "a: x\n...\n",
    "a: x\r\nb: y\r\n",
    "a:\tx\n",
    "a: \u{85}x\n",
    "a: x\u{2028}y\n",
    "a: \u{feff}x\n",
];

/// What the fast reader still leaves to granit-parser (which reads it,
/// or tells the mistake): rare escapes, `#` without a space before it,
/// a comment inside a flow collection, a lone carriage return, nested
/// flows that are not closed on their line or have a complex key.
const LEFT_CASES: &[&str] = &[
    "a: \"x\\q\"\n",
    "a: \"\\uD800\"\n",
    "a: \"\\uDC00\"\n",
    "a: \"\\uD83D\\uDE00\"\n",
    "a: \"\\x4\"\n",
    "a: \"\\u12G4\"\n",
    "a: \"\\U00110000\"\n",
    "a: \"x\\\"\n",
    "a: \"x\\\nb: 1\n",
    "a: \"x\\\n  y\"\n",
    "a: \"x\" y\n",
    "\"a\\\"b\": 1\n",
    "a: 'a''\n",
    "a: 'a'  'b'\n",
    "a: \"x\"# c\n",
    "a: 'x'#c\n",
    "a: [x]# c\n",
    "a: {k: v}#c\n",
    "a: #c\nb: 1\n",
    "a: x # c\n  y\n",
    "a: b: c # x\n",
    "a: x:  # c\n",
    "a: [x, y # c]\n",
    "a: {k: v # c}\n",
    "- # c\n  x: 1\n",
    "a: x\rb: y\n",
    "a: x\r",
    "a: \"x\r\n\"\n",
    "a: |\r\n  x\r\n",
    "a: x\r\n  y\r\n",
    "a: x\r\r\n",
    "a: [[a] b]\n",
    "a: [a, [b, c]\n",
    "a: {k: {j: 1}, k: 2}\n",
    "a: {k: {j: 1, j: 2}}\n",
    "a: {[a]: b}\n",
    "a: {k: v}}\n",
    "a: [[x]]]\n",
    "a: [{k: v}: w]\n",
];

/// What the fast reader reads itself since issue 21 (a case per construct
/// and its edges): escapes, `''`, comments after values, CRLF, nested flows.
const FAST_CASES: &[&str] = &[
    // Double-quoted scalars with escapes, every one YAML 1.2 has.
    "a: \"x\\\"y\"\nb: \"a\\\\b\"\nc: \"l1\\nl2\\tt\"\nd: \"\\\\\"\n",
    "a: \"\\u00e9\\u00E9\\x41\\U0001F600 \\x7f\"\n",
    "a: \"\\0\\a\\b\\v\\f\\r\\e\\ \\/\\N\\_\\L\\P\"\n",
    "a: \"é \\\"« x »\\\" \\n\\tÀ suivre\u{a0}: \\\"comité\\\"\"\nb: [\"\\\"\", {k: \"\\t\"}]\n",
    "- \"a\\nb\"\n- \"\\\"\"\n",
    "a: {k: \"\\\"\", l: \"\\\\\"}\n",
    "a: \"x\\\\\" # c\nb: \"\\\\\\\"\"\n",
    "a: \"  x \\\" y  \"\nb: \"\\u00e9  é\\t \"\n",
    // Single-quoted scalars with `''`.
    "a: 'it''s'\nb: ''''\nc: ''\nd: 'a''b''c'\ne: 'a'''\nf: '''a'\n",
    "a: ['x''y', 'z']\nb: {k: 'l''m'}\n",
    "a: 'x\\n'\n",
    // A comment after a value; `#` without a space before is text.
    "a: x # c\nb: x  # c\nc: x#c\nd: \"x\" # c\ne: 'x' #c\nf: [x, y] # c\ng: {k: v}  #c\n",
    "- item  # c\n- \"q\" # c\n- [x] # c\n- a: 1 # c\n  b: 2 # d\n",
    "a: # c\n  b: 1\nc:  #c\n  - x\nd: # c\n- y\n",
    "a: x #\nb: x # c: d\nc: x # 'q\n",
    "a: 1 # c \n",
    "a:\n  b: 1 # c\n  # d\n  c: 2 # e\n",
    "a: é # «c»\nb: [é] # è\n",
    // CRLF line ends (mixed ones too, each a line break).
    "a:\r\n  - x\r\n  - 'y'\r\n",
    "a: \"é\"\r\nb: [1, 2]\r\nc: x # c\r\n",
    "# c\r\n\r\na: 1\r\n\r\n",
    "a: x  \r\nb: y",
    "a: x\r\nb: y\n",
    "b: [é, {c: è}]\r\nd: \"\\t\"\r\n",
    // One-line nested flow collections.
    "- {id: places, label: \"Places\", baseline: {year: 2023, value: 40}, targets: {2025: 52}}\n",
    "a: [a, [b, c]]\nb: [[[]]]\nc: {b: {c: {}}}\nd: [{a: 1}, {b: [2, 3]}]\ne: [[a],b]\n",
    "a: [ [ x ] , y ]\nb: {k: [x] }\nc: [{}, []]\nd: [ {k: v} ]\n",
    "a: [{a: 1}, {a: 1}]\n",
    "a: [é, [è, {u: «x»}], 'ö']\n",
];

#[test]
fn same_tree_or_same_diagnostic_on_corner_cases() {
    let all = || CASES.iter().chain(LEFT_CASES).chain(FAST_CASES).copied();
    let diffs: Vec<String> = all()
        .filter_map(|c| differ(c).map(|d| format!("{c:?}: {d}")))
        .collect();
    assert!(diffs.is_empty(), "{diffs:#?}");
    let fast: Vec<&str> = all().filter(|c| fast_agrees(c) == Some(false)).collect();
    assert!(fast.is_empty(), "fast reader differs: {fast:#?}");
}

/// Each construct the fast reader reads is read by it, as granit-parser
/// reads it; each it leaves is left.
#[test]
fn fast_reader_reads_its_constructs_and_leaves_the_rest() {
    let slow: Vec<&str> = FAST_CASES
        .iter()
        .copied()
        .filter(|c| fast_agrees(c) != Some(true))
        .collect();
    assert!(slow.is_empty(), "not read by the fast reader: {slow:#?}");
    let read: Vec<&str> = LEFT_CASES
        .iter()
        .copied()
        .filter(|c| fast_agrees(c).is_some())
        .collect();
    assert!(read.is_empty(), "read by the fast reader: {read:#?}");
}

/// Strings borrow from the source but where an escape or `''` changes them.
#[test]
fn only_escaped_strings_are_owned() {
    let text = "a: \"x\"\nb: \"x\\ty\"\nc: 'x'\nd: 'x''y'\ne: [\"p\", \"\\\"\"]\n";
    let root = yaml::parse_fast(text).unwrap();
    let Value::Map(pairs) = &root.value else {
        panic!("{root:?}")
    };
    let mut owned = Vec::new();
    let mut visit = |n: &Node| {
        if let Value::Str(s) = &n.value {
            owned.push((s.to_string(), matches!(s, std::borrow::Cow::Owned(_))));
        }
    };
    for (_, v) in pairs {
        match &v.value {
            Value::Seq(items) => items.iter().for_each(&mut visit),
            _ => visit(v),
        }
    }
    let expected = [
        ("x", false),
        ("x\ty", true),
        ("x", false),
        ("x'y", true),
        ("p", false),
        ("\"", true),
    ];
    let expected: Vec<(String, bool)> = expected.iter().map(|(s, o)| (s.to_string(), *o)).collect();
    assert_eq!(owned, expected);
}

/// Keys around YAML's 1,024-character limit on implicit keys, wherever a
/// key can be (found by a grammar-based search: the fast reader used to
/// accept 1,025 characters that granit-parser refuses).
#[test]
fn long_keys_are_read_alike() {
    for n in [999, 1000, 1001, 1023, 1024, 1025, 1100] {
        let k = "k".repeat(n);
        for text in [
            format!("{k}: v\n"),
            format!("a: b\n{k}: v\n"),
            format!("- {k}: v\n"),
            format!("a:\n  {k}: c\n"),
            format!("{k}:\n  b: c\n"),
            format!("a: {{{k}: v}}\n"),
            format!("a: {{b: c, {k}: d}}\n"),
        ] {
            assert_ne!(fast_agrees(&text), Some(false), "{n}: {:?}", &text[..20]);
            assert_eq!(differ(&text), None, "{n}: {:?}", &text[..20]);
        }
    }
}

/// Long one-line flow lists, ASCII and not: every position read alike
/// (the fast reader counts columns on from the last one it counted).
#[test]
fn long_flow_lines_are_read_alike() {
    for item in ["x", "é", "«é»", "a b"] {
        let items = vec![item; 20_000].join(", ");
        for text in [
            format!("a: [{items}]\n"),
            format!("- [{items}, z]\n"),
            format!("a: {{k: [{items}]}}\n"),
            format!("é: b\nc: [{items}]\nd: {{k: {item}, l: {item}}}\n"),
        ] {
            let fast = fast_agrees(&text);
            assert_ne!(fast, Some(false), "{item}: {:?}", &text[..10]);
        }
    }
    let items = vec!["é"; 20_000].join(", ");
    assert_eq!(fast_agrees(&format!("a: [{items}]\n")), Some(true));
}

/// Mappings past the number of keys from which duplicates are found by
/// hash: the same duplicates, of every kind of key, as serde-saphyr finds.
#[test]
fn many_keys_and_their_duplicates_are_read_alike() {
    let keys: Vec<String> = (0..40).map(|i| format!("k{i}: {i}")).collect();
    let base = keys.join("\n");
    let flow = format!("{{{}}}", keys.join(", "));
    let extra = [
        "",
        "k3: x",
        "k39: x",
        "1: a\n1: b",
        "1: a\n1.0: b",
        "0.0: a\n-0.0: b",
        ".nan: a\n.nan: b",
        "'1': a\n1: b",
        "[a]: 1\n[a]: 2",
        "[a]: 1\n[b]: 2",
        "{a: 1}: x\n{a: 1}: y",
        "<<: {k1: z, m: 1}",
        "<<: {m: 1}\n<<: {m: 2}",
    ];
    for more in extra {
        for text in [
            format!("{base}\n{more}\n"),
            format!(
                "a:\n  {}\n",
                format!("{base}\n{more}").replace('\n', "\n  ")
            ),
            format!(
                "a: {flow}\nb: {{<<: {flow}, {}}}\n",
                more.replace('\n', ", ")
            ),
        ] {
            assert_eq!(differ(&text), None, "{more:?} in {:?}", &text[..30]);
            assert_ne!(fast_agrees(&text), Some(false), "{more:?}");
        }
    }
    let anchored =
        format!("x: &x {flow}\ny: {{<<: *x, k5: 0}}\nz: {{k6: 0, <<: [*x, {{k7: 1}}]}}\n");
    assert_eq!(differ(&anchored), None);
    // Where ctg follows YAML rather than serde-saphyr: keys equal by value
    // (`~` and `null`, `true` and `True`) are one key given twice.
    for more in ["~: a\nnull: b", "true: a\nTrue: b"] {
        for text in [format!("{more}\n"), format!("{base}\n{more}\n")] {
            let kind = yaml::parse(&text).map(|_| ()).map_err(|e| e.kind);
            assert_eq!(kind, Err(yaml::ParseErrorKind::DuplicateKey), "{more:?}");
        }
    }
}

#[test]
fn same_tree_or_same_diagnostic_on_deep_nesting() {
    for depth in 28..36 {
        let flow = format!("a: {}{}\n", "[".repeat(depth), "]".repeat(depth));
        let maps = format!("a: {}x{}\n", "{b: ".repeat(depth), "}".repeat(depth));
        let mixed = format!(
            "a: {}x{}\n",
            "[{b: ".repeat(depth / 2),
            "}]".repeat(depth / 2)
        );
        // Block levels and flow levels share the builder's depth budget.
        let block: String = (0..8)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        let under = format!(
            "{block}{}l: {}{}\n",
            "  ".repeat(8),
            "[".repeat(depth - 8),
            "]".repeat(depth - 8)
        );
        for text in [flow, maps, mixed, under] {
            assert_eq!(differ(&text), None, "depth {depth}: {text}");
            // The root mapping is a level: within the limit, the fast reader
            // reads it; beyond, granit-parser tells the depth.
            let fast = fast_agrees(&text);
            assert_ne!(fast, Some(false), "depth {depth}: {text}");
            if depth < yaml::MAX_DEPTH - 1 {
                assert_eq!(fast, Some(true), "depth {depth}: {text}");
            }
        }
    }
}

#[test]
fn same_tree_or_same_diagnostic_around_the_alias_budgets() {
    for n in [99, 100, 999, 1000, 1001, 1500] {
        let one = format!("a: &x 1\nb: [{}]\n", vec!["*x"; n].join(", "));
        assert_eq!(differ(&one), None, "{n} aliases of one anchor");
        let anchors: Vec<String> = (0..n / 9).map(|i| format!("a{i}: &a{i} {i}")).collect();
        let uses: Vec<String> = (0..n).map(|i| format!("*a{}", i % (n / 9))).collect();
        let many = format!("{}\nb: [{}]\n", anchors.join("\n"), uses.join(", "));
        assert_eq!(differ(&many), None, "{n} aliases of {} anchors", n / 9);
    }
    // One over serde-saphyr's budgets of 50,000 anchors and 10,000 merge keys.
    let anchors: String = (0..50_001).map(|i| format!("a{i}: &a{i} {i}\n")).collect();
    assert_eq!(differ(&anchors), None, "anchors");
    let merges: String = (0..10_001).map(|i| format!("m{i}: {{<<: *x}}\n")).collect();
    let merges = format!("x: &x {{k: 1}}\n{merges}");
    assert_eq!(differ(&merges), None, "merge keys");
    let deep: String = (0..40)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    assert_eq!(differ(&deep), None, "block nesting");
}

#[test]
fn same_tree_on_a_thousand_generated_plans() {
    let dir = tempfile::tempdir().unwrap();
    let spec = generate::Spec {
        seed: 2026,
        plans: 1000,
        sheets: 2,
        entries: 4,
        milestones: 2,
        indicators: 1,
    };
    generate::write_plans(dir.path(), &spec).unwrap();
    let diffs = check_tree(dir.path());
    assert!(diffs.is_empty(), "{:#?}", &diffs[..diffs.len().min(10)]);
}

/// serde-saphyr's reading with each plain scalar resolved again by the
/// YAML 1.2 core schema ([`core`]), where serde-saphyr strays from it
/// (`1_000`, `0b101` are integers to it, `00` a float): the rest of its
/// reading (structure, positions, quoted scalars) is what ctg's is compared
/// with.
fn core_schema(node: &mut Node, source: &str) {
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| core_schema(n, source)),
        Value::Map(pairs) => pairs.iter_mut().for_each(|(k, v)| {
            core_schema(k, source);
            core_schema(v, source);
        }),
        _ => {
            let Some(spelling) = source.get(node.bytes.clone()) else {
                return;
            };
            let before = source[..node.bytes.start].trim_end();
            let tagged = before
                .rsplit([' ', '\n', '[', '{', ','])
                .next()
                .is_some_and(|t| t.starts_with('!'));
            let plain = !spelling.contains(['\n', '\'', '"', '|', '>', '#']);
            if tagged || !plain || matches!(node.value, Value::Str(_)) {
                return;
            }
            node.value = core(spelling.trim())
                .unwrap_or_else(|| Value::Str(spelling.trim().to_string().into()));
        }
    }
}

/// A plain scalar by the core schema's regular expressions (YAML 1.2.2,
/// §10.3.2), written from the spec apart from `ctg::yaml`: `None` for a
/// string.
fn core(text: &str) -> Option<Value<'static>> {
    use std::sync::LazyLock;
    let re = |r: &str| regex::Regex::new(&format!("^(?:{r})$")).unwrap();
    static RES: LazyLock<[regex::Regex; 8]> = LazyLock::new(|| {
        let re = |r: &str| regex::Regex::new(&format!("^(?:{r})$")).unwrap();
        [
            re("null|Null|NULL|~|"),
            re("true|True|TRUE"),
            re("false|False|FALSE"),
            re("[-+]?[0-9]+"),
            re("0o[0-7]+"),
            re("0x[0-9a-fA-F]+"),
            re(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"),
            re(r"[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"),
        ]
    });
    let _ = re;
    let r = &*RES;
    let big = |digits: &str, radix: u32| {
        let v = digits
            .chars()
            .map(|c| c.to_digit(radix).unwrap())
            .fold(0.0f64, |n, d| n * f64::from(radix) + f64::from(d));
        i64::from_str_radix(digits, radix).map_or(Value::Float(v), Value::Int)
    };
    Some(if r[0].is_match(text) {
        Value::Null
    } else if r[1].is_match(text) {
        Value::Bool(true)
    } else if r[2].is_match(text) {
        Value::Bool(false)
    } else if r[3].is_match(text) {
        text.parse::<i64>()
            .map_or_else(|_| Value::Float(text.parse().unwrap()), Value::Int)
    } else if r[4].is_match(text) {
        big(&text[2..], 8)
    } else if r[5].is_match(text) {
        big(&text[2..], 16)
    } else if r[6].is_match(text) {
        Value::Float(text.parse().unwrap())
    } else if r[7].is_match(text) {
        let neg = text.starts_with('-');
        Value::Float(match text.trim_start_matches(['-', '+']) {
            t if t.to_lowercase() == ".inf" && neg => f64::NEG_INFINITY,
            t if t.to_lowercase() == ".inf" => f64::INFINITY,
            _ => f64::NAN,
        })
    } else {
        return None;
    })
}

/// What a spelling is by the core schema, in [`CORE_TABLE`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Core {
    N,
    B(bool),
    I(i64),
    F(f64),
    S,
}

/// Issue 21, item 20: spellings and what the YAML 1.2 core schema makes of
/// them (YAML 1.2.2, §10.3.2), checked by hand against the spec's table.
const CORE_TABLE: &[(&str, Core)] = {
    use Core::*;
    &[
        // null
        ("null", N),
        ("Null", N),
        ("NULL", N),
        ("~", N),
        ("nULL", S),
        ("nul", S),
        ("None", S),
        ("nil", S),
        ("null0", S),
        ("~~", S),
        // bool
        ("true", B(true)),
        ("True", B(true)),
        ("TRUE", B(true)),
        ("false", B(false)),
        ("False", B(false)),
        ("FALSE", B(false)),
        ("tRUE", S),
        ("yes", S),
        ("no", S),
        ("on", S),
        ("off", S),
        ("y", S),
        ("n", S),
        ("Yes", S),
        ("OFF", S),
        ("t", S),
        // decimal integers, leading zeros allowed
        ("0", I(0)),
        ("7", I(7)),
        ("-0", I(0)),
        ("+0", I(0)),
        ("12", I(12)),
        ("+12", I(12)),
        ("-12", I(-12)),
        ("017", I(17)),
        ("-017", I(-17)),
        ("+017", I(17)),
        ("00", I(0)),
        ("08", I(8)),
        ("09", I(9)),
        ("0009", I(9)),
        ("2024", I(2024)),
        ("1900", I(1900)),
        ("9223372036854775807", I(i64::MAX)),
        ("-9223372036854775808", I(i64::MIN)),
        ("9223372036854775808", F(9223372036854775808.0)),
        ("-9223372036854775809", F(-9223372036854775809.0)),
        ("18446744073709551616", F(18446744073709551616.0)),
        ("100000000000000000000000", F(1e23)),
        // not integers: underscores, binary, signs on octal and hex, upper-case prefixes
        ("1_000", S),
        ("1_0", S),
        ("_1", S),
        ("1_", S),
        ("0b101", S),
        ("0b1", S),
        ("-0b1", S),
        ("+0x1F", S),
        ("-0x1F", S),
        ("+0o17", S),
        ("-0o17", S),
        ("0X1F", S),
        ("0O17", S),
        ("0B1", S),
        ("1 000", S),
        ("1,000", S),
        ("12a", S),
        ("--1", S),
        ("+-1", S),
        ("+", S),
        ("0x", S),
        ("0o", S),
        ("0o8", S),
        ("0o19", S),
        ("0xG", S),
        ("0x1g", S),
        ("0x_1", S),
        ("0o_7", S),
        ("x1F", S),
        ("0x1F.5", S),
        // octal and hex
        ("0o0", I(0)),
        ("0o7", I(7)),
        ("0o17", I(15)),
        ("0o777", I(511)),
        ("0o0017", I(15)),
        ("0x0", I(0)),
        ("0x1F", I(31)),
        ("0x1f", I(31)),
        ("0xff", I(255)),
        ("0xFF", I(255)),
        ("0xDeadBeef", I(0xdead_beef)),
        ("0x7FFFFFFFFFFFFFFF", I(i64::MAX)),
        ("0x8000000000000000", F(9223372036854775808.0)),
        ("0o777777777777777777777", I(0o777777777777777777777)),
        // floats
        ("1.5", F(1.5)),
        ("-1.5", F(-1.5)),
        ("+1.5", F(1.5)),
        ("1.10", F(1.1)),
        ("1.", F(1.0)),
        ("-1.", F(-1.0)),
        (".5", F(0.5)),
        ("-.5", F(-0.5)),
        ("+.5", F(0.5)),
        ("0.0", F(0.0)),
        ("-0.0", F(-0.0)),
        ("1e3", F(1000.0)),
        ("1E3", F(1000.0)),
        ("1e+3", F(1000.0)),
        ("1e-3", F(0.001)),
        ("-1e3", F(-1000.0)),
        ("1.5e3", F(1500.0)),
        ("1.e3", F(1000.0)),
        (".5e3", F(500.0)),
        ("+.5E-1", F(0.05)),
        ("017.5", F(17.5)),
        ("00.5", F(0.5)),
        ("6.8523015e+5", F(685230.15)),
        ("1e400", F(f64::INFINITY)),
        ("-1e400", F(f64::NEG_INFINITY)),
        ("1e-400", F(0.0)),
        ("2025.", F(2025.0)),
        // not floats
        ("1e", S),
        ("1e+", S),
        ("e3", S),
        (".e3", S),
        (".", S),
        ("-.", S),
        ("1.5.", S),
        ("1..5", S),
        ("1.5e3.0", S),
        ("1e3e3", S),
        ("1_000.5", S),
        ("1.5_0", S),
        ("1,5", S),
        ("1.5 ", F(1.5)),
        ("12 ", I(12)),
        ("1d3", S),
        ("0x1p3", S),
        // infinities and not-a-number
        (".inf", F(f64::INFINITY)),
        (".Inf", F(f64::INFINITY)),
        (".INF", F(f64::INFINITY)),
        ("+.inf", F(f64::INFINITY)),
        ("-.inf", F(f64::NEG_INFINITY)),
        ("-.Inf", F(f64::NEG_INFINITY)),
        ("-.INF", F(f64::NEG_INFINITY)),
        (".nan", F(f64::NAN)),
        (".NaN", F(f64::NAN)),
        (".NAN", F(f64::NAN)),
        ("+.nan", S),
        ("-.nan", S),
        (".iNf", S),
        (".Nan", S),
        ("inf", S),
        ("-inf", S),
        ("infinity", S),
        ("NaN", S),
        ("nan", S),
        (".infinity", S),
        ("..inf", S),
        // other texts
        ("2024-01-01", S),
        ("12:30", S),
        ("1.2.1", S),
        ("v1", S),
        ("abc", S),
        ("é", S),
        ("0.5%", S),
        ("€5", S),
        ("1/2", S),
        ("<<", S),
    ]
};

fn as_core(value: &Value) -> Core {
    match value {
        Value::Null => Core::N,
        Value::Bool(b) => Core::B(*b),
        Value::Int(i) => Core::I(*i),
        Value::Float(f) => Core::F(*f),
        _ => Core::S,
    }
}

fn same_core(a: Core, b: Core) -> bool {
    match (a, b) {
        (Core::F(x), Core::F(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        _ => a == b,
    }
}

/// The value of `a` in `source`, by both of ctg's readers (which must agree).
fn value_of_a(source: &str) -> Core {
    let full = yaml::parse_full(source).unwrap();
    let Value::Map(pairs) = &full.value else {
        panic!("{source:?}")
    };
    let value = as_core(&pairs[0].1.value);
    if let Some(fast) = yaml::parse_fast(source) {
        assert_eq!(format!("{fast:?}"), format!("{full:?}"), "{source:?}");
    }
    value
}

#[test]
fn plain_scalars_follow_the_yaml_1_2_core_schema() {
    assert!(CORE_TABLE.len() >= 132, "{}", CORE_TABLE.len());
    let mut wrong = Vec::new();
    for &(spelling, expected) in CORE_TABLE {
        let source = format!("a: {spelling}\n");
        let got = value_of_a(&source);
        if !same_core(got, expected) {
            wrong.push(format!("{spelling:?}: {got:?}, the spec says {expected:?}"));
        }
        // The table and the spec's regular expressions say the same.
        let oracle = core(spelling.trim()).as_ref().map_or(Core::S, as_core);
        if !same_core(oracle, expected) {
            wrong.push(format!(
                "{spelling:?}: the regexes say {oracle:?}, the table {expected:?}"
            ));
        }
        // As a key, in a flow collection, and quoted (a string).
        for source in [format!("{spelling}: x\n"), format!("a: [{spelling}]\n")] {
            if let Ok(full) = yaml::parse_full(&source) {
                let fast = yaml::parse_fast(&source).map(|f| format!("{f:?}"));
                if fast.is_some_and(|f| f != format!("{full:?}")) {
                    wrong.push(format!("{source:?}: the fast reader differs"));
                }
            }
        }
        if !spelling.contains('\'') {
            assert_eq!(value_of_a(&format!("a: '{spelling}'\n")), Core::S);
        }
        // The spelling is kept, for ids (`1.10`).
        let full = yaml::parse_full(&source).unwrap();
        if let Value::Map(pairs) = &full.value
            && !matches!(pairs[0].1.value, Value::Null)
        {
            assert_eq!(pairs[0].1.scalar_str(&source), Some(spelling.trim()));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The empty value is null, and the non-specific tag `!` makes a string.
    assert_eq!(value_of_a("a:\n"), Core::N);
    assert_eq!(value_of_a("a: ! 12\n"), Core::S);
    assert_eq!(value_of_a("a: ! true\n"), Core::S);
    assert_eq!(value_of_a("a: !!str 12\n"), Core::S);
    assert_eq!(value_of_a("a: !!null x\n"), Core::N);
    assert_eq!(value_of_a("a: !!int 12\n"), Core::I(12));
}

proptest::proptest! {
    #[test]
    fn same_scalar_resolution_on_random_spellings(text in "[-+0-9._xobeEnaif~ ]{1,8}") {
        let source = format!("a: {text}\n");
        proptest::prop_assert_eq!(differ(&source), None, "{:?}", source);
        if let Ok(full) = yaml::parse_full(&source) {
            if let Some(fast) = yaml::parse_fast(&source) {
                proptest::prop_assert_eq!(format!("{fast:?}"), format!("{full:?}"));
            }
            if let Value::Map(pairs) = &full.value {
                let expected = core(text.trim()).as_ref().map_or(Core::S, as_core);
                let got = as_core(&pairs[0].1.value);
                proptest::prop_assert!(same_core(got, expected), "{text:?}: {got:?} {expected:?}");
            }
        }
    }
}

/// `Some(true)` when the fast reader reads `text` as granit-parser does,
/// `Some(false)` when they differ, `None` when the fast reader leaves it.
fn fast_agrees(text: &str) -> Option<bool> {
    let fast = yaml::parse_fast(text)?;
    let full = yaml::parse_full(text).map(|n| format!("{n:?}")).ok();
    Some(full == Some(format!("{fast:?}")))
}

/// Which of `files` the fast reader leaves to granit-parser, and where the
/// two readers disagree on the others.
fn fast_path(files: &[std::path::PathBuf]) -> (Vec<String>, Vec<String>) {
    let (mut left, mut diffs) = (Vec::new(), Vec::new());
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        match fast_agrees(text) {
            None => left.push(f.display().to_string()),
            Some(false) => diffs.push(f.display().to_string()),
            Some(true) => {}
        }
    }
    (left, diffs)
}

#[test]
fn fast_reader_reads_the_shipped_plan_and_the_demo_as_granit_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    every_yaml(&root.join("plan"), &mut files);
    every_yaml(&root.join("examples/demo"), &mut files);
    let (left, diffs) = fast_path(&files);
    assert!(diffs.is_empty(), "{diffs:#?}");
    // The speed of a real plan depends on it: every file takes the fast path.
    assert!(left.is_empty(), "left to granit-parser: {left:#?}");
}

/// Generated plans in every style of `gen_plans --style` (escapes, comments
/// after values, CRLF, nested flows): every file takes the fast path, and
/// is read as granit-parser reads it.
#[test]
fn fast_reader_reads_generated_plans_as_granit_does() {
    let spec = generate::Spec {
        seed: 7,
        plans: 60,
        sheets: 2,
        entries: 6,
        milestones: 3,
        indicators: 2,
    };
    for style in generate::Style::ALL {
        let dir = tempfile::tempdir().unwrap();
        generate::write_plans_as(dir.path(), &spec, style).unwrap();
        let mut files = Vec::new();
        every_yaml(dir.path(), &mut files);
        let (left, diffs) = fast_path(&files);
        let name = style.name();
        assert!(
            diffs.is_empty(),
            "{name}: {:#?}",
            &diffs[..diffs.len().min(10)]
        );
        assert!(
            left.is_empty(),
            "{name}: {:#?}",
            &left[..left.len().min(10)]
        );
    }
}

/// Where libyaml, a third reader, reads `text` otherwise than the fast
/// reader (see `tests/libyaml` for what is compared); `None` when they
/// agree or the fast reader leaves the text.
fn libyaml_differs(text: &str) -> Option<String> {
    let node = yaml::parse_fast(text)?;
    match libyaml::parse(text) {
        Ok(tree) => libyaml::differs(text, &node, &tree, ""),
        Err(e) => Some(format!("libyaml refuses it: {e}")),
    }
}

/// Files the fast reader reads, with the generated plans of every style
/// and the shipped plan in CRLF: the seeds of the mutation tests and the
/// inputs of the third reader.
fn seed_files() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    every_yaml(&root.join("plan"), &mut files);
    let shipped = files.len();
    every_yaml(&root.join("examples/demo"), &mut files);
    every_yaml(&root.join("tests/corpus"), &mut files);
    let dir = tempfile::tempdir().unwrap();
    let spec = generate::Spec {
        seed: 11,
        plans: 1,
        sheets: 4,
        entries: 5,
        milestones: 2,
        indicators: 2,
    };
    for style in generate::Style::ALL {
        let out = dir.path().join(style.name());
        generate::write_plan_as(&out, &spec, 0, style).unwrap();
        every_yaml(&out, &mut files);
    }
    let mut seeds: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let crlf: Vec<Vec<u8>> = seeds[..shipped]
        .iter()
        .map(|s| {
            String::from_utf8_lossy(s)
                .replace('\n', "\r\n")
                .into_bytes()
        })
        .collect();
    seeds.extend(crlf);
    seeds
}

/// A third reader on the same inputs, so that a leniency granit-parser and
/// the fast reader share is caught: libyaml reads every file the fast
/// reader reads among the corner cases, the shipped plan, the demo, the
/// corpus, the generated plans of every style and the shipped plan in
/// CRLF, as the same collections and the same scalars (text, quoting
/// style, place). The mutants are compared too, in the mutation test.
#[test]
fn a_third_reader_libyaml_reads_what_the_fast_reader_reads() {
    let mut texts: Vec<String> = CASES
        .iter()
        .chain(LEFT_CASES)
        .chain(FAST_CASES)
        .map(|c| c.to_string())
        .collect();
    texts.extend(
        seed_files()
            .iter()
            .map(|s| String::from_utf8_lossy(s).into_owned()),
    );
    let compared = texts
        .iter()
        .filter(|t| yaml::parse_fast(t).is_some())
        .count();
    let diffs: Vec<String> = texts
        .iter()
        .filter_map(|t| libyaml_differs(t).map(|d| format!("{t:?}: {d}")))
        .collect();
    assert!(diffs.is_empty(), "{diffs:#?}");
    // Not vacuous: every construct's cases and most files are compared.
    assert!(
        compared >= FAST_CASES.len() + 150,
        "only {compared} compared"
    );
    eprintln!(
        "{compared} of {} inputs compared with libyaml, no difference",
        texts.len()
    );
}

/// Mutated plan files (tokens YAML treats apart, bytes flipped, lines cut
/// and moved): whenever the fast reader accepts one, granit-parser reads the
/// same tree, positions included; when granit-parser refuses it, so does
/// the fast reader. `READER_MUTATIONS` sets how many (default 100,000).
#[test]
fn fast_reader_agrees_with_granit_on_mutated_plans() {
    let runs: usize = std::env::var("READER_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let seeds = seed_files();
    let mut rng = mutation::seeded::Seeded(0x5eed_fa57);
    let (mut accepted, mut diffs, mut third) = (0, Vec::new(), Vec::new());
    let mut covered = Constructs::default();
    for _ in 0..runs {
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutation::mutate(&mut rng, &mut input);
        let Ok(text) = std::str::from_utf8(&input) else {
            continue;
        };
        if let Some(agree) = fast_agrees(text) {
            accepted += 1;
            if !agree {
                diffs.push(text.to_string());
            }
            if let Some(d) = libyaml_differs(text) {
                third.push(format!("{text:?}: {d}"));
            }
            covered.count(text);
        }
    }
    assert!(
        diffs.is_empty(),
        "{} differ; first: {:?}",
        diffs.len(),
        diffs[0]
    );
    assert!(
        third.is_empty(),
        "{} differ from libyaml; first: {}",
        third.len(),
        third[0]
    );
    // Not vacuous: many mutants stay within the fast reader's subset.
    assert!(
        accepted * 10 > runs,
        "only {accepted} of {runs} mutants read"
    );
    // And many of them hold each construct the fast reader learned last.
    let least = covered.least();
    assert!(least * 1_000 > runs, "{covered:?}");
    eprintln!(
        "{accepted} of {runs} mutants read by the fast reader, all as granit-parser and libyaml read them; holding {covered:?}"
    );
}

/// How many texts hold each construct the fast reader reads since issue 21
/// (by a rough look at their lines: enough to tell that mutants hit them).
#[derive(Debug, Default)]
struct Constructs {
    escape: usize,
    doubled_quote: usize,
    comment_after_value: usize,
    crlf: usize,
    nested_flow: usize,
}

impl Constructs {
    fn count(&mut self, text: &str) {
        let lines = || text.lines().map(|l| l.trim_start());
        self.escape += usize::from(text.contains('\\'));
        self.doubled_quote += usize::from(text.contains("''"));
        self.crlf += usize::from(text.contains("\r\n"));
        self.comment_after_value +=
            usize::from(lines().any(|l| !l.starts_with('#') && l.contains(" #")));
        self.nested_flow += usize::from(
            lines().any(|l| l.contains("[[") || l.matches('{').count() > 1 || l.contains("[{")),
        );
    }

    fn least(&self) -> usize {
        [
            self.escape,
            self.doubled_quote,
            self.comment_after_value,
            self.crlf,
            self.nested_flow,
        ]
        .into_iter()
        .min()
        .unwrap_or(0)
    }
}

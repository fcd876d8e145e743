//! The two readers — serde-saphyr's (the reference, kept as a
//! dev-dependency) and ctg's own from granit-parser's events — give the same tree (values, kinds, positions) or the same
//! diagnostic, over the shipped plan, the demo, hand-written corner cases
//! and generated plans.

#[path = "../examples/gen_plans/generate.rs"]
mod generate;

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
        (Ok(a), Ok(b)) => same(&a, &b, "").err(),
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
];

#[test]
fn same_tree_or_same_diagnostic_on_corner_cases() {
    let diffs: Vec<String> = CASES
        .iter()
        .filter_map(|c| differ(c).map(|d| format!("{c:?}: {d}")))
        .collect();
    assert!(diffs.is_empty(), "{diffs:#?}");
}

#[test]
fn same_tree_or_same_diagnostic_on_deep_nesting() {
    for depth in 28..36 {
        let flow = format!("a: {}{}\n", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(differ(&flow), None, "depth {depth}");
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

proptest::proptest! {
    #[test]
    fn same_scalar_resolution_on_random_spellings(text in "[-+0-9._xobeEnaif~ ]{1,8}") {
        let source = format!("a: {text}\n");
        proptest::prop_assert_eq!(differ(&source), None, "{:?}", source);
    }
}

//! `ctg report YEAR` in narrow terminals: no line wider than the terminal, no
//! word of the report cut.

use crate::common::TestEnv;
use std::collections::HashSet;

/// Stuck to a word by a layout: a colon after a label, parentheses around a legend.
const PUNCTUATION: [char; 3] = [':', '(', ')'];

/// The report as printed in a terminal `width` columns wide.
fn report(env: &TestEnv, width: u16, as_of: &str, args: &[&str]) -> String {
    let mut all = vec!["--as-of", as_of, "report"];
    all.extend(args);
    let run = env.run_with_env(&[("COLUMNS", &width.to_string())], &all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

/// Every word of the report — titles, column labels and cells — read from
/// its Markdown form.
fn words(markdown: &str) -> HashSet<String> {
    markdown
        .lines()
        .filter(|l| !l.starts_with("|---"))
        .flat_map(|l| l.split("<br>"))
        .flat_map(str::split_whitespace)
        .map(|w| {
            w.trim_matches(['#', '|', '*', '>'])
                .trim_matches(PUNCTUATION)
        })
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Checks that `table` fits `width` and cuts no word: each of its words is
/// one of `markdown`; with `all`, each word of `markdown` is shown.
pub(crate) fn assert_fits(table: &str, markdown: &str, width: usize, all: bool) {
    for line in table.lines() {
        let n = line.chars().count();
        assert!(n <= width, "{n} > {width} characters: {line}\n{table}");
    }
    let words = words(markdown);
    let tokens: HashSet<&str> = table
        .split_whitespace()
        .filter(|t| !t.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)))
        .map(|t| t.trim_matches(PUNCTUATION))
        .filter(|t| !t.is_empty())
        .collect();
    let mut cut: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| !words.contains(*t))
        .collect();
    cut.sort();
    assert!(cut.is_empty(), "pieces of words: {cut:?}\n{table}");
    let mut missing: Vec<&String> = words
        .iter()
        .filter(|w| all && !tokens.contains(w.as_str()))
        .collect();
    missing.sort();
    assert!(
        missing.is_empty(),
        "words cut or missing: {missing:?}\n{table}"
    );
}

/// `ctg report ARGS` at `width` columns, checked against its Markdown form
/// (see [`assert_fits`]).
fn checked(env: &TestEnv, width: u16, as_of: &str, args: &[&str], all: bool) -> String {
    let table = report(env, width, as_of, args);
    let markdown = report(
        env,
        width,
        as_of,
        &[args, &["--format", "markdown"]].concat(),
    );
    assert_fits(&table, &markdown, width.into(), all);
    table
}

/// The demo's 2024 review at 80 and 120 columns, in both languages: checked,
/// then pinned.
#[test]
fn report_at_80_and_120_columns_cuts_no_word() {
    let env = TestEnv::demo();
    for width in [80, 120] {
        for lang in ["fr", "en"] {
            let args = ["2024", "--lang", lang];
            let table = checked(&env, width, "2025-06-30", &args, true);
            insta::assert_snapshot!(format!("report_2024_{lang}_{width}"), table);
        }
    }
}

#[test]
fn shipped_plan_report_fits_narrow_terminals() {
    let env = TestEnv::shipped();
    for width in [80, 120] {
        for lang in ["fr", "en"] {
            // Empty cells are left out of blocks: not every label shows.
            checked(&env, width, "2026-06-30", &["2025", "--lang", lang], false);
        }
    }
}

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

/// The lines of the section of `text` that starts with the line `title`,
/// up to the next blank line.
fn section<'a>(text: &'a str, title: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| *l != title)
        .take_while(|l| !l.is_empty())
        .collect()
}

/// At 120 columns the shipped plan's axis titles (up to 130 characters)
/// would wrap over a dozen lines beside number columns as wide as their
/// headings: the rows are named by the axis ids, one line each, and the
/// titles follow the table. Same for the evaluation's axes and objectives.
#[test]
fn long_axis_titles_go_under_the_table_not_down_its_first_column() {
    let env = TestEnv::shipped();
    let run = env.run_with_env(
        &[("COLUMNS", "120")],
        &["--as-of", "2025-12-31", "report", "2025"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let synthesis = section(&run.stdout, "Synthèse par axe");
    insta::assert_snapshot!(synthesis.join("\n"), @r"
    Synthèse par axe
    ┌───────┬────────┬───────────┬─────────────┬──────────┬─────────────┬──────────┬─────────────┬─────────────┬───────────┐
    │ Axe   ┆ fiches ┆ réalisées ┆ abandonnées ┆ alerte ▲ ┆ non         ┆ en cours ┆ taux de     ┆ avancement  ┆ évolution │
    │       ┆        ┆           ┆             ┆          ┆ démarrées   ┆          ┆ réalisation ┆ moyen       ┆           │
    ╞═══════╪════════╪═══════════╪═════════════╪══════════╪═════════════╪══════════╪═════════════╪═════════════╪═══════════╡
    │ 1     ┆ 9      ┆ 0         ┆ 0           ┆ 0        ┆ 9           ┆ 0        ┆ 0 %         ┆ 0 %         ┆ 0 pt      │
    │ 2     ┆ 9      ┆ 0         ┆ 0           ┆ 0        ┆ 9           ┆ 0        ┆ 0 %         ┆ 0 %         ┆ 0 pt      │
    │ 3     ┆ 9      ┆ 0         ┆ 0           ┆ 0        ┆ 9           ┆ 0        ┆ 0 %         ┆ 0 %         ┆ 0 pt      │
    │ Total ┆ 27     ┆ 0         ┆ 0           ┆ 0        ┆ 27          ┆ 0        ┆ 0 %         ┆ 0 %         ┆ 0 pt      │
    └───────┴────────┴───────────┴─────────────┴──────────┴─────────────┴──────────┴─────────────┴─────────────┴───────────┘
    1 — Faciliter les mobilités et l'accès aux droits et aux services
    2 — Renforcer la politique de la petite enfance, de l'enfance et de la jeunesse
    3 — Considérer la culture comme levier d'insertion sociale en favorisant son accès à tous dans le respect des droits
        culturels pour chacun
    ");
    let run = env.run_with_env(
        &[("COLUMNS", "120")],
        &["--as-of", "2025-12-31", "evaluation"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let outcome = section(&run.stdout, "Résultats par axe et objectif");
    // One line per axis, objective and the total, between the header and
    // the bottom border.
    let rows = outcome
        .iter()
        .skip_while(|l| !l.starts_with('╞'))
        .skip(1)
        .take_while(|l| !l.starts_with('└'))
        .count();
    assert_eq!(rows, 3 + 9 + 1, "{}", outcome.join("\n"));
    assert!(
        outcome
            .iter()
            .any(|l| l.starts_with("1.2 — Accéder pour l'ensemble des habitants")),
        "{}",
        outcome.join("\n")
    );
    for width in [80, 120, 160] {
        checked(&env, width, "2025-12-31", &["2025"], false);
    }
}

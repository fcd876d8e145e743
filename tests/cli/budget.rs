//! Means (spec section 11, issue 17): budget lines and amounts spent, as
//! `validate` reports them, `ctg budget` adds them up, `record --spent`
//! and `add budget` write them, and the shells complete them.
//!
//! The demo plan's budget, which the tests below start from:
//! - 1.1.1 `subvention-ccvl` (ccvl, operating): planned 10000, 12000,
//!   12000, 12000 for 2023-2026; spent 5000 + 5000 in 2023, 12000 in 2024,
//!   6000 in 2025;
//! - 1.1.1 `caf-ps` (caf-exemple, operating): planned 2500.50 a year
//!   2024-2026; spent 2500.50 in 2024;
//! - 2.1.1 `caf-investissement` (caf-exemple, investment): planned 40000
//!   in 2024 and 60000 in 2026; spent 12000 on 2024-09-12;
//! - 2.1.1 `fonctionnement` (ccvl, operating): planned 30000 in 2026.

use crate::common::{Run, TestEnv, isolate, succeed};
use proptest::prelude::*;

const CRECHE: &str = "actions/2.1.1.yaml";
const NAVETTE: &str = "actions/1.1.1-navette.yaml";

/// Appends `text` to a plan file (the demo sheets end with their journal).
fn append(env: &TestEnv, rel: &str, text: &str) {
    let before = env.read(rel);
    assert!(before.ends_with('\n'), "{rel}");
    env.write(rel, before + text);
}

/// One diagnostic of `validate --format json`.
#[derive(Debug)]
struct Diag {
    severity: String,
    code: String,
    file: String,
    line: u64,
    message: String,
}

/// `validate --format json` in `lang`: the exit code and the diagnostics.
fn diagnostics(env: &TestEnv, lang: &str) -> (i32, Vec<Diag>) {
    let run = env.run(&["--lang", lang, "validate", "--format", "json"]);
    let doc: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.transcript()));
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let found = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Diag {
            severity: text(&d["severity"]),
            code: text(&d["code"]),
            file: text(&d["file"]),
            line: d["line"].as_u64().unwrap_or(0),
            message: text(&d["message"]),
        })
        .collect();
    (run.code, found)
}

/// The diagnostics of one code.
fn of_code<'a>(found: &'a [Diag], code: &str) -> Vec<&'a Diag> {
    found.iter().filter(|d| d.code == code).collect()
}

// ---------------------------------------------------------------------
// The two warnings, pinned to their file and line (the errors are pinned
// by the corpus: tests/corpus/{bad-amount-decimals, duplicate-year,
// unknown-funder, unknown-budget-line, budget-year, negative-spent,
// convention-bad-siren, convention-bad-commune}.yaml).
// ---------------------------------------------------------------------

#[test]
fn overspent_warns_at_the_amount_that_passes_the_plan() {
    let env = TestEnv::demo();
    // 2.1.1 has 36 lines; the entry's `spent` is line 39. 12000 + 28000.01
    // is one cent above the 40000 planned for 2024.
    append(
        &env,
        CRECHE,
        "  - date: 2024-12-20
    note: Second versement
    spent: {caf-investissement: 28000.01}
",
    );
    let (code, found) = diagnostics(&env, "fr");
    assert_eq!(code, 0, "a warning, not an error: {found:#?}");
    let over = of_code(&found, "overspent");
    assert_eq!(over.len(), 1, "{found:#?}");
    assert_eq!(over[0].severity, "warning");
    assert_eq!(over[0].file, "plan/actions/2.1.1.yaml");
    assert_eq!(over[0].line, 39);
    assert_eq!(
        over[0].message,
        "40\u{202f}000,01\u{a0}€ dépensés sur `caf-investissement` en 2024, \
         au-delà des 40\u{202f}000,00\u{a0}€ prévus"
    );
    assert!(of_code(&found, "spent-no-plan").is_empty(), "{found:#?}");
    // Exactly what is planned is no overspending.
    env.edit(CRECHE, "28000.01", "28000.00");
    let (code, found) = diagnostics(&env, "en");
    assert_eq!(code, 0);
    assert!(of_code(&found, "overspent").is_empty(), "{found:#?}");
    // Under --strict the warning is an error.
    env.edit(CRECHE, "28000.00", "28000.1");
    let strict = env.run(&["--lang", "en", "validate", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.transcript());
    assert!(strict.stderr.contains("[overspent]"), "{}", strict.stderr);
}

#[test]
fn spent_no_plan_warns_at_the_first_amount_of_the_year() {
    let env = TestEnv::demo();
    // Nothing is planned on caf-investissement for 2025: the first amount
    // of 2025 (line 39) is pinned, not the later one (line 42).
    append(
        &env,
        CRECHE,
        "  - date: 2025-02-03
    note: Frais de dossier
    spent: {caf-investissement: 500}
  - date: 2025-04-03
    note: Frais d'architecte
    spent: {caf-investissement: 250.25}
",
    );
    let (code, found) = diagnostics(&env, "fr");
    assert_eq!(code, 0, "{found:#?}");
    let unplanned = of_code(&found, "spent-no-plan");
    assert_eq!(unplanned.len(), 1, "{found:#?}");
    assert_eq!(unplanned[0].severity, "warning");
    assert_eq!(unplanned[0].file, "plan/actions/2.1.1.yaml");
    assert_eq!(unplanned[0].line, 39);
    assert_eq!(
        unplanned[0].message,
        "dépense sur `caf-investissement` en 2025, une année où rien n'y est prévu"
    );
    assert!(of_code(&found, "overspent").is_empty(), "{found:#?}");
    // Corrections that take everything back leave nothing spent: no warning.
    append(
        &env,
        CRECHE,
        "  - date: 2025-05-03
    note: Frais remboursés
    spent: {caf-investissement: -750.25}
",
    );
    let (code, found) = diagnostics(&env, "en");
    assert_eq!(code, 0, "{found:#?}");
    assert!(of_code(&found, "spent-no-plan").is_empty(), "{found:#?}");
    assert!(of_code(&found, "negative-spent").is_empty(), "{found:#?}");
}

// ---------------------------------------------------------------------
// Every new message and hint, in French and in English.
// ---------------------------------------------------------------------

/// The demo plan with every new diagnostic of the sheets at once:
/// `bad-amount` and `duplicate-year` in 1.2.1 (a sheet that cannot be
/// read is checked no further, so they have a sheet of their own),
/// `unknown-funder`, `budget-year`, `negative-spent`, `spent-no-plan` and
/// `unknown-budget-line` in 2.1.1, `overspent` in 1.1.1.
fn every_sheet_code() -> TestEnv {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.2.1.yaml",
        "journal:\n",
        "budget:
  - id: voirie
    funder: ccvl
    nature: investissement
    planned: {2024: 1500.005, 2025: 3, \"2025\": 4}
journal:\n",
    );
    env.edit(CRECHE, "    funder: ccvl\n", "    funder: ccv\n");
    env.edit(
        CRECHE,
        "planned: {2026: 30000}",
        "planned: {2026: 30000, 2027: 5000}",
    );
    append(
        &env,
        CRECHE,
        "  - date: 2024-10-01
    note: Trop-perçu reversé
    spent: {caf-investissement: -12500}
  - date: 2025-03-01
    note: Frais de dossier
    spent: {caf-investissement: 500, caf-invest: 10}
",
    );
    append(
        &env,
        NAVETTE,
        "  - date: 2025-06-01
    note: Prestation versée en avance
    spent: {caf-ps: 3000}
",
    );
    env
}

/// A `convention.yaml` that cannot be read stops the checks that need the
/// period (`budget-year` among them): the two codes of `convention.yaml`
/// come in a second run, on the same plan.
fn add_convention_codes(env: &TestEnv) {
    env.edit(
        "convention.yaml",
        "signed: 2023-03-15\n",
        "signed: 2023-03-15\nsiren: 243000297\ncommunes: [\"30321\", \"2A004\", \"2C004\"]\n",
    );
}

const SHEET_CODES: [&str; 8] = [
    "bad-amount",
    "duplicate-year",
    "unknown-funder",
    "budget-year",
    "negative-spent",
    "unknown-budget-line",
    "overspent",
    "spent-no-plan",
];

/// Both runs of `validate` in `lang`, after checking that each holds the
/// codes it should.
fn every_code_transcript(lang: &str) -> String {
    let env = every_sheet_code();
    let (code, found) = diagnostics(&env, lang);
    assert_eq!(code, 1);
    for c in SHEET_CODES {
        assert_eq!(of_code(&found, c).len(), 1, "{c}: {found:#?}");
    }
    let sheets = env.run(&["--lang", lang, "validate"]);
    add_convention_codes(&env);
    let (code, found) = diagnostics(&env, lang);
    assert_eq!(code, 1);
    for c in ["bad-siren", "bad-commune"] {
        assert_eq!(of_code(&found, c).len(), 1, "{c}: {found:#?}");
    }
    let convention = env.run(&["--lang", lang, "validate"]);
    format!(
        "=== the sheets' codes\n{}\n=== with convention.yaml's codes\n{}",
        sheets.transcript(),
        convention.transcript()
    )
}

#[test]
fn every_new_code_in_french() {
    insta::assert_snapshot!("every_code_fr", every_code_transcript("fr"));
}

#[test]
fn every_new_code_in_english() {
    insta::assert_snapshot!("every_code_en", every_code_transcript("en"));
}

// ---------------------------------------------------------------------
// Exact sums through the binary (the fast part is tests/money.rs).
// ---------------------------------------------------------------------

/// Cents already spent on caf-investissement in 2024 by the demo.
const DEMO_CRECHE_2024: i64 = 1_200_000;
/// Cents spent on the other lines of the demo (28000 + 2500.50), all
/// before 30/06/2025.
const DEMO_OTHER_LINES: i64 = 3_050_050;

/// One amount's magnitude in cents: tenths and twentieths, any cents,
/// large grants.
fn magnitude() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(10i64),
        Just(20),
        1..100i64,
        1..1_000_000i64,
        1..1_000_000_000i64,
    ]
}

/// `cents` as a plan writes it: a sign for corrections, whole euros
/// without decimals or with `.00`, tenths with one decimal or two.
fn yaml_amount(cents: i64, long: bool) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let (e, c) = (cents.abs() / 100, cents.abs() % 100);
    match (c, long) {
        (0, false) => format!("{sign}{e}"),
        (c, false) if c % 10 == 0 => format!("{sign}{e}.{}", c / 10),
        (c, _) => format!("{sign}{e}.{c:02}"),
    }
}

/// The French text of `ctg budget --format csv` for `cents`: `12000,50`.
fn csv_amount(cents: i64) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

/// A draw: entries (year 2023-2025, month, day, magnitude, correction or
/// not, long spelling or not, place in the file), an amount on the as-of
/// date (counted) and one the day after (not counted).
type Draw = (
    Vec<(i32, u32, u32, i64, bool, bool, u32)>,
    Option<i64>,
    Option<i64>,
);

fn draws() -> impl Strategy<Value = Draw> {
    let entry = (
        2023..=2025i32,
        1..=12u32,
        1..=28u32,
        magnitude(),
        proptest::bool::weighted(0.3),
        any::<bool>(),
        any::<u32>(),
    );
    (
        proptest::collection::vec(entry, 1..60),
        proptest::option::of(magnitude()),
        proptest::option::of(magnitude()),
    )
}

/// An entry to write: its date, its cents, the long spelling or not, its
/// place in the file.
type Written = (String, i64, bool, u32);

/// The entries to write and the cents expected per year 2023-2026:
/// corrections never take more back than the year holds so far, so each
/// year stays at 0 or more.
fn entries_of(draw: &Draw) -> (Vec<Written>, [i64; 4]) {
    let (drawn, on_as_of, after_as_of) = draw;
    let mut drawn = drawn.clone();
    for d in &mut drawn {
        if d.0 == 2025 {
            d.1 = 1 + (d.1 - 1) % 6; // on or before 30/06/2025
        }
    }
    // ctg orders entries by date, then by place in the file: so do the
    // running totals, for a correction never to come before what it takes
    // back on the same day.
    drawn.sort_by_key(|d| (d.0, d.1, d.2, d.6));
    let mut years = [0i64; 4];
    let mut out = Vec::new();
    for (year, month, day, m, correction, long, place) in drawn {
        let y = (year - 2023) as usize;
        let cents = if correction && years[y] > 0 {
            -(1 + m % years[y])
        } else {
            m
        };
        years[y] += cents;
        out.push((format!("{year}-{month:02}-{day:02}"), cents, long, place));
    }
    if let Some(m) = on_as_of {
        years[2] += m;
        out.push(("2025-06-30".to_string(), *m, false, 0));
    }
    if let Some(m) = after_as_of {
        out.push(("2025-07-01".to_string(), *m, true, u32::MAX));
    }
    years[1] += DEMO_CRECHE_2024;
    (out, years)
}

/// The JSON of caf-investissement in `ctg budget --format json`.
fn creche_line(doc: &serde_json::Value) -> serde_json::Value {
    doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["axes"].as_array().unwrap())
        .flat_map(|a| a["objectives"].as_array().unwrap())
        .flat_map(|o| o["lines"].as_array().unwrap())
        .find(|l| l["sheet"] == "2.1.1" && l["line"] == "caf-investissement")
        .unwrap_or_else(|| panic!("no caf-investissement line: {doc}"))
        .clone()
}

/// Euros in JSON are `cents / 100` as a double: equal only if the sum
/// was made in cents (a float sum of 0.1 and 0.2 is not 0.3).
fn euros(cents: i64) -> f64 {
    cents as f64 / 100.0
}

proptest! {
    // A failure prints its minimal draw; nothing is saved in the tree.
    #![proptest_config(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Random amounts with at most two decimals, corrections included,
    /// written as `spent` over many entries of caf-investissement, in any
    /// order in the file: `ctg budget` gives, per year and in total, the
    /// sum the test makes in integer cents, in JSON and in CSV; the entry
    /// after the as-of date counts for nothing.
    #[test]
    fn budget_sums_spent_amounts_exactly(draw in draws()) {
        let env = TestEnv::demo();
        let (mut entries, years) = entries_of(&draw);
        entries.sort_by_key(|e| e.3);
        let mut journal = String::new();
        for (i, (date, cents, long, _)) in entries.iter().enumerate() {
            journal.push_str(&format!(
                "  - date: {date}\n    note: Versement {i}\n    spent: {{caf-investissement: {}}}\n",
                yaml_amount(*cents, *long)
            ));
        }
        append(&env, CRECHE, &journal);
        let (_, found) = diagnostics(&env, "en");
        let errors: Vec<&Diag> = found.iter().filter(|d| d.severity == "error").collect();
        prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, journal);

        let run = env.run(&["--lang", "en", "budget", "--format", "json"]);
        prop_assert_eq!(run.code, 0, "{}", run.stderr);
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let line = creche_line(&doc);
        for (i, year) in (2023..=2026).enumerate() {
            let got = &line["years"][i];
            prop_assert_eq!(&got["year"], &serde_json::json!(year));
            prop_assert_eq!(got["spent"].as_f64(), Some(euros(years[i])), "{}\n{}", year, journal);
        }
        let total: i64 = years.iter().sum();
        prop_assert_eq!(line["total"]["spent"].as_f64(), Some(euros(total)), "{}", journal);
        prop_assert_eq!(
            doc["total"]["total"]["spent"].as_f64(),
            Some(euros(total + DEMO_OTHER_LINES))
        );

        let run = env.run(&["--lang", "fr", "budget", "--format", "csv"]);
        prop_assert_eq!(run.code, 0, "{}", run.stderr);
        let text = run.stdout.trim_start_matches('\u{feff}');
        let mut csv = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
        let header = csv.headers().unwrap().clone();
        let row = csv
            .records()
            .map(Result::unwrap)
            .find(|r| r.get(4) == Some("caf-investissement"))
            .unwrap();
        let cell = |name: &str| {
            let i = header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}: {header:?}"));
            row.get(i).unwrap().to_string()
        };
        for (i, year) in (2023..=2026).enumerate() {
            // A year with nothing planned and nothing spent may be empty.
            let got = cell(&format!("Dépensé (€) {year}"));
            if !(got.is_empty() && years[i] == 0) {
                prop_assert_eq!(got, csv_amount(years[i]), "{}\n{}", year, journal);
            }
        }
        prop_assert_eq!(cell("Dépensé (€) Total"), csv_amount(total));
    }
}

#[test]
fn ten_tenths_and_ten_fifths_are_three_euros() {
    let env = TestEnv::demo();
    let mut journal = String::new();
    for (i, amount) in ["0.1", "0.2"].iter().cycle().take(20).enumerate() {
        journal.push_str(&format!(
            "  - date: 2025-03-{:02}\n    note: Frais {i}\n    spent: {{caf-investissement: {amount}}}\n",
            i + 1
        ));
    }
    append(&env, CRECHE, &journal);
    assert_ne!(
        std::iter::repeat_n(0.1f64, 10).sum::<f64>(),
        1.0,
        "the float sum this guards against"
    );
    let run = env.run(&["budget", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let line = creche_line(&doc);
    assert_eq!(line["years"][2]["year"], 2025);
    assert_eq!(line["years"][2]["spent"], 3.0);
    assert_eq!(line["total"]["spent"], 12003.0);
    let table = env.run(&["-q", "budget", "--year", "2025", "--format", "markdown"]);
    assert!(
        table.stdout.contains("| 2.1.1 | caf-investissement |"),
        "{}",
        table.stdout
    );
    let row = table
        .stdout
        .lines()
        .find(|l| l.starts_with("| 2.1.1 | caf-investissement |"))
        .unwrap();
    assert!(row.contains("| 3,00 |"), "{row}");
}

// ---------------------------------------------------------------------
// Writing: record --spent.
// ---------------------------------------------------------------------

/// `ctg budget --format json`'s spent on caf-investissement in `year`.
fn creche_spent(env: &TestEnv, year: i32) -> f64 {
    let run = env.run(&["budget", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let line = creche_line(&doc);
    let years = line["years"].as_array().unwrap();
    let y = years.iter().find(|y| y["year"] == year).unwrap();
    y["spent"].as_f64().unwrap()
}

/// Asserts that `run` was refused with exit 1 and this French stderr, and
/// that the sheet's bytes are still `before`.
fn refused(env: &TestEnv, rel: &str, before: &[u8], run: &Run, stderr: &str) {
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert_eq!(run.stderr, stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(env.bytes(rel), before, "nothing written to {rel}");
}

#[test]
fn record_spent_writes_a_decimal_point_after_the_other_keys() {
    let env = TestEnv::demo();
    let before = env.read(CRECHE);
    let run = env.run(&[
        "record",
        "2.1.1",
        "--date",
        "2024-11-15",
        "--note",
        "Acompte versé",
        "--spent",
        "caf-investissement=15 000,50",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .starts_with("2.1.1\u{a0}: suivi du 15/11/2024 ajouté à plan/actions/2.1.1.yaml\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        env.read(CRECHE),
        format!(
            "{before}  - date: 2024-11-15
    note: Acompte versé
    spent: {{caf-investissement: 15000.5}}
"
        )
    );
    assert_eq!(creche_spent(&env, 2024), 27000.5);
}

#[test]
fn record_spent_comes_after_measures_and_before_by() {
    let env = TestEnv::demo();
    let before = env.read(CRECHE);
    let run = env.run(&[
        "record",
        "2.1.1",
        "--date",
        "2024-11-15",
        "--status",
        "en cours",
        "--progress",
        "10",
        "--note",
        "Acompte versé",
        "--measure",
        "places=3",
        "--spent",
        "caf-investissement=0,1",
        "--by",
        "Coordination",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        env.read(CRECHE),
        format!(
            "{before}  - date: 2024-11-15
    status: in-progress
    progress: 10
    note: Acompte versé
    measures: {{places: 3}}
    spent: {{caf-investissement: 0.1}}
    by: Coordination
"
        )
    );
}

#[test]
fn two_spent_options_write_one_map_in_the_order_given() {
    let env = TestEnv::demo();
    let before = env.read(CRECHE);
    let run = env.run(&[
        "record",
        "2.1.1",
        "--date",
        "2024-11-15",
        "--spent",
        "fonctionnement=100",
        "--spent",
        "caf-investissement=2\u{a0}000",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        env.read(CRECHE),
        format!(
            "{before}  - date: 2024-11-15
    spent: {{fonctionnement: 100, caf-investissement: 2000}}
"
        )
    );
    // Nothing is planned on `fonctionnement` in 2024: written, and said.
    assert!(
        run.stderr.contains(
            "avertissement\u{a0}: dépense sur `fonctionnement` en 2024, une année où rien n'y est prévu\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(creche_spent(&env, 2024), 14000.0);
    // One line twice is refused: the amounts are to be added by hand.
    let before = env.bytes(CRECHE);
    let run = env.run(&[
        "record",
        "2.1.1",
        "--date",
        "2024-11-16",
        "--spent",
        "caf-investissement=1",
        "--spent",
        "caf-investissement=2",
    ]);
    refused(
        &env,
        CRECHE,
        &before,
        &run,
        "ctg: la ligne budgétaire `caf-investissement` est donnée deux fois\u{a0}: \
         additionnez les montants en un seul --spent caf-investissement=…\n",
    );
}

#[test]
fn record_refuses_an_unknown_budget_line_and_writes_nothing() {
    let env = TestEnv::demo();
    let before = env.bytes(CRECHE);
    let args = |spent: &str| {
        env.run(&[
            "record",
            "2.1.1",
            "--date",
            "2024-11-15",
            "--note",
            "Acompte",
            "--spent",
            spent,
        ])
    };
    refused(
        &env,
        CRECHE,
        &before,
        &args("caf-investisement=5"),
        "ctg: la fiche n'a pas de ligne budgétaire `caf-investisement` \
         (vouliez-vous dire `caf-investissement`\u{a0}?)\n",
    );
    refused(
        &env,
        CRECHE,
        &before,
        &args("subvention=5"),
        "ctg: la fiche n'a pas de ligne budgétaire `subvention`\u{a0}; \
         ajoutez-en une avec `ctg add budget`\n",
    );
    // A line of another sheet is no line of this one.
    refused(
        &env,
        CRECHE,
        &before,
        &args("subvention-ccvl=5"),
        "ctg: la fiche n'a pas de ligne budgétaire `subvention-ccvl`\u{a0}; \
         ajoutez-en une avec `ctg add budget`\n",
    );
}

#[test]
fn record_refuses_what_is_not_an_amount() {
    let env = TestEnv::demo();
    let before = env.bytes(CRECHE);
    let args =
        |spent: &str| env.run(&["record", "2.1.1", "--date", "2024-11-15", "--spent", spent]);
    let x = args("x=12.345");
    assert_eq!(x.code, 1, "{}", x.transcript());
    assert!(x.stderr.starts_with("ctg: "), "{}", x.stderr);
    assert!(x.stderr.contains("`x`"), "{}", x.stderr);
    assert_eq!(env.bytes(CRECHE), before);
    let example = "(par exemple caf-psu=15000.50 ou caf-psu=\"15 000,50\")";
    refused(
        &env,
        CRECHE,
        &before,
        &args("caf-investissement=12.345"),
        &format!(
            "ctg: `caf-investissement=12.345` n'est pas LIGNE=MONTANT en euros {example}\u{a0}: \
             au plus deux décimales\n"
        ),
    );
    for text in [
        "caf-investissement=douze",
        "caf-investissement=1e3",
        "caf-investissement",
    ] {
        refused(
            &env,
            CRECHE,
            &before,
            &args(text),
            &format!("ctg: `{text}` n'est pas LIGNE=MONTANT en euros {example}\n"),
        );
    }
    refused(
        &env,
        CRECHE,
        &before,
        &args("caf-investissement=1000000000000,01"),
        &format!(
            "ctg: `caf-investissement=1000000000000,01` n'est pas LIGNE=MONTANT en euros \
             {example}\u{a0}: au plus mille milliards d'euros\n"
        ),
    );
}

#[test]
fn a_correction_below_zero_is_refused_one_that_is_not_is_written() {
    let env = TestEnv::demo();
    let before = env.read(CRECHE);
    // 12000 spent in 2024: taking back one cent more is refused.
    let run = env.run(&[
        "record",
        "2.1.1",
        "--date",
        "2024-11-15",
        "--spent",
        "caf-investissement=-12 000,01",
    ]);
    refused(
        &env,
        CRECHE,
        before.as_bytes(),
        &run,
        "ctg: rien n'a été écrit\u{a0}: le suivi rendrait le plan invalide\u{a0}: \
         les dépenses sur `caf-investissement` en 2024 passent sous zéro (-0,01\u{a0}€)\n",
    );
    // Another year holds nothing to take back.
    let run = env.run(&[
        "record",
        "2.1.1",
        "--date",
        "2025-01-15",
        "--spent",
        "caf-investissement=-1",
    ]);
    refused(
        &env,
        CRECHE,
        before.as_bytes(),
        &run,
        "ctg: rien n'a été écrit\u{a0}: le suivi rendrait le plan invalide\u{a0}: \
         les dépenses sur `caf-investissement` en 2025 passent sous zéro (-1,00\u{a0}€)\n",
    );
    // All of it is a correction ctg writes as given.
    let run = env.run(&[
        "record",
        "2.1.1",
        "--date",
        "2024-11-15",
        "--note",
        "Subvention annulée",
        "--spent",
        "caf-investissement=-12000",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        env.read(CRECHE),
        format!(
            "{before}  - date: 2024-11-15
    note: Subvention annulée
    spent: {{caf-investissement: -12000}}
"
        )
    );
    assert_eq!(creche_spent(&env, 2024), 0.0);
}

#[test]
fn amend_replaces_the_last_entry_with_its_spent() {
    let env = TestEnv::demo();
    let before = env.read(CRECHE);
    let last = "  - date: 2024-09-12
    status: postponed
    note: Local disponible seulement en 2026
    next: Rechercher un local provisoire
    spent: {caf-investissement: 12000}
";
    assert!(before.ends_with(last));
    let head = &before[..before.len() - last.len()];
    let run = env.run(&[
        "record",
        "2.1.1",
        "--amend",
        "--date",
        "2024-09-12",
        "--status",
        "reportée",
        "--note",
        "Local disponible seulement en 2026",
        "--spent",
        "caf-investissement=12 500,25",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains("spent: {caf-investissement: 12000}"),
        "the replaced entry is shown: {}",
        run.stdout
    );
    assert_eq!(
        env.read(CRECHE),
        format!(
            "{head}  - date: 2024-09-12
    status: postponed
    note: Local disponible seulement en 2026
    spent: {{caf-investissement: 12500.25}}
"
        )
    );
    assert_eq!(creche_spent(&env, 2024), 12500.25);
    // An amended entry that takes its year below zero is refused.
    let amended = env.bytes(CRECHE);
    let run = env.run(&[
        "record",
        "2.1.1",
        "--amend",
        "--date",
        "2024-09-12",
        "--note",
        "Correction",
        "--spent",
        "caf-investissement=-0,5",
    ]);
    refused(
        &env,
        CRECHE,
        &amended,
        &run,
        "ctg: rien n'a été écrit\u{a0}: le suivi rendrait le plan invalide\u{a0}: \
         les dépenses sur `caf-investissement` en 2024 passent sous zéro (-0,50\u{a0}€)\n",
    );
}

// ---------------------------------------------------------------------
// Writing: add budget.
// ---------------------------------------------------------------------

/// The lines `add budget 2.1.1 --id caf-psu …` puts after the last line
/// of the sheet's budget, before `journal:`.
const CAF_PSU: &str = "  - id: caf-psu
    funder: caf-exemple
    nature: operating
    scheme: Prestation de service unique
    planned: {2025: 1200, 2026: 15000.5}
";

fn add_caf_psu(env: &TestEnv, extra: &[&str]) -> Run {
    let mut args = vec![
        "add",
        "budget",
        "2.1.1",
        "--id",
        "caf-psu",
        "--funder",
        "caf-exemple",
        "--nature",
        "fonctionnement",
        "--scheme",
        "Prestation de service unique",
        "--planned",
        "2026=15 000,50",
        "--planned",
        "2025=1200",
    ];
    args.extend(extra);
    env.run(&args)
}

#[test]
fn add_budget_dry_run_prints_the_diff_and_writes_nothing() {
    let env = TestEnv::demo();
    let before = env.bytes(CRECHE);
    let run = add_caf_psu(&env, &["--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stdout,
        format!(
            "--- a/plan/actions/2.1.1.yaml
+++ b/plan/actions/2.1.1.yaml
@@ -25,6 +25,11 @@
     funder: ccvl
     nature: operating
     planned: {{2026: 30000}}
{}\x20journal:
   - date: 2023-06-01
     status: planned
",
            CAF_PSU
                .lines()
                .map(|l| format!("+{l}\n"))
                .collect::<String>()
        )
    );
    assert_eq!(env.bytes(CRECHE), before);
}

#[test]
fn add_budget_adds_its_lines_before_the_journal() {
    let env = TestEnv::demo();
    let before = env.read(CRECHE);
    let run = add_caf_psu(&env, &[]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stdout,
        "plan/actions/2.1.1.yaml modifié\u{a0}: 2.1.1\u{a0}: ligne budgétaire caf-psu ajoutée\n"
    );
    assert_eq!(
        env.read(CRECHE),
        before.replacen("journal:\n", &format!("{CAF_PSU}journal:\n"), 1)
    );
    let check = env.run(&["validate", "--format", "json"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    // Its id is now taken.
    let again = env.bytes(CRECHE);
    let run = add_caf_psu(&env, &[]);
    refused(
        &env,
        CRECHE,
        &again,
        &run,
        "ctg: `caf-psu` est déjà pris\u{a0}: choisissez un autre identifiant\n",
    );
}

#[test]
fn add_budget_starts_a_budget_before_the_journal_in_french_words() {
    let env = TestEnv::demo();
    let rel = "actions/1.2.1.yaml";
    let before = env.read(rel);
    assert!(!before.contains("budget:"));
    let run = env.run(&[
        "add",
        "budget",
        "1.2.1",
        "--id",
        "voirie",
        "--funder",
        "ccvl",
        "--nature",
        "Investissement",
        "--planned",
        "2025=250 000",
        "--planned",
        "2026=0,1",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        env.read(rel),
        before.replacen(
            "journal:\n",
            "budget:
  - id: voirie
    funder: ccvl
    nature: investment
    planned: {2025: 250000, 2026: 0.1}
journal:\n",
            1
        )
    );
    // `fonctionnement` is operating; no --planned writes no `planned`.
    let run = env.run(&[
        "add",
        "budget",
        "1.2.1",
        "--id",
        "entretien",
        "--funder",
        "ccvl",
        "--nature",
        "fonctionnement",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        env.read(rel).contains(
            "    planned: {2025: 250000, 2026: 0.1}
  - id: entretien
    funder: ccvl
    nature: operating
journal:\n"
        ),
        "{}",
        env.read(rel)
    );
    // An unknown nature is refused with the French words.
    let now = env.bytes(rel);
    let run = env.run(&[
        "add", "budget", "1.2.1", "--id", "autre", "--funder", "ccvl", "--nature", "bidule",
    ]);
    refused(
        &env,
        rel,
        &now,
        &run,
        "ctg: `bidule` n'est pas une des valeurs acceptées\u{a0}: `fonctionnement`, `investissement`\n",
    );
}

#[test]
fn add_budget_refuses_an_unknown_funder_with_a_suggestion() {
    let env = TestEnv::demo();
    let before = env.bytes(CRECHE);
    let run = env.run(&[
        "add",
        "budget",
        "2.1.1",
        "--id",
        "caf-psu",
        "--funder",
        "caf-exmple",
        "--nature",
        "operating",
    ]);
    refused(
        &env,
        CRECHE,
        &before,
        &run,
        "ctg: partenaire inconnu `caf-exmple` (vouliez-vous dire `caf-exemple`\u{a0}?)\n",
    );
}

#[test]
fn add_budget_refuses_a_year_outside_the_period_and_bad_amounts() {
    let env = TestEnv::demo();
    let before = env.bytes(CRECHE);
    let add = |planned: &[&str]| {
        let mut args = vec![
            "add",
            "budget",
            "2.1.1",
            "--id",
            "caf-psu",
            "--funder",
            "caf-exemple",
            "--nature",
            "operating",
        ];
        for p in planned {
            args.extend(["--planned", p]);
        }
        env.run(&args)
    };
    for year in ["2027", "2022"] {
        refused(
            &env,
            CRECHE,
            &before,
            &add(&["2025=100", &format!("{year}=100")]),
            &format!(
                "ctg: rien n'a été écrit\u{a0}: la modification rendrait le plan invalide\u{a0}: \
                 montant prévu pour {year}, hors de la période de la convention 2023-2026\n"
            ),
        );
    }
    for text in ["2025=12.345", "2025=-5", "2025", "deux=5", "2025=douze"] {
        refused(
            &env,
            CRECHE,
            &before,
            &add(&[text]),
            &format!(
                "ctg: `{text}` n'est pas ANNÉE=MONTANT en euros, positif avec au plus deux \
                 décimales (par exemple 2025=15000.50 ou \"2025=15 000,50\")\n"
            ),
        );
    }
    refused(
        &env,
        CRECHE,
        &before,
        &add(&["2025=5", "2025=6"]),
        "ctg: 2025 est prévue deux fois\u{a0}: donnez un seul --planned 2025=…\n",
    );
}

// ---------------------------------------------------------------------
// Completion of budget line ids.
// ---------------------------------------------------------------------

/// COMPREPLY of bash's completion function for `words` (the last one
/// being completed), in the plan's folder, one item a line (as
/// tests/cli/completions.rs drives it).
fn bash_complete(env: &TestEnv, words: &[&str]) -> String {
    let script = env.run(&["completions", "bash"]);
    assert_eq!(script.code, 0, "{}", script.stderr);
    std::fs::write(env.dir.path().join("ctg.bash"), &script.stdout).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("ctg");
    let dir = bin.parent().unwrap().display().to_string();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source ../ctg.bash
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE=\"${{COMP_WORDS[*]}}\"
COMP_POINT=${{#COMP_LINE}}
_ctg_ids ctg \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"
printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words = quoted.join(" ")
    );
    let mut bash = std::process::Command::new("bash");
    isolate(&mut bash);
    let path = format!("{dir}:{}", std::env::var("PATH").unwrap_or_default());
    succeed(
        bash.current_dir(env.plan())
            .env("PATH", path)
            .args(["-c", &program]),
    )
}

#[test]
fn bash_completes_the_sheets_budget_lines_after_spent() {
    let env = TestEnv::demo();
    assert_eq!(
        bash_complete(&env, &["ctg", "record", "2.1.1", "--spent", ""]),
        "caf-investissement=\nfonctionnement=\n"
    );
    assert_eq!(
        bash_complete(
            &env,
            &["ctg", "record", "2.1.1", "--note", "x", "--spent", "c"]
        ),
        "caf-investissement=\n"
    );
    // The lines of the sheet named after `record`, not of another sheet.
    assert_eq!(
        bash_complete(
            &env,
            &["ctg", "record", "1.1.1", "--spent", "a=1", "--spent", ""]
        ),
        "subvention-ccvl=\ncaf-ps=\n"
    );
    // `add budget --funder` completes partners.
    assert_eq!(
        bash_complete(&env, &["ctg", "add", "budget", "2.1.1", "--funder", "ca"]),
        "caf-exemple\n"
    );
    assert_eq!(
        env.run(&["__ids", "budget-line", "2.1.1"]).stdout,
        "caf-investissement\nfonctionnement\n"
    );
}

#[test]
fn zsh_offers_the_sheets_budget_lines_after_spent() {
    if crate::report::installed(&["zsh"], "--version", "zsh").is_none() {
        return;
    }
    let env = TestEnv::demo();
    let script = env.run(&["--lang", "en", "completions", "zsh"]);
    assert_eq!(script.code, 0, "{}", script.stderr);
    assert!(
        script
            .stdout
            .lines()
            .any(|l| l.starts_with("'*--spent=[") && l.ends_with(":_ctg_ids budget-line' \\")),
        "record's --spent completes budget lines"
    );
    let path = env.dir.path().join("_ctg");
    std::fs::write(&path, &script.stdout).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("ctg");
    let dir = bin.parent().unwrap().display().to_string();
    // As tests/cli/completions.rs does: `compadd` stubbed to print its
    // options and the array it is given with `-a`.
    let offered = |words: &str| {
        let program = format!(
            "compdef() {{ :; }}
source {}
compadd() {{ print -l -- \"compadd $*\"; while (( $# )); do [[ $1 == -a ]] && print -l -- ${{(P)2}}; shift; done }}
words=({words})
_ctg_ids -J -default- budget-line",
            path.display()
        );
        let mut zsh = std::process::Command::new("zsh");
        isolate(&mut zsh);
        let path_var = format!("{dir}:{}", std::env::var("PATH").unwrap_or_default());
        succeed(
            zsh.current_dir(env.dir.path())
                .env("PATH", path_var)
                .args(["-f", "-c", &program]),
        )
    };
    assert_eq!(
        offered("ctg --plan plan record 2.1.1 --spent ''"),
        "compadd -J -default- -S = -a ids\ncaf-investissement\nfonctionnement\n"
    );
    assert_eq!(
        offered("ctg --plan plan record 1.1.1 --note x --spent ''"),
        "compadd -J -default- -S = -a ids\nsubvention-ccvl\ncaf-ps\n"
    );
}

// ---------------------------------------------------------------------
// Writing: the guarantees of spec section 8 (dry run, line endings).
// ---------------------------------------------------------------------

#[test]
fn record_spent_dry_run_prints_the_entry_and_writes_nothing() {
    let env = TestEnv::demo();
    let before = env.bytes(CRECHE);
    let run = env.run(&[
        "record",
        "2.1.1",
        "--date",
        "2024-11-15",
        "--spent",
        "caf-investissement=15 000,50",
        "--dry-run",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stdout,
        "--- a/plan/actions/2.1.1.yaml
+++ b/plan/actions/2.1.1.yaml
@@ -34,3 +34,5 @@
     note: Local disponible seulement en 2026
     next: Rechercher un local provisoire
     spent: {caf-investissement: 12000}
+  - date: 2024-11-15
+    spent: {caf-investissement: 15000.5}
"
    );
    assert_eq!(env.bytes(CRECHE), before);
}

#[test]
fn a_crlf_sheet_keeps_its_line_endings_through_add_budget_and_record() {
    let env = TestEnv::demo();
    let lf = env.read(CRECHE);
    env.write(CRECHE, lf.replace('\n', "\r\n"));
    let run = env.run(&[
        "-q",
        "add",
        "budget",
        "2.1.1",
        "--id",
        "mobilier",
        "--funder",
        "ccvl",
        "--nature",
        "investissement",
        "--planned",
        "2024=800",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let run = env.run(&[
        "-q",
        "record",
        "2.1.1",
        "--date",
        "2024-11-15",
        "--spent",
        "mobilier=799,99",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let expected = lf.replacen(
        "journal:\n",
        "  - id: mobilier
    funder: ccvl
    nature: investment
    planned: {2024: 800}
journal:\n",
        1,
    ) + "  - date: 2024-11-15
    spent: {mobilier: 799.99}
";
    assert_eq!(env.read(CRECHE), expected.replace('\n', "\r\n"));
}

// ---------------------------------------------------------------------
// Two bugs these tests found, fixed since.
// ---------------------------------------------------------------------

/// Issue 17 asks for `ctg budget` filters "as `status`": a filter that
/// keeps no line says so, as `status` does ("aucune fiche action ne
/// correspond à ces filtres"); it does not say the plan has no budget.
#[test]
fn a_filter_that_keeps_no_line_does_not_say_the_plan_has_none() {
    let env = TestEnv::demo();
    for filter in [
        &["--funder", "maison-jeunes"][..],
        &["--status", "done"],
        &["--axis", "1", "--funder", "service-enfance"],
    ] {
        let mut args = vec!["-q", "budget"];
        args.extend(filter);
        let run = env.run(&args);
        assert_eq!(run.code, 0, "{filter:?}: {}", run.transcript());
        assert!(
            !run.stdout.contains("dans le plan"),
            "{filter:?}: the demo plan has budget lines:\n{}",
            run.stdout
        );
    }
}

/// A correction dated before the spending it corrects: on 10/01/2025 the
/// line's spending for 2025 is -100 €, which `ctg budget` as of 31/01/2025
/// would show (-100,00, execution -1 %). Spec section 11: spent(line, N)
/// counts the entries on or before the as-of date, and "a line whose spent
/// total for a year falls below 0 is an error".
#[test]
fn a_correction_before_the_spending_it_corrects_is_negative_spent() {
    let env = TestEnv::demo();
    // Lines 37-42; the correction's amount is on line 39.
    append(
        &env,
        CRECHE,
        "  - date: 2025-01-10
    note: Correction anticipée
    spent: {fonctionnement: -100}
  - date: 2025-02-10
    note: Paiement
    spent: {fonctionnement: 100}
",
    );
    for as_of in ["2025-01-31", "2025-06-30"] {
        let run = env.run_as_of(as_of, &["--lang", "en", "validate", "--format", "json"]);
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let negative: Vec<(String, u64)> = doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "negative-spent")
            .map(|d| {
                (
                    d["file"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            negative,
            [("plan/actions/2.1.1.yaml".to_string(), 39)],
            "as of {as_of}: {}",
            run.stdout
        );
        assert_eq!(run.code, 1, "as of {as_of}");
    }
}

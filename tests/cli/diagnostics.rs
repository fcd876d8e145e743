//! One fixture per diagnostic kind, each with its rendering pinned.
//!
//! Each case starts from a tiny valid plan with no warning (as of
//! 30/06/2024) and changes one thing.

use crate::common::TestEnv;

const CONVENTION: &str = "name: CTG de test
territory: Territoire de test
signatories: [ccx]
period: {start: 2023, end: 2026}
language: fr
fields:
  - {id: jeunesse, label: Jeunesse}
";
const PARTNERS: &str = "- {id: ccx, name: Communauté de test, kind: signatory}
- {id: calade, name: Calade, kind: association}
";
const AXES: &str = "- id: 1
  title: Axe de test
  objectives:
    - {id: \"1.1\", title: Objectif de test}
";
const TRACKS: &str = "- {id: jeunesse-conseil, field: jeunesse, title: Conseil des jeunes}
";
const SHEET: &str = "id: \"1.1.1\"
title: Conseil des jeunes
fields: [jeunesse]
lead: ccx
partners: [calade]
tracks: [jeunesse-conseil]
schedule: {start: 2024, end: 2026}
indicators:
  - id: membres
    label: Membres
    targets: {2025: 20}
milestones:
  - {id: lancement, title: Lancement, due: 2024-09-30}
journal:
  - date: 2024-03-01
    status: in-progress
    progress: 20
    note: Appel à candidatures
";

fn base() -> TestEnv {
    let env = TestEnv::empty();
    env.write("convention.yaml", CONVENTION);
    env.write("partners.yaml", PARTNERS);
    env.write("axes.yaml", AXES);
    env.write("tracks.yaml", TRACKS);
    env.write("actions/1.1.1.yaml", SHEET);
    env
}

const SHEET_FILE: &str = "actions/1.1.1.yaml";

fn entry(extra: &str) -> String {
    format!("{SHEET}{extra}")
}

#[test]
fn the_base_fixture_is_clean() {
    let run = base().run_as_of("2024-06-30", &["validate"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

/// Runs validate on the changed fixture, checks the code appears, pins the output.
fn case(code: &str, change: impl FnOnce(&TestEnv)) {
    named_case(code, code, change);
}

fn named_case(name: &str, code: &str, change: impl FnOnce(&TestEnv)) {
    let env = base();
    change(&env);
    let run = env.run_as_of("2024-06-30", &["validate"]);
    assert!(
        run.stderr.contains(&format!("[{code}]")),
        "{code} not reported:\n{}",
        run.stderr
    );
    assert_ne!(run.code, 101, "panic");
    assert!(!run.stderr.contains("panicked"));
    insta::assert_snapshot!(format!("diag_{name}"), run.transcript());
}

#[test]
fn errors_of_reading_and_parsing() {
    case("yaml-syntax", |e| {
        e.write(SHEET_FILE, "id: \"1.1.1\"\ntitle: [Conseil\nfields: x\n")
    });
    case("duplicate-key", |e| {
        e.edit(SHEET_FILE, "lead: ccx\n", "lead: ccx\nlead: calade\n")
    });
    case("not-utf8", |e| {
        e.write(SHEET_FILE, b"id: \"1.1.1\"\ntitle: Conseil \xe9t\xe9\n")
    });
    named_case("not-utf16", "not-utf8", |e| {
        e.write(SHEET_FILE, b"\xff\xfei\x00d\x00:\x00 \x001\x00\n\x00")
    });
    case("too-large", |e| {
        e.write(
            SHEET_FILE,
            format!("{SHEET}# {}\n", "x".repeat(10 * 1024 * 1024)),
        )
    });
    case("unreadable", |e| {
        std::fs::remove_file(e.path("tracks.yaml")).unwrap()
    });
    case("too-deep", |e| {
        e.write(
            SHEET_FILE,
            format!("{SHEET}goals: {}x{}\n", "[".repeat(40), "]".repeat(40)),
        )
    });
    case("too-many-aliases", |e| {
        e.write(
            SHEET_FILE,
            format!(
                "{SHEET}audience: &a familles\ngoals: [{}]\n",
                vec!["*a"; 1001].join(", ")
            ),
        )
    });
    case("bad-number", |e| {
        e.edit(SHEET_FILE, "progress: 20", "progress: .nan")
    });
}

/// The English words of the YAML parser that must never reach a user.
const PARSER_WORDING: &[&str] = &[
    "indicator",
    "mapping values",
    "while parsing",
    "did not find",
    "unclosed",
    "disallowed",
    "from_str",
    "Policy",
    "budget",
    "scalar",
];

#[test]
fn yaml_syntax_errors_are_told_in_our_words() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "colon-in-value",
            "title: Conseil des jeunes\n",
            "title: Conseil : des jeunes\n",
        ),
        (
            "indentation",
            "lead: ccx\n",
            "lead: ccx\n  partners: [calade]\n",
        ),
        ("unclosed-quote", "lead: ccx\n", "lead: \"ccx\n"),
        (
            "unclosed-bracket",
            "fields: [jeunesse]",
            "fields: [jeunesse",
        ),
        ("tab", "lead: ccx\n", "lead:\n\tccx\n"),
        ("list-in-mapping", "lead: ccx\n", "lead: ccx\n- calade\n"),
        (
            "dash",
            "note: Appel à candidatures\n",
            "note: Appel à candidatures\n  date: 2024-04-01\n",
        ),
        (
            "loose-line",
            "partners: [calade]",
            "partners:\n  - calade\n  ccx",
        ),
        ("character", "lead: ccx", "lead: @ccx"),
        ("text-after-quote", "lead: ccx", "lead: \"ccx\" pilote"),
    ];
    for (name, from, to) in cases {
        named_case(&format!("yaml-syntax-{name}"), "yaml-syntax", |e| {
            e.edit(SHEET_FILE, from, to)
        });
        let env = base();
        env.edit(SHEET_FILE, from, to);
        for lang in ["fr", "en"] {
            let run = env.run_as_of("2024-06-30", &["validate", "--lang", lang]);
            for words in PARSER_WORDING {
                assert!(!run.stderr.contains(words), "{name}: {}", run.stderr);
            }
        }
    }
}

#[test]
fn hints_point_at_the_real_mistake() {
    // A `%` after a number: the `%` is the problem, not quotes.
    named_case("wrong-type-percent", "wrong-type", |e| {
        e.edit(SHEET_FILE, "progress: 20", "progress: 20%")
    });
    // A journal entry without its `- ` lands in the entry above: its date is
    // not to be deleted.
    named_case("duplicate-key-journal", "duplicate-key", |e| {
        e.write(
            SHEET_FILE,
            entry("    date: 2024-04-01\n    note: Réunion du comité\n"),
        )
    });
    let env = base();
    env.write(
        SHEET_FILE,
        entry("  - {date: 2024-08-01, note: Réunion prévue}\n"),
    );
    let run = env.run_as_of("2024-06-30", &["validate"]);
    assert!(
        run.stderr.contains("suivi daté du 01/08/2024"),
        "{}",
        run.stderr
    );
    let run = env.run_as_of("2024-06-30", &["validate", "--lang", "en"]);
    assert!(
        run.stderr.contains("entry dated 2024-08-01"),
        "{}",
        run.stderr
    );
}

#[test]
fn errors_of_structure() {
    case("wrong-type", |e| {
        e.edit(SHEET_FILE, "partners: [calade]", "partners: 12")
    });
    case("missing-key", |e| {
        e.edit(SHEET_FILE, "schedule: {start: 2024, end: 2026}\n", "")
    });
    case("unknown-key", |e| e.edit(SHEET_FILE, "title:", "titel:"));
    case("bad-id", |e| {
        e.edit("partners.yaml", "{id: calade,", "{id: Calade_2,")
    });
    case("bad-status", |e| {
        e.edit(SHEET_FILE, "status: in-progress", "status: en-cour")
    });
    case("bad-date", |e| {
        e.edit(SHEET_FILE, "date: 2024-03-01", "date: 2024-02-30")
    });
    case("duplicate-target", |e| {
        e.edit(
            SHEET_FILE,
            "targets: {2025: 20}",
            "targets: {2025: 20, \"2025\": 25}",
        )
    });
}

#[test]
fn errors_of_the_plan_as_a_whole() {
    case("duplicate-id", |e| {
        e.write("actions/1.1.1-copie.yaml", SHEET)
    });
    case("missing-parent", |e| {
        e.write("actions/1.2.1.yaml", SHEET.replace("1.1.1", "1.2.1"))
    });
    case("file-name", |e| {
        e.write("actions/1.1.2.yaml", SHEET.replace("1.1.1", "1.1.3"))
    });
    case("unknown-partner", |e| {
        e.edit(SHEET_FILE, "partners: [calade]", "partners: [calad]")
    });
    case("unknown-field", |e| {
        e.edit(SHEET_FILE, "fields: [jeunesse]", "fields: [jeunese]")
    });
    case("unknown-track", |e| {
        e.edit(
            SHEET_FILE,
            "tracks: [jeunesse-conseil]",
            "tracks: [jeunesse-conseill]",
        )
    });
    case("unknown-milestone", |e| {
        e.write(
            SHEET_FILE,
            entry("  - {date: 2024-04-01, reached: [lancment]}\n"),
        )
    });
    case("unknown-indicator", |e| {
        e.write(
            SHEET_FILE,
            entry("  - {date: 2024-04-01, measures: {membre: 3}}\n"),
        )
    });
    case("progress-range", |e| {
        e.edit(SHEET_FILE, "progress: 20", "progress: 120")
    });
    case("schedule", |e| {
        e.edit(
            SHEET_FILE,
            "{start: 2024, end: 2026}",
            "{start: 2022, end: 2024}",
        )
    });
    case("entry-outside-period", |e| {
        e.edit(SHEET_FILE, "date: 2024-03-01", "date: 2022-12-01")
    });
    case("empty-entry", |e| {
        e.write(SHEET_FILE, entry("  - date: 2024-04-01\n"))
    });
    case("no-field", |e| {
        e.edit(SHEET_FILE, "fields: [jeunesse]", "fields: []")
    });
    case("duplicate-reference", |e| {
        e.edit(
            SHEET_FILE,
            "partners: [calade]",
            "partners: [calade, calade]",
        )
    });
    case("reached-twice", |e| {
        e.write(SHEET_FILE, entry("  - {date: 2024-04-01, reached: [lancement]}\n  - {date: 2024-05-01, reached: [lancement]}\n"))
    });
    case("abandoned-no-note", |e| {
        e.write(
            SHEET_FILE,
            entry("  - {date: 2024-04-01, status: abandoned}\n"),
        )
    });
}

#[test]
fn a_reversed_period_is_reported_once_at_its_place() {
    named_case("schedule-reversed-period", "schedule", |e| {
        e.edit(
            "convention.yaml",
            "{start: 2023, end: 2026}",
            "{start: 2026, end: 2022}",
        );
        // An entry and a milestone that a reversed period would put outside it.
        e.edit(SHEET_FILE, "due: 2024-09-30", "due: 2027-01-31");
    });
    let env = base();
    env.edit(
        "convention.yaml",
        "{start: 2023, end: 2026}",
        "{start: 2026, end: 2022}",
    );
    let run = env.run_as_of("2024-06-30", &["validate", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<(&str, &str, i64)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["line"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [("schedule", "plan/convention.yaml", 4)]);
}

#[test]
fn warnings() {
    case("no-sheet", |e| {
        e.write(
            "axes.yaml",
            format!("{AXES}    - {{id: \"1.2\", title: Objectif sans fiche}}\n"),
        )
    });
    case("no-lead", |e| e.edit(SHEET_FILE, "lead: ccx\n", ""));
    case("future-entry", |e| {
        e.write(
            SHEET_FILE,
            entry("  - {date: 2024-08-01, note: Réunion prévue}\n"),
        )
    });
    case("progress-down", |e| {
        e.write(SHEET_FILE, entry("  - {date: 2024-04-01, progress: 10}\n"))
    });
    case("done-open-milestones", |e| {
        e.write(SHEET_FILE, entry("  - {date: 2024-04-01, status: done}\n"))
    });
    case("done-below-100", |e| {
        e.write(
            SHEET_FILE,
            entry("  - {date: 2024-04-01, status: done, progress: 90, reached: [lancement]}\n"),
        )
    });
    case("stale", |e| {
        e.edit(SHEET_FILE, "date: 2024-03-01", "date: 2023-12-01")
    });
    case("due-outside-period", |e| {
        e.edit(SHEET_FILE, "due: 2024-09-30", "due: 2027-01-31")
    });
    case("target-outside-period", |e| {
        e.edit(
            SHEET_FILE,
            "targets: {2025: 20}",
            "targets: {2025: 20, 2028: 30}",
        )
    });
    case("ignored-file", |e| e.write("notes.yml", "a: 1\n"));
    case("personal-data", |e| {
        e.write(
            SHEET_FILE,
            entry("  - {date: 2024-04-01, note: Rappeler Mme Durand au 06 12 34 56 78}\n"),
        )
    });
}

/// Issue 21, personal data 22: seeded notes raise one `personal-data`
/// each, whatever field holds them; partners' names and the coordinator's
/// contact do not; the shipped plan and the demo raise none.
#[test]
fn personal_data_of_each_kind_is_found_and_nothing_else() {
    let env = base();
    let notes = [
        "note: Écrire à jean.dupont@gmail.com",
        "difficulties: Joignable au 06 12 34 56 78",
        "next: Vérifier le NIR 1 84 12 76 451 089 46",
        "decision: Verser sur FR76 3000 6000 0112 3456 7890 189",
        "note: L'enfant, né le 12/03/2019, est accueilli",
        "note: La famille Martin a quitté le dispositif",
        "note: Bilan avec la Communauté de test, 14 chauffeurs",
        "note: Réunion le 12/03/2024, délibération n° 2024-118",
    ];
    let entries: String = notes
        .iter()
        .enumerate()
        .map(|(i, n)| format!("  - date: 2024-04-{:02}\n    {n}\n", i + 1))
        .collect();
    env.write(SHEET_FILE, entry(&entries));
    let run = env.run_as_of("2024-06-30", &["validate", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let lines: Vec<i64> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "personal-data")
        .map(|d| d["line"].as_i64().unwrap())
        .collect();
    assert_eq!(lines.len(), 6, "{}", run.stdout);
    for dir in ["plan", "examples/demo"] {
        let env = TestEnv::with_plan(dir);
        let run = env.run(&["validate", "--lang", "en"]);
        assert!(
            !run.stderr.contains("personal-data"),
            "{dir}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_broken_file_does_not_cascade() {
    let env = base();
    env.write("partners.yaml", "- {id: ccx, name: [oops}\n");
    let run = env.run_as_of("2024-06-30", &["validate", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.matches("error[").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("note: partner references not checked: partners.yaml could not be read")
    );
}

#[test]
fn every_problem_of_a_file_is_reported() {
    let env = base();
    env.write(
        SHEET_FILE,
        "id: \"1.1.1\"\ntitel: x\nfields: jeunesse\nschedule: {start: 2024}\ncolour: red\n",
    );
    let run = env.run_as_of("2024-06-30", &["validate", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let codes: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "missing-key",
            "unknown-key",
            "wrong-type",
            "missing-key",
            "unknown-key"
        ]
    );
}

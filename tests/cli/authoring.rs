//! `record --amend`: the last journal entry replaced, only its lines changed.

use crate::common::TestEnv;

const SHEET: &str = "actions/1.1.1-navette.yaml";

/// A hand-edited sheet whose last entry has a typo.
const TYPO: &str = "# Fiche tenue à la main
id: '1.1.1'   # guillemets simples
title: Navette solidaire vers les services
fields: [mobilite]
lead: lune-mobilite
schedule: {start: 2023, end: 2026}
journal:
  - date: 2024-12-10
    progress: 50
    note: Bilan 2024   # premier bilan
  - date: 2025-06-12
    progress: 5
    note: Réunoin des chauffeurs
  # prochaine réunion en septembre

# fin de la fiche
";

fn typo_env() -> TestEnv {
    let env = TestEnv::demo();
    env.write(SHEET, TYPO);
    env.git_init();
    env
}

const AMEND: [&str; 9] = [
    "record",
    "1.1.1",
    "--amend",
    "--date",
    "2025-06-12",
    "--progress",
    "55",
    "--note",
    "Réunion des chauffeurs",
];

#[test]
fn amend_replaces_only_the_last_entry_lines() {
    let env = typo_env();
    let run = env.run(&AMEND);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("amend_output", run.stdout);
    assert_eq!(
        env.git(&["diff", "--numstat"]),
        "2\t2\tplan/actions/1.1.1-navette.yaml\n"
    );
    insta::assert_snapshot!("amend_diff", env.git(&["diff"]));
    let text = env.read(SHEET);
    assert!(text.contains("# premier bilan") && text.contains("# prochaine réunion"));
    assert_eq!(env.run(&["validate"]).code, 0);
}

#[test]
fn amend_dry_run_changes_nothing_and_commit_commits() {
    let env = typo_env();
    for flag in ["--dry-run", "--commit"] {
        let run = env.run(&[&AMEND[..], &[flag]].concat());
        assert_eq!(run.code, 0, "{}", run.stderr);
        if flag == "--dry-run" {
            assert!(run.stdout.contains("-    progress: 5\n"), "{}", run.stdout);
            assert!(run.stdout.contains("+    progress: 55\n"), "{}", run.stdout);
            assert_eq!(env.read(SHEET), TYPO);
        }
    }
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    assert!(env.git(&["log", "-1", "--format=%s"]).starts_with("1.1.1"));
}

#[test]
fn amend_refusals_leave_the_bytes_unchanged() {
    let env = typo_env();
    let bad = env.run(&["record", "1.1.1", "--amend", "--progress", "150"]);
    assert_eq!(bad.code, 1);
    assert_eq!(env.read(SHEET), TYPO);
    let before = env.bytes("actions/2.1.2.yaml");
    let none = env.run(&["--lang", "en", "record", "2.1.2", "--amend", "--note", "x"]);
    assert_eq!(none.code, 1, "{}", none.stderr);
    assert!(
        none.stderr.contains("no journal entry to amend"),
        "{}",
        none.stderr
    );
    assert_eq!(env.bytes("actions/2.1.2.yaml"), before);
}

//! `ctg init`: a new plan that validates at once, and never over another one.

use crate::common::{TestEnv, tree};

/// Runs `ctg init plan --name "CTG test" --territory "CC test"` and `extra`.
pub(crate) fn init(env: &TestEnv, extra: &[&str]) -> crate::common::Run {
    let mut args = vec![
        "init",
        "plan",
        "--name",
        "CTG test",
        "--territory",
        "CC test",
    ];
    args.extend_from_slice(extra);
    env.run(&args)
}

#[test]
fn a_new_plan_validates_at_once_without_a_warning() {
    let env = TestEnv::empty();
    let run = init(&env, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = env.run(&["--plan", "plan", "--lang", "en", "validate", "--strict"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(check.stdout.contains("1 action sheet"), "{}", check.stdout);
}

#[test]
fn init_twice_is_refused_and_changes_no_byte() {
    let env = TestEnv::empty();
    assert_eq!(init(&env, &[]).code, 0);
    let before = tree(&env.plan());
    let again = init(&env, &["--lang", "en"]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("already holds a plan"),
        "{}",
        again.stderr
    );
    assert_eq!(tree(&env.plan()), before);
}

#[test]
fn the_files_of_a_new_plan() {
    let env = TestEnv::empty();
    let run = init(
        &env,
        &[
            "--from",
            "2026",
            "--to",
            "2030",
            "--signatory",
            "ccx=CC X",
            "--signatory",
            "caf-x=CAF X",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files: Vec<String> = tree(&env.plan())
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    insta::assert_snapshot!(files.join("\n"));
    insta::assert_snapshot!(env.read("convention.yaml"));
    insta::assert_snapshot!(env.read("partners.yaml"));
    insta::assert_snapshot!(env.read("actions/1.1.1.yaml"));
    assert_eq!(env.read(".gitignore").lines().last(), Some(".ctg.lock"));
}

#[test]
fn every_file_names_its_schema_on_its_first_line() {
    let env = TestEnv::empty();
    assert_eq!(init(&env, &[]).code, 0);
    for (path, bytes) in tree(&env.plan()) {
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                text.starts_with("# yaml-language-server: $schema="),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn a_new_plan_takes_a_journal_entry() {
    let env = TestEnv::empty();
    assert_eq!(init(&env, &["--from", "2025"]).code, 0);
    let run = env.run_as_of(
        "2025-07-01",
        &[
            "--plan",
            "plan",
            "record",
            "1.1.1",
            "--status",
            "en cours",
            "--note",
            "Lancement",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let check = env.run_as_of("2025-07-01", &["--plan", "plan", "validate", "--strict"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
}

#[test]
fn bad_signatories_and_a_reversed_period_are_refused() {
    let env = TestEnv::empty();
    for extra in [
        &["--signatory", "CAF"][..],
        &["--signatory", "Caf=CAF"],
        &["--signatory", "caf="],
        &["--signatory", "caf=A", "--signatory", "caf=B"],
        &["--from", "2030", "--to", "2027"],
    ] {
        let run = init(&env, extra);
        assert_eq!(run.code, 2, "{extra:?}: {}", run.stderr);
        assert!(!env.plan().exists(), "{extra:?}");
    }
}

/// Issue 21, item 16: a year beyond any plan's (`--from 2147483647`, whose
/// default end overflowed) is refused in ctg's words, nothing written.
#[test]
fn a_year_beyond_any_plan_is_refused() {
    let env = TestEnv::empty();
    for years in [
        &["--from", "2147483647"][..],
        &["--from", "2023", "--to", "3000"],
    ] {
        let run = init(&env, years);
        assert_eq!(run.code, 2, "{years:?}: {}", run.transcript());
        assert!(
            run.stderr.contains("give a year from 1900 to 2999"),
            "{years:?}: {}",
            run.stderr
        );
        assert!(!env.dir.path().join("plan").exists(), "{years:?}");
    }
}

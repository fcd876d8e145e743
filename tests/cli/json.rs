//! The JSON documents of version 1, byte for byte: they are derived from the
//! report data, so a field added, renamed or reordered there shows up here.

use crate::common::TestEnv;

/// The document of `ctg ARGS` on the demo as of 30 June 2025, checked for
/// the pretty-printing insta would not see (indent, one final newline).
fn document(env: &TestEnv, args: &[&str]) -> String {
    let run = env.run(args);
    assert!(
        run.stdout.starts_with("{\n  \"version\": 1,\n"),
        "{args:?}: {}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("}\n") && !run.stdout.ends_with("\n\n"),
        "{args:?} does not end with one newline"
    );
    run.stdout
}

#[test]
fn status_json() {
    let env = TestEnv::demo();
    insta::assert_snapshot!(
        "json_status",
        document(&env, &["status", "--format", "json"])
    );
}

#[test]
fn log_json() {
    let env = TestEnv::demo();
    insta::assert_snapshot!("json_log", document(&env, &["log", "--format", "json"]));
}

#[test]
fn summary_json() {
    let env = TestEnv::demo();
    insta::assert_snapshot!(
        "json_summary",
        document(&env, &["summary", "--format", "json"])
    );
    insta::assert_snapshot!(
        "json_summary_by_field",
        document(&env, &["summary", "--by", "field", "--format", "json"])
    );
}

#[test]
fn report_json() {
    let env = TestEnv::demo();
    insta::assert_snapshot!(
        "json_report_2025",
        document(&env, &["report", "2025", "--format", "json"])
    );
}

#[test]
fn evaluation_json() {
    let env = TestEnv::demo();
    insta::assert_snapshot!(
        "json_evaluation",
        document(&env, &["evaluation", "--format", "json"])
    );
}

#[test]
fn validate_json_with_errors() {
    let env = TestEnv::demo();
    env.edit("actions/1.1.2.yaml", "status: done", "status: finished");
    env.edit("actions/1.2.1.yaml", "lead: ccvl", "lead: nobody");
    insta::assert_snapshot!(
        "json_validate_errors",
        document(&env, &["validate", "--format", "json", "--lang", "en"])
    );
}

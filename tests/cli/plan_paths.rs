//! The plan named every way a coordinator names it: `--plan plan` from the
//! repository root, `./plan`, `CTG_PLAN=plan`, `..` from a sub-folder, `.`
//! from the plan itself, the repository root; `record --commit` makes exactly
//! one commit holding exactly that sheet from each.

use crate::common::TestEnv;

const SHEET: &str = "plan/actions/2.1.1.yaml";

/// Records on 2.1.1 from `cwd` (relative to the repository root) with
/// `plan_args` and `env`, and checks the one commit it makes.
fn records_and_commits(cwd: &str, plan_args: &[&str], env_var: Option<&str>) {
    let env = TestEnv::demo();
    env.git_init();
    let before = env.git(&["rev-list", "--count", "HEAD"]);
    let mut cmd = env.command();
    cmd.current_dir(env.dir.path().join(cwd));
    if let Some(value) = env_var {
        cmd.env("CTG_PLAN", value);
    }
    let out = cmd
        .args(plan_args)
        .args([
            "--as-of",
            "2025-06-30",
            "record",
            "2.1.1",
            "--date",
            "2025-06-12",
            "--progress",
            "40",
            "--note",
            "x",
            "--commit",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{cwd} {plan_args:?}: {stderr}");
    let after = env.git(&["rev-list", "--count", "HEAD"]);
    assert_eq!(
        after.trim().parse::<u32>().unwrap(),
        before.trim().parse::<u32>().unwrap() + 1,
        "{cwd} {plan_args:?}: one commit"
    );
    assert_eq!(
        env.git(&["show", "--name-only", "--format=", "HEAD"]),
        format!("{SHEET}\n"),
        "{cwd} {plan_args:?}: the commit holds that sheet only"
    );
    assert_eq!(
        env.git(&["status", "--porcelain"]),
        "",
        "{cwd} {plan_args:?}: nothing left uncommitted"
    );
}

#[test]
fn record_commit_with_a_relative_plan_path() {
    records_and_commits(".", &["--plan", "plan"], None);
    records_and_commits(".", &["--plan", "./plan"], None);
    records_and_commits(".", &[], Some("plan"));
    records_and_commits("plan/actions", &["--plan", ".."], None);
    records_and_commits("plan", &["--plan", "."], None);
}

#[test]
fn the_repository_root_is_a_plan_folder_too() {
    records_and_commits(".", &["--plan", "."], None);
    let env = TestEnv::demo();
    let run = env.run(&["--plan", ".", "validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = env
        .command()
        .env("CTG_PLAN", env.dir.path())
        .args(["--as-of", "2025-06-30", "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_folder_without_a_plan_is_named_once() {
    let env = TestEnv::demo();
    std::fs::create_dir(env.dir.path().join("empty")).unwrap();
    let run = env.run(&["--plan", "empty", "status"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "ctg: `empty` holds no plan: neither convention.yaml nor plan/convention.yaml\n",
        "no plan to take the language from, no locale: English"
    );
}

//! `ctg renew`: the draft of the next convention from a copy of the demo plan.

use crate::common::{TestEnv, tree};
use std::path::{Path, PathBuf};

/// The ids of the sheets written in `dir/actions`, sorted.
fn sheet_ids(dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = match std::fs::read_dir(dir.join("actions")) {
        Ok(entries) => entries
            .filter_map(|e| {
                let name = e.unwrap().file_name().to_string_lossy().into_owned();
                name.strip_suffix(".yaml").map(str::to_string)
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    ids.sort();
    ids
}

fn renew(env: &TestEnv, extra: &[&str]) -> crate::common::Run {
    let mut args = vec![
        "--plan", "plan", "renew", "next", "--from", "2027", "--to", "2031",
    ];
    args.extend_from_slice(extra);
    env.run(&args)
}

fn next(env: &TestEnv) -> PathBuf {
    env.dir.path().join("next")
}

#[test]
fn the_draft_validates_at_once() {
    let env = TestEnv::demo();
    let run = renew(&env, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("écrit\u{a0}: next (14 fichiers)"),
        "{}",
        run.stderr
    );
    let check = env.run(&["--plan", "next", "validate"]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert_eq!(
        env.run(&["--plan", "next", "status"]).code,
        0,
        "the carried milestones without due dates are shown"
    );
    assert_eq!(
        std::fs::read_to_string(next(&env).join(".gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some(".ctg.lock")
    );
}

#[test]
fn carries_exactly_the_sheets_unfinished_at_the_period_end() {
    let env = TestEnv::demo();
    let status = env.run_as_of(
        "2026-12-31",
        &["--plan", "plan", "status", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let mut expected: Vec<String> = Vec::new();
    for axis in doc["axes"].as_array().unwrap() {
        for objective in axis["objectives"].as_array().unwrap() {
            for sheet in objective["sheets"].as_array().unwrap() {
                if !["done", "abandoned"].contains(&sheet["status"].as_str().unwrap()) {
                    expected.push(sheet["id"].as_str().unwrap().to_string());
                }
            }
        }
    }
    expected.sort();
    assert!(!expected.is_empty() && expected.len() < 6);
    let run = renew(&env, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(sheet_ids(&next(&env)), expected);
    assert!(run.stdout.contains(&format!("{} sur 6", expected.len())));
}

#[test]
fn an_indicator_starts_from_its_last_measure() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.1.1-navette.yaml",
        "    measures: {trajets: 210}\n",
        "    measures: {trajets: 210}\n  - date: 2026-03-01\n    measures: {trajets: 333}\n  - date: 2026-02-01\n    note: Sans mesure\n",
    );
    let run = renew(&env, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read =
        |id: &str| std::fs::read_to_string(next(&env).join(format!("actions/{id}.yaml"))).unwrap();
    let navette = read("1.1.1");
    assert!(
        navette.contains("    baseline: {year: 2026, value: 333}\n"),
        "{navette}"
    );
    assert!(!navette.contains("targets"), "{navette}");
    assert!(read("1.2.1").contains("    baseline: {year: 2025, value: 1.5}\n"));
    assert!(
        read("2.1.1").contains("    baseline: {year: 2023, value: 0}\n"),
        "never measured: the old baseline stays"
    );
}

#[test]
fn carry_all_or_none() {
    let env = TestEnv::demo();
    let run = renew(&env, &["--carry", "all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        sheet_ids(&next(&env)),
        ["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2", "2.2.1"]
    );
    assert_eq!(env.run(&["--plan", "next", "validate"]).code, 0);

    let env = TestEnv::demo();
    let run = renew(&env, &["--carry", "none"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(sheet_ids(&next(&env)).is_empty());
    assert!(next(&env).join("actions/.gitkeep").is_file());
    assert!(run.stdout.contains("0 sur 6"), "{}", run.stdout);
    assert_eq!(env.run(&["--plan", "next", "validate"]).code, 0);
}

#[test]
fn a_folder_that_holds_a_plan_is_refused_untouched() {
    let env = TestEnv::demo();
    let before = tree(env.dir.path());
    for target in ["plan", "."] {
        let run = env.run(&[
            "--plan", "plan", "renew", target, "--from", "2027", "--to", "2031",
        ]);
        assert_eq!(run.code, 1, "{target}: {}", run.transcript());
        assert!(
            run.stderr.ends_with(&format!(
                "ctg: `{target}` contient déjà un plan\u{a0}: un nouveau plan va dans un dossier qui n'en a pas\u{a0}; rien n'a été écrit\n"
            )),
            "{}",
            run.stderr
        );
        assert_eq!(tree(env.dir.path()), before, "{target}: a byte changed");
    }
}

/// A period beyond the years a plan holds (3500 used to make a draft that
/// would not validate) is refused before any draft, nothing left.
#[test]
fn a_renewal_beyond_the_years_of_a_plan_leaves_nothing() {
    let env = TestEnv::demo();
    let run = env.run(&[
        "--plan", "plan", "renew", "a/b", "--from", "2027", "--to", "3500",
    ]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("3500 n'est pas une année de plan"),
        "{}",
        run.stderr
    );
    assert!(!env.dir.path().join("a").exists());
}

#[test]
fn schema_lines_point_at_the_new_plans_own_schemas() {
    let env = TestEnv::demo();
    let sheet = env.read("actions/1.1.1-navette.yaml");
    let line = sheet.lines().next().unwrap_or_default();
    assert!(
        line.starts_with("# yaml-language-server: $schema="),
        "{line}"
    );
    assert_eq!(renew(&env, &[]).code, 0);
    // Each file's line, resolved from its own folder, names a schema that
    // the new plan holds (the old relative path would not hold there).
    for (rel, expected) in [
        ("actions/1.1.1.yaml", "../schema/sheet.schema.json"),
        ("convention.yaml", "schema/convention.schema.json"),
        ("partners.yaml", "schema/partners.schema.json"),
        ("axes.yaml", "schema/axes.schema.json"),
        ("tracks.yaml", "schema/tracks.schema.json"),
    ] {
        let path = next(&env).join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            format!("# yaml-language-server: $schema={expected}"),
            "{rel}"
        );
        let schema = path.parent().unwrap().join(expected);
        assert!(schema.is_file(), "{rel}: {} is missing", schema.display());
    }
    let new = std::fs::read_to_string(next(&env).join("actions/1.1.1.yaml")).unwrap();
    assert!(
        new.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("# Reprise")),
        "{new}"
    );
}

#[test]
fn the_written_convention_and_a_carried_sheet() {
    let env = TestEnv::demo();
    assert_eq!(renew(&env, &[]).code, 0);
    let read = |rel: &str| std::fs::read_to_string(next(&env).join(rel)).unwrap();
    insta::assert_snapshot!("renew_convention", read("convention.yaml"));
    insta::assert_snapshot!("renew_sheet", read("actions/1.1.1.yaml"));
}

#[cfg(unix)]
#[test]
fn a_linked_actions_folder_is_not_written_through() {
    let env = TestEnv::demo();
    let elsewhere = env.dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::create_dir_all(next(&env)).unwrap();
    std::os::unix::fs::symlink(&elsewhere, next(&env).join("actions")).unwrap();
    let before = tree(env.dir.path());
    let run = renew(&env, &[]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.contains("ctg ne remplace pas de fichier"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(env.dir.path()), before);
}

/// Issue 20, item 17: a new period that overlaps the current one, or
/// leaves years between them, is accepted with a warning on stderr in the
/// session's language; the usual one, the year after, says nothing.
#[test]
fn a_period_that_overlaps_or_leaves_a_gap_is_warned() {
    let env = TestEnv::demo();
    let run = |dir: &str, from: &str, to: &str, lang: &str| {
        let run = env.run(&[
            "-q", "--lang", lang, "renew", dir, "--from", from, "--to", to,
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stderr
    };
    insta::assert_snapshot!(run("overlap", "2026", "2030", "fr"), @r"
    écrit : overlap (14 fichiers)
    avertissement : la nouvelle période chevauche celle de la convention en cours en 2026 : deux conventions couvriraient les mêmes années ; vérifiez --from et --to
    ");
    insta::assert_snapshot!(run("gap", "2030", "2034", "en"), @r"
    written: gap (14 files)
    warning: the new period leaves 2027-2029 between the two conventions, covered by neither; the usual start is --from 2027
    ");
    let usual = run("usual", "2027", "2031", "fr");
    assert!(!usual.contains("avertissement"), "{usual}");
}

/// A first-week finding: `renew ../ctg-2027` typed from `plan/actions/`
/// wrote the new plan inside the old one. Any folder inside the plan is
/// refused, nothing written.
#[test]
fn the_new_plan_is_never_written_inside_the_old_one() {
    let env = TestEnv::demo();
    let run = env.run(&["renew", "plan/ctg-2027", "--from", "2027", "--to", "2031"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("dans le dossier du plan `plan`"),
        "{}",
        run.stderr
    );
    assert!(!env.path("ctg-2027").exists());
}

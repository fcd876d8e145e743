//! `ctg portfolio` on generated plans: three that validate and one that does not.

use crate::generate;

use crate::common::TestEnv;
use generate::{Spec, write_plans};
use serde_json::Value;

const SPEC: Spec = Spec {
    seed: 11,
    plans: 4,
    sheets: 9,
    entries: 12,
    milestones: 2,
    indicators: 1,
};

/// `<tmp>/dept` with four generated plans, the fourth made invalid: one of
/// its sheets is led by a partner the plan does not know.
fn department() -> TestEnv {
    let env = TestEnv::empty();
    let dept = env.dir.path().join("dept");
    write_plans(&dept, &SPEC).unwrap();
    let sheet = dept.join("plan-0004/actions/1.1.1.yaml");
    let text = std::fs::read_to_string(&sheet).unwrap();
    let lead = text.lines().find(|l| l.starts_with("lead: ")).unwrap();
    std::fs::write(&sheet, text.replacen(lead, "lead: inconnu", 1)).unwrap();
    env
}

fn json(env: &TestEnv, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["-q", "portfolio", "dept", "--format", "json"];
    args.extend(extra);
    let run = env.run(&args);
    (run.code, serde_json::from_str(&run.stdout).unwrap())
}

#[test]
fn one_row_per_plan_and_a_totals_row_and_the_broken_plan_exits_1() {
    let env = department();
    let run = env.run(&["portfolio", "dept"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("portfolio_department_fr", run.transcript());
    let csv = env.run(&["--lang", "en", "portfolio", "dept", "--format", "csv"]);
    let rows: Vec<&str> = csv.stdout.lines().collect();
    // Flat: the plans alone, their totals left to a pivot table.
    assert_eq!(rows.len(), 1 + 4, "header, four plans");
    for (row, plan) in rows[1..5]
        .iter()
        .zip(["plan-0001", "plan-0002", "plan-0003", "plan-0004"])
    {
        assert!(row.starts_with(&format!("dept/{plan},CC ")), "{row}");
    }
    let sheets: u32 = rows[1..5]
        .iter()
        .filter_map(|r| r.split(',').nth(4)?.parse::<u32>().ok())
        .sum();
    assert_eq!(sheets, 27, "the total of the terminal's totals row");
}

#[test]
fn the_broken_plan_shows_its_error_count_and_first_error_in_the_session_language() {
    let env = department();
    let (code, doc) = json(&env, &[]);
    assert_eq!(code, 1);
    let broken = &doc["plans"][3];
    assert_eq!(broken["errors"], 1);
    assert_eq!(broken["rollup"], Value::Null);
    assert_eq!(broken["first_error"]["code"], "unknown-partner");
    assert_eq!(broken["first_error"]["file"], "actions/1.1.1.yaml");
    assert_eq!(
        broken["first_error"]["message"],
        "partenaire inconnu `inconnu`"
    );
    let en = env.run(&["--lang", "en", "portfolio", "dept", "--format", "csv"]);
    assert!(
        en.stdout
            .lines()
            .any(|row| row.starts_with("dept/plan-0004,")
                && row.ends_with(",1,actions/1.1.1.yaml:4: unknown partner `inconnu`")),
        "{}",
        en.stdout
    );
    assert!(
        en.stderr
            .contains("1 plan has errors: `ctg validate --plan dept/plan-0004` gives the details"),
        "{}",
        en.stderr
    );
}

#[test]
fn totals_add_up_the_valid_plans() {
    let (_, doc) = json(&department(), &[]);
    let plans = doc["plans"].as_array().unwrap();
    let sum = |key: &str| -> u64 {
        plans[..3]
            .iter()
            .map(|p| p["rollup"][key].as_u64().unwrap())
            .sum()
    };
    let total = &doc["total"]["rollup"];
    assert_eq!(total["sheets"], 27);
    assert_eq!(total["late"].as_u64().unwrap(), sum("late"));
    assert_eq!(total["stale"].as_u64().unwrap(), sum("stale"));
    assert_eq!(doc["total"]["errors"], 1);
    let done: u64 = plans[..3]
        .iter()
        .map(|p| p["rollup"]["by_status"]["done"].as_u64().unwrap())
        .sum();
    let rate = total["completion_rate"].as_f64().unwrap();
    assert!((rate - 100.0 * done as f64 / 27.0).abs() < 1e-9);
}

#[test]
fn late_lists_the_late_sheets_plan_by_plan() {
    let env = department();
    let (_, all) = json(&env, &[]);
    let (_, late) = json(&env, &["--late"]);
    for (plan, listed) in all["plans"].as_array().unwrap()[..3]
        .iter()
        .zip(late["plans"].as_array().unwrap())
    {
        let sheets = listed["sheets"].as_array().unwrap();
        assert_eq!(
            sheets.len() as u64,
            plan["rollup"]["late"].as_u64().unwrap()
        );
        assert!(sheets.iter().all(|s| s["late"] == true));
    }
    let csv = env.run(&[
        "--lang",
        "en",
        "portfolio",
        "dept",
        "--late",
        "--stale",
        "--format",
        "csv",
    ]);
    let rows: Vec<&str> = csv.stdout.lines().skip(1).collect();
    assert!(!rows.is_empty());
    assert!(rows.windows(2).all(|w| w[0] <= w[1]), "plan by plan");
}

#[test]
fn a_folder_without_plans_is_refused() {
    let env = TestEnv::empty();
    std::fs::create_dir(env.dir.path().join("vide")).unwrap();
    let run = env.run(&["portfolio", "vide"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("`vide` holds no plan, neither itself nor in its sub-folders"),
        "{}",
        run.stderr
    );
}

#[test]
fn generated_plans_are_the_same_for_a_seed_and_validate() {
    let env = TestEnv::empty();
    let spec = Spec { plans: 2, ..SPEC };
    write_plans(&env.dir.path().join("a"), &spec).unwrap();
    write_plans(&env.dir.path().join("b"), &spec).unwrap();
    for file in ["convention.yaml", "axes.yaml", "actions/2.3.1.yaml"] {
        let read = |root: &str| {
            std::fs::read(env.dir.path().join(root).join("plan-0002").join(file)).unwrap()
        };
        assert_eq!(read("a"), read("b"), "{file}");
    }
    let run = env.run(&["--plan", "a/plan-0001", "validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("27 fiches") || run.stdout.contains("9 fiches"));
}

#[test]
fn a_plan_folder_counts_as_one_plan_beside_a_folder_of_plans_and_once() {
    let env = department();
    let run = env.run(&[
        "--lang",
        "en",
        "-q",
        "portfolio",
        "dept/plan-0002",
        "dept",
        "--format",
        "csv",
    ]);
    let folders: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|row| row.split(',').next().unwrap_or_default())
        .collect();
    assert_eq!(
        folders,
        [
            "dept/plan-0002",
            "dept/plan-0001",
            "dept/plan-0003",
            "dept/plan-0004",
        ]
    );
}

/// A plan folder that lost its `convention.yaml` is a row saying so, not a
/// plan silently left out; the closing line names the plans to look at.
#[test]
fn a_plan_without_its_convention_is_a_row_and_named_at_the_end() {
    let env = department();
    std::fs::remove_file(env.dir.path().join("dept/plan-0003/convention.yaml")).unwrap();
    let (code, doc) = json(&env, &[]);
    assert_eq!(code, 1);
    let plans = doc["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 4, "{doc:#}");
    let third = &plans[2];
    assert_eq!(third["folder"], "dept/plan-0003");
    assert_eq!(third["first_error"]["file"], "convention.yaml");
    let run = env.run(&["portfolio", "dept"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("2 plans ont des erreurs (dept/plan-0003, dept/plan-0004)"),
        "{}",
        run.stderr
    );
}

/// `portfolio` reads the folders after it: `--plan` is refused, not ignored.
#[test]
fn plan_option_is_refused() {
    let env = department();
    let run = env.run(&["--plan", "dept/plan-0001", "portfolio", "dept"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not --plan"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

/// Plans side by side may speak several languages: a French session is
/// French even when the first plan is English; without a locale, the
/// first plan's language speaks.
#[test]
fn the_session_locale_speaks_before_the_first_plan() {
    let env = department();
    let convention = env.dir.path().join("dept/plan-0001/convention.yaml");
    let text = std::fs::read_to_string(&convention).unwrap();
    std::fs::write(&convention, text.replace("language: fr", "language: en")).unwrap();
    let french = env.run_with_env(&[("LANG", "fr_FR.UTF-8")], &["-q", "portfolio", "dept"]);
    assert!(
        french.stdout.contains("Plans côte à côte"),
        "{}",
        french.stdout
    );
    let english = env.run(&["-q", "portfolio", "dept"]);
    assert!(
        english.stdout.contains("Plans side by side"),
        "{}",
        english.stdout
    );
}

/// Issue 20, item 10: the warning count of `portfolio` names the plans
/// that have warnings, with the `--plan` that shows them.
#[test]
fn the_warning_count_names_the_plans_to_validate() {
    let env = TestEnv::demo();
    let run = env.run(&["portfolio", "plan", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stderr, @"1 avertissement : lancez `ctg validate --plan plan`");
    let department = department();
    let run = department.run(&["--lang", "en", "portfolio", "dept", "--format", "csv"]);
    let told = run.stderr.lines().find(|l| l.contains("warnings"));
    insta::assert_snapshot!(told.unwrap_or_default(), @"7 warnings in 4 plans (dept/plan-0001, dept/plan-0002, dept/plan-0003, dept/plan-0004): `ctg validate --plan DIR` shows those of each");
}

/// Issue 21, item 18: a plan folder that may not be read (`chmod 000`) is
/// a row that says so, and the run exits 1, rather than a plan left out
/// in silence (even for the superuser, who could read it anyway).
#[test]
fn an_unreadable_plan_folder_is_a_row_that_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let env = department();
    let locked = env.dir.path().join("dept/plan-0002");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let run = env.run(&["--lang", "en", "portfolio", "dept", "--format", "csv"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(run.code, 1, "{}", run.transcript());
    let row = run
        .stdout
        .lines()
        .find(|l| l.starts_with("dept/plan-0002,"))
        .unwrap_or_else(|| panic!("the locked plan is a row: {}", run.stdout));
    assert!(row.contains("unreadable"), "{row}");
}

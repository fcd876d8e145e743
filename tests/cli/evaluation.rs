//! `ctg evaluation`: figures cross-checked against `status`, `report` and
//! `summary`, hand-computed indicators, the default as-of date, every format.

use crate::common::TestEnv;
use crate::report::{assert_accessible_page, assert_chromium_shows, file_names};
use serde_json::Value;

fn json(env: &TestEnv, as_of: &str, args: &[&str]) -> Value {
    let run = env.run_as_of(as_of, args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn by_id<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

/// The evaluation as of `as_of` against `status`, `report YEAR` and
/// `summary` as of the same day: sheet by sheet and in total.
fn cross_check(as_of: &str, year: &str) {
    let env = TestEnv::demo();
    let e = json(&env, as_of, &["evaluation", "--format", "json"]);
    let status = json(&env, as_of, &["status", "--format", "json"]);
    let report = json(&env, as_of, &["report", year, "--format", "json"]);
    let summary = json(&env, as_of, &["summary", "--format", "json"]);
    assert_eq!(e["version"], 1);
    assert_eq!(e["as_of"], as_of);
    let status_sheets: Vec<&Value> = status["axes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["objectives"].as_array().unwrap())
        .flat_map(|o| o["sheets"].as_array().unwrap())
        .collect();
    let sheets = e["sheets"].as_array().unwrap();
    assert_eq!(sheets.len(), status_sheets.len());
    for (mine, theirs) in sheets.iter().zip(&status_sheets) {
        for key in [
            "id",
            "status",
            "health",
            "progress",
            "late",
            "stale",
            "started",
            "completed",
        ] {
            assert_eq!(mine[key], theirs[key], "{key} of {}", mine["id"]);
        }
        let detail = by_id(&report["detail"], mine["id"].as_str().unwrap());
        for key in ["status", "health", "progress"] {
            assert_eq!(mine[key], detail[key], "{key} of {} in report", mine["id"]);
        }
        let m = &mine["milestones"];
        if theirs["next_milestone"]["overdue"] == true {
            assert!(m["missed"].as_u64().unwrap() >= 1, "{}", mine["id"]);
            assert_eq!(mine["late"], true);
        }
        if theirs["next_milestone"].is_null() {
            assert_eq!(
                (m["missed"].as_u64(), m["to_come"].as_u64()),
                (Some(0), Some(0))
            );
        }
    }
    let total = &e["outcome"]["total"];
    assert_eq!(
        total["rollup"], status["total"],
        "total rollup = status total"
    );
    let synthesis = &report["synthesis"]["total"];
    for key in [
        "done",
        "abandoned",
        "alert",
        "not_started",
        "in_progress",
        "completion_rate",
        "mean_progress",
    ] {
        let mine = total.get(key).unwrap_or(&total["rollup"][key]);
        assert_eq!(mine, &synthesis[key], "total {key} = report synthesis");
    }
    let axes: Vec<&Value> = e["outcome"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["level"] == "axis")
        .collect();
    for (mine, theirs) in axes
        .iter()
        .zip(report["synthesis"]["axes"].as_array().unwrap())
    {
        assert_eq!(mine["id"], theirs["axis"]);
        for key in ["done", "abandoned", "alert", "not_started", "in_progress"] {
            assert_eq!(mine[key], theirs[key], "axis {} {key}", mine["id"]);
        }
        assert_eq!(mine["rollup"]["sheets"], theirs["sheets"]);
        assert_eq!(mine["rollup"]["mean_progress"], theirs["mean_progress"]);
    }
    assert_eq!(
        e["trajectory"], summary["blocks"][0],
        "trajectory = summary"
    );
    // Milestones reached by D, on time or late, are those the summary counts year by year.
    let reached: u64 = sheets
        .iter()
        .map(|s| {
            s["milestones"]["on_time"].as_u64().unwrap() + s["milestones"]["late"].as_u64().unwrap()
        })
        .sum();
    let counted: u64 = summary["blocks"][0]["years"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|y| y["figures"]["milestones_reached"].as_u64())
        .sum();
    assert_eq!(reached, counted);
}

#[test]
fn evaluation_agrees_with_status_report_and_summary_mid_period() {
    cross_check("2025-06-30", "2025");
}

#[test]
fn evaluation_agrees_with_status_report_and_summary_at_the_period_end() {
    cross_check("2026-12-31", "2026");
}

/// examples/demo/, as of 30/06/2025, worked out by hand.
#[test]
fn evaluation_matches_hand_computed_figures() {
    let env = TestEnv::demo();
    let e = json(&env, "2025-06-30", &["evaluation", "--format", "json"]);
    // trajets (1.1.1, up): baseline 120 in 2023; measures 140 (20/11/2023),
    // 280 (10/12/2024), 210 (15/05/2025). Last value 210; the last target is
    // 600 for 2026: gap 210 − 600 = −390; % of target 100 × 210 ÷ 600 = 35;
    // 210 < 600, so not met.
    let trajets = by_id(&e["indicators"], "trajets");
    assert_eq!(
        trajets["baseline"],
        serde_json::json!({"year": 2023, "value": 120.0})
    );
    assert_eq!(
        trajets["last"],
        serde_json::json!({"date": "2025-05-15", "value": 210.0})
    );
    assert_eq!(
        trajets["target"],
        serde_json::json!({"year": 2026, "value": 600.0})
    );
    assert_eq!(
        (
            trajets["gap"].as_f64(),
            trajets["percent_of_target"].as_f64()
        ),
        (Some(-390.0), Some(35.0))
    );
    let years: Vec<Value> = trajets["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["value"].clone())
        .collect();
    assert_eq!(
        years,
        [140.0.into(), 280.0.into(), 210.0.into(), Value::Null]
    );
    assert_eq!(trajets["met"], false);
    // kilometres (1.2.1, up): no baseline; one measure, 1.5 on 10/04/2025; the
    // last target is 9 (2026): gap 1.5 − 9 = −7.5; % 100 × 1.5 ÷ 9 = 16.67.
    let km = by_id(&e["indicators"], "kilometres");
    assert_eq!(km["baseline"], Value::Null);
    assert_eq!(km["gap"], -7.5);
    assert!((km["percent_of_target"].as_f64().unwrap() - 150.0 / 9.0).abs() < 1e-9);
    assert_eq!(km["met"], false);
    // places (2.1.1): never measured, so no gap and no verdict.
    let places = by_id(&e["indicators"], "places");
    assert_eq!(
        (&places["last"], &places["gap"], &places["met"]),
        (&Value::Null, &Value::Null, &Value::Null)
    );
    // 1.1.2 done on 05/11/2024, schedule ending 2024: on time; its maquette
    // (due 31/03/2024) reached on 20/03/2024.
    let guide = by_id(&e["sheets"], "1.1.2");
    assert_eq!(guide["on_time"], "yes");
    assert_eq!(guide["milestones"]["on_time"], 1);
    // 2.2.1 abandoned, schedule ended 2024: not on time; 1.1.1 still open.
    assert_eq!(by_id(&e["sheets"], "2.2.1")["on_time"], "no");
    assert_eq!(by_id(&e["sheets"], "1.1.1")["on_time"], "not-yet-due");
    // 1.2.1: etude reached on 25/06/2024 before its due date; travaux (due
    // 31/03/2025) never reached; 3 entries, the last note on 10/04/2025.
    let velo = by_id(&e["sheets"], "1.2.1");
    assert_eq!(
        velo["milestones"],
        serde_json::json!({"on_time": 1, "late": 0, "missed": 1, "to_come": 0})
    );
    assert_eq!(velo["entries"], 3);
    assert_eq!(velo["last_note"]["text"], "Désaccord foncier sur 800 m");
    let points: Vec<(String, String)> = e["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap().into(),
                a["sheet"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected = [
        ("never-started", "2.1.1"),
        ("never-started", "2.1.2"),
        ("stopped", "1.2.1"),
        ("short-of-target", "1.1.1"),
        ("short-of-target", "1.2.1"),
        ("milestone-missed", "1.2.1"),
        // 2.1.1's `fonctionnement` line: 30 000 planned for 2026, nothing spent.
        ("never-spent", "2.1.1"),
    ];
    assert_eq!(
        points,
        expected.map(|(k, s)| (k.to_string(), s.to_string()))
    );
}

#[test]
fn a_down_indicator_meets_its_target_from_below() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.1.1-navette.yaml",
        "direction: up",
        "direction: down",
    );
    let e = json(&env, "2025-06-30", &["evaluation", "--format", "json"]);
    // down: 210 ≤ 600 meets the target.
    assert_eq!(by_id(&e["indicators"], "trajets")["met"], true);
}

#[test]
fn the_as_of_date_defaults_to_the_earlier_of_the_period_end_and_today() {
    let env = TestEnv::demo();
    let as_of = |epoch: &str, extra: &[&str]| -> Value {
        let mut args = vec!["evaluation", "--format", "json"];
        args.extend(extra);
        let run = env.run_with_env(&[("SOURCE_DATE_EPOCH", epoch)], &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str::<Value>(&run.stdout).unwrap()["as_of"].clone()
    };
    // Today 01/07/2025, within the period.
    assert_eq!(as_of("1751328000", &[]), "2025-07-01");
    // Today 01/01/2028, after the period (2023-2026): its last day.
    assert_eq!(as_of("1830297600", &[]), "2026-12-31");
    // An explicit --as-of wins.
    assert_eq!(
        as_of("1830297600", &["--as-of", "2027-03-01"]),
        "2027-03-01"
    );
}

#[test]
fn evaluation_html_is_an_accessible_escaped_page() {
    let env = TestEnv::demo();
    crate::report::inject_script(
        &env,
        "actions/1.1.1-navette.yaml",
        "Campagne de recrutement lancée",
    );
    let run = env.run(&["evaluation", "--output", "evaluation.html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = env.dir.path().join("evaluation.html");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("<title>Évaluation finale — Convention territoriale globale du Val de Lune (exemple fictif)</title>"));
    assert_accessible_page(&html, 6);
    let gantt = html.find("<svg").map(|at| &html[at..]).unwrap_or_default();
    assert!(
        gantt.contains(">Les fiches actions sur la période</title>") && gantt.contains("<desc"),
        "the Gantt of the period, with a text alternative, as in the annual review"
    );
    assert!(!html.contains("<script"), "no script");
    assert_chromium_shows(
        &path,
        &[
            "<caption>Résultats par axe et objectif</caption>",
            "<caption>Points d'attention</caption>",
        ],
    );
}

#[test]
fn evaluation_csv_xlsx_and_refusals() {
    use calamine::{Reader, Xlsx, open_workbook};
    let env = TestEnv::demo();
    let run = env.run(&["evaluation", "--format", "csv", "--output", "eval"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        file_names(&env.dir.path().join("eval")),
        [
            "attention.csv",
            "fiches.csv",
            "indicateurs.csv",
            "moyens.csv",
            "resultats.csv",
            "trajectoire.csv"
        ]
    );
    let args = "evaluation --lang en --format csv --table indicators";
    let one = env.run(&args.split(' ').collect::<Vec<_>>());
    assert!(
        one.stdout.contains("1.1.1,Trajets assurés par an,trajets,120,2023,210,2025-05-15,600,2026,-390,35,140,280,210,,no"),
        "{}",
        one.stdout
    );
    assert_eq!(
        env.run(&["evaluation", "--format", "csv"]).code,
        2,
        "csv needs a folder"
    );
    assert_eq!(
        env.run(&["evaluation", "--format", "xlsx"]).code,
        2,
        "xlsx needs --output"
    );
    assert_eq!(env.run(&["evaluation", "--output", "eval.svg"]).code, 2);
    assert_eq!(env.run(&["evaluation", "--output", "eval.xlsx"]).code, 0);
    let book: Xlsx<_> = open_workbook(env.dir.path().join("eval.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Résultats par axe et objectif",
            "Bilan par fiche action",
            "Indicateurs, référence et cible",
            "Trajectoire, année par année",
            "Moyens",
            "Points d'attention"
        ]
    );
}

#[test]
fn evaluation_outputs_are_pinned() {
    let env = TestEnv::demo();
    insta::assert_snapshot!("evaluation_fr", env.run(&["evaluation"]).transcript());
    insta::assert_snapshot!(
        "evaluation_markdown_en",
        env.run(&["evaluation", "--format", "markdown", "--lang", "en"])
            .stdout
    );
}

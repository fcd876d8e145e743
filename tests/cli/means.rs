//! The reference test of the means (spec section 11): on the demo plan at
//! three as-of dates, the euros planned and spent, and the execution rate,
//! as `budget`, `report`, `evaluation`, `summary` and `portfolio` give them
//! in JSON, agree with each other and with the hand computation below.
//!
//! The demo's budget lines (examples/demo/actions/1.1.1-navette.yaml and
//! 2.1.1.yaml), planned by year and spent by dated entry:
//!
//! - 1.1.1 `subvention-ccvl` (ccvl, operating): planned 2023 10 000,
//!   2024 12 000, 2025 12 000, 2026 12 000; spent 2023-04-12 5 000,
//!   2023-11-20 5 000, 2024-12-10 12 000, 2025-05-15 6 000.
//! - 1.1.1 `caf-ps` (caf-exemple, operating): planned 2024, 2025, 2026
//!   2 500.50 each; spent 2024-12-10 2 500.50.
//! - 2.1.1 `caf-investissement` (caf-exemple, investment): planned 2024
//!   40 000, 2026 60 000; spent 2024-09-12 12 000.
//! - 2.1.1 `fonctionnement` (ccvl, operating): planned 2026 30 000; never
//!   spent.
//!
//! Planned over the period, whatever the date:
//! 10 000 + 12 000 + 12 000 + 12 000 + 3 × 2 500.50 + 40 000 + 60 000 + 30 000 = 183 501.50.

use crate::common::TestEnv;
use serde_json::Value;

/// `ctg --as-of DATE ARGS --format json`, parsed.
fn json(env: &TestEnv, as_of: &str, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = env.run_as_of(as_of, &all);
    assert_eq!(run.code, 0, "{all:?}: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// Planned, spent, execution.
type Figures = (Option<f64>, f64, Option<f64>);

/// `{planned, spent, execution}` as numbers (`None` for a null).
fn figures(v: &Value) -> Figures {
    (
        v["planned"].as_f64(),
        v["spent"].as_f64().unwrap(),
        v["execution"].as_f64(),
    )
}

/// The year `year` of the summary's whole-plan block.
fn summary_year(summary: &Value, year: i64) -> Value {
    summary["blocks"][0]["years"]
        .as_array()
        .unwrap()
        .iter()
        .find(|y| y["year"] == year)
        .unwrap()["means"]
        .clone()
}

#[test]
fn budget_report_evaluation_summary_and_portfolio_agree_with_the_hand_computation() {
    let env = TestEnv::demo();
    // (as-of date, the year reviewed, its planned, its spent, its rate,
    //  spent over the period, rate over the period)
    let cases = [
        // 2023-12-31. Year 2023: planned 10 000; spent 5 000 + 5 000 =
        // 10 000; 100 %. Period: spent 10 000; 10 000 / 183 501.50 = 5.4 %.
        ("2023-12-31", 2023, 10_000.0, 10_000.0, 100.0, 10_000.0, 5.4),
        // 2024-12-31. Year 2024: planned 12 000 + 2 500.50 + 40 000 =
        // 54 500.50; spent 12 000 + 2 500.50 + 12 000 = 26 500.50; 48.6 %.
        // Period: spent 10 000 + 26 500.50 = 36 500.50; 19.9 %.
        ("2024-12-31", 2024, 54_500.5, 26_500.5, 48.6, 36_500.5, 19.9),
        // 2025-06-30. Year 2025: planned 12 000 + 2 500.50 = 14 500.50;
        // spent 6 000 (the first instalment); 41.4 %. Period: spent
        // 36 500.50 + 6 000 = 42 500.50; 23.2 %.
        ("2025-06-30", 2025, 14_500.5, 6_000.0, 41.4, 42_500.5, 23.2),
    ];
    for (as_of, year, planned, spent, rate, period_spent, period_rate) in cases {
        let y = year.to_string();
        let in_year = (Some(planned), spent, Some(rate));
        let over_period = (Some(183_501.5), period_spent, Some(period_rate));

        let budget = json(&env, as_of, &["budget"]);
        assert_eq!(figures(&budget["total"]["total"]), over_period, "{as_of}");
        let budget_year = json(&env, as_of, &["budget", "--year", &y]);
        assert_eq!(figures(&budget_year["total"]["total"]), in_year, "{as_of}");

        let report = json(&env, as_of, &["report", &y]);
        assert_eq!(
            figures(&report["funding"]["total"]["total"]),
            in_year,
            "{as_of}"
        );

        let evaluation = json(&env, as_of, &["evaluation"]);
        assert_eq!(figures(&evaluation["means"]["total"]["total"]), over_period);

        let summary = json(&env, as_of, &["summary"]);
        assert_eq!(figures(&summary_year(&summary, year.into())), in_year);
        // A year after the date has no figures.
        if year < 2026 {
            assert!(summary_year(&summary, (year + 1).into()).is_null());
        }

        let portfolio = json(&env, as_of, &["portfolio", "plan"]);
        assert_eq!(figures(&portfolio["plans"][0]["means"]), over_period);
        assert_eq!(figures(&portfolio["total"]["means"]), over_period);
    }
}

#[test]
fn funders_and_natures_share_the_period_totals() {
    let env = TestEnv::demo();
    let budget = json(&env, "2025-06-30", &["budget"]);
    let groups = |key: &str| -> Vec<(String, Figures)> {
        budget[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (g["id"].as_str().unwrap().to_string(), figures(&g["total"])))
            .collect()
    };
    assert_eq!(
        groups("funders"),
        [
            // ccvl: planned 46 000 + 30 000 = 76 000; spent 28 000; 36.8 %.
            ("ccvl".to_string(), (Some(76_000.0), 28_000.0, Some(36.8))),
            // caf-exemple: planned 7 501.50 + 100 000 = 107 501.50; spent
            // 2 500.50 + 12 000 = 14 500.50; 13.5 %.
            (
                "caf-exemple".to_string(),
                (Some(107_501.5), 14_500.5, Some(13.5))
            ),
        ]
    );
    assert_eq!(
        groups("natures"),
        [
            // operating: 46 000 + 7 501.50 + 30 000 = 83 501.50 planned;
            // 28 000 + 2 500.50 = 30 500.50 spent; 36.5 %.
            (
                "operating".to_string(),
                (Some(83_501.5), 30_500.5, Some(36.5))
            ),
            // investment: 100 000 planned, 12 000 spent, 12 %.
            (
                "investment".to_string(),
                (Some(100_000.0), 12_000.0, Some(12.0))
            ),
        ]
    );
    // The CAF's share of what was planned: 107 501.50 / 183 501.50 = 58.6 %.
    let caf = &budget["funders"][1];
    assert_eq!(
        caf["share_planned"]
            .as_f64()
            .map(|s| (s * 10.0).round() / 10.0),
        Some(58.6)
    );
    // The line never spent is a point of attention of the evaluation.
    let evaluation = json(&env, "2025-06-30", &["evaluation"]);
    let never: Vec<&Value> = evaluation["attention"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "never-spent")
        .collect();
    assert_eq!(never.len(), 1, "{never:?}");
    assert_eq!(never[0]["sheet"], "2.1.1");
    assert_eq!(never[0]["title"], "fonctionnement");
    assert_eq!(never[0]["planned"].as_f64(), Some(30_000.0));
}

#[test]
fn portfolio_shows_the_siren_and_warns_on_two_overlapping_plans_of_one_siren() {
    let env = TestEnv::demo();
    let renewal = env.dir.path().join("renewal");
    crate::common::copy_dir(&env.plan(), &renewal);
    let edit = |file: &std::path::Path, from: &str, to: &str| {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(file, text.replace(from, to)).unwrap();
    };
    let convention = renewal.join("convention.yaml");
    // A second plan of the same territory, over 2023-2027: it shares four
    // years with the demo's 2023-2026.
    edit(
        &convention,
        "period: {start: 2023, end: 2026}",
        "period: {start: 2023, end: 2027}",
    );
    for file in [env.path("convention.yaml"), convention.clone()] {
        let text = std::fs::read_to_string(&file).unwrap();
        let text = text + "siren: 243000296\ncommunes: [\"30321\", \"2A004\"]\n";
        std::fs::write(&file, text).unwrap();
    }
    let args = ["portfolio", "plan", "renewal", "--format", "json"];
    let run = env.run_as_of("2025-06-30", &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["plans"][0]["siren"], "243000296");
    assert_eq!(doc["plans"][1]["siren"], "243000296");
    assert!(
        run.stderr.contains(
            "avertissement\u{a0}: plan et renewal sont deux plans du SIREN 243000296 dont les périodes se chevauchent"
        ),
        "{}",
        run.stderr
    );
    // Another territory's SIREN: no warning.
    edit(&convention, "siren: 243000296", "siren: 200066918");
    let run = env.run_as_of("2025-06-30", &["portfolio", "plan", "renewal"]);
    assert!(!run.stderr.contains("SIREN"), "{}", run.stderr);
    // A SIREN whose key is wrong is an error of the plan.
    env.edit("convention.yaml", "siren: 243000296", "siren: 243000297");
    let run = env.run_as_of("2025-06-30", &["validate"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("erreur[bad-siren]"), "{}", run.stderr);
}

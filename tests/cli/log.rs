use crate::common::TestEnv;

#[test]
fn log_lists_entries_oldest_first() {
    let env = TestEnv::demo();
    let run = env.run(&["log", "--from", "2024-06-01", "--to", "2024"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("log_demo_2024", run.transcript());
}

#[test]
fn log_filters_by_axis_and_speaks_english_csv() {
    let env = TestEnv::demo();
    let run = env.run(&["log", "--action", "2", "--format", "csv", "--lang", "en"]);
    assert_eq!(run.code, 0);
    let sheets: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(sheets, ["2.1.1", "2.2.1", "2.2.1", "2.1.1"]);
    assert_eq!(env.run(&["log", "--action", "9"]).code, 1);
}

#[test]
fn log_as_of_hides_later_entries() {
    let env = TestEnv::demo();
    let run = env.run_as_of("2024-01-01", &["log", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let dates: Vec<&str> = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert!(dates.iter().all(|d| *d <= "2024-01-01"), "{dates:?}");
    let paused = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["status"] == "paused")
        .unwrap();
    assert_eq!(paused["previous_status"], "in-progress");
}

#[test]
fn log_names_indicators_and_milestones_by_their_labels() {
    let env = TestEnv::demo();
    let run = env.run(&["log", "--action", "1.1.1", "--to", "2023"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(" Trajets assurés par an = 140 trajets"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(" Achat du véhicule "), "{}", run.stdout);
    assert!(!run.stdout.contains("trajets = 140\n"), "{}", run.stdout);
}

/// Every heading of the log's CSV starts with a capital, in both languages
/// (`note;difficultés` after `Avancement` read as a mistake).
#[test]
fn log_csv_headings_all_start_with_a_capital() {
    let env = TestEnv::demo();
    let header = |lang: &str| {
        let run = env.run(&["log", "--format", "csv", "--lang", lang]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let first = run.stdout.lines().next().unwrap_or_default();
        first.trim_start_matches('\u{feff}').to_string()
    };
    insta::assert_snapshot!(header("fr"), @"Date;Fiche action;Intitulé;Statut;Avancement;Note;Difficultés;Suite;Décision;Atteint;Mesures;Par");
    insta::assert_snapshot!(header("en"), @"Date,Action sheet,Title,Status,Progress,Note,Difficulties,Next,Decision,Reached,Measures,By");
}

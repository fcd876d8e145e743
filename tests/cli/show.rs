use crate::common::TestEnv;

#[test]
fn a_sheet_in_full() {
    let run = TestEnv::demo().run(&["show", "1.1.1"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("show_sheet", run.transcript());
}

#[test]
fn an_axis_an_objective_and_a_field() {
    let env = TestEnv::demo();
    insta::assert_snapshot!("show_axis", env.run(&["show", "1"]).transcript());
    insta::assert_snapshot!(
        "show_objective_en",
        env.run(&["show", "2.1", "--lang", "en"]).transcript()
    );
    insta::assert_snapshot!("show_field", env.run(&["show", "mobilite"]).transcript());
}

#[test]
fn every_track_of_the_shipped_plan() {
    let run = TestEnv::shipped().run_as_of("2026-06-30", &["show", "tracks"]);
    assert_eq!(run.code, 0);
    let tracks = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(" — "))
        .count();
    assert_eq!(tracks, 42);
    assert!(run.stdout.contains("petite-enfance-relais-petite-enfance — Développement du Relais Petite Enfance « La courte échelle »"));
}

#[test]
fn an_unknown_id_gets_a_suggestion() {
    let run = TestEnv::demo().run(&["show", "1.1.3"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.ends_with(
        "ctg: rien dans le plan ne porte l'identifiant `1.1.3` (vouliez-vous dire `1.1.1`\u{a0}?)\n"
    ));
}

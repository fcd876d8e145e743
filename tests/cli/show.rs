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

/// Runs `ctg show ARGS` and checks that its output holds every part.
fn shows(env: &TestEnv, args: &[&str], parts: &[&str]) {
    let run = env.run(&[&["show"][..], args].concat());
    for part in parts {
        assert!(run.stdout.contains(part), "{part:?} not in\n{}", run.stdout);
    }
}

#[test]
fn milestones_say_upcoming_late_and_reached_late() {
    let env = TestEnv::demo();
    // The route study is now reached two days after it was due.
    env.edit("actions/1.2.1.yaml", "date: 2024-06-25", "date: 2024-07-02");
    shows(
        &env,
        &["1.2.1"],
        &[
            "  ✔ 30/06/2024 Étude de tracé (atteint le 02/07/2024, en retard)\n  \
           ▲ 31/03/2025 Début des travaux (en retard)\n",
        ],
    );
    shows(
        &env,
        &["1.2.1", "--lang", "en"],
        &["  ✔ 2024-06-30 Étude de tracé (reached on 2024-07-02, late)\n"],
    );
    shows(
        &env,
        &["1.1.1"],
        &[
            "  ✔ 31/12/2023 Achat du véhicule (atteint le 20/11/2023)\n  \
           ○ 31/12/2025 Vingt chauffeurs bénévoles (à venir)\n",
        ],
    );
}

#[test]
fn french_labels_take_a_non_breaking_space_before_the_colon_and_plurals() {
    let env = TestEnv::demo();
    shows(
        &env,
        &["mobilite"],
        &["Fiches actions\u{a0}: 1.1.1, 1.1.2, 1.2.1, 2.1.2\n"],
    );
    shows(
        &env,
        &["1.1.1"],
        &["Calendrier\u{a0}: 2023-2026\n", "Statut\u{a0}: en cours"],
    );
}

/// Issue 20, item 5: a partner's id shows the partner — name, kind, the
/// sheets it leads and those it is a partner of — instead of "nothing in
/// the plan has that id".
#[test]
fn a_partner_id_shows_the_partner_and_its_sheets() {
    let env = TestEnv::demo();
    insta::assert_snapshot!(env.run(&["show", "ccvl"]).transcript(), @r"
    exit: 0
    --- stdout
    Partenaire ccvl — Communauté de communes du Val de Lune
    Type : signataire · signataire de la convention

    Pilote de (au 30/06/2025)
        1.1.2 Guide des transports du territoire
              réalisée · réalisée ✔ · ██████████ 100 %
        1.2.1 Liaison cyclable entre les deux bourgs
              bloquée · alerte ▲ · ███░░░░░░░ 30 %

    Partenaire de (au 30/06/2025)
        1.1.1 Navette solidaire vers les services
              en cours · en bonne voie ✓ · ██████░░░░ 60 %
        2.2.1 Conseil intercommunal des jeunes
              abandonnée · abandonnée ✖ · ███░░░░░░░ 25 %
    --- stderr
    1 avertissement : lancez `ctg validate`
    ");
    insta::assert_snapshot!(env.run(&["--lang", "en", "show", "maison-jeunes"]).transcript(), @r"
    exit: 0
    --- stdout
    Partner maison-jeunes — Maison des jeunes du Val
    Kind: association

    Lead of (as of 2025-06-30)
        2.2.1 Conseil intercommunal des jeunes
              abandoned · abandoned ✖ · ███░░░░░░░ 25%

    Partner of (as of 2025-06-30)
        no action sheet
    --- stderr
    1 warning: run `ctg validate`
    ");
    let typo = env.run(&["show", "caf-exempl"]);
    assert_eq!(typo.code, 1);
    assert!(
        typo.stderr.contains("vouliez-vous dire `caf-exemple`"),
        "{}",
        typo.stderr
    );
}

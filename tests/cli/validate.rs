use crate::common::TestEnv;

#[test]
fn shipped_plan_is_valid_and_complete() {
    let env = TestEnv::shipped();
    let run = env.run_as_of("2026-06-30", &["validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "plan valide\u{a0}: 3 axes, 9 objectifs, 27 fiches actions, 42 pistes, 20 partenaires"
        ),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!("validate_shipped", run.transcript());
}

#[test]
fn check_is_an_alias_and_english_is_available() {
    let env = TestEnv::shipped();
    let run = env.run_as_of("2023-03-01", &["check", "--lang", "en"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "plan valid: 3 axes, 9 objectives, 27 action sheets, 42 tracks, 20 partners (27 warnings)\n"
    );
    assert!(
        run.stderr
            .contains("27 action sheets without a lead: 1.1.1, 1.1.2"),
        "{}",
        run.stderr
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let env = TestEnv::demo();
    let run = env.run(&["validate", "--strict"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("erreur[stale]"), "{}", run.stderr);
    assert_eq!(run.stdout, "1 erreur\n");
}

#[test]
fn json_diagnostics_have_one_entry_per_location() {
    let env = TestEnv::demo();
    env.edit(
        "actions/2.2.1.yaml",
        "partners: [ccvl]",
        "partners: [ccvI, lune-mobilte]",
    );
    let run = env.run(&["validate", "--format", "json", "--lang", "en"]);
    assert_eq!(run.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["summary"]["errors"], 2);
    assert_eq!(doc["summary"]["valid"], false);
    let errors: Vec<&serde_json::Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    let first = errors[0];
    assert_eq!(first["code"], "unknown-partner");
    assert_eq!(first["file"], "plan/actions/2.2.1.yaml");
    assert_eq!(first["line"], 7);
    assert_eq!(first["column"], 12);
    assert_eq!(first["hint"], "did you mean `ccvl`?");
    assert_eq!(errors[1]["column"], 18);
    assert_eq!(errors[1]["hint"], "did you mean `lune-mobilite`?");
}

#[test]
fn every_command_refuses_a_plan_with_errors() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.1.1-navette.yaml",
        "status: in-progress",
        "status: finie",
    );
    for cmd in [&["status"][..], &["show", "1.1.1"]] {
        let run = env.run(cmd);
        assert_eq!(run.code, 1, "{cmd:?}");
        assert_eq!(run.stdout, "", "no output with errors");
        assert!(
            run.stderr
                .contains("erreur[bad-status]: statut inconnu `finie`"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn several_errors_in_several_files_are_all_reported_in_order() {
    let env = TestEnv::demo();
    env.edit(
        "actions/2.2.1.yaml",
        "lead: maison-jeunes",
        "lead: maison-jeune",
    );
    env.edit(
        "actions/1.2.1.yaml",
        "    progress: 30",
        "    progress: 130",
    );
    env.edit("actions/1.1.2.yaml", "title: Guide", "titel: Guide");
    env.edit("tracks.yaml", "field: jeunesse", "field: jeunnesse");
    let run = env.run(&["validate"]);
    assert_eq!(run.code, 1);
    let locations: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("-->"))
        .collect();
    assert_eq!(
        locations,
        [
            " --> plan/actions/1.1.2.yaml:3:1",
            " --> plan/actions/1.1.2.yaml:4:1",
            "  --> plan/actions/1.2.1.yaml:26:15",
            " --> plan/actions/2.1.1.yaml:3:5",
            " --> plan/actions/2.2.1.yaml:6:7",
            "  --> plan/tracks.yaml:13:10",
        ]
    );
    assert_eq!(run.stdout, "5 erreurs, 1 avertissement\n");
}

#[test]
fn plan_is_found_upward_and_by_option_and_env() {
    let env = TestEnv::demo();
    let run = env
        .command()
        .current_dir(env.path("actions"))
        .args(["--as-of", "2025-06-30", "validate"])
        .output()
        .unwrap();
    assert!(run.status.success());
    let run = env
        .command()
        .current_dir("/")
        .env("CTG_PLAN", env.plan())
        .args(["validate"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&run.stdout).starts_with("plan valide"));
}

#[test]
fn empty_environment_variables_count_as_unset() {
    let env = TestEnv::demo();
    let run = env
        .command()
        .env("CTG_LANG", "")
        .env("CTG_AS_OF", "")
        .env("CTG_PLAN", "")
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).starts_with("plan valide"));
}

#[test]
fn bad_usage_exits_2() {
    let env = TestEnv::demo();
    assert_eq!(env.run(&["validate", "--format", "xml"]).code, 2);
    let run = env
        .command()
        .args(["--as-of", "demain", "validate"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        "ctg: `demain` n'est pas une date de 1900 à 2999\u{a0}: écrivez JJ/MM/AAAA ou AAAA-MM-JJ\n",
        "the plan is French, so the message is"
    );
    assert_eq!(env.run(&["--lang", "de", "status"]).code, 2);
}

#[test]
fn missing_plan_folder_is_a_clear_refusal() {
    let env = TestEnv::empty();
    let run = env.run(&["--plan", "nowhere", "status"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr, "ctg: plan folder `nowhere` not found\n",
        "no plan and no locale: English"
    );
    let out = env
        .command()
        .env("LANG", "fr_FR.UTF-8")
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("aucun plan ici"),
        "a French locale: {stderr}"
    );
}

#[test]
fn a_bad_status_does_not_hide_an_unknown_partner_in_the_same_sheet() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.2.1.yaml",
        "partners: [lune-mobilite]",
        "partners: [nobody]",
    );
    env.edit("actions/1.2.1.yaml", "status: blocked", "status: stuck");
    let run = env.run(&["--lang", "en", "validate"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[bad-status]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("error[unknown-partner]"),
        "{}",
        run.stderr
    );
}

/// Issue 20, item 10: the line that counts warnings comes once, after the
/// result; a refusal says nothing of them; after `set` it counts the plan
/// as the change left it; it names the command that shows them, with
/// `--plan` when the plan was named so.
#[test]
fn the_warning_count_follows_the_result_and_counts_the_plan_as_it_now_is() {
    let env = TestEnv::demo();
    // The demo has one warning; a schedule from 2024 makes the planned
    // sheet 2.1.2 stale too.
    let set = env.run(&["set", "2.1.2", "--schedule", "2024-2026"]);
    insta::assert_snapshot!(set.transcript(), @r"
    exit: 0
    --- stdout
    plan/actions/2.1.2.yaml modifié : 2.1.2 : calendrier modifié
    --- stderr
    avertissement : la fiche `2.1.2` n'a pas de suivi depuis le 01/01/2024
    2 avertissements : lancez `ctg validate`
    ");
    let dry = env.run(&["set", "2.1.2", "--schedule", "2026-2026", "--dry-run"]);
    assert!(
        dry.stderr
            .ends_with("2 avertissements\u{a0}: lancez `ctg validate`\n"),
        "a dry run leaves the plan as it is: {}",
        dry.stderr
    );
    let refused = env.run(&["report", "2030"]);
    insta::assert_snapshot!(refused.transcript(), @r"
    exit: 1
    --- stdout
    --- stderr
    ctg: 2030 est hors de la période de la convention 2023-2026
    ");
    let status = env.run(&["status", "--format", "csv"]);
    assert!(
        status.stderr.starts_with("2 avertissements"),
        "{}",
        status.stderr
    );
    let named = env.run(&["--plan", "plan", "--lang", "en", "show", "2.1.2"]);
    assert!(
        named
            .stderr
            .ends_with("2 warnings: run `ctg validate --plan plan`\n"),
        "{}",
        named.stderr
    );
    let quiet = env.run(&["-q", "show", "2.1.2"]);
    assert_eq!(quiet.stderr, "");
}

/// Issue 20, item 18: `set` refuses a list that names an id twice (the file
/// is left as it was), `validate` reports one written by hand
/// (`duplicate-reference`), and `set --partners ""` clears the list.
#[test]
fn duplicates_in_lists_are_refused_by_set_and_reported_by_validate() {
    let env = TestEnv::demo();
    let before = env.read("actions/2.1.1.yaml");
    let twice = env.run(&["set", "2.1.1", "--fields", "petite-enfance,petite-enfance"]);
    insta::assert_snapshot!(twice.transcript(), @r"
    exit: 1
    --- stdout
    --- stderr
    ctg: --fields cite `petite-enfance` deux fois : citez chacun une fois ; rien n'a été écrit
    ");
    let spaced = env.run(&[
        "--lang",
        "en",
        "set",
        "2.1.1",
        "--tracks",
        "petite-enfance-creche, petite-enfance-creche",
    ]);
    assert_eq!(spaced.code, 1, "{}", spaced.stderr);
    assert_eq!(env.read("actions/2.1.1.yaml"), before);
    env.edit(
        "actions/2.1.1.yaml",
        "partners: [caf-exemple]",
        "partners: [caf-exemple, caf-exemple]",
    );
    let run = env.run(&["--lang", "en", "validate", "--format", "json"]);
    assert_eq!(run.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<String> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}:{} {}",
                d["code"], d["file"], d["line"], d["column"], d["message"]
            )
        })
        .collect();
    insta::assert_snapshot!(found.join("\n"), @r#"
    "stale" "plan/actions/2.1.1.yaml":3:5 "sheet `2.1.1` has had no entry since 2024-09-12"
    "duplicate-reference" "plan/actions/2.1.1.yaml":7:25 "`caf-exemple` is named twice in `partners`"
    "#);
    env.edit(
        "actions/2.1.1.yaml",
        "partners: [caf-exemple, caf-exemple]",
        "partners: [caf-exemple]",
    );
    let cleared = env.run(&["-q", "set", "2.1.1", "--partners", ""]);
    assert_eq!(cleared.code, 0, "{}", cleared.stderr);
    assert!(env.read("actions/2.1.1.yaml").contains("\npartners: []\n"));
    let show = env.run(&["-q", "show", "2.1.1"]);
    assert!(!show.stdout.contains("Partenaires"), "{}", show.stdout);
}

#[test]
fn french_keys_written_by_hand_get_the_english_key_as_hint() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.1.1-navette.yaml",
        "    progress: 50\n",
        "    avancement: 50\n",
    );
    env.edit("actions/1.2.1.yaml", "title:", "intitulé: x\ntitle:");
    let run = env.run(&["--lang", "en", "validate"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(all.contains("unknown key `avancement`"), "{all}");
    assert!(all.contains("did you mean `progress`"), "{all}");
    assert!(all.contains("did you mean `title`"), "{all}");
}

/// At 80 columns a grouped warning names every sheet, its list wrapped
/// under the message, never cut to `… 3.3.3`.
#[test]
fn grouped_warnings_wrap_their_ids_at_80_columns() {
    let env = TestEnv::shipped();
    let run = env.run_with_env(&[("COLUMNS", "80")], &["--as-of", "2026-06-30", "validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains('…'), "{}", run.stderr);
    for line in run.stderr.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    insta::assert_snapshot!(run.stderr, @r"
    avertissement[no-lead]: 27 fiches actions sans pilote : 1.1.1, 1.1.2, 1.1.3,
                            1.2.1, 1.2.2, 1.2.3, 1.3.1, 1.3.2, 1.3.3, 2.1.1, 2.1.2,
                            2.1.3, 2.2.1, 2.2.2, 2.2.3, 2.3.1, 2.3.2, 2.3.3, 3.1.1,
                            3.1.2, 3.1.3, 3.2.1, 3.2.2, 3.2.3, 3.3.1, 3.3.2, 3.3.3
     |
     = aide : ajoutez `lead:` avec un identifiant de partenaire
    avertissement[stale]: 27 fiches actions sans suivi depuis trop longtemps :
                          1.1.1, 1.1.2, 1.1.3, 1.2.1, 1.2.2, 1.2.3, 1.3.1, 1.3.2,
                          1.3.3, 2.1.1, 2.1.2, 2.1.3, 2.2.1, 2.2.2, 2.2.3, 2.3.1,
                          2.3.2, 2.3.3, 3.1.1, 3.1.2, 3.1.3, 3.2.1, 3.2.2, 3.2.3,
                          3.3.1, 3.3.2, 3.3.3
     |
     = aide : enregistrez où elle en est avec `ctg record`
    ");
}

/// Issue 21, item 19: a value reached through an alias or a merge key keeps
/// the spelling of its anchor: years as keys of `targets: *t`, ids (`*e` in
/// `reached`, a merged indicator), measures (`*m`). The copy took the
/// alias's bytes, and `targets: *t` was refused as "not a year".
#[test]
fn values_reached_through_an_alias_or_a_merge_key_keep_their_spelling() {
    let env = TestEnv::demo();
    let sheet = "actions/1.2.1.yaml";
    env.edit(
        sheet,
        "indicators:\n  - id: kilometres\n",
        "indicators:\n  - &base\n    id: kilometres\n",
    );
    env.edit(
        sheet,
        "    targets: {2025: 4, 2026: 9}\n",
        "    targets: &t {2025: 4, 2026: 9}\n  \
         - <<: *base\n    id: troncons\n    label: Tronçons ouverts\n  \
         - id: &p passerelles\n    label: Passerelles posées\n    unit: u\n    \
         kind: result\n    direction: up\n    targets: *t\n",
    );
    env.edit(sheet, "{id: etude,", "{id: &e etude,");
    env.edit(sheet, "reached: [etude]", "reached: [*e]");
    env.edit(
        sheet,
        "measures: {kilometres: 1.5}",
        "measures: {kilometres: &m 1.5, troncons: *m, *p : 2}",
    );
    let run = env.run(&["--lang", "en", "validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("1.2.1"), "{}", run.stderr);
    let show = env.run(&["--lang", "en", "show", "1.2.1"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    for expected in [
        "Tronçons ouverts (km)",
        "Passerelles posées (u)",
        "reached: etude",
        "measures: kilometres = 1.5, troncons = 1.5, passerelles = 2",
    ] {
        assert!(
            show.stdout.contains(expected),
            "{expected}: {}",
            show.stdout
        );
    }
    let status = env.run(&["--lang", "en", "status"]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(
        status.stdout.contains("│ 1.2.1 ┆ Liaison cyclable"),
        "{}",
        status.stdout
    );
}

use crate::common::TestEnv;

#[test]
fn demo_status_table() {
    let run = TestEnv::demo().run(&["status"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("status_demo_fr", run.transcript());
}

#[test]
fn english_switches_every_label() {
    let run = TestEnv::demo().run(&["status", "--lang", "en"]);
    assert_eq!(run.code, 0);
    for french in [
        "Intitulé",
        "Pilote",
        "réalisée",
        "vigilance",
        "en bonne voie",
        "fiches",
        "au 30/06/2025",
    ] {
        assert!(
            !run.stdout.contains(french),
            "{french} left in English output"
        );
    }
    insta::assert_snapshot!("status_demo_en", run.transcript());
}

#[test]
fn narrow_terminal_wraps_titles_and_never_cuts_them() {
    let env = TestEnv::demo();
    let out = env
        .command()
        .env("COLUMNS", "80")
        .args(["--as-of", "2025-06-30", "status"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let table: Vec<&str> = text
        .lines()
        .take_while(|l| !l.starts_with("Total"))
        .collect();
    for line in &table {
        assert!(line.chars().count() <= 80, "{line}");
    }
    // Rebuild each row's title from its wrapped lines.
    let mut titles: Vec<(String, String)> = Vec::new();
    for line in table.iter().filter(|l| l.starts_with('│')) {
        let cells: Vec<&str> = line.trim_matches('│').split('┆').map(str::trim).collect();
        if !cells[0].is_empty() {
            titles.push((cells[0].to_string(), String::new()));
        }
        if let Some((_, title)) = titles.last_mut() {
            title.push(' ');
            title.push_str(cells[1]);
        }
    }
    let title = |id: &str| {
        titles
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, t)| t.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    assert_eq!(
        title("1.2.1").as_deref(),
        Some("Liaison cyclable entre les deux bourgs")
    );
    assert_eq!(
        title("1.1").as_deref(),
        Some("Développer les transports solidaires")
    );
}

/// Below the width of its narrowest table (about 65 columns for the shipped
/// plan), `status` gives one block per row: no line wider than the
/// terminal, no word cut, every word of the table there.
#[test]
fn status_fits_terminals_down_to_40_columns() {
    let env = TestEnv::shipped();
    let markdown = env.run_as_of("2026-06-30", &["status", "--format", "markdown"]);
    // The words of the table, and the blocks' legend naming what heads each.
    let words = format!("{}\nFiches actions (N° — Intitulé)", markdown.stdout);
    for width in [40, 50, 60, 64, 66, 72, 80] {
        let columns = width.to_string();
        let run = env.run_with_env(
            &[("COLUMNS", &columns)],
            &["--as-of", "2026-06-30", "status"],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        // Not every word: narrow tables leave out columns, and the terminal
        // has no title; but no piece of a word, and every sheet.
        crate::report_width::assert_fits(&run.stdout, &words, width, false);
        for id in ["1.1.1", "2.3.3", "3.3.3"] {
            assert!(run.stdout.contains(&format!("{id} ")), "{id} at {width}");
        }
    }
    let demo = TestEnv::demo();
    let run = demo.run_with_env(&[("COLUMNS", "50")], &["--as-of", "2025-06-30", "status"]);
    insta::assert_snapshot!("status_demo_fr_50_columns", run.stdout);
}

/// Colours take no room: with `--color always` (a terminal's default),
/// `status` lays out exactly as without, at every width.
#[test]
fn colours_do_not_change_the_status_layout() {
    let env = TestEnv::shipped();
    let strip = |text: &str| {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find("\u{1b}[") {
            out.push_str(&rest[..at]);
            let after = &rest[at + 2..];
            let end = after.find('m').map_or(after.len(), |m| m + 1);
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    };
    for width in [50, 70, 90, 120, 160] {
        let columns = width.to_string();
        let status = |color: &str| {
            let args = ["--as-of", "2026-06-30", "--color", color, "status"];
            env.run_with_env(&[("COLUMNS", &columns)], &args).stdout
        };
        let (plain, coloured) = (status("never"), status("always"));
        assert!(coloured.contains('\u{1b}'), "no colour at {width}");
        assert_eq!(strip(&coloured), plain, "at {width} columns");
    }
}

#[test]
fn shipped_plan_lists_27_sheets_under_their_objectives() {
    let run = TestEnv::shipped().run_as_of("2026-06-30", &["status", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    let mut count = 0;
    for axis in doc["axes"].as_array().unwrap() {
        for objective in axis["objectives"].as_array().unwrap() {
            let oid = objective["id"].as_str().unwrap();
            assert!(oid.starts_with(&format!("{}.", axis["id"].as_str().unwrap())));
            for sheet in objective["sheets"].as_array().unwrap() {
                assert!(
                    sheet["id"]
                        .as_str()
                        .unwrap()
                        .starts_with(&format!("{oid}."))
                );
                assert_eq!(sheet["status"], "planned");
                count += 1;
            }
        }
    }
    assert_eq!(count, 27);
    assert_eq!(doc["total"]["sheets"], 27);
    assert_eq!(doc["total"]["mean_progress"], 0.0);
    assert!(
        run.stderr
            .contains("avertissements\u{a0}: lancez `ctg validate`"),
        "one line on warnings: {}",
        run.stderr
    );
}

#[test]
fn json_nests_rollups_at_every_level() {
    let run = TestEnv::demo().run(&["status", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let total = &doc["total"];
    assert_eq!(total["sheets"], 6);
    assert_eq!(total["by_status"]["done"], 1);
    assert_eq!(total["by_health"]["alert"], 1);
    // done ÷ (6 − 1 abandoned)
    assert_eq!(total["completion_rate"], 20.0);
    // (60 + 100 + 30 + 0 + 0) ÷ 5
    assert_eq!(total["mean_progress"], 38.0);
    let axis1 = &doc["axes"][0];
    assert_eq!(axis1["rollup"]["sheets"], 3);
    assert_eq!(
        axis1["objectives"][0]["sheets"][0]["next_milestone"]["id"],
        "benevoles"
    );
    assert_eq!(
        axis1["objectives"][1]["sheets"][0]["next_milestone"]["overdue"],
        true
    );
}

#[test]
fn filters_combine_and_rollups_count_what_is_shown() {
    let env = TestEnv::demo();
    let run = env.run(&[
        "status", "--format", "csv", "--lang", "en", "--field", "mobilite", "--status", "en cours",
        "--status", "blocked",
    ]);
    assert_eq!(run.code, 0);
    let ids: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(ids, ["1.1.1", "1.2.1"]);
    let run = env.run(&["status", "--format", "json", "--late"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["total"]["sheets"], 1);
    let run = env.run(&[
        "status",
        "--stale",
        "--partner",
        "caf-exemple",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["axes"][0]["objectives"][0]["sheets"][0]["id"], "2.1.1");
    let run = env.run(&["status", "--axis", "3"]);
    assert_eq!(run.code, 1);
    let run = env.run(&["status", "--objective", "2.2", "--late"]);
    assert_eq!(
        run.stdout,
        "aucune fiche action ne correspond à ces filtres\n"
    );
}

#[test]
fn french_csv_opens_in_french_excel() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.1.1-navette.yaml",
        "title: Navette solidaire vers les services",
        "title: \"=HYPERLINK(\\\"http://x\\\")\"",
    );
    let run = env.run(&["status", "--format", "csv"]);
    assert!(
        run.stdout.starts_with("\u{feff}Axe;Objectif;N°;Intitulé;"),
        "{}",
        run.stdout
    );
    // Ids as text formulas (a French spreadsheet reads 1.1.1 as a date), plan
    // formulas neutralised with a leading apostrophe.
    assert!(run.stdout.contains("\"=\"\"1\"\"\";\"=\"\"1.1\"\"\";\"=\"\"1.1.1\"\"\";\"'=HYPERLINK(\"\"http://x\"\")\";Association Lune Mobilité;en cours;en bonne voie ✓;60;15/05/2025;"));
    insta::assert_snapshot!("status_demo_csv", run.stdout);
}

#[test]
fn markdown_and_output_files() {
    let env = TestEnv::demo();
    let run = env.run(&["status", "--output", "etat.md"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    let md = std::fs::read_to_string(env.dir.path().join("etat.md")).unwrap();
    insta::assert_snapshot!("status_demo_markdown", md);
    let run = env.run(&["status", "--output", "etat.json"]);
    assert_eq!(run.code, 0);
    let text = std::fs::read_to_string(env.dir.path().join("etat.json")).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Enough sheets that the output overflows the pipe after `head` has gone.
    let env = TestEnv::demo();
    for n in 3..=600 {
        let sheet = format!(
            "id: \"2.1.{n}\"\ntitle: Fiche {n}\nfields: [jeunesse]\nlead: ccvl\nschedule: {{start: 2023, end: 2026}}\n"
        );
        env.write(&format!("actions/2.1.{n}.yaml"), sheet);
    }
    let bin = assert_cmd::cargo::cargo_bin("ctg");
    let script = format!(
        "set -o pipefail; '{}' --plan '{}' --as-of 2025-01-01 status --format json | head -1",
        bin.display(),
        env.plan().display()
    );
    let mut bash = std::process::Command::new("bash");
    crate::common::isolate(&mut bash);
    let out = bash.args(["-c", &script]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe") && !err.contains("ctg:"),
        "{err}"
    );
    assert!(
        out.status.success(),
        "ctg exits 0 on a closed pipe: {:?} {err}",
        out.status
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let env = TestEnv::demo();
    assert!(
        !env.run(&["status"]).stdout.contains('\u{1b}'),
        "NO_COLOR and a pipe: no escape codes"
    );
    let out = env
        .command()
        .env_remove("NO_COLOR")
        .args(["--as-of", "2025-06-30", "--color", "always", "status"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\u{1b}["),
        "--color always colours"
    );
}

#[test]
fn control_characters_in_plan_text_are_visible_escapes_in_the_terminal() {
    let env = TestEnv::demo();
    env.edit(
        "actions/2.2.1.yaml",
        "title: Conseil intercommunal des jeunes",
        "title: \"Conseil\\e[31m des jeunes\"",
    );
    let run = env.run(&["status"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}'));
    assert!(
        run.stdout.contains("Conseil\\u001b[31m des jeunes"),
        "{}",
        run.stdout
    );
}

#[test]
fn statuses_with_decomposed_accents_are_read() {
    // macOS tools may write `é` as `e` followed by a combining acute accent.
    let env = TestEnv::demo();
    env.edit(
        "actions/1.2.1.yaml",
        "status: blocked",
        "status: bloque\u{301}e",
    );
    let run = env.run(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = env.run(&["status", "--status", "bloque\u{301}e", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["total"]["sheets"], 1);
    let run = env.run(&[
        "record",
        "1.1.2",
        "--status",
        "Re\u{301}alise\u{301}e",
        "--note",
        "Terminé",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(env.read("actions/1.1.2.yaml").contains("status: done"));
}

#[test]
fn a_very_long_unbreakable_title_wraps_quickly() {
    let env = TestEnv::demo();
    let long = "x".repeat(300_000);
    env.edit(
        "actions/1.2.1.yaml",
        "title: Liaison cyclable entre les deux bourgs",
        &format!("title: {long}"),
    );
    let start = std::time::Instant::now();
    let run = env.run(&["status"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    let longest = run.stdout.lines().map(|l| l.chars().count()).max();
    assert!(longest.is_some_and(|n| n <= 160), "{longest:?}");
}

/// Every sheet's (id, status) in a JSON document, depth first.
fn statuses(json: &str) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(id), Some(status)) = (m.get("id"), m.get("status"))
                    && let (Some(id), Some(status)) = (id.as_str(), status.as_str())
                {
                    out.push((id.to_string(), status.to_string()));
                }
                m.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::from_str(json).unwrap(), &mut out);
    out
}

/// Issue 20, item 7: progress recorded without a status on a sheet still
/// planned starts it: `status`, its filter, `report` and `evaluation` all
/// say in progress (section 3's "started"), not `à venir, 20 %`.
#[test]
fn progress_on_a_planned_sheet_means_in_progress_in_every_view() {
    let env = TestEnv::demo();
    let record = env.run(&[
        "record",
        "2.1.2",
        "--date",
        "2025-06-01",
        "--progress",
        "20",
        "--note",
        "Premiers échanges",
        "-q",
    ]);
    insta::assert_snapshot!(record.transcript(), @r"
    exit: 0
    --- stdout
    2.1.2 : suivi du 01/06/2025 ajouté à plan/actions/2.1.2.yaml
    2.1.2 au 01/06/2025 : en cours, 20 %, en bonne voie ✓
    --- stderr
    ");
    let of = |args: &[&str]| {
        let run = env.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        statuses(&run.stdout)
            .into_iter()
            .filter(|(id, _)| id == "2.1.2")
            .map(|(_, s)| s)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let seen = [
        ("status", of(&["status", "--format", "json", "-q"])),
        (
            "status --status \"en cours\"",
            of(&["status", "--status", "en cours", "--format", "json", "-q"]),
        ),
        (
            "report 2025",
            of(&["report", "2025", "--format", "json", "-q"]),
        ),
        ("evaluation", of(&["evaluation", "--format", "json", "-q"])),
    ];
    let text: String = seen.iter().map(|(v, s)| format!("{v}: {s}\n")).collect();
    insta::assert_snapshot!(text, @r#"
    status: in-progress
    status --status "en cours": in-progress
    report 2025: in-progress
    evaluation: in-progress
    "#);
    let table = env.run(&["status", "--status", "en cours", "-q"]);
    assert!(table.stdout.contains("│ 2.1.2 ┆"), "{}", table.stdout);
}

/// Issue 20, item 20: colour follows the clicolors convention under
/// `--color`: `CLICOLOR_FORCE` colours even through a pipe, `NO_COLOR`
/// wins over it; on a terminal (a pseudo-terminal from `script`),
/// `TERM=dumb` and `CLICOLOR=0` turn it off.
#[test]
fn colour_honours_term_dumb_clicolor_and_clicolor_force() {
    let env = TestEnv::demo();
    let piped = |vars: &[(&str, &str)]| {
        let out = env
            .command()
            .env_remove("NO_COLOR")
            .envs(vars.iter().copied())
            .args(["--as-of", "2025-06-30", "status", "-q"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).contains("\u{1b}[")
    };
    assert!(!piped(&[]), "a pipe is not coloured");
    assert!(
        piped(&[("CLICOLOR_FORCE", "1")]),
        "CLICOLOR_FORCE colours a pipe"
    );
    assert!(!piped(&[("CLICOLOR_FORCE", "0")]));
    assert!(
        !piped(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        "NO_COLOR wins"
    );
    let Some(script) = crate::report::installed(&["script"], "--version", "util-linux") else {
        return;
    };
    let ctg = assert_cmd::cargo::cargo_bin("ctg");
    let on_a_terminal = |vars: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(script);
        crate::common::isolate(&mut cmd);
        cmd.current_dir(env.dir.path())
            .env_remove("NO_COLOR")
            .env("TERM", "xterm-256color")
            .envs(vars.iter().copied())
            .args([
                "-qec",
                &format!("{} --as-of 2025-06-30 status -q", ctg.display()),
                "/dev/null",
            ]);
        let out = crate::common::succeed(&mut cmd);
        out.contains("\u{1b}[")
    };
    assert!(on_a_terminal(&[]), "a terminal is coloured");
    assert!(!on_a_terminal(&[("TERM", "dumb")]), "TERM=dumb is not");
    assert!(!on_a_terminal(&[("CLICOLOR", "0")]), "CLICOLOR=0 is not");
    assert!(on_a_terminal(&[("CLICOLOR", "1")]));
}

/// Under `--late` the next milestone, whose `(en retard)` says why a sheet
/// is late, stays on a terminal narrower than 100 columns, none of its
/// words cut.
#[test]
fn late_keeps_the_reason_below_100_columns() {
    let env = TestEnv::demo();
    for width in [99, 90, 80, 70, 60] {
        let columns = width.to_string();
        let run = env.run_with_env(
            &[("COLUMNS", &columns)],
            &["--as-of", "2025-12-31", "status", "--late"],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.contains("(en\u{a0}retard)"),
            "at {width}:\n{}",
            run.stdout
        );
        for line in run.stdout.lines() {
            assert!(line.chars().count() <= width, "at {width}: {line}");
        }
    }
    let run = env.run_with_env(
        &[("COLUMNS", "80")],
        &["--as-of", "2025-12-31", "status", "--late"],
    );
    insta::assert_snapshot!(run.stdout, @r"
    ┌───────┬─────────────────────┬─────────┬──────────┬────────────┬─────────────┐
    │ N°    ┆ Intitulé            ┆ Statut  ┆ Santé    ┆ Avancement ┆ Prochain    │
    │       ┆                     ┆         ┆          ┆            ┆ jalon       │
    ╞═══════╪═════════════════════╪═════════╪══════════╪════════════╪═════════════╡
    │ 1     ┆ Axe 1 — Se déplacer ┆ 1 fiche ┆ ▲ 1      ┆ 30 %       ┆             │
    │       ┆ sur le territoire   ┆         ┆          ┆            ┆             │
    │ 1.2   ┆ Aménager des        ┆ 1 fiche ┆ ▲ 1      ┆ 30 %       ┆             │
    │       ┆ itinéraires         ┆         ┆          ┆            ┆             │
    │       ┆ cyclables           ┆         ┆          ┆            ┆             │
    │ 1.2.1 ┆ Liaison cyclable    ┆ bloquée ┆ alerte ▲ ┆ 30 %       ┆ 31/03/2025  │
    │       ┆ entre les deux      ┆         ┆          ┆            ┆ Début des   │
    │       ┆ bourgs              ┆         ┆          ┆            ┆ travaux     │
    │       ┆                     ┆         ┆          ┆            ┆ (en retard) │
    └───────┴─────────────────────┴─────────┴──────────┴────────────┴─────────────┘
    Total : 1 fiche · taux de réalisation 0 % · avancement moyen 30 % · en retard 1
    · sans suivi 1
    alerte ▲ 1 · au 31/12/2025
    ");
}

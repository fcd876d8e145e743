//! `--output`: the extension picks the format, case-insensitively; one the
//! command cannot write is refused with no file; a written file is announced.
//! A closed stderr ends quietly, like a closed stdout.

use crate::common::TestEnv;

#[test]
fn an_extension_the_command_cannot_write_is_refused_and_writes_nothing() {
    let env = TestEnv::demo();
    for args in [
        &["status", "--output", "st.pdf"][..],
        &["status", "--output", "st.svg"],
        &["log", "--output", "journal.pdf"],
        &["summary", "--output", "synthese.numbers"],
        &["report", "2024", "--output", "x.pdf"],
        &["timeline", "--output", "t.csv"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("impossible d'écrire") && run.stderr.contains("rien n'a été écrit"),
            "{args:?}: {}",
            run.stderr
        );
        let file = args[args.len() - 1];
        assert!(!env.dir.path().join(file).exists(), "{file} was written");
    }
}

#[test]
fn extensions_are_case_insensitive_and_every_write_is_announced() {
    let env = TestEnv::demo();
    let run = env.run(&["report", "2024", "--output", "R.XLSX"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(env.dir.path().join("R.XLSX")).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx workbook (a zip)");
    assert!(
        run.stderr.starts_with("écrit\u{a0}: R.XLSX\n"),
        "{}",
        run.stderr
    );
    let run = env.run(&["status", "--output", "Etat.CSV"]);
    assert!(
        std::fs::read_to_string(env.dir.path().join("Etat.CSV"))
            .unwrap()
            .starts_with("\u{feff}Axe;"),
        "a French CSV"
    );
    assert!(
        run.stderr.starts_with("écrit\u{a0}: Etat.CSV\n"),
        "{}",
        run.stderr
    );
    let run = env.run(&["report", "2024", "--format", "csv", "--output", "bilan"]);
    assert!(
        run.stderr.starts_with("écrit\u{a0}: bilan (5 fichiers)\n"),
        "{}",
        run.stderr
    );
    let run = env.run(&["--lang", "en", "timeline", "--output", "t.md"]);
    assert!(run.stderr.starts_with("written: t.md\n"), "{}", run.stderr);
}

#[test]
fn a_closed_stderr_ends_quietly() {
    let env = TestEnv::demo();
    for args in [&["validate"][..], &["status", "--axis", "9"], &["status"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = env
            .std_command()
            .args(["--as-of", "2025-06-30"])
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(writer)
            .status()
            .unwrap();
        assert_ne!(out.code(), Some(101), "{args:?}: a panic");
    }
}

/// Issue 21, item 1: with an explicit `--format` or `--table`, an
/// `--output` naming a plan file used to replace it and break the plan.
#[test]
fn an_output_inside_the_plan_folder_is_refused_and_the_plan_stays_whole() {
    let env = TestEnv::demo();
    let targets = [
        "plan/axes.yaml",
        "plan/convention.yaml",
        "plan/partners.yaml",
        "plan/tracks.yaml",
        "plan/actions/1.1.1.yaml",
        "plan/actions/9.9.9.yaml",
        "plan/nouveau/bilan.csv",
        "./plan/../plan/axes.yaml",
    ];
    for target in targets {
        for args in [
            &["timeline", "--format", "svg", "--output", target][..],
            &["status", "--format", "csv", "--output", target],
            &["report", "2024", "--table", "synthesis", "--output", target],
        ] {
            let before = env.bytes("axes.yaml");
            let run = env.run(args);
            assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
            assert!(
                run.stderr.contains("dans le dossier du plan `plan`")
                    && run.stderr.contains("rien n'a été écrit"),
                "{args:?}: {}",
                run.stderr
            );
            assert_eq!(env.bytes("axes.yaml"), before, "{args:?}");
            assert!(!env.plan().join("actions/9.9.9.yaml").exists());
            assert!(!env.plan().join("nouveau").exists());
        }
    }
    let run = env.run(&[
        "report",
        "2024",
        "--format",
        "csv",
        "--output",
        "plan/bilan",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!env.plan().join("bilan").exists());
    assert_eq!(env.run(&["validate"]).code, 0);
}

/// A link outside the plan that leads into it is refused too.
#[cfg(unix)]
#[test]
fn an_output_through_a_link_into_the_plan_is_refused() {
    let env = TestEnv::demo();
    std::os::unix::fs::symlink(env.plan(), env.dir.path().join("raccourci")).unwrap();
    let run = env.run(&[
        "timeline",
        "--format",
        "svg",
        "--output",
        "raccourci/axes.yaml",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(env.run(&["validate"]).code, 0);
}

/// Issue 20, item 4: a CSV of several tables goes to a folder; a name with
/// an extension (`bilan-2025.csv`) is refused with the way out, and no
/// folder of that name appears. A folder without an extension, or one that
/// exists whatever its name, takes the files.
#[test]
fn a_csv_of_several_tables_is_not_written_into_a_folder_named_like_a_file() {
    let env = TestEnv::demo();
    let run = env.run(&["report", "2025", "--output", "bilan-2025.csv", "-q"]);
    insta::assert_snapshot!(run.transcript(), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: `bilan-2025.csv` est un nom de fichier, mais cela fait 5 fichiers CSV, un par tableau : donnez un dossier sans extension (--output bilan-2025), ou --table NOM pour un seul tableau (synthese, fiches, indicateurs, jalons, financements) ; rien n'a été écrit
    ");
    assert!(!env.dir.path().join("bilan-2025.csv").exists());
    let run = env.run(&[
        "--lang",
        "en",
        "evaluation",
        "--format",
        "csv",
        "--output",
        "eval.CSV",
        "-q",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("give a folder without an extension (--output eval)"),
        "{}",
        run.stderr
    );
    assert!(!env.dir.path().join("eval.CSV").exists());
    let run = env.run(&[
        "report",
        "2025",
        "--format",
        "csv",
        "--output",
        "bilan-2025",
        "-q",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(env.dir.path().join("bilan-2025/fiches.csv").is_file());
    std::fs::create_dir(env.dir.path().join("rapports.2025")).unwrap();
    let run = env.run(&[
        "report",
        "2025",
        "--format",
        "csv",
        "--output",
        "rapports.2025",
        "-q",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(env.dir.path().join("rapports.2025/fiches.csv").is_file());
}

/// Issue 20, item 20: `--output -` is standard output, as for other tools,
/// not a file named `-`; a workbook, which is not text, is refused there.
#[test]
fn output_dash_is_standard_output() {
    let env = TestEnv::demo();
    let dash = env.dir.path().join("-");
    let table = env.run(&["status", "-q"]);
    let run = env.run(&["status", "--output", "-", "-q"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, table.stdout);
    let csv = env.run(&["status", "--format", "csv", "--output", "-", "-q"]);
    assert!(
        csv.stdout.starts_with("\u{feff}Axe;Objectif;N°"),
        "{}",
        csv.stdout
    );
    let timeline = env.run(&["timeline", "--output", "-", "-q"]);
    assert_eq!(timeline.code, 0, "{}", timeline.stderr);
    assert!(timeline.stdout.contains("1.1.1"), "{}", timeline.stdout);
    let detail = env.run(&["report", "2025", "--table", "detail", "--output", "-", "-q"]);
    assert!(
        detail.stdout.contains("Faits marquants"),
        "{}",
        detail.stdout
    );
    assert!(!dash.exists(), "no file named -");
    let xlsx = env.run(&["status", "--format", "xlsx", "--output", "-"]);
    insta::assert_snapshot!(xlsx.transcript(), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: un classeur xlsx n'est pas du texte pour l'écran ou un tube : donnez --output FICHIER.xlsx au lieu de -
    ");
    assert!(!dash.exists());
}

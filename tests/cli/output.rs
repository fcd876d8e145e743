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
        &["summary", "--output", "synthese.ods"],
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
        run.stderr.ends_with("écrit\u{a0}: R.XLSX\n"),
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
        run.stderr.ends_with("écrit\u{a0}: Etat.CSV\n"),
        "{}",
        run.stderr
    );
    let run = env.run(&["report", "2024", "--format", "csv", "--output", "bilan"]);
    assert!(
        run.stderr.ends_with("écrit\u{a0}: bilan (4 fichiers)\n"),
        "{}",
        run.stderr
    );
    let run = env.run(&["--lang", "en", "timeline", "--output", "t.md"]);
    assert!(run.stderr.ends_with("written: t.md\n"), "{}", run.stderr);
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

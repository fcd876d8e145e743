//! What `ctg` makes of its command line before it reads a plan: usage errors
//! name the option or argument at fault in the session's language, and
//! suggest only what is close to what was typed.

use crate::common::TestEnv;

/// `ctg ARGS` on the demo plan as of 30/06/2025, with the help language
/// given by `--lang`: the transcript (exit code, stdout, stderr).
fn run(args: &[&str]) -> String {
    TestEnv::demo().run(args).transcript()
}

#[test]
fn the_sheet_argument_has_a_french_placeholder() {
    let help = TestEnv::demo()
        .run(&["--lang", "fr", "set", "--help"])
        .stdout;
    assert!(
        help.contains("Utilisation\u{a0}: ctg set [OPTIONS] <FICHE>\n"),
        "{help}"
    );
    insta::assert_snapshot!(run(&["--lang", "fr", "set"]), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: il manque : <FICHE>

    Utilisation : ctg set <FICHE>
    Pour en savoir plus : `--help`.
    ");
    insta::assert_snapshot!(run(&["--lang", "fr", "add", "milestone", "--id", "x"]), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: il manque : --title <TEXTE>, --due <DATE>, <FICHE>

    Utilisation : ctg add milestone --id <ID> --title <TEXTE> --due <DATE> <FICHE>
    Pour en savoir plus : `--help`.
    ");
    insta::assert_snapshot!(run(&["--lang", "en", "add", "indicator"]), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: missing: --id <ID>, --label <TEXT>, --unit <TEXT>, --kind <result|activity>, --direction <up|down|steady>, <SHEET>

    Usage: ctg add indicator --id <ID> --label <TEXT> --unit <TEXT> --kind <result|activity> --direction <up|down|steady> <SHEET>
    For more information, try `--help`.
    ");
}

/// The options of `record` whose value may start with `-` (`-5 %`, `- item`).
const HYPHEN_OPTIONS: [&str; 8] = [
    "--status",
    "--progress",
    "--note",
    "--difficulties",
    "--next",
    "--decision",
    "--measure",
    "--by",
];

#[test]
fn an_option_is_not_the_value_of_the_option_before_it() {
    let env = TestEnv::demo();
    let sheet = "actions/1.1.1-navette.yaml";
    let before = env.read(sheet);
    let fr = env.run(&[
        "--lang",
        "fr",
        "record",
        "1.1.1",
        "--progress",
        "5",
        "--note",
        "--dry-run",
    ]);
    insta::assert_snapshot!(fr.transcript(), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: --note <TEXTE> demande une valeur avant `--dry-run`
    Pour en savoir plus : `--help`.
    ");
    let en = env.run(&["--lang", "en", "record", "1.1.1", "--note", "--commit"]);
    insta::assert_snapshot!(en.transcript(), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: --note <TEXT> needs a value before `--commit`
    For more information, try `--help`.
    ");
    for option in HYPHEN_OPTIONS {
        for taken in [
            "--dry-run",
            "--commit",
            "--amend",
            "--note",
            "--date",
            "--date=2025-06-01",
            "--lang",
            "--dryrun",
            "--",
            "-q",
        ] {
            let run = env.run(&[
                "--lang",
                "en",
                "record",
                "1.1.1",
                option,
                taken,
                "--dry-run",
            ]);
            assert_eq!(run.code, 2, "{option} {taken}: {}", run.stderr);
            assert!(
                run.stderr.starts_with(&format!("ctg: {option} <"))
                    && run
                        .stderr
                        .contains(&format!("> needs a value before `{taken}`\n")),
                "{option} {taken}: {}",
                run.stderr
            );
        }
    }
    assert_eq!(env.read(sheet), before, "nothing written");
}

#[test]
fn values_that_start_with_a_hyphen_are_still_values() {
    let env = TestEnv::demo();
    let cases: [&[&str]; 6] = [
        &["--note", "-5 %"],
        &["--note", "- item"],
        &["--difficulties", "-"],
        &["--next", "-- voir le compte rendu"],
        &["--decision", "--dry-run ou pas ?"],
        &["--by", "-x-", "--note", "x"],
    ];
    for case in cases {
        let run = env.run(&[&["record", "1.1.1", "--dry-run"], case].concat());
        assert_eq!(run.code, 0, "{case:?}: {}", run.stderr);
        assert!(run.stdout.contains(case[1]), "{case:?}: {}", run.stdout);
    }
    let run = env.run(&["record", "1.1.1", "--progress", "-5", "--dry-run"]);
    assert_eq!(
        run.code, 1,
        "a value, refused as a progress: {}",
        run.stderr
    );
}

#[test]
fn an_unknown_option_suggests_the_option_meant() {
    insta::assert_snapshot!(run(&["--lang", "fr", "status", "--axe", "1"]), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: argument inattendu `--axe`
      vouliez-vous dire `--axis` ?

    Utilisation : ctg status [OPTIONS]
    Pour en savoir plus : `--help`.
    ");
    insta::assert_snapshot!(run(&["--lang", "en", "record", "2.1.1", "--commentaire", "x"]), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: unexpected argument `--commentaire`
      did you mean `--note`?

    Usage: ctg record [OPTIONS] <ID>
    For more information, try `--help`.
    ");
    insta::assert_snapshot!(run(&["--lang", "fr", "set", "--fiche", "2.1.1"]), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: argument inattendu `--fiche`
      donnez la fiche action sans option : `ctg set <FICHE>`

    Utilisation : ctg set [OPTIONS] <FICHE>
    Pour en savoir plus : `--help`.
    ");
    insta::assert_snapshot!(run(&["--lang", "en", "stat"]), @r"
    exit: 2
    --- stdout
    --- stderr
    ctg: unknown command `stat`
      did you mean `status`?

    Usage: ctg [OPTIONS] <COMMAND>
    For more information, try `--help`.
    ");
}

/// The suggestion of an English session for `ctg ARGS`, if any.
fn suggestion(args: &[&str]) -> Option<String> {
    let run = TestEnv::demo().run(&[&["--lang", "en"], args].concat());
    assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    let line = run.stderr.lines().nth(1)?.trim();
    let quoted = line.strip_prefix("did you mean `")?.strip_suffix("`?")?;
    Some(quoted.to_string())
}

#[test]
fn suggestions_are_close_names_or_the_french_words_for_them() {
    let cases: [(&[&str], Option<&str>); 24] = [
        // The words of a French coordinator.
        (&["status", "--axe", "1"], Some("--axis")),
        (&["status", "--objectif", "1.1"], Some("--objective")),
        (&["status", "--partenaire", "caf"], Some("--partner")),
        (&["status", "--statut", "en cours"], Some("--status")),
        (&["record", "2.1.1", "--commentaire", "x"], Some("--note")),
        (
            &["record", "2.1.1", "--avancement", "5"],
            Some("--progress"),
        ),
        (&["record", "2.1.1", "--jalon", "x"], Some("--reached")),
        (&["record", "2.1.1", "--statut=réalisée"], Some("--status")),
        (
            &["record", "2.1.1", "--difficultés", "x"],
            Some("--difficulties"),
        ),
        (&["log", "--axe", "1"], Some("--action")),
        (&["log", "--fiche", "1.1.1"], Some("--action")),
        (
            &["set", "2.1.1", "--partenaires", "caf"],
            Some("--partners"),
        ),
        (&["set", "2.1.1", "--pilote", "caf"], Some("--lead")),
        // Typos, prefixes and case.
        (&["record", "2.1.1", "--dryrun"], Some("--dry-run")),
        (&["record", "2.1.1", "--Note", "x"], Some("--note")),
        (&["record", "2.1.1", "--prog", "5"], Some("--progress")),
        (&["status", "--stat", "done"], Some("--status")),
        // Nothing close: no suggestion rather than a wrong one.
        (&["status", "--zzz"], None),
        (&["status", "--fiche", "1.1.1"], None),
        (&["record", "2.1.1", "--budget", "x"], None),
        // Commands.
        (&["stat"], Some("status")),
        (&["fiche", "1.1.1"], Some("show")),
        (&["bilan", "2024"], Some("report")),
        (&["stauts"], Some("status")),
    ];
    for (args, expected) in cases {
        assert_eq!(suggestion(args).as_deref(), expected, "{args:?}");
    }
}

/// Issue 21, item 16: an argument that is not UTF-8 is named, its bad
/// bytes marked, rather than "the command line is not valid".
#[test]
fn an_argument_that_is_not_utf8_is_named() {
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::demo();
    let out = env
        .command()
        .args(["--lang", "fr", "record"])
        .arg(std::ffi::OsStr::from_bytes(b"1.\xff"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("ctg: l'argument `1.\u{fffd}` n'est pas un texte UTF-8 valide"),
        "{stderr}"
    );
}

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

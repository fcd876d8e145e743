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

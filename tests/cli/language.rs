//! A French session speaks French everywhere: refusals, usage errors, help.
//! An English one speaks English. No library's wording reaches a user.

use crate::common::TestEnv;

/// The stderr of `ctg ARGS` on the demo plan (French) as of 30/06/2025
/// (unless ARGS give `--as-of`), with extra environment variables, and its
/// exit code.
fn refused(vars: &[(&str, &str)], args: &[&str]) -> (i32, String) {
    let env = TestEnv::demo();
    let mut all = Vec::new();
    if !args.contains(&"--as-of") {
        all.extend(["--as-of", "2025-06-30"]);
    }
    all.extend(args);
    let run = env.run_with_env(vars, &all);
    (run.code, run.stderr)
}

/// Environment variables, arguments, the exit code and the end of stderr.
type Case = (
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
    i32,
    &'static str,
);

#[test]
fn refusals_of_a_french_session_are_french() {
    let cases: [Case; 9] = [
        (
            &[],
            &["status", "--axis", "9"],
            1,
            "ctg: axe inconnu `9` (vouliez-vous dire `1`\u{a0}?)\n",
        ),
        (
            &[],
            &["status", "--objective", "1.3"],
            1,
            "ctg: objectif inconnu `1.3` (vouliez-vous dire `1.1`\u{a0}?)\n",
        ),
        (
            &[],
            &["status", "--field", "sport"],
            1,
            "ctg: champ inconnu `sport`\n",
        ),
        (
            &[],
            &["status", "--partner", "cvl"],
            1,
            "ctg: partenaire inconnu `cvl` (vouliez-vous dire `ccvl`\u{a0}?)\n",
        ),
        (
            &[],
            &["status", "--status", "foo"],
            2,
            "ctg: statut inconnu `foo`\u{a0}; utilisez «\u{a0}à venir\u{a0}», «\u{a0}en cours\u{a0}», «\u{a0}en pause\u{a0}», «\u{a0}bloquée\u{a0}», «\u{a0}reportée\u{a0}», «\u{a0}réalisée\u{a0}» ou «\u{a0}abandonnée\u{a0}»\n",
        ),
        (
            &[],
            &["--as-of", "2025-13-01", "status"],
            2,
            "ctg: `2025-13-01` n'est pas une date de 1900 à 2999\u{a0}: écrivez JJ/MM/AAAA ou AAAA-MM-JJ\n",
        ),
        (
            &[],
            &["report", "2024", "--format", "xlsx"],
            2,
            "ctg: un classeur xlsx s'écrit dans un fichier\u{a0}: ajoutez --output FICHIER.xlsx\n",
        ),
        (
            &[("SOURCE_DATE_EPOCH", "demain")],
            &["status"],
            2,
            "ctg: SOURCE_DATE_EPOCH=`demain` n'est pas un nombre de secondes depuis 1970\n",
        ),
        (
            &[],
            &["log", "--from", "2025", "--to", "2024"],
            2,
            "ctg: la période demandée commence le 01/01/2025 et finit le 31/12/2024\u{a0}: donnez --from avant --to\n",
        ),
    ];
    for (vars, args, code, expected) in cases {
        let (got_code, stderr) = refused(vars, args);
        assert_eq!(got_code, code, "{args:?}: {stderr}");
        assert!(
            stderr.ends_with(expected),
            "{args:?}\n got: {stderr:?}\nwant: {expected:?}"
        );
    }
}

#[test]
fn an_unknown_language_is_told_in_the_locale() {
    let (code, stderr) = refused(&[("CTG_LANG", "de"), ("LANG", "fr_FR.UTF-8")], &["status"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "ctg: langue inconnue `de`\u{a0}: utilisez fr ou en\n"
    );
    let (_, stderr) = refused(&[("CTG_LANG", "de")], &["status"]);
    assert_eq!(stderr, "ctg: unknown language `de`: use fr or en\n");
}

#[test]
fn english_sessions_are_english() {
    let (code, stderr) = refused(&[], &["--lang", "en", "status", "--axis", "9"]);
    assert_eq!(code, 1);
    assert!(
        stderr.ends_with("ctg: unknown axis `9` (did you mean `1`?)\n"),
        "{stderr}"
    );
}

/// `ctg ARGS` from an empty folder with `vars`: (exit code, stdout, stderr).
fn bare(vars: &[(&str, &str)], args: &[&str]) -> (i32, String, String) {
    let run = TestEnv::empty().run_with_env(vars, args);
    (run.code, run.stdout, run.stderr)
}

#[test]
fn help_follows_the_language() {
    let (code, fr, _) = bare(&[("LANG", "fr_FR.UTF-8")], &["--help"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("help_fr", fr);
    let (_, record_fr, _) = bare(&[], &["--lang", "fr", "record", "--help"]);
    insta::assert_snapshot!("help_record_fr", record_fr);
    let (_, en, _) = bare(&[("LANG", "C")], &["--help"]);
    insta::assert_snapshot!("help_en", en);
    let (_, help_log, _) = bare(&[("LC_ALL", "fr_FR.UTF-8")], &["help", "log"]);
    assert!(
        help_log.starts_with("Les suivis de tout le plan"),
        "{help_log}"
    );
}

#[test]
fn usage_errors_follow_the_language_in_our_words() {
    let (code, _, fr) = bare(&[("LANG", "fr_FR.UTF-8")], &["report", "deux-mille"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("usage_error_fr", fr);
    let (code, _, en) = bare(&[], &["report", "two-thousand"]);
    assert_eq!(code, 2);
    assert!(
        !en.contains("invalid digit"),
        "Rust's wording stays out: {en}"
    );
    let (_, _, twice) = bare(
        &[],
        &["--as-of", "2025-01-01", "--as-of", "2025-02-01", "status"],
    );
    assert!(
        twice.starts_with("ctg: --as-of <DATE> is given more than once\n"),
        "{twice}"
    );
    let (_, _, fr) = bare(&[("LANG", "fr_FR.UTF-8")], &["stauts"]);
    assert!(
        fr.starts_with("ctg: commande inconnue `stauts`\n  vouliez-vous dire `status`\u{a0}?"),
        "{fr}"
    );
}

#[test]
fn status_help_lists_the_seven_statuses_and_french_help_has_no_jargon() {
    let env = TestEnv::empty();
    let seven = "planned, in-progress, paused, blocked, postponed, done, abandoned";
    for command in ["status", "record"] {
        for lang in ["en", "fr"] {
            let help = env.run(&["--lang", lang, command, "--help"]).stdout;
            let joined = help.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(joined.contains(seven), "{command} {lang}: {help}");
        }
    }
    for command in [
        "record",
        "set",
        "add partner",
        "add milestone",
        "add indicator",
    ] {
        let mut args = vec!["--lang", "fr"];
        args.extend(command.split(' '));
        args.push("--help");
        let help = env.run(&args).stdout;
        for jargon in ["Commiter", " diff "] {
            assert!(!help.contains(jargon), "{command}: {jargon}: {help}");
        }
    }
}

#[test]
fn every_help_ends_with_an_example_in_its_language() {
    let env = TestEnv::empty();
    let commands = [
        "",
        "validate",
        "status",
        "show",
        "record",
        "log",
        "summary",
        "report",
        "timeline",
        "evaluation",
        "renew",
        "portfolio",
        "add",
        "add partner",
        "add milestone",
        "add indicator",
        "set",
        "init",
        "schema",
        "completions",
        "man",
    ];
    for command in commands {
        for (lang, title) in [("en", "\nExample:\n  # "), ("fr", "\nExemple\u{a0}:\n  # ")] {
            let mut args = vec!["--lang", lang];
            args.extend(command.split_whitespace());
            args.push("--help");
            let help = env.run(&args).stdout;
            let tail = help.rsplit_once(title).map(|(_, t)| t);
            let line = tail.and_then(|t| t.lines().nth(1)).unwrap_or_default();
            assert!(
                line.starts_with(&format!("  ctg {command}").replace("ctg  ", "ctg ")),
                "{lang} `{command}`: {help}"
            );
        }
    }
    let fr = env.run(&["--lang", "fr", "record", "--help"]).stdout;
    assert!(fr.contains("# Enregistrer l'avancement du jour"), "{fr}");
}

#[test]
fn french_help_is_the_long_form_as_english_is() {
    let env = TestEnv::empty();
    let commands = [
        "validate",
        "status",
        "log",
        "summary",
        "report",
        "timeline",
        "evaluation",
        "renew",
        "portfolio",
    ];
    for command in commands {
        let en = env.run(&["--lang", "en", command, "--help"]).stdout;
        let fr = env.run(&["--lang", "fr", command, "--help"]).stdout;
        // Every value English describes, French describes too.
        let described = |help: &str| {
            help.lines()
                .filter(|l| l.trim_start().starts_with("- "))
                .count()
        };
        assert_eq!(described(&en), described(&fr), "{command}: {en}\n{fr}");
        assert!(
            !fr.lines()
                .any(|l| l.trim_start().starts_with("- ") && l.ends_with("\u{a0}:")),
            "{command}: a value without its French meaning: {fr}"
        );
    }
    let fr = env.run(&["--lang", "fr", "status", "--help"]).stdout;
    assert!(
        fr.contains("\n      --axis <ID>\n          Seulement cet axe\n"),
        "{fr}"
    );
    assert!(
        fr.contains("\n          - xlsx\u{a0}: Un classeur Excel"),
        "{fr}"
    );
    let short = env.run(&["--lang", "fr", "status", "-h"]).stdout;
    assert!(short.contains("\n      --axis <ID>  "), "{short}");
    // Each form names the other, as English does.
    assert!(fr.contains("Affiche l'aide (un résumé avec -h)"), "{fr}");
    assert!(
        short.contains("Affiche l'aide (le détail avec --help)"),
        "{short}"
    );
}

//! `add partner|milestone|indicator` and `set`: only the lines of the
//! change, comments kept, dry runs and refusals change nothing.

use crate::common::TestEnv;

const SHEET: &str = "actions/2.1.2.yaml";

/// The milestone of the example.
const ADD_PERMIS: [&str; 9] = [
    "add",
    "milestone",
    "2.1.1",
    "--id",
    "permis",
    "--title",
    "Permis déposé",
    "--due",
    "2025-06-30",
];

fn demo_in_git() -> TestEnv {
    let env = TestEnv::demo();
    env.edit(SHEET, "title:", "# écrit à la main\ntitle:");
    env.git_init();
    env
}

/// Runs `args` in a fresh repository: exit 0, `git diff --numstat` is
/// `numstat`, the comment is kept, the plan validates; the same with
/// `--dry-run` changes nothing. Returns the diff.
fn changes_only(args: &[&str], numstat: &str) -> String {
    let env = demo_in_git();
    let dry = env.run(&[args, &["--dry-run"]].concat());
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_eq!(env.git(&["status", "--porcelain"]), "", "--dry-run wrote");
    let run = env.run(args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(env.git(&["diff", "--numstat"]), numstat);
    assert!(env.read(SHEET).contains("# écrit à la main"));
    assert_eq!(env.run(&["validate"]).code, 0);
    env.git(&["diff"])
}

#[test]
fn each_change_touches_only_its_lines() {
    let cases: [(&str, &[&str], &str); 4] = [
        (
            "add_partner_diff",
            &[
                "add",
                "partner",
                "mairie-val",
                "--name",
                "Mairie du Val",
                "--kind",
                "elected",
            ],
            "3\t0\tplan/partners.yaml\n",
        ),
        (
            "add_milestone_diff",
            &ADD_PERMIS,
            "4\t0\tplan/actions/2.1.1.yaml\n",
        ),
        (
            "add_indicator_diff",
            &[
                "add",
                "indicator",
                "2.1.2",
                "--id",
                "familles",
                "--label",
                "Familles accueillies",
                "--unit",
                "familles",
                "--kind",
                "result",
                "--direction",
                "up",
                "--baseline",
                "2025=0",
                "--target",
                "2026=40",
            ],
            "8\t0\tplan/actions/2.1.2.yaml\n",
        ),
        (
            "set_diff",
            &[
                "set",
                "2.1.2",
                "--lead",
                "ccvl",
                "--partners",
                "caf-exemple,maison-jeunes",
                "--schedule",
                "2025-2026",
            ],
            "3\t2\tplan/actions/2.1.2.yaml\n",
        ),
    ];
    for (name, args, numstat) in cases {
        insta::assert_snapshot!(name, changes_only(args, numstat));
    }
}

#[test]
fn a_reached_milestone_added_by_add_shows_in_status() {
    let env = TestEnv::demo();
    assert_eq!(env.run(&ADD_PERMIS).code, 0);
    let run = env.run(&[
        "record",
        "2.1.1",
        "--reached",
        "permis",
        "--date",
        "2025-06-30",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let show = env.run(&["show", "2.1.1"]);
    assert!(show.stdout.contains("Permis déposé"), "{}", show.stdout);
    let status = env.run(&["status", "--format", "json"]);
    assert!(status.stdout.contains("2.1.1"), "{}", status.stdout);
}

#[test]
fn refusals_leave_the_bytes_unchanged() {
    let env = demo_in_git();
    for (args, says) in [
        (
            &["set", "2.1.2", "--lead", "service-enfanse"][..],
            "service-enfance",
        ),
        (&["set", "2.1.2", "--tracks", "nope"], "unknown track"),
        (&["add", "partner", "ccvl", "--name", "X"], "already used"),
        (&["add", "partner", "Bad Id", "--name", "X"], "not an id"),
        (
            &[
                "add",
                "milestone",
                "2.1.9",
                "--id",
                "x",
                "--title",
                "X",
                "--due",
                "2025-01-01",
            ],
            "2.1.",
        ),
        (
            &[
                "add",
                "milestone",
                "2.1.2",
                "--id",
                "x",
                "--title",
                "X",
                "--due",
                "demain",
            ],
            "not a date",
        ),
        (
            &[
                "add",
                "indicator",
                "2.1.2",
                "--id",
                "x",
                "--label",
                "X",
                "--unit",
                "u",
                "--kind",
                "resul",
                "--direction",
                "up",
            ],
            "result",
        ),
    ] {
        let run = env.run(&[&["--lang", "en"], args].concat());
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert_eq!(env.git(&["status", "--porcelain"]), "", "{args:?} wrote");
    }
}

#[test]
fn french_choices_are_accepted_and_written_in_english() {
    let env = demo_in_git();
    let partner = env.run(&[
        "add",
        "partner",
        "mairie-val",
        "--name",
        "Mairie",
        "--kind",
        "Élu",
    ]);
    assert_eq!(partner.code, 0, "{}", partner.stderr);
    assert!(env.read("partners.yaml").ends_with("  kind: elected\n"));
    let indicator = env.run(&[
        "add",
        "indicator",
        "2.1.2",
        "--id",
        "ateliers",
        "--label",
        "Ateliers",
        "--unit",
        "ateliers",
        "--kind",
        "activité",
        "--direction",
        "Hausse",
    ]);
    assert_eq!(indicator.code, 0, "{}", indicator.stderr);
    let sheet = env.read(SHEET);
    assert!(
        sheet.contains("    kind: means\n    direction: up\n"),
        "{sheet}"
    );
    for (words, direction) in [("resultat", "baisse"), ("Résultat", "stable")] {
        let args = ["add", "indicator", "2.1.2", "--id", "x", "--label", "X"];
        let more = ["--unit", "u", "--kind", words, "--direction", direction];
        let run = env.run(&[&args[..], &more, &["--dry-run"]].concat());
        assert_eq!(run.code, 0, "{words} {direction}: {}", run.stderr);
    }
    assert_eq!(env.run(&["validate"]).code, 0);
}

#[test]
fn a_refused_choice_lists_the_accepted_values_in_the_session_language() {
    let env = demo_in_git();
    let args = [
        "add",
        "partner",
        "mairie-val",
        "--name",
        "Mairie",
        "--kind",
        "mairie",
    ];
    let fr = env.run(&args);
    assert_eq!(fr.code, 1);
    assert!(
        fr.stderr
            .contains("`signataire`, `élu`, `service`, `institution`, `association`, `autre`"),
        "{}",
        fr.stderr
    );
    let en = env.run(&[&["--lang", "en"], &args[..]].concat());
    assert_eq!(en.code, 1);
    assert!(
        en.stderr
            .contains("`signatory`, `elected`, `service`, `institution`, `association`, `other`"),
        "{}",
        en.stderr
    );
    let direction = env.run(&[
        "add",
        "indicator",
        "2.1.2",
        "--id",
        "x",
        "--label",
        "X",
        "--unit",
        "u",
        "--kind",
        "result",
        "--direction",
        "monte",
    ]);
    assert_eq!(direction.code, 1);
    assert!(
        direction.stderr.contains("`hausse`, `baisse`, `stable`"),
        "{}",
        direction.stderr
    );
    assert_eq!(env.git(&["status", "--porcelain"]), "");
}

#[test]
fn set_says_its_keys_in_french_in_french_commits() {
    let env = demo_in_git();
    let run = env.run(&[
        "set",
        "2.1.2",
        "--lead",
        "ccvl",
        "--partners",
        "maison-jeunes",
        "--schedule",
        "2025-2026",
        "--commit",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let subject = env.git(&["log", "-1", "--format=%s"]);
    assert_eq!(
        subject,
        "2.1.2\u{a0}: pilote, partenaires, calendrier modifiés\n"
    );
    assert!(
        run.stdout.contains("pilote, partenaires, calendrier"),
        "{}",
        run.stdout
    );
}

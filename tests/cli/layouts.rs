//! Writers take every sheet `validate` accepts: a `---` line after the
//! schema comment, a `%YAML 1.2` directive, `journal: ~`. Only the new
//! entry's lines are added (and the null they replace).

use crate::common::TestEnv;

fn record(env: &TestEnv, sheet: &str) -> crate::common::Run {
    env.run(&["record", sheet, "--status", "en cours", "--note", "Réunion"])
}

#[test]
fn record_after_a_document_start_or_a_directive() {
    let sheet = "actions/1.2.1.yaml";
    for prolog in ["---\n", "%YAML 1.2\n---\n"] {
        let env = TestEnv::demo();
        let old = env.read(sheet);
        let (first, rest) = old.split_once('\n').unwrap();
        let old = match prolog.starts_with('%') {
            true => format!("{prolog}{old}"),
            false => format!("{first}\n{prolog}{rest}"),
        };
        env.write(sheet, &old);
        assert_eq!(env.run(&["validate"]).code, 0, "{prolog:?}");
        let run = record(&env, "1.2.1");
        assert_eq!(run.code, 0, "{prolog:?}: {}", run.transcript());
        let new = env.read(sheet);
        let added = new
            .strip_prefix(old.as_str())
            .unwrap_or_else(|| panic!("{new}"));
        assert!(added.starts_with("  - date: 2025-07-01\n"), "{added}");
        assert_eq!(env.run(&["validate"]).code, 0, "{prolog:?}");
    }
}

#[test]
fn record_into_a_null_journal() {
    let env = TestEnv::demo();
    let sheet = "actions/2.1.2.yaml";
    let old = format!("{}journal: ~   # rien encore\n", env.read(sheet));
    env.write(sheet, &old);
    assert_eq!(env.run(&["validate"]).code, 0);
    let run = record(&env, "2.1.2");
    assert_eq!(run.code, 0, "{}", run.transcript());
    let new = env.read(sheet);
    let kept = old.strip_suffix("journal: ~   # rien encore\n").unwrap();
    let added = new.strip_prefix(kept).unwrap_or_else(|| panic!("{new}"));
    assert!(
        added.starts_with("journal:   # rien encore\n  - date: 2025-07-01\n"),
        "{added}"
    );
    assert_eq!(env.run(&["validate"]).code, 0);
}

/// Issue 21, item 7: `add milestone` and `add indicator` take a list written
/// as nothing (`~`, `null`, no value, `[]`): its line becomes the list, a
/// comment after it kept; the other lines are left as they are. A flow list
/// that holds items is still refused, nothing written.
#[test]
fn add_into_a_null_or_empty_list() {
    let sheet = "actions/2.1.2.yaml";
    let listed = "milestones:\n  - {id: lancement, title: Première tournée, due: 2026-09-30}\n";
    let add = |env: &TestEnv| {
        env.run(&[
            "add",
            "milestone",
            "2.1.2",
            "--id",
            "visite",
            "--title",
            "Visite",
            "--due",
            "2026-03-01",
        ])
    };
    for (written, head) in [
        ("milestones: ~\n", "milestones:\n"),
        ("milestones:\n", "milestones:\n"),
        ("milestones: null\n", "milestones:\n"),
        ("milestones: []\n", "milestones:\n"),
        ("milestones: ~   # plus tard\n", "milestones: # plus tard\n"),
        ("milestones: [ ] # vide\n", "milestones: # vide\n"),
    ] {
        let env = TestEnv::demo();
        let old = env.read(sheet).replace(listed, written);
        env.write(sheet, &old);
        assert_eq!(env.run(&["validate"]).code, 0, "{written:?}");
        let run = add(&env);
        assert_eq!(run.code, 0, "{written:?}: {}", run.transcript());
        let want = old.replace(
            written,
            &format!("{head}  - id: visite\n    title: Visite\n    due: 2026-03-01\n"),
        );
        assert_eq!(env.read(sheet), want, "{written:?}");
        assert_eq!(env.run(&["validate"]).code, 0, "{written:?}");
    }
    let env = TestEnv::demo();
    let old = format!("{}indicators: ~\n", env.read(sheet));
    env.write(sheet, &old);
    let run = env.run(&[
        "add",
        "indicator",
        "2.1.2",
        "--id",
        "places",
        "--label",
        "Places",
        "--unit",
        "places",
        "--kind",
        "result",
        "--direction",
        "up",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(env.read(sheet).contains("indicators:\n  - id: places\n"));
    let env = TestEnv::demo();
    let flow = "milestones: [{id: lancement, title: Première tournée, due: 2026-09-30}]\n";
    let old = env.read(sheet).replace(listed, flow);
    env.write(sheet, &old);
    assert_eq!(add(&env).code, 1);
    assert_eq!(env.read(sheet), old);
}

/// Found by the layout fuzz (`layout_fuzz`): U+2028 and U+2029 are line
/// breaks for YAML 1.1 readers (libyaml, PyYAML); a note or title holding
/// one was written plain, and those readers could not read the sheet. It
/// is written double-quoted, the character escaped.
#[test]
fn a_line_or_paragraph_separator_is_written_quoted() {
    let env = TestEnv::demo();
    let sheet = "actions/1.2.1.yaml";
    let old = env.read(sheet);
    let run = env.run(&["record", "1.2.1", "--note", "séparateur\u{2028}de ligne"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let added = env
        .read(sheet)
        .strip_prefix(old.as_str())
        .unwrap()
        .to_string();
    assert!(
        added.ends_with("    note: \"séparateur\\u2028de ligne\"\n"),
        "{added}"
    );
    let run = env.run(&[
        "add",
        "milestone",
        "1.2.1",
        "--id",
        "fin",
        "--title",
        "fin de\u{2029}paragraphe",
        "--due",
        "2026-06-30",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let text = env.read(sheet);
    assert!(
        text.contains("    title: \"fin de\\u2029paragraphe\"\n"),
        "{text}"
    );
    assert!(crate::libyaml::parse(&text).is_ok());
}

/// A `|` note ends the file without a line break: an entry after it would
/// give that note a line break it does not have (YAML keeps the last one
/// only when it is there), so `record` refuses, writes nothing, and says
/// what to do.
#[test]
fn record_after_a_block_note_ending_the_file_says_to_add_a_line_break() {
    let env = TestEnv::demo();
    let sheet = "actions/1.2.1.yaml";
    let old = format!(
        "{}  - date: 2025-04-20\n    note: |\n      Réunion avec le propriétaire",
        env.read(sheet)
    );
    env.write(sheet, &old);
    assert_eq!(env.run(&["validate"]).code, 0);
    let run = record(&env, "1.2.1");
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("le fichier ne finit pas par un saut de ligne"),
        "{}",
        run.stderr
    );
    assert_eq!(env.read(sheet), old, "nothing written");
    env.write(sheet, format!("{old}\n"));
    assert_eq!(record(&env, "1.2.1").code, 0, "with the line break added");
}

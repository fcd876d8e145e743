//! Hostile text in the plan and in arguments: control characters never reach
//! a terminal or git raw, and Markdown never carries live HTML or links.

use crate::common::TestEnv;

/// The characters a terminal may obey instead of showing.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| {
            matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
                | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// `text` has no raw control and shows `escaped`.
fn assert_escaped(text: &str, escaped: &str) {
    assert!(raw_controls(text).is_empty(), "{text:?}");
    assert!(text.contains(escaped), "{text}");
}

#[test]
fn a_note_with_escapes_reaches_neither_the_terminal_nor_git_raw() {
    let env = TestEnv::demo();
    env.git_init();
    let run = env.run(&[
        "--lang",
        "en",
        "record",
        "1.2.1",
        "--note",
        "\u{1b}]0;PWNED\u{7}\u{1b}[2Jhi",
        "--commit",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_escaped(&run.stdout, "\\u001b]0;PWNED\\u0007\\u001b[2Jhi");
    let subject = env.git(&["log", "-1", "--format=%s"]);
    assert!(raw_controls(&subject).is_empty(), "{subject:?}");
}

#[test]
fn a_carriage_return_cannot_hide_the_start_of_a_commit_subject() {
    let env = TestEnv::demo();
    env.git_init();
    let run = env.run(&["record", "1.2.1", "--note", "visible\rSPOOF", "--commit"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let subject = env.git(&["log", "-1", "--format=%s"]);
    assert!(subject.contains("visible\\u000dSPOOF"), "{subject:?}");
}

#[test]
fn a_refused_argument_is_echoed_with_visible_escapes() {
    let env = TestEnv::demo();
    let run = env.run(&["record", "1.2.1", "--status", "\u{1b}]0;X\u{7}\u{202e}"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_escaped(&run.stderr, "\\u001b]0;X\\u0007\\u202e");
}

#[test]
fn diagnostics_escape_the_snippet_and_keep_the_marker_under_the_mistake() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.2.1.yaml",
        "title: Liaison",
        "ti\u{9b}\u{1b}[2Jtle: x\ntitle: Liaison",
    );
    env.write("actions/x\u{1b}[2J\u{202e}.yaml", "id: [");
    let run = env.run(&["--lang", "en", "validate"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_escaped(&run.stderr, "x\\u001b[2J\\u202e.yaml");
    let lines: Vec<&str> = run.stderr.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.contains("ti\\u009b\\u001b[2Jtle: x"))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    let code_at = lines[source].find("ti\\u009b").unwrap_or_default();
    let marker_at = lines[source + 1].find('^').unwrap_or_default();
    assert_eq!(marker_at, code_at, "{}", run.stderr);
}

const HOSTILE_TITLE: &str = "x <img src=x onerror=alert(1)> [x](javascript:alert(1))";

fn hostile_markdown() -> TestEnv {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.2.1.yaml",
        "title: Liaison cyclable entre les deux bourgs",
        &format!("title: \"{HOSTILE_TITLE}\""),
    );
    env.edit(
        "actions/1.2.1.yaml",
        "note: Désaccord foncier sur 800 m",
        &format!("note: \"{HOSTILE_TITLE}\""),
    );
    env
}

#[test]
fn markdown_carries_no_html_and_no_link_from_plan_text() {
    let env = hostile_markdown();
    for args in [
        &["status", "--format", "markdown"][..],
        &["log", "--format", "markdown", "--from", "2024-01-01"],
        &["report", "2025", "--format", "markdown"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(run.stdout.contains("x &lt;img"), "{args:?}: {}", run.stdout);
        assert!(!run.stdout.contains("<img"), "{args:?}: {}", run.stdout);
        assert!(!run.stdout.contains("[x]("), "{args:?}: {}", run.stdout);
    }
}

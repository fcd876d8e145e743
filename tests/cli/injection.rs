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

/// Hostile texts: terminal controls, HTML, Markdown links, spreadsheet formulas.
const PAYLOADS: &[&str] = &[
    "\u{1b}]0;PWNED\u{7}\u{1b}[2Jx",
    "visible\rSPOOF",
    "a\u{7f}b\u{9b}31mc",
    "\u{202e}evil\u{2066}",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
];

/// `text` as a YAML double-quoted scalar, every control as `\uXXXX`.
fn yaml_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || ('\u{2000}'..='\u{2fff}').contains(&c) => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Where an output goes and what makes it safe.
enum Check {
    /// Text for a terminal: no raw control.
    Terminal,
    /// Markdown: no raw control, no live HTML or link from the plan.
    Markdown,
    /// JSON: parses, no raw DEL, C1 or bidi, and the title comes back intact.
    Json,
    /// HTML written to a file: no tag from the plan.
    Html,
    /// CSV written to a file: no cell that a spreadsheet would run.
    Csv,
    /// An xlsx workbook: no formula.
    Xlsx,
}

fn check_output(check: &Check, payload: &str, env: &TestEnv, run: &crate::common::Run) {
    let out = &run.stdout;
    let file = |name: &str| std::fs::read(env.dir.path().join(name)).unwrap_or_default();
    match check {
        Check::Terminal => assert!(raw_controls(out).is_empty(), "{payload:?}: {out:?}"),
        Check::Markdown => {
            assert!(raw_controls(out).is_empty(), "{payload:?}: {out:?}");
            // `\]` is an escaped bracket: no link.
            let unescaped = out.replace("\\]", "");
            for live in ["<script", "<img", "](javascript"] {
                assert!(!unescaped.contains(live), "{payload:?}: {out}");
            }
        }
        Check::Json => {
            let doc: serde_json::Value = serde_json::from_str(out).unwrap();
            let raw = raw_controls(out);
            assert!(raw.iter().all(|c| *c < '\u{7f}'), "{payload:?}: {raw:?}");
            assert!(
                doc.to_string()
                    .contains(&serde_json::to_string(payload).unwrap()[1..])
            );
        }
        Check::Html => {
            let html = String::from_utf8_lossy(&file("out.html")).to_lowercase();
            assert!(
                !html.contains("<script") && !html.contains("<img"),
                "{payload:?}"
            );
        }
        Check::Csv => {
            let csv = String::from_utf8_lossy(&file("out.csv")).into_owned();
            for cell in csv.split(['\n', ';', ',']) {
                let cell = cell.trim_start_matches('"');
                assert!(
                    !cell.starts_with(['=', '@', '+']) || cell.starts_with("=\"\""),
                    "{payload:?}: {cell}"
                );
            }
        }
        Check::Xlsx => {
            use calamine::Reader;
            let mut book: calamine::Xlsx<_> =
                calamine::open_workbook(env.dir.path().join("out.xlsx")).unwrap();
            for name in book.sheet_names() {
                let formulas = book.worksheet_formula(&name).unwrap();
                assert!(
                    formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                    "{payload:?}"
                );
            }
        }
    }
}

#[test]
fn hostile_plan_text_is_safe_in_every_output_format() {
    let formats: &[(&[&str], Check)] = &[
        (&["status"], Check::Terminal),
        (&["show", "1.2.1"], Check::Terminal),
        (&["log", "--from", "2024-01-01"], Check::Terminal),
        (&["report", "2025"], Check::Terminal),
        (&["evaluation"], Check::Terminal),
        (&["status", "--format", "markdown"], Check::Markdown),
        (
            &["log", "--format", "markdown", "--from", "2024-01-01"],
            Check::Markdown,
        ),
        (&["report", "2025", "--format", "markdown"], Check::Markdown),
        (&["status", "--format", "json"], Check::Json),
        (&["report", "2025", "--output", "out.html"], Check::Html),
        (&["status", "--output", "out.csv"], Check::Csv),
        (
            &["log", "--from", "2024-01-01", "--output", "out.csv"],
            Check::Csv,
        ),
        (&["report", "2025", "--output", "out.xlsx"], Check::Xlsx),
    ];
    for payload in PAYLOADS {
        let env = TestEnv::demo();
        let quoted = yaml_quoted(payload);
        env.edit(
            "actions/1.2.1.yaml",
            "title: Liaison cyclable entre les deux bourgs",
            &format!("title: {quoted}"),
        );
        env.edit(
            "actions/1.2.1.yaml",
            "note: Désaccord foncier sur 800 m",
            &format!("note: {quoted}"),
        );
        for (args, check) in formats {
            let run = env.run(args);
            assert_eq!(run.code, 0, "{payload:?} {args:?}: {}", run.stderr);
            assert!(raw_controls(&run.stderr).is_empty(), "{payload:?} {args:?}");
            check_output(check, payload, &env, &run);
        }
        env.git_init();
        let run = env.run(&["record", "1.2.1", "--note", payload, "--commit"]);
        assert_eq!(run.code, 0, "{payload:?}: {}", run.stderr);
        assert!(raw_controls(&run.stdout).is_empty(), "{payload:?}");
        let subject = env.git(&["log", "-1", "--format=%s"]);
        assert!(
            raw_controls(&subject).is_empty(),
            "{payload:?}: {subject:?}"
        );
    }
}

//! The malformed-plan corpus: each file of `tests/corpus` replaces one file
//! of the demo plan and must give its pinned diagnostic — code, file and
//! line. The pin is in the fixture's first lines (`# file: …` and
//! `# expect: CODE FILE LINE`), or in `NAME.expect` for a fixture that is
//! not UTF-8 text. The same files seed the fuzzer (`tests/fuzz.rs`).

use crate::common::TestEnv;
use std::path::Path;

/// The fixture's target file and its expected code, file and line.
fn pin(fixture: &Path) -> (String, String, String, u64) {
    let sidecar = fixture.with_extension("expect");
    let text = std::fs::read(if sidecar.exists() { &sidecar } else { fixture }).unwrap();
    let text = String::from_utf8_lossy(&text);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("{}: no `{name}`", fixture.display()))
            .to_string()
    };
    let file = field("# file: ");
    let expect = field("# expect: ");
    let parts: Vec<&str> = expect.split_whitespace().collect();
    let [code, at, line] = parts[..] else {
        panic!("{}: `# expect: CODE FILE LINE`", fixture.display());
    };
    (
        file,
        code.to_string(),
        at.to_string(),
        line.parse().unwrap(),
    )
}

#[test]
fn every_malformed_plan_of_the_corpus_gives_its_pinned_diagnostic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut fixtures: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 60, "{} fixtures", fixtures.len());
    for fixture in &fixtures {
        let (file, code, at, line) = pin(fixture);
        let env = TestEnv::demo();
        env.write(&file, std::fs::read(fixture).unwrap());
        let run = env.run(&["--lang", "en", "validate", "--format", "json"]);
        assert_eq!(run.code, 1, "{}: {}", fixture.display(), run.stdout);
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let found = doc["diagnostics"].as_array().unwrap().iter().any(|d| {
            d["code"] == code.as_str()
                && d["file"] == format!("plan/{at}").as_str()
                && d["line"].as_u64().unwrap_or(0) == line
        });
        assert!(
            found,
            "{}: no {code} at {at}:{line}\n{}",
            fixture.display(),
            run.stdout
        );
    }
}

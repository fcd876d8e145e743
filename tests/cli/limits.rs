//! The limits of a plan: numbers, YAML budgets, the lock. Each is a named
//! constant of the code, documented in `docs/reliability.md`, with its own
//! diagnostic or refusal.

use crate::common::TestEnv;

#[test]
fn a_measure_beyond_a_thousand_billion_is_refused_by_record() {
    let env = TestEnv::demo();
    let before = env.read("actions/1.2.1.yaml");
    let run = env.run(&[
        "--lang",
        "en",
        "record",
        "1.2.1",
        "--measure",
        "kilometres=1.7e308",
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stderr.contains("thousand billion"), "{}", run.stderr);
    assert_eq!(env.read("actions/1.2.1.yaml"), before);
}

#[test]
fn every_non_finite_or_absurd_number_in_a_file_is_reported() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.2.1.yaml",
        "targets: {2025: 4, 2026: 9}",
        "targets: {2025: .inf, 2026: .nan}\n    baseline: {year: 2023, value: -.inf}",
    );
    env.edit(
        "actions/1.2.1.yaml",
        "measures: {kilometres: 1.5}",
        "measures: {kilometres: 1e308}",
    );
    let lines: Vec<u32> = found(&env, "1.2.1.yaml")
        .into_iter()
        .filter(|(code, _)| code == "bad-number")
        .map(|(_, line)| line)
        .collect();
    assert_eq!(lines, [16, 16, 17, 35]);
}

/// The codes and lines of `validate --format json` on `file`.
fn found(env: &TestEnv, file: &str) -> Vec<(String, u32)> {
    let run = env.run(&["validate", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"].as_str().is_some_and(|f| f.ends_with(file)))
        .map(|d| {
            let code = d["code"].as_str().unwrap_or_default().to_string();
            (code, d["line"].as_u64().map_or(0, |l| l as u32))
        })
        .collect()
}

/// The codes of `validate --format json` on `file`.
fn codes_on(env: &TestEnv, file: &str) -> Vec<String> {
    found(env, file).into_iter().map(|(code, _)| code).collect()
}

#[test]
fn a_billion_laughs_is_too_many_aliases() {
    let env = TestEnv::demo();
    let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    env.write("actions/9.9.9.yaml", text);
    assert_eq!(codes_on(&env, "9.9.9.yaml"), ["too-many-aliases"]);
}

/// Issue 21, item 17: few aliases of one large text replay more text than
/// the largest file ctg reads (`yaml::MAX_ALIAS_BYTES`, 10 MiB): refused at
/// the alias that goes over, with its file and line, before anything is
/// copied (one 9 MiB text referenced 99 times made `show` print 944 MB).
#[test]
fn aliases_replaying_more_than_ten_mebibytes_of_text_are_too_many() {
    let env = TestEnv::demo();
    let big = "x".repeat(2 * 1024 * 1024);
    let mut text = format!("note: &big {big}\nrefs:\n");
    for _ in 0..10 {
        text.push_str("  - *big\n");
    }
    env.write("actions/9.9.9.yaml", &text);
    let start = std::time::Instant::now();
    let run = env.run(&["--lang", "en", "validate", "--format", "json"]);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    assert!(run.stdout.len() < 100_000, "{}", run.stdout.len());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let ours: Vec<(String, u64)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("9.9.9.yaml"))
        })
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    // 2 MiB × 5 is 10 MiB, within; the sixth alias (line 8) goes over.
    assert_eq!(ours, [("too-many-aliases".to_string(), 8)]);
    let show = env.run(&["--lang", "en", "show", "9.9.9"]);
    assert_eq!(show.code, 1, "{}", show.stdout.len());
    assert!(show.stdout.len() < 100_000, "{}", show.stdout.len());
    assert!(show.stderr.contains("MiB of text"), "{}", show.stderr);
    // Within the limit: five aliases of it are read.
    let within: String = text.lines().take(7).map(|l| format!("{l}\n")).collect();
    env.write("actions/9.9.9.yaml", within);
    assert!(!codes_on(&env, "9.9.9.yaml").contains(&"too-many-aliases".to_string()));
}

#[test]
fn deep_nesting_is_too_deep() {
    let env = TestEnv::demo();
    env.write("actions/9.9.9.yaml", format!("a: {}\n", "[".repeat(256)));
    assert_eq!(codes_on(&env, "9.9.9.yaml"), ["too-deep"]);
}

#[test]
fn several_documents_in_a_file_are_told_plainly() {
    let env = TestEnv::demo();
    let sheet = env.read("actions/2.1.2.yaml");
    env.write("actions/2.1.2.yaml", format!("{sheet}---\n{sheet}"));
    let run = env.run(&["--lang", "en", "validate"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("yaml-syntax"), "{}", run.stderr);
    assert!(!run.stderr.contains("from_str_multiple"), "{}", run.stderr);
}

#[test]
fn a_legitimate_sheet_of_fifty_thousand_entries_loads() {
    let env = TestEnv::demo();
    let mut sheet = env.read("actions/2.1.2.yaml");
    sheet.push_str("journal:\n");
    for n in 0..50_000 {
        sheet.push_str(&format!(
            "  - date: 2024-03-01\n    note: Entrée n° {n:05} du relais\n"
        ));
    }
    assert!(sheet.len() > 1_900_000, "{}", sheet.len());
    env.write("actions/2.1.2.yaml", sheet);
    let errors: Vec<String> = codes_on(&env, "2.1.2.yaml")
        .into_iter()
        .filter(|c| c != "stale" && c != "progress-down")
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn record_says_it_waits_for_the_lock_and_gives_up_after_the_timeout() {
    let env = TestEnv::demo();
    let before = env.read("actions/1.2.1.yaml");
    let held = std::fs::File::create(env.path(".ctg.lock")).unwrap();
    held.lock().unwrap();
    let start = std::time::Instant::now();
    let run = env.run_with_env(
        &[("CTG_LOCK_TIMEOUT", "2")],
        &["--lang", "en", "record", "1.2.1", "--note", "x"],
    );
    let waited = start.elapsed().as_secs_f64();
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!((2.0..8.0).contains(&waited), "{waited}");
    assert!(
        run.stderr
            .contains("waiting for another ctg, which holds the plan's lock `plan/.ctg.lock`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("for 2 s: given up"), "{}", run.stderr);
    assert_eq!(env.read("actions/1.2.1.yaml"), before);
}

#[test]
fn a_dry_run_takes_no_lock() {
    let env = TestEnv::demo();
    let held = std::fs::File::create(env.path(".ctg.lock")).unwrap();
    held.lock().unwrap();
    let run = env.run_with_env(
        &[("CTG_LOCK_TIMEOUT", "0")],
        &["record", "1.2.1", "--note", "x", "--dry-run"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("+    note: x"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn a_dry_run_works_on_a_read_only_plan() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::demo();
    let plan = env.plan();
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o555)).unwrap();
    let run = env.run(&["record", "1.2.1", "--note", "x", "--dry-run"]);
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!env.path(".ctg.lock").exists());
}

#[cfg(unix)]
#[test]
fn a_lock_file_that_is_a_link_or_a_folder_is_refused() {
    let env = TestEnv::demo();
    let outside = env.dir.path().join("outside");
    let lock = env.path(".ctg.lock");
    let link = |l: &std::path::Path| std::os::unix::fs::symlink(&outside, l).unwrap();
    let folder = |l: &std::path::Path| std::fs::create_dir(l).unwrap();
    for make in [&link as &dyn Fn(&std::path::Path), &folder] {
        make(&lock);
        let run = env.run(&["--lang", "en", "record", "1.2.1", "--note", "x"]);
        assert_eq!(run.code, 1, "{}", run.stdout);
        let said = "cannot take the plan's lock";
        assert!(run.stderr.contains(said), "{}", run.stderr);
        assert!(!outside.exists());
        let _ = std::fs::remove_file(&lock);
    }
}

/// Issue 21, items 14 and 15: a date on the command line is of a year a
/// plan holds (1900 to 2999), and an id has at most 64 characters, at
/// every entry point: refused by `add` and `record` with nothing written,
/// and `bad-id` in a file, so that every id a file holds can be written
/// back by `record --measure ID=…` (a flow key of over 1,024 characters is
/// no YAML).
#[test]
fn dates_and_ids_stay_within_their_documented_limits() {
    fn indicator(id: &str) -> Vec<&str> {
        let mut args = vec!["add", "indicator", "1.2.1", "--id", id, "--label", "L"];
        args.extend(["--unit", "u", "--kind", "result", "--direction", "up"]);
        args
    }
    let env = TestEnv::demo();
    let sheet = "actions/1.2.1.yaml";
    let before = env.read(sheet);
    let long = "a".repeat(65);
    for args in [
        vec![
            "add",
            "milestone",
            "1.2.1",
            "--id",
            "m0",
            "--title",
            "T",
            "--due",
            "0000-01-01",
        ],
        vec!["record", "1.2.1", "--date", "01/01/1899", "--note", "x"],
        indicator(&long),
    ] {
        let run = env.run(&args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.transcript());
        assert!(
            run.stderr.contains("de 1900 à 2999") || run.stderr.contains("64 caractères au plus"),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(env.read(sheet), before, "{args:?}: nothing written");
    }
    let run = env.run(&indicator(&long[1..]));
    assert_eq!(run.code, 0, "64 characters: {}", run.transcript());
    let run = env.run(&["record", "1.2.1", "--measure", &format!("{}=3", &long[1..])]);
    assert_eq!(run.code, 0, "and recorded: {}", run.transcript());
    env.edit("partners.yaml", "id: ccvl", &format!("id: {long}"));
    let run = env.run(&["validate"]);
    assert!(
        run.stdout.contains("bad-id") || run.stderr.contains("bad-id"),
        "{}",
        run.transcript()
    );
}

/// Issue 21, item 16: an invisible control character in a value (DEL, a
/// C0 or C1 control, U+FFFE) is told as such, not as a reserved `@`.
#[test]
fn a_control_character_in_a_value_is_told_as_such() {
    for c in ['\u{7f}', '\u{1b}', '\u{9b}', '\u{fffe}'] {
        let env = TestEnv::demo();
        env.edit(
            "actions/1.2.1.yaml",
            "Désaccord foncier",
            &format!("Désaccord{c} foncier"),
        );
        let run = env.run(&["validate"]);
        assert_eq!(run.code, 1, "{c:?}");
        assert!(
            run.transcript()
                .contains("la ligne contient un caractère de contrôle invisible"),
            "{c:?}: {}",
            run.transcript()
        );
    }
}

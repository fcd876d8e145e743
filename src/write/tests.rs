//! The single write path on a copy of the shipped plan.

use super::*;
use crate::check::RUNS;
use crate::i18n::Localize;
use std::path::PathBuf;

fn plan_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plan");
    copy_dir(&source, dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn options<'a>(dir: &'a Path, dry_run: bool, on_wait: &'a dyn Fn(&Path)) -> Options<'a> {
    Options {
        plan_dir: dir,
        shown_dir: Path::new("plan"),
        dry_run,
        commit: false,
        as_of: day(2025, 6, 30),
        today: day(2025, 6, 30),
        lang: Lang::Fr,
        lock_timeout: Duration::from_secs(5),
        on_wait,
    }
}

fn record(progress: &str) -> Change {
    Change::Record {
        sheet: "2.1.1".into(),
        request: Request {
            progress: Some(progress.into()),
            note: Some("Premier comité".into()),
            ..Default::default()
        },
    }
}

/// Runs `apply` and counts the checks of the whole plan it made.
fn counted(change: &Change, opts: &Options) -> (Result<Outcome, Refusal>, usize) {
    let before = RUNS.with(|r| r.get());
    let result = apply(change, opts);
    (result, RUNS.with(|r| r.get()) - before)
}

#[test]
fn a_record_checks_the_plan_twice_and_writes_the_entry() {
    let dir = plan_copy();
    let quiet = |_: &Path| {};
    let (outcome, checks) = counted(&record("40"), &options(dir.path(), false, &quiet));
    let outcome = outcome.expect("written");
    assert_eq!(checks, 2, "one check before the change, one after");
    let text = std::fs::read_to_string(dir.path().join("actions/2.1.1.yaml")).expect("read");
    assert_eq!(text, outcome.after);
    assert!(text.starts_with(&outcome.before), "the entry is appended");
    assert!(text.contains("progress: 40"), "{text}");
    assert_eq!(outcome.file, Path::new("plan/actions/2.1.1.yaml"));
}

#[test]
fn a_dry_run_writes_nothing_and_gives_both_texts() {
    let dir = plan_copy();
    let path = dir.path().join("actions/2.1.1.yaml");
    let old = std::fs::read(&path).expect("read");
    let quiet = |_: &Path| {};
    let (outcome, checks) = counted(&record("40"), &options(dir.path(), true, &quiet));
    let outcome = outcome.expect("dry run");
    assert_eq!(checks, 2);
    assert_eq!(std::fs::read(&path).expect("read"), old);
    assert_ne!(outcome.before, outcome.after);
    assert!(
        !dir.path().join(LOCK_FILE).exists(),
        "a dry run takes no lock"
    );
}

#[test]
fn a_change_that_breaks_the_plan_names_what_it_breaks() {
    let dir = plan_copy();
    let quiet = |_: &Path| {};
    let change = Change::Set(SetKeys {
        sheet: "2.1.2".into(),
        schedule: Some("2024-2027".into()),
        ..Default::default()
    });
    let (refusal, checks) = counted(&change, &options(dir.path(), false, &quiet));
    let Err(refusal) = refusal else {
        panic!("a schedule past the period is refused");
    };
    assert_eq!(checks, 2);
    let said = refusal.say(Lang::En);
    assert!(said.contains("2027"), "the cause is named: {said}");
    assert!(
        said.starts_with("nothing was written: the change"),
        "{said}"
    );
}

#[test]
fn a_plan_with_errors_is_refused_after_one_check() {
    let dir = plan_copy();
    std::fs::write(dir.path().join("actions/2.1.1.yaml"), "id: [\n").expect("write");
    let quiet = |_: &Path| {};
    let (refusal, checks) = counted(&record("40"), &options(dir.path(), false, &quiet));
    assert!(matches!(refusal, Err(Refusal::Invalid(_))));
    assert_eq!(checks, 1);
}

#[test]
fn a_new_text_over_the_size_limit_is_refused_before_writing() {
    let dir = plan_copy();
    let path = dir.path().join("actions/2.1.1.yaml");
    let mut text = std::fs::read_to_string(&path).expect("read");
    let limit = MAX_FILE_BYTES as usize;
    text.push_str(&format!("# {}\n", "x".repeat(limit - text.len() - 10)));
    std::fs::write(&path, &text).expect("write");
    let quiet = |_: &Path| {};
    let (refusal, _) = counted(&record("40"), &options(dir.path(), false, &quiet));
    assert!(matches!(refusal, Err(Refusal::TooLarge(..))), "{refusal:?}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn temporary_files_left_in_the_plan_folder_are_swept_by_the_next_writer() {
    let dir = plan_copy();
    let left = dir.path().join(format!("{TEMP_PREFIX}partners.yaml-0123"));
    std::fs::write(&left, "half").expect("write");
    let quiet = |_: &Path| {};
    apply(&record("40"), &options(dir.path(), false, &quiet)).expect("written");
    assert!(!left.exists());
}

#[test]
fn a_set_of_files_that_cannot_all_be_staged_changes_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("a.csv");
    std::fs::write(&first, "old").expect("write");
    let missing = dir.path().join("no-such-folder/b.csv");
    let set: [(&Path, &[u8]); 2] = [(&first, b"new"), (&missing, b"new")];
    let failure = replace_files(&set).expect_err("the second cannot be staged");
    assert_eq!((failure.written, failure.path), (0, missing));
    assert_eq!(std::fs::read_to_string(&first).expect("read"), "old");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, ["a.csv"], "no temporary file is left");
    let third = dir.path().join("c.csv");
    let set: [(&Path, &[u8]); 2] = [(&first, b"new"), (&third, b"c")];
    replace_files(&set).expect("both written");
    assert_eq!(std::fs::read_to_string(&first).expect("read"), "new");
}

/// `record` and `--amend` on a long journal hand the editor the last
/// entry and the lines after it, not the whole file (its tree takes some
/// 36 bytes per byte of text: 370 MB for a sheet of 200,000 entries), and
/// write what the whole-file edit writes. A sheet whose last entry does
/// not open with its date is edited whole, as before.
#[test]
fn record_and_amend_edit_the_journals_tail_alone() {
    let dir = plan_copy();
    let path = dir.path().join("actions/2.1.1.yaml");
    let mut text = std::fs::read_to_string(&path).expect("read");
    if !text.contains("\njournal:") {
        text.push_str("journal:\n");
    }
    for i in 0..3_000 {
        text.push_str(&format!(
            "  - date: 2024-0{}-1{}\n    progress: 10\n    note: Réunion {i}\n",
            1 + i % 9,
            i % 10
        ));
    }
    std::fs::write(&path, &text).expect("write");
    let quiet = |_: &Path| {};
    let opts = options(dir.path(), true, &quiet);
    let parsed = |change: &Change| {
        crate::edit::PARSED.with(|n| n.set(0));
        let outcome = apply(change, &opts).unwrap_or_else(|r| panic!("{}", r.say(Lang::En)));
        (outcome, crate::edit::PARSED.with(std::cell::Cell::get))
    };
    let (outcome, longest) = parsed(&record("40"));
    assert!(longest < 1_000, "the editor read {longest} bytes");
    let whole = crate::edit::append_entry(&text, &entry_of(&outcome), &[]).expect("whole");
    assert_eq!(outcome.after, whole.text);
    let amend = Change::Amend {
        sheet: "2.1.1".into(),
        request: Request {
            progress: Some("50".into()),
            ..Default::default()
        },
    };
    let (outcome, longest) = parsed(&amend);
    assert!(longest < 1_000, "the editor read {longest} bytes");
    assert!(
        outcome.after.ends_with("    progress: 50\n"),
        "{}",
        outcome.after
    );
    let whole = crate::edit::amend_entry(&text, &entry_of(&outcome), &[]).expect("whole");
    assert_eq!(outcome.after, whole.text);
    // The last entry opens with its status: the whole file is edited.
    std::fs::write(
        &path,
        format!("{text}  - status: in-progress\n    date: 2024-12-01\n"),
    )
    .expect("write");
    let (outcome, longest) = parsed(&record("60"));
    assert!(longest > text.len(), "{longest}");
    assert!(
        outcome
            .after
            .ends_with("  - date: 2025-06-30\n    progress: 60\n    note: Premier comité\n"),
        "{}",
        outcome.after
    );
}

/// The new entry of an outcome.
fn entry_of(outcome: &Outcome) -> crate::model::Entry {
    match &outcome.done {
        Done::Entry { entry, .. } => entry.clone(),
        Done::Changed(_) => panic!("not an entry"),
    }
}

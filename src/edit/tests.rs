use super::*;
use crate::model::{Entry, Located, Status};
use crate::yaml::Pos;
use chrono::NaiveDate;
use proptest::prelude::*;

fn at<T>(value: T) -> Located<T> {
    Located {
        value,
        pos: Pos::default(),
    }
}

fn entry(note: &str) -> Entry {
    Entry {
        status: Some(at(Status::InProgress)),
        progress: Some(at(40.0)),
        note: Some(note.to_string()),
        ..Entry::on(NaiveDate::from_ymd_opt(2025, 3, 4).unwrap())
    }
}

fn sheet_of(text: &str) -> Sheet {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let node = crate::yaml::parse(body).unwrap();
    let mut d = crate::decode::Decoder::new(body);
    let sheet = crate::decode::decode_sheet(&mut d, &node).unwrap();
    assert!(d.found.is_empty(), "{:?}", d.found);
    sheet
}

fn plus(old: &Sheet, e: &Entry) -> Sheet {
    let mut expected = old.clone();
    expected.journal.push(e.clone());
    expected
}

fn amend(text: &str, e: &Entry) -> Edited {
    let mut old = sheet_of(text);
    let edited = amend_entry(text, e, &old.journal[..old.journal.len() - 1]).unwrap();
    old.journal.pop();
    verify(text, &edited, &plus(&old, e)).unwrap();
    edited
}

fn append(text: &str, e: &Entry) -> Edited {
    let old = sheet_of(text);
    let edited = append_entry(text, e, &old.journal).unwrap();
    verify(text, &edited, &plus(&old, e)).unwrap();
    edited
}

const HEAD: &str = "# Fiche écrite à la main\nid: \"1.1.1\"   # id entre guillemets\ntitle: 'Titre'\nfields: [mobilite]\nschedule: {start: 2023, end: 2026}\n";

/// A journal with comments, `middle` lines after its first entry.
fn commented_journal(middle: &str) -> String {
    format!(
        "{HEAD}journal:\n  - date: 2024-01-01\n    note: x   # commentaire\n{middle}  # fin du suivi\n\n# dernier mot\n"
    )
}

/// The lines of `entry("Réunion")` in a journal.
const REUNION: &str =
    "  - date: 2025-03-04\n    status: in-progress\n    progress: 40\n    note: Réunion\n";

#[test]
fn appends_after_the_last_entry_keeping_comments() {
    let edited = append(&commented_journal(""), &entry("Réunion"));
    assert!(edited.notices.is_empty());
    assert_eq!(edited.text, commented_journal(REUNION));
}

#[test]
fn creates_the_journal_at_the_end_indented_like_the_file() {
    let text = format!("{HEAD}partners:\n    - caf\n");
    let edited = append(&text, &entry("a"));
    assert!(edited.text.ends_with("    - caf\njournal:\n    - date: 2025-03-04\n      status: in-progress\n      progress: 40\n      note: a\n"), "{}", edited.text);
    let edited = append(HEAD, &entry("a"));
    assert!(edited.text.ends_with("schedule: {start: 2023, end: 2026}\njournal:\n  - date: 2025-03-04\n    status: in-progress\n    progress: 40\n    note: a\n"), "{}", edited.text);
}

#[test]
fn fills_an_empty_journal_key() {
    let text = format!("{HEAD}journal:\nrecurring: false\n");
    let edited = append(&text, &entry("a"));
    assert!(
        edited.text.contains("journal:\n  - date: 2025-03-04\n"),
        "{}",
        edited.text
    );
    assert!(edited.text.ends_with("recurring: false\n"));
}

#[test]
fn rewrites_a_flow_journal_as_a_block() {
    let one = "{date: 2024-01-01, note: x}";
    let appended = append(&format!("{HEAD}journal: [{one}]\n"), &entry("a"));
    let two = format!("{HEAD}journal: [{one}, {{date: 2024-02-01, note: y}}]\n");
    let amended = amend(&two, &entry("a"));
    for edited in [appended, amended] {
        assert_eq!(edited.notices, [Notice::FlowJournalRewritten]);
        assert!(
            edited
                .text
                .contains("journal:\n  - date: 2024-01-01\n    note: x\n  - date: 2025-03-04\n"),
            "{}",
            edited.text
        );
    }
}

#[test]
fn keeps_crlf_and_bom_and_adds_a_final_newline() {
    let text = format!(
        "\u{feff}{}journal:\r\n  - date: 2024-01-01\r\n    note: x\r\n",
        HEAD.replace('\n', "\r\n")
    );
    let edited = append(&text, &entry("a"));
    assert!(edited.text.starts_with('\u{feff}'));
    assert!(
        !edited.text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    let text = format!("{HEAD}journal:\n  - date: 2024-01-01\n    note: x");
    let edited = append(&text, &entry("a"));
    assert_eq!(edited.notices, [Notice::FinalNewlineAdded]);
}

#[test]
fn amend_replaces_only_the_last_entry_lines() {
    let text = commented_journal("  - date: 2024-02-01\n    note: tpyo\n");
    let edited = amend(&text, &entry("Réunion"));
    assert!(edited.notices.is_empty());
    assert_eq!(edited.text, commented_journal(REUNION));
}

#[test]
fn amend_keeps_crlf() {
    let text = format!("{HEAD}journal:\n- date: 2024-01-01\n  note: x\n").replace('\n', "\r\n");
    let edited = amend(&text, &entry("a"));
    assert!(!edited.text.replace("\r\n", "").contains('\n'));
}

#[test]
fn refuses_a_flow_root() {
    let text = "{id: \"1.1.1\", title: T, fields: [a], schedule: {start: 2023, end: 2026}}\n";
    assert_eq!(
        append_entry(text, &entry("a"), &[]).unwrap_err(),
        EditError::FlowRoot
    );
}

#[test]
fn tricky_notes_read_back_identical() {
    for note in [
        ": deux-points",
        "# dièse",
        "\"guillemets\" et 'apostrophes'",
        "- fait",
        "yes",
        "null",
        "~",
        "12:30",
        "2024-01-01",
        "42",
        "1e3",
        "0x1F",
        "ÉLAN à l'été",
        "deux\nlignes",
        "tab\there",
        "",
        "  espaces  ",
        "a: b",
        "[liste]",
        "{map}",
        "*alias",
        "&ancre",
        "!tag",
        "%pct",
        "@at",
        "`tick`",
        "|",
        ">",
        "\\back",
    ] {
        append(
            &format!("{HEAD}journal:\n  - date: 2024-01-01\n    note: x\n"),
            &entry(note),
        );
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::string::string_regex("(\\PC|[\\n\\t :#'\"\\-\\[\\]{}])*")
        .unwrap()
        .prop_map(|s| s.chars().take(60).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn record_only_adds_the_entry(
        note in text_strategy(),
        next in proptest::option::of(text_strategy()),
        day in 0u32..1400,
        status in proptest::option::of(0usize..7),
        progress in proptest::option::of(0u32..=100),
        measure in proptest::option::of(-1e6f64..1e6),
        layout in 0usize..4,
    ) {
        let date = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(u64::from(day));
        let e = Entry {
            date: at(date),
            status: status.map(|i| at(Status::ALL[i])),
            progress: progress.map(|p| at(f64::from(p))),
            note: Some(note),
            next,
            measures: measure.map(|m| vec![(at("places".to_string()), m)]).unwrap_or_default(),
            ..entry("")
        };
        let head = format!("{HEAD}indicators:\n  - {{id: places, label: Places}}\n");
        let text = match layout {
            0 => head,
            1 => format!("{head}journal:\n  - date: 2024-01-01\n    note: x\n# fin\n"),
            2 => format!("{head}journal:\n- date: 2024-01-01\n  note: x\n").replace('\n', "\r\n"),
            _ => format!("\u{feff}{head}journal:\n  - {{date: 2024-01-01, note: x}}\n\n"),
        };
        let old = sheet_of(&text);
        let edited = append_entry(&text, &e, &old.journal).unwrap();
        prop_assert!(verify(&text, &edited, &plus(&old, &e)).is_ok());
        prop_assert!(only_adds_lines(&text, &edited.text));
        if let Some(tail) = old.journal.last().and_then(|last| append_in_tail(&text, &e, last)) {
            prop_assert_eq!(&tail.text, &edited.text);
        }
        if !old.journal.is_empty() {
            let kept = &old.journal[..old.journal.len() - 1];
            let amended = amend_entry(&text, &e, kept).unwrap();
            let mut base = old.clone();
            base.journal.pop();
            prop_assert!(verify(&text, &amended, &plus(&base, &e)).is_ok());
        }
    }
}

/// What `amend_entry` gave before it edited the journal's tail alone: the
/// last item set by `yaml-edit` in the document of the whole file.
fn amend_in_the_whole_file(text: &str, e: &Entry) -> String {
    let doc = parse_doc(text).unwrap();
    let seq = doc.as_mapping().unwrap().get_sequence("journal").unwrap();
    let item = parse_doc(&entry_yaml(e)).unwrap().as_mapping().unwrap();
    assert!(seq.set(seq.len() - 1, item));
    doc.to_string()
}

#[test]
fn amend_edits_the_last_entry_alone_not_the_whole_journal() {
    // yaml-edit's `Sequence::set` costs the size of the sequence for each
    // node it touches: on the whole journal, an amend was quadratic.
    let mut text = format!("{HEAD}journal:\n");
    for i in 0..20_000 {
        text.push_str(&format!("  - date: 2024-01-01\n    note: n{i}\n"));
    }
    let edited = amend(&text, &entry("Réunion"));
    assert_eq!(journal::SET_IN.with(std::cell::Cell::get), 1);
    let kept = text.strip_suffix("  - date: 2024-01-01\n    note: n19999\n");
    assert_eq!(edited.text, format!("{}{REUNION}", kept.unwrap()));
}

#[test]
fn amend_in_the_tail_gives_what_the_whole_file_gives() {
    let two = |last: &str, after: &str| {
        format!("{HEAD}journal:\n  - date: 2024-01-01\n    note: x\n{last}{after}")
    };
    for text in [
        two("  - date: 2024-02-01\n    note: y\n", ""),
        two(
            "  - date: 2024-02-01\n    note: y   # commentaire\n",
            "  # fin\n\n# dernier mot\n",
        ),
        two("  - date: 2024-02-01\n    note: y\n", "recurring: false\n"),
        two(
            "  - date: 2024-02-01\n    note: |\n      deux\n      lignes\n",
            "\n",
        ),
        two("  - date: 2024-02-01\n    note: &n y\n", "next_key: *n\n"),
        two("  - &e {date: 2024-02-01, note: y}\n", "other: *e\n"),
        two("  - date: 2024-02-01\n    note: *a\n", ""),
        two("  -   date: 2024-02-01\n      note: y\n", ""),
        two("  - # commentaire du tiret\n    date: 2024-02-01\n", ""),
        format!("{HEAD}journal:\n- date: 2024-01-01\n  note: x\n- date: 2024-02-01\n  note: y\n"),
        format!("{HEAD}journal:\n    - date: 2024-01-01\n    - date: 2024-02-01\n      note: y\n"),
        format!("{HEAD}journal:\n  - date: 2024-02-01\n    note: seul\n"),
    ] {
        let whole = amend_in_the_whole_file(&text, &entry("Réunion"));
        let tail = amend_entry(&text, &entry("Réunion"), &[]).unwrap().text;
        assert_eq!(tail, whole, "{text}");
    }
}

#[test]
fn records_after_a_document_start_a_directive_or_both() {
    let journal = "journal:\n  - date: 2024-01-01\n    note: x\n";
    for prolog in [
        "# yaml-language-server: $schema=../schema/sheet.schema.json\n---\n",
        "%YAML 1.2\n---\n",
        "%YAML 1.2\n# commentaire\n\n--- # début\n",
        "---\n",
    ] {
        let text = format!("{prolog}{HEAD}{journal}");
        let appended = append(&text, &entry("Réunion"));
        assert_eq!(appended.text, format!("{prolog}{HEAD}{journal}{REUNION}"));
        let amended = amend(&text, &entry("Réunion"));
        assert_eq!(amended.text, format!("{prolog}{HEAD}journal:\n{REUNION}"));
        let crlf = text.replace('\n', "\r\n");
        let appended = append(&crlf, &entry("Réunion"));
        assert!(!appended.text.replace("\r\n", "").contains('\n'));
    }
}

#[test]
fn records_into_a_null_journal() {
    for (journal, after) in [
        ("journal: ~\n", "journal:\n"),
        (
            "journal: null   # rien encore\n",
            "journal:   # rien encore\n",
        ),
    ] {
        for tail in ["", "recurring: false\n"] {
            let text = format!("{HEAD}{journal}{tail}");
            let edited = append(&text, &entry("Réunion"));
            assert_eq!(edited.text, format!("{HEAD}{after}{REUNION}{tail}"));
        }
    }
}

/// `record` and `--amend` edit the journal's tail alone where they can
/// ([`append_in_tail`], [`amend_in_tail`]): wherever they apply they give the
/// whole-file edits' bytes, replaced lines and notices, on the layouts of
/// [`amend_in_the_tail_gives_what_the_whole_file_gives`] and with a
/// prolog, CRLF, a BOM, no final newline.
#[test]
fn tail_edits_give_what_the_whole_file_edits_give() {
    let two = |last: &str, after: &str| {
        format!("{HEAD}journal:\n  - date: 2024-01-01\n    note: x\n{last}{after}")
    };
    let plain = two("  - date: 2024-02-01\n    note: y\n", "");
    let layouts = [
        plain.clone(),
        two(
            "  - date: 2024-02-01\n    note: y   # commentaire\n",
            "  # fin\n\n# dernier mot\n",
        ),
        two("  - date: 2024-02-01\n    note: y\n", "recurring: false\n"),
        two(
            "  - date: 2024-02-01\n    note: |\n      deux\n      lignes\n",
            "\n",
        ),
        two(
            "  - date: 2024-02-01\n    note: &n y\n",
            "recurring: false\n",
        ),
        two("  - {date: 2024-02-01, note: y}\n", "recurring: false\n"),
        two("  -   date: 2024-02-01\n      note: y\n", ""),
        two("  - # commentaire du tiret\n    date: 2024-02-01\n", ""),
        two("  - note: y\n    date: 2024-02-01\n", ""),
        format!("{HEAD}journal:\n- date: 2024-01-01\n  note: x\n- date: 2024-02-01\n  note: y\n"),
        format!("{HEAD}journal:\n    - date: 2024-01-01\n    - date: 2024-02-01\n      note: y\n"),
        format!("{HEAD}journal:\n  - date: 2024-02-01\n    note: seul\n"),
        format!("%YAML 1.2\n---\n{plain}"),
        format!("# schéma\n---\n{plain}"),
        plain.replace('\n', "\r\n"),
        format!("\u{feff}{plain}"),
        plain.trim_end().to_string(),
        format!("{HEAD}journal: [{{date: 2024-01-01}}, {{date: 2024-02-01}}]\n"),
    ];
    let e = entry("Réunion");
    let mut applied = 0;
    for text in &layouts {
        let old = sheet_of(text);
        let last = old.journal.last().unwrap();
        let same = |tail: Edited, whole: Edited| {
            assert_eq!(tail.text, whole.text, "{text}");
            assert_eq!(tail.notices, whole.notices, "{text}");
            assert_eq!(tail.replaced, whole.replaced, "{text}");
        };
        if let Some(tail) = append_in_tail(text, &e, last) {
            same(tail, append_entry(text, &e, &old.journal).unwrap());
            applied += 1;
        }
        let kept = &old.journal[..old.journal.len() - 1];
        if let Some(tail) = amend_in_tail(text, &e, last) {
            same(tail, amend_entry(text, &e, kept).unwrap());
            applied += 1;
        }
    }
    // Not for an item that opens with another key or a comment, nor a
    // flow journal: those are edited whole.
    assert_eq!(applied, 2 * 14);
}

//! Every tabular command in every format, through one table model: the HTML
//! page and the workbook of `status`, `summary` and `log` are those of
//! `report`.

use crate::common::TestEnv;
use crate::report::{assert_accessible_page, assert_date, inject_script};
use calamine::{Data, Reader, Xlsx, open_workbook};

#[test]
fn every_tabular_command_writes_every_format() {
    let env = TestEnv::demo();
    for command in [&["status"][..], &["summary"], &["log"], &["report", "2024"]] {
        for (format, file) in [
            ("table", "out.txt"),
            ("markdown", "out.md"),
            ("csv", "out.csv"),
            ("json", "out.json"),
            ("html", "out.html"),
            ("xlsx", "out.xlsx"),
        ] {
            let folder = command[0] == "report" && format == "csv";
            let (file, by_extension) = if folder {
                ("out-csv", vec![])
            } else {
                (file, vec![vec![]])
            };
            for args in std::iter::once(vec!["--format", format]).chain(by_extension) {
                let mut all = command.to_vec();
                all.extend(args.iter().copied());
                all.extend(["--output", file]);
                let run = env.run(&all);
                assert_eq!(run.code, 0, "{all:?}: {}", run.stderr);
                assert!(env.dir.path().join(file).exists(), "{all:?}");
            }
        }
    }
}

#[test]
fn status_as_an_html_page() {
    let env = TestEnv::demo();
    inject_script(
        &env,
        "actions/1.1.1-navette.yaml",
        "Navette solidaire vers les services",
    );
    let run = env.run(&["status", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_accessible_page(&run.stdout, 1);
    assert!(run.stdout.contains("<caption>Fiches actions</caption>"));
    assert!(
        run.stdout
            .contains("<tr class=\"group\"><th scope=\"row\" class=\"word\">1</th>")
    );
}

#[test]
fn status_as_a_workbook_holds_numbers_and_dates() {
    let env = TestEnv::demo();
    let run = env.run_as_of(
        "2024-12-31",
        &["status", "--format", "xlsx", "--output", "s.xlsx"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book: Xlsx<_> = open_workbook(env.dir.path().join("s.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["Fiches actions"]);
    let sheet = book.worksheet_range("Fiches actions").unwrap();
    assert_eq!(sheet.get_value((0, 0)), Some(&Data::String("Axe".into())));
    assert_eq!(sheet.get_value((0, 2)), Some(&Data::String("N°".into())));
    // Flat: the first sheet on the first row, its axis and objective beside it.
    assert_eq!(sheet.get_value((1, 0)), Some(&Data::String("1".into())));
    assert_eq!(sheet.get_value((1, 1)), Some(&Data::String("1.1".into())));
    assert_eq!(sheet.get_value((1, 2)), Some(&Data::String("1.1.1".into())));
    assert_eq!(
        sheet.get_value((1, 7)),
        Some(&Data::Float(0.5)),
        "progress is a fraction with a percent format"
    );
    assert_date(sheet.get_value((1, 8)), "2024-12-10");
    assert_eq!(
        env.run(&["status", "--format", "xlsx"]).code,
        2,
        "xlsx needs --output"
    );
}

#[test]
fn summary_and_log_as_html_pages_and_workbooks() {
    let env = TestEnv::demo();
    let run = env.run(&["summary", "--by", "field", "--output", "s.html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(env.dir.path().join("s.html")).unwrap();
    assert!(
        html.contains("<caption>Synthèse annuelle</caption>"),
        "{html}"
    );
    assert!(
        html.contains("class=\"notice\""),
        "the note on counts by field"
    );
    let run = env.run(&["log", "--output", "j.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book: Xlsx<_> = open_workbook(env.dir.path().join("j.xlsx")).unwrap();
    let sheet = book.worksheet_range("Suivi").unwrap();
    assert!(matches!(sheet.get_value((1, 0)), Some(Data::DateTime(_))));
}

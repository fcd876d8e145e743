//! `--format ods`: the OpenDocument spreadsheet French public bodies are
//! steered towards (RGI). Read back with calamine (ids text, figures
//! numbers, euros exact, percentages fractions, dates dates), and opened by
//! the real LibreOffice Calc, which must convert every workbook ctg writes.

use crate::common::TestEnv;
use calamine::{Data, Reader, Xlsx, open_workbook, open_workbook_auto};

/// The cell as an ISO date: a number of days in xlsx, an ISO value in ODS.
fn iso_date(cell: Option<&Data>) -> Option<String> {
    match cell? {
        Data::DateTime(d) => d.as_datetime().map(|t| t.date().to_string()),
        Data::DateTimeIso(d) => d.get(..10).map(str::to_string),
        _ => None,
    }
}

/// The review as xlsx and as ODS: the same worksheets, counts and rates
/// as numbers, ids as text, dates as dates, euros exact.
#[test]
fn the_review_as_a_workbook_holds_real_numbers_euros_and_dates() {
    let env = TestEnv::demo();
    for format in ["xlsx", "ods"] {
        let name = format!("bilan.{format}");
        let run = env.run(&["report", "2024", "--output", &name]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stderr.starts_with(&format!("écrit\u{a0}: {name}\n")),
            "{}",
            run.stderr
        );
        let mut book = open_workbook_auto(env.dir.path().join(&name)).unwrap();
        assert_eq!(
            book.sheet_names(),
            [
                "Synthèse par axe",
                "Détail par fiche action",
                "Indicateurs",
                "Jalons",
                "Financements"
            ],
            "{format}"
        );
        let synthesis = book.worksheet_range("Synthèse par axe").unwrap();
        assert_eq!(
            synthesis.get_value((0, 0)),
            Some(&Data::String("Axe".into()))
        );
        assert_eq!(
            synthesis.get_value((2, 1)),
            Some(&Data::Float(3.0)),
            "{format}: a count"
        );
        assert_eq!(
            synthesis.get_value((2, 7)),
            Some(&Data::Float(0.0)),
            "{format}: a rate"
        );
        assert_eq!(
            synthesis.get_value((3, 0)),
            Some(&Data::Empty),
            "{format}: the axes, no total"
        );
        let detail = book.worksheet_range("Détail par fiche action").unwrap();
        assert!(
            detail
                .rows()
                .any(|r| r.get(2) == Some(&Data::String("1.1.1".into()))),
            "{format}: an id is text, not a date or a number"
        );
        let milestones = book.worksheet_range("Jalons").unwrap();
        assert_eq!(
            iso_date(milestones.get_value((1, 1))).as_deref(),
            Some("2024-03-31"),
            "{format}"
        );
        let funding = book.worksheet_range("Financements").unwrap();
        // Flat: the lines alone, which add up to the total a pivot table makes.
        // 2024: 12 000 + 2 500.50 + 40 000 planned, 12 000 + 2 500.50 + 12 000 spent.
        assert_eq!(sum(&funding, "Prévu (€)"), 54_500.5, "{format}");
        assert_eq!(sum(&funding, "Dépensé (€)"), 26_500.5, "{format}");
        let run = env.run(&["report", "2024", "--format", format]);
        assert_eq!(run.code, 2, "{format} needs --output");
    }
}

#[test]
fn a_workbook_goes_to_a_file() {
    let env = TestEnv::demo();
    let run = env.run(&["status", "--format", "ods"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "un classeur ods s'écrit dans un fichier\u{a0}: ajoutez --output FICHIER.ods"
        ),
        "{}",
        run.stderr
    );
    let run = env.run(&["status", "--format", "ods", "--output", "-"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("donnez --output FICHIER.ods au lieu de -"),
        "{}",
        run.stderr
    );
}

/// The sum of the numbers of the column headed `header`, to the cent.
fn sum(sheet: &calamine::Range<Data>, header: &str) -> f64 {
    let total: f64 = crate::spreadsheet::column(sheet, header)
        .iter()
        .filter_map(|c| match c {
            Data::Float(v) => Some(*v),
            _ => None,
        })
        .sum();
    (total * 100.0).round() / 100.0
}

/// Every command that writes tables, as `.ods`.
const WORKBOOKS: [(&str, &[&str]); 7] = [
    ("status", &["status"]),
    ("budget", &["budget"]),
    ("log", &["log"]),
    ("summary", &["summary"]),
    ("bilan", &["report", "2024"]),
    ("evaluation", &["evaluation"]),
    ("portfolio", &["portfolio", "plan"]),
];

#[test]
fn libreoffice_opens_every_ods_ctg_writes() {
    let Some(soffice) = crate::spreadsheet::soffice() else {
        return;
    };
    let env = TestEnv::demo();
    for (name, args) in WORKBOOKS {
        let mut all = args.to_vec();
        let out = format!("{name}.ods");
        all.extend(["--output", &out]);
        let run = env.run(&all);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    }
    let converted = env.dir.path().join("converted");
    let files = WORKBOOKS.map(|(name, _)| env.dir.path().join(format!("{name}.ods")));
    crate::spreadsheet::convert_to_xlsx(soffice, None, &files, &converted);
    for (name, _) in WORKBOOKS {
        let path = converted.join(format!("{name}.xlsx"));
        let mut book: Xlsx<_> = open_workbook(&path)
            .unwrap_or_else(|e| panic!("{name}: LibreOffice did not convert it: {e}"));
        let first = book.worksheet_range_at(0).unwrap().unwrap();
        assert!(first.height() > 1, "{name}: a header and rows");
    }
    // As LibreOffice reads it: the details' autofilter (header and six
    // sheets, columns A to L), printed landscape one page wide.
    let details = crate::flat::part(&env, "converted/bilan.xlsx", "xl/worksheets/sheet2.xml");
    assert!(details.contains("<autoFilter ref=\"A1:L7\""), "{details}");
    assert!(
        details.contains("fitToWidth=\"1\"") && details.contains("orientation=\"landscape\""),
        "{details}"
    );
    // As LibreOffice reads it: the budget's years are numbers, exact, and
    // add up to the total.
    let mut budget: Xlsx<_> = open_workbook(converted.join("budget.xlsx")).unwrap();
    let years = budget.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(sum(&years, "Prévu (€)"), 183_501.5);
    assert_eq!(sum(&years, "Dépensé (€)"), 42_500.5);
}

/// `portfolio` reads plans in folders under the current one: it writes
/// beside them, never into one of them.
#[test]
fn portfolio_writes_beside_the_plans_not_into_them() {
    let env = TestEnv::demo();
    let run = env.run(&["portfolio", "plan", "--output", "portfolio.ods"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(env.dir.path().join("portfolio.ods").is_file());
    let run = env.run(&["portfolio", "plan", "--output", "plan/portfolio.ods"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("dans le dossier du plan `plan`"),
        "{}",
        run.stderr
    );
    assert!(!env.path("portfolio.ods").exists());
}

//! Flat tables (issue 18, item 4): in CSV, xlsx and ODS a group (an axis,
//! an objective, a year of milestones, a block of `--by`) is a column of
//! every data row, never a row among them, so that a CAF analyst can
//! filter and pivot; rollups and totals are left to the pivot table.

use crate::common::TestEnv;
use calamine::{Data, Reader, open_workbook_auto};

/// A table as text: its header, then its rows.
type Table = Vec<Vec<String>>;

/// A French CSV as text, `="1.1"` read as the spreadsheet reads it, `1.1`.
fn csv_table(text: &str) -> Table {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(
                    |c| match c.strip_prefix("=\"").and_then(|c| c.strip_suffix('"')) {
                        Some(text) => text.to_string(),
                        None => c.to_string(),
                    },
                )
                .collect()
        })
        .collect()
}

/// The CSV `args` print, as text.
fn csv_run(env: &TestEnv, args: &[&str]) -> Table {
    let run = env.run(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    csv_table(&run.stdout)
}

/// A worksheet of an xlsx or ODS file as text, its notes under it left out.
fn sheet_table(env: &TestEnv, file: &str, sheet: &str) -> Table {
    let mut book = open_workbook_auto(env.dir.path().join(file)).unwrap();
    let range = book
        .worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("{file}: no worksheet {sheet:?}: {e}"));
    let mut table: Table = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    c => c.to_string(),
                })
                .collect()
        })
        .collect();
    // The notes, after an empty row.
    if let Some(gap) = table.iter().position(|r| r.iter().all(String::is_empty)) {
        table.truncate(gap);
    }
    table
}

/// Asserts that `table` is flat: headed by `groups`, every data row with
/// them filled (but `N°`, which the whole plan has not), no row a group
/// heading (its name, the rest empty), a rollup or a total.
fn assert_flat(what: &str, table: &Table, groups: &[&str]) {
    let (header, rows) = table
        .split_first()
        .unwrap_or_else(|| panic!("{what}: empty"));
    assert_eq!(&header[..groups.len()], groups, "{what}: {header:?}");
    assert!(header.iter().all(|h| !h.is_empty()), "{what}: {header:?}");
    assert!(!rows.is_empty(), "{what}: no data row");
    for row in rows {
        for (g, cell) in groups.iter().zip(row) {
            assert!(!cell.is_empty() || *g == "N°", "{what}: no {g} in {row:?}");
        }
        let data = &row[groups.len()..];
        let filled = data.iter().filter(|c| !c.is_empty()).count();
        assert!(filled > 1, "{what}: a heading row {row:?}");
        let rollup = data.iter().any(|c| {
            ["Axe ", "Objectif "].iter().any(|h| c.starts_with(h)) || c.ends_with(" fiches")
        });
        let total = ["Total", "Financeur", "Nature"].contains(&data[0].as_str());
        assert!(!rollup && !total, "{what}: a rollup or total row {row:?}");
    }
}

#[test]
fn status_is_flat_in_csv_xlsx_and_ods() {
    let env = TestEnv::demo();
    let csv = csv_run(&env, &["status", "--format", "csv"]);
    assert_flat("status.csv", &csv, &["Axe", "Objectif"]);
    assert_eq!(csv.len(), 7, "six sheets: {csv:?}");
    for file in ["status.xlsx", "status.ods"] {
        let run = env.run(&["status", "--output", file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let table = sheet_table(&env, file, "Fiches actions");
        assert_flat(file, &table, &["Axe", "Objectif"]);
        assert_eq!(table[1][..3], ["1", "1.1", "1.1.1"], "{file}");
    }
}

#[test]
fn the_review_tables_are_flat_in_csv_xlsx_and_ods() {
    let env = TestEnv::demo();
    let run = env.run(&["report", "2024", "--format", "csv", "--output", "bilan"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = |name: &str| {
        csv_table(&std::fs::read_to_string(env.dir.path().join("bilan").join(name)).unwrap())
    };
    let detail = read("fiches.csv");
    assert_flat("fiches.csv", &detail, &["Axe", "Objectif"]);
    assert_eq!(detail[1][..3], ["1", "1.1", "1.1.1"]);
    let milestones = read("jalons.csv");
    assert_flat("jalons.csv", &milestones, &["Année"]);
    assert!(
        milestones[1..]
            .iter()
            .all(|r| r[0] == "2024" || r[0] == "2025")
    );
    assert_flat(
        "financements.csv",
        &read("financements.csv"),
        &["Axe", "Objectif"],
    );
    assert_flat("synthese.csv", &read("synthese.csv"), &[]);
    for file in ["bilan.xlsx", "bilan.ods"] {
        let run = env.run(&["report", "2024", "--output", file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let sheets = [
            ("Détail par fiche action", &["Axe", "Objectif"][..]),
            ("Jalons", &["Année"]),
            ("Financements", &["Axe", "Objectif"]),
            ("Synthèse par axe", &[]),
        ];
        for (sheet, groups) in sheets {
            assert_flat(
                &format!("{file}, {sheet}"),
                &sheet_table(&env, file, sheet),
                groups,
            );
        }
    }
}

#[test]
fn the_summary_and_the_evaluation_are_flat() {
    let env = TestEnv::demo();
    let summary = csv_run(&env, &["summary", "--by", "axis", "--format", "csv"]);
    assert_flat("summary.csv", &summary, &["N°", "Intitulé"]);
    assert_eq!(summary[0][..3], ["N°", "Intitulé", "Indicateur"]);
    assert!(
        summary
            .iter()
            .any(|r| r[..3] == ["1", "Se déplacer sur le territoire", "fiches démarrées"]),
        "{summary:?}"
    );
    let run = env.run(&["evaluation", "--format", "csv", "--output", "eval"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = |name: &str| {
        csv_table(&std::fs::read_to_string(env.dir.path().join("eval").join(name)).unwrap())
    };
    let trajectory = read("trajectoire.csv");
    assert_eq!(trajectory[0][..3], ["N°", "Intitulé", "Indicateur"]);
    assert_flat("trajectoire.csv", &trajectory, &["N°", "Intitulé"]);
    assert_flat("moyens.csv", &read("moyens.csv"), &["Axe", "Objectif"]);
    let outcome = read("resultats.csv");
    assert_flat("resultats.csv", &outcome, &["Axe"]);
    for row in &outcome[1..] {
        assert!(
            row[1].starts_with(&format!("{}.", row[0])),
            "an objective: {row:?}"
        );
    }
    for file in ["evaluation.xlsx", "evaluation.ods"] {
        let run = env.run(&["evaluation", "--output", file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let sheets = [
            ("Trajectoire, année par année", &["N°", "Intitulé"][..]),
            ("Moyens", &["Axe", "Objectif"]),
            ("Résultats par axe et objectif", &["Axe"]),
        ];
        for (sheet, groups) in sheets {
            let table = sheet_table(&env, file, sheet);
            assert_flat(&format!("{file}, {sheet}"), &table, groups);
        }
    }
}

#[test]
fn the_budget_lines_are_flat() {
    let env = TestEnv::demo();
    let lines = csv_run(&env, &["budget", "--format", "csv"]);
    assert_flat("budget.csv", &lines, &["Axe", "Objectif"]);
    assert_eq!(lines[0][2], "N°");
    let by = csv_run(&env, &["budget", "--by", "funder", "--format", "csv"]);
    assert_flat("budget --by funder", &by, &["Groupe", "Axe", "Objectif"]);
    for file in ["budget.xlsx", "budget.ods"] {
        let run = env.run(&["budget", "--output", file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let table = sheet_table(&env, file, "Budget par ligne");
        assert_flat(file, &table, &["Axe", "Objectif"]);
    }
}

/// A file of a workbook's zip, as text.
pub(crate) fn part(env: &TestEnv, file: &str, name: &str) -> String {
    let bytes = std::fs::read(env.dir.path().join(file)).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn workbooks_filter_their_header_row_and_print_landscape_one_page_wide() {
    let env = TestEnv::demo();
    for file in ["bilan.xlsx", "bilan.ods"] {
        let run = env.run(&["report", "2024", "--output", file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    // The details: header and six sheets, columns A to L.
    let sheet = part(&env, "bilan.xlsx", "xl/worksheets/sheet2.xml");
    assert!(sheet.contains("<autoFilter ref=\"A1:L7\"/>"), "{sheet}");
    assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{sheet}");
    assert!(
        sheet.contains("fitToHeight=\"0\" orientation=\"landscape\""),
        "{sheet}"
    );
    let book = part(&env, "bilan.xlsx", "xl/workbook.xml");
    assert!(
        book.contains("_xlnm.Print_Titles\" localSheetId=\"1\">'Détail par fiche action'!$1:$1"),
        "{book}"
    );
    let content = part(&env, "bilan.ods", "content.xml");
    assert!(
        content.contains(
            "table:target-range-address=\"&#39;Détail par fiche action&#39;.A1:&#39;Détail par fiche action&#39;.L7\" table:display-filter-buttons=\"true\""
        ),
        "{content}"
    );
    let styles = part(&env, "bilan.ods", "styles.xml");
    assert!(
        styles.contains("style:print-orientation=\"landscape\"")
            && styles.contains("style:scale-to-X=\"1\""),
        "{styles}"
    );
}

//! The French CSV files opened by the real LibreOffice Calc, as a French user
//! does (`;`, UTF-8, French locale), then read back with calamine: ids must be
//! text equal to the plan's ids, figures numbers, dates dates.
//!
//! Skipped with a message when `soffice` is missing, except under `CI`.

use crate::common::TestEnv;
use calamine::{Data, Reader, Xlsx, open_workbook};
use std::path::{Path, PathBuf};
use std::process::Command;

/// LibreOffice's CSV import options: `;`, `"`, UTF-8, from line 1, default
/// column types, French (France).
const FRENCH_CSV: &str = "CSV:59,34,76,1,,1036";

/// `soffice` if installed; `None` (after saying so) on a developer's machine.
pub(crate) fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some("soffice");
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but LibreOffice is missing: apt-get install libreoffice-calc-nogui"
    );
    eprintln!("skipped: no soffice (apt-get install libreoffice-calc-nogui to run it)");
    None
}

/// Opens every `names` CSV of `dir` in LibreOffice Calc (one run) and returns
/// each first worksheet.
fn open_in_calc(soffice: &str, dir: &Path, names: &[&str]) -> Vec<calamine::Range<Data>> {
    let out = dir.join("xlsx");
    let files: Vec<PathBuf> = names.iter().map(|n| dir.join(format!("{n}.csv"))).collect();
    convert_to_xlsx(soffice, Some(FRENCH_CSV), &files, &out);
    names
        .iter()
        .map(|n| {
            let path: PathBuf = out.join(format!("{n}.xlsx"));
            let mut book: Xlsx<_> =
                open_workbook(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            book.worksheet_range_at(0).unwrap().unwrap()
        })
        .collect()
}

/// Has LibreOffice Calc open `files` (with the import filter `infilter`,
/// if any) and save each as `out/NAME.xlsx`, in one run with a profile of
/// its own.
pub(crate) fn convert_to_xlsx(
    soffice: &str,
    infilter: Option<&str>,
    files: &[PathBuf],
    out: &Path,
) {
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(soffice);
    cmd.env("HOME", profile.path())
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().join("lo").display()
        ))
        .arg("--headless");
    if let Some(filter) = infilter {
        cmd.arg(format!("--infilter={filter}"));
    }
    let run = cmd
        .args(["--convert-to", "xlsx", "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// The column headed `header`, without the header.
pub(crate) fn column<'a>(sheet: &'a calamine::Range<Data>, header: &str) -> Vec<&'a Data> {
    let mut rows = sheet.rows();
    let heads = rows.next().unwrap();
    let i = heads
        .iter()
        .position(|h| h == &Data::String(header.into()))
        .unwrap_or_else(|| panic!("no column {header:?} in {heads:?}"));
    rows.map(|r| &r[i]).collect()
}

fn texts(cells: &[&Data]) -> Vec<Data> {
    cells.iter().map(|c| (*c).clone()).collect()
}

fn strings(ids: &[&str]) -> Vec<Data> {
    ids.iter().map(|s| Data::String(s.to_string())).collect()
}

fn floats(values: &[f64]) -> Vec<Data> {
    values.iter().map(|v| Data::Float(*v)).collect()
}

/// The cell as an ISO date, or a panic saying what it is instead.
fn date(cell: &Data) -> String {
    match cell {
        Data::DateTime(d) => d.as_datetime().unwrap().date().to_string(),
        Data::DateTimeIso(d) => d[..10].to_string(),
        other => panic!("a date cell, got {other:?}"),
    }
}

#[test]
fn french_csv_opened_in_libreoffice_keeps_ids_as_text_and_figures_as_numbers() {
    let Some(soffice) = soffice() else { return };
    let env = TestEnv::demo();
    let run = env.run(&["report", "2024", "--format", "csv", "--output", "bilan"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let dir = env.dir.path().join("bilan");
    for (name, args) in [("status", ["status"]), ("log", ["log"])] {
        let run = env.run(&[args[0], "--format", "csv"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::write(dir.join(format!("{name}.csv")), run.stdout).unwrap();
    }
    let names = [
        "status",
        "log",
        "synthese",
        "fiches",
        "indicateurs",
        "jalons",
    ];
    let [status, log, synthesis, detail, indicators, milestones] =
        <[_; 6]>::try_from(open_in_calc(soffice, &dir, &names)).unwrap();

    let sheets = ["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2", "2.2.1"];
    assert_eq!(texts(&column(&status, "N°")), strings(&sheets));
    assert_eq!(
        texts(&column(&status, "Axe")),
        strings(&["1", "1", "1", "2", "2", "2"])
    );
    assert_eq!(
        texts(&column(&status, "Objectif")),
        strings(&["1.1", "1.1", "1.2", "2.1", "2.1", "2.2"])
    );
    assert_eq!(
        texts(&column(&status, "Avancement")),
        floats(&[60.0, 100.0, 30.0, 0.0, 0.0, 25.0])
    );
    assert_eq!(date(column(&status, "Dernier suivi")[0]), "2025-05-15");
    assert_eq!(
        texts(&column(&status, "Statut")[..1]),
        strings(&["en cours"])
    );

    let log_sheets = column(&log, "Fiche action");
    assert_eq!(log_sheets[0], &Data::String("1.1.1".into()));
    assert!(
        log_sheets
            .iter()
            .all(|c| matches!(c, Data::String(s) if sheets.contains(&s.as_str()))),
        "{log_sheets:?}"
    );
    assert_eq!(date(column(&log, "Date")[0]), "2023-04-12");
    assert_eq!(column(&log, "Avancement")[0], &Data::Float(10.0));

    // Flat: the axes alone, the total left to a pivot table.
    assert_eq!(texts(&column(&synthesis, "fiches")), floats(&[3.0, 3.0]));
    assert_eq!(
        texts(&column(&synthesis, "taux de réalisation")),
        floats(&[33.3, 0.0])
    );

    // Flat: the sheets alone, each with its axis and objective.
    assert_eq!(texts(&column(&detail, "N°")), strings(&sheets));
    assert_eq!(
        texts(&column(&detail, "Objectif")),
        strings(&["1.1", "1.1", "1.2", "2.1", "2.1", "2.2"])
    );
    assert_eq!(column(&detail, "Avancement")[0], &Data::Float(50.0));
    assert_eq!(column(&detail, "évolution")[0], &Data::Float(20.0));

    assert_eq!(
        texts(&column(&indicators, "Fiche action")),
        strings(&["1.1.1", "1.2.1", "2.1.1"])
    );
    assert_eq!(column(&indicators, "% de la cible")[0], &Data::Float(93.3));
    assert_eq!(column(&indicators, "référence")[0], &Data::Float(120.0));

    let due = column(&milestones, "Échéance");
    assert_eq!(date(due[0]), "2024-03-31");
    assert_eq!(
        texts(&column(&milestones, "Fiche action")[..2]),
        strings(&["1.1.2", "1.2.1"])
    );
    assert_eq!(
        column(&milestones, "Année")[0],
        &Data::String("2024".into())
    );
    assert_eq!(date(column(&milestones, "Atteint le")[0]), "2024-03-20");
}

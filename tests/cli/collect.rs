//! `ctg collect` and `ctg import` (spec section 12): the workbook a partner
//! fills in, filled as a partner would, saved again by the real
//! LibreOffice as `.ods` and `.xlsx`, and imported back.

use crate::common::TestEnv;
use calamine::{Data, Ods, Reader, open_workbook};
use chrono::NaiveDate;
use spreadsheet_ods::{Value, WorkBook};
use std::path::{Path, PathBuf};

/// The association that leads the demo's 1.1.1 (two indicators, a
/// milestone not reached) and takes part in 1.2.1.
const PARTNER: &str = "lune-mobilite";

fn collected(env: &TestEnv) -> PathBuf {
    let run = env.run(&[
        "collect",
        "collecte",
        "--partner",
        PARTNER,
        "--due",
        "15/07/2025",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    env.dir
        .path()
        .join("collecte/collecte-2025-lune-mobilite.ods")
}

/// The row whose first cell is `id` in the worksheet `name`.
fn row_of(book: &WorkBook, name: &str, id: &str) -> (usize, u32) {
    let i = book
        .sheet_idx(name)
        .unwrap_or_else(|| panic!("no worksheet {name}"));
    let sheet = book.sheet(i);
    let (rows, _) = sheet.used_grid_size();
    let row = (0..rows)
        .find(|r| sheet.value(*r, 0).as_str_or("") == id)
        .unwrap_or_else(|| panic!("{name}: no row {id}"));
    (i, row)
}

/// Fills the collected workbook as the association would: an entry for
/// 1.1.1 on 20/06/2025 (status, progress, note), a measure the same day,
/// the milestone reached on 25/06/2025.
fn fill(path: &Path, out: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let mut book = spreadsheet_ods::read_ods_buf(&bytes).unwrap();
    let day = |d: &str| Value::from(d.parse::<NaiveDate>().unwrap());
    let (i, r) = row_of(&book, "Fiches", "1.1.1");
    let sheet = book.sheet_mut(i);
    sheet.set_value(r, 5, day("2025-06-20"));
    sheet.set_value(r, 6, "en cours");
    sheet.set_value(r, 7, 70);
    sheet.set_value(r, 8, "Trente chauffeurs formés");
    let (i, r) = row_of(&book, "Indicateurs", "1.1.1");
    let sheet = book.sheet_mut(i);
    sheet.set_value(r, 7, day("2025-06-20"));
    sheet.set_value(r, 8, 320);
    let (i, r) = row_of(&book, "Jalons", "1.1.1");
    book.sheet_mut(i).set_value(r, 4, "25/06/2025");
    let bytes = spreadsheet_ods::write_ods_buf(&mut book, Vec::new()).unwrap();
    std::fs::write(out, bytes).unwrap();
}

/// LibreOffice opens `file` and saves it as `to` (`ods` or `xlsx`) into `dir`.
fn save_as(soffice: &str, file: &Path, to: &str, dir: &Path) -> PathBuf {
    let profile = tempfile::tempdir().unwrap();
    let run = std::process::Command::new(soffice)
        .env("HOME", profile.path())
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().join("lo").display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    dir.join(file.with_extension(to).file_name().unwrap())
}

#[test]
fn collect_writes_one_workbook_per_partner_with_what_to_fill() {
    let env = TestEnv::demo();
    let run = env.run(&["collect", "tous"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("écrit\u{a0}: tous (4 fichiers)\n"),
        "{}",
        run.stderr
    );
    let mut names: Vec<String> = std::fs::read_dir(env.dir.path().join("tous"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // Every partner of a sheet still open; the youth club's only sheet
    // (2.2.1) is abandoned.
    assert_eq!(
        names,
        [
            "collecte-2025-caf-exemple.ods",
            "collecte-2025-ccvl.ods",
            "collecte-2025-lune-mobilite.ods",
            "collecte-2025-service-enfance.ods"
        ]
    );
    let path = collected(&env);
    let mut book: Ods<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["À lire", "Fiches", "Indicateurs", "Jalons"]
    );
    let readme = book.worksheet_range("À lire").unwrap();
    let lines: Vec<String> = readme.rows().map(|r| r[0].to_string()).collect();
    assert!(lines[1].ends_with("Association Lune Mobilité"), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l == "À renvoyer au plus tard le 15/07/2025"),
        "{lines:?}"
    );
    let sheets = book.worksheet_range("Fiches").unwrap();
    let header: Vec<String> = sheets
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &header[..6],
        [
            "N°",
            "Intitulé",
            "Statut actuel",
            "Avancement",
            "Dernier suivi",
            "Date"
        ]
    );
    assert!(
        header
            .last()
            .unwrap()
            .starts_with("ctg-collecte-1 sheets lune-mobilite 2025 ")
    );
    let ids: Vec<&Data> = sheets.rows().skip(1).map(|r| &r[0]).collect();
    assert_eq!(
        ids,
        [&Data::String("1.1.1".into()), &Data::String("1.2.1".into())]
    );
    let run = env.run(&["collect", "x", "--partner", "lune-mobilte"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("lune-mobilite"),
        "a suggestion: {}",
        run.stderr
    );
}

#[test]
fn a_workbook_filled_and_saved_by_libreoffice_imports_once() {
    let Some(soffice) = crate::spreadsheet::soffice() else {
        return;
    };
    let env = TestEnv::demo();
    let filled = env.dir.path().join("rempli.ods");
    fill(&collected(&env), &filled);
    let saved = env.dir.path().join("saved");
    for to in ["ods", "xlsx"] {
        let env = TestEnv::demo();
        env.git_init();
        let file = save_as(soffice, &filled, to, &saved);
        let file = file.to_string_lossy().into_owned();
        let dry = env.run(&["import", &file, "--dry-run"]);
        assert_eq!(dry.code, 0, "{to}: {}", dry.stderr);
        assert!(
            dry.stdout.contains("+    by: Association Lune Mobilité"),
            "{to}: {}",
            dry.stdout
        );
        assert_eq!(
            env.git(&["status", "--porcelain"]),
            "",
            "{to}: a dry run writes nothing"
        );
        let run = env.run(&["import", &file, "--commit"]);
        assert_eq!(run.code, 0, "{to}: {}", run.stderr);
        let sheet = env.read("actions/1.1.1-navette.yaml");
        assert!(
            sheet.ends_with(
                "  - date: 2025-06-20
    status: in-progress
    progress: 70
    note: Trente chauffeurs formés
    measures: {trajets: 320}
    by: Association Lune Mobilité
  - date: 2025-06-25
    reached: [benevoles]
    by: Association Lune Mobilité
"
            ),
            "{to}: {sheet}"
        );
        // One commit, holding exactly the sheet changed.
        let files = env.git(&["show", "--name-only", "--format=%s", "HEAD"]);
        assert_eq!(
            files,
            "import\u{a0}: 2 suivis de rempli.".to_string()
                + to
                + "\n\nplan/actions/1.1.1-navette.yaml\n",
            "{to}"
        );
        let again = env.run(&["import", &file]);
        assert_eq!(again.code, 0, "{to}: {}", again.stderr);
        assert!(
            again
                .stdout
                .contains("1.1.1\u{a0}: le suivi du 20/06/2025 y est déjà"),
            "{}",
            again.stdout
        );
        assert!(again.stdout.contains("rien à ajouter"), "{}", again.stdout);
        assert_eq!(
            env.read("actions/1.1.1-navette.yaml"),
            sheet,
            "{to}: a second import adds nothing"
        );
    }
}

#[test]
fn five_bad_cells_are_told_at_once_and_nothing_is_written() {
    let env = TestEnv::demo();
    let path = collected(&env);
    let bytes = std::fs::read(&path).unwrap();
    let mut book = spreadsheet_ods::read_ods_buf(&bytes).unwrap();
    let (i, r) = row_of(&book, "Fiches", "1.1.1");
    let sheet = book.sheet_mut(i);
    sheet.set_value(r, 5, "32/06/2025");
    sheet.set_value(r, 6, "fini");
    sheet.set_value(r, 7, "40 % ?");
    let (i, r) = row_of(&book, "Fiches", "1.2.1");
    book.sheet_mut(i).set_value(r, 8, "Une note sans date");
    let (i, r) = row_of(&book, "Indicateurs", "1.1.1");
    let sheet = book.sheet_mut(i);
    sheet.set_value(r, 7, "20/06/2025");
    sheet.set_value(r, 8, "beaucoup");
    let bad = env.dir.path().join("bad.ods");
    std::fs::write(
        &bad,
        spreadsheet_ods::write_ods_buf(&mut book, Vec::new()).unwrap(),
    )
    .unwrap();
    let before = env.read("actions/1.1.1-navette.yaml");
    let run = env.run(&["import", "bad.ods"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    insta::assert_snapshot!("five_bad_cells_fr", run.stderr);
    assert_eq!(env.read("actions/1.1.1-navette.yaml"), before);
}

#[test]
fn a_workbook_of_another_plan_or_with_a_changed_id_is_refused() {
    let env = TestEnv::demo();
    let path = collected(&env);
    let bytes = std::fs::read(&path).unwrap();
    let mut book = spreadsheet_ods::read_ods_buf(&bytes).unwrap();
    let (i, r) = row_of(&book, "Fiches", "1.1.1");
    let sheet = book.sheet_mut(i);
    sheet.set_value(r, 0, "1.1.2");
    sheet.set_value(r, 5, "20/06/2025");
    sheet.set_value(r, 8, "Note");
    let changed = env.dir.path().join("changed.ods");
    std::fs::write(
        &changed,
        spreadsheet_ods::write_ods_buf(&mut book, Vec::new()).unwrap(),
    )
    .unwrap();
    let run = env.run(&["import", "changed.ods"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("changed.ods, Fiches, ligne 2, colonne N°\u{a0}: «\u{a0}1.1.2\u{a0}» a été modifiée\u{a0}: cette ligne est `1.1.1`, une cellule protégée"),
        "{}",
        run.stderr
    );
    env.edit(
        "convention.yaml",
        "name: Convention territoriale globale du Val de Lune (exemple fictif)",
        "name: Convention territoriale globale des Monts (exemple fictif)",
    );
    let run = env.run(&["import", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("ce classeur a été collecté pour un autre plan"),
        "{}",
        run.stderr
    );
}

#[test]
fn one_worksheet_saved_as_csv_imports_too() {
    let env = TestEnv::demo();
    let path = collected(&env);
    let mut book: Ods<_> = open_workbook(&path).unwrap();
    let sheets = book.worksheet_range("Fiches").unwrap();
    let header: Vec<String> = sheets
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    // As LibreOffice writes a French CSV: `;`, ids as `="…"`, a French date.
    let csv = format!(
        "\u{feff}{}\n\"=\"\"1.2.1\"\"\";Liaison cyclable entre les deux bourgs;bloquée;30 %;10/04/2025;21/06/2025;Bloquée;35;Relance du propriétaire;;;;1.2.1\n",
        header.join(";")
    );
    std::fs::write(env.dir.path().join("fiches.csv"), csv).unwrap();
    let run = env.run(&["import", "fiches.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        env.read("actions/1.2.1.yaml").ends_with(
            "  - date: 2025-06-21
    status: blocked
    progress: 35
    note: Relance du propriétaire
    by: Association Lune Mobilité
"
        ),
        "{}",
        env.read("actions/1.2.1.yaml")
    );
}

//! `ctg import` (spec section 12): the workbooks of [`crate::collect`],
//! filled by partners and saved by LibreOffice or Excel (`.ods`, `.xlsx`,
//! or one worksheet as CSV), read back into journal entries. Every cell is
//! checked first and every problem reported at once, with its file,
//! worksheet, row and column; then each filled row becomes part of an
//! entry of its sheet and date, `by:` the partner. Rows left empty are
//! skipped; an entry equal to one the sheet already has is "already there".

mod cells;
mod read;

pub use read::{Worksheet, read_file};

use crate::collect::{FormKind, Identity, fingerprint};
use crate::i18n::{Lang, Localize};
use crate::model::{Entry, Located, Money, Plan, Status};
use crate::yaml::Pos;
use cells::{Value, value};
use chrono::{Datelike, NaiveDate};

/// Why a cell is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// Not a date.
    NotADate,
    /// A date outside the convention period.
    OutsidePeriod(i32, i32),
    /// A date after today.
    AfterToday,
    /// Not one of the statuses.
    NotAStatus(Option<String>),
    /// Not a whole number from 0 to 100.
    NotAProgress,
    /// Not a number.
    NotANumber,
    /// Not an amount of euros.
    NotAnAmount,
    /// The row is filled but its date is missing.
    NoDate,
    /// A value is missing where the row needs one.
    Missing,
    /// The protected id was changed (the hidden one says `expected`).
    ChangedId(String),
    /// The row names nothing of the plan (any more).
    UnknownRow(String),
}

/// A refused cell: where, what it held, why.
#[derive(Debug, Clone, PartialEq)]
pub struct CellProblem {
    /// The file, as given.
    pub file: String,
    /// The worksheet.
    pub sheet: String,
    /// The row as the spreadsheet numbers it (the header is 1).
    pub row: usize,
    /// The column's heading.
    pub column: String,
    /// The cell as typed.
    pub text: String,
    /// Why.
    pub why: Why,
}

impl Localize for CellProblem {
    fn say(&self, lang: Lang) -> String {
        let why = match &self.why {
            Why::NotADate => lang.pick(
                "is not a date (DD/MM/YYYY)".to_string(),
                "n'est pas une date (JJ/MM/AAAA)".to_string(),
            ),
            Why::OutsidePeriod(s, e) => lang.pick(
                format!("is outside the convention period {s}-{e}"),
                format!("est hors de la période de la convention {s}-{e}"),
            ),
            Why::AfterToday => lang.pick(
                "is after today".to_string(),
                "est après aujourd'hui".to_string(),
            ),
            Why::NotAStatus(s) => lang.pick(
                format!("is not a status{}", crate::i18n::phrase::mean(s, lang)),
                format!("n'est pas un statut{}", crate::i18n::phrase::mean(s, lang)),
            ),
            Why::NotAProgress => lang.pick(
                "is not a whole number from 0 to 100".to_string(),
                "n'est pas un nombre entier de 0 à 100".to_string(),
            ),
            Why::NotANumber => lang.pick(
                "is not a number".to_string(),
                "n'est pas un nombre".to_string(),
            ),
            Why::NotAnAmount => lang.pick(
                "is not an amount of euros with at most two decimals".to_string(),
                "n'est pas un montant en euros avec au plus deux décimales".to_string(),
            ),
            Why::NoDate => lang.pick(
                "the row is filled but has no date".to_string(),
                "la ligne est remplie mais n'a pas de date".to_string(),
            ),
            Why::Missing => lang.pick(
                "is empty, and the row needs it".to_string(),
                "est vide, et la ligne en a besoin".to_string(),
            ),
            Why::ChangedId(id) => lang.pick(
                format!("was changed: this row is `{id}`, a protected cell"),
                format!("a été modifiée\u{a0}: cette ligne est `{id}`, une cellule protégée"),
            ),
            Why::UnknownRow(id) => lang.pick(
                format!("`{id}` is not in the plan"),
                format!("`{id}` n'est pas dans le plan"),
            ),
        };
        let subject = match self.why {
            Why::NoDate => String::new(),
            _ => lang.pick(
                format!("“{}” ", self.text),
                format!("«\u{a0}{}\u{a0}» ", self.text),
            ),
        };
        let c = crate::i18n::fmt::colon(lang);
        lang.pick(
            format!(
                "{}, {}, row {}, column {}{c} {subject}{why}",
                self.file, self.sheet, self.row, self.column
            ),
            format!(
                "{}, {}, ligne {}, colonne {}{c} {subject}{why}",
                self.file, self.sheet, self.row, self.column
            ),
        )
    }
}

/// Why a whole file is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// It could not be read as a spreadsheet or a CSV file.
    Unreadable(String),
    /// No worksheet of it comes from `ctg collect`.
    NotACollection(String),
    /// It was collected for another plan.
    OtherPlan(String),
    /// It names a partner the plan does not have.
    UnknownPartner(String, String),
    /// It collects a year outside the period.
    OtherYear(String, i32),
}

impl Localize for FileProblem {
    fn say(&self, lang: Lang) -> String {
        match self {
            FileProblem::Unreadable(f) => lang.pick(
                format!("{f}: not a spreadsheet ctg can read (.ods, .xlsx, or a worksheet saved as .csv)"),
                format!("{f}\u{a0}: ce n'est pas un classeur que ctg sait lire (.ods, .xlsx, ou une feuille enregistrée en .csv)"),
            ),
            FileProblem::NotACollection(f) => lang.pick(
                format!("{f}: no worksheet of it comes from `ctg collect` (its hidden last column is gone)"),
                format!("{f}\u{a0}: aucune feuille ne vient de `ctg collect` (sa dernière colonne, masquée, manque)"),
            ),
            FileProblem::OtherPlan(f) => lang.pick(
                format!("{f}: this workbook was collected for another plan"),
                format!("{f}\u{a0}: ce classeur a été collecté pour un autre plan"),
            ),
            FileProblem::UnknownPartner(f, p) => lang.pick(
                format!("{f}: collected for partner `{p}`, whom the plan does not have"),
                format!("{f}\u{a0}: collecté pour le partenaire `{p}`, que le plan n'a pas"),
            ),
            FileProblem::OtherYear(f, y) => lang.pick(
                format!("{f}: it collects {y}, outside the convention period"),
                format!("{f}\u{a0}: il collecte {y}, hors de la période de la convention"),
            ),
        }
    }
}

/// What the workbooks hold, once every cell is right.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    /// The entries to add, by sheet id, in date order.
    pub entries: Vec<(String, Vec<Entry>)>,
    /// The entries a sheet already has: (sheet, date).
    pub already: Vec<(String, NaiveDate)>,
}

/// Everything wrong, all at once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problems {
    /// Files refused whole.
    pub files: Vec<FileProblem>,
    /// Cells refused.
    pub cells: Vec<CellProblem>,
}

impl Problems {
    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.cells.is_empty()
    }
}

/// One entry being put together: a sheet, a date, what the rows say.
#[derive(Default)]
struct Pending {
    entries: Vec<(String, Entry)>,
}

impl Pending {
    fn entry(&mut self, sheet: &str, date: NaiveDate, by: &str) -> &mut Entry {
        let i = match self
            .entries
            .iter()
            .position(|(s, e)| s == sheet && e.date.value == date)
        {
            Some(i) => i,
            None => {
                let mut e = Entry::on(date);
                e.by = Some(by.to_string());
                self.entries.push((sheet.to_string(), e));
                self.entries.len() - 1
            }
        };
        &mut self.entries[i].1
    }
}

fn at<T>(value: T) -> Located<T> {
    Located {
        value,
        pos: Pos::default(),
    }
}

/// Reads every worksheet of every file and turns the filled rows into
/// entries, or says everything that is wrong.
pub fn import(
    plan: &Plan,
    files: &[(String, Vec<Worksheet>)],
    today: NaiveDate,
) -> Result<Imported, Problems> {
    let mut problems = Problems::default();
    let mut pending = Pending::default();
    let print = fingerprint(&plan.convention.name);
    let p = *plan.convention.period;
    for (file, sheets) in files {
        let mut found = false;
        for ws in sheets {
            let Some(identity) = ws.identity() else {
                continue;
            };
            found = true;
            if identity.plan != print {
                problems.files.push(FileProblem::OtherPlan(file.clone()));
                break;
            }
            let Some(partner) = plan.partner(&identity.partner) else {
                problems.files.push(FileProblem::UnknownPartner(
                    file.clone(),
                    identity.partner.clone(),
                ));
                break;
            };
            if !(p.start..=p.end).contains(&identity.year) {
                problems
                    .files
                    .push(FileProblem::OtherYear(file.clone(), identity.year));
                break;
            }
            let mut rows = RowReader {
                plan,
                file,
                ws,
                identity: &identity,
                today,
                problems: &mut problems,
            };
            rows.read(&mut pending, &partner.name);
        }
        if !found {
            problems
                .files
                .push(FileProblem::NotACollection(file.clone()));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Imported::default();
    for (sheet, entry) in pending.entries {
        let has = plan
            .sheet(&sheet)
            .is_some_and(|s| s.journal.contains(&entry));
        if has {
            out.already.push((sheet, entry.date.value));
            continue;
        }
        match out.entries.iter_mut().find(|(s, _)| *s == sheet) {
            Some((_, list)) => list.push(entry),
            None => out.entries.push((sheet, vec![entry])),
        }
    }
    for (_, list) in &mut out.entries {
        list.sort_by_key(|e| e.date.value);
    }
    Ok(out)
}

/// The rows of one worksheet, read against the plan.
struct RowReader<'a> {
    plan: &'a Plan,
    file: &'a str,
    ws: &'a Worksheet,
    identity: &'a Identity,
    today: NaiveDate,
    problems: &'a mut Problems,
}

impl RowReader<'_> {
    fn problem(&mut self, row: usize, col: usize, why: Why) {
        self.problems.cells.push(CellProblem {
            file: self.file.to_string(),
            sheet: self.ws.name.clone(),
            row: row + 1,
            column: self.ws.header(col),
            text: self.ws.text(row, col),
            why,
        });
    }

    /// The date of `(row, col)`, checked against the period and today.
    fn date(&mut self, row: usize, col: usize) -> Option<NaiveDate> {
        match value(self.ws.cell(row, col)) {
            Value::Empty => None,
            v => match v.date() {
                None => {
                    self.problem(row, col, Why::NotADate);
                    None
                }
                Some(d) => {
                    let p = *self.plan.convention.period;
                    if !(p.start..=p.end).contains(&d.year()) {
                        self.problem(row, col, Why::OutsidePeriod(p.start, p.end));
                        None
                    } else if d > self.today {
                        self.problem(row, col, Why::AfterToday);
                        None
                    } else {
                        Some(d)
                    }
                }
            },
        }
    }

    fn read(&mut self, pending: &mut Pending, by: &str) {
        let kind = self.identity.kind;
        let given = kind.given();
        let key_col = self.ws.identity_column().unwrap_or(0);
        for row in 1..self.ws.rows.len() {
            let fill = given..key_col;
            if fill
                .clone()
                .all(|c| value(self.ws.cell(row, c)) == Value::Empty)
            {
                continue;
            }
            let key = self.ws.text(row, key_col);
            let (sheet_id, item) = key.split_once('/').unwrap_or((key.as_str(), ""));
            let shown = self.ws.text(row, 0);
            if shown != sheet_id {
                self.problem(row, 0, Why::ChangedId(sheet_id.to_string()));
                continue;
            }
            if matches!(kind, FormKind::Milestones | FormKind::Funding)
                && self.ws.text(row, 1) != item
            {
                self.problem(row, 1, Why::ChangedId(item.to_string()));
                continue;
            }
            let Some(sheet) = self.plan.sheet(sheet_id) else {
                self.problem(row, 0, Why::UnknownRow(sheet_id.to_string()));
                continue;
            };
            let known = match kind {
                FormKind::Sheets => true,
                FormKind::Indicators => sheet.indicators.iter().any(|i| i.id.value == item),
                FormKind::Milestones => sheet.milestones.iter().any(|m| m.id.value == item),
                FormKind::Funding => sheet.budget.iter().any(|l| l.id.value == item),
            };
            if !known {
                self.problem(row, 1, Why::UnknownRow(key.clone()));
                continue;
            }
            match kind {
                FormKind::Sheets => self.sheet_row(pending, row, given, sheet_id, by),
                FormKind::Indicators => self.measure_row(pending, row, given, sheet_id, item, by),
                FormKind::Milestones => {
                    if let Some(date) = self.date(row, given) {
                        pending
                            .entry(sheet_id, date, by)
                            .reached
                            .push(at(item.to_string()));
                    }
                }
                FormKind::Funding => self.spent_row(pending, row, given, sheet_id, item, by),
            }
        }
    }

    /// Date, status, progress, note, difficulties, next steps, decision.
    fn sheet_row(
        &mut self,
        pending: &mut Pending,
        row: usize,
        at_col: usize,
        sheet: &str,
        by: &str,
    ) {
        let date = self.date(row, at_col);
        let status = match value(self.ws.cell(row, at_col + 1)) {
            Value::Empty => None,
            v => {
                let text = v.text();
                match Status::parse(&text) {
                    Some(s) => Some(s),
                    None => {
                        let suggestion =
                            crate::diag::suggest(&text.to_lowercase(), Status::spellings());
                        self.problem(row, at_col + 1, Why::NotAStatus(suggestion));
                        None
                    }
                }
            }
        };
        let progress = match value(self.ws.cell(row, at_col + 2)) {
            Value::Empty => None,
            v => match v.progress() {
                Some(p) => Some(p),
                None => {
                    self.problem(row, at_col + 2, Why::NotAProgress);
                    None
                }
            },
        };
        let texts: Vec<Option<String>> = (3..7)
            .map(|i| match value(self.ws.cell(row, at_col + i)) {
                Value::Empty => None,
                v => Some(v.text()).filter(|t| !t.trim().is_empty()),
            })
            .collect();
        let Some(date) = date else {
            if value(self.ws.cell(row, at_col)) == Value::Empty {
                self.problem(row, at_col, Why::NoDate);
            }
            return;
        };
        let e = pending.entry(sheet, date, by);
        e.status = status.map(at);
        e.progress = progress.map(at);
        e.note = texts[0].clone();
        e.difficulties = texts[1].clone();
        e.next = texts[2].clone();
        e.decision = texts[3].clone();
    }

    /// Date, value.
    fn measure_row(
        &mut self,
        pending: &mut Pending,
        row: usize,
        at_col: usize,
        sheet: &str,
        id: &str,
        by: &str,
    ) {
        let date = self.date(row, at_col);
        let number = match value(self.ws.cell(row, at_col + 1)) {
            Value::Empty => {
                self.problem(row, at_col + 1, Why::Missing);
                None
            }
            v => match v.number() {
                Some(n) => Some(n),
                None => {
                    self.problem(row, at_col + 1, Why::NotANumber);
                    None
                }
            },
        };
        if value(self.ws.cell(row, at_col)) == Value::Empty {
            self.problem(row, at_col, Why::NoDate);
        }
        if let (Some(date), Some(n)) = (date, number) {
            pending
                .entry(sheet, date, by)
                .measures
                .push((at(id.to_string()), n));
        }
    }

    /// Amount, date.
    fn spent_row(
        &mut self,
        pending: &mut Pending,
        row: usize,
        at_col: usize,
        sheet: &str,
        line: &str,
        by: &str,
    ) {
        let amount: Option<Money> = match value(self.ws.cell(row, at_col)) {
            Value::Empty => {
                self.problem(row, at_col, Why::Missing);
                None
            }
            v => match v.amount() {
                Some(m) => Some(m),
                None => {
                    self.problem(row, at_col, Why::NotAnAmount);
                    None
                }
            },
        };
        let date = self.date(row, at_col + 1);
        if value(self.ws.cell(row, at_col + 1)) == Value::Empty {
            self.problem(row, at_col + 1, Why::NoDate);
        }
        if let (Some(date), Some(m)) = (date, amount) {
            pending
                .entry(sheet, date, by)
                .spent
                .push((at(line.to_string()), at(m)));
        }
    }
}

//! Reading a filled workbook: every worksheet of an `.ods` or `.xlsx`
//! (calamine), or the one worksheet a `.csv` holds (`;` or `,`, a BOM or
//! none, quotes doubled inside quoted cells, as LibreOffice and Excel save
//! them).

use crate::collect::Identity;
use calamine::{Data, Reader, open_workbook_auto};
use std::path::Path;

/// One worksheet: its name and its cells, the header row first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Worksheet {
    /// Its name (the file's stem for a CSV).
    pub name: String,
    /// Its rows.
    pub rows: Vec<Vec<Data>>,
}

impl Worksheet {
    /// The cell at `(row, col)`, if any.
    pub fn cell(&self, row: usize, col: usize) -> Option<&Data> {
        self.rows.get(row).and_then(|r| r.get(col))
    }

    /// The cell as text, as it was typed.
    pub fn text(&self, row: usize, col: usize) -> String {
        super::cells::value(self.cell(row, col)).text()
    }

    /// The heading of column `col`.
    pub fn header(&self, col: usize) -> String {
        self.text(0, col)
    }

    /// The hidden column that says where the worksheet comes from.
    pub fn identity_column(&self) -> Option<usize> {
        let header = self.rows.first()?;
        header
            .iter()
            .rposition(|c| matches!(c, Data::String(s) if Identity::parse(s).is_some()))
    }

    /// The worksheet's identity, if `ctg collect` made it.
    pub fn identity(&self) -> Option<Identity> {
        self.identity_column()
            .and_then(|c| Identity::parse(&self.header(c)))
    }
}

/// Every worksheet of `path`; `None` when it is no spreadsheet ctg reads.
pub fn read_file(path: &Path) -> Option<Vec<Worksheet>> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let bytes = std::fs::read(path).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let name = path.file_stem()?.to_string_lossy().into_owned();
        return Some(vec![Worksheet {
            name,
            rows: csv_rows(&text),
        }]);
    }
    let mut book = open_workbook_auto(path).ok()?;
    let names = book.sheet_names();
    let mut out = Vec::new();
    for name in names {
        let range = book.worksheet_range(&name).ok()?;
        // A range starts at its first used cell: put the cells back at
        // their place so that column 0 is column A.
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Data>> = vec![Vec::new(); top as usize];
        for r in range.rows() {
            let mut row = vec![Data::Empty; left as usize];
            row.extend(r.iter().cloned());
            rows.push(row);
        }
        out.push(Worksheet { name, rows });
    }
    Some(out)
}

/// The rows of a CSV text: the separator is the header line's `;` or `,`
/// (whichever it holds more of, outside quotes).
fn csv_rows(text: &str) -> Vec<Vec<Data>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let sep = if first.matches(';').count() >= first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            (c, false) if c == sep => row.push(Data::String(std::mem::take(&mut cell))),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(Data::String(std::mem::take(&mut cell)));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(Data::String(cell));
        rows.push(row);
    }
    // A French CSV keeps an id as text with `="1.1.1"`: read the id.
    for row in &mut rows {
        for cell in row.iter_mut() {
            if let Data::String(s) = cell
                && let Some(inner) = s.strip_prefix("=\"").and_then(|t| t.strip_suffix('"'))
            {
                *s = inner.to_string();
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_french_csv_reads_back() {
        let rows = csv_rows("\u{feff}N°;Note\r\n\"=\"\"1.1.1\"\"\";\"Dit \"\"oui\"\"; fin\"\r\n");
        assert_eq!(
            rows,
            vec![
                vec![Data::String("N°".into()), Data::String("Note".into())],
                vec![
                    Data::String("1.1.1".into()),
                    Data::String("Dit \"oui\"; fin".into())
                ],
            ]
        );
    }
}

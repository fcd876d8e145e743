//! CSV that French Excel opens: `;`, UTF-8 BOM, decimal comma, JJ/MM/AAAA.
//! In English: RFC 4180 commas, ISO dates, decimal point.
//!
//! Text from the plan that a spreadsheet could run as a formula (starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`;
//! numbers written by ctg are never altered.

use crate::i18n::Lang;
use chrono::NaiveDate;

/// Builds one CSV document row by row.
pub struct Csv {
    lang: Lang,
    rows: Vec<Vec<String>>,
}

impl Csv {
    /// An empty document with this header row.
    pub fn new(lang: Lang, header: &[&str]) -> Csv {
        Csv {
            lang,
            rows: vec![header.iter().map(|h| h.to_string()).collect()],
        }
    }

    /// Adds a row of cells made with [`Csv::text`], [`Csv::number`], [`Csv::date`].
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Plan text, neutralised against formulas.
    pub fn text(&self, text: &str) -> String {
        match text.chars().next() {
            Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
            _ => text.to_string(),
        }
    }

    /// A number with up to `decimals` places, no thousands separator.
    pub fn number(&self, value: f64, decimals: u32) -> String {
        let text = crate::render::fmt::round(value, decimals).to_string();
        match self.lang {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// An optional number (empty cell when none).
    pub fn opt_number(&self, value: Option<f64>, decimals: u32) -> String {
        value.map(|v| self.number(v, decimals)).unwrap_or_default()
    }

    /// A date.
    pub fn date(&self, date: Option<NaiveDate>) -> String {
        date.map(|d| crate::render::fmt::short_date(d, self.lang))
            .unwrap_or_default()
    }

    /// The finished document.
    pub fn finish(self) -> String {
        let delimiter = self.lang.pick(b',', b';');
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for row in &self.rows {
            // Writing to memory cannot fail.
            let _ = writer.write_record(row);
        }
        let bytes = writer.into_inner().unwrap_or_default();
        let text = String::from_utf8(bytes).unwrap_or_default();
        match self.lang {
            Lang::Fr => format!("\u{feff}{text}"),
            Lang::En => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_csv_has_bom_semicolons_and_commas() {
        let mut csv = Csv::new(Lang::Fr, &["note", "valeur", "date"]);
        let cells = vec![
            csv.text("=HYPERLINK(\"x\")"),
            csv.number(12.5, 1),
            csv.date(NaiveDate::from_ymd_opt(2025, 3, 4)),
        ];
        csv.row(cells);
        let out = csv.finish();
        assert!(out.starts_with('\u{feff}'));
        assert!(
            out.contains("\"'=HYPERLINK(\"\"x\"\")\";12,5;04/03/2025\r\n"),
            "{out}"
        );
    }

    #[test]
    fn english_csv_is_rfc_4180() {
        let mut csv = Csv::new(Lang::En, &["a", "b"]);
        let cells = vec![csv.text("x, y"), csv.number(-3.25, 2)];
        csv.row(cells);
        assert_eq!(csv.finish(), "a,b\r\n\"x, y\",-3.25\r\n");
    }
}

//! CSV that French Excel opens: `;`, UTF-8 BOM, decimal comma, JJ/MM/AAAA.
//! In English: RFC 4180 commas, ISO dates, decimal point.
//!
//! Text from the plan that a spreadsheet could run as a formula (starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`;
//! numbers written by ctg are never altered.
//!
//! In French, text that a spreadsheet would read as a number or a date (an id
//! like `1.1.1` becomes 01/01/2001) is written as a text formula, `="1.1.1"`:
//! Excel and LibreOffice (formulas evaluated, its command-line default) show
//! `1.1.1` as text. Quoting alone does not help: both ignore quotes when
//! guessing types; a leading `'` stays visible in both.

use crate::compute::labels::health_label;
use crate::i18n::Lang;
use crate::render::ambiguous::could_be_a_value;
use crate::render::grid::{Cell, Grid};
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

    /// Text, neutralised against formulas; in French, kept as text when a
    /// spreadsheet would read it as a value.
    pub fn text(&self, text: &str) -> String {
        match text.chars().next() {
            Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
            // `could_be_a_value` text has no `"`: the formula is a plain string.
            _ if self.lang == Lang::Fr && could_be_a_value(text) => format!("=\"{text}\""),
            _ => text.to_string(),
        }
    }

    /// A number with up to `decimals` places, no thousands separator.
    pub fn number(&self, value: f64, decimals: u32) -> String {
        let text = crate::i18n::fmt::round(value, decimals).to_string();
        match self.lang {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// Euros with two decimals and no thousands separator (`15000,50` in
    /// French), so that a spreadsheet reads a number.
    pub fn money(&self, value: crate::model::Money) -> String {
        let text = value.text(Lang::En).replace(',', "");
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
        date.map(|d| crate::i18n::fmt::short_date(d, self.lang))
            .unwrap_or_default()
    }

    /// The finished document.
    pub fn finish(self) -> String {
        let delimiter = crate::i18n::fmt::csv_delimiter(self.lang);
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

impl Grid {
    /// CSV of the grid's flat form ([`Grid::flat`]): plain numbers; text
    /// neutralised and, in French, kept as text.
    pub fn csv(&self, lang: Lang) -> String {
        let flat = self.flat(lang);
        let header: Vec<&str> = flat.header.iter().map(String::as_str).collect();
        let mut csv = Csv::new(lang, &header);
        for row in &flat.rows {
            let cells = row
                .cells
                .iter()
                .map(|c| match c {
                    Cell::Label(t) | Cell::Plan(t) => csv.text(t),
                    Cell::Health(h) => csv.text(health_label(*h, lang)),
                    Cell::Count(n) => n.to_string(),
                    Cell::Number(v, d) => csv.number(*v, *d),
                    Cell::Money(m) => csv.money(*m),
                    Cell::Percent(v) | Cell::Points(v) => csv.number(*v, 1),
                    Cell::Date(d) => csv.date(Some(*d)),
                    Cell::Empty | Cell::Missing => String::new(),
                })
                .collect();
            csv.row(cells);
        }
        csv.finish()
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

    #[test]
    fn french_text_a_spreadsheet_would_read_as_a_value_is_a_text_formula() {
        let csv = Csv::new(Lang::Fr, &[]);
        for id in [
            "1", "1.1", "1.1.1", "2024", "3 mai", "VRAI", "12:30", "(12)", "50 %",
        ] {
            assert_eq!(csv.text(id), format!("=\"{id}\""), "{id}");
        }
        for plain in ["en cours", "10/12/2024 : Bilan", "Navette 2", "3-4 ans", ""] {
            assert_eq!(csv.text(plain), plain);
        }
        assert_eq!(
            csv.text("-20"),
            "'-20",
            "formula characters keep their apostrophe"
        );
        assert_eq!(Csv::new(Lang::En, &[]).text("1.1.1"), "1.1.1");
    }

    proptest::proptest! {
        #[test]
        fn french_text_is_kept_or_safely_wrapped(text in "[0-9a-zA-Z .,:/%=+@()\"'-]{0,12}") {
            let out = Csv::new(Lang::Fr, &[]).text(&text);
            let kept = out == text || out == format!("'{text}");
            let wrapped = out == format!("=\"{text}\"") && !text.contains('"');
            proptest::prop_assert!(kept || wrapped, "{text:?} -> {out:?}");
            proptest::prop_assert!(!out.starts_with('=') || wrapped);
        }
    }
}

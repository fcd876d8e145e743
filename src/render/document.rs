//! A titled document of grids — the annual review, the evaluation — in the
//! formats they share: terminal, Markdown, one HTML page and a workbook.

use crate::i18n::Lang;
use crate::render::grid::Grid;
use crate::render::table::Style;
use crate::render::terminal::paragraph;
use crate::render::xlsx;

/// A title, lines under it, an optional notice, then the tables.
#[derive(Debug, Clone)]
pub struct Document {
    /// The title (may hold plan text: the convention's name).
    pub title: String,
    /// Lines under the title (period, dates).
    pub lines: Vec<String>,
    /// A notice before the tables, written by ctg.
    pub notice: Option<&'static str>,
    /// The tables, in order.
    pub grids: Vec<Grid>,
    /// Charts for the HTML page (SVG), each with the name of the grid it
    /// goes before (a name no grid has: after the tables). Empty but for
    /// the HTML page: charts are drawn only for the format that shows them.
    pub charts: Vec<(&'static str, String)>,
}

impl Document {
    /// For the terminal: the header wrapped to the width, then each grid.
    pub fn table(&self, lang: Lang, style: Style) -> String {
        let mut head = crate::safe::safe(&self.title);
        for line in &self.lines {
            head.push('\n');
            head.push_str(line);
        }
        let mut out = format!("{}\n\n", paragraph(&head, style));
        if let Some(notice) = self.notice {
            out.push_str(&paragraph(notice, style));
            out.push_str("\n\n");
        }
        for g in &self.grids {
            out.push_str(&g.terminal(lang, style));
            out.push('\n');
        }
        out
    }

    /// One Markdown document with a heading per table.
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = format!("# {}\n\n", crate::safe::markdown(&self.title));
        for line in &self.lines {
            out.push_str(&format!("{line}\n\n"));
        }
        if let Some(notice) = self.notice {
            out.push_str(&format!("> {notice}\n\n"));
        }
        for g in &self.grids {
            out.push_str(&g.markdown(lang, 2));
        }
        out
    }

    /// A workbook, one worksheet per table named by its caption.
    pub fn xlsx(&self, lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        xlsx::workbook(&self.grids, &self.sheet_names(), &self.title, lang)
    }

    /// An OpenDocument spreadsheet, the same worksheets as [`Document::xlsx`].
    pub fn ods(&self, lang: Lang) -> Result<Vec<u8>, spreadsheet_ods::OdsError> {
        crate::render::ods::workbook(&self.grids, &self.sheet_names(), &self.title, lang)
    }

    /// The worksheet names: the tables' captions, as a workbook takes them.
    fn sheet_names(&self) -> Vec<String> {
        self.grids.iter().map(|g| sheet_name(&g.title)).collect()
    }
}

/// A worksheet's name: the caption with the characters a workbook refuses
/// replaced by readable ones (`au 31/12/2025` becomes `au 31-12-2025`,
/// not `au 31122025`; `[` and `]` become `(` and `)`; `*` and `?` go),
/// within 31 characters: a caption too long loses its closing
/// parenthesis (`Plans side by side (as of …)`) or else is cut at the end
/// of a word.
pub fn sheet_name(caption: &str) -> String {
    let name: String = caption
        .chars()
        .filter_map(|c| match c {
            '/' | '\\' | ':' => Some('-'),
            '[' => Some('('),
            ']' => Some(')'),
            '*' | '?' => None,
            c => Some(c),
        })
        .collect();
    let fits = |t: &str| t.chars().count() <= 31;
    if fits(&name) {
        return name;
    }
    let shorter = name.strip_suffix(')').and_then(|n| n.rsplit_once(" ("));
    if let Some((head, _)) = shorter.filter(|(head, _)| fits(head)) {
        return head.to_string();
    }
    let cut: String = name.chars().take(31).collect();
    let next = name.chars().nth(31);
    match cut.rfind(' ') {
        Some(space) if next != Some(' ') && space > 0 => cut[..space].trim_end().to_string(),
        _ => cut.trim_end().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_name_keeps_its_meaning() {
        assert_eq!(
            sheet_name("Portefeuille (au 31/12/2025)"),
            "Portefeuille (au 31-12-2025)"
        );
        assert_eq!(
            sheet_name("Budget [2025] : lignes ?"),
            "Budget (2025) - lignes "
        );
        let long = sheet_name("Résultats par axe et par objectif de la convention");
        assert_eq!(long, "Résultats par axe et par");
        assert!(long.chars().count() <= 31);
        assert_eq!(
            sheet_name("Détail par fiche action"),
            "Détail par fiche action"
        );
        assert_eq!(
            sheet_name("Plans side by side (as of 31 December 2025)"),
            "Plans side by side"
        );
    }
}

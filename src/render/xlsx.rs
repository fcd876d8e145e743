//! A workbook with one worksheet per grid in its flat form ([`Grid::flat`]):
//! real numbers, percentages and dates (not text), plan text always written
//! as strings, the header row frozen, filtered and repeated on every printed
//! page, each worksheet printed landscape and one page wide.

use crate::i18n::Lang;
use crate::render::grid::{Cell, Grid, places};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The workbook as bytes; `names` are the worksheet names (see
/// [`crate::render::document::sheet_name`]).
pub fn workbook(
    grids: &[Grid],
    names: &[String],
    title: &str,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_title(title));
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DCE6F0");
    let wrap = Format::new().set_text_wrap();
    for (grid, name) in grids.iter().zip(names) {
        let grid = &grid.flat(lang);
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        for (col, h) in grid.header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, h, &header)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let last = grid.header.len().saturating_sub(1) as u16;
        sheet.autofilter(0, 0, grid.rows.len() as u32, last)?;
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(0, 0)?;
        for (i, row) in grid.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.cells.iter().enumerate() {
                let c = col as u16;
                match cell {
                    Cell::Label(_) | Cell::Plan(_) | Cell::Health(_) => {
                        sheet.write_string_with_format(r, c, cell.text(lang), &wrap)?;
                    }
                    Cell::Count(n) => {
                        sheet.write_number_with_format(r, c, *n as f64, &numbers(cell))?;
                    }
                    Cell::Number(v, _) | Cell::Points(v) => {
                        sheet.write_number_with_format(r, c, *v, &numbers(cell))?;
                    }
                    Cell::Money(m) => {
                        sheet.write_number_with_format(r, c, m.euros_f64(), &numbers(cell))?;
                    }
                    Cell::Percent(v) => {
                        sheet.write_number_with_format(r, c, v / 100.0, &numbers(cell))?;
                    }
                    Cell::Date(d) => {
                        sheet.write_datetime_with_format(r, c, d, &numbers(cell))?;
                    }
                    Cell::Empty | Cell::Missing => {}
                }
            }
        }
        let below = grid.rows.len() as u32 + 2;
        for (i, note) in grid.notes.iter().enumerate() {
            sheet.write_string(below + i as u32, 0, note)?;
        }
        sheet.set_autofit_max_width(300);
        sheet.autofit();
    }
    book.save_to_buffer()
}

/// The number format of a figure cell.
fn numbers(cell: &Cell) -> Format {
    Format::new().set_num_format(number_format(cell))
}

/// The number format code of a cell. A number shows the decimals its rounded
/// value needs: `#,##0.##` shows `162.` in Excel (LibreOffice hides the `.`).
fn number_format(cell: &Cell) -> String {
    match cell {
        Cell::Percent(_) => "0%".into(),
        Cell::Money(_) => "#,##0.00".into(),
        Cell::Points(_) => "+0\" pts\";-0\" pts\";0\" pt\"".into(),
        Cell::Date(_) => "dd/mm/yyyy".into(),
        Cell::Number(v, decimals) => match places(*v, *decimals) {
            0 => "#,##0".into(),
            places => format!("#,##0.{}", "0".repeat(places as usize)),
        },
        _ => "General".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_show_no_decimal_separator() {
        assert_eq!(number_format(&Cell::Number(162.0, 2)), "#,##0");
        assert_eq!(number_format(&Cell::Number(93.333, 2)), "#,##0.00");
        assert_eq!(number_format(&Cell::Number(2.5, 2)), "#,##0.0");
        assert_eq!(
            number_format(&Cell::Number(2.96, 1)),
            "#,##0",
            "rounds to 3"
        );
        assert_eq!(number_format(&Cell::Number(7.4, 0)), "#,##0");
        assert_eq!(number_format(&Cell::Percent(20.0)), "0%");
    }
}

//! A workbook with one worksheet per grid: real numbers, percentages and
//! dates (not text), plan text always written as strings, header rows frozen.

use crate::render::grid::{Cell, Grid};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The workbook as bytes; `names` are the worksheet names (at most 31 characters).
pub fn workbook(grids: &[Grid], names: &[&str], title: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_title(title));
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DCE6F0");
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let number = Format::new().set_num_format("#,##0.##");
    let percent = Format::new().set_num_format("0%");
    let points = Format::new().set_num_format("+0\" pts\";-0\" pts\";0\" pt\"");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (grid, name) in grids.iter().zip(names) {
        let sheet = book.add_worksheet();
        let short: String = name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(short)?;
        for (col, h) in grid.header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, h, &header)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (i, row) in grid.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.cells.iter().enumerate() {
                let c = col as u16;
                match cell {
                    Cell::Label(t) | Cell::Plan(t) => {
                        let f = if row.emphasis { &bold } else { &wrap };
                        sheet.write_string_with_format(r, c, t, f)?;
                    }
                    Cell::Count(n) => {
                        sheet.write_number(r, c, *n as f64)?;
                    }
                    Cell::Number(v, _) => {
                        sheet.write_number_with_format(r, c, *v, &number)?;
                    }
                    Cell::Percent(v) => {
                        sheet.write_number_with_format(r, c, v / 100.0, &percent)?;
                    }
                    Cell::Points(v) => {
                        sheet.write_number_with_format(r, c, *v, &points)?;
                    }
                    Cell::Date(d) => {
                        sheet.write_datetime_with_format(r, c, d, &date)?;
                    }
                    Cell::Empty | Cell::Missing => {}
                }
            }
        }
        sheet.set_autofit_max_width(300);
        sheet.autofit();
    }
    book.save_to_buffer()
}

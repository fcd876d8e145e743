//! A partner's collection workbook ([`crate::collect::Form`]) as xlsx:
//! a first worksheet to read, then one per kind of row; given cells grey
//! and locked, cells to fill white, unlocked and validated (a list of
//! statuses, a whole number from 0 to 100, a date, a number), each
//! worksheet protected without a password, the identity column hidden.

use crate::collect::{Fill, Form, Given};
use crate::i18n::{L, Lang};
use chrono::NaiveDate;
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, ExcelDateTime, Format, Workbook, Worksheet, XlsxError,
};

/// The workbook as bytes; dates to fill are from `first_day` on.
pub fn form(form: &Form, first_day: NaiveDate, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_title(&form.title));
    let readme = book.add_worksheet();
    readme.set_name(L::FormReadme.get(lang))?;
    let bold = Format::new().set_bold();
    for (i, line) in form.readme.iter().enumerate() {
        let format = if i == 0 { &bold } else { &Format::new() };
        readme.write_string_with_format(i as u32, 0, line, format)?;
    }
    readme.set_column_width(0, 120)?;
    readme.protect();
    for sheet in &form.sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.kind.name(lang))?;
        write_sheet(ws, sheet, first_day)?;
    }
    book.save_to_buffer()
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &crate::collect::FormSheet,
    first_day: NaiveDate,
) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DCE6F0");
    let given = Format::new()
        .set_background_color("#E7E6E6")
        .set_text_wrap();
    let fill = Format::new()
        .set_unlocked()
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let fill_date = fill.clone().set_num_format("dd/mm/yyyy");
    let last = sheet.rows.len() as u32;
    let hidden = sheet.columns.len() as u16;
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, &column.header, &header)?;
        ws.set_column_width(
            c,
            if column.fill == Some(Fill::Text) {
                40
            } else {
                16
            },
        )?;
        let Some(kind) = &column.fill else { continue };
        let format = if *kind == Fill::Date {
            &fill_date
        } else {
            &fill
        };
        for r in 1..=last {
            ws.write_blank(r, c, format)?;
        }
        if let Some(rule) = validation(kind, first_day)? {
            ws.add_data_validation(1, c, last.max(1), c, &rule)?;
        }
    }
    ws.write_string(0, hidden, &sheet.identity)?;
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, cell) in row.given.iter().enumerate() {
            let c = c as u16;
            match cell {
                Given::Percent(v) => ws.write_number_with_format(
                    r,
                    c,
                    v / 100.0,
                    &given.clone().set_num_format("0%"),
                )?,
                Given::Number(v) => ws.write_number_with_format(r, c, *v, &given)?,
                Given::Money(m) => ws.write_number_with_format(
                    r,
                    c,
                    m.euros_f64(),
                    &given.clone().set_num_format("#,##0.00"),
                )?,
                Given::Date(d) => ws.write_datetime_with_format(
                    r,
                    c,
                    d,
                    &given.clone().set_num_format("dd/mm/yyyy"),
                )?,
                Given::Empty => ws.write_blank(r, c, &given)?,
                Given::Text(t) => ws.write_string_with_format(r, c, t, &given)?,
            };
        }
        ws.write_string(r, hidden, &row.key)?;
    }
    ws.set_column_hidden(hidden)?;
    ws.set_freeze_panes(1, sheet.kind.given().min(2) as u16)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.protect();
    Ok(())
}

/// The spreadsheet's check of a cell to fill.
fn validation(fill: &Fill, first_day: NaiveDate) -> Result<Option<DataValidation>, XlsxError> {
    Ok(Some(match fill {
        Fill::Text => return Ok(None),
        Fill::Status(words) => DataValidation::new().allow_list_strings(words)?,
        Fill::Progress => {
            DataValidation::new().allow_whole_number(DataValidationRule::Between(0, 100))
        }
        Fill::Date => {
            let from = ExcelDateTime::from_ymd(
                u16::try_from(chrono::Datelike::year(&first_day)).unwrap_or(1900),
                1,
                1,
            )?;
            DataValidation::new().allow_date(DataValidationRule::GreaterThanOrEqualTo(from))
        }
        Fill::Number | Fill::Amount => {
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(-1e12, 1e12))
        }
    }))
}

//! A partner's collection workbook ([`crate::collect::Form`]) as an
//! OpenDocument spreadsheet: a first worksheet to read, then one per kind
//! of row; given cells grey and protected, cells to fill white, unprotected
//! and validated (a list of statuses, a whole number from 0 to 100, a date,
//! a number), every worksheet protected without a password, the identity
//! column hidden.

use crate::collect::{Fill, Form, FormSheet, Given};
use crate::i18n::{L, Lang};
use chrono::NaiveDate;
use spreadsheet_ods::color::Rgb;
use spreadsheet_ods::condition::Condition;
use spreadsheet_ods::sheet::Visibility;
use spreadsheet_ods::style::units::{Border, CellProtect, WrapOption};
use spreadsheet_ods::validation::{Validation, ValidationRef};
use spreadsheet_ods::{
    CellRef, CellStyle, CellStyleRef, Length, OdsError, Sheet, ValueFormatNumber, WorkBook, mm,
};

/// The cell styles of a form.
struct Styles {
    header: CellStyleRef,
    given: CellStyleRef,
    given_percent: CellStyleRef,
    given_number: CellStyleRef,
    given_date: CellStyleRef,
    fill: CellStyleRef,
    fill_date: CellStyleRef,
    bold: CellStyleRef,
    wrap: CellStyleRef,
    key: CellStyleRef,
}

impl Styles {
    fn new(book: &mut WorkBook) -> Styles {
        let grey = Rgb::new(0xE7, 0xE6, 0xE6);
        let mut header = CellStyle::new_empty();
        header.set_name("form-header");
        header.set_font_bold();
        header.set_wrap_option(WrapOption::Wrap);
        header.set_background_color(Rgb::new(0xDC, 0xE6, 0xF0));
        let mut bold = CellStyle::new_empty();
        bold.set_name("form-bold");
        bold.set_font_bold();
        let mut key = CellStyle::new_empty();
        key.set_name("form-key");
        key.set_background_color(grey);
        let mut wrap = CellStyle::new_empty();
        wrap.set_name("form-wrap");
        wrap.set_wrap_option(WrapOption::Wrap);
        let given = |name: &str, format: Option<&spreadsheet_ods::format::ValueFormatRef>| {
            let mut style = match format {
                Some(f) => CellStyle::new(name, f),
                None => {
                    let mut s = CellStyle::new_empty();
                    s.set_name(name);
                    s
                }
            };
            style.set_background_color(grey);
            style.set_wrap_option(WrapOption::Wrap);
            style
        };
        let percent = crate::render::ods::percent_format(book, "form-f-percent");
        let mut number = ValueFormatNumber::new_named("form-f-number");
        number
            .part_number()
            .min_integer_digits(1)
            .decimal_places(2)
            .grouping()
            .build();
        let number = book.add_number_format(number);
        let date = crate::render::ods::date_format(book, "form-f-date");
        let mut fill = CellStyle::new_empty();
        fill.set_name("form-fill");
        fill.set_cell_protect(CellProtect::None);
        fill.set_border(mm!(0.2), Border::Solid, Rgb::new(0x80, 0x80, 0x80));
        let mut fill_date = CellStyle::new("form-fill-date", &date);
        fill_date.set_cell_protect(CellProtect::None);
        fill_date.set_border(mm!(0.2), Border::Solid, Rgb::new(0x80, 0x80, 0x80));
        Styles {
            header: book.add_cellstyle(header),
            given: book.add_cellstyle(given("form-given", None)),
            given_percent: book.add_cellstyle(given("form-given-percent", Some(&percent))),
            given_number: book.add_cellstyle(given("form-given-number", Some(&number))),
            given_date: book.add_cellstyle(given("form-given-date", Some(&date))),
            fill: book.add_cellstyle(fill),
            fill_date: book.add_cellstyle(fill_date),
            bold: book.add_cellstyle(bold),
            wrap: book.add_cellstyle(wrap),
            key: book.add_cellstyle(key),
        }
    }
}

/// The spreadsheet's check of a cell to fill, once per kind of fill.
fn validation(
    book: &mut WorkBook,
    name: &str,
    fill: &Fill,
    first_day: NaiveDate,
) -> Option<ValidationRef> {
    let condition = match fill {
        Fill::Text => return None,
        Fill::Status(words) => {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            Condition::content_is_in_list(&words)
        }
        Fill::Progress => Condition::content_is_whole_number_and(Condition::content_le(100)),
        Fill::Date => {
            // A date's value is its number of days since 30/12/1899.
            let origin = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
            let days = (first_day - origin).num_days() as f64;
            Condition::content_is_date_and(Condition::content_ge(days))
        }
        Fill::Number | Fill::Amount => {
            Condition::content_is_decimal_number_and(Condition::content_ge(-1e12))
        }
    };
    let mut v = Validation::new();
    v.set_name(name);
    v.set_condition(condition);
    v.set_base_cell(CellRef::local(1, 0));
    Some(book.add_validation(v))
}

fn write_sheet(
    book: &mut WorkBook,
    styles: &Styles,
    sheet: &FormSheet,
    first_day: NaiveDate,
    lang: Lang,
) -> Sheet {
    let mut ws = Sheet::new(sheet.kind.name(lang));
    let hidden = sheet.columns.len() as u32;
    let last = sheet.rows.len() as u32;
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = c as u32;
        ws.set_styled_value(0, c, column.header.as_str(), &styles.header);
        let wide = column.fill == Some(Fill::Text) || c == 1;
        ws.set_col_width(c, Length::Cm(if wide { 5.5 } else { 2.8 }));
        let Some(fill) = &column.fill else { continue };
        let rule = validation(book, &format!("{}-{c}", sheet.kind.key()), fill, first_day);
        let style = if *fill == Fill::Date {
            &styles.fill_date
        } else {
            &styles.fill
        };
        for r in 1..=last {
            ws.set_cellstyle(r, c, style);
            if let Some(rule) = &rule {
                ws.set_validation(r, c, rule);
            }
        }
    }
    // The hidden column's cells do not wrap: the header row keeps its height.
    ws.set_styled_value(0, hidden, sheet.identity.as_str(), &styles.key);
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, cell) in row.given.iter().enumerate() {
            let c = c as u32;
            match cell {
                Given::Percent(v) => ws.set_styled_value(r, c, v / 100.0, &styles.given_percent),
                Given::Number(v) => ws.set_styled_value(r, c, *v, &styles.given_number),
                Given::Money(m) => ws.set_styled_value(r, c, m.euros_f64(), &styles.given_number),
                Given::Date(d) => ws.set_styled_value(r, c, *d, &styles.given_date),
                Given::Empty => ws.set_cellstyle(r, c, &styles.given),
                Given::Text(t) => ws.set_styled_value(r, c, t.as_str(), &styles.given),
            }
        }
        ws.set_styled_value(r, hidden, row.key.as_str(), &styles.key);
    }
    ws.set_col_visible(hidden, Visibility::Collapsed);
    ws.split_row_header(0);
    ws.set_header_rows(0, 0);
    ws
}

/// The spreadsheet as bytes; dates to fill are from `first_day` on.
pub fn form(form: &Form, first_day: NaiveDate, lang: Lang) -> Result<Vec<u8>, OdsError> {
    let mut book = WorkBook::new_empty();
    book.metadata_mut().title = form.title.clone();
    let styles = Styles::new(&mut book);
    let page = crate::render::ods::landscape(&mut book);
    let mut readme = Sheet::new(L::FormReadme.get(lang));
    for (i, line) in form.readme.iter().enumerate() {
        // As tall as its wrapped text (about 110 characters a line in the
        // 25 cm column): a spreadsheet does not grow a row it reads.
        let lines = line.chars().count().div_ceil(110).max(1);
        readme.set_row_height(i as u32, Length::Cm(0.5 * lines as f64));
        match i {
            0 => readme.set_styled_value(0, 0, line.as_str(), &styles.bold),
            _ => readme.set_styled_value(i as u32, 0, line.as_str(), &styles.wrap),
        }
    }
    readme.set_col_width(0, Length::Cm(25.0));
    readme.set_style(&page);
    book.push_sheet(readme);
    for sheet in &form.sheets {
        let mut ws = write_sheet(&mut book, &styles, sheet, first_day, lang);
        ws.set_style(&page);
        book.push_sheet(ws);
    }
    let bytes = spreadsheet_ods::write_ods_buf(&mut book, Vec::new())?;
    protect(&bytes).map_err(|e| OdsError::Ods(e.to_string()))
}

/// The same spreadsheet with every worksheet protected, without a password
/// (`table:protected`, which `spreadsheet-ods` does not write): cells whose
/// style says `cell-protect none` stay editable.
fn protect(ods: &[u8]) -> Result<Vec<u8>, zip::result::ZipError> {
    crate::render::ods::edit_content(ods, |text| {
        text.replace(
            "<table:table table:name=",
            "<table:table table:protected=\"true\" table:name=",
        )
    })
}

//! An OpenDocument spreadsheet (`.ods`) with one worksheet per grid in its
//! flat form ([`Grid::flat`]), as the xlsx workbook: real numbers, euros,
//! percentages and dates (not text), plan text always written as strings,
//! the header row frozen, filtered and repeated on every printed page, pages printed
//! landscape and one page wide, columns as wide as their text.

use crate::i18n::Lang;
use crate::render::grid::{Cell, Grid, places};
use spreadsheet_ods::color::Rgb;
use spreadsheet_ods::format::{FormatNumberStyle, ValueFormatRef};
use spreadsheet_ods::style::units::{PrintOrientation, WrapOption};
use spreadsheet_ods::style::{MasterPage, PageStyle, TableStyle, TableStyleRef};
use spreadsheet_ods::{
    CellStyle, CellStyleRef, Length, OdsError, Sheet, ValueFormatDateTime, ValueFormatNumber,
    ValueFormatPercentage, WorkBook,
};
use std::collections::HashMap;

/// The cell styles of a workbook, each made once.
struct Styles {
    header: CellStyleRef,
    text: CellStyleRef,
    money: CellStyleRef,
    percent: CellStyleRef,
    date: CellStyleRef,
    /// A change in points: `+3 pts`.
    points: CellStyleRef,
    /// Numbers by their places of decimals.
    numbers: HashMap<u32, CellStyleRef>,
}

impl Styles {
    fn new(book: &mut WorkBook) -> Styles {
        let mut header = CellStyle::new_empty();
        header.set_name("ctg-header");
        header.set_font_bold();
        header.set_wrap_option(WrapOption::Wrap);
        header.set_background_color(Rgb::new(0xDC, 0xE6, 0xF0));
        let mut text = CellStyle::new_empty();
        text.set_name("ctg-text");
        text.set_wrap_option(WrapOption::Wrap);
        let money = number_format(book, "ctg-f-money", 2, true);
        let percent = percent_format(book, "ctg-f-percent");
        let date = date_format(book, "ctg-f-date");
        let mut points = ValueFormatNumber::new_named("ctg-f-points");
        points
            .part_number()
            .min_integer_digits(1)
            .decimal_places(0)
            .build();
        points.part_text(" pts").build();
        let points = book.add_number_format(points);
        Styles {
            header: book.add_cellstyle(header),
            text: book.add_cellstyle(text),
            money: book.add_cellstyle(CellStyle::new("ctg-money", &money)),
            percent: book.add_cellstyle(CellStyle::new("ctg-percent", &percent)),
            date: book.add_cellstyle(CellStyle::new("ctg-date", &date)),
            points: book.add_cellstyle(CellStyle::new("ctg-points", &points)),
            numbers: HashMap::new(),
        }
    }

    /// The style of a number shown with `places` decimals, thousands grouped.
    fn number(&mut self, book: &mut WorkBook, places: u32) -> CellStyleRef {
        self.numbers
            .entry(places)
            .or_insert_with(|| {
                let format = number_format(book, &format!("ctg-f-n{places}"), places, false);
                book.add_cellstyle(CellStyle::new(format!("ctg-n{places}"), &format))
            })
            .clone()
    }
}

/// A whole percentage: `82%`.
pub fn percent_format(book: &mut WorkBook, name: &str) -> ValueFormatRef {
    let mut percent = ValueFormatPercentage::new_named(name);
    percent
        .part_number()
        .min_integer_digits(1)
        .fixed_decimal_places(0)
        .build();
    percent.part_text("%").build();
    book.add_percentage_format(percent)
}

/// A date as French tables write it: `31/12/2025`.
pub fn date_format(book: &mut WorkBook, name: &str) -> ValueFormatRef {
    let mut date = ValueFormatDateTime::new_named(name);
    date.part_day().style(FormatNumberStyle::Long).build();
    date.part_text("/").build();
    date.part_month().style(FormatNumberStyle::Long).build();
    date.part_text("/").build();
    date.part_year().style(FormatNumberStyle::Long).build();
    book.add_datetime_format(date)
}

/// A number format with exactly `places` decimals (`fixed`) or at most.
fn number_format(book: &mut WorkBook, name: &str, places: u32, fixed: bool) -> ValueFormatRef {
    let places = u8::try_from(places).unwrap_or(6);
    let mut format = ValueFormatNumber::new_named(name);
    let part = format.part_number().min_integer_digits(1).grouping();
    match fixed {
        true => part.fixed_decimal_places(places).build(),
        false => part.decimal_places(places).build(),
    }
    book.add_number_format(format)
}

/// A column as wide as its longest line of text, within 2 and 12 cm.
fn width(grid: &Grid, col: usize, lang: Lang) -> Length {
    let longest = std::iter::once(grid.header.get(col).map_or(0, |h| h.chars().count()))
        .chain(grid.rows.iter().map(|r| {
            r.cells.get(col).map_or(0, |c| {
                c.text(lang)
                    .lines()
                    .map(|l| l.chars().count())
                    .max()
                    .unwrap_or(0)
            })
        }))
        .max()
        .unwrap_or(0);
    let cm = (longest as f64 * 0.21 + 0.5).clamp(2.0, 12.0);
    Length::Cm((cm * 100.0).round() / 100.0)
}

/// The table style of every worksheet: printed landscape on A4, scaled to
/// one page wide.
pub fn landscape(book: &mut WorkBook) -> TableStyleRef {
    let mut page = PageStyle::new("ctg-page");
    page.set_print_orientation(PrintOrientation::Landscape);
    page.set_page_width(Length::Cm(29.7));
    page.set_page_height(Length::Cm(21.0));
    page.style_mut()
        .set_attr("style:scale-to-X", "1".to_string());
    let page = book.add_pagestyle(page);
    let mut master = MasterPage::new("ctg-master");
    master.set_pagestyle(&page);
    let master = book.add_masterpage(master);
    let mut table = TableStyle::new("ctg-table");
    table.set_master_page(&master);
    book.add_tablestyle(table)
}

/// The spreadsheet as bytes; `names` are the worksheet names (see
/// [`crate::render::document::sheet_name`]).
pub fn workbook(
    grids: &[Grid],
    names: &[String],
    title: &str,
    lang: Lang,
) -> Result<Vec<u8>, OdsError> {
    let mut book = WorkBook::new_empty();
    book.metadata_mut().title = title.to_string();
    let mut styles = Styles::new(&mut book);
    let page = landscape(&mut book);
    let mut filters = Vec::new();
    for (grid, name) in grids.iter().zip(names) {
        let grid = &grid.flat(lang);
        let mut sheet = Sheet::new(name);
        sheet.set_style(&page);
        for (col, h) in grid.header.iter().enumerate() {
            sheet.set_styled_value(0, col as u32, h.as_str(), &styles.header);
            sheet.set_col_width(col as u32, width(grid, col, lang));
        }
        sheet.split_row_header(0);
        sheet.set_header_rows(0, 0);
        for (i, row) in grid.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.cells.iter().enumerate() {
                let c = col as u32;
                match cell {
                    Cell::Label(_) | Cell::Plan(_) | Cell::Health(_) => {
                        sheet.set_styled_value(r, c, cell.text(lang), &styles.text);
                    }
                    Cell::Count(n) => sheet.set_value(r, c, *n as f64),
                    Cell::Number(v, d) => {
                        let style = styles.number(&mut book, places(*v, *d));
                        sheet.set_styled_value(r, c, *v, &style);
                    }
                    Cell::Points(v) => sheet.set_styled_value(r, c, *v, &styles.points),
                    Cell::Money(m) => sheet.set_styled_value(r, c, m.euros_f64(), &styles.money),
                    Cell::Percent(v) => sheet.set_styled_value(r, c, v / 100.0, &styles.percent),
                    Cell::Date(d) => sheet.set_styled_value(r, c, *d, &styles.date),
                    Cell::Empty | Cell::Missing => {}
                }
            }
        }
        let below = grid.rows.len() as u32 + 2;
        for (i, note) in grid.notes.iter().enumerate() {
            sheet.set_value(below + i as u32, 0, note.as_str());
        }
        book.push_sheet(sheet);
        filters.push(filter(filters.len(), name, grid));
    }
    let bytes = spreadsheet_ods::write_ods_buf(&mut book, Vec::new())?;
    with_autofilters(&bytes, &filters.concat())
}

/// The autofilter of a worksheet's table, from its header row to its last
/// row: a sheet's own database range, named as LibreOffice names it.
fn filter(index: usize, name: &str, grid: &Grid) -> String {
    let sheet = format!("'{}'", name.replace('\'', "''"));
    let mut column = String::new();
    let mut n = grid.header.len().max(1);
    while n > 0 {
        let letter = b'A' + ((n - 1) % 26) as u8;
        column.insert(0, char::from(letter));
        n = (n - 1) / 26;
    }
    let address = format!("{sheet}.A1:{sheet}.{column}{}", grid.rows.len() + 1);
    format!(
        "<table:database-range table:name=\"__Anonymous_Sheet_DB__{index}\" \
         table:target-range-address=\"{}\" table:display-filter-buttons=\"true\"/>",
        crate::render::grid::escape(&address)
    )
}

/// The spreadsheet `ods` with `ranges` (the worksheets' autofilters) in
/// its `content.xml`.
fn with_autofilters(ods: &[u8], ranges: &str) -> Result<Vec<u8>, OdsError> {
    if ranges.is_empty() {
        return Ok(ods.to_vec());
    }
    let end = "</office:spreadsheet>";
    let ranges = format!("<table:database-ranges>{ranges}</table:database-ranges>{end}");
    edit_content(ods, |content| content.replacen(end, &ranges, 1))
        .map_err(|e| OdsError::Ods(e.to_string()))
}

/// The spreadsheet `ods` with its `content.xml` changed by `edit`, for what
/// spreadsheet-ods writes but has no API for (autofilters, protection);
/// every other part copied as it is, `mimetype` first and stored.
pub fn edit_content(
    ods: &[u8],
    edit: impl FnOnce(String) -> String,
) -> Result<Vec<u8>, zip::result::ZipError> {
    use std::io::{Cursor, Read, Write};
    let mut archive = zip::ZipArchive::new(Cursor::new(ods))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut edit = Some(edit);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        let content = file.name().is_ok_and(|n| n == "content.xml");
        let Some(edit) = edit.take_if(|_| content) else {
            out.raw_copy_file(file)?;
            continue;
        };
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        out.start_file("content.xml", options)?;
        out.write_all(edit(text).as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

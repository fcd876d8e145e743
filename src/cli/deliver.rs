//! The one dispatcher of `--format` and `--output` for every command that
//! writes tables (`status`, `log`, `summary`, `portfolio`, `report`,
//! `evaluation`): the format is `--format`, else the `--output` extension,
//! else the terminal; the text goes to `--output` (announced) or stdout.
//! Each view is drawn only when its format is asked: the charts for the
//! HTML page alone. `timeline`, whose formats are a chart's, chooses its
//! own and ends in the same [`send`]. `--output -` is stdout (a workbook,
//! which is not text, is refused there); a CSV of several tables goes to a
//! folder, so a `--output` with an extension is refused for it.

use super::args::TableFormat;
use super::context::Context;
use super::messages::Msg;
use super::{Failure, output, print};
use ctg::i18n::Lang;
use ctg::render::document::Document;
use ctg::render::grid::table_name;
use std::path::Path;

/// Where and how the output goes.
pub(super) struct Target<'a> {
    /// The format asked.
    pub format: TableFormat,
    /// `--output`: a file, or for a CSV of several tables the folder;
    /// `None` for stdout (`--output -` included).
    pub output: Option<&'a Path>,
    /// `--table NAME`: the one table to write as CSV (to stdout or `--output`).
    pub table: Option<String>,
}

impl<'a> Target<'a> {
    /// The format is `--format`, else CSV with `--table`, else the
    /// `--output` extension; an extension the command cannot write, or
    /// `--table` with another format than CSV, or a workbook to `--output
    /// -`, is refused before anything is read.
    pub(super) fn new(
        format: Option<TableFormat>,
        output: Option<&'a Path>,
        table: Option<String>,
    ) -> Result<Target<'a>, Failure> {
        let dash = output.is_some_and(is_stdout);
        let output = file(output);
        let format = match (format, &table) {
            (Some(f), _) => f,
            (None, Some(_)) => TableFormat::Csv,
            (None, None) => output::format(output)?,
        };
        if table.is_some() && format != TableFormat::Csv {
            return Err(Failure::Usage(Msg::TableIsCsv));
        }
        if let Some(kind) = format.workbook().filter(|_| dash) {
            return Err(Failure::Usage(Msg::WorkbookNotOnStdout(kind)));
        }
        Ok(Target {
            format,
            output,
            table,
        })
    }
}

/// What a command renders, each drawn on demand.
pub(super) struct Views<'a> {
    /// The output language.
    pub lang: Lang,
    /// The tables as one document: the HTML page, the workbook, and the
    /// CSV files (one per table) when the command has no CSV of its own.
    pub document: &'a dyn Fn() -> Document,
    /// The charts of the HTML page.
    pub charts: &'a dyn Fn() -> Vec<(&'static str, String)>,
    /// The JSON document.
    pub json: &'a dyn Fn() -> String,
    /// The command's own terminal, Markdown or CSV text; `None`: the
    /// document's.
    pub text: &'a dyn Fn(TableFormat) -> Option<String>,
}

/// No charts.
pub(super) fn no_charts() -> Vec<(&'static str, String)> {
    Vec::new()
}

/// Renders `views` in the target's format and writes it.
pub(super) fn deliver(ctx: &Context, target: &Target, views: &Views) -> Result<(), Failure> {
    let lang = views.lang;
    let text = match target.format {
        TableFormat::Xlsx | TableFormat::Ods => {
            let kind = target.format.workbook().unwrap_or("xlsx");
            return output::workbook(ctx, &(views.document)(), kind, lang, target.output);
        }
        TableFormat::Html => {
            let mut doc = (views.document)();
            doc.charts = (views.charts)();
            ctg::render::html::page(&doc, lang)
        }
        TableFormat::Json => (views.json)(),
        format => match (views.text)(format) {
            Some(text) => text,
            None => match format {
                TableFormat::Csv => return csv(ctx, &(views.document)(), lang, target),
                TableFormat::Markdown => (views.document)().markdown(lang),
                _ => (views.document)().table(lang, ctx.style()),
            },
        },
    };
    send(ctx, target.output, &text)
}

/// Writes a command's text to `--output` (replaced atomically, announced)
/// or to stdout: the last step of every command that renders, `timeline`'s
/// chart included.
pub(super) fn send(ctx: &Context, output: Option<&Path>, text: &str) -> Result<(), Failure> {
    match file(output) {
        Some(path) => output::write(ctx, path, text.as_bytes()),
        None => print(text),
    }
}

/// `--output -`: standard output, as the convention of command-line tools
/// has it, not a file named `-`.
fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The file `--output` names: none for stdout (no `--output`, or `-`).
pub(super) fn file(output: Option<&Path>) -> Option<&Path> {
    output.filter(|p| !is_stdout(p))
}

/// One file per table into the `--output` folder, named in the output's
/// language (`synthese.csv` in French, `synthesis.csv` in English), or
/// `--table NAME` to stdout.
fn csv(ctx: &Context, doc: &Document, lang: Lang, target: &Target) -> Result<(), Failure> {
    if let Some(name) = &target.table {
        let text = doc
            .grids
            .iter()
            .find(|g| g.name == name.as_str())
            .map(|grid| grid.csv(lang))
            .unwrap_or_default();
        return send(ctx, target.output, &text);
    }
    let dir = target
        .output
        .ok_or(Failure::Usage(Msg::CsvNeedsOutput(doc.grids.len())))?;
    // Several files go to a folder: a name with an extension
    // (`bilan-2025.csv`) means a file, and a folder of that name would
    // surprise whoever opens it; an existing folder is taken as it is.
    if dir.extension().is_some() && !dir.is_dir() {
        return Err(Failure::Usage(Msg::CsvFolderWithExtension {
            path: dir.to_path_buf(),
            tables: doc
                .grids
                .iter()
                .map(|g| table_name(g.name, ctx.lang).to_string())
                .collect(),
        }));
    }
    let files: Vec<(String, String)> = doc
        .grids
        .iter()
        .map(|g| (format!("{}.csv", table_name(g.name, lang)), g.csv(lang)))
        .collect();
    output::refuse_inside_plan(ctx, dir)?;
    output::write_into(dir, &files, ctx.lang)?;
    Ok(())
}

//! `ctg report YEAR`: the annual review in every format people share; the
//! format handling here serves `evaluation` too.

use super::args::{DocumentOutput, ReportArgs, TableFormat};
use super::context::Context;
use super::messages::Msg;
use super::output;
use super::{Failure, print};
use clap::ValueEnum;
use ctg::i18n::Lang;
use ctg::render::annual;
use ctg::render::document::Document;
use ctg::report::annual::build;
use std::path::Path;
use std::process::ExitCode;

/// Runs `report`.
pub(super) fn run(ctx: &Context, args: &ReportArgs) -> Result<ExitCode, Failure> {
    let target = target(&args.out, args.table)?;
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let p = *plan.convention.period;
    let year = args.year;
    let period = (p.start, p.end);
    if !(p.start..=p.end).contains(&year) {
        return Err(Failure::Refused(Msg::YearOutsidePeriod { year, period }));
    }
    let report =
        build(plan, year, ctx.as_of, ctx.today).ok_or(Failure::Refused(Msg::YearAfterAsOf {
            year,
            as_of: ctx.as_of,
            period,
        }))?;
    deliver(ctx, &annual::document(&report, lang), lang, &target, || {
        annual::json(&report)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Where and how the document goes: the format is `--format`, else the
/// `--output` extension; one `report` cannot write is refused before
/// anything is read.
/// `table` is the `--table` value, named as the grid it prints; it implies
/// CSV and refuses any other format.
pub(super) fn target(
    out: &DocumentOutput,
    table: Option<impl ValueEnum>,
) -> Result<Target<'_>, Failure> {
    let output = out.output.as_deref();
    let format = match (out.format, &table) {
        (Some(f), _) => f,
        (None, Some(_)) => TableFormat::Csv,
        (None, None) => output::format(output)?,
    };
    if table.is_some() && format != TableFormat::Csv {
        return Err(Failure::Usage(Msg::TableIsCsv));
    }
    Ok(Target {
        format,
        output,
        table: table
            .and_then(|t| t.to_possible_value())
            .map(|v| v.get_name().to_string()),
    })
}

/// Where and how a document goes.
pub(super) struct Target<'a> {
    /// The format asked.
    pub format: TableFormat,
    /// `--output`: a file, or for csv the folder.
    pub output: Option<&'a Path>,
    /// `--table NAME`: the one grid to write as CSV (to stdout or `--output`).
    pub table: Option<String>,
}

/// Renders `doc` (or its `json`) in the format asked and writes it to the
/// `--output` file (announced), the csv folder, or stdout.
pub(super) fn deliver(
    ctx: &Context,
    doc: &Document,
    lang: Lang,
    target: &Target,
    json: impl FnOnce() -> String,
) -> Result<(), Failure> {
    let text = match target.format {
        TableFormat::Csv => return csv(ctx, doc, lang, target),
        TableFormat::Xlsx => {
            return output::workbook(ctx, doc, lang, target.output);
        }
        TableFormat::Markdown => doc.markdown(lang),
        TableFormat::Json => json(),
        TableFormat::Html => ctg::render::html::page(doc, lang),
        TableFormat::Table => doc.table(lang, ctx.style()),
    };
    match target.output {
        Some(path) => output::write(ctx, path, text.as_bytes()),
        None => print(&text),
    }
}

/// One file per table into the `--output` folder, or `--table NAME` to stdout.
fn csv(ctx: &Context, doc: &Document, lang: Lang, target: &Target) -> Result<(), Failure> {
    if let Some(name) = &target.table {
        let text = doc
            .grids
            .iter()
            .find(|g| g.name == name.as_str())
            .map(|grid| grid.csv(lang))
            .unwrap_or_default();
        return match target.output {
            Some(path) => output::write(ctx, path, text.as_bytes()),
            None => print(&text),
        };
    }
    let dir = target
        .output
        .ok_or(Failure::Usage(Msg::CsvNeedsOutput(doc.grids.len())))?;
    let files: Vec<(String, String)> = doc
        .grids
        .iter()
        .map(|g| (format!("{}.csv", g.name), g.csv(lang)))
        .collect();
    output::refuse_inside_plan(ctx, dir)?;
    output::write_into(dir, &files, ctx.lang)?;
    Ok(())
}

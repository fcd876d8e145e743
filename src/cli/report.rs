//! `ctg report YEAR`: the annual review in every format people share.

use super::args::{ReportArgs, ReportFormat, ReportTable};
use super::context::Context;
use super::messages::Msg;
use super::output::{self, Extension};
use super::{Failure, print, tell};
use crate::i18n::{L, Lang};
use crate::render::{annual, html, xlsx};
use crate::report::annual::{AnnualReport, build};
use std::path::Path;
use std::process::ExitCode;

/// Runs `report`.
pub fn run(ctx: &Context, args: &ReportArgs) -> Result<ExitCode, Failure> {
    let format = match (args.format, args.table) {
        (Some(f), _) => f,
        (None, Some(_)) => ReportFormat::Csv,
        (None, None) => from_extension(args.output.as_deref())?,
    };
    if args.table.is_some() && format != ReportFormat::Csv {
        return Err(Failure::Usage(Msg::TableIsCsv));
    }
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
    match format {
        ReportFormat::Csv => csv(ctx, &report, lang, args),
        ReportFormat::Xlsx => {
            let path = args
                .output
                .as_deref()
                .ok_or(Failure::Usage(Msg::XlsxNeedsOutput))?;
            let grids = annual::grids(&report, lang);
            let names: Vec<&str> = grids.iter().map(|g| g.title.as_str()).collect();
            let title = annual::header_lines(&report, lang).0;
            let bytes = xlsx::workbook(&grids, &names, &title)
                .map_err(|_| Failure::Refused(Msg::WorkbookFailed))?;
            output::write(ctx, path, &bytes)
        }
        other => {
            let text = match other {
                ReportFormat::Markdown => annual::markdown(&report, lang),
                ReportFormat::Json => annual::json(&report),
                ReportFormat::Html => page(&report, lang),
                _ => annual::table(&report, lang, ctx.style()),
            };
            match &args.output {
                Some(path) => output::write(ctx, path, text.as_bytes()),
                None => print(&text),
            }
        }
    }?;
    Ok(ExitCode::SUCCESS)
}

/// The format an `--output` extension asks for; one `report` cannot write
/// is refused before anything is read.
fn from_extension(path: Option<&Path>) -> Result<ReportFormat, Failure> {
    Ok(match output::extension(path) {
        Extension::None | Extension::Known("txt") => ReportFormat::Table,
        Extension::Known("md" | "markdown") => ReportFormat::Markdown,
        Extension::Known("csv") => ReportFormat::Csv,
        Extension::Known("json") => ReportFormat::Json,
        Extension::Known("html" | "htm") => ReportFormat::Html,
        Extension::Known("xlsx") => ReportFormat::Xlsx,
        _ => return Err(output::refuse(path, &output::REPORT)),
    })
}

fn page(report: &AnnualReport, lang: Lang) -> String {
    let (title, period) = annual::header_lines(report, lang);
    let notice = report
        .nothing_recorded
        .then(|| L::NothingRecorded.get(lang));
    html::page(
        lang,
        &title,
        &[period],
        notice,
        &annual::grids(report, lang),
    )
}

/// One file per table into the `--output` folder, or `--table NAME` to stdout.
fn csv(ctx: &Context, report: &AnnualReport, lang: Lang, args: &ReportArgs) -> Result<(), Failure> {
    let grids = annual::grids(report, lang);
    if let Some(table) = args.table {
        let name = match table {
            ReportTable::Synthesis => "synthesis",
            ReportTable::Detail => "detail",
            ReportTable::Indicators => "indicators",
            ReportTable::Milestones => "milestones",
        };
        let text = grids
            .iter()
            .find(|g| g.name == name)
            .map(|grid| grid.csv(lang))
            .unwrap_or_default();
        return match &args.output {
            Some(path) => output::write(ctx, path, text.as_bytes()),
            None => print(&text),
        };
    }
    let dir = args
        .output
        .as_deref()
        .ok_or(Failure::Usage(Msg::CsvNeedsOutput))?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Refused(Msg::CannotWrite(dir.to_path_buf(), e.kind())))?;
    for g in &grids {
        output::replace(&dir.join(format!("{}.csv", g.name)), g.csv(lang).as_bytes())?;
    }
    tell(&Msg::WrittenInto(dir.to_path_buf(), grids.len()), ctx.lang);
    Ok(())
}

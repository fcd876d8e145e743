//! `ctg report YEAR`: the annual review in every format people share.

use super::args::{ReportArgs, ReportFormat, ReportTable};
use super::context::Context;
use super::{Failure, print, write_file};
use crate::i18n::{L, Lang};
use crate::render::{annual, html, xlsx};
use crate::report::annual::{AnnualReport, build};
use std::path::Path;
use std::process::ExitCode;

/// Runs `report`.
pub fn run(ctx: &Context, args: &ReportArgs) -> Result<ExitCode, Failure> {
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let p = *plan.convention.period;
    let year = args.year;
    if !(p.start..=p.end).contains(&year) {
        return Err(Failure::Refused(lang.pick(
            format!(
                "{year} is outside the convention period {}-{}",
                p.start, p.end
            ),
            format!(
                "{year} est hors de la période de la convention {}-{}",
                p.start, p.end
            ),
        )));
    }
    let report = build(plan, year, ctx.as_of, ctx.today).ok_or_else(|| {
        let d = crate::render::fmt::short_date(ctx.as_of, lang);
        Failure::Refused(lang.pick(
            format!("{year} starts after the as-of date {d}: there is nothing to review yet (convention period {}-{})", p.start, p.end),
            format!("{year} commence après la date d'arrêté du {d}\u{a0}: rien à dresser pour l'instant (période de la convention {}-{})", p.start, p.end),
        ))
    })?;
    let format = args
        .format
        .or_else(|| from_extension(args.output.as_deref()))
        .unwrap_or(ReportFormat::Table);
    match format {
        ReportFormat::Csv => csv(&report, lang, args),
        ReportFormat::Xlsx => {
            let path = args
                .output
                .as_deref()
                .ok_or_else(|| Failure::Usage("--format xlsx needs --output FILE.xlsx".into()))?;
            let grids = annual::grids(&report, lang);
            let names: Vec<&str> = grids.iter().map(|g| g.title.as_str()).collect();
            let title = annual::header_lines(&report, lang).0;
            let bytes = xlsx::workbook(&grids, &names, &title)
                .map_err(|e| Failure::Refused(format!("xlsx: {e}")))?;
            write_file(path, &bytes)
        }
        other => {
            let text = match other {
                ReportFormat::Markdown => annual::markdown(&report, lang),
                ReportFormat::Json => annual::json(&report),
                ReportFormat::Html => page(&report, lang),
                _ => annual::table(&report, lang, ctx.style()),
            };
            match &args.output {
                Some(path) => write_file(path, text.as_bytes()),
                None => print(&text),
            }
        }
    }?;
    Ok(ExitCode::SUCCESS)
}

fn from_extension(path: Option<&Path>) -> Option<ReportFormat> {
    match path?.extension()?.to_str()? {
        "md" | "markdown" => Some(ReportFormat::Markdown),
        "csv" => Some(ReportFormat::Csv),
        "json" => Some(ReportFormat::Json),
        "html" | "htm" => Some(ReportFormat::Html),
        "xlsx" => Some(ReportFormat::Xlsx),
        _ => None,
    }
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
fn csv(report: &AnnualReport, lang: Lang, args: &ReportArgs) -> Result<(), Failure> {
    let grids = annual::grids(report, lang);
    if let Some(table) = args.table {
        let name = match table {
            ReportTable::Synthesis => "synthesis",
            ReportTable::Detail => "detail",
            ReportTable::Indicators => "indicators",
            ReportTable::Milestones => "milestones",
        };
        let grid = grids
            .iter()
            .find(|g| g.name == name)
            .ok_or_else(|| Failure::Usage(format!("no table {name}")))?;
        return print(&grid.csv(lang));
    }
    let dir = args.output.as_deref().ok_or_else(|| {
        Failure::Usage(
            "--format csv needs --output DIR (one file per table) or --table NAME".into(),
        )
    })?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Refused(format!("cannot create {}: {e}", dir.display())))?;
    for g in &grids {
        write_file(&dir.join(format!("{}.csv", g.name)), g.csv(lang).as_bytes())?;
    }
    Ok(())
}

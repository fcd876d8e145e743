//! `ctg collect DIR`: one workbook per partner, to fill in and send back.

use super::Failure;
use super::args::{CollectArgs, FormFormat};
use super::context::Context;
use super::messages::{IdKind, Msg};
use super::output;
use chrono::{Datelike, NaiveDate};
use ctg::collect::{build, partners_to_ask};
use ctg::diag::suggest;
use std::process::ExitCode;

/// Runs `collect`.
pub(super) fn run(ctx: &Context, args: &CollectArgs) -> Result<ExitCode, Failure> {
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let p = *plan.convention.period;
    let year = args
        .year
        .unwrap_or_else(|| ctx.as_of.year().clamp(p.start, p.end));
    if !(p.start..=p.end).contains(&year) {
        return Err(Failure::Refused(Msg::YearOutsidePeriod {
            year,
            period: (p.start, p.end),
        }));
    }
    let due = match &args.due {
        None => None,
        Some(text) => Some(
            ctg::dates::parse_cli_date(text)
                .ok_or_else(|| Failure::Usage(Msg::BadDate(text.clone())))?,
        ),
    };
    let known: Vec<&str> = plan.partners.iter().map(|p| p.id.as_str()).collect();
    for id in &args.partner {
        if !known.contains(&id.as_str()) {
            return Err(Failure::Refused(Msg::UnknownId {
                kind: IdKind::Partner,
                id: id.clone(),
                suggestion: suggest(id, known.iter().copied()),
            }));
        }
    }
    let partners = match args.partner.is_empty() {
        true => partners_to_ask(plan, ctx.as_of),
        false => args.partner.clone(),
    };
    if partners.is_empty() {
        return Err(Failure::Refused(Msg::NoPartnerToAsk));
    }
    let first_day = NaiveDate::from_ymd_opt(p.start, 1, 1).unwrap_or(ctx.as_of);
    let mut files = Vec::new();
    for partner in &partners {
        let form = build(plan, partner, year, due, ctx.as_of, lang);
        let (extension, bytes) = match args.format {
            FormFormat::Ods => (
                "ods",
                ctg::render::form_ods::form(&form, first_day, lang).ok(),
            ),
            FormFormat::Xlsx => (
                "xlsx",
                ctg::render::form_xlsx::form(&form, first_day, lang).ok(),
            ),
        };
        let bytes = bytes.ok_or(Failure::Refused(Msg::WorkbookFailed(extension)))?;
        files.push((form.file_name(extension, lang), bytes));
    }
    output::refuse_inside_plan(ctx, &args.dir)?;
    output::write_into(&args.dir, &files, lang)?;
    Ok(ExitCode::SUCCESS)
}

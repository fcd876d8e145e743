//! `ctg log`: journal entries in a period, oldest first.

use super::Failure;
use super::args::{LogArgs, TableFormat};
use super::context::Context;
use super::deliver::{Target, Views, deliver, no_charts};
use super::messages::Msg;
use ctg::compute::start_of_year;
use ctg::dates::parse_period_bound;
use ctg::render::log as render;
use ctg::report::log::build;
use std::process::ExitCode;

/// Runs `log`.
pub(super) fn run(ctx: &Context, args: &LogArgs) -> Result<ExitCode, Failure> {
    let target = Target::new(args.out.format, args.out.output.as_deref(), None)?;
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let bound = |text: &Option<String>, end: bool, default| match text {
        None => Ok(default),
        Some(t) => {
            parse_period_bound(t, end).ok_or_else(|| Failure::Usage(Msg::BadBound(t.clone())))
        }
    };
    let from = bound(
        &args.from,
        false,
        start_of_year(plan.convention.period.start),
    )?;
    let to = bound(&args.to, true, ctx.as_of)?;
    if from > to {
        return Err(Failure::Usage(Msg::FromAfterTo(from, to)));
    }
    if let Some(id) = &args.action
        && plan.sheets_under(id).next().is_none()
    {
        return Err(Failure::Refused(Msg::NoSuchGroup(id.clone())));
    }
    let rows = build(plan, from, to, args.action.as_deref());
    let views = Views {
        lang,
        document: &|| render::document(&rows, (from, to), lang),
        charts: &no_charts,
        json: &|| render::json(&rows, from, to),
        text: &|format| {
            Some(match format {
                TableFormat::Markdown => render::markdown(&rows, lang),
                TableFormat::Csv => render::csv(&rows, lang),
                _ => render::table(&rows, lang, ctx.style()),
            })
        },
    };
    deliver(ctx, &target, &views)?;
    Ok(ExitCode::SUCCESS)
}

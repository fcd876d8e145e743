//! `ctg report YEAR`: the annual review in every format people share.

use super::Failure;
use super::args::{DocumentOutput, ReportArgs};
use super::context::Context;
use super::deliver::{Target, Views, deliver};
use super::messages::Msg;
use ctg::render::annual;
use ctg::report::annual::build;
use std::process::ExitCode;

/// Runs `report`.
pub(super) fn run(ctx: &Context, args: &ReportArgs) -> Result<ExitCode, Failure> {
    let target = target(&args.out, &args.table)?;
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
    let views = Views {
        lang,
        document: &|| annual::document(&report, lang),
        charts: &|| annual::charts(&report, lang),
        json: &|| annual::json(&report),
        text: &|_| None,
    };
    deliver(ctx, &target, &views)?;
    Ok(ExitCode::SUCCESS)
}

/// The target of `report` and `evaluation`: `--format`, `--output`,
/// `--table` (the key of the grid it prints, whichever language named it).
pub(super) fn target<'a>(
    out: &'a DocumentOutput,
    table: &Option<String>,
) -> Result<Target<'a>, Failure> {
    Target::new(out.format, out.output.as_deref(), table.clone())
}

//! `ctg evaluation`: the final assessment of the period, in the formats of
//! `report`.

use super::Failure;
use super::args::EvaluationArgs;
use super::context::Context;
use super::deliver::{Views, deliver};
use super::report::target;
use ctg::compute::end_of_year;
use ctg::render::evaluation;
use ctg::report::evaluation::build;
use std::process::ExitCode;

/// Runs `evaluation`, as of `--as-of` if given, else the earlier of the
/// period's end and today.
pub(super) fn run(ctx: &Context, args: &EvaluationArgs) -> Result<ExitCode, Failure> {
    let target = target(&args.out, &args.table)?;
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let as_of = if ctx.as_of_given {
        ctx.as_of
    } else {
        ctx.as_of.min(end_of_year(plan.convention.period.end))
    };
    let e = build(plan, as_of, ctx.today);
    let views = Views {
        lang,
        document: &|| evaluation::document(&e, lang),
        charts: &|| evaluation::charts(&e, lang),
        json: &|| ctg::render::json::document(&e),
        text: &|_| None,
    };
    deliver(ctx, &target, &views)?;
    Ok(ExitCode::SUCCESS)
}

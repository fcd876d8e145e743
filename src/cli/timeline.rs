//! `ctg timeline`: the period as a chart.

use super::Failure;
use super::args::{TimelineArgs, TimelineFormat};
use super::context::Context;
use super::deliver::send;
use super::output::{self, Extension};
use ctg::render::timeline;
use std::process::ExitCode;

/// Runs `timeline`.
pub(super) fn run(ctx: &Context, args: &TimelineArgs) -> Result<ExitCode, Failure> {
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let format = match args.format {
        Some(f) => f,
        None => match output::extension(args.output.as_deref()) {
            Extension::None | Extension::Known("txt") => TimelineFormat::Table,
            Extension::Known("md" | "markdown") => TimelineFormat::Markdown,
            Extension::Known("svg") => TimelineFormat::Svg,
            Extension::Known("html" | "htm") => TimelineFormat::Html,
            _ => return Err(output::refuse(args.output.as_deref(), &output::TIMELINE)),
        },
    };
    let gantt = || ctg::report::gantt::build(plan, ctx.as_of);
    let text = match format {
        TimelineFormat::Markdown => timeline::markdown(plan, ctx.as_of, lang),
        TimelineFormat::Svg => ctg::render::gantt::svg(&gantt(), lang).file(),
        TimelineFormat::Html => ctg::render::gantt::page(&gantt(), &plan.convention.name, lang),
        TimelineFormat::Table => timeline::chart(
            plan,
            ctx.as_of,
            lang,
            ctx.width,
            ctx.color && args.output.is_none(),
        ),
    };
    send(ctx, args.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}

//! `ctg timeline`: the period as a chart.

use super::args::{TimelineArgs, TimelineFormat};
use super::context::Context;
use super::{Failure, print, write_file};
use crate::render::timeline;
use std::process::ExitCode;

/// Runs `timeline`.
pub fn run(ctx: &Context, args: &TimelineArgs) -> Result<ExitCode, Failure> {
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let markdown = args.format == Some(TimelineFormat::Markdown)
        || (args.format.is_none()
            && args
                .output
                .as_ref()
                .and_then(|o| o.extension())
                .is_some_and(|e| e == "md"));
    let text = if markdown {
        timeline::markdown(plan, ctx.as_of, lang)
    } else {
        timeline::chart(
            plan,
            ctx.as_of,
            lang,
            ctx.width,
            ctx.color && args.output.is_none(),
        )
    };
    match &args.output {
        Some(path) => write_file(path, text.as_bytes())?,
        None => print(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

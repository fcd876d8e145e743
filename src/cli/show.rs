//! `ctg show ID`: an axis, objective, sheet, field or partner in full;
//! `show tracks`.

use super::args::ShowArgs;
use super::context::Context;
use super::messages::Msg;
use super::{Failure, print};
use ctg::diag::suggest;
use ctg::render::show;
use std::process::ExitCode;

/// Runs `show`.
pub(super) fn run(ctx: &Context, args: &ShowArgs) -> Result<ExitCode, Failure> {
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let id = args.id.trim();
    let text = if id == "tracks" {
        Some(show::all_tracks(plan, lang))
    } else if let Some(sheet) = plan.sheet(id) {
        Some(show::sheet(plan, sheet, ctx.as_of, lang))
    } else {
        show::group(plan, id, ctx.as_of, lang)
            .or_else(|| show::field(plan, id, lang))
            .or_else(|| show::partner(plan, id, ctx.as_of, lang))
    };
    match text {
        Some(t) => print(&t).map(|()| ExitCode::SUCCESS),
        None => {
            let ids = plan
                .axes
                .iter()
                .map(|a| a.id.as_str())
                .chain(plan.objectives().map(|(_, o)| o.id.as_str()))
                .chain(plan.sheets.iter().map(|s| s.id.as_str()))
                .chain(plan.convention.fields.iter().map(|f| f.id.as_str()))
                .chain(plan.partners.iter().map(|p| p.id.as_str()))
                .chain(["tracks"]);
            Err(Failure::Refused(Msg::NothingWithId(
                id.to_string(),
                suggest(id, ids),
            )))
        }
    }
}

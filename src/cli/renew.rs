//! `ctg renew DIR --from Y --to Y`: the draft of the next convention, built
//! in memory, written into a staging folder, loaded and checked there, and
//! only then made to appear in `DIR` (one rename of the whole folder when
//! `DIR` is missing or empty; see `ctg::write::staging`). Any failure or
//! interruption leaves `DIR` without a plan or with the whole one.

use super::args::RenewArgs;
use super::context::Context;
use super::messages::Msg;
use super::{Failure, print, tell};
use ctg::create::renew::{Request, draft};
use ctg::i18n::{Lang, Localize};
use ctg::model::Period;
use ctg::write::staging::{install, refuse_a_plan};
use std::process::ExitCode;

/// Refuses a year of a new period outside the years a plan holds (1900
/// to 2999), before any arithmetic on it.
pub(super) fn year_of_a_plan(year: i32) -> Result<(), Failure> {
    match (1900..=2999).contains(&year) {
        true => Ok(()),
        false => Err(Failure::Usage(Msg::YearOutOfRange(year))),
    }
}

/// Runs `renew`.
pub(super) fn run(ctx: &Context, args: &RenewArgs) -> Result<ExitCode, Failure> {
    year_of_a_plan(args.from)?;
    year_of_a_plan(args.to)?;
    if args.from > args.to {
        return Err(Failure::Usage(Msg::ReversedRenewal(args.from, args.to)));
    }
    let checked = ctx.load_valid()?;
    let (loaded, lang) = (&checked.loaded, checked.lang);
    let dir = args.dir.as_path();
    refuse_a_plan(dir)?;
    super::output::refuse_inside_plan(ctx, dir)?;
    let comments = loaded
        .plan
        .convention
        .language
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(lang);
    let draft = draft(&Request {
        plan: &loaded.plan,
        sources: &loaded.sources,
        period: Period {
            start: args.from,
            end: args.to,
        },
        carry: args.carry.into(),
        lang: comments,
    });
    install(dir, &draft.files, ctx.as_of, draft.carried.len())?;
    tell(
        &Msg::WrittenInto(dir.to_path_buf(), draft.files.len()),
        lang,
    );
    let total = loaded.plan.sheets.len();
    print(&format!(
        "{}\n",
        Msg::Carried(draft.carried, total).say(lang)
    ))?;
    super::renew_period::warn(*loaded.plan.convention.period, args.from, args.to, lang);
    Ok(ExitCode::SUCCESS)
}

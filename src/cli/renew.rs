//! `ctg renew DIR --from Y --to Y`: the draft of the next convention, built
//! in memory, written into a staging folder, loaded and checked there, and
//! only then moved into `DIR` file by file (each move atomic). Any failure
//! removes what was written: `DIR` is left as it was.

use super::args::{CarryChoice, RenewArgs};
use super::context::Context;
use super::messages::Msg;
use super::staging::Staging;
use super::{Failure, print, tell};
use crate::check::check;
use crate::diag::Severity;
use crate::i18n::{Lang, Speak};
use crate::load::load;
use crate::model::Period;
use crate::renew::{Carry, Request, draft};
use std::path::Path;
use std::process::ExitCode;

/// Runs `renew`.
pub fn run(ctx: &Context, args: &RenewArgs) -> Result<ExitCode, Failure> {
    if args.from > args.to {
        return Err(Failure::Usage(Msg::ReversedRenewal(args.from, args.to)));
    }
    let checked = ctx.load_valid()?;
    let (loaded, lang) = (&checked.loaded, checked.lang);
    let dir = args.dir.as_path();
    refuse_a_plan(dir)?;
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
        carry: match args.carry {
            CarryChoice::Unfinished => Carry::Unfinished,
            CarryChoice::All => Carry::All,
            CarryChoice::None => Carry::None,
        },
        lang: comments,
    });
    let actions = dir.join("actions");
    if std::fs::symlink_metadata(&actions).is_ok_and(|m| !m.is_dir()) {
        return Err(Failure::Refused(Msg::WouldOverwrite(actions)));
    }
    for file in &draft.files {
        let target = dir.join(&file.path);
        if std::fs::symlink_metadata(&target).is_ok() {
            return Err(Failure::Refused(Msg::WouldOverwrite(target)));
        }
    }
    let staging = Staging::create(dir)?;
    let verified = staging
        .write(&draft.files)
        .and_then(|()| verify(&staging, ctx, draft.carried.len()));
    if let Err(failure) = verified {
        staging.abort();
        return Err(failure);
    }
    staging.commit(&draft.files)?;
    tell(
        &Msg::WrittenInto(dir.to_path_buf(), draft.files.len()),
        lang,
    );
    let total = loaded.plan.sheets.len();
    print(&format!(
        "{}\n",
        Msg::Carried(draft.carried, total).say(lang)
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Refuses a `dir` that holds a plan, as `--plan` would find it there.
fn refuse_a_plan(dir: &Path) -> Result<(), Failure> {
    for rel in ["convention.yaml", "plan/convention.yaml"] {
        if std::fs::symlink_metadata(dir.join(rel)).is_ok() {
            return Err(Failure::Refused(Msg::HoldsPlan(dir.to_path_buf())));
        }
    }
    Ok(())
}

/// Loads and checks the staged plan: no error, and every carried sheet read.
fn verify(staging: &Staging, ctx: &Context, sheets: usize) -> Result<(), Failure> {
    let loaded = load(staging.path());
    let errors = check(&loaded, ctx.as_of)
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 || loaded.plan.sheets.len() != sheets {
        return Err(Failure::Refused(Msg::DraftInvalid(errors.max(1))));
    }
    Ok(())
}

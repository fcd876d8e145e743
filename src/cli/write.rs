//! Running a change through [`ctg::write::apply`] and telling what it did:
//! shared by `record`, `add` and `set`, which only turn their arguments
//! into a [`Change`].

use super::context::{Context, env};
use super::messages::{Msg, SheetSnapshot};
use super::{Failure, print, tell};
use ctg::compute::sheet_state;
use ctg::edit::unified_diff;
use ctg::i18n::{Lang, Localize};
use ctg::write::{Caused, Change, Done, Options, Outcome, Refusal, apply};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// How long a writer waits for another `ctg` to release the plan's lock
/// before it gives up, unless `CTG_LOCK_TIMEOUT` gives another number of seconds.
const LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// `--dry-run` and `--commit`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Flags {
    /// Print the diff, write nothing.
    pub dry_run: bool,
    /// Commit the file alone.
    pub commit: bool,
}

/// The refusal as the CLI says it: a plan with errors shows its diagnostics.
pub(super) fn refused(ctx: &Context, refusal: Refusal) -> Failure {
    match refusal {
        Refusal::Invalid(invalid) => {
            let (loaded, diagnostics) = *invalid;
            ctx.invalid(&loaded, diagnostics)
        }
        other => other.into(),
    }
}

/// Runs `f` with the write options of the session: the plan, `flags`, the
/// dates, the lock's timeout (`CTG_LOCK_TIMEOUT` seconds, else 30) and
/// what to say while waiting for it.
pub(super) fn with_options<T>(ctx: &Context, flags: Flags, f: impl FnOnce(&Options) -> T) -> T {
    let lang = ctx.lang;
    let on_wait = |shown: &Path| tell(&Msg::WaitingForLock(shown.to_path_buf()), lang);
    let lock_timeout = env("CTG_LOCK_TIMEOUT")
        .and_then(|s| s.trim().parse().ok())
        .map_or(LOCK_TIMEOUT, Duration::from_secs);
    let opts = Options {
        plan_dir: &ctx.plan_dir,
        shown_dir: &ctx.shown_dir,
        dry_run: flags.dry_run,
        commit: flags.commit,
        as_of: ctx.as_of,
        today: ctx.today,
        lang,
        lock_timeout,
        on_wait: &on_wait,
    };
    f(&opts)
}

/// Applies `change`, then prints what was written (or the diff), the
/// edit's notices and the commit on stdout, and the warnings the change
/// causes on stderr, after what they are about; the plan's warnings are
/// counted after the change, for the line that follows the result.
pub(super) fn run(ctx: &Context, change: &Change, flags: Flags) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let outcome =
        with_options(ctx, flags, |opts| apply(change, opts)).map_err(|r| refused(ctx, r))?;
    // The plan as it now is: changed, unless this is a dry run.
    ctx.count_warnings(match flags.dry_run {
        true => outcome.plan_warnings,
        false => outcome.plan_warnings_after,
    });
    let told = tell_outcome(ctx, &outcome, flags);
    for warning in &outcome.warnings {
        let text = match warning {
            Caused::Entry(w) => w.say(lang),
            Caused::Problem(p) => p.say(lang),
        };
        tell(&Msg::Warning(text), lang);
    }
    told
}

/// Prints the diff (dry run) or what was written and committed.
fn tell_outcome(ctx: &Context, outcome: &Outcome, flags: Flags) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    if flags.dry_run {
        let shown = outcome.file.display().to_string();
        print(&unified_diff(&outcome.before, &outcome.after, &shown))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = done(ctx, outcome, lang);
    for notice in &outcome.notices {
        out.push_str(&format!("{}\n", notice.say(lang)));
    }
    if let Some(commit) = &outcome.commit {
        if commit.dirty {
            out.push_str(&format!("{}\n", Msg::DirtyCommitted.say(lang)));
        }
        if let Err(e) = &commit.result {
            print(&out)?;
            return Err(Failure::Refused(Msg::CommitFailed(e.clone())));
        }
        out.push_str(&format!(
            "{}\n",
            Msg::Committed(commit.message.clone()).say(lang)
        ));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The confirmation lines: the entry added or amended and where the sheet
/// now stands, or what changed.
fn done(ctx: &Context, outcome: &Outcome, lang: Lang) -> String {
    let file = outcome.file.clone();
    match &outcome.done {
        Done::Changed(what) => format!("{}\n", Msg::Changed(what.say(lang), file).say(lang)),
        Done::Entry {
            sheet,
            entry,
            replaced,
            stale_after_months,
        } => {
            let stale_after = *stale_after_months;
            let state = |date| {
                let s = sheet_state(sheet, stale_after, date);
                SheetSnapshot {
                    date,
                    status: s.status,
                    progress: s.progress,
                    health: s.health,
                }
            };
            let at_entry = state(entry.date.value);
            let now = Some(state(ctx.today)).filter(|n| !n.same_state(&at_entry));
            let id = sheet.id.value.clone();
            let added = match replaced {
                Some(old) => Msg::Amended {
                    id: id.clone(),
                    old_date: old.date.value,
                    date: entry.date.value,
                    file,
                    old_text: ctg::edit::entry_yaml(old),
                },
                None => Msg::Added {
                    id: id.clone(),
                    date: entry.date.value,
                    file,
                },
            };
            let new_state = Msg::NewState { id, at_entry, now };
            format!("{}\n{}\n", added.say(lang), new_state.say(lang))
        }
    }
}

//! `ctg record ID`: append one journal entry, verified, atomically, under a
//! lock, and optionally commit that one file.

use super::args::RecordArgs;
use super::context::Context;
use super::messages::{Msg, SheetSnapshot};
use super::{Failure, tell, write};
use ctg::check::check;
use ctg::compute::sheet_state;
use ctg::diag::{Diagnostic, Problem};
use ctg::edit::{amend_entry, append_entry, entry_yaml, verify};
use ctg::entry_warnings::entry_warnings;
use ctg::i18n::{Lang, Speak, status_label};
use ctg::load::Loaded;
use ctg::model::Sheet;
use ctg::record::{Request, build_entry, find_sheet};
use std::process::ExitCode;

/// Runs `record`.
pub(super) fn run(ctx: &Context, args: &RecordArgs) -> Result<ExitCode, Failure> {
    // A dry run writes nothing: it takes no lock, so it works on a read-only
    // plan. A real run, holding the lock, first removes the temporary files
    // that a killed record left.
    let _lock = if args.dry_run {
        None
    } else {
        Some(write::lock(ctx)?)
    };
    let checked = ctx.load_valid()?;
    let (loaded, lang) = (&checked.loaded, checked.lang);
    let plan = &loaded.plan;
    let refuse = |m: Msg| Failure::Refused(m);
    let sheet = find_sheet(plan, args.id.trim()).map_err(|r| refuse(Msg::Record(r)))?;
    // With --amend, the entry is built against the sheet without its last
    // entry, which it replaces.
    let mut base = sheet.clone();
    let replaced = if args.amend {
        let last = base.journal.pop();
        Some(last.ok_or_else(|| refuse(Msg::NothingToAmend(sheet.id.value.clone())))?)
    } else {
        None
    };
    let entry =
        build_entry(plan, &base, &request(args), ctx.today).map_err(|r| refuse(Msg::Record(r)))?;
    let target = write::read(ctx, &sheet.file, args.commit)?;
    let original = &target.original;
    let edited = match replaced {
        Some(_) => amend_entry(original, &entry, &base.journal),
        None => append_entry(original, &entry, &base.journal),
    }
    .map_err(|e| refuse(Msg::Edit(e)))?;
    let mut expected = base.clone();
    expected.journal.push(entry.clone());
    let new_sheet = verify(original, &edited, &expected).map_err(|why| refuse(Msg::Verify(why)))?;
    let new_diagnostics = write::check_after(ctx, &write::with_sheet(loaded, &new_sheet))?;
    let stale_after = plan.convention.stale_after_months;
    let mut warnings: Vec<String> = entry_warnings(&base, &entry, stale_after)
        .iter()
        .map(|w| w.say(lang))
        .collect();
    warnings.extend(caused_warnings(
        ctx,
        loaded,
        &new_diagnostics,
        &sheet.file,
        lang,
    ));
    let state = |date| {
        let s = sheet_state(&new_sheet, stale_after, date);
        SheetSnapshot {
            date,
            status: s.status,
            progress: s.progress,
            health: s.health,
        }
    };
    let at_entry = state(entry.date.value);
    let now = Some(state(ctx.today)).filter(|n| !n.same_state(&at_entry));
    let id = new_sheet.id.value.clone();
    let added = match &replaced {
        Some(old) => Msg::Amended {
            id: id.clone(),
            old_date: old.date.value,
            date: entry.date.value,
            file: target.shown.clone(),
            old_text: entry_yaml(old),
        },
        None => Msg::Added {
            id: id.clone(),
            date: entry.date.value,
            file: target.shown.clone(),
        },
    };
    let new_state = Msg::NewState { id, at_entry, now };
    let out = format!("{}\n{}\n", added.say(lang), new_state.say(lang));
    let message = commit_message(stale_after, &new_sheet, &entry, lang);
    let opts = write::Options {
        dry_run: args.dry_run,
        commit: args.commit,
    };
    let written = write::finish(&target, &edited, opts, out, &message, lang);
    // Said after what was written (or the diff), which they are about.
    for w in warnings {
        tell(&Msg::Warning(w), lang);
    }
    written
}

/// The warnings of `validate` on this sheet that the new entry adds.
fn caused_warnings(
    ctx: &Context,
    before: &Loaded,
    after: &[Diagnostic],
    file: &std::path::Path,
    lang: Lang,
) -> Vec<String> {
    let mut old: Vec<Problem> = check(before, ctx.as_of)
        .into_iter()
        .filter(|d| d.file == file)
        .map(|d| d.problem)
        .collect();
    let mut new = Vec::new();
    for d in after.iter().filter(|d| d.file == file) {
        match old.iter().position(|p| *p == d.problem) {
            Some(i) => {
                old.swap_remove(i);
            }
            None => new.push(d.problem.message(lang)),
        }
    }
    new
}

fn request(a: &RecordArgs) -> Request {
    Request {
        date: a.date.clone(),
        status: a.status.clone(),
        progress: a.progress.clone(),
        note: a.note.clone(),
        difficulties: a.difficulties.clone(),
        next: a.next.clone(),
        decision: a.decision.clone(),
        reached: a.reached.clone(),
        measures: a.measure.clone(),
        by: a.by.clone(),
    }
}

fn commit_message(
    stale_after: u32,
    sheet: &Sheet,
    entry: &ctg::model::Entry,
    lang: Lang,
) -> String {
    let state = sheet_state(sheet, stale_after, entry.date.value);
    let progress = ctg::render::fmt::round(state.progress, 0);
    let mut message = format!(
        "{}: {}, {progress} %",
        sheet.id.value,
        status_label(state.status, lang)
    );
    if let Some(line) = entry.note.as_deref().and_then(|n| n.lines().next()) {
        let cut: String = line.chars().take(72).collect();
        message.push_str(&format!(" — {}", ctg::render::safe::safe_line(&cut)));
    }
    message
}

//! `ctg record ID`: append one journal entry, verified, atomically, under a
//! lock, and optionally commit that one file.

use super::args::RecordArgs;
use super::context::Context;
use super::messages::{Msg, SheetSnapshot};
use super::{Failure, output, print, tell};
use crate::check::check;
use crate::compute::sheet_state;
use crate::diag::{Diagnostic, Problem, Severity};
use crate::edit::{append_entry, unified_diff, verify};
use crate::entry_warnings::entry_warnings;
use crate::git;
use crate::i18n::{Lang, Speak, status_label};
use crate::load::Loaded;
use crate::model::Sheet;
use crate::record::{Request, build_entry, find_sheet};
use std::process::ExitCode;

/// Runs `record`.
pub fn run(ctx: &Context, args: &RecordArgs) -> Result<ExitCode, Failure> {
    // A dry run writes nothing: it takes no lock, so it works on a read-only
    // plan. A real run, holding the lock, first removes the temporary files
    // that a killed record left.
    let _lock = if args.dry_run {
        None
    } else {
        let lock = super::lock::take(ctx)?;
        super::atomic::sweep(&ctx.plan_dir.join("actions"));
        Some(lock)
    };
    let checked = ctx.load_valid()?;
    let (loaded, lang) = (&checked.loaded, checked.lang);
    let plan = &loaded.plan;
    let refuse = |m: Msg| Failure::Refused(m);
    let sheet = find_sheet(plan, args.id.trim()).map_err(|r| refuse(Msg::Record(r)))?;
    let entry =
        build_entry(plan, sheet, &request(args), ctx.today).map_err(|r| refuse(Msg::Record(r)))?;
    if args.commit {
        git::preflight(&ctx.plan_dir).map_err(|e| refuse(Msg::Git(e)))?;
    }
    let path = ctx.plan_dir.join(&sheet.file);
    let shown = ctx.shown_dir.join(&sheet.file);
    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        return Err(refuse(Msg::LinkedSheet(shown)));
    }
    let original = std::fs::read_to_string(&path)
        .map_err(|e| refuse(Msg::CannotRead(shown.clone(), e.kind())))?;
    let edited =
        append_entry(&original, &entry, &sheet.journal).map_err(|e| refuse(Msg::Edit(e)))?;
    let new_sheet =
        verify(&original, sheet, &edited, &entry).map_err(|why| refuse(Msg::Verify(why)))?;
    let after = with_sheet(loaded, &new_sheet);
    let new_diagnostics = check(&after, ctx.as_of);
    if new_diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        return Err(refuse(Msg::WouldInvalidate));
    }
    let stale_after = plan.convention.stale_after_months;
    let mut warnings: Vec<String> = entry_warnings(sheet, &entry, stale_after)
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
    for w in warnings {
        tell(&Msg::Warning(w), lang);
    }
    if args.dry_run {
        print(&unified_diff(
            &original,
            &edited.text,
            &shown.display().to_string(),
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let dirty = args.commit && git::has_uncommitted_changes(&path);
    output::replace(&path, edited.text.as_bytes())?;
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
    let added = Msg::Added {
        id: new_sheet.id.value.clone(),
        date: entry.date.value,
        file: shown.clone(),
    };
    let new_state = Msg::NewState {
        id: new_sheet.id.value.clone(),
        at_entry,
        now,
    };
    let mut out = format!("{}\n{}\n", added.say(lang), new_state.say(lang));
    for notice in &edited.notices {
        out.push_str(&format!("{}\n", Msg::EditNotice(*notice).say(lang)));
    }
    if args.commit {
        if dirty {
            out.push_str(&format!("{}\n", Msg::DirtyCommitted.say(lang)));
        }
        let message = commit_message(stale_after, &new_sheet, &entry, lang);
        if let Err(e) = git::commit_file(&path, &message) {
            print(&out)?;
            return Err(refuse(Msg::CommitFailed(e)));
        }
        out.push_str(&format!("{}\n", Msg::Committed(message).say(lang)));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
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

/// The plan as it will be with `new_sheet` in place of the old one.
fn with_sheet(loaded: &Loaded, new_sheet: &Sheet) -> Loaded {
    let mut after = Loaded {
        root: loaded.root.clone(),
        plan: loaded.plan.clone(),
        ..Default::default()
    };
    after.unread = loaded.unread;
    if let Some(slot) = after
        .plan
        .sheets
        .iter_mut()
        .find(|s| s.id.value == new_sheet.id.value)
    {
        *slot = new_sheet.clone();
    }
    after
}

fn commit_message(
    stale_after: u32,
    sheet: &Sheet,
    entry: &crate::model::Entry,
    lang: Lang,
) -> String {
    let state = sheet_state(sheet, stale_after, entry.date.value);
    let progress = crate::render::fmt::round(state.progress, 0);
    let mut message = format!(
        "{}: {}, {progress} %",
        sheet.id.value,
        status_label(state.status, lang)
    );
    if let Some(line) = entry.note.as_deref().and_then(|n| n.lines().next()) {
        let cut: String = line.chars().take(72).collect();
        message.push_str(&format!(" — {}", crate::render::safe::safe_line(&cut)));
    }
    message
}

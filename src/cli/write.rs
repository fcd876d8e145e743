//! The writing chain shared by `record`, `add` and `set` (spec section 8):
//! the plan's lock, reading the file, checking the plan after the change,
//! `--dry-run`, the atomic replace and `--commit`.

use super::context::Context;
use super::messages::Msg;
use super::{Failure, output, print};
use ctg::check::check;
use ctg::diag::{Diagnostic, Severity};
use ctg::edit::{Edited, unified_diff};
use ctg::git;
use ctg::i18n::{Lang, Speak};
use ctg::load::Loaded;
use ctg::model::Sheet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A plan file about to be changed.
pub(super) struct Target {
    /// Its path.
    pub path: PathBuf,
    /// Its path as shown to the user.
    pub shown: PathBuf,
    /// Its text before the change.
    pub original: String,
}

/// `--dry-run` and `--commit`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Options {
    /// Print the diff, write nothing.
    pub dry_run: bool,
    /// Commit the file alone.
    pub commit: bool,
}

/// Takes the plan's lock (saying so while another `ctg` holds it, giving up
/// after a while), then removes the temporary files a killed writer left.
pub(super) fn lock(ctx: &Context) -> Result<File, Failure> {
    let lock = super::lock::take(ctx)?;
    super::atomic::sweep(&ctx.plan_dir.join("actions"));
    Ok(lock)
}

/// Reads the plan file `rel` (relative to the plan folder); with `commit`,
/// checks git first. A symbolic link is refused.
pub(super) fn read(ctx: &Context, rel: &Path, commit: bool) -> Result<Target, Failure> {
    let refuse = Failure::Refused;
    if commit {
        git::preflight(&ctx.plan_dir).map_err(|e| refuse(Msg::Git(e)))?;
    }
    let path = ctx.plan_dir.join(rel);
    let shown = ctx.shown_dir.join(rel);
    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        return Err(refuse(Msg::LinkedSheet(shown)));
    }
    let original = std::fs::read_to_string(&path)
        .map_err(|e| refuse(Msg::CannotRead(shown.clone(), e.kind())))?;
    Ok(Target {
        path,
        shown,
        original,
    })
}

/// The diagnostics of the plan after the change; refused if it has errors.
pub(super) fn check_after(ctx: &Context, after: &Loaded) -> Result<Vec<Diagnostic>, Failure> {
    let diagnostics = check(after, ctx.as_of);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(Failure::Refused(Msg::WouldInvalidate));
    }
    Ok(diagnostics)
}

/// A copy of the plan to change (without its parse state).
pub(super) fn copy(loaded: &Loaded) -> Loaded {
    let mut after = Loaded {
        root: loaded.root.clone(),
        plan: loaded.plan.clone(),
        ..Default::default()
    };
    after.unread = loaded.unread;
    after
}

/// The plan as it will be with `new_sheet` in place of the old one.
pub(super) fn with_sheet(loaded: &Loaded, new_sheet: &Sheet) -> Loaded {
    let mut after = copy(loaded);
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

/// With `--dry-run`, prints the diff; otherwise replaces the file, prints
/// `out` and the edit's notices, and with `--commit` commits the file alone
/// with `message`.
pub(super) fn finish(
    target: &Target,
    edited: &Edited,
    opts: Options,
    mut out: String,
    message: &str,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    if opts.dry_run {
        let shown = target.shown.display().to_string();
        print(&unified_diff(&target.original, &edited.text, &shown))?;
        return Ok(ExitCode::SUCCESS);
    }
    let dirty = opts.commit && git::has_uncommitted_changes(&target.path);
    output::replace(&target.path, edited.text.as_bytes())?;
    for notice in &edited.notices {
        out.push_str(&format!("{}\n", Msg::EditNotice(*notice).say(lang)));
    }
    if opts.commit {
        if dirty {
            out.push_str(&format!("{}\n", Msg::DirtyCommitted.say(lang)));
        }
        if let Err(e) = git::commit_file(&target.path, message) {
            print(&out)?;
            return Err(Failure::Refused(Msg::CommitFailed(e)));
        }
        out.push_str(&format!(
            "{}\n",
            Msg::Committed(message.to_string()).say(lang)
        ));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

//! The one path every change to a plan file takes (spec section 8).
//!
//! [`apply`] is called by every writer — `record`, `record --amend`, `add`,
//! `set`, and next `import` and the web form — with a typed [`Change`]:
//!
//! 1. take the plan's lock (not for a dry run, which writes nothing) and
//!    remove the temporary files a killed writer left;
//! 2. load the plan and check it, once; a plan with errors is refused;
//! 3. build the change against that plan and edit the file's text, keeping
//!    every other byte;
//! 4. verify: the new text reads back as the old file plus exactly that
//!    change, and stays under the size limit;
//! 5. check the plan after the change, once; new errors refuse it, new
//!    warnings are told;
//! 6. `--dry-run` stops here with the two texts; otherwise the file is
//!    replaced atomically and, with `--commit`, committed alone.
//!
//! Every refusal is one [`Refusal`]; nothing is written before step 6.
//! [`staging`] is the same guarantee for whole new plans (`init`, `renew`).

mod atomic;
mod author;
mod entry;
mod import;
mod lock;
mod refusal;
pub mod staging;

pub use atomic::{TEMP_PREFIX, Unwritten, replace_file, replace_files};
pub use author::{NewBudgetLine, NewIndicator, NewMilestone, NewPartner, SetKeys};
pub use import::{FileChange, ImportOutcome, apply_import};
pub use lock::LOCK_FILE;
pub use refusal::{IdKind, Refusal};

use crate::check::check;
use crate::diag::{Diagnostic, Problem, Severity};
use crate::edit::{Edited, Notice};
use crate::entry_warnings::EntryWarning;
use crate::git::{self, GitError};
use crate::i18n::Lang;
use crate::load::{Loaded, MAX_FILE_BYTES, load};
use crate::model::{Entry, Sheet};
use crate::record::Request;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One change to one plan file.
#[derive(Debug, Clone)]
pub enum Change {
    /// Append a journal entry to a sheet (`record`).
    Record {
        /// The sheet's id.
        sheet: String,
        /// The entry's fields as the user gave them.
        request: Request,
    },
    /// Replace a sheet's last journal entry (`record --amend`).
    Amend {
        /// The sheet's id.
        sheet: String,
        /// The new entry's fields as the user gave them.
        request: Request,
    },
    /// Add a partner to `partners.yaml`.
    AddPartner(NewPartner),
    /// Add a milestone to a sheet.
    AddMilestone(NewMilestone),
    /// Add an indicator to a sheet.
    AddIndicator(NewIndicator),
    /// Add a budget line to a sheet.
    AddBudget(NewBudgetLine),
    /// Set keys of a sheet (`set`).
    Set(SetKeys),
}

/// How to apply a change.
pub struct Options<'a> {
    /// The plan folder (absolute).
    pub plan_dir: &'a Path,
    /// The plan folder as shown to the user, for paths in messages.
    pub shown_dir: &'a Path,
    /// Print the diff, write nothing (and take no lock).
    pub dry_run: bool,
    /// Commit the changed file alone.
    pub commit: bool,
    /// The date the plan is checked as of.
    pub as_of: NaiveDate,
    /// Today: the date of an entry given none.
    pub today: NaiveDate,
    /// The language of the commit message.
    pub lang: Lang,
    /// How long to wait for another writer's lock.
    pub lock_timeout: Duration,
    /// Told once, after a second, while another writer holds the lock
    /// (with the lock file's shown path).
    pub on_wait: &'a dyn Fn(&Path),
}

/// What [`apply`] did, or would do with `--dry-run`.
#[derive(Debug)]
pub struct Outcome {
    /// The file changed, as shown to the user.
    pub file: PathBuf,
    /// Its text before.
    pub before: String,
    /// Its text after.
    pub after: String,
    /// What the edit changed besides the change's own lines.
    pub notices: Vec<Notice>,
    /// What was done, for the confirmation line.
    pub done: Done,
    /// Warnings the change causes (new ones only).
    pub warnings: Vec<Caused>,
    /// How many warnings the plan had before the change.
    pub plan_warnings: usize,
    /// How many it has after the change (would have, for a dry run).
    pub plan_warnings_after: usize,
    /// The commit, when asked and the file was written.
    pub commit: Option<Commit>,
}

/// What a change did.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one per run
pub enum Done {
    /// A journal entry was added (or, with `replaced`, put in place of the
    /// last one).
    Entry {
        /// The sheet after the change.
        sheet: Box<Sheet>,
        /// The new entry.
        entry: Entry,
        /// The entry it replaced (`--amend`).
        replaced: Option<Entry>,
        /// The plan's `stale_after_months`, to tell where the sheet stands.
        stale_after_months: u32,
    },
    /// Something else changed, said in a few words in the session's language.
    Changed(author::What),
}

/// A warning that a change causes.
#[derive(Debug, Clone, PartialEq)]
pub enum Caused {
    /// About the new entry itself.
    Entry(EntryWarning),
    /// A warning of `validate` the plan did not have before.
    Problem(Problem),
}

/// A commit made by [`apply`].
#[derive(Debug)]
pub struct Commit {
    /// Its message.
    pub message: String,
    /// The file had edits not yet committed, now in this commit too.
    pub dirty: bool,
    /// Whether git made it (the file is written either way).
    pub result: Result<(), GitError>,
}

/// A change built against the plan: the file, its new text, what to
/// expect when it is read back.
struct Built {
    /// The file, relative to the plan folder.
    file: PathBuf,
    before: String,
    edited: Edited,
    after: Loaded,
    done: Done,
    commit_message: String,
    entry_warnings: Vec<EntryWarning>,
    /// What git knows of the file, with `--commit`.
    git: Option<git::FileState>,
}

/// Applies `change` to the plan at `opts.plan_dir`, through the steps of the
/// module's documentation. Nothing is written when it returns a refusal.
pub fn apply(change: &Change, opts: &Options) -> Result<Outcome, Refusal> {
    let _lock = if opts.dry_run {
        None
    } else {
        Some(lock::take(opts)?)
    };
    let loaded = load(opts.plan_dir);
    let before = check(&loaded, opts.as_of);
    if before.iter().any(|d| d.severity == Severity::Error) {
        return Err(Refusal::Invalid(Box::new((loaded, before))));
    }
    let built = match change {
        Change::Record { sheet, request } => entry::build(&loaded, sheet, request, false, opts)?,
        Change::Amend { sheet, request } => entry::build(&loaded, sheet, request, true, opts)?,
        Change::AddPartner(new) => author::add_partner(&loaded, new, opts)?,
        Change::AddMilestone(new) => author::add_milestone(&loaded, new, opts)?,
        Change::AddIndicator(new) => author::add_indicator(&loaded, new, opts)?,
        Change::AddBudget(new) => author::add_budget(&loaded, new, opts)?,
        Change::Set(keys) => author::set(&loaded, keys, opts)?,
    };
    let shown = opts.shown_dir.join(&built.file);
    if built.edited.text.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge(shown, MAX_FILE_BYTES));
    }
    let after = check(&built.after, opts.as_of);
    let new_errors = caused(&before, &after, None, Severity::Error);
    if !new_errors.is_empty() {
        let entry = matches!(change, Change::Record { .. } | Change::Amend { .. });
        return Err(Refusal::WouldInvalidate {
            entry,
            problems: new_errors,
        });
    }
    let mut warnings: Vec<Caused> = built
        .entry_warnings
        .into_iter()
        .map(Caused::Entry)
        .collect();
    warnings.extend(
        caused(&before, &after, Some(&built.file), Severity::Warning)
            .into_iter()
            .map(Caused::Problem),
    );
    let plan_warnings = before
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let plan_warnings_after = after
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let mut outcome = Outcome {
        file: shown,
        before: built.before,
        after: built.edited.text,
        notices: built.edited.notices,
        done: built.done,
        warnings,
        plan_warnings,
        plan_warnings_after,
        commit: None,
    };
    if opts.dry_run {
        return Ok(outcome);
    }
    let path = opts.plan_dir.join(&built.file);
    replace_file(&path, outcome.after.as_bytes())
        .map_err(|e| Refusal::CannotWrite(outcome.file.clone(), e.kind()))?;
    if let Some(state) = built.git {
        let result = git::commit_file(&path, state, &built.commit_message);
        outcome.commit = Some(Commit {
            message: built.commit_message,
            dirty: state.dirty,
            result,
        });
    }
    Ok(outcome)
}

/// The problems of `severity` in `after` that `before` did not have (as a
/// multiset: a second occurrence of an old problem is new), on `file` only
/// when given.
fn caused(
    before: &[Diagnostic],
    after: &[Diagnostic],
    file: Option<&Path>,
    severity: Severity,
) -> Vec<Problem> {
    let on = |d: &&Diagnostic| d.severity == severity && file.is_none_or(|f| d.file == f);
    let mut old: Vec<&Problem> = before.iter().filter(on).map(|d| &d.problem).collect();
    let mut new = Vec::new();
    for d in after.iter().filter(on) {
        match old.iter().position(|p| **p == d.problem) {
            Some(i) => {
                old.swap_remove(i);
            }
            None => new.push(d.problem.clone()),
        }
    }
    new
}

/// The plan file to change, read; with `commit`, what git knows of it,
/// checked first. A symbolic link is refused.
struct Read {
    text: String,
    git: Option<git::FileState>,
}

fn read(rel: &Path, opts: &Options) -> Result<Read, Refusal> {
    let path = opts.plan_dir.join(rel);
    let git = match opts.commit {
        true => Some(git::preflight(&path).map_err(Refusal::Git)?),
        false => None,
    };
    let shown = opts.shown_dir.join(rel);
    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        return Err(Refusal::LinkedSheet(shown));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Refusal::CannotRead(shown, e.kind()))?;
    Ok(Read { text, git })
}

/// A copy of the plan to change (without its parse state).
fn copy(loaded: &Loaded) -> Loaded {
    let mut after = Loaded {
        root: loaded.root.clone(),
        plan: loaded.plan.clone(),
        ..Default::default()
    };
    after.unread = loaded.unread;
    after
}

/// The plan as it will be with `new_sheet` in place of the old one, which
/// is not copied (a sheet of 200,000 entries is some 90 MB).
fn with_sheet(loaded: &Loaded, new_sheet: Sheet) -> Loaded {
    let plan = &loaded.plan;
    let mut new_sheet = Some(new_sheet);
    let sheets = plan
        .sheets
        .iter()
        .map(|s| match &new_sheet {
            Some(n) if n.id.value == s.id.value => new_sheet.take().unwrap_or_else(|| s.clone()),
            _ => s.clone(),
        })
        .collect();
    let mut after = Loaded {
        root: loaded.root.clone(),
        plan: crate::model::Plan {
            convention: plan.convention.clone(),
            partners: plan.partners.clone(),
            axes: plan.axes.clone(),
            tracks: plan.tracks.clone(),
            sheets,
        },
        ..Default::default()
    };
    after.unread = loaded.unread;
    after
}

#[cfg(test)]
mod tests;

//! The write of `ctg import`: many entries on many sheets, through the
//! same guarantees as [`super::apply`] — one lock, one check before and one
//! after, each file edited losslessly and verified to read back as the old
//! sheet plus exactly its new entries, all files replaced together or none
//! ([`super::replace_files`]), and with `--commit` one commit for them all.

use super::{Caused, Options, Refusal, caused, read, with_sheet};
use crate::check::check;
use crate::diag::Severity;
use crate::edit::{append_entry, verify};
use crate::load::{MAX_FILE_BYTES, load};
use crate::model::Entry;
use std::path::{Path, PathBuf};

/// One sheet's file, before and after.
#[derive(Debug)]
pub struct FileChange {
    /// The sheet's id.
    pub sheet: String,
    /// The file, as shown.
    pub file: PathBuf,
    /// Its text before.
    pub before: String,
    /// Its text after.
    pub after: String,
    /// The entries added.
    pub entries: Vec<Entry>,
}

/// What an import did, or would do with `--dry-run`.
#[derive(Debug)]
pub struct ImportOutcome {
    /// Each sheet changed.
    pub files: Vec<FileChange>,
    /// Warnings the import causes.
    pub warnings: Vec<Caused>,
    /// The commit, when asked: its message and git's answer.
    pub commit: Option<(String, Result<(), crate::git::GitError>)>,
}

/// Adds `entries` (by sheet id, each list in date order) to the plan at
/// `opts.plan_dir`. Nothing is written when it returns a refusal.
pub fn apply_import(
    entries: &[(String, Vec<Entry>)],
    message: &str,
    opts: &Options,
) -> Result<ImportOutcome, Refusal> {
    let _lock = match opts.dry_run {
        true => None,
        false => Some(super::lock::take(opts)?),
    };
    let loaded = load(opts.plan_dir);
    let before = check(&loaded, opts.as_of);
    if before.iter().any(|d| d.severity == Severity::Error) {
        return Err(Refusal::Invalid(Box::new((loaded, before))));
    }
    let mut after = super::copy(&loaded);
    let mut files = Vec::new();
    let mut states = Vec::new();
    for (id, new) in entries {
        let sheet = crate::record::find_sheet(&loaded.plan, id).map_err(Refusal::Entry)?;
        let file = read(&sheet.file, opts)?;
        // Each entry is appended and verified in turn: the file reads
        // back as the sheet so far plus exactly that entry.
        let mut text = file.text.clone();
        let mut expected = sheet.clone();
        let mut new_sheet = sheet.clone();
        for entry in new {
            let edited = append_entry(&text, entry, &expected.journal).map_err(Refusal::Edit)?;
            expected.journal.push(entry.clone());
            new_sheet = verify(&text, &edited, &expected).map_err(Refusal::Verify)?;
            text = edited.text;
        }
        let shown = opts.shown_dir.join(&sheet.file);
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(Refusal::TooLarge(shown, MAX_FILE_BYTES));
        }
        after = with_sheet(&after, new_sheet);
        states.push((opts.plan_dir.join(&sheet.file), file.git));
        files.push(FileChange {
            sheet: id.clone(),
            file: shown,
            before: file.text,
            after: text,
            entries: new.clone(),
        });
    }
    let checked = check(&after, opts.as_of);
    let errors = caused(&before, &checked, None, Severity::Error);
    if !errors.is_empty() {
        return Err(Refusal::WouldInvalidate {
            entry: true,
            problems: errors,
        });
    }
    let warnings = caused(&before, &checked, None, Severity::Warning)
        .into_iter()
        .map(Caused::Problem)
        .collect();
    let mut outcome = ImportOutcome {
        files,
        warnings,
        commit: None,
    };
    if opts.dry_run || outcome.files.is_empty() {
        return Ok(outcome);
    }
    let set: Vec<(&Path, &[u8])> = states
        .iter()
        .zip(&outcome.files)
        .map(|((path, _), f)| (path.as_path(), f.after.as_bytes()))
        .collect();
    super::replace_files(&set).map_err(|u| Refusal::CannotWrite(u.path, u.error.kind()))?;
    if opts.commit {
        let tracked: Vec<(&Path, crate::git::FileState)> = states
            .iter()
            .filter_map(|(path, state)| Some((path.as_path(), (*state)?)))
            .collect();
        outcome.commit = Some((
            message.to_string(),
            crate::git::commit_files(&tracked, message),
        ));
    }
    Ok(outcome)
}

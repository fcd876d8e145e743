//! A folder of new files written next to their destination, then moved into
//! it one rename at a time, or removed with everything it created.
//!
//! The staging folder is a hidden sub-folder of the destination (so renames
//! stay on one file system and are atomic); folders that did not exist are
//! created, remembered, and removed again on failure when still empty.

use super::Refusal;
use crate::check::check;
use crate::diag::Severity;
use crate::load::load;
use chrono::NaiveDate;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// One file of the new plan: its path relative to the plan folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// Relative path (`convention.yaml`, `actions/1.1.1.yaml`).
    pub path: PathBuf,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// New files waiting in a hidden folder of their destination.
pub(super) struct Staging {
    dest: PathBuf,
    stage: PathBuf,
    /// Folders this staging created, outermost first.
    created: Vec<PathBuf>,
}

fn cannot(path: &Path) -> impl Fn(std::io::Error) -> Refusal + '_ {
    move |e| Refusal::CannotWrite(path.to_path_buf(), e.kind())
}

fn missing(path: &Path) -> bool {
    matches!(std::fs::symlink_metadata(path), Err(e) if e.kind() == ErrorKind::NotFound)
}

impl Staging {
    /// Creates `dest` if missing (and its missing parents) and the staging folder in it.
    pub(super) fn create(dest: &Path) -> Result<Staging, Refusal> {
        let mut created: Vec<PathBuf> = dest
            .ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .take_while(|a| missing(a))
            .map(Path::to_path_buf)
            .collect();
        created.reverse();
        std::fs::create_dir_all(dest).map_err(cannot(dest))?;
        let stage = dest.join(format!(".ctg-renew-{}", std::process::id()));
        let mut staging = Staging {
            dest: dest.to_path_buf(),
            stage: stage.clone(),
            created,
        };
        if let Err(e) = std::fs::create_dir(&stage) {
            staging.stage = PathBuf::new();
            staging.abort();
            return Err(cannot(&stage)(e));
        }
        Ok(staging)
    }

    /// The staging folder, where the new plan can be loaded.
    pub(super) fn path(&self) -> &Path {
        &self.stage
    }

    /// Writes every file into the staging folder.
    pub(super) fn write(&self, files: &[NewFile]) -> Result<(), Refusal> {
        for file in files {
            let path = self.stage.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(cannot(parent))?;
            }
            std::fs::write(&path, &file.bytes).map_err(cannot(&self.dest.join(&file.path)))?;
        }
        Ok(())
    }

    /// Moves every file into the destination; on any failure, removes those
    /// already moved and everything this staging created.
    pub(super) fn commit(mut self, files: &[NewFile]) -> Result<(), Refusal> {
        let mut moved: Vec<PathBuf> = Vec::new();
        let result = self.move_all(files, &mut moved);
        if result.is_err() {
            for path in moved.iter().rev() {
                let _ = std::fs::remove_file(path);
            }
            self.abort();
            return result;
        }
        let _ = std::fs::remove_dir_all(&self.stage);
        Ok(())
    }

    fn move_all(&mut self, files: &[NewFile], moved: &mut Vec<PathBuf>) -> Result<(), Refusal> {
        for file in files {
            let target = self.dest.join(&file.path);
            if let Some(parent) = target.parent().filter(|p| missing(p)) {
                std::fs::create_dir(parent).map_err(cannot(parent))?;
                self.created.push(parent.to_path_buf());
            }
            if !missing(&target) {
                return Err(Refusal::WouldOverwrite(target));
            }
            std::fs::rename(self.stage.join(&file.path), &target).map_err(cannot(&target))?;
            moved.push(target);
        }
        Ok(())
    }

    /// Removes the staging folder and the folders this staging created
    /// (innermost first, each only if empty).
    pub(super) fn abort(self) {
        if !self.stage.as_os_str().is_empty() {
            let _ = std::fs::remove_dir_all(&self.stage);
        }
        for dir in self.created.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Refuses a `dir` that holds a plan, as `--plan` would find it there.
pub fn refuse_a_plan(dir: &Path) -> Result<(), Refusal> {
    for rel in ["convention.yaml", "plan/convention.yaml"] {
        if std::fs::symlink_metadata(dir.join(rel)).is_ok() {
            return Err(Refusal::HoldsPlan(dir.to_path_buf()));
        }
    }
    Ok(())
}

/// Writes `files`, a whole new plan of `sheets` action sheets, into `dir`:
/// refused when `dir` holds a plan or any of the files; staged, loaded and
/// checked as of `as_of` (no error, every sheet read), then moved in. On any
/// failure `dir` is left as it was.
pub fn install(
    dir: &Path,
    files: &[NewFile],
    as_of: NaiveDate,
    sheets: usize,
) -> Result<(), Refusal> {
    refuse_a_plan(dir)?;
    let actions = dir.join("actions");
    if std::fs::symlink_metadata(&actions).is_ok_and(|m| !m.is_dir()) {
        return Err(Refusal::WouldOverwrite(actions));
    }
    for file in files {
        let target = dir.join(&file.path);
        if std::fs::symlink_metadata(&target).is_ok() {
            return Err(Refusal::WouldOverwrite(target));
        }
    }
    let staging = Staging::create(dir)?;
    let verified = staging
        .write(files)
        .and_then(|()| verify(&staging, as_of, sheets));
    if let Err(failure) = verified {
        staging.abort();
        return Err(failure);
    }
    staging.commit(files)
}

/// Loads and checks the staged plan: no error, and every sheet read.
fn verify(staging: &Staging, as_of: NaiveDate, sheets: usize) -> Result<(), Refusal> {
    let loaded = load(staging.path());
    let errors = check(&loaded, as_of)
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 || loaded.plan.sheets.len() != sheets {
        return Err(Refusal::DraftInvalid(errors.max(1)));
    }
    Ok(())
}

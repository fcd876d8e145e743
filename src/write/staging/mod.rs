//! A whole new plan (`init`, `renew`) written so that its folder is, after
//! any interruption, as it was or complete.
//!
//! The files are written into a staging folder, loaded and checked there,
//! then made to appear:
//!
//! - **beside** the destination, when it does not exist yet or is an empty
//!   folder: the staging folder `.ctg-new-<random>-<name>` is made in the
//!   destination's parent (same file system) and renamed to the
//!   destination in one step (on Linux a folder is renamed over an empty
//!   one). A reader, or a killed `ctg`, sees no plan or the whole plan.
//! - **inside** the destination, when it holds other files (a `.git`, a
//!   README): the staging folder `.ctg-new-<random>` is made in it, then
//!   each file is moved in, `convention.yaml` last, after a list of the
//!   moves (`.ctg-moving`) is written in the staging folder. Until the
//!   last move the folder holds no plan; the next `init` or `renew` there
//!   takes back the files a killed run had moved.
//!
//! Each staging folder has a lock file beside it (its name and `.lock`),
//! held by the run that made it for as long as it lives. Every run first
//! removes the staging folders whose lock no live run holds, beside and
//! inside its destination ([`sweep`]).

mod leftovers;

use super::Refusal;
use crate::check::check;
use crate::diag::Severity;
use crate::load::load;
use chrono::NaiveDate;
pub use leftovers::sweep;
use leftovers::{StageLock, new_stage, sweep_around, take_back};
use std::fs::File;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// One file of the new plan: its path relative to the plan folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// Relative path (`convention.yaml`, `actions/1.1.1.yaml`).
    pub path: PathBuf,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// How the names of staging folders begin.
pub const STAGE_PREFIX: &str = ".ctg-new-";
/// How the staging folders of earlier versions of ctg began (inside the
/// destination, `.ctg-renew-<pid>`, without a lock: removed on sight).
const OLD_STAGE_PREFIX: &str = ".ctg-renew-";
/// The list of moves of an inside staging folder.
const MOVES: &str = ".ctg-moving";
/// The file whose arrival makes the folder a plan: moved last.
const LAST: &str = "convention.yaml";

fn cannot(path: &Path) -> impl Fn(std::io::Error) -> Refusal + '_ {
    move |e| Refusal::CannotWrite(path.to_path_buf(), e.kind())
}

fn missing(path: &Path) -> bool {
    matches!(std::fs::symlink_metadata(path), Err(e) if e.kind() == ErrorKind::NotFound)
}

/// Where the staging folder is, and how it becomes the plan.
enum Mode {
    /// Beside the destination, renamed to it: the destination's real path
    /// (its parent resolved), and whether it exists (empty).
    Beside { real: PathBuf, existed: bool },
    /// Inside the destination, moved in file by file.
    Inside,
}

/// New files waiting in a staging folder.
struct Staging {
    /// The destination as given (for messages).
    dest: PathBuf,
    stage: PathBuf,
    /// The lock of the staging folder, held until it is gone.
    lock: StageLock,
    mode: Mode,
    /// Folders this staging created above the destination, outermost first.
    created: Vec<PathBuf>,
}

impl Staging {
    /// Creates the staging folder for `dest`, beside it when it is missing
    /// or an empty folder (and its parent takes a new folder), else inside
    /// it; creates the missing parents.
    fn create(dest: &Path) -> Result<Staging, Refusal> {
        let existed = match std::fs::metadata(dest) {
            Ok(meta) if meta.is_dir() => true,
            Ok(_) => return Err(Refusal::WouldOverwrite(dest.to_path_buf())),
            Err(e) if e.kind() == ErrorKind::NotFound => false,
            Err(e) => return Err(cannot(dest)(e)),
        };
        if existed && !is_empty_folder_of_its_parent(dest) {
            return Staging::inside(dest);
        }
        let absolute = std::path::absolute(dest).map_err(cannot(dest))?;
        let real = match existed {
            true => std::fs::canonicalize(dest).map_err(cannot(dest))?,
            false => absolute,
        };
        let (Some(parent), Some(name)) = (real.parent(), real.file_name()) else {
            return Err(Refusal::WouldOverwrite(dest.to_path_buf()));
        };
        let mut created: Vec<PathBuf> = parent
            .ancestors()
            .take_while(|a| missing(a))
            .map(Path::to_path_buf)
            .collect();
        created.reverse();
        let name: String = name.to_string_lossy().chars().take(100).collect();
        let made =
            std::fs::create_dir_all(parent).and_then(|()| new_stage(parent, &format!("-{name}")));
        match made {
            Ok((stage, lock)) => Ok(Staging {
                dest: dest.to_path_buf(),
                stage,
                lock,
                mode: Mode::Beside {
                    real: real.clone(),
                    existed,
                },
                created,
            }),
            // An empty folder in a parent that takes no new folder.
            Err(_) if existed => Staging::inside(dest),
            Err(e) => {
                for dir in created.iter().rev() {
                    let _ = std::fs::remove_dir(dir);
                }
                Err(cannot(dest)(e))
            }
        }
    }

    /// A staging folder inside `dest`.
    fn inside(dest: &Path) -> Result<Staging, Refusal> {
        let (stage, lock) = new_stage(dest, "").map_err(cannot(dest))?;
        Ok(Staging {
            dest: dest.to_path_buf(),
            stage,
            lock,
            mode: Mode::Inside,
            created: Vec::new(),
        })
    }

    /// Writes every file into the staging folder, each flushed.
    fn write(&self, files: &[NewFile]) -> Result<(), Refusal> {
        for file in files {
            let path = self.stage.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(cannot(&self.dest))?;
            }
            File::create(&path)
                .and_then(|mut f| f.write_all(&file.bytes).and_then(|()| f.sync_all()))
                .map_err(cannot(&self.dest.join(&file.path)))?;
        }
        Ok(())
    }

    /// Makes the staged plan the destination's, or removes everything this
    /// staging wrote and created.
    fn commit(self, files: &[NewFile]) -> Result<(), Refusal> {
        let result = match &self.mode {
            Mode::Beside { real, existed } => self.rename(real, *existed),
            Mode::Inside => self.move_in(files),
        };
        match result {
            Ok(()) => {
                let _ = std::fs::remove_dir_all(&self.stage);
                self.lock.release();
                Ok(())
            }
            Err(refusal) => {
                self.abort();
                Err(refusal)
            }
        }
    }

    /// Renames the staging folder to the destination, flushed first so
    /// that the plan that appears is whole on disk too.
    fn rename(&self, real: &Path, existed: bool) -> Result<(), Refusal> {
        sync_folders(&self.stage);
        if existed && let Ok(meta) = std::fs::metadata(real) {
            let _ = std::fs::set_permissions(&self.stage, meta.permissions());
        }
        if let Err(e) = std::fs::rename(&self.stage, real) {
            // Another run filled the destination meanwhile.
            if holds_a_plan(&self.dest) {
                return Err(Refusal::HoldsPlan(self.dest.clone()));
            }
            return Err(match e.kind() {
                ErrorKind::AlreadyExists | ErrorKind::DirectoryNotEmpty => {
                    Refusal::WouldOverwrite(self.dest.clone())
                }
                kind => Refusal::CannotWrite(self.dest.clone(), kind),
            });
        }
        if let Some(parent) = real.parent() {
            sync_folder(parent);
        }
        Ok(())
    }

    /// Moves every file into the destination, `convention.yaml` last, after
    /// writing the list of the moves for [`sweep`].
    fn move_in(&self, files: &[NewFile]) -> Result<(), Refusal> {
        let mut order: Vec<&Path> = files.iter().map(|f| f.path.as_path()).collect();
        order.sort_by_key(|p| *p == Path::new(LAST));
        let mut folders: Vec<&Path> = Vec::new();
        for path in &order {
            for folder in path
                .ancestors()
                .skip(1)
                .filter(|a| !a.as_os_str().is_empty())
            {
                if !folders.contains(&folder) && missing(&self.dest.join(folder)) {
                    folders.push(folder);
                }
            }
        }
        folders.sort_by_key(|f| f.components().count());
        let mut list = String::new();
        for folder in &folders {
            list.push_str(&format!("d {}\n", folder.display()));
        }
        for path in &order {
            list.push_str(&format!("f {}\n", path.display()));
        }
        File::create(self.stage.join(MOVES))
            .and_then(|mut f| f.write_all(list.as_bytes()).and_then(|()| f.sync_all()))
            .map_err(cannot(&self.dest))?;
        sync_folders(&self.stage);
        for folder in &folders {
            let target = self.dest.join(folder);
            std::fs::create_dir(&target).map_err(cannot(&target))?;
        }
        for path in &order {
            let target = self.dest.join(path);
            if !missing(&target) {
                return Err(Refusal::WouldOverwrite(target));
            }
            std::fs::rename(self.stage.join(path), &target).map_err(cannot(&target))?;
        }
        let mut synced: Vec<&Path> = Vec::new();
        for path in &order {
            let folder = path.parent().unwrap_or(Path::new(""));
            if !synced.contains(&folder) {
                sync_folder(&self.dest.join(folder));
                synced.push(folder);
            }
        }
        Ok(())
    }

    /// Takes back what this staging moved in, removes the staging folder
    /// and the folders it created (innermost first, each only if empty).
    fn abort(self) {
        if matches!(self.mode, Mode::Inside) {
            take_back(&self.stage);
        }
        let _ = std::fs::remove_dir_all(&self.stage);
        self.lock.release();
        for dir in self.created.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// True when `dir` is an empty folder on its parent's file system (a
/// mount point cannot be renamed over).
fn is_empty_folder_of_its_parent(dir: &Path) -> bool {
    let empty = std::fs::read_dir(dir).is_ok_and(|mut e| e.next().is_none());
    let Ok(real) = std::fs::canonicalize(dir) else {
        return false;
    };
    let Some(parent) = real.parent() else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let device = |p: &Path| std::fs::metadata(p).map(|m| m.dev()).ok();
        empty && device(&real).is_some() && device(&real) == device(parent)
    }
    #[cfg(not(unix))]
    {
        let _ = parent;
        empty
    }
}

/// Flushes `dir` and the folders under it (not possible everywhere).
fn sync_folders(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                sync_folders(&entry.path());
            }
        }
    }
    sync_folder(dir);
}

fn sync_folder(dir: &Path) {
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// True when `dir` holds a plan, as `--plan` would find it there.
fn holds_a_plan(dir: &Path) -> bool {
    ["convention.yaml", "plan/convention.yaml"]
        .iter()
        .any(|rel| std::fs::symlink_metadata(dir.join(rel)).is_ok())
}

/// Refuses a `dir` that holds a plan, as `--plan` would find it there,
/// once what killed runs left around it is removed.
pub fn refuse_a_plan(dir: &Path) -> Result<(), Refusal> {
    sweep_around(dir);
    match holds_a_plan(dir) {
        true => Err(Refusal::HoldsPlan(dir.to_path_buf())),
        false => Ok(()),
    }
}

/// Writes `files`, a whole new plan of `sheets` action sheets, into `dir`:
/// refused when `dir` holds a plan or any of the files; staged, loaded and
/// checked as of `as_of` (no error, every sheet read), then made to appear
/// as the module says. On any failure `dir` is left as it was.
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
    let loaded = load(&staging.stage);
    let errors = check(&loaded, as_of)
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 || loaded.plan.sheets.len() != sheets {
        return Err(Refusal::DraftInvalid(errors.max(1)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::leftovers::lock_path;
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_live_staging_folder_is_kept_an_ended_one_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (live, lock) = new_stage(dir.path(), "-a").expect("stage");
        let ended = dir.path().join(format!("{STAGE_PREFIX}0000-b"));
        std::fs::create_dir_all(ended.join("actions")).expect("mkdir");
        std::fs::write(lock_path(&ended), "").expect("unlocked lock file");
        let old = dir.path().join(".ctg-renew-123");
        std::fs::create_dir(&old).expect("mkdir");
        let orphan = dir.path().join(format!("{STAGE_PREFIX}0001-c"));
        std::fs::create_dir(&orphan).expect("mkdir");
        sweep(dir.path());
        let live_name = live
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert_eq!(
            names(dir.path()),
            [live_name.clone(), format!("{live_name}.lock")]
        );
        // Without its lock, the folder is an ended run's.
        lock.release();
        sweep(dir.path());
        assert_eq!(names(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn the_files_an_interrupted_move_brought_in_are_taken_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dest = dir.path();
        std::fs::write(dest.join("README.md"), "à lire").expect("write");
        let stage = dest.join(format!("{STAGE_PREFIX}0002"));
        std::fs::create_dir_all(stage.join("actions")).expect("mkdir");
        for rel in ["axes.yaml", "actions/1.1.1.yaml", "convention.yaml"] {
            std::fs::write(stage.join(rel), rel).expect("write");
        }
        std::fs::write(
            stage.join(MOVES),
            "d actions\nf axes.yaml\nf actions/1.1.1.yaml\nf convention.yaml\n",
        )
        .expect("write");
        // Killed after two moves: axes.yaml and the sheet are in, not the convention.
        std::fs::rename(stage.join("axes.yaml"), dest.join("axes.yaml")).expect("move");
        std::fs::create_dir(dest.join("actions")).expect("mkdir");
        std::fs::rename(
            stage.join("actions/1.1.1.yaml"),
            dest.join("actions/1.1.1.yaml"),
        )
        .expect("move");
        sweep(dest);
        assert_eq!(names(dest), ["README.md"]);
    }

    #[test]
    fn a_move_killed_after_its_last_file_leaves_the_whole_plan() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dest = dir.path();
        let stage = dest.join(format!("{STAGE_PREFIX}0003"));
        std::fs::create_dir(&stage).expect("mkdir");
        std::fs::write(stage.join(MOVES), "f axes.yaml\nf convention.yaml\n").expect("write");
        for rel in ["axes.yaml", "convention.yaml"] {
            std::fs::write(dest.join(rel), rel).expect("write");
        }
        sweep(dest);
        assert_eq!(names(dest), ["axes.yaml", "convention.yaml"]);
    }
}

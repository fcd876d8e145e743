//! What a staging run leaves if it is killed, and how the next run takes
//! it back: each staging folder's lock file, held by its live run; the
//! sweep that removes the folders no live run holds (and the files an
//! interrupted inside staging had moved in).

use super::{MOVES, OLD_STAGE_PREFIX, STAGE_PREFIX, missing};
use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// Takes back, from the folder holding the inside staging folder `stage`,
/// the files its list of moves says were moved (no longer in `stage`, now
/// in the folder), and the folders it created, unless the last move was
/// made: then the plan is complete and stays.
pub(super) fn take_back(stage: &Path) {
    let Some(dest) = stage.parent() else {
        return;
    };
    let Ok(list) = std::fs::read_to_string(stage.join(MOVES)) else {
        return;
    };
    let moved = |rel: &str| missing(&stage.join(rel)) && !missing(&dest.join(rel));
    let files: Vec<&str> = list.lines().filter_map(|l| l.strip_prefix("f ")).collect();
    if files.last().is_some_and(|last| moved(last)) {
        return;
    }
    for rel in files.iter().filter(|rel| moved(rel)) {
        let _ = std::fs::remove_file(dest.join(rel));
    }
    for rel in list.lines().rev().filter_map(|l| l.strip_prefix("d ")) {
        let _ = std::fs::remove_dir(dest.join(rel));
    }
}

/// The lock file of a staging folder: its name and `.lock`, beside it.
pub(super) fn lock_path(stage: &Path) -> PathBuf {
    let mut name = stage.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    stage.with_file_name(name)
}

/// The lock of a live staging folder.
pub(super) struct StageLock {
    path: PathBuf,
    file: File,
}

impl StageLock {
    /// Removes the lock file, then lets the lock go.
    pub(super) fn release(self) {
        let _ = std::fs::remove_file(&self.path);
        drop(self.file);
    }
}

/// A new staging folder in `dir` named `.ctg-new-<random><suffix>`, with its
/// lock taken first: a folder found without its lock file is a dead run's.
pub(super) fn new_stage(dir: &Path, suffix: &str) -> std::io::Result<(PathBuf, StageLock)> {
    let mut last = None;
    for _ in 0..16 {
        let random = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        let stage = dir.join(format!("{STAGE_PREFIX}{random:016x}{suffix}"));
        let path = lock_path(&stage);
        let file = match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                last = Some(e);
                continue;
            }
            Err(e) => return Err(e),
        };
        // A sweep may have taken and removed this new file before our lock.
        if file.try_lock().is_err() || !same_file(&file, &path) {
            continue;
        }
        let lock = StageLock { path, file };
        match std::fs::create_dir(&stage) {
            Ok(()) => return Ok((stage, lock)),
            Err(e) => {
                lock.release();
                if e.kind() != ErrorKind::AlreadyExists {
                    return Err(e);
                }
                last = Some(e);
            }
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no staging name")))
}

/// True when `path` still names the open `file`.
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let id = |m: std::fs::Metadata| (m.dev(), m.ino());
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => id(a) == id(b),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        !missing(path)
    }
}

/// Opens a lock file without following a link.
fn open_lock(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    options.open(path)
}

/// Removes the staging folders that ended runs left in `dir`: those whose
/// lock file no live run holds, or that have none, first taking back the
/// files an interrupted inside staging had moved into `dir`; and the
/// folders of earlier versions (`.ctg-renew-<pid>`). Live runs' folders,
/// links and other files are left alone.
pub fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() && name.starts_with(OLD_STAGE_PREFIX) {
            let _ = std::fs::remove_dir_all(&path);
        } else if !name.starts_with(STAGE_PREFIX) {
            continue;
        } else if kind.is_file()
            && let Some(stage) = name.strip_suffix(".lock").map(|n| dir.join(n))
        {
            let Ok(lock) = open_lock(&path) else {
                continue;
            };
            if lock.try_lock().is_ok() {
                remove_stage(&stage);
                let _ = std::fs::remove_file(&path);
            }
        } else if kind.is_dir() && missing(&lock_path(&path)) {
            remove_stage(&path);
        }
    }
}

/// Removes an ended run's staging folder, taking back what it moved.
fn remove_stage(stage: &Path) {
    if std::fs::symlink_metadata(stage).is_ok_and(|m| m.is_dir()) {
        take_back(stage);
        let _ = std::fs::remove_dir_all(stage);
    }
}

/// Removes what killed runs left beside and inside `dir` ([`sweep`]).
pub(super) fn sweep_around(dir: &Path) {
    let parent = std::path::absolute(dir)
        .ok()
        .and_then(|a| a.parent().map(Path::to_path_buf));
    if let Some(parent) = parent {
        sweep(&parent);
    }
    if let Ok(real) = std::fs::canonicalize(dir) {
        if let Some(parent) = real.parent() {
            sweep(parent);
        }
        sweep(&real);
    }
}

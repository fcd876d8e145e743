//! Replacing a file atomically: the new bytes go to a temporary file in the
//! same folder, named `.ctg-tmp-<name>-<random>` so that anyone who finds
//! one after a crash knows what it is, flushed to disk, given the old
//! file's permissions, then renamed over the file. A reader sees the old
//! bytes or the new ones, never a mix; a crash leaves at most that
//! temporary file, which the loader ignores (its name starts with a dot)
//! and the next `record` removes ([`sweep`]).

use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How the names of ctg's temporary files begin.
pub const TEMP_PREFIX: &str = ".ctg-tmp-";

/// Writes `bytes` to `path` atomically. A replaced file keeps its mode; a
/// new one gets `0666` less the umask. Plan files are written by
/// [`super::apply`]; the CLI's `--output` files use this too.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    stage(path, bytes)?.commit()
}

/// A file that a set of files could not write: how many of the set were
/// written before it, in order (none when staging failed), and why.
#[derive(Debug)]
pub struct Unwritten {
    /// The files of the set written before the failure.
    pub written: usize,
    /// The file that could not be written.
    pub path: PathBuf,
    /// Why.
    pub error: std::io::Error,
}

/// Writes a set of files, each atomically as [`replace_file`] does, all or
/// as few as the file system allows: every new text is first written and
/// flushed to its temporary file, and only when all are ready are they
/// renamed over their files, in order. A failure while staging (a full
/// disk, a folder without write access) removes the temporary files: no
/// file of the set is changed. Only a failing rename, after the others
/// succeeded, leaves part of the set written; [`Unwritten`] says how many.
pub fn replace_files(files: &[(&Path, &[u8])]) -> Result<(), Unwritten> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        match stage(path, bytes) {
            Ok(file) => staged.push(file),
            Err(error) => {
                staged.into_iter().for_each(Staged::discard);
                return Err(Unwritten {
                    written: 0,
                    path: path.to_path_buf(),
                    error,
                });
            }
        }
    }
    let mut staged = staged.into_iter().enumerate();
    while let Some((written, file)) = staged.next() {
        let path = file.path.clone();
        if let Err(error) = file.commit() {
            staged.for_each(|(_, rest)| rest.discard());
            return Err(Unwritten {
                written,
                path,
                error,
            });
        }
    }
    Ok(())
}

/// New bytes waiting, flushed, in a temporary file next to their file.
struct Staged {
    path: PathBuf,
    dir: PathBuf,
    temp: PathBuf,
}

/// Writes `bytes` to a new temporary file next to `path`, with `path`'s
/// mode when it exists, and flushes it.
fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mode = std::fs::metadata(path).ok().map(|m| m.permissions());
    let (temp, mut file) = create_temp(dir, &name)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| match &mode {
            Some(permissions) => file.set_permissions(permissions.clone()),
            None => Ok(()),
        })
        .and_then(|()| file.sync_all());
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    Ok(Staged {
        path: path.to_path_buf(),
        dir: dir.to_path_buf(),
        temp,
    })
}

impl Staged {
    /// Renames the temporary file over the file.
    fn commit(self) -> std::io::Result<()> {
        if let Err(e) = std::fs::rename(&self.temp, &self.path) {
            self.discard();
            return Err(e);
        }
        // The rename is durable once the folder is flushed (not possible everywhere).
        if let Ok(folder) = File::open(&self.dir) {
            let _ = folder.sync_all();
        }
        Ok(())
    }

    /// Removes the temporary file.
    fn discard(self) {
        let _ = std::fs::remove_file(&self.temp);
    }
}

/// A new temporary file next to the one it will replace, never an
/// existing one (a name taken, even by a link, is skipped).
fn create_temp(dir: &Path, name: &str) -> std::io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..16 {
        let random = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        let temp = dir.join(format!("{TEMP_PREFIX}{name}-{random:016x}"));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no temporary name")))
}

/// Removes the temporary files that a killed `ctg` left in `dir`. Only
/// called with the plan's lock held, so no other `ctg` is writing one.
pub(super) fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

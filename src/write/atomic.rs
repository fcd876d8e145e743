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
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    // The rename is durable once the folder is flushed (not possible everywhere).
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
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

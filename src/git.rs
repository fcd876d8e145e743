//! The few git operations `ctg record --commit` needs, through the `git` command.

use std::path::Path;
use std::process::{Command, Output};

/// Why git cannot commit a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitError {
    /// No `git` on the PATH.
    NotInstalled,
    /// The plan is not inside a git work tree.
    NotAWorkTree,
    /// `git var GIT_AUTHOR_IDENT` fails.
    NoIdentity(String),
    /// A git command failed.
    Failed(String),
}

/// Runs git in `dir`; paths are literal (`*` in a file name is no pattern).
fn git(dir: &Path, args: &[&str]) -> Result<Output, GitError> {
    Command::new("git")
        .current_dir(dir)
        .arg("--literal-pathspecs")
        .args(args)
        .output()
        .map_err(|_| GitError::NotInstalled)
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_string()
}

/// What git knows of the file about to be committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    /// The file is tracked (else `git add` comes first).
    pub tracked: bool,
    /// The file differs from HEAD already: those edits join the commit.
    pub dirty: bool,
}

fn parent(file: &Path) -> &Path {
    file.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Checks, before anything is written, that `file` can be committed: it is
/// in a work tree and git knows the author. Two git processes: `status`
/// (which also tells whether the file is tracked or already edited) and
/// `var`.
pub fn preflight(file: &Path) -> Result<FileState, GitError> {
    let dir = parent(file);
    let path = file.to_string_lossy();
    let status = git(
        dir,
        &[
            "status",
            "--porcelain",
            "--untracked-files=all",
            "--",
            &path,
        ],
    )?;
    if !status.status.success() {
        return Err(GitError::NotAWorkTree);
    }
    let text = String::from_utf8_lossy(&status.stdout);
    let untracked = text.starts_with("??");
    let ident = git(dir, &["var", "GIT_AUTHOR_IDENT"])?;
    if !ident.status.success() {
        return Err(GitError::NoIdentity(
            stderr_of(&ident)
                .lines()
                .last()
                .unwrap_or_default()
                .to_string(),
        ));
    }
    Ok(FileState {
        tracked: !untracked,
        dirty: !untracked && !text.trim().is_empty(),
    })
}

/// Commits `file` alone with `message`, adding it first if untracked; what
/// else is staged stays staged and out of the commit.
pub fn commit_file(file: &Path, state: FileState, message: &str) -> Result<(), GitError> {
    commit_files(&[(file, state)], message)
}

/// Commits `files` together with `message` (one commit), adding the
/// untracked ones first; what else is staged stays staged and out of it.
pub fn commit_files(files: &[(&Path, FileState)], message: &str) -> Result<(), GitError> {
    let Some((first, _)) = files.first() else {
        return Ok(());
    };
    let dir = parent(first);
    let paths: Vec<String> = files
        .iter()
        .map(|(f, _)| f.to_string_lossy().into_owned())
        .collect();
    for ((_, state), path) in files.iter().zip(&paths) {
        if !state.tracked {
            let add = git(dir, &["add", "--", path])?;
            if !add.status.success() {
                return Err(GitError::Failed(stderr_of(&add)));
            }
        }
    }
    let mut args = vec!["commit", "--quiet", "-m", message, "--"];
    args.extend(paths.iter().map(String::as_str));
    let commit = git(dir, &args)?;
    if commit.status.success() {
        Ok(())
    } else {
        Err(GitError::Failed(stderr_of(&commit)))
    }
}

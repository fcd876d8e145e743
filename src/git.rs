//! The few git operations `ctg record --commit` needs, through the `git` command.

use std::path::Path;
use std::process::{Command, Output};

/// Why git cannot commit a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GitError {
    /// No `git` on the PATH.
    #[error("git is not installed")]
    NotInstalled,
    /// The plan is not inside a git work tree.
    #[error("the plan is not in a git repository")]
    NotAWorkTree,
    /// `git var GIT_AUTHOR_IDENT` fails.
    #[error("git has no author identity: {0}")]
    NoIdentity(String),
    /// A git command failed.
    #[error("{0}")]
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

/// Checks, before anything is written, that a commit can be made from `dir`.
pub fn preflight(dir: &Path) -> Result<(), GitError> {
    let inside = git(dir, &["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() || String::from_utf8_lossy(&inside.stdout).trim() != "true" {
        return Err(GitError::NotAWorkTree);
    }
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
    Ok(())
}

fn parent(file: &Path) -> &Path {
    file.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// True when `file` is tracked and differs from HEAD (edits not yet committed).
pub fn has_uncommitted_changes(file: &Path) -> bool {
    git(
        parent(file),
        &["status", "--porcelain", "--", &file.to_string_lossy()],
    )
    .map(|out| {
        let text = String::from_utf8_lossy(&out.stdout);
        !text.trim().is_empty() && !text.starts_with("??")
    })
    .unwrap_or(false)
}

/// Commits `file` alone with `message`, adding it first if untracked; what
/// else is staged stays staged and out of the commit.
pub fn commit_file(file: &Path, message: &str) -> Result<(), GitError> {
    let dir = parent(file);
    let path = file.to_string_lossy();
    let tracked = git(dir, &["ls-files", "--error-unmatch", "--", &path])?;
    if !tracked.status.success() {
        let add = git(dir, &["add", "--", &path])?;
        if !add.status.success() {
            return Err(GitError::Failed(stderr_of(&add)));
        }
    }
    let commit = git(dir, &["commit", "--quiet", "-m", message, "--", &path])?;
    if commit.status.success() {
        Ok(())
    } else {
        Err(GitError::Failed(stderr_of(&commit)))
    }
}

//! A small test environment: a plan copied into a temp folder and the real
//! `ctg` binary run on it with a fixed today, as-of date, width and no colour.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// 2025-07-01T00:00:00Z: "today" in every test.
pub(crate) const TODAY_EPOCH: &str = "1751328000";

/// Gives a process the test environment, whatever the developer's shell
/// holds: no `CTG_*`, `LANG`/`LC_*` or `RUST_BACKTRACE`; git without the
/// user's or system's config (no signing, no hooks) and with a fixed author;
/// a fixed today, width and no colour.
pub(crate) fn isolate(cmd: &mut std::process::Command) {
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("CTG_")
            || name.starts_with("LC_")
            || name.starts_with("GIT_")
            || name == "LANG"
            || name == "LANGUAGE"
            || name == "RUST_BACKTRACE"
            || name == "EMAIL"
            || name == "TZ"
            || name.starts_with("CLICOLOR")
        {
            cmd.env_remove(name.as_ref());
        }
    }
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Coordination CTG")
        .env("GIT_AUTHOR_EMAIL", "ctg@example.org")
        .env("GIT_COMMITTER_NAME", "Coordination CTG")
        .env("GIT_COMMITTER_EMAIL", "ctg@example.org")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "160")
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH);
}

pub(crate) struct TestEnv {
    pub dir: TempDir,
}

pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The whole run as one text, for snapshots.
    pub(crate) fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl TestEnv {
    /// An empty temp folder.
    pub(crate) fn empty() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A copy of a plan folder of this repository at `<tmp>/plan`.
    pub(crate) fn with_plan(repo_path: &str) -> TestEnv {
        let env = TestEnv::empty();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(repo_path),
            &env.plan(),
        );
        env
    }

    /// The fictional demo plan.
    pub(crate) fn demo() -> TestEnv {
        TestEnv::with_plan("examples/demo")
    }

    /// The shipped Pays de Sommières plan.
    pub(crate) fn shipped() -> TestEnv {
        TestEnv::with_plan("plan")
    }

    pub(crate) fn plan(&self) -> PathBuf {
        self.dir.path().join("plan")
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.plan().join(rel)
    }

    pub(crate) fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Replaces `from` by `to` in a plan file; the text must be there.
    pub(crate) fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// A `ctg` command run from the temp folder with the test environment.
    pub(crate) fn command(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.std_command())
    }

    /// The same command as a plain `std::process::Command` (for spawning).
    pub(crate) fn std_command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("ctg"));
        cmd.current_dir(self.dir.path());
        isolate(&mut cmd);
        cmd
    }

    /// Runs `ctg ARGS` as of `as_of`.
    pub(crate) fn run_as_of(&self, as_of: &str, args: &[&str]) -> Run {
        let mut all = vec!["--as-of", as_of];
        all.extend(args);
        self.run_with_env(&[], &all)
    }

    /// Runs `ctg ARGS` with these environment variables set besides the
    /// test environment's (no `--as-of` added).
    pub(crate) fn run_with_env(&self, vars: &[(&str, &str)], args: &[&str]) -> Run {
        let out = self
            .command()
            .envs(vars.iter().copied())
            .args(args)
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs `ctg ARGS` as of 30 June 2025, the demo plan's reference date.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_as_of("2025-06-30", args)
    }
}

impl TestEnv {
    /// Runs git in the temp folder; panics on failure.
    pub(crate) fn git(&self, args: &[&str]) -> String {
        let mut cmd = std::process::Command::new("git");
        isolate(&mut cmd);
        let out = cmd
            .current_dir(self.dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Makes the temp folder a git repository with everything committed.
    pub(crate) fn git_init(&self) {
        self.git(&["init", "-q", "-b", "main"]);
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", "plan"]);
    }

    pub(crate) fn bytes(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).unwrap()
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
pub(crate) fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Runs a command other than `ctg` (bash, man, a browser) to its end; panics
/// with its stderr unless it succeeds; returns its stdout.
pub(crate) fn succeed(cmd: &mut std::process::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

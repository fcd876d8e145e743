//! A hostile or damaged plan folder: links to devices and to files outside the
//! plan, FIFOs, folders named like sheets, link loops; writing through links.
//! Every run must end within seconds, say what is wrong and echo nothing it
//! should not have read.

#![cfg(unix)]

use crate::common::TestEnv;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Ended {
    code: i32,
    out: String,
}

/// Runs `cmd` with its output in files, killing it after 10 s; panics if it
/// had to be killed.
fn run_bounded(env: &TestEnv, mut cmd: Command) -> Ended {
    let out_path = env.dir.path().join("run.out");
    let out = std::fs::File::create(&out_path).unwrap();
    let err = out.try_clone().unwrap();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err))
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("ctg did not end within 10 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = String::from_utf8_lossy(&std::fs::read(&out_path).unwrap()).into_owned();
    std::fs::remove_file(&out_path).unwrap();
    Ended {
        code: status.code().unwrap_or(-1),
        out: text,
    }
}

/// Runs `ctg ARGS` in English (unless ARGS give `--lang`) as of 30 June 2025.
fn ctg(env: &TestEnv, args: &[&str]) -> Ended {
    let mut cmd = env.std_command();
    cmd.args(["--as-of", "2025-06-30"]);
    if !args.contains(&"--lang") {
        cmd.args(["--lang", "en"]);
    }
    cmd.args(args);
    run_bounded(env, cmd)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// The checks every refused plan file shares: exit 1, code `unreadable` on that file.
fn assert_unreadable(run: &Ended, file: &str) {
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(run.out.contains("unreadable"), "{}", run.out);
    assert!(run.out.contains(file), "{}", run.out);
}

/// Makes `actions/FILE` with `make`, runs `validate` and checks that it ends
/// with exit 1 and one `unreadable` error on FILE that says `says`.
fn refused_sheet(file: &str, make: impl FnOnce(&Path), says: &str) -> (TestEnv, Ended) {
    let env = TestEnv::demo();
    make(&env.path(&format!("actions/{file}")));
    let run = ctg(&env, &["validate"]);
    assert_unreadable(&run, file);
    assert!(run.out.contains(says), "{}", run.out);
    (env, run)
}

#[test]
fn hostile_link_to_dev_zero_is_refused_at_once() {
    refused_sheet(
        "9.9.9.yaml",
        |p| symlink("/dev/zero", p).unwrap(),
        "/dev/zero",
    );
}

#[test]
fn hostile_fifo_named_like_a_sheet_does_not_block() {
    let (env, _) = refused_sheet("9.9.9.yaml", mkfifo, "named pipe (FIFO)");
    let run = ctg(&env, &["--lang", "fr", "status"]);
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(run.out.contains("tube nommé"), "{}", run.out);
}

#[test]
fn hostile_folder_named_like_a_sheet_is_an_error() {
    refused_sheet(
        "9.9.7.yaml",
        |p| std::fs::create_dir(p).unwrap(),
        "this is a folder",
    );
}

#[test]
fn hostile_link_loop_is_refused_plainly() {
    let (_, run) = refused_sheet(
        "9.9.6.yaml",
        |p| symlink("9.9.6.yaml", p).unwrap(),
        "links that loop",
    );
    assert!(!run.out.contains("symbolic links"), "{}", run.out);
}

#[test]
fn hostile_link_outside_the_plan_is_not_read() {
    let env = TestEnv::demo();
    symlink("/proc/self/environ", env.path("actions/9.9.8.yaml")).unwrap();
    let mut cmd = env.std_command();
    cmd.env("SECRET_TOKEN", "hunter2")
        .args(["--as-of", "2025-06-30", "--lang", "en", "validate"]);
    let run = run_bounded(&env, cmd);
    assert!(!run.out.contains("hunter2"), "{}", run.out);
    assert_unreadable(&run, "9.9.8.yaml");
    assert!(run.out.contains("/proc/self/environ"), "{}", run.out);
    assert!(run.out.contains("outside the plan"), "{}", run.out);
}

#[test]
fn hostile_link_outside_the_plan_to_a_sheet_is_not_read() {
    let env = TestEnv::demo();
    let outside = env.dir.path().join("elsewhere.yaml");
    std::fs::rename(env.path("actions/1.1.2.yaml"), &outside).unwrap();
    symlink(&outside, env.path("actions/1.1.2.yaml")).unwrap();
    let run = ctg(&env, &["validate"]);
    assert_unreadable(&run, "1.1.2.yaml");
    assert!(run.out.contains("outside the plan"), "{}", run.out);
}

#[test]
fn hostile_link_inside_the_plan_still_works() {
    let env = TestEnv::demo();
    let before = ctg(&env, &["validate"]);
    std::fs::create_dir(env.path("kept")).unwrap();
    std::fs::rename(env.path("actions/1.1.2.yaml"), env.path("kept/1.1.2.yaml")).unwrap();
    symlink("../kept/1.1.2.yaml", env.path("actions/1.1.2.yaml")).unwrap();
    let after = ctg(&env, &["validate"]);
    assert_eq!(after.code, before.code, "{}", after.out);
    assert_eq!(after.out, before.out);
}

#[test]
fn hostile_record_refuses_a_linked_sheet() {
    let env = TestEnv::demo();
    std::fs::create_dir(env.path("kept")).unwrap();
    let real = env.path("kept/1.1.2.yaml");
    std::fs::rename(env.path("actions/1.1.2.yaml"), &real).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = env.path("actions/1.1.2.yaml");
    symlink("../kept/1.1.2.yaml", &link).unwrap();
    let before = std::fs::read(&real).unwrap();
    let run = ctg(&env, &["record", "1.1.2", "--note", "Réunion"]);
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(run.out.contains("link"), "{}", run.out);
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read(&real).unwrap(), before);
    let mode = real.metadata().unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn hostile_output_onto_a_link_is_refused() {
    let env = TestEnv::demo();
    let target = env.dir.path().join("target.md");
    std::fs::write(&target, "kept\n").unwrap();
    let out = env.dir.path().join("out.md");
    symlink(&target, &out).unwrap();
    let run = ctg(&env, &["status", "--output", "out.md"]);
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(run.out.contains("link"), "{}", run.out);
    assert!(out.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept\n");
}

#[test]
fn hostile_output_onto_a_fifo_or_folder_is_refused() {
    let env = TestEnv::demo();
    let fifo = env.dir.path().join("out.md");
    mkfifo(&fifo);
    let run = ctg(&env, &["status", "--output", "out.md"]);
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(run.out.contains("FIFO"), "{}", run.out);
    assert!(!run.out.contains("written:"), "{}", run.out);
    assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
    std::fs::create_dir(env.dir.path().join("dir.md")).unwrap();
    let run = ctg(&env, &["--lang", "fr", "status", "--output", "dir.md"]);
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(run.out.contains("dossier"), "{}", run.out);
    assert!(env.dir.path().join("dir.md").is_dir());
}

#[test]
fn hostile_new_output_file_is_0644_under_umask_022() {
    let env = TestEnv::demo();
    let bin = env.std_command().get_program().to_owned();
    let mut sh = Command::new("sh");
    for (k, v) in env.std_command().get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    sh.current_dir(env.dir.path())
        .arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(&bin)
        .args([
            "--as-of",
            "2025-06-30",
            "--lang",
            "en",
            "status",
            "--output",
            "new.md",
        ]);
    let run = run_bounded(&env, sh);
    assert_eq!(run.code, 0, "{}", run.out);
    let mode = env
        .dir
        .path()
        .join("new.md")
        .metadata()
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

//! Fault injection on writes: `record` killed at random points, and
//! concurrent writers with readers. The figures are printed (run with
//! `--nocapture` to see them).

#![cfg(unix)]

use crate::common::TestEnv;
use crate::seeded::Seeded;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// The names in `actions/` that start with a dot.
fn hidden_files(env: &TestEnv) -> Vec<String> {
    std::fs::read_dir(env.path("actions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

fn spawn_record(env: &TestEnv, sheet: &str, note: &str) -> Child {
    env.std_command()
        .args(["--as-of", "2025-06-30", "record", sheet, "--note", note])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_record_killed_at_any_point_leaves_the_old_sheet_or_one_more_entry() {
    const KILLS: u32 = 200;
    let env = TestEnv::demo();
    let sheet = "actions/1.2.1.yaml";
    // How long a whole record takes here, to spread the kills over it.
    let start = Instant::now();
    let status = spawn_record(&env, "1.2.1", "warm-up").wait().unwrap();
    assert!(status.success());
    let span = start.elapsed().as_micros().max(1_000) as u64;
    let mut rng = Seeded(0x5eed_2026_0008);
    let (mut killed, mut finished, mut temp_seen) = (0, 0, 0);
    for n in 0..KILLS {
        let before = env.read(sheet);
        let mut child = spawn_record(&env, "1.2.1", &format!("kill {n}"));
        std::thread::sleep(Duration::from_micros(rng.below(span as usize) as u64));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.code().is_some() {
            finished += 1;
        } else {
            killed += 1;
        }
        let after = env.read(sheet);
        let added = after.strip_prefix(before.as_str());
        let one_more = added.is_some_and(|a| a.matches("- date:").count() == 1);
        assert!(after == before || one_more, "kill {n}: {after}");
        assert!(ctg::yaml::parse(&after).is_ok(), "kill {n}: {after}");
        for name in hidden_files(&env) {
            assert!(name.starts_with(".ctg-tmp-1.2.1.yaml-"), "{name}");
            temp_seen += 1;
        }
    }
    let status = spawn_record(&env, "1.2.1", "after").wait().unwrap();
    assert!(status.success());
    assert_eq!(hidden_files(&env), Vec::<String>::new());
    eprintln!(
        "kill test: {KILLS} runs, {killed} killed, {finished} finished, 0 corrupted, \
         {temp_seen} temporary files seen after kills, none after the next record"
    );
}

#[test]
fn concurrent_writers_lose_no_entry_and_readers_never_fail() {
    const WRITERS: usize = 8;
    const EACH: usize = 3;
    let env = TestEnv::demo();
    let sheets = ["1.2.1", "1.1.2", "2.1.2"];
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (reads, failed) = std::thread::scope(|s| {
        let readers: Vec<_> = [&["status"][..], &["report", "2025", "--format", "json"]]
            .into_iter()
            .map(|args| {
                let (env, stop) = (&env, &stop);
                s.spawn(move || {
                    let (mut reads, mut failed) = (0, 0);
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        let run = env.run(args);
                        reads += 1;
                        failed += usize::from(run.code != 0 || run.stdout.is_empty());
                    }
                    (reads, failed)
                })
            })
            .collect();
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let env = &env;
                s.spawn(move || {
                    for k in 0..EACH {
                        // Half the writers share one sheet, the others spread.
                        let sheet = if w % 2 == 0 { "1.2.1" } else { sheets[k % 3] };
                        let status = spawn_record(env, sheet, &format!("w{w}-{k}"))
                            .wait()
                            .unwrap();
                        assert!(status.success(), "writer {w} entry {k}");
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        readers
            .into_iter()
            .map(|r| r.join().unwrap())
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
    });
    let all: String = sheets
        .iter()
        .map(|s| env.read(&format!("actions/{s}.yaml")))
        .collect();
    for w in 0..WRITERS {
        for k in 0..EACH {
            assert_eq!(
                all.matches(&format!("note: w{w}-{k}\n")).count(),
                1,
                "w{w}-{k}"
            );
        }
    }
    assert_eq!(failed, 0, "{failed} of {reads} reads failed");
    eprintln!(
        "readers and writers: {} entries by {WRITERS} writers all landed; {reads} reads, {failed} failed",
        WRITERS * EACH
    );
}

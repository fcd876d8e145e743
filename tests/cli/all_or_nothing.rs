//! Sets of files written whole or not at all: the folder outputs
//! (`schema`, `report --format csv`, `man` with `--output DIR`) and the new
//! plans of `init` and `renew`, even when killed at any moment.

#![cfg(unix)]

use crate::common::TestEnv;
use crate::seeded::Seeded;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_link_among_the_files_of_a_folder_output_is_refused_before_any_is_written() {
    let env = TestEnv::demo();
    let victim = env.dir.path().join("victim.txt");
    std::fs::write(&victim, "intact").unwrap();
    let out = env.dir.path().join("out");
    // The second and third file each command writes, in its order.
    let cases: [(&[&str], [&str; 2]); 3] = [
        (
            &["--lang", "fr", "schema", "--output", "out"],
            ["partners.schema.json", "axes.schema.json"],
        ),
        (
            &["report", "2024", "--format", "csv", "--output", "out"],
            ["fiches.csv", "indicateurs.csv"],
        ),
        (
            &["--lang", "fr", "man", "--output", "out"],
            ["ctg-validate.1", "ctg-status.1"],
        ),
    ];
    for (args, links) in cases {
        for link in links {
            let _ = std::fs::remove_dir_all(&out);
            std::fs::create_dir(&out).unwrap();
            std::os::unix::fs::symlink(&victim, out.join(link)).unwrap();
            let run = env.run(args);
            assert_eq!(run.code, 1, "{args:?}, {link}: {}", run.transcript());
            assert!(
                run.stderr.contains(link) && run.stderr.contains("rien n'a été écrit"),
                "{args:?}, {link}: {}",
                run.stderr
            );
            assert_eq!(names(&out), [link], "{args:?}: a file was written");
            assert_eq!(std::fs::read_to_string(&victim).unwrap(), "intact");
        }
    }
}

/// What the destination of a new plan holds before the run.
#[derive(Clone, Copy, Debug)]
enum Before {
    /// Nothing: the folder does not exist.
    Missing,
    /// An empty folder.
    Empty,
    /// A folder with a README (a new repository's, say).
    Other,
}

/// The names in `dir` that are ctg's staging leftovers.
fn leftovers(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(_) => names(dir)
            .into_iter()
            .filter(|n| n.starts_with(".ctg-"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Kills `ctg ARGS` (which writes a new plan into `dest`) at `KILLS` random
/// moments, the destination made as `Before` says in turn. After each kill
/// the folder holds no plan (and nothing else than before it, except files
/// of an unfinished move into a folder that had files) or a complete valid
/// plan; the next run then writes the plan (or, on a complete one, is
/// refused), and no staging folder stays, beside or inside.
fn kill_at_random_moments(env: &TestEnv, args: &[&str], seed: u64) -> (u32, u32, u32) {
    const KILLS: u32 = 60;
    let dest = env.dir.path().join("new");
    let run = || {
        let mut cmd = env.std_command();
        cmd.args(["--as-of", "2025-06-30"]).args(args);
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        cmd
    };
    // How long a whole run takes here (the middle of three), to spread the
    // kills over it.
    let mut spans: Vec<usize> = (0..3)
        .map(|_| {
            let _ = std::fs::remove_dir_all(&dest);
            let start = Instant::now();
            assert!(run().status().unwrap().success(), "warm-up");
            start.elapsed().as_micros().max(1_000) as usize
        })
        .collect();
    spans.sort();
    let span = spans[1];
    let mut rng = Seeded(seed);
    let (mut complete, mut none, mut caught) = (0, 0, 0);
    for n in 0..KILLS {
        let _ = std::fs::remove_dir_all(&dest);
        let before = [Before::Missing, Before::Empty, Before::Other][n as usize % 3];
        match before {
            Before::Missing => {}
            Before::Empty => std::fs::create_dir(&dest).unwrap(),
            Before::Other => {
                std::fs::create_dir(&dest).unwrap();
                std::fs::write(dest.join("README.md"), "# À lire\n").unwrap();
            }
        }
        let mut child = run().spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(span) as u64));
        let _ = child.kill();
        child.wait().unwrap();
        let what = format!("{args:?}, kill {n}, {before:?}");
        let staged = !leftovers(env.dir.path()).is_empty() || !leftovers(&dest).is_empty();
        caught += u32::from(staged);
        let plan = dest.join("convention.yaml").exists();
        if plan {
            complete += 1;
            let check = env.run(&["--plan", "new", "validate"]);
            assert_eq!(check.code, 0, "{what}: {}", check.transcript());
            assert_eq!(run().status().unwrap().code(), Some(1), "{what}");
        } else {
            none += 1;
            let left = match dest.exists() {
                true => names(&dest),
                false => Vec::new(),
            };
            match before {
                Before::Missing => assert!(!dest.exists(), "{what}: {left:?}"),
                Before::Empty => assert_eq!(left, Vec::<String>::new(), "{what}"),
                Before::Other => assert!(left.contains(&"README.md".to_string()), "{what}"),
            }
            assert!(run().status().unwrap().success(), "{what}: the next run");
            assert!(dest.join("convention.yaml").exists(), "{what}");
        }
        if matches!(before, Before::Other) {
            assert_eq!(
                std::fs::read_to_string(dest.join("README.md")).unwrap(),
                "# À lire\n"
            );
        }
        assert_eq!(leftovers(env.dir.path()), Vec::<String>::new(), "{what}");
        assert_eq!(leftovers(&dest), Vec::<String>::new(), "{what}");
    }
    (complete, none, caught)
}

#[test]
fn init_and_renew_killed_at_any_moment_leave_no_plan_or_a_whole_one() {
    let env = TestEnv::demo();
    let init = [
        "init",
        "new",
        "--name",
        "CTG test",
        "--territory",
        "CC test",
    ];
    let (a, b, e) = kill_at_random_moments(&env, &init, 0x5eed_2026_0021);
    let renew = [
        "--plan", "plan", "renew", "new", "--from", "2027", "--to", "2031",
    ];
    let (c, d, f) = kill_at_random_moments(&env, &renew, 0x5eed_2026_0003);
    eprintln!(
        "kill test: init killed 60 times: {a} complete plans, {b} none, {e} killed while staging; \
         renew 60 times: {c} complete, {d} none, {f} while staging; \
         never a partial plan, no leftover after the next run"
    );
}

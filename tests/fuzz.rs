//! A seeded mutation fuzzer over load + check + the rendering of
//! diagnostics, on stable Rust. Seeds: the demo plan, the shipped plan and
//! the malformed-plan corpus (`tests/corpus`). Each input is a seed file with
//! a few byte- and token-level mutations, written in place of that file in
//! a copy of the demo plan; any panic is a finding, saved under
//! `target/fuzz-findings/` to become a corpus fixture.
//!
//! `cargo test --test fuzz` runs a few thousand inputs; a long run:
//! `FUZZ_SECONDS=600 cargo test --release --test fuzz -- --nocapture`
//! (`FUZZ_SEED` picks another sequence).

use ctg::i18n::Lang;
use ctg::render::diagnostics::{Paths, render_json, render_text};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Inputs of the short run inside `cargo test`.
const SHORT_RUN: u64 = 2_000;

mod mutation;
use mutation::mutate;
use mutation::seeded::Seeded as Rng;

/// A seed: the plan file it stands for and its bytes.
struct Seed {
    file: PathBuf,
    bytes: Vec<u8>,
}

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn seeds() -> Vec<Seed> {
    let mut seeds = Vec::new();
    for plan in ["examples/demo", "plan"] {
        for path in yaml_files(&repo(plan)) {
            let file = PathBuf::from(path.file_name().unwrap_or_default());
            seeds.push(Seed {
                file,
                bytes: std::fs::read(&path).unwrap_or_default(),
            });
        }
        for path in yaml_files(&repo(plan).join("actions")) {
            seeds.push(Seed {
                file: PathBuf::from("actions/1.2.1.yaml"),
                bytes: std::fs::read(&path).unwrap_or_default(),
            });
        }
    }
    for path in yaml_files(&repo("tests/corpus")) {
        let bytes = std::fs::read(&path).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        let file = text
            .lines()
            .find_map(|l| l.strip_prefix("# file: "))
            .unwrap_or("actions/1.2.1.yaml")
            .trim()
            .to_string();
        seeds.push(Seed {
            file: PathBuf::from(file),
            bytes,
        });
    }
    seeds
}

/// Loads, checks and renders the plan at `root` in `lang`.
fn exercise(root: &Path, lang: Lang) {
    let loaded = ctg::load::load(root);
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default();
    let diagnostics = ctg::check::check(&loaded, as_of);
    let paths = Paths {
        root: Path::new("plan"),
    };
    let _ = render_text(&diagnostics, &loaded, &paths, lang, false, Some(80));
    let _ = render_json(&diagnostics, &loaded, &paths, lang);
}

fn copy_plan(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("actions")).unwrap();
    for dir in ["", "actions"] {
        for path in yaml_files(&from.join(dir)) {
            std::fs::copy(&path, to.join(dir).join(path.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn mutated_plans_never_crash_load_check_or_render() {
    let seconds: Option<u64> = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok());
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x00c7_6f22_2026);
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("plan");
    copy_plan(&repo("examples/demo"), &root);
    let seeds = seeds();
    let mut rng = Rng(seed | 1);
    let findings_dir = repo("target/fuzz-findings");
    let (start, mut executions, mut findings) = (Instant::now(), 0u64, 0u64);
    std::panic::set_hook(Box::new(|_| {}));
    loop {
        let done = match seconds {
            Some(s) => start.elapsed() >= Duration::from_secs(s),
            None => executions >= SHORT_RUN,
        };
        if done {
            break;
        }
        let seed = &seeds[rng.below(seeds.len())];
        let mut input = seed.bytes.clone();
        mutate(&mut rng, &mut input);
        let target = root.join(&seed.file);
        let original = std::fs::read(&target).ok();
        std::fs::write(&target, &input).unwrap();
        let lang = if executions % 2 == 0 {
            Lang::Fr
        } else {
            Lang::En
        };
        if std::panic::catch_unwind(|| exercise(&root, lang)).is_err() {
            findings += 1;
            std::fs::create_dir_all(&findings_dir).unwrap();
            let name = format!("{executions}-{}", seed.file.display()).replace('/', "_");
            std::fs::write(findings_dir.join(name), &input).unwrap();
        }
        match original {
            Some(bytes) => std::fs::write(&target, bytes).unwrap(),
            None => std::fs::remove_file(&target).unwrap(),
        }
        executions += 1;
    }
    let _ = std::panic::take_hook();
    eprintln!(
        "fuzz: {executions} executions in {:.0} s from {} seeds, {findings} findings",
        start.elapsed().as_secs_f64(),
        seeds.len()
    );
    assert_eq!(
        findings,
        0,
        "inputs that crashed are in {}",
        findings_dir.display()
    );
}

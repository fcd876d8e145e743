//! Sets of files written whole or not at all: the folder outputs
//! (`schema`, `report --format csv`, `man` with `--output DIR`) and the new
//! plans of `init` and `renew`, even when killed at any moment.

#![cfg(unix)]

use crate::common::TestEnv;
use std::path::Path;

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
            ["detail.csv", "indicators.csv"],
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

//! The README's procedure to remove a note from the git history for good
//! (`docs/forget.sh`), run on a throwaway repository: after it, no commit,
//! no object of the repository holds the text, and the plan still validates.

use crate::common::{TestEnv, isolate};

#[test]
fn a_forgotten_text_is_in_no_commit_and_no_object() {
    let env = TestEnv::demo();
    let sheet = "actions/1.1.1-navette.yaml";
    env.git_init();
    let mut text = env.read(sheet);
    text.push_str("\n  - date: 2024-11-02\n    note: Rappeler Mme Durand au 06 12 34 56 78\n");
    env.write(sheet, &text);
    env.git(&["commit", "-q", "-am", "a note with a phone number"]);
    env.edit(sheet, "Rappeler Mme Durand", "Rappeler la famille");
    env.git(&["commit", "-q", "-am", "a later edit"]);
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/forget.sh");
    let mut cmd = std::process::Command::new("bash");
    isolate(&mut cmd);
    let out = cmd
        .arg(script)
        .args(["06 12 34 56 78", "[retiré]"])
        .current_dir(env.dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let history = env.git(&["log", "-p", "--all"]);
    assert!(!history.contains("06 12 34 56 78"), "{history}");
    assert!(
        history.contains("[retiré]"),
        "the note is kept, the number replaced"
    );
    let objects = env.git(&["cat-file", "--batch-all-objects", "--batch"]);
    assert!(
        !objects.contains("06 12 34 56 78"),
        "an old object still holds it"
    );
    assert!(env.read(sheet).contains("Rappeler la famille au [retiré]"));
    assert_eq!(env.run(&["validate"]).code, 0);
}

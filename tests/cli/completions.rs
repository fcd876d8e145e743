//! `ctg completions`: scripts for every shell; bash's completes ids from the plan.

use crate::common::{TestEnv, isolate, succeed};

/// Runs bash in the plan's folder with the completion script loaded, `ctg`
/// on the PATH, and `words` (the last one being completed) given to the
/// completion function; returns COMPREPLY, one item a line.
fn complete(env: &TestEnv, words: &[&str]) -> String {
    let script = env.run(&["completions", "bash"]);
    assert_eq!(script.code, 0, "{}", script.stderr);
    std::fs::write(env.dir.path().join("ctg.bash"), &script.stdout).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("ctg");
    let dir = bin.parent().unwrap().display().to_string();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source ../ctg.bash
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE=\"${{COMP_WORDS[*]}}\"
COMP_POINT=${{#COMP_LINE}}
_ctg_ids ctg \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"
printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words = quoted.join(" ")
    );
    let mut bash = std::process::Command::new("bash");
    isolate(&mut bash);
    let path = format!("{dir}:{}", std::env::var("PATH").unwrap_or_default());
    succeed(
        bash.current_dir(env.plan())
            .env("PATH", path)
            .args(["-c", &program]),
    )
}

#[test]
fn the_bash_script_is_valid_bash() {
    let env = TestEnv::empty();
    let script = env.run(&["completions", "bash"]);
    assert_eq!(script.code, 0);
    let path = env.dir.path().join("ctg.bash");
    std::fs::write(&path, &script.stdout).unwrap();
    succeed(std::process::Command::new("bash").arg("-n").arg(&path));
}

#[test]
fn record_tab_completes_the_sheet_ids() {
    let env = TestEnv::demo();
    assert_eq!(
        complete(&env, &["ctg", "record", ""]),
        "1.1.1\n1.1.2\n1.2.1\n2.1.1\n2.1.2\n2.2.1\n"
    );
    assert_eq!(
        complete(&env, &["ctg", "record", "2."]),
        "2.1.1\n2.1.2\n2.2.1\n"
    );
}

#[test]
fn options_complete_the_ids_they_take() {
    let env = TestEnv::demo();
    assert_eq!(complete(&env, &["ctg", "status", "--axis", ""]), "1\n2\n");
    let partners = complete(&env, &["ctg", "set", "1.1.1", "--lead", ""]);
    assert!(partners.lines().any(|p| p == "ccvl"), "{partners}");
    assert_eq!(complete(&env, &["ctg", "sta"]), "status\n");
}

#[test]
fn every_shell_gets_a_script() {
    let env = TestEnv::empty();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = env.run(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains("record"), "{shell}");
    }
}

#[test]
fn the_zsh_script_completes_sheet_ids_from_the_plan() {
    if crate::report::installed(&["zsh"], "--version", "zsh").is_none() {
        return;
    }
    let env = TestEnv::demo();
    let script = env.run(&["--lang", "en", "completions", "zsh"]);
    assert_eq!(script.code, 0, "{}", script.stderr);
    let path = env.dir.path().join("_ctg");
    std::fs::write(&path, &script.stdout).unwrap();
    succeed(std::process::Command::new("zsh").arg("-n").arg(&path));
    assert!(
        script
            .stdout
            .contains("':id -- The action sheet (e.g. 2.1.1):_ctg_ids sheet'"),
        "record's sheet argument completes sheet ids"
    );
    // The function the specs call, run as `_arguments` calls an action
    // (its compadd options first, then the action's words), with zsh's
    // `compadd` stubbed to print the array it is given with `-a`, as
    // `ctg --plan plan record <TAB>` would.
    let bin = assert_cmd::cargo::cargo_bin("ctg");
    let dir = bin.parent().unwrap().display().to_string();
    let program = format!(
        "compdef() {{ :; }}
source {}
compadd() {{ print -l -- \"compadd $*\"; while (( $# )); do [[ $1 == -a ]] && print -l -- ${{(P)2}}; shift; done }}
words=(ctg --plan plan record '')
_ctg_ids -J -default- sheet",
        path.display()
    );
    let mut zsh = std::process::Command::new("zsh");
    isolate(&mut zsh);
    let path_var = format!("{dir}:{}", std::env::var("PATH").unwrap_or_default());
    let out = succeed(
        zsh.current_dir(env.dir.path())
            .env("PATH", path_var)
            .args(["-f", "-c", &program]),
    );
    assert_eq!(
        out,
        "compadd -J -default- -a ids\n1.1.1\n1.1.2\n1.2.1\n2.1.1\n2.1.2\n2.2.1\n"
    );
}

/// The seven canonical statuses, as the scripts offer them.
const STATUSES: &str = "planned in-progress paused blocked postponed done abandoned";

#[test]
fn status_completes_the_seven_statuses_not_file_names() {
    let env = TestEnv::demo();
    assert_eq!(
        complete(&env, &["ctg", "status", "--status", ""]),
        STATUSES.replace(' ', "\n") + "\n"
    );
    assert_eq!(
        complete(&env, &["ctg", "record", "1.1.1", "--status", "p"]),
        "planned\npaused\npostponed\n"
    );
    let zsh = env.run(&["--lang", "en", "completions", "zsh"]).stdout;
    let spec = format!(":STATUS:({STATUSES})'");
    assert_eq!(
        zsh.matches(&spec).count(),
        3,
        "status, budget and record: {zsh}"
    );
    let fish = env.run(&["--lang", "en", "completions", "fish"]).stdout;
    let status = fish
        .lines()
        .find(|l| l.contains("using_subcommand status\" -l status"))
        .unwrap();
    assert!(status.contains("-f -a \"planned"), "{status}");
}

#[test]
fn the_hidden_ids_command_is_offered_by_no_shell() {
    let env = TestEnv::empty();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = env.run(&["completions", shell]).stdout;
        let offered = script.lines().find(|l| {
            l.contains(" __ids ") && l.contains("opts=")
                || l.starts_with("'__ids:")
                || l.contains("-a \"__ids\"")
                || l.contains("::new('__ids'")
                || l.contains("cand __ids")
        });
        assert_eq!(offered, None, "{shell}");
    }
    assert_eq!(complete(&TestEnv::demo(), &["ctg", "__"]), "\n");
}

#[test]
fn descriptions_follow_the_session_language() {
    let env = TestEnv::empty();
    let french = env.run(&["--lang", "fr", "completions", "fish"]).stdout;
    assert!(
        french.contains("-a \"record\" -d 'Ajouter un suivi daté"),
        "{french}"
    );
    let english = env.run(&["--lang", "en", "completions", "fish"]).stdout;
    assert!(english.contains("-a \"record\" -d 'Append one dated"));
    // Without --lang, the plan found from the current folder decides, as
    // for the commands that read it (the demo is French).
    let demo = TestEnv::demo();
    let zsh = demo
        .run_with_env(&[("LANG", "")], &["completions", "zsh"])
        .stdout;
    assert!(zsh.contains("'record:Ajouter un suivi daté"), "{zsh}");
}

#[test]
fn comma_lists_complete_their_last_item() {
    let env = TestEnv::demo();
    assert_eq!(
        complete(&env, &["ctg", "set", "1.1.1", "--partners", "ccvl,ca"]),
        "ccvl,caf-exemple\n"
    );
    assert_eq!(
        complete(&env, &["ctg", "set", "1.1.1", "--partners", "m"]),
        "maison-jeunes\n"
    );
    let zsh = env.run(&["--lang", "en", "completions", "zsh"]).stdout;
    for (option, kind) in [
        ("partners", "partner"),
        ("fields", "field"),
        ("tracks", "track"),
    ] {
        let line = zsh
            .lines()
            .find(|l| l.starts_with(&format!("'*--{option}=[")))
            .unwrap();
        assert!(
            line.ends_with(&format!(":_sequence _ctg_ids - {kind}' \\")),
            "{line}"
        );
    }
}

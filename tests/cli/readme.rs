//! Every `$ ctg …` example of README.md, run with the real binary and
//! compared with what the README says it prints, so that no example drifts.
//!
//! A fenced block whose first line is `$ ctg …` (or `$ VAR=value ctg …`) is a
//! transcript. Each `$ ` line is a command, `ctg` or `git` (to show what a
//! command changed), continued on the next line after a trailing `\`; the
//! lines under it, up to the next `$ ` line or the end of the block, are what
//! it prints, stdout and stderr as they interleave. They must match exactly,
//! but for a line `…` (alone, or followed by a space and a remark), which
//! stands for any lines, and blank lines at the end of an output. The
//! commands of a block run in order in one new folder (`work/` in a temporary
//! folder, so that `../x` stays in it), set up as the README's one
//! `<!-- ctg examples: … -->` comment says, with what a `<!-- ctg: … -->`
//! comment just above the block adds. A block under `<!-- not run: why -->`
//! is left out; nothing else is.
//!
//! The words of those comments:
//! - `plan=DIR`: the folder of this repository copied as `plan/` (`none`: no
//!   plan);
//! - `NAME=VALUE` (upper case): an environment variable;
//! - `gen="DIR --plans N --sheets N --entries N --seed N"`: plans generated
//!   into `DIR` as `cargo run --example gen_plans -- …` writes them;
//! - `edit="FILE: FROM => TO"`: the first `FROM` of `FILE` replaced by `TO`;
//! - `git`: the folder made a git repository with everything committed.
//!
//! A failure shows each example that differs: its README line, its command,
//! its exit code and a diff of the README's lines against what was printed.
//! `README_ACTUAL=DIR cargo test --test cli readme` also writes each command's
//! whole output to `DIR/LINE.txt`, to copy from.

use crate::generate;

use crate::common::{copy_dir, isolate};
use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};

const README: &str = "README.md";

/// A fenced block of the README that is run.
struct Block {
    /// 1-based line of the block's first command.
    line: usize,
    /// The set-up words: the README's defaults, then the block's own.
    setup: Vec<String>,
    commands: Vec<Example>,
}

/// A command line: its program, the assignments before it, its arguments.
type Parsed = (Program, Vec<(String, String)>, Vec<String>);

/// The programs a transcript runs: `ctg`, and `git` to show what it did.
#[derive(Clone, Copy, PartialEq)]
enum Program {
    Ctg,
    Git,
}

/// One `$ ctg …` line and what the README says it prints.
struct Example {
    line: usize,
    /// The command as written (continuation lines joined).
    text: String,
    program: Program,
    /// `VAR=value` written before the program.
    env: Vec<(String, String)>,
    args: Vec<String>,
    expected: Vec<String>,
}

/// What a README comment says of the block under it.
enum Mark {
    None,
    Setup(Vec<String>),
    NotRun,
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(README)).unwrap()
}

/// What a comment line `<!-- PREFIX … -->` says after its prefix, or None.
fn comment_text<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let inner = line
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    Some(inner.strip_prefix(prefix)?.trim())
}

/// The words of a comment line `<!-- PREFIX … -->`, or None.
fn comment_words(line: &str, prefix: &str) -> Option<Vec<String>> {
    let rest = comment_text(line, prefix)?;
    Some(shell_words(rest).unwrap_or_else(|e| panic!("{README}: `{line}`: {e}")))
}

/// Splits a command line as a POSIX shell would, for what README commands
/// use: single and double quotes, backslash escapes and line continuations,
/// `#` comments. Pipes, redirections and expansions are refused: an example
/// is one `ctg` process.
fn shell_words(text: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => words.extend(word.take()),
            '#' if word.is_none() => break,
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => return Err("a ' is not closed".into()),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => w.push(c),
                            Some('\n') => {}
                            Some(c) => {
                                w.push('\\');
                                w.push(c);
                            }
                            None => return Err("a \" is not closed".into()),
                        },
                        Some(c @ ('$' | '`')) => {
                            return Err(format!("`{c}` inside double quotes is not supported"));
                        }
                        Some(c) => w.push(c),
                        None => return Err("a \" is not closed".into()),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(c) => word.get_or_insert_with(String::new).push(c),
                None => return Err("a line ends with `\\` and nothing follows".into()),
            },
            '|' | '&' | ';' | '<' | '>' | '$' | '`' | '(' | ')' | '*' | '?' | '~' => {
                return Err(format!(
                    "`{c}` is shell syntax the README harness does not run"
                ));
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

/// `NAME=VALUE` with an upper-case NAME, as a shell assignment.
fn assignment(word: &str) -> Option<(String, String)> {
    let (name, value) = word.split_once('=')?;
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    ok.then(|| (name.to_string(), value.to_string()))
}

/// The command of a `$ ` line (its continuation lines included): its
/// program, the assignments before it and its arguments, or None when it is
/// neither `ctg` nor `git`.
fn parse_command(text: &str, line: usize) -> Option<Parsed> {
    let words = shell_words(text).unwrap_or_else(|e| panic!("{README}:{line}: `{text}`: {e}"));
    let mut env = Vec::new();
    let mut words = words.into_iter();
    for word in words.by_ref() {
        match assignment(&word) {
            Some(pair) => env.push(pair),
            None if word == "ctg" => return Some((Program::Ctg, env, words.collect())),
            None if word == "git" => return Some((Program::Git, env, words.collect())),
            None => return None,
        }
    }
    None
}

/// An elision line: `…`, alone or followed by a space and a remark.
fn is_elision(line: &str) -> bool {
    line.strip_prefix('…')
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
}

/// The README's defaults and its transcript blocks, in order.
fn parse(text: &str) -> (Vec<String>, Vec<Block>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut defaults: Option<Vec<String>> = None;
    let mut blocks = Vec::new();
    let mut mark = Mark::None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if let Some(words) = comment_words(line, "ctg examples:") {
            assert!(
                defaults.is_none(),
                "{README}:{}: a second `<!-- ctg examples: -->`: the environment is stated once",
                i + 1
            );
            defaults = Some(words);
        } else if let Some(words) = comment_words(line, "ctg:") {
            mark = Mark::Setup(words);
        } else if let Some(why) = comment_text(line, "not run:") {
            assert!(
                !why.is_empty(),
                "{README}:{}: `<!-- not run: -->` says why the block is not run",
                i + 1
            );
            mark = Mark::NotRun;
        } else if trimmed.starts_with("```") {
            let indent = line.len() - trimmed.len();
            let start = i + 1;
            let mut end = start;
            while end < lines.len() && lines[end].trim() != "```" {
                end += 1;
            }
            assert!(
                end < lines.len(),
                "{README}:{}: a fence is not closed",
                i + 1
            );
            let body: Vec<&str> = lines[start..end]
                .iter()
                .map(|l| {
                    l.get(indent..)
                        .filter(|_| l.is_char_boundary(indent))
                        .unwrap_or(l.trim_start())
                })
                .collect();
            let this = std::mem::replace(&mut mark, Mark::None);
            let runs = !matches!(this, Mark::NotRun);
            let block = transcript(&body, start + 1);
            match (block, this) {
                (Some(mut block), Mark::Setup(words)) if runs => {
                    block.setup = words;
                    blocks.push(block);
                }
                (Some(block), _) if runs => blocks.push(block),
                (None, Mark::Setup(_)) => panic!(
                    "{README}:{}: a `<!-- ctg: -->` comment above a block that is no `$ ctg` transcript",
                    i + 1
                ),
                _ => {}
            }
            i = end;
        } else if !line.trim().is_empty() {
            mark = Mark::None;
        }
        i += 1;
    }
    let defaults = defaults.unwrap_or_else(|| {
        panic!(
            "{README} has no `<!-- ctg examples: … -->` comment stating the examples' environment"
        )
    });
    (defaults, blocks)
}

/// The block's commands and outputs, when its first line is `$ ctg …`.
fn transcript(body: &[&str], first_line: usize) -> Option<Block> {
    let first = body.first()?.strip_prefix("$ ")?;
    // Another program's transcript (`$ docs/forget.sh …`) is not read further.
    let program = first.split_whitespace().find(|w| assignment(w).is_none());
    if program != Some("ctg") {
        return None;
    }
    let mut commands: Vec<Example> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let line = first_line + i;
        let Some(start) = body[i].strip_prefix("$ ") else {
            commands
                .last_mut()
                .unwrap()
                .expected
                .push(body[i].to_string());
            i += 1;
            continue;
        };
        let mut text = start.to_string();
        while text.ends_with('\\') && i + 1 < body.len() {
            i += 1;
            text.push('\n');
            text.push_str(body[i]);
        }
        let (program, env, args) = parse_command(&text, line).unwrap_or_else(|| {
            panic!("{README}:{line}: `{text}` in a `$ ctg` transcript runs neither ctg nor git")
        });
        commands.push(Example {
            line,
            text,
            program,
            env,
            args,
            expected: Vec::new(),
        });
        i += 1;
    }
    Some(Block {
        line: first_line,
        setup: Vec::new(),
        commands,
    })
}

/// The folder a block runs in, set up by its words.
struct Folder {
    _tmp: tempfile::TempDir,
    work: std::path::PathBuf,
    env: Vec<(String, String)>,
}

fn git(dir: &Path, args: &[&str]) {
    let mut cmd = Command::new("git");
    isolate(&mut cmd);
    let out = cmd.current_dir(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn generate(work: &Path, value: &str, block: usize) {
    let words = shell_words(value).unwrap();
    let (dir, flags) = words.split_first().unwrap();
    let mut spec = generate::Spec {
        seed: 1,
        plans: 1,
        sheets: 27,
        entries: 20,
        milestones: 2,
        indicators: 1,
    };
    for pair in flags.chunks(2) {
        let n: usize = pair[1].parse().unwrap();
        match pair[0].as_str() {
            "--seed" => spec.seed = n as u64,
            "--plans" => spec.plans = n,
            "--sheets" => spec.sheets = n,
            "--entries" => spec.entries = n,
            "--milestones" => spec.milestones = n,
            "--indicators" => spec.indicators = n,
            other => panic!("{README}:{block}: gen: unknown option {other}"),
        }
    }
    if spec.plans == 1 {
        generate::write_plan(&work.join(dir), &spec, 0).unwrap();
    } else {
        generate::write_plans(&work.join(dir), &spec).unwrap();
    }
}

fn set_up(block: &Block, defaults: &[String]) -> Folder {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let mut plan = None;
    let mut env = Vec::new();
    let mut edits = Vec::new();
    let mut gens = Vec::new();
    let mut with_git = false;
    for word in defaults.iter().chain(&block.setup) {
        if let Some(pair) = assignment(word) {
            env.retain(|(name, _)| *name != pair.0);
            env.push(pair);
        } else if let Some(dir) = word.strip_prefix("plan=") {
            plan = Some(dir.to_string());
        } else if let Some(edit) = word.strip_prefix("edit=") {
            edits.push(edit.to_string());
        } else if let Some(spec) = word.strip_prefix("gen=") {
            gens.push(spec.to_string());
        } else if word == "git" {
            with_git = true;
        } else {
            panic!("{README}:{}: unknown set-up word `{word}`", block.line);
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match plan.as_deref() {
        None | Some("none") => {}
        Some(dir) => copy_dir(&root.join(dir), &work.join("plan")),
    }
    for spec in &gens {
        generate(&work, spec, block.line);
    }
    for edit in &edits {
        let (file, change) = edit
            .split_once(": ")
            .unwrap_or_else(|| panic!("{README}:{}: edit=\"FILE: FROM => TO\"", block.line));
        let (from, to) = change
            .split_once(" => ")
            .unwrap_or_else(|| panic!("{README}:{}: edit=\"FILE: FROM => TO\"", block.line));
        let path = work.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(from),
            "{README}:{}: {file} does not contain {from:?}",
            block.line
        );
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    if with_git {
        git(&work, &["init", "-q", "-b", "main"]);
        git(&work, &["add", "-A"]);
        git(&work, &["commit", "-q", "-m", "plan"]);
    }
    Folder {
        _tmp: tmp,
        work,
        env,
    }
}

/// Runs one example; its exit code and its stdout and stderr through one
/// pipe, in the order they were written.
fn run(folder: &Folder, example: &Example) -> (i32, String) {
    let (mut reader, writer) = std::io::pipe().unwrap();
    let mut child = {
        let mut cmd = Command::new(match example.program {
            Program::Ctg => env!("CARGO_BIN_EXE_ctg"),
            Program::Git => "git",
        });
        isolate(&mut cmd);
        cmd.current_dir(&folder.work)
            .envs(folder.env.iter().map(|(k, v)| (k, v)))
            .envs(example.env.iter().map(|(k, v)| (k, v)))
            .args(&example.args)
            .stdin(Stdio::null())
            .stdout(writer.try_clone().unwrap())
            .stderr(writer);
        cmd.spawn().unwrap()
    };
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).unwrap();
    let status = child.wait().unwrap();
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// Whether `actual` is `expected`, each `…` line standing for any lines.
fn matches(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if is_elision(first) => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(a, actual)| a == first && matches(rest, actual)),
    }
}

/// The lines of an output, without the blank lines at its end.
fn trimmed_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut lines: Vec<&str> = lines.into_iter().collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines
}

/// What a person needs to fix the README: where, the command, and the
/// README's lines against what was printed, as a diff.
fn failure(example: &Example, code: i32, expected: &[&str], actual: &[&str]) -> String {
    let expected: String = expected.iter().map(|l| format!("{l}\n")).collect();
    let actual: String = actual.iter().map(|l| format!("{l}\n")).collect();
    let diff = similar::TextDiff::from_lines(&expected, &actual)
        .unified_diff()
        .context_radius(3)
        .header("README.md", "printed")
        .to_string();
    format!(
        "{README}:{}: $ {}\n(exit {code})\n{}",
        example.line,
        example.text,
        visible(&diff)
    )
}

/// The text with the characters a reader cannot see made visible: `⍽` for
/// a no-break space (French puts one before `:`, `;` and `%`), `⟨U+XXXX⟩`
/// for the others.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{a0}' => "⍽".to_string(),
            '\u{202f}' | '\u{feff}' | '\u{200b}' | '\u{2060}' | '\r' => {
                format!("⟨U+{:04X}⟩", c as u32)
            }
            c => c.to_string(),
        })
        .collect()
}

/// Runs a block's commands in order in one new folder; the failures, one
/// text each. With `README_ACTUAL=DIR`, each command's whole output is also
/// written to `DIR/LINE.txt`, to copy from.
fn run_block(block: &Block, defaults: &[String]) -> Vec<String> {
    let folder = set_up(block, defaults);
    let mut failures = Vec::new();
    for example in &block.commands {
        let (code, output) = run(&folder, example);
        if let Some(dir) = std::env::var_os("README_ACTUAL") {
            let path = Path::new(&dir).join(format!("{}.txt", example.line));
            std::fs::write(path, &output).unwrap();
        }
        let expected = trimmed_lines(example.expected.iter().map(String::as_str));
        let actual = trimmed_lines(output.lines());
        if !matches(&expected, &actual) {
            failures.push(failure(example, code, &expected, &actual));
        }
    }
    failures
}

/// Every block, on as many threads as there are cores; the failures in
/// README order.
fn run_all(blocks: &[Block], defaults: &[String]) -> Vec<String> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut results: Vec<(usize, Vec<String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(block) = blocks.get(i) else {
                            return done;
                        };
                        done.push((i, run_block(block, defaults)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().flat_map(|(_, f)| f).collect()
}

#[test]
fn every_readme_example_prints_what_the_readme_says() {
    let (defaults, blocks) = parse(&readme());
    let count: usize = blocks.iter().map(|b| b.commands.len()).sum();
    assert!(
        count >= 30,
        "only {count} `$ ctg` examples found in {README}"
    );
    let failures = run_all(&blocks, &defaults);
    assert!(
        failures.is_empty(),
        "{} of the {count} README examples do not print what {README} shows \
         (`-` the README, `+` what was printed; a line `…` stands for any lines; \
         `⍽` is a no-break space, U+00A0):\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The README states its examples' environment in words: each `NAME=VALUE`
/// of the `<!-- ctg examples: -->` comment, and its plan, is written in the
/// text.
#[test]
fn the_readme_states_the_examples_environment() {
    let text = readme();
    let (defaults, _) = parse(&text);
    for word in &defaults {
        let stated = match word.strip_prefix("plan=") {
            Some(dir) => format!("`{dir}/`"),
            None => format!("`{word}`"),
        };
        assert!(
            text.contains(&stated),
            "{README}: the examples' environment has {word} but the text never says {stated}"
        );
    }
}

/// An example edited by one character fails, and says where and how.
#[test]
fn an_edited_example_fails_with_its_command_and_a_diff() {
    let text = readme().replacen(
        "plan valide\u{a0}: 1 axe, 1 objectif",
        "plan valide\u{a0}: 2 axes, 1 objectif",
        1,
    );
    let (defaults, blocks) = parse(&text);
    let block = blocks
        .iter()
        .find(|b| {
            b.commands
                .iter()
                .any(|c| c.args == ["--plan", "ctg-vaunage", "validate"])
        })
        .expect("the init example");
    let failures = run_block(block, &defaults);
    assert_eq!(failures.len(), 1, "{failures:?}");
    let failure = &failures[0];
    assert!(
        failure.contains("$ ctg --plan ctg-vaunage validate")
            && failure.contains("-plan valide⍽: 2 axes, 1 objectif")
            && failure.contains("+plan valide⍽: 1 axe, 1 objectif"),
        "{failure}"
    );
}

#[test]
fn commands_split_as_a_shell_splits_them() {
    assert_eq!(
        shell_words(
            "ctg record 1.2.1 --note \"Accord \\\"trouvé\\\"\" \\\n    --by 'A B' # a remark"
        )
        .unwrap(),
        [
            "ctg",
            "record",
            "1.2.1",
            "--note",
            "Accord \"trouvé\"",
            "--by",
            "A B"
        ]
    );
    assert!(shell_words("ctg status | head").is_err());
    assert!(shell_words("ctg status > out").is_err());
    let (program, env, args) =
        parse_command("COLUMNS=80 ctg --as-of 2025-06-30 report 2024", 1).unwrap();
    assert!(program == Program::Ctg);
    assert_eq!(env, [("COLUMNS".to_string(), "80".to_string())]);
    assert_eq!(args, ["--as-of", "2025-06-30", "report", "2024"]);
    assert!(parse_command("docs/forget.sh a b", 1).is_none());
}

#[test]
fn an_elision_line_stands_for_any_lines() {
    assert!(matches(&["a", "…", "d"], &["a", "b", "c", "d"]));
    assert!(matches(&["a", "…", "d"], &["a", "d"]));
    assert!(matches(&["a", "…  (b and c)"], &["a", "b", "c"]));
    assert!(!matches(&["a", "…", "d"], &["a", "b", "c"]));
    assert!(!matches(&["a", "b"], &["a", "b", "c"]));
    assert!(!matches(&["│ …  ┆"], &["│ x  ┆"]));
}

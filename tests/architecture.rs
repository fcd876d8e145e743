//! The library's module graph has no import cycle: no module uses another
//! that uses it back (directly or through others). Each file of `src/`
//! (the binary's `cli/` aside) is a module; an edge is a `crate::…`,
//! `super::…` or `self::…` path in its code (comments and its `tests`
//! module aside) that names another module, a child's use of its own
//! ancestors excepted (a child naturally uses its parent's types).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/write/mod.rs` -> `write`, `src/check/ids.rs` -> `check::ids`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|p| p != "mod" && p != "lib")
        .collect();
    parts.join("::")
}

/// The code of a file without comments and without its `mod tests`.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path starting with `crate`, `super` or `self`, with the names of
/// a `{…}` group after it spelled out.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .find(|p| code_at(&bytes, i, p) && (i == 0 || !is_ident(bytes[i - 1])));
        let Some(_) = starts else {
            i += 1;
            continue;
        };
        let mut parts = Vec::new();
        let mut word = String::new();
        while i < bytes.len() {
            let c = bytes[i];
            if is_ident(c) {
                word.push(c);
                i += 1;
            } else if code_at(&bytes, i, "::") {
                parts.push(std::mem::take(&mut word));
                i += 2;
            } else {
                break;
            }
        }
        if !word.is_empty() {
            parts.push(word);
        }
        if i < bytes.len() && bytes[i] == '{' {
            let end = (i..bytes.len()).find(|&j| bytes[j] == '}').unwrap_or(i);
            let group: String = bytes[i + 1..end].iter().collect();
            for name in group.split(',') {
                let first = name.trim().split("::").next().unwrap_or("").trim();
                if !first.is_empty() && first != "self" {
                    let mut p = parts.clone();
                    p.push(first.to_string());
                    out.push(p);
                }
            }
            i = end;
        } else {
            out.push(parts);
        }
    }
    out
}

fn code_at(chars: &[char], i: usize, s: &str) -> bool {
    s.chars()
        .enumerate()
        .all(|(k, c)| chars.get(i + k) == Some(&c))
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The module a path names: its longest prefix that is a module.
fn resolve(from: &str, path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => rest = &path[1..],
        Some("self") => {
            parts = from.split("::").map(String::from).collect();
            rest = &path[1..];
        }
        Some("super") => {
            parts = from.split("::").map(String::from).collect();
            while rest.first().map(String::as_str) == Some("super") {
                parts.pop();
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    parts.extend(rest.iter().cloned());
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find(|m| modules.contains(m))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.retain(|f| !f.starts_with(src.join("cli")) && f != &src.join("main.rs"));
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        let mut to = BTreeSet::new();
        for path in paths(&code(&text)) {
            if let Some(m) = resolve(&from, &path, &modules) {
                let ancestor = from.starts_with(&format!("{m}::")) || m.is_empty();
                if m != from && !ancestor {
                    to.insert(m);
                }
            }
        }
        edges.insert(from, to);
    }
    edges
}

/// A cycle through `start`, if any (depth-first).
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|n| n == node) {
            let mut c = stack[i..].to_vec();
            c.push(node.to_string());
            return Some(c);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_library_has_no_import_cycle() {
    let edges = graph();
    assert!(edges.len() > 50, "the modules were found: {}", edges.len());
    assert!(
        edges["write"].contains("check") && edges["write::entry"].contains("record"),
        "the edges were found: {:?}",
        edges["write"]
    );
    if let Some(c) = cycle(&edges) {
        panic!("import cycle: {}", c.join(" -> "));
    }
}

/// The same graph with each module folded into its top-level one
/// (`check::ids` into `check`): the library's parts form layers, none
/// reaching back up into one that uses it (`diag` does not use `render`,
/// `i18n` nothing of the domain).
#[test]
fn the_top_level_modules_form_layers() {
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in graph() {
        let head = |m: &str| m.split("::").next().unwrap_or("").to_string();
        let entry = top.entry(head(&from)).or_default();
        entry.extend(to.iter().map(|t| head(t)).filter(|t| *t != head(&from)));
    }
    assert!(top["i18n"].iter().all(|m| m == "safe"), "{:?}", top["i18n"]);
    if let Some(c) = cycle(&top) {
        panic!("the top-level modules loop: {}", c.join(" -> "));
    }
}

#[test]
fn a_cycle_would_be_found() {
    let mut edges = graph();
    edges.get_mut("check").unwrap().insert("write".to_string());
    assert!(cycle(&edges).is_some(), "write -> check -> write");
}

#[test]
fn the_library_never_names_the_cli() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files.iter().filter(|f| !f.starts_with(src.join("cli"))) {
        let text = code(&std::fs::read_to_string(file).unwrap());
        assert!(
            !text.contains("crate::cli") || file.ends_with("main.rs"),
            "{} reaches into the CLI",
            file.display()
        );
    }
}

/// Sentences live in the language layer and the message catalogues (each
/// an implementation of `Localize`), never inline where reports are
/// computed or drawn: no `lang.pick(` in those parts of the library.
#[test]
fn renderers_and_computations_hold_no_sentence() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in [
        "render", "report", "compute", "check", "decode", "yaml", "edit",
    ] {
        rust_files(&src.join(part), &mut files);
    }
    for single in [
        "load.rs",
        "model",
        "git.rs",
        "parallel.rs",
        "dates.rs",
        "input.rs",
    ] {
        let path = src.join(single);
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else if path.exists() {
            files.push(path);
        }
    }
    assert!(files.len() > 30, "{}", files.len());
    for file in &files {
        let text = code(&std::fs::read_to_string(file).unwrap());
        assert!(
            !text.contains(".pick("),
            "{} picks a language inline: put the sentence in the catalogue (i18n::L) or a phrase",
            file.display()
        );
    }
}

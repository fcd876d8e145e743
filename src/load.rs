//! Finding the plan folder and reading every file in it.
//!
//! Every file is read, even after another failed; a file with any problem is
//! left out of the plan (so its mistakes cannot cascade) and marked unread,
//! which tells the checks which references they cannot verify.

use crate::decode::{self, Decoder};
use crate::diag::{Diagnostic, IgnoredReason, Problem, Severity, Unreadable};
use crate::model::{Plan, Sheet, id_order};
use crate::yaml::{self, Node, ParseErrorKind, Pos};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Files over this size are refused (`too-large`).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A plan as read from disk, with what went wrong.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The plan folder.
    pub root: PathBuf,
    /// Everything that could be read.
    pub plan: Plan,
    /// The text of each file read, by path relative to the plan folder.
    pub sources: BTreeMap<PathBuf, String>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// Which parts could not be read.
    pub unread: Unread,
}

/// Parts of the plan that could not be read, whose references are not checked.
#[derive(Debug, Default, Clone, Copy)]
pub struct Unread {
    /// `convention.yaml` (fields, period).
    pub convention: bool,
    /// `partners.yaml`.
    pub partners: bool,
    /// `axes.yaml`.
    pub axes: bool,
    /// `tracks.yaml`.
    pub tracks: bool,
    /// At least one sheet.
    pub sheets: bool,
}

/// Why the plan folder itself cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FindError {
    /// `--plan` names a folder that is not there.
    #[error("{0}")]
    NotAFolder(PathBuf),
    /// No plan from the current folder upward.
    #[error("no plan found")]
    NotFound(PathBuf),
}

/// The plan folder: `explicit` if given, else the first folder from `start`
/// upward holding `convention.yaml` or `plan/convention.yaml`.
pub fn find_plan(explicit: Option<&Path>, start: &Path) -> Result<PathBuf, FindError> {
    if let Some(dir) = explicit {
        return if dir.is_dir() {
            Ok(dir.to_path_buf())
        } else {
            Err(FindError::NotAFolder(dir.to_path_buf()))
        };
    }
    for dir in start.ancestors() {
        if dir.join("convention.yaml").is_file() {
            return Ok(dir.to_path_buf());
        }
        if dir.join("plan").join("convention.yaml").is_file() {
            return Ok(dir.join("plan"));
        }
    }
    Err(FindError::NotFound(start.to_path_buf()))
}

const ROOT_FILES: [&str; 4] = [
    "convention.yaml",
    "partners.yaml",
    "axes.yaml",
    "tracks.yaml",
];

/// Reads the plan folder at `root`.
pub fn load(root: &Path) -> Loaded {
    let mut loaded = Loaded {
        root: root.to_path_buf(),
        ..Loaded::default()
    };
    note_ignored_root_files(&mut loaded);
    let [convention, partners, axes, tracks] =
        ROOT_FILES.map(|name| read_file(root, Path::new(name)));
    match finish(&mut loaded, convention, decode::decode_convention) {
        Some(c) => loaded.plan.convention = c,
        None => loaded.unread.convention = true,
    }
    match finish(&mut loaded, partners, decode::decode_partners) {
        Some(p) => loaded.plan.partners = p,
        None => loaded.unread.partners = true,
    }
    match finish(&mut loaded, axes, decode::decode_axes) {
        Some(a) => loaded.plan.axes = a,
        None => loaded.unread.axes = true,
    }
    match finish(&mut loaded, tracks, decode::decode_tracks) {
        Some(t) => loaded.plan.tracks = t,
        None => loaded.unread.tracks = true,
    }
    let sheet_files = list_sheet_files(&mut loaded);
    for (path, read) in read_in_parallel(root, sheet_files) {
        match finish(&mut loaded, read, decode::decode_sheet) {
            Some(sheet) => loaded.plan.sheets.push(Sheet {
                file: path,
                ..sheet
            }),
            None => loaded.unread.sheets = true,
        }
    }
    loaded.plan.sheets.sort_by(|a, b| id_order(&a.id, &b.id));
    loaded
}

/// One file read and parsed, or the diagnostic that stopped it.
struct Read {
    path: PathBuf,
    outcome: Result<(String, Node), Diagnostic>,
}

fn read_file(root: &Path, rel: &Path) -> Read {
    let fail = |problem, pos: Pos| {
        Err(Diagnostic {
            severity: Severity::Error,
            problem,
            file: rel.to_path_buf(),
            pos,
            width: 1,
        })
    };
    let outcome = (|| {
        let full = root.join(rel);
        let meta = match std::fs::metadata(&full) {
            Ok(m) => m,
            Err(e) => {
                return fail(unreadable(&e), Pos::default());
            }
        };
        if meta.len() > MAX_FILE_BYTES {
            return fail(Problem::TooLarge { bytes: meta.len() }, Pos::default());
        }
        let bytes = match std::fs::read(&full) {
            Ok(b) => b,
            Err(e) => {
                return fail(unreadable(&e), Pos::default());
            }
        };
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        let text = match String::from_utf8(bytes) {
            Ok(t) if !utf16 => t,
            _ => return fail(Problem::NotUtf8 { utf16 }, Pos::default()),
        };
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text);
        match yaml::parse(&text) {
            Ok(node) => Ok((text, node)),
            Err(e) => {
                let problem = match e.kind {
                    ParseErrorKind::Syntax => Problem::YamlSyntax { detail: e.detail },
                    ParseErrorKind::DuplicateKey => Problem::DuplicateKey,
                    ParseErrorKind::TooDeep => Problem::TooDeep,
                    ParseErrorKind::TooManyAliases => Problem::TooManyAliases,
                    ParseErrorKind::NonFinite => Problem::BadNumber {
                        text: token_at(&text, e.pos),
                    },
                };
                fail(problem, e.pos)
            }
        }
    })();
    Read {
        path: rel.to_path_buf(),
        outcome,
    }
}

fn unreadable(e: &std::io::Error) -> Problem {
    let cause = match e.kind() {
        std::io::ErrorKind::NotFound => Unreadable::NotFound,
        std::io::ErrorKind::PermissionDenied => Unreadable::Denied,
        _ => Unreadable::Other(e.to_string()),
    };
    Problem::Unreadable { cause }
}

/// The plain token at `pos` (for `.nan` and `.inf`, which the parser rejects).
fn token_at(text: &str, pos: Pos) -> String {
    let line = text
        .lines()
        .nth(pos.line.saturating_sub(1) as usize)
        .unwrap_or_default();
    let rest: String = line
        .chars()
        .skip(pos.col.saturating_sub(1) as usize)
        .collect();
    rest.split(|c: char| c.is_whitespace() || ",]}#".contains(c))
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Decodes a read file, keeps its source and problems; `None` if it had any.
fn finish<T>(
    loaded: &mut Loaded,
    read: Read,
    decode: impl Fn(&mut Decoder, &Node) -> Option<T>,
) -> Option<T> {
    let (text, node) = match read.outcome {
        Ok(ok) => ok,
        Err(diag) => {
            if let Ok(text) = std::fs::read_to_string(loaded.root.join(&read.path)) {
                loaded.sources.insert(
                    read.path.clone(),
                    text.trim_start_matches('\u{feff}').to_string(),
                );
            }
            loaded.diagnostics.push(diag);
            return None;
        }
    };
    let mut decoder = Decoder::new(&text);
    let value = decode(&mut decoder, &node);
    let clean = decoder.found.is_empty();
    loaded
        .diagnostics
        .extend(decoder.found.into_iter().map(|f| Diagnostic {
            severity: Severity::Error,
            problem: f.problem,
            file: read.path.clone(),
            pos: f.pos,
            width: f.width,
        }));
    loaded.sources.insert(read.path, text);
    value.filter(|_| clean)
}

fn list_sheet_files(loaded: &mut Loaded) -> Vec<PathBuf> {
    let dir = loaded.root.join("actions");
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            loaded.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                problem: unreadable(&e),
                file: PathBuf::from("actions"),
                pos: Pos::default(),
                width: 1,
            });
            loaded.unread.sheets = true;
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = PathBuf::from("actions").join(&name);
        if name.starts_with('.') {
            continue;
        }
        if entry.path().is_dir() {
            loaded
                .diagnostics
                .push(ignored(rel, IgnoredReason::SubFolder));
        } else if name.ends_with(".yml") {
            loaded
                .diagnostics
                .push(ignored(rel, IgnoredReason::YmlExtension));
        } else if name.ends_with(".yaml") {
            files.push(rel);
        }
    }
    files.sort();
    files
}

fn note_ignored_root_files(loaded: &mut Loaded) {
    let Ok(entries) = std::fs::read_dir(&loaded.root) else {
        return;
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || entry.path().is_dir() {
            continue;
        }
        if name.ends_with(".yml") {
            found.push(ignored(PathBuf::from(&name), IgnoredReason::YmlExtension));
        } else if name.ends_with(".yaml") && !ROOT_FILES.contains(&name.as_str()) {
            found.push(ignored(
                PathBuf::from(&name),
                IgnoredReason::UnknownRootFile,
            ));
        }
    }
    loaded.diagnostics.extend(found);
}

fn ignored(file: PathBuf, reason: IgnoredReason) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        problem: Problem::IgnoredFile { reason },
        file,
        pos: Pos::default(),
        width: 1,
    }
}

/// Reads and parses the sheet files on every core; order is kept.
fn read_in_parallel(root: &Path, files: Vec<PathBuf>) -> Vec<(PathBuf, Read)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| (p.clone(), read_file(root, p)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

//! Finding the plan folder and reading every file in it.
//!
//! Every file is read, even after another failed; a file with any problem is
//! left out of the plan (so its mistakes cannot cascade) and marked unread,
//! which tells the checks which references they cannot verify.

use crate::decode::{self, Decoder};
use crate::diag::{Diagnostic, FileKind, IgnoredReason, Problem, Severity, Unreadable};
use crate::model::{Plan, Sheet, id_order};
use crate::yaml::{self, Node, ParseErrorKind, Pos};
use std::collections::BTreeMap;
use std::io::Read;
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
    /// Sheets decoded with errors: left out of the plan, but their references
    /// (partners, fields, tracks) are still checked, so that one mistake
    /// does not hide another.
    pub damaged: Vec<Sheet>,
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
#[derive(Debug)]
pub enum FindError {
    /// `--plan` names a folder that is not there.
    NotAFolder(PathBuf),
    /// `--plan` names a folder that holds neither `convention.yaml` nor
    /// `plan/convention.yaml`.
    NoPlanIn(PathBuf),
    /// No plan from the current folder upward.
    NotFound(PathBuf),
}

/// The plan folder: `explicit` if given, else the first folder from `start`
/// upward holding `convention.yaml` or `plan/convention.yaml`.
pub fn find_plan(explicit: Option<&Path>, start: &Path) -> Result<PathBuf, FindError> {
    if let Some(dir) = explicit {
        return if !dir.is_dir() {
            Err(FindError::NotAFolder(dir.to_path_buf()))
        } else if dir.join("convention.yaml").is_file() {
            Ok(dir.to_path_buf())
        } else if dir.join("plan").join("convention.yaml").is_file() {
            Ok(dir.join("plan"))
        } else {
            Err(FindError::NoPlanIn(dir.to_path_buf()))
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

/// The `language` of the plan's `convention.yaml`, when the file reads
/// without error (the full load reports it otherwise).
pub fn convention_language(root: &Path) -> Option<String> {
    read_and_decode(
        root,
        Path::new("convention.yaml"),
        decode::decode_convention,
    )
    .value?
    .language
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
    let file = |name: &str| PathBuf::from(name);
    let convention = read_and_decode(root, &file("convention.yaml"), decode::decode_convention);
    match absorb(&mut loaded, convention) {
        Some(c) => loaded.plan.convention = c,
        None => loaded.unread.convention = true,
    }
    match absorb(
        &mut loaded,
        read_and_decode(root, &file("partners.yaml"), decode::decode_partners),
    ) {
        Some(p) => loaded.plan.partners = p,
        None => loaded.unread.partners = true,
    }
    match absorb(
        &mut loaded,
        read_and_decode(root, &file("axes.yaml"), decode::decode_axes),
    ) {
        Some(a) => loaded.plan.axes = a,
        None => loaded.unread.axes = true,
    }
    match absorb(
        &mut loaded,
        read_and_decode(root, &file("tracks.yaml"), decode::decode_tracks),
    ) {
        Some(t) => loaded.plan.tracks = t,
        None => loaded.unread.tracks = true,
    }
    let sheet_files = list_sheet_files(&mut loaded);
    for decoded in crate::parallel::map_in_order(&sheet_files, |p| {
        read_and_decode(root, p, decode::decode_sheet)
    }) {
        let path = decoded.path.clone();
        let clean = decoded.diagnostics.is_empty();
        match absorb_partial(&mut loaded, decoded).map(|s| Sheet { file: path, ..s }) {
            Some(sheet) if clean => loaded.plan.sheets.push(sheet),
            Some(sheet) => {
                loaded.damaged.push(sheet);
                loaded.unread.sheets = true;
            }
            None => loaded.unread.sheets = true,
        }
    }
    loaded.plan.sheets.sort_by(|a, b| id_order(&a.id, &b.id));
    loaded
}

/// One file read, parsed and decoded, with its problems and its text.
struct Decoded<T> {
    path: PathBuf,
    value: Option<T>,
    diagnostics: Vec<Diagnostic>,
    source: Option<String>,
}

/// Reads, parses and decodes one file; the node tree is dropped at once.
fn read_and_decode<T>(
    root: &Path,
    rel: &Path,
    decode: impl Fn(&mut Decoder, &Node) -> Option<T>,
) -> Decoded<T> {
    let failed = |diag, source| Decoded {
        path: rel.to_path_buf(),
        value: None,
        diagnostics: vec![diag],
        source,
    };
    let text = match read_text(root, rel) {
        Ok(text) => text,
        Err(diag) => return failed(diag, None),
    };
    let node = match yaml::parse(&text) {
        Ok(node) => node,
        Err(e) => {
            let diag = Diagnostic {
                severity: Severity::Error,
                problem: parse_problem(e.kind, &text, e.pos),
                file: rel.to_path_buf(),
                pos: e.pos,
                width: 1,
            };
            return failed(diag, Some(text));
        }
    };
    let mut decoder = Decoder::new(&text);
    let value = decode(&mut decoder, &node);
    let diagnostics: Vec<Diagnostic> = decoder
        .found
        .into_iter()
        .map(|f| Diagnostic {
            severity: Severity::Error,
            problem: f.problem,
            file: rel.to_path_buf(),
            pos: f.pos,
            width: f.width,
        })
        .collect();
    drop(node);
    Decoded {
        path: rel.to_path_buf(),
        value,
        diagnostics,
        source: Some(text),
    }
}

/// Keeps a decoded file's source and problems in `loaded`; its value if it had none.
fn absorb<T>(loaded: &mut Loaded, decoded: Decoded<T>) -> Option<T> {
    let clean = decoded.diagnostics.is_empty();
    absorb_partial(loaded, decoded).filter(|_| clean)
}

/// Keeps a decoded file's source and problems in `loaded`; its value as far
/// as it could be decoded, errors or not.
fn absorb_partial<T>(loaded: &mut Loaded, decoded: Decoded<T>) -> Option<T> {
    loaded.diagnostics.extend(decoded.diagnostics);
    if let Some(source) = decoded.source {
        loaded.sources.insert(decoded.path, source);
    }
    decoded.value
}

/// Reads one file as text, without its byte-order mark.
fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let diag = |problem| Diagnostic {
        severity: Severity::Error,
        problem,
        file: rel.to_path_buf(),
        pos: Pos::default(),
        width: 1,
    };
    let bytes = read_plan_file(root, rel).map_err(diag)?;
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    match String::from_utf8(bytes) {
        Ok(mut text) if !utf16 => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        _ => Err(diag(Problem::NotUtf8 { utf16 })),
    }
}

/// The diagnostic of a parse failure at `pos` in `text`.
pub fn parse_problem(kind: ParseErrorKind, text: &str, pos: Pos) -> Problem {
    match kind {
        ParseErrorKind::Syntax(kind) => Problem::YamlSyntax { kind },
        ParseErrorKind::DuplicateKey => Problem::DuplicateKey {
            journal_entry: is_journal_entry_key(text, pos),
        },
        ParseErrorKind::TooDeep => Problem::TooDeep,
        ParseErrorKind::TooManyAliases => Problem::TooManyAliases,
    }
}

/// True when the key at `pos` starts its line, is a journal entry's key and
/// sits in an item of the root `journal:` list: the shape of an entry whose
/// `- ` was forgotten, so that its keys land in the entry above.
fn is_journal_entry_key(text: &str, pos: Pos) -> bool {
    let (before, rest) = yaml::split_line_at(text, pos);
    let key = rest.split(':').next().unwrap_or_default();
    if !before.trim().is_empty() || !decode::ENTRY_KEYS.contains(&key) {
        return false;
    }
    let indent = before.len();
    let lines: Vec<&str> = text.lines().collect();
    let at = (pos.line.saturating_sub(1) as usize).min(lines.len());
    lines[..at]
        .iter()
        .rev()
        .map(|l| (l.len() - l.trim_start().len(), l.trim_start()))
        .filter(|(i, l)| {
            !l.is_empty() && !l.starts_with('#') && *i < indent && !l.starts_with("- ")
        })
        .map(|(_, l)| l)
        .next()
        .is_some_and(|parent| parent.starts_with("journal:"))
}

/// The bytes of the plan file `rel`, read only if it is a regular file
/// inside the plan folder (after following links), never blocking on a FIFO
/// and never reading more than [`MAX_FILE_BYTES`] and one byte.
fn read_plan_file(root: &Path, rel: &Path) -> Result<Vec<u8>, Problem> {
    let full = root.join(rel);
    let own = std::fs::symlink_metadata(&full).map_err(|e| unreadable(&e))?;
    let is_link = own.file_type().is_symlink();
    let written_target = || std::fs::read_link(&full).ok();
    let real = match std::fs::canonicalize(&full) {
        Ok(real) => real,
        Err(_) if is_link => {
            return Err(Problem::Unreadable {
                cause: Unreadable::BrokenLink {
                    target: written_target().unwrap_or_default(),
                },
            });
        }
        Err(e) => return Err(unreadable(&e)),
    };
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if !real.starts_with(&real_root) {
        return Err(Problem::Unreadable {
            cause: Unreadable::Outside {
                target: written_target().unwrap_or(real),
            },
        });
    }
    let not_a_file = |kind| Problem::Unreadable {
        cause: Unreadable::NotAFile(kind),
    };
    let meta = std::fs::metadata(&real).map_err(|e| unreadable(&e))?;
    if let Some(kind) = FileKind::of(meta.file_type()) {
        return Err(not_a_file(kind));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Problem::TooLarge { bytes: meta.len() });
    }
    let file = open_without_blocking(&real).map_err(|e| unreadable(&e))?;
    // The file may have been swapped since the check above.
    let meta = file.metadata().map_err(|e| unreadable(&e))?;
    if let Some(kind) = FileKind::of(meta.file_type()) {
        return Err(not_a_file(kind));
    }
    // Sized once from the file's length (within the limit checked above).
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    let read = bytes.len() as u64;
    if read > MAX_FILE_BYTES {
        return Err(Problem::TooLarge {
            bytes: read.max(meta.len()),
        });
    }
    Ok(bytes)
}

/// Opens `path` for reading; on Unix with `O_NONBLOCK`, so that a FIFO put
/// there after the type check does not block (regular files read as usual).
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

fn unreadable(e: &std::io::Error) -> Problem {
    let cause = match e.kind() {
        std::io::ErrorKind::NotFound => Unreadable::NotFound,
        std::io::ErrorKind::PermissionDenied => Unreadable::Denied,
        std::io::ErrorKind::IsADirectory => Unreadable::Folder,
        _ => Unreadable::Other(e.raw_os_error()),
    };
    Problem::Unreadable { cause }
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
        // Anything named `*.yaml` is a sheet to read, whatever it is: a
        // folder, FIFO or link that cannot be read says so as an error.
        if name.ends_with(".yaml") {
            files.push(rel);
        } else if entry.path().is_dir() {
            loaded
                .diagnostics
                .push(ignored(rel, IgnoredReason::SubFolder));
        } else if name.ends_with(".yml") {
            loaded
                .diagnostics
                .push(ignored(rel, IgnoredReason::YmlExtension));
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

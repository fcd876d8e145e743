//! `--output FILE`: which format an extension asks for, refusing one the
//! command cannot write, and writing the file atomically with one line on
//! stderr saying what was written where.

use super::args::TableFormat;
use super::context::Context;
use super::messages::Msg;
use super::{Failure, tell};
use ctg::diag::FileKind;
use ctg::i18n::Lang;
use ctg::render::document::Document;
use ctg::write::Refusal;
use std::path::{Path, PathBuf};

/// The extensions of `status`, `log`, `summary`, `report` and `evaluation`
/// (`.txt`: the table).
pub(super) const TABULAR: [&str; 7] = [".md", ".csv", ".json", ".html", ".xlsx", ".ods", ".txt"];
/// The extensions of `timeline`.
pub(super) const TIMELINE: [&str; 4] = [".md", ".svg", ".html", ".txt"];

/// The extension of `--output`, lower-cased.
pub(super) enum Extension {
    /// No `--output`, or a file name without an extension.
    None,
    /// An extension that names a format ctg knows: `md`, `csv`, `json`,
    /// `html`, `htm`, `xlsx`, `ods`, `svg`, `txt`, `markdown`.
    Known(&'static str),
    /// Any other extension.
    Other,
}

/// Reads the extension of `path`, case-insensitively.
pub(super) fn extension(path: Option<&Path>) -> Extension {
    let Some(ext) = path.and_then(Path::extension) else {
        return Extension::None;
    };
    let lower = ext.to_string_lossy().to_lowercase();
    const KNOWN: [&str; 10] = [
        "md", "markdown", "csv", "json", "html", "htm", "xlsx", "ods", "svg", "txt",
    ];
    KNOWN
        .into_iter()
        .find(|k| *k == lower)
        .map_or(Extension::Other, Extension::Known)
}

/// The format an `--output` extension asks of a tabular command; one it
/// cannot write is refused.
pub(super) fn format(path: Option<&Path>) -> Result<TableFormat, Failure> {
    Ok(match extension(path) {
        Extension::None | Extension::Known("txt") => TableFormat::Table,
        Extension::Known("md" | "markdown") => TableFormat::Markdown,
        Extension::Known("csv") => TableFormat::Csv,
        Extension::Known("json") => TableFormat::Json,
        Extension::Known("html" | "htm") => TableFormat::Html,
        Extension::Known("xlsx") => TableFormat::Xlsx,
        Extension::Known("ods") => TableFormat::Ods,
        _ => return Err(refuse(path, &TABULAR)),
    })
}

/// The refusal of an `--output` whose extension the command cannot write
/// (exit 2, nothing written).
pub(super) fn refuse(path: Option<&Path>, accepted: &'static [&'static str]) -> Failure {
    Failure::Usage(Msg::CannotWriteFormat {
        path: path.map(Path::to_path_buf).unwrap_or_default(),
        accepted,
    })
}

/// Writes `doc` as a workbook (`kind`: `xlsx` or `ods`) to `path`, which a
/// workbook needs.
pub(super) fn workbook(
    ctx: &Context,
    doc: &Document,
    kind: &'static str,
    lang: Lang,
    path: Option<&Path>,
) -> Result<(), Failure> {
    let path = path.ok_or(Failure::Usage(Msg::WorkbookNeedsOutput(kind)))?;
    let bytes = match kind {
        "ods" => doc.ods(lang).ok(),
        _ => doc.xlsx(lang).ok(),
    };
    let bytes = bytes.ok_or(Failure::Refused(Msg::WorkbookFailed(kind)))?;
    write(ctx, path, &bytes)
}

/// Writes `bytes` to `path`, replacing it atomically (temporary file in the
/// same folder, flush, rename), then says `écrit : PATH` on stderr.
pub(super) fn write(ctx: &Context, path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    refuse_inside_plan(ctx, path)?;
    replace(path, bytes)?;
    tell(&Msg::Written(path.to_path_buf()), ctx.lang);
    Ok(())
}

/// Refuses an `--output` inside the plan folder (each plan of `portfolio`): a report written there
/// could replace `axes.yaml` or a sheet, or leave a stray file among the
/// plan's. The path is resolved as the file system will (its nearest
/// existing ancestor canonicalized, links followed).
pub(super) fn refuse_inside_plan(ctx: &Context, path: &Path) -> Result<(), Failure> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let resolved = loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            break rest
                .iter()
                .rev()
                .fold(real, |p: std::path::PathBuf, c| p.join(c));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break absolute.clone(),
        }
    };
    match ctx
        .protected
        .iter()
        .find(|(dir, _)| resolved.starts_with(dir))
    {
        Some((_, shown)) => {
            let plan = match shown.as_os_str().is_empty() {
                true => std::path::PathBuf::from("."),
                false => shown.clone(),
            };
            Err(Failure::Refused(Msg::OutputInPlan(
                path.to_path_buf(),
                plan,
            )))
        }
        None => Ok(()),
    }
}

/// Writes `files` (name, text or bytes) into `dir`, created if missing, and
/// announces them in one line. Every target is checked before the first
/// write, and every new text staged before the first file is replaced
/// ([`ctg::write::replace_files`]): a refusal or a failure writes none of
/// them, so that "nothing was written" is true. Only a rename failing
/// after others succeeded leaves part of the set, and says which.
pub(super) fn write_into<B: AsRef<[u8]>>(
    dir: &Path,
    files: &[(String, B)],
    lang: Lang,
) -> Result<(), Failure> {
    let targets: Vec<PathBuf> = files.iter().map(|(name, _)| dir.join(name)).collect();
    for target in &targets {
        refuse_non_regular(target)?;
    }
    let created = !dir.exists();
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Refused(Msg::CannotWrite(dir.to_path_buf(), e.kind())))?;
    let set: Vec<(&Path, &[u8])> = targets
        .iter()
        .zip(files)
        .map(|(path, (_, bytes))| (path.as_path(), bytes.as_ref()))
        .collect();
    if let Err(failure) = ctg::write::replace_files(&set) {
        if failure.written == 0 {
            if created {
                let _ = std::fs::remove_dir(dir);
            }
            let kind = failure.error.kind();
            return Err(Failure::Refused(Msg::CannotWrite(failure.path, kind)));
        }
        return Err(Refusal::PartlyWritten {
            written: targets[..failure.written].to_vec(),
            failed: failure.path,
            kind: failure.error.kind(),
        }
        .into());
    }
    tell(&Msg::WrittenInto(dir.to_path_buf(), files.len()), lang);
    Ok(())
}

/// Writes `bytes` to `path` atomically, saying nothing. A `path` that exists
/// and is not a regular file is refused ([`refuse_non_regular`]). A new
/// file gets `0666` less the umask; a replaced one keeps its mode.
pub(super) fn replace(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    refuse_non_regular(path)?;
    ctg::write::replace_file(path, bytes)
        .map_err(|e| Failure::Refused(Msg::CannotWrite(path.to_path_buf(), e.kind())))
}

/// Refuses a `path` that exists and is not a regular file (a link, a
/// folder, a FIFO, a device): replacing it would cut a link or swallow a
/// device, not write the file.
fn refuse_non_regular(path: &Path) -> Result<(), Failure> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => match FileKind::of(meta.file_type()) {
            Some(kind) => Err(Failure::Refused(Msg::NotARegularFile(
                path.to_path_buf(),
                kind,
            ))),
            None => Ok(()),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Failure::Refused(Msg::CannotWrite(
            path.to_path_buf(),
            e.kind(),
        ))),
    }
}

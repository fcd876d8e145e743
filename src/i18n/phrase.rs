//! Phrases that many sentences share, written once.

use super::Lang;
use std::io::ErrorKind;

/// "did you mean `s`?", French with its no-break space before `?`.
pub fn did_you_mean(s: &str, lang: Lang) -> String {
    lang.pick(
        format!("did you mean `{s}`?"),
        format!("vouliez-vous dire `{s}`\u{a0}?"),
    )
}

/// " (did you mean `s`?)" when there is a suggestion, else nothing.
pub fn mean(suggestion: &Option<String>, lang: Lang) -> String {
    suggestion
        .as_deref()
        .map_or_else(String::new, |s| format!(" ({})", did_you_mean(s, lang)))
}

/// "nothing was written", which ends every refusal of a writer.
pub fn nothing_written(lang: Lang) -> &'static str {
    lang.pick("nothing was written", "rien n'a été écrit")
}

/// Why a file operation failed, in plain words (never the system's wording).
pub fn io_reason(kind: ErrorKind, lang: Lang) -> &'static str {
    match kind {
        ErrorKind::NotFound => lang.pick("the folder does not exist", "le dossier n'existe pas"),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            lang.pick("permission denied", "accès refusé")
        }
        ErrorKind::AlreadyExists => lang.pick("it already exists", "il existe déjà"),
        ErrorKind::IsADirectory => lang.pick("it is a folder", "c'est un dossier"),
        ErrorKind::NotADirectory => lang.pick(
            "a part of the path is not a folder",
            "une partie du chemin n'est pas un dossier",
        ),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            lang.pick("the disk is full", "le disque est plein")
        }
        ErrorKind::InvalidData => lang.pick("it is not UTF-8 text", "ce n'est pas du texte UTF-8"),
        _ => lang.pick("the system refused", "le système a refusé"),
    }
}

/// A path on one line, safe to print.
pub fn path(p: &std::path::Path) -> String {
    crate::safe::safe_line(&p.display().to_string())
}

/// "`what` not checked: `file` could not be read" (`what` given in both languages).
pub fn not_checked(en: &str, fr: &str, file: &str, lang: Lang) -> String {
    lang.pick(
        format!("{en} not checked: {file} could not be read"),
        format!("{fr} non vérifiés\u{a0}: {file} n'a pas pu être lu"),
    )
}

/// The separator of a list of clauses: `; `, French `\u{a0}; `.
pub fn semicolon(lang: Lang) -> &'static str {
    lang.pick("; ", "\u{a0}; ")
}

/// What is said of `text` when it is not a date the command line reads
/// ([`crate::dates::parse_cli_date`]).
pub fn bad_date(text: &str, lang: Lang) -> String {
    lang.pick(
        format!("`{text}` is not a date from 1900 to 2999: write YYYY-MM-DD or DD/MM/YYYY"),
        format!(
            "`{text}` n'est pas une date de 1900 à 2999\u{a0}: écrivez JJ/MM/AAAA ou AAAA-MM-JJ"
        ),
    )
}

//! `ctg schema`: JSON Schemas of the five file kinds, for editors that read
//! a `# yaml-language-server: $schema=` line (VS Code's YAML extension,
//! Neovim, Helix). They are built with `schemars` from the format as the
//! decoder reads it ([`crate::decode`]): every key described in English and
//! French, enumerations with their French spellings, the id patterns, and
//! what editors read differently (`id: 1.2` is a number to them) accepted
//! as `ctg` accepts it.

mod files;
mod parts;

use schemars::Schema;

/// The five file kinds, by the name their schema file takes
/// (`schema/<name>.schema.json`).
pub const KINDS: [&str; 5] = ["convention", "partners", "axes", "tracks", "sheet"];

/// The schema of one file kind, by its name in [`KINDS`].
pub fn schema(kind: &str) -> Option<Schema> {
    match kind {
        "convention" => Some(files::convention()),
        "partners" => Some(files::partners()),
        "axes" => Some(files::axes()),
        "tracks" => Some(files::tracks()),
        "sheet" => Some(files::sheet()),
        _ => None,
    }
}

/// The file name of a kind's schema.
pub fn file_name(kind: &str) -> String {
    format!("{kind}.schema.json")
}

/// Every schema with its file name, as pretty JSON ending with a newline.
pub fn rendered() -> Vec<(String, String)> {
    KINDS
        .iter()
        .filter_map(|kind| {
            let text = serde_json::to_string_pretty(&schema(kind)?).ok()?;
            Some((file_name(kind), format!("{text}\n")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn every_status_spelling_in_the_schema_is_one_ctg_reads() {
        let spellings = parts::status_spellings();
        assert!(spellings.len() > 14);
        for s in &spellings {
            assert!(Status::parse(s).is_some(), "{s}");
        }
        for s in Status::spellings() {
            assert!(spellings.iter().any(|t| t == s), "{s}");
        }
    }

    #[test]
    fn every_kind_has_a_schema() {
        assert_eq!(rendered().len(), KINDS.len());
    }
}

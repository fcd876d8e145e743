//! `ctg schema`: JSON Schemas of the five file kinds, for editors that read
//! a `# yaml-language-server: $schema=` line (VS Code's YAML extension,
//! Neovim, Helix). They are built with `schemars` from the format as the
//! decoder reads it ([`crate::decode`]): every key described in English and
//! French, enumerations with their French spellings, the id patterns, and
//! what editors read differently (`id: 1.2` is a number to them) accepted
//! as `ctg` accepts it.

mod files;
mod parts;

use crate::model::Plan;
use schemars::Schema;

/// The five file kinds, by the name their schema file takes
/// (`schema/<name>.schema.json`).
pub const KINDS: [&str; 5] = ["convention", "partners", "axes", "tracks", "sheet"];

/// A plan's ids that its schemas offer as completions (`examples`) where a
/// file names a partner, a field or a track; none in the generic schemas
/// (those of `schema/`, of `ctg init` and of `ctg renew`).
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// Partner ids: signatories, a sheet's lead and partners.
    pub partners: Vec<String>,
    /// Field ids: a sheet's fields, a track's field.
    pub fields: Vec<String>,
    /// Track ids: a sheet's tracks.
    pub tracks: Vec<String>,
}

impl Examples {
    /// The ids of `plan`, in the order of its files.
    pub fn of(plan: &Plan) -> Examples {
        Examples {
            partners: plan.partners.iter().map(|p| p.id.value.clone()).collect(),
            fields: plan
                .convention
                .fields
                .iter()
                .map(|f| f.id.value.clone())
                .collect(),
            tracks: plan.tracks.iter().map(|t| t.id.value.clone()).collect(),
        }
    }
}

/// The generic schema of one file kind, by its name in [`KINDS`].
pub fn schema(kind: &str) -> Option<Schema> {
    schema_with(kind, &Examples::default())
}

/// The schema of one file kind offering `ids`.
pub fn schema_with(kind: &str, ids: &Examples) -> Option<Schema> {
    match kind {
        "convention" => Some(files::convention(ids)),
        "partners" => Some(files::partners()),
        "axes" => Some(files::axes()),
        "tracks" => Some(files::tracks(ids)),
        "sheet" => Some(files::sheet(ids)),
        _ => None,
    }
}

/// The file name of a kind's schema.
pub fn file_name(kind: &str) -> String {
    format!("{kind}.schema.json")
}

/// Every generic schema with its file name, as pretty JSON ending with a
/// newline: what `schema/` holds.
pub fn rendered() -> Vec<(String, String)> {
    rendered_with(&Examples::default())
}

/// Every schema offering `ids`, with its file name, as pretty JSON ending
/// with a newline.
pub fn rendered_with(ids: &Examples) -> Vec<(String, String)> {
    KINDS
        .iter()
        .filter_map(|kind| {
            let text = serde_json::to_string_pretty(&schema_with(kind, ids)?).ok()?;
            Some((file_name(kind), format!("{text}\n")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    /// Spellings to try: each key as written, in capitals, capitalised,
    /// with its accents (composed, decomposed, in capitals), with spaces or
    /// underscores, around spaces; and near misses.
    fn candidates() -> Vec<String> {
        const ACCENTED: [(&str, &str); 5] = [
            ("a-venir", "à-venir"),
            ("bloquee", "bloquée"),
            ("reportee", "reportée"),
            ("realisee", "réalisée"),
            ("abandonnee", "abandonnée"),
        ];
        let mut words: Vec<String> = Vec::new();
        for key in Status::spellings() {
            words.push(key.to_string());
            if let Some((_, a)) = ACCENTED.iter().find(|(k, _)| *k == key) {
                words.push(a.to_string());
                words.push(a.replace('é', "e\u{301}").replace('à', "a\u{300}"));
                words.push(a.replace('é', "è"));
                words.push(a.replace('é', "ë"));
            }
        }
        let mut out = Vec::new();
        for w in &words {
            let mut title = w.clone();
            if let Some(first) = title.get(..1) {
                title = format!("{}{}", first.to_uppercase(), &w[1..]);
            }
            let mixed: String = w
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            for v in [w.clone(), w.to_uppercase(), title, mixed] {
                for sep in ["-", " ", "_", "  ", "\t", "--", ""] {
                    let spelt = v.replace('-', sep);
                    out.push(spelt.clone());
                    out.push(format!("  {spelt} "));
                    out.push(format!("{spelt}-"));
                    out.push(format!("\u{301}{spelt}"));
                    out.push(format!("{spelt}\u{301}"));
                    out.push(format!("{spelt} \u{301}"));
                }
            }
        }
        out.extend(
            [
                "finie",
                "",
                " ",
                "en",
                "done!",
                "ÀVENIR",
                "À VENIR",
                "ÉN COURS",
            ]
            .map(String::from),
        );
        out
    }

    /// The status pattern of the schemas accepts exactly what ctg reads
    /// (`Bloquée`, `EN COURS`, decomposed accents, `en_Cours`), no more.
    #[test]
    fn the_status_pattern_is_what_ctg_reads() {
        let pattern = regex::Regex::new(&parts::status_pattern()).unwrap();
        let candidates = candidates();
        assert!(candidates.len() > 1000);
        let mut read = 0;
        for text in &candidates {
            let reads = Status::parse(text).is_some();
            read += usize::from(reads);
            assert_eq!(pattern.is_match(text), reads, "{text:?}");
        }
        assert!(read > 300, "{read}");
        for text in [
            "Bloquée",
            "EN COURS",
            "en_Cours",
            "re\u{301}alise\u{301}e",
            "À venir",
        ] {
            assert!(pattern.is_match(text), "{text}");
        }
    }

    #[test]
    fn every_kind_has_a_schema() {
        assert_eq!(rendered().len(), KINDS.len());
    }
}

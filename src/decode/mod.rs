//! Turning a YAML node tree into the typed plan, one file at a time.
//!
//! Unlike a derived `Deserialize`, the decoder goes on after a problem, so one
//! run reports every wrong type, missing key and unknown key of a file, each
//! at its own line, in the output language.

use crate::diag::{Expected, Problem, suggest};
use crate::yaml::{Kind, Node, Pos, Value};

mod budget;
mod dates;
mod files;
mod ids;
mod lists;
mod maps;
mod scalars;

pub use budget::{is_insee_code, is_siren};
pub use dates::parse_iso_date;
pub(crate) use files::ENTRY_KEYS;
pub(crate) use files::SHEET_KEYS;
pub use files::{decode_axes, decode_convention, decode_partners, decode_sheet, decode_tracks};
pub use ids::IdShape;

/// A problem found while decoding, before it is tied to a file.
#[derive(Debug, Clone)]
pub struct Found {
    /// What.
    pub problem: Problem,
    /// Where.
    pub pos: Pos,
    /// Characters to underline.
    pub width: usize,
}

/// Decodes one file's tree, collecting every problem.
pub struct Decoder<'a> {
    source: &'a str,
    /// Problems found so far.
    pub found: Vec<Found>,
}

/// The keys of one mapping, checked against the allowed ones: unknown keys
/// are reported by [`Decoder::keys`], and the decoders only ask for allowed
/// ones (the lookup itself goes through every key the mapping has).
pub struct Keys<'n> {
    pos: Pos,
    pairs: &'n [(Node<'n>, Node<'n>)],
    source: &'n str,
}

impl<'n> Keys<'n> {
    pub(crate) fn get(&self, key: &str) -> Option<&'n Node<'n>> {
        self.pairs
            .iter()
            .find(|(k, _)| k.scalar_str(self.source) == Some(key))
            .map(|(_, v)| v)
            .filter(|v| !matches!(v.value, Value::Null))
    }
}

impl<'a> Decoder<'a> {
    /// A decoder over `source`, the text the nodes were parsed from.
    pub fn new(source: &'a str) -> Self {
        Decoder {
            source,
            found: Vec::new(),
        }
    }

    fn report(&mut self, problem: Problem, node: &Node) {
        let width = self
            .source
            .get(node.bytes.clone())
            .map_or(1, |s| s.chars().count().max(1));
        self.found.push(Found {
            problem,
            pos: node.pos,
            width,
        });
    }

    fn report_at(&mut self, problem: Problem, pos: Pos) {
        self.found.push(Found {
            problem,
            pos,
            width: 1,
        });
    }

    fn wrong(&mut self, key: &str, expected: Expected, node: &Node) {
        let before_percent = match &node.value {
            Value::Str(t) if expected == Expected::Number => t
                .trim()
                .strip_suffix('%')
                .map(str::trim)
                .filter(|n| n.parse::<f64>().is_ok())
                .map(str::to_string),
            _ => None,
        };
        self.report(
            Problem::WrongType {
                key: key.to_string(),
                expected,
                before_percent,
            },
            node,
        );
    }

    /// The mapping's keys; unknown ones are reported with a suggestion.
    pub fn keys<'n>(&mut self, node: &'n Node<'n>, what: &str, allowed: &[&str]) -> Option<Keys<'n>>
    where
        'a: 'n,
    {
        let Value::Map(pairs) = &node.value else {
            self.wrong(what, Expected::Map, node);
            return None;
        };
        for (k, _) in pairs {
            let name = k.scalar_str(self.source).unwrap_or_default();
            if !allowed.contains(&name) {
                let suggestion = english_key(name)
                    .filter(|key| allowed.contains(key))
                    .map(str::to_string)
                    .or_else(|| suggest(name, allowed.iter().copied()));
                self.report(
                    Problem::UnknownKey {
                        key: name.to_string(),
                        suggestion,
                    },
                    k,
                );
            }
        }
        Some(Keys {
            pos: node.pos,
            pairs,
            source: self.source,
        })
    }

    pub(crate) fn missing(&mut self, keys: &Keys, key: &str) {
        self.report_at(
            Problem::MissingKey {
                key: key.to_string(),
            },
            keys.pos,
        );
    }

    /// Reports a root that is not of the expected shape.
    pub fn root_kind(&mut self, node: &Node, want: Kind, expected: Expected, what: &str) -> bool {
        if node.kind() == want {
            return true;
        }
        self.wrong(what, expected, node);
        false
    }
}

/// The English key a French word written as a key means (`avancement:` is
/// `progress:`), read in lower case, without accents.
fn english_key(name: &str) -> Option<&'static str> {
    let word: String = name
        .trim()
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'î' => 'i',
            c => c,
        })
        .collect();
    Some(match word.as_str() {
        "avancement" => "progress",
        "statut" | "etat" => "status",
        "note" | "notes" | "commentaire" | "commentaires" => "note",
        "pilote" => "lead",
        "jalons" => "milestones",
        "indicateurs" => "indicators",
        "suivi" => "journal",
        "titre" | "intitule" => "title",
        "champs" => "fields",
        "partenaires" => "partners",
        "calendrier" => "schedule",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_every_problem_of_a_mapping() {
        let src = "titel: x\nprogress: '40'\n";
        let node = crate::yaml::parse(src).unwrap();
        let mut d = Decoder::new(src);
        let keys = d.keys(&node, "sheet", &["title", "progress"]).unwrap();
        let _ = d.text(&keys, "title");
        let _ = d.opt_number(&keys, "progress");
        let codes: Vec<_> = d
            .found
            .iter()
            .map(|f| (f.problem.code(), f.pos.line))
            .collect();
        assert_eq!(
            codes,
            [("unknown-key", 1), ("missing-key", 1), ("wrong-type", 2)]
        );
    }

    #[test]
    fn french_keys_suggest_the_english_key_they_mean() {
        let src = "title: x\nAvancement: 40\nintitulé: y\nstatut: x\n";
        let node = crate::yaml::parse(src).unwrap();
        let mut d = Decoder::new(src);
        let _ = d.keys(&node, "sheet", &["title", "progress", "status"]);
        let hints: Vec<_> = d
            .found
            .iter()
            .map(|f| match &f.problem {
                Problem::UnknownKey { suggestion, .. } => suggestion.clone(),
                _ => None,
            })
            .collect();
        let want = ["progress", "title", "status"].map(|k| Some(k.to_string()));
        assert_eq!(hints, want);
    }
}

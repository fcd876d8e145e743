//! Turning a YAML node tree into the typed plan, one file at a time.
//!
//! Unlike a derived `Deserialize`, the decoder goes on after a problem, so one
//! run reports every wrong type, missing key and unknown key of a file, each
//! at its own line, in the output language.

use crate::diag::{Expected, IdExpected, Problem, suggest};
use crate::model::*;
use crate::yaml::{Kind, Node, Pos, Value};
use chrono::NaiveDate;
use std::collections::BTreeMap;

mod files;
pub(crate) use files::ENTRY_KEYS;
pub(crate) use files::SHEET_KEYS;
pub use files::{decode_axes, decode_convention, decode_partners, decode_sheet, decode_tracks};

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
                let suggestion = suggest(name, allowed.iter().copied());
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

    /// A required scalar as text.
    pub fn text(&mut self, keys: &Keys, key: &str) -> Option<String> {
        match keys.get(key) {
            None => {
                self.missing(keys, key);
                None
            }
            Some(node) => self.as_text(key, node),
        }
    }

    /// An optional scalar as text.
    pub fn opt_text(&mut self, keys: &Keys, key: &str) -> Option<String> {
        keys.get(key).and_then(|node| self.as_text(key, node))
    }

    pub(crate) fn as_text(&mut self, key: &str, node: &Node) -> Option<String> {
        let text = node.scalar_text(self.source);
        if text.is_none() {
            self.wrong(key, Expected::Text, node);
        }
        text
    }

    /// A required id, checked against `shape` (`None` for dotted ids checked elsewhere).
    pub fn id(&mut self, keys: &Keys, key: &str, shape: IdShape) -> Option<Located<String>> {
        let node = keys.get(key);
        let text = self.text(keys, key)?;
        let node = node?;
        if !shape.accepts(&text) {
            self.report(
                Problem::BadId {
                    id: text.clone(),
                    expected: shape.expected(),
                },
                node,
            );
        }
        Some(Located {
            value: text,
            pos: node.pos,
        })
    }

    /// An optional list of slugs (`[a, b]`), each located.
    pub fn slug_list(&mut self, keys: &Keys, key: &str) -> Vec<Located<String>> {
        let Some(node) = keys.get(key) else {
            return Vec::new();
        };
        let items = self.items(key, node);
        items
            .into_iter()
            .filter_map(|item| {
                let text = self.as_text(key, item)?;
                Some(Located {
                    value: text,
                    pos: item.pos,
                })
            })
            .collect()
    }

    /// An optional list of free texts.
    pub fn text_list(&mut self, keys: &Keys, key: &str) -> Vec<String> {
        let Some(node) = keys.get(key) else {
            return Vec::new();
        };
        let items = self.items(key, node);
        items
            .into_iter()
            .filter_map(|item| self.as_text(key, item))
            .collect()
    }

    /// The items of an optional list; anything else is a wrong type.
    pub fn list<'n>(&mut self, keys: &Keys<'n>, key: &str) -> Vec<&'n Node<'n>> {
        match keys.get(key) {
            None => Vec::new(),
            Some(node) => self.items(key, node),
        }
    }

    fn items<'n>(&mut self, key: &str, node: &'n Node<'n>) -> Vec<&'n Node<'n>> {
        match &node.value {
            Value::Seq(items) => items.iter().collect(),
            _ => {
                self.wrong(key, Expected::List, node);
                Vec::new()
            }
        }
    }

    /// A number (integer or float); quoted numbers are text and refused.
    pub fn number(&mut self, key: &str, node: &Node) -> Option<f64> {
        match node.value {
            Value::Int(i) if crate::model::usable_number(i as f64) => Some(i as f64),
            Value::Float(f) if crate::model::usable_number(f) => Some(f),
            Value::Int(_) | Value::Float(_) => {
                let text = node.scalar_text(self.source).unwrap_or_default();
                self.report(Problem::BadNumber { text }, node);
                None
            }
            _ => {
                self.wrong(key, Expected::Number, node);
                None
            }
        }
    }

    /// An optional number.
    pub fn opt_number(&mut self, keys: &Keys, key: &str) -> Option<Located<f64>> {
        let node = keys.get(key)?;
        self.number(key, node).map(|value| Located {
            value,
            pos: node.pos,
        })
    }

    /// A year (a whole number from 1900 to 2999).
    pub fn year(&mut self, key: &str, node: &Node) -> Option<i32> {
        match node.value {
            Value::Int(i) if (1900..=2999).contains(&i) => i32::try_from(i).ok(),
            _ => {
                self.wrong(key, Expected::Year, node);
                None
            }
        }
    }

    /// A required year.
    pub fn req_year(&mut self, keys: &Keys, key: &str) -> Option<i32> {
        match keys.get(key) {
            None => {
                self.missing(keys, key);
                None
            }
            Some(node) => self.year(key, node),
        }
    }

    /// An optional whole number ≥ 0.
    pub fn opt_count(&mut self, keys: &Keys, key: &str) -> Option<u32> {
        let node = keys.get(key)?;
        match node.value {
            Value::Int(i) if i >= 0 => u32::try_from(i).ok(),
            _ => {
                self.wrong(key, Expected::Integer, node);
                None
            }
        }
    }

    /// An optional boolean.
    pub fn opt_bool(&mut self, keys: &Keys, key: &str) -> Option<bool> {
        let node = keys.get(key)?;
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong(key, Expected::Bool, node);
                None
            }
        }
    }

    /// A date `YYYY-MM-DD`.
    pub fn date(&mut self, key: &str, node: &Node) -> Option<Located<NaiveDate>> {
        let Some(text) = node.scalar_str(self.source) else {
            self.wrong(key, Expected::Date, node);
            return None;
        };
        match parse_iso_date(text) {
            Some(value) => Some(Located {
                value,
                pos: node.pos,
            }),
            None => {
                let text = text.to_string();
                self.report(Problem::BadDate { text }, node);
                None
            }
        }
    }

    /// A required date.
    pub fn req_date(&mut self, keys: &Keys, key: &str) -> Option<Located<NaiveDate>> {
        match keys.get(key) {
            None => {
                self.missing(keys, key);
                None
            }
            Some(node) => self.date(key, node),
        }
    }

    /// An optional date.
    pub fn opt_date(&mut self, keys: &Keys, key: &str) -> Option<NaiveDate> {
        let node = keys.get(key)?;
        self.date(key, node).map(|d| d.value)
    }

    /// One word among `choices` (the spelling in the file → the value).
    pub fn choice<T: Copy>(
        &mut self,
        keys: &Keys,
        key: &str,
        words: &'static str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let node = keys.get(key)?;
        let text = self.as_text(key, node)?;
        let found = choices.iter().find(|(w, _)| *w == text).map(|(_, v)| *v);
        if found.is_none() {
            self.wrong(key, Expected::OneOf(words), node);
        }
        found
    }

    /// A status in any accepted spelling.
    pub fn status(&mut self, keys: &Keys, key: &str) -> Option<Located<Status>> {
        let node = keys.get(key)?;
        let Some(text) = node.scalar_str(self.source) else {
            self.wrong(key, Expected::Text, node);
            return None;
        };
        match Status::parse(text) {
            Some(value) => Some(Located {
                value,
                pos: node.pos,
            }),
            None => {
                let text = text.to_string();
                let suggestion = suggest(&text.to_lowercase(), Status::spellings());
                self.report(Problem::BadStatus { text, suggestion }, node);
                None
            }
        }
    }

    /// A mapping `{year: number}` of targets; a year given twice is an error.
    pub fn targets(&mut self, keys: &Keys, key: &str) -> BTreeMap<i32, Located<f64>> {
        let mut targets = BTreeMap::new();
        let Some(node) = keys.get(key) else {
            return targets;
        };
        let Value::Map(pairs) = &node.value else {
            self.wrong(key, Expected::Map, node);
            return targets;
        };
        for (k, v) in pairs {
            let year = k
                .scalar_text(self.source)
                .and_then(|t| t.parse::<i32>().ok());
            let Some(year) = year.filter(|y| (1900..=2999).contains(y)) else {
                self.wrong(key, Expected::Year, k);
                continue;
            };
            let Some(value) = self.number(key, v) else {
                continue;
            };
            if targets
                .insert(year, Located { value, pos: v.pos })
                .is_some()
            {
                self.report(Problem::DuplicateTarget { year }, k);
            }
        }
        targets
    }

    /// A mapping of `{id: number}` measures, in file order.
    pub fn measures(&mut self, keys: &Keys, key: &str) -> Vec<(Located<String>, f64)> {
        let Some(node) = keys.get(key) else {
            return Vec::new();
        };
        let Value::Map(pairs) = &node.value else {
            self.wrong(key, Expected::Map, node);
            return Vec::new();
        };
        pairs
            .iter()
            .filter_map(|(k, v)| {
                let id = k.scalar_text(self.source)?;
                let value = self.number(key, v)?;
                Some((
                    Located {
                        value: id,
                        pos: k.pos,
                    },
                    value,
                ))
            })
            .collect()
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

/// The shapes an id can take.
#[derive(Debug, Clone, Copy)]
pub enum IdShape {
    /// `[a-z0-9]+(-[a-z0-9]+)*`.
    Slug,
    /// Dotted numbers with `n` components, no leading zeros (`1`, `1.2`, `1.2.3`).
    Dotted(usize),
}

impl IdShape {
    /// True when `id` has this shape.
    pub fn accepts(self, id: &str) -> bool {
        match self {
            IdShape::Slug => {
                !id.is_empty()
                    && id.split('-').all(|part| {
                        !part.is_empty()
                            && part
                                .bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                    })
            }
            IdShape::Dotted(n) => {
                let parts: Vec<&str> = id.split('.').collect();
                parts.len() == n
                    && parts.iter().all(|p| {
                        !p.is_empty()
                            && p.bytes().all(|b| b.is_ascii_digit())
                            && !p.starts_with('0')
                    })
            }
        }
    }

    fn expected(self) -> IdExpected {
        match self {
            IdShape::Slug => IdExpected::Slug,
            IdShape::Dotted(1) => IdExpected::Axis,
            IdShape::Dotted(2) => IdExpected::Objective,
            IdShape::Dotted(_) => IdExpected::Sheet,
        }
    }
}

/// Parses a strict `YYYY-MM-DD` date: ten characters, digits and two
/// dashes, nothing else (no sign, no space inside).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.trim().as_bytes();
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *b else {
        return None;
    };
    let digits = |ds: &[u8]| -> Option<u32> {
        ds.iter().try_fold(0, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(digits(&[y0, y1, y2, y3])?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(&[m0, m1])?, digits(&[d0, d1])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_strict() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_iso_date("2024-02-29"), date(2024, 2, 29));
        assert_eq!(parse_iso_date(" 2026-12-31 "), date(2026, 12, 31));
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-05",
            "2026- 1-05",
            "+026-01-05",
            "2026/01/05",
            "26-01-2026",
            "2026-01-05T",
            "２０２６-01-05",
            "",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn id_shapes() {
        assert!(IdShape::Slug.accepts("caf-gard"));
        assert!(!IdShape::Slug.accepts("Caf"));
        assert!(!IdShape::Slug.accepts("a--b"));
        assert!(IdShape::Dotted(3).accepts("1.10.2"));
        assert!(!IdShape::Dotted(3).accepts("1.02.2"));
        assert!(!IdShape::Dotted(2).accepts("1.1.1"));
    }

    #[test]
    fn renew_keys_and_an_undated_milestone_read_back() {
        let src = "id: \"1.1.1\"\ntitle: T\nfields: [a]\nschedule: {start: 2027, end: 2031}\ncarried_from: {period: {start: 2022, end: 2026}, id: \"1.1.2\"}\nmilestones:\n  - {id: m, title: M}\n";
        let node = crate::yaml::parse(src).unwrap();
        let mut d = Decoder::new(src);
        let sheet = decode_sheet(&mut d, &node).unwrap();
        assert!(d.found.is_empty(), "{:?}", d.found);
        let from = sheet.carried_from.unwrap();
        assert_eq!((from.period.start, from.id.as_str()), (2022, "1.1.2"));
        assert!(sheet.milestones[0].due.is_none());
        let src = "name: N\nterritory: T\nperiod: {start: 2027, end: 2031}\nprevious: {name: Old, period: {start: 2022, end: 2026}}\n";
        let node = crate::yaml::parse(src).unwrap();
        let mut d = Decoder::new(src);
        let convention = decode_convention(&mut d, &node).unwrap();
        assert!(d.found.is_empty(), "{:?}", d.found);
        let previous = convention.previous.unwrap();
        assert_eq!((previous.name.as_str(), previous.period.end), ("Old", 2026));
    }

    #[test]
    fn carried_from_reads_the_spec_spelling_of_a_period() {
        let src = "id: \"1.1.1\"\ntitle: T\nfields: [a]\nschedule: {start: 2027, end: 2031}\ncarried_from: {period: 2022-2026, id: \"1.1.2\"}\n";
        let node = crate::yaml::parse(src).unwrap();
        let mut d = Decoder::new(src);
        let sheet = decode_sheet(&mut d, &node).unwrap();
        assert!(d.found.is_empty(), "{:?}", d.found);
        let from = sheet.carried_from.unwrap();
        assert_eq!((from.period.start, from.period.end), (2022, 2026));
        let bad = src.replace("2022-2026", "bientôt");
        let node = crate::yaml::parse(&bad).unwrap();
        let mut d = Decoder::new(&bad);
        assert!(decode_sheet(&mut d, &node).is_none() || !d.found.is_empty());
    }

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
}

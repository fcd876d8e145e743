//! Scalars: texts, numbers, years, counts, booleans, one word among
//! choices, statuses.

use super::{Decoder, Keys};
use crate::diag::{Expected, Problem, suggest};
use crate::model::{Located, Status};
use crate::yaml::{Node, Value};

impl<'a> Decoder<'a> {
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
}

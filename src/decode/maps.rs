//! Mappings of numbers: targets by year, measures by indicator id.

use super::{Decoder, Keys};
use crate::diag::{Expected, Problem};
use crate::model::Located;
use crate::yaml::{Node, Value};
use std::collections::BTreeMap;

impl<'a> Decoder<'a> {
    /// A mapping `{year: number}` of targets; a year given twice is an error.
    pub fn targets(&mut self, keys: &Keys, key: &str) -> BTreeMap<i32, Located<f64>> {
        self.by_year(
            keys,
            key,
            |d, v| d.number(key, v).map(|value| Located { value, pos: v.pos }),
            |year| Problem::DuplicateTarget { year },
        )
    }

    /// A mapping `{year: value}`, each value read by `read`; a year given
    /// twice is reported as `twice` says.
    pub(super) fn by_year<T>(
        &mut self,
        keys: &Keys,
        key: &str,
        mut read: impl FnMut(&mut Self, &Node) -> Option<Located<T>>,
        twice: fn(i32) -> Problem,
    ) -> BTreeMap<i32, Located<T>> {
        let mut out = BTreeMap::new();
        let Some(node) = keys.get(key) else {
            return out;
        };
        let Value::Map(pairs) = &node.value else {
            self.wrong(key, Expected::Map, node);
            return out;
        };
        for (k, v) in pairs {
            let year = k
                .scalar_text(self.source)
                .and_then(|t| t.trim().parse::<i32>().ok());
            let Some(year) = year.filter(|y| (1900..=2999).contains(y)) else {
                self.wrong(key, Expected::Year, k);
                continue;
            };
            let Some(value) = read(self, v) else {
                continue;
            };
            if out.insert(year, value).is_some() {
                self.report(twice(year), k);
            }
        }
        out
    }

    /// A mapping of `{id: number}` measures, in file order.
    pub fn measures(&mut self, keys: &Keys, key: &str) -> Vec<(Located<String>, f64)> {
        self.by_id(keys, key, |d, v| d.number(key, v))
    }

    /// A mapping `{id: value}` in file order, each value read by `read`
    /// (a value it refuses is left out, reported).
    pub(super) fn by_id<T>(
        &mut self,
        keys: &Keys,
        key: &str,
        mut read: impl FnMut(&mut Self, &Node) -> Option<T>,
    ) -> Vec<(Located<String>, T)> {
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
                let value = read(self, v)?;
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
}

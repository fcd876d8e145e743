//! Mappings of numbers: targets by year, measures by indicator id.

use super::{Decoder, Keys};
use crate::diag::{Expected, Problem};
use crate::model::Located;
use crate::yaml::Value;
use std::collections::BTreeMap;

impl<'a> Decoder<'a> {
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
}

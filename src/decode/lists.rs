//! Lists: of located slugs, of free texts, of nodes.

use super::{Decoder, Keys};
use crate::diag::Expected;
use crate::model::Located;
use crate::yaml::{Node, Value};

impl<'a> Decoder<'a> {
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
}

//! Ids: the shapes they take (slug or dotted numbers), checked as read.

use super::{Decoder, Keys};
use crate::diag::{IdExpected, Problem};
use crate::model::Located;

/// The longest id, in characters (all ASCII): enough for any name, and
/// far within the 1,024 characters YAML allows a key written on one line
/// (`measures: {ID: 12}`), so that every id a file holds can be written
/// back by `record`.
pub(crate) const MAX_ID_CHARS: usize = 64;

/// The shapes an id can take.
#[derive(Debug, Clone, Copy)]
pub enum IdShape {
    /// `[a-z0-9]+(-[a-z0-9]+)*`.
    Slug,
    /// Dotted numbers with `n` components, no leading zeros (`1`, `1.2`, `1.2.3`).
    Dotted(usize),
}

impl IdShape {
    /// True when `id` has this shape, in at most [`MAX_ID_CHARS`].
    pub fn accepts(self, id: &str) -> bool {
        if id.len() > MAX_ID_CHARS {
            return false;
        }
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

impl<'a> Decoder<'a> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_shapes() {
        assert!(IdShape::Slug.accepts("caf-gard"));
        assert!(!IdShape::Slug.accepts("Caf"));
        assert!(!IdShape::Slug.accepts("a--b"));
        assert!(IdShape::Dotted(3).accepts("1.10.2"));
        assert!(!IdShape::Dotted(3).accepts("1.02.2"));
        assert!(!IdShape::Dotted(2).accepts("1.1.1"));
        assert!(IdShape::Slug.accepts(&"a".repeat(MAX_ID_CHARS)));
        assert!(!IdShape::Slug.accepts(&"a".repeat(MAX_ID_CHARS + 1)));
    }
}

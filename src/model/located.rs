//! [`Located`]: a value and where it was read from.

use crate::yaml::Pos;

/// A value with the position it was read from. Equality ignores the position.
#[derive(Debug, Clone, Default)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub pos: Pos,
}

impl<T: PartialEq> PartialEq for Located<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_equality_ignores_position() {
        let a = Located {
            value: 1,
            pos: Pos { line: 1, col: 1 },
        };
        let b = Located {
            value: 1,
            pos: Pos { line: 9, col: 3 },
        };
        assert_eq!(a, b);
    }
}

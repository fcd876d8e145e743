//! Means: amounts of euros, a sheet's budget lines, the amounts an entry
//! spent, and the convention's territory identifiers.

use super::{Decoder, IdShape, Keys};
use crate::diag::{AmountProblem, Expected, Problem};
use crate::model::{AmountError, BudgetLine, Located, Money, Nature};
use crate::yaml::{Node, Value};
use std::collections::BTreeMap;

const LINE_KEYS: &[&str] = &["id", "funder", "nature", "scheme", "planned"];

impl<'a> Decoder<'a> {
    /// An amount of euros: a plain number with at most two decimals,
    /// within ±10^12 (quoted numbers are text and refused, as elsewhere);
    /// a negative amount is refused unless `negative` allows it.
    pub fn amount(&mut self, key: &str, node: &Node, negative: bool) -> Option<Located<Money>> {
        if !matches!(node.value, Value::Int(_) | Value::Float(_)) {
            self.wrong(key, Expected::Number, node);
            return None;
        }
        let text = node.scalar_text(self.source).unwrap_or_default();
        let why = match Money::parse_plain(&text) {
            Ok(value) if negative || !value.is_negative() => {
                return Some(Located {
                    value,
                    pos: node.pos,
                });
            }
            Ok(_) => AmountProblem::Negative,
            Err(AmountError::NotANumber) => AmountProblem::NotPlain,
            Err(AmountError::TooManyDecimals) => AmountProblem::Decimals,
            Err(AmountError::OutOfRange) => AmountProblem::Range,
        };
        self.report(Problem::BadAmount { text, why }, node);
        None
    }

    /// The sheet's `budget:` lines.
    pub fn budget(&mut self, keys: &Keys, key: &str) -> Vec<BudgetLine> {
        self.list(keys, key)
            .into_iter()
            .filter_map(|node| self.budget_line(node))
            .collect()
    }

    fn budget_line(&mut self, node: &Node) -> Option<BudgetLine> {
        let k = self.keys(node, "budget", LINE_KEYS)?;
        let id = self.id(&k, "id", IdShape::Slug);
        let funder = self.id(&k, "funder", IdShape::Slug);
        let nature = match k.get("nature") {
            None => {
                self.missing(&k, "nature");
                None
            }
            Some(_) => self.choice(&k, "nature", "operating, investment", &Nature::SPELLINGS),
        };
        let scheme = self.opt_text(&k, "scheme");
        let planned = self.planned(&k, "planned");
        Some(BudgetLine {
            id: id?,
            funder: funder?,
            nature: nature?,
            scheme,
            planned,
        })
    }

    /// `planned: {year: amount}`; a year given twice is `duplicate-year`.
    fn planned(&mut self, keys: &Keys, key: &str) -> BTreeMap<i32, Located<Money>> {
        self.by_year(
            keys,
            key,
            |d, v| d.amount(key, v, false),
            |year| Problem::DuplicateYear { year },
        )
    }

    /// An entry's `spent: {line: amount}`, in file order; negative amounts
    /// are corrections.
    pub fn spent(&mut self, keys: &Keys, key: &str) -> Vec<(Located<String>, Located<Money>)> {
        self.by_id(keys, key, |d, v| d.amount(key, v, true))
    }

    /// The convention's `siren`: nine digits whose Luhn key is right.
    pub fn siren(&mut self, keys: &Keys, key: &str) -> Option<Located<String>> {
        let node = keys.get(key)?;
        let text = node.scalar_text(self.source)?;
        if !is_siren(&text) {
            self.report(Problem::BadSiren { text }, node);
            return None;
        }
        Some(Located {
            value: text,
            pos: node.pos,
        })
    }

    /// The convention's `communes`: INSEE codes (`30321`, `2A004`).
    pub fn communes(&mut self, keys: &Keys, key: &str) -> Vec<Located<String>> {
        let codes = self.slug_list(keys, key);
        codes
            .into_iter()
            .filter(|code| {
                let ok = is_insee_code(code);
                if !ok {
                    self.report_at(
                        Problem::BadCommune {
                            text: code.value.clone(),
                        },
                        code.pos,
                    );
                }
                ok
            })
            .collect()
    }
}

/// Nine digits whose Luhn sum is a multiple of ten (INSEE's SIREN key).
pub fn is_siren(text: &str) -> bool {
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 9 || text.chars().count() != 9 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| match i % 2 {
            1 if d * 2 > 9 => d * 2 - 9,
            1 => d * 2,
            _ => d,
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A commune's INSEE code: five characters, digits, or Corsica's `2A`/`2B`
/// followed by three digits.
pub fn is_insee_code(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 5
        && (b.iter().all(u8::is_ascii_digit)
            || (b[0] == b'2'
                && matches!(b[1], b'A' | b'B')
                && b[2..].iter().all(u8::is_ascii_digit)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pays_de_sommieres_siren_has_a_right_key() {
        assert!(is_siren("243000296"));
        assert!(!is_siren("243000297"));
        assert!(!is_siren("24300029"));
        assert!(!is_siren("24300029a"));
    }

    #[test]
    fn insee_codes_include_corsica() {
        assert!(is_insee_code("30321"));
        assert!(is_insee_code("2A004"));
        assert!(!is_insee_code("2C004"));
        assert!(!is_insee_code("3032"));
    }
}

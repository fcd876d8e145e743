//! Dates: strict `YYYY-MM-DD`, located.

use super::{Decoder, Keys};
use crate::diag::{Expected, Problem};
use crate::model::Located;
use crate::yaml::Node;
use chrono::NaiveDate;

impl<'a> Decoder<'a> {
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
}

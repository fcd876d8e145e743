//! Means (spec section 11): what was planned and spent on a sheet's budget
//! lines, in a year or over the period, as of a date, and their rollups.
//! Sums are exact: amounts are whole cents.

use crate::model::{BudgetLine, Money, Sheet};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The years a figure covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Years {
    /// One year.
    One(i32),
    /// The whole convention period.
    All,
}

impl Years {
    fn contains(self, year: i32) -> bool {
        match self {
            Years::One(y) => y == year,
            Years::All => true,
        }
    }
}

/// Planned and spent euros, and so the execution rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Means {
    /// The sum of the amounts planned, none when nothing is planned at all.
    pub planned: Option<Money>,
    /// The sum of the amounts spent (corrections included).
    pub spent: Money,
}

impl Means {
    /// Spent ÷ planned, as a percentage; none when nothing (or zero) is planned.
    pub fn execution(&self) -> Option<f64> {
        self.spent.percent_of(self.planned?)
    }

    /// Adds another figure to this one (a rollup).
    pub fn add(&mut self, other: Means) {
        self.planned = match (self.planned, other.planned) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or_default() + b.unwrap_or_default()),
        };
        self.spent += other.spent;
    }

    /// The sum of many figures.
    pub fn total(all: impl IntoIterator<Item = Means>) -> Means {
        let mut total = Means::default();
        for m in all {
            total.add(m);
        }
        total
    }

    /// True when nothing is planned and nothing spent.
    pub fn is_empty(&self) -> bool {
        self.planned.is_none() && self.spent == Money::ZERO
    }
}

/// JSON: `{"planned": 12000.0, "spent": 8000.0, "execution": 66.7}`, the
/// execution rate in percent (`null` when nothing is planned).
impl Serialize for Means {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Means", 3)?;
        st.serialize_field("planned", &self.planned)?;
        st.serialize_field("spent", &self.spent)?;
        st.serialize_field(
            "execution",
            &self.execution().map(|r| crate::i18n::fmt::round(r, 1)),
        )?;
        st.end()
    }
}

/// spent(line, N) summed over `years`: the `spent` values for the line in
/// the entries dated in those years and on or before `as_of`.
pub fn spent(sheet: &Sheet, line: &str, years: Years, as_of: NaiveDate) -> Money {
    sheet
        .journal
        .iter()
        .filter(|e| e.date.value <= as_of && years.contains(e.date.year()))
        .flat_map(|e| &e.spent)
        .filter(|(id, _)| id.value == line)
        .map(|(_, amount)| amount.value)
        .sum()
}

/// A line's planned and spent euros over `years`, as of `as_of`.
pub fn line_means(sheet: &Sheet, line: &BudgetLine, years: Years, as_of: NaiveDate) -> Means {
    let planned = match years {
        Years::One(year) => line.planned_in(year),
        Years::All => {
            (!line.planned.is_empty()).then(|| line.planned.values().map(|m| m.value).sum())
        }
    };
    Means {
        planned,
        spent: spent(sheet, &line.id, years, as_of),
    }
}

/// A sheet's means over `years`: the sum of its lines, filtered by `keep`.
pub fn sheet_means(
    sheet: &Sheet,
    years: Years,
    as_of: NaiveDate,
    keep: impl Fn(&BudgetLine) -> bool,
) -> Means {
    Means::total(
        sheet
            .budget
            .iter()
            .filter(|l| keep(l))
            .map(|l| line_means(sheet, l, years, as_of)),
    )
}

/// The means of many sheets over `years`, every line counted.
pub fn means_of<'a>(
    sheets: impl IntoIterator<Item = &'a Sheet>,
    years: Years,
    as_of: NaiveDate,
) -> Means {
    Means::total(
        sheets
            .into_iter()
            .map(|s| sheet_means(s, years, as_of, |_| true)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entry, Located, Nature};
    use std::collections::BTreeMap;

    fn euros(text: &str) -> Money {
        Money::parse_plain(text).unwrap()
    }

    fn line(planned: &[(i32, &str)]) -> BudgetLine {
        BudgetLine {
            id: Located {
                value: "caf".into(),
                pos: Default::default(),
            },
            funder: Located {
                value: "caf-gard".into(),
                pos: Default::default(),
            },
            nature: Nature::Operating,
            scheme: None,
            planned: planned
                .iter()
                .map(|&(y, a)| {
                    (
                        y,
                        Located {
                            value: euros(a),
                            pos: Default::default(),
                        },
                    )
                })
                .collect::<BTreeMap<_, _>>(),
        }
    }

    fn spent_on(date: &str, amount: &str) -> Entry {
        let mut e = Entry::on(date.parse().unwrap());
        e.spent.push((
            Located {
                value: "caf".into(),
                pos: Default::default(),
            },
            Located {
                value: euros(amount),
                pos: Default::default(),
            },
        ));
        e
    }

    #[test]
    fn spent_counts_in_the_entry_year_up_to_the_date() {
        let mut sheet = Sheet::default();
        sheet
            .budget
            .push(line(&[(2024, "12000"), (2025, "15000.50")]));
        sheet.journal = vec![
            spent_on("2024-06-01", "0.10"),
            spent_on("2024-12-15", "0.20"),
            spent_on("2025-02-01", "5000"),
            spent_on("2025-03-01", "-1000"),
        ];
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let l = &sheet.budget[0];
        let y24 = line_means(&sheet, l, Years::One(2024), d("2025-12-31"));
        assert_eq!(y24.spent.text(crate::i18n::Lang::Fr), "0,30");
        let y25 = line_means(&sheet, l, Years::One(2025), d("2025-02-15"));
        assert_eq!(y25.spent, euros("5000"));
        let all = line_means(&sheet, l, Years::All, d("2025-12-31"));
        assert_eq!(all.planned, Some(euros("27000.50")));
        assert_eq!(all.spent, euros("4000.30"));
        let none = Means {
            planned: Some(Money::ZERO),
            spent: euros("5"),
        };
        assert_eq!(none.execution(), None);
    }
}

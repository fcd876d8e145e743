//! One cell as LibreOffice or Excel saved it — a number, a date, or text
//! such as `15/03/2025`, `40 %`, `15 000,50` or `En cours` — read as the
//! value a column takes.

use crate::model::Money;
use calamine::Data;
use chrono::NaiveDate;

/// A cell's content, as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    /// Nothing (or only spaces).
    Empty,
    /// A number.
    Number(f64),
    /// A date.
    Date(NaiveDate),
    /// Text.
    Text(String),
}

/// The value of a cell.
pub(super) fn value(cell: Option<&Data>) -> Value {
    match cell {
        None | Some(Data::Empty) => Value::Empty,
        Some(Data::String(s)) if s.trim().is_empty() => Value::Empty,
        Some(Data::String(s)) => Value::Text(s.trim().to_string()),
        Some(Data::Float(f)) => Value::Number(*f),
        Some(Data::Int(i)) => Value::Number(*i as f64),
        Some(Data::Bool(b)) => Value::Text(b.to_string()),
        Some(Data::DateTime(d)) => d
            .as_datetime()
            .map_or(Value::Number(d.as_f64()), |t| Value::Date(t.date())),
        Some(Data::DateTimeIso(s)) => s
            .get(..10)
            .and_then(|d| d.parse().ok())
            .map_or_else(|| Value::Text(s.clone()), Value::Date),
        Some(Data::DurationIso(s)) => Value::Text(s.clone()),
        Some(Data::Error(_)) => Value::Text("#ERR".to_string()),
    }
}

impl Value {
    /// The cell as text (a number without a needless `.0`).
    pub(super) fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.format("%d/%m/%Y").to_string(),
            Value::Text(t) => t.clone(),
        }
    }

    /// A date: a date cell, or text `15/03/2025` or `2025-03-15`.
    pub(super) fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            Value::Text(t) => crate::dates::parse_cli_date(t),
            _ => None,
        }
    }

    /// A whole number from 0 to 100 (`40`, `40 %`, or 0.4 in a cell formatted as a percentage).
    pub(super) fn progress(&self) -> Option<f64> {
        let n = match self {
            Value::Number(n) => *n,
            Value::Text(t) => crate::input::parse_number(t.trim_end_matches('%'))?,
            _ => return None,
        };
        (n.fract() == 0.0 && (0.0..=100.0).contains(&n)).then_some(n)
    }

    /// A number (`4,5`, `1 200`).
    pub(super) fn number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n).filter(|n| crate::model::usable_number(*n)),
            Value::Text(t) => {
                crate::input::parse_number(t).filter(|n| crate::model::usable_number(*n))
            }
            _ => None,
        }
    }

    /// Euros with at most two decimals (`15000.5`, `15 000,50 €`).
    pub(super) fn amount(&self) -> Option<Money> {
        match self {
            // A spreadsheet's number is binary: its shortest decimal
            // spelling is what the partner typed.
            Value::Number(n) if n.is_finite() => Money::parse_plain(&n.to_string()).ok(),
            Value::Text(t) => Money::parse_typed(t).ok(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_people_save_them() {
        let text = |s: &str| value(Some(&Data::String(s.into())));
        assert_eq!(text("15/03/2025").date(), "2025-03-15".parse().ok());
        assert_eq!(text("40 %").progress(), Some(40.0));
        assert_eq!(text("40,5").progress(), None);
        assert_eq!(
            value(Some(&Data::Float(15000.5))).amount(),
            Money::parse_plain("15000.50").ok()
        );
        assert_eq!(
            text("15 000,50 €").amount(),
            Money::parse_plain("15000.50").ok()
        );
        assert_eq!(value(Some(&Data::Float(1.005))).amount(), None);
        assert_eq!(text("  "), Value::Empty);
    }
}

//! [`Money`]: euros held as a whole number of cents, so that sums are exact
//! (`0.10 + 0.20` is `0.30`), read from the plan's numbers and from what
//! people type, and shown per language.

use crate::i18n::Lang;
use crate::i18n::fmt::NNBSP;

/// The largest amount a plan can hold, in euros: a thousand billion.
pub const MAX_EUROS: i128 = 1_000_000_000_000;

/// An amount of euros, exact to the cent.
///
/// It holds an `i128` of cents: a sum of any number of amounts a plan can
/// hold never overflows, and never rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Money(i128);

/// Why a text is not an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    /// Not a decimal number (`douze`, `1e3`, `.inf`).
    NotANumber,
    /// More than two decimal places (`12.345`).
    TooManyDecimals,
    /// Beyond ±10^12 euros.
    OutOfRange,
}

impl Money {
    /// Nothing.
    pub const ZERO: Money = Money(0);

    /// An amount of `cents`.
    pub fn from_cents(cents: i128) -> Money {
        Money(cents)
    }

    /// The amount in cents.
    pub fn cents(self) -> i128 {
        self.0
    }

    /// True below zero (a correction).
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// An amount as the plan writes it: an optional sign, digits, an
    /// optional point and at most two decimals (`15000.50`, `-200`).
    pub fn parse_plain(text: &str) -> Result<Money, AmountError> {
        let text = text.trim();
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !all_digits(int) || !all_digits(frac) {
            return Err(AmountError::NotANumber);
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > 2 {
            return Err(AmountError::TooManyDecimals);
        }
        let int = int.trim_start_matches('0');
        if int.len() > 13 {
            return Err(AmountError::OutOfRange);
        }
        let euros: i128 = if int.is_empty() {
            0
        } else {
            int.parse().map_err(|_| AmountError::NotANumber)?
        };
        let cents: i128 = format!("{frac:0<2}")
            .parse()
            .map_err(|_| AmountError::NotANumber)?;
        if euros > MAX_EUROS || (euros == MAX_EUROS && cents > 0) {
            return Err(AmountError::OutOfRange);
        }
        let value = euros * 100 + cents;
        Ok(Money(if negative { -value } else { value }))
    }

    /// An amount as a French or English user types it: a decimal comma or
    /// point, spaces (plain, no-break, narrow no-break) between thousands,
    /// an optional `€` (`15 000,50`, `15000.50 €`).
    pub fn parse_typed(text: &str) -> Result<Money, AmountError> {
        let plain: String = text
            .trim()
            .trim_end_matches('€')
            .chars()
            .filter(|&c| !matches!(c, ' ' | '\u{a0}' | NNBSP))
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        Money::parse_plain(&plain)
    }

    /// The amount as the plan writes it: a point, no spaces, no trailing
    /// zero cents (`15000.5`, `12000`, `-0.3`).
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (euros, cents) = (self.0.abs() / 100, self.0.abs() % 100);
        match cents {
            0 => format!("{sign}{euros}"),
            c if c % 10 == 0 => format!("{sign}{euros}.{}", c / 10),
            c => format!("{sign}{euros}.{c:02}"),
        }
    }

    /// The amount for people, always with two decimals: `15 000,50` (a
    /// narrow no-break space between thousands) in French, `15,000.50` in
    /// English.
    pub fn text(self, lang: Lang) -> String {
        crate::i18n::fmt::cents(self.0, lang)
    }

    /// The amount with its currency: `15 000,50 €` (a no-break space before
    /// the sign) in French, `€15,000.50` in English.
    pub fn euros(self, lang: Lang) -> String {
        crate::i18n::fmt::euros(self.0, lang)
    }

    /// The amount as a floating-point number of euros, for the formats
    /// that hold numbers (JSON, spreadsheets) only: never summed.
    pub fn euros_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// `self` ÷ `of` as a percentage, none when `of` is zero or less.
    pub fn percent_of(self, of: Money) -> Option<f64> {
        (of.0 > 0).then(|| self.0 as f64 * 100.0 / of.0 as f64)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        self.0 += other.0;
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0 - other.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl serde::Serialize for Money {
    /// A JSON number of euros (`15000.5`), from the exact cents.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.euros_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenth_and_twentieth_sum_to_thirty_cents() {
        let a = Money::parse_plain("0.1").unwrap();
        let b = Money::parse_plain("0.2").unwrap();
        assert_eq!((a + b).text(Lang::Fr), "0,30");
        assert_eq!((a + b).text(Lang::En), "0.30");
        assert_eq!((a + b).plain(), "0.3");
    }

    #[test]
    fn reads_what_the_plan_and_people_write() {
        assert_eq!(Money::parse_plain("15000.50"), Ok(Money(1_500_050)));
        assert_eq!(Money::parse_plain("-200"), Ok(Money(-20_000)));
        assert_eq!(
            Money::parse_plain("12.345"),
            Err(AmountError::TooManyDecimals)
        );
        assert_eq!(Money::parse_plain("12.340"), Ok(Money(1234)));
        assert_eq!(Money::parse_plain("1e3"), Err(AmountError::NotANumber));
        assert_eq!(Money::parse_plain(".5"), Err(AmountError::NotANumber));
        assert_eq!(
            Money::parse_plain("1000000000000"),
            Ok(Money(100_000_000_000_000))
        );
        assert_eq!(
            Money::parse_plain("1000000000000.01"),
            Err(AmountError::OutOfRange)
        );
        assert_eq!(
            Money::parse_plain("99999999999999999999"),
            Err(AmountError::OutOfRange)
        );
        assert_eq!(Money::parse_typed("15 000,50"), Ok(Money(1_500_050)));
        assert_eq!(
            Money::parse_typed("15\u{202f}000,5 €"),
            Ok(Money(1_500_050))
        );
        assert_eq!(Money::parse_typed("douze"), Err(AmountError::NotANumber));
    }

    #[test]
    fn shows_thousands_and_two_decimals() {
        let m = Money::parse_plain("1234567.5").unwrap();
        assert_eq!(m.text(Lang::Fr), "1\u{202f}234\u{202f}567,50");
        assert_eq!(m.text(Lang::En), "1,234,567.50");
        assert_eq!(m.plain(), "1234567.5");
        assert_eq!(Money::parse_plain("-0.05").unwrap().text(Lang::En), "-0.05");
        assert_eq!(Money::parse_plain("-0.05").unwrap().plain(), "-0.05");
        assert_eq!(m.euros(Lang::Fr), "1\u{202f}234\u{202f}567,50\u{a0}€");
        assert_eq!(Money::from_cents(-5).euros(Lang::En), "-€0.05");
    }

    #[test]
    fn a_rate_needs_something_planned() {
        let (spent, planned) = (Money(5_000), Money(20_000));
        assert_eq!(spent.percent_of(planned), Some(25.0));
        assert_eq!(spent.percent_of(Money::ZERO), None);
    }
}

//! Number, percentage and date formatting per language, in one place.
//!
//! French: `1 234,5` with U+202F as thousands separator, U+00A0 before `%`,
//! dates `04/03/2025` in tables and "le 1er avril 2025" in prose.

use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate};

/// Non-breaking space, before `%` and units in French.
pub const NBSP: char = '\u{a0}';
/// Narrow non-breaking space, the French thousands separator.
pub const NNBSP: char = '\u{202f}';

/// `text` with a capital first letter: a label (`difficultés`) as a
/// column heading (`Difficultés`).
pub fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The colon after a label: U+00A0 before it in French (`Statut\u{a0}:`).
pub fn colon(lang: Lang) -> &'static str {
    lang.pick(":", "\u{a0}:")
}

/// Rounds half away from zero to `decimals` places.
pub fn round(value: f64, decimals: u32) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (value * f).round() / f
}

/// A number for people: rounded, thousands grouped, French or English marks.
pub fn number(value: f64, decimals: u32, lang: Lang) -> String {
    let rounded = round(value, decimals);
    let text = format!("{:.*}", decimals as usize, rounded.abs());
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(i, f)| (i, f));
    let frac = frac.trim_end_matches('0');
    let grouped = thousands(int, lang);
    let sign = if rounded < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{frac}", lang.pick('.', ','))
    }
}

/// An amount of `cents` for people, always with two decimals: `15 000,50`
/// (a narrow no-break space between thousands) in French, `15,000.50` in
/// English.
pub fn cents(cents: i128, lang: Lang) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let (euros, rest) = (cents.abs() / 100, cents.abs() % 100);
    let grouped = thousands(&euros.to_string(), lang);
    format!("{sign}{grouped}{}{rest:02}", lang.pick('.', ','))
}

/// `digits` grouped by three: `1 234 567` (narrow no-break spaces) in
/// French, `1,234,567` in English.
fn thousands(digits: &str, lang: Lang) -> String {
    let sep = lang.pick(',', NNBSP);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    grouped
}

/// An amount of `cents` with its currency: `15 000,50 €` (a no-break space
/// before the sign) in French, `€15,000.50` in English.
pub fn euros(amount: i128, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}{NBSP}€", cents(amount, lang)),
        Lang::En if amount < 0 => format!("-€{}", cents(-amount, lang)),
        Lang::En => format!("€{}", cents(amount, lang)),
    }
}

/// A percentage rounded to a whole number: `82 %` in French, `82%` in English.
pub fn percent(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}{NBSP}%", number(value, 0, lang)),
        Lang::En => format!("{}%", number(value, 0, lang)),
    }
}

/// A date in a table: `04/03/2025` in French, `2025-03-04` in English.
pub fn short_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// `au 04/03/2025`, `as of 2025-03-04`: the date a report stands at.
pub fn as_of(date: NaiveDate, lang: Lang) -> String {
    format!(
        "{} {}",
        crate::i18n::L::AsOf.get(lang),
        short_date(date, lang)
    )
}

/// French month names.
pub const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
/// English month names.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in prose: `1er avril 2025`, `4 mars 2025`; `1 April 2025` in English.
pub fn long_date(date: NaiveDate, lang: Lang) -> String {
    let month = date.month0() as usize;
    match lang {
        Lang::Fr if date.day() == 1 => format!("1er {} {}", MONTHS_FR[month], date.year()),
        Lang::Fr => format!("{} {} {}", date.day(), MONTHS_FR[month], date.year()),
        Lang::En => format!("{} {} {}", date.day(), MONTHS_EN[month], date.year()),
    }
}

/// A ten-cell progress bar.
pub fn bar(progress: f64) -> String {
    let filled = (round(progress, 0) / 10.0).round().clamp(0.0, 10.0) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// The colon of a `label : value` line that may wrap: a plain space
/// before it in French (a line may break there), none in English.
pub fn loose_colon(lang: Lang) -> &'static str {
    lang.pick(":", " :")
}

/// The space between a number and its unit: a no-break space in French.
pub fn unit_space(lang: Lang) -> char {
    lang.pick(' ', NBSP)
}

/// The CSV field separator as the language's spreadsheets expect it: `;`
/// in French (where `,` is the decimal mark), `,` in English.
pub fn csv_delimiter(lang: Lang) -> u8 {
    lang.pick(b',', b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_numbers_use_narrow_spaces_and_commas() {
        assert_eq!(number(1234.5, 1, Lang::Fr), "1\u{202f}234,5");
        assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(number(-0.25, 1, Lang::Fr), "-0,3");
        assert_eq!(number(1_000_000.0, 0, Lang::Fr), "1\u{202f}000\u{202f}000");
        assert_eq!(number(2.0, 2, Lang::Fr), "2");
    }

    #[test]
    fn percentages_round_half_away_from_zero() {
        assert_eq!(percent(82.5, Lang::Fr), "83\u{a0}%");
        assert_eq!(percent(100.0 / 3.0, Lang::En), "33%");
    }

    #[test]
    fn dates_short_and_long() {
        let d = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
        assert_eq!(short_date(d, Lang::Fr), "01/04/2025");
        assert_eq!(long_date(d, Lang::Fr), "1er avril 2025");
        let d = NaiveDate::from_ymd_opt(2025, 3, 4).unwrap();
        assert_eq!(long_date(d, Lang::Fr), "4 mars 2025");
        assert_eq!(long_date(d, Lang::En), "4 March 2025");
    }

    #[test]
    fn bars_have_ten_cells() {
        assert_eq!(bar(45.0), "█████░░░░░");
    }
}

//! Text that a spreadsheet opening a French CSV would not keep as text.
//!
//! Measured with LibreOffice Calc 7.4 (French locale, special numbers
//! detected): `1.1.1` becomes 01/01/2001, `1`, `2024`, `1 234`, `1,5`, `1E5`,
//! `(12)` and `12 €` numbers, `31/12`, `3 mai` and `mai 2025` dates, `12:30` a
//! time, `50 %` a percentage, `VRAI` a boolean; Excel is known to guess alike.
//! The rule is wider than what one program does, so that both keep the text.

use crate::i18n::fmt::{MONTHS_EN, MONTHS_FR};

/// Month abbreviations that spreadsheets accept in dates, besides the full
/// names.
const ABBREVIATIONS: &[&str] = &[
    "janv", "févr", "fév", "avr", "juil", "sept", "déc", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "oct", "nov", "dec",
];

fn is_month(word: &str) -> bool {
    let word = word.to_lowercase();
    MONTHS_FR
        .iter()
        .chain(&MONTHS_EN)
        .chain(ABBREVIATIONS)
        .any(|m| m.to_lowercase() == word)
}

/// Whether a spreadsheet could read `text` as a number, date, time,
/// percentage or boolean. Such text never contains a `"`.
pub fn could_be_a_value(text: &str) -> bool {
    let t = text.trim();
    if ["vrai", "faux", "true", "false"].contains(&t.to_lowercase().as_str()) {
        return true;
    }
    let numeric = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || "., /-:+%()'eE€$£".contains(c))
    };
    if numeric(&t.replace(['\u{a0}', '\u{202f}'], " ")) {
        return true;
    }
    // A date with a month name: `3 mai`, `mai 2025`, `3-mai-2025`, `janv. 2025`.
    let words: Vec<&str> = t
        .split([' ', '-', '/', '.'])
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 3
        && words.iter().any(|w| is_month(w))
        && words.iter().any(|w| numeric(w))
        && words.iter().all(|w| is_month(w) || numeric(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_plain_text() {
        for value in [
            "1",
            "1.1",
            "1.1.1",
            "2.1.1",
            "2024",
            "1 234",
            "1\u{202f}234,5",
            "1,5",
            "1E5",
            "(12)",
            "12 €",
            "31/12",
            "2024-01-01",
            "12:30",
            "50 %",
            "3 mai",
            "mai 2025",
            "3-mai-2025",
            "janv. 2025",
            "VRAI",
            "false",
            " 1.1.1 ",
        ] {
            assert!(could_be_a_value(value), "{value:?}");
        }
        for text in [
            "",
            "en cours",
            "Navette 2",
            "3-4 ans",
            "1er",
            "12h30",
            "1/3 des familles",
            "10/12/2024 : Bilan",
            "a.1",
            "v1.2",
            "mai",
            "Forum du 3 mai",
            "1.1 — Objectif",
        ] {
            assert!(!could_be_a_value(text), "{text:?}");
        }
    }
}

//! `personal-data`: journal texts (notes, difficulties, next steps,
//! decisions) are read by partners, published in reviews and kept by git
//! for ever; the CNIL's rule for free text is that it stays objective,
//! relevant and not excessive. Likely personal data in them is warned
//! about: an e-mail address, a phone number, a social-security number, an
//! IBAN, a date of birth, a person named by a title. The partners' names
//! and the coordinator's contact, which the plan itself publishes, are not.

use super::{Ctx, Out};
use crate::diag::{PersonalKind, Problem};
use regex::Regex;
use std::sync::LazyLock;

/// The patterns, each with what it finds, in the order they are tried.
/// Each is compiled the first time a text could match it ([`can_hold`]):
/// compiling all six took 4 ms (their Unicode classes), and `record` on the
/// shipped plan twice its time and 5 MiB, which a plan with no such text
/// now never pays.
static PATTERNS: [(PersonalKind, LazyLock<Option<Regex>>); 6] = [
    (
        PersonalKind::Email,
        LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(\.[\w-]+)+").ok()),
    ),
    (
        PersonalKind::Phone,
        LazyLock::new(|| Regex::new(r"(\+33[ .]?|\b0)[1-9]([ .-]?\d\d){4}\b").ok()),
    ),
    (
        PersonalKind::SocialSecurity,
        LazyLock::new(|| {
            Regex::new(
                r"\b[12][ ]?\d\d[ ]?(0[1-9]|1[0-2]|[2-9]\d)[ ]?(\d\d|2[AB])[ ]?\d{3}[ ]?\d{3}[ ]?\d\d\b",
            )
            .ok()
        }),
    ),
    (
        PersonalKind::Iban,
        LazyLock::new(|| {
            Regex::new(r"\b[A-Z]{2}\d\d( ?[A-Z0-9]{4}){2,7}( ?[A-Z0-9]{1,4})?\b").ok()
        }),
    ),
    (
        PersonalKind::BirthDate,
        LazyLock::new(|| {
            Regex::new(
                r"(?i)\bné(e|\(e\))? le\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(er)? \p{L}+ \d{4})",
            )
            .ok()
        }),
    ),
    (
        PersonalKind::PersonName,
        LazyLock::new(|| {
            let name = r"\p{Lu}[\p{Ll}'’-]+";
            Regex::new(&format!(
                r"\b(Mme|Mlle|M\.|Mr|Mrs|Ms|Monsieur|Madame|Mademoiselle|[Ff]amille)\s+{name}"
            ))
            .ok()
        }),
    ),
];

/// What the patterns need, found in a text in one pass over its bytes
/// (one the compiler vectorises: a byte a lane, no branch).
struct Clues {
    /// Its characters `\d` may match: ASCII digits, and the numeric
    /// characters from U+0660 on (the first decimal digit past ASCII).
    digits: usize,
    at: bool,
    capital_m: bool,
}

impl Clues {
    fn of(text: &str) -> Clues {
        let (mut ascii_digits, mut at, mut capital_m, mut highest) = (0, 0u8, 0u8, 0u8);
        // at most 255 bytes at a time, so that the count fits a byte
        for chunk in text.as_bytes().chunks(255) {
            let mut digits = 0u8;
            for &b in chunk {
                digits += u8::from(b.is_ascii_digit());
                at |= u8::from(b == b'@');
                capital_m |= u8::from(b == b'M');
                highest = highest.max(b);
            }
            ascii_digits += usize::from(digits);
        }
        // U+0660 is 0xD9 0xA0 in UTF-8: below 0xD9, no other digit
        let digits = match highest >= 0xD9 {
            true => text
                .chars()
                .filter(|&c| c.is_ascii_digit() || (c >= '\u{660}' && c.is_numeric()))
                .count(),
            false => ascii_digits,
        };
        Clues {
            digits,
            at: at != 0,
            capital_m: capital_m != 0,
        }
    }
}

/// The titles [`PersonalKind::PersonName`] looks for, `[Ff]amille` first.
const TITLES: [&str; 10] = [
    "amille",
    "Mme",
    "Mlle",
    "M.",
    "Mr",
    "Mrs",
    "Ms",
    "Monsieur",
    "Madame",
    "Mademoiselle",
];

/// Whether a text has what the pattern of `kind` needs to match: `false`
/// only when it cannot match, so the pattern is not run. The regexes'
/// Unicode `\b` keeps the regex crate off its DFA on accented text: run on
/// every text, its backtracker took 60 % of `validate` on 1,000 sheets.
fn can_hold(kind: PersonalKind, text: &str, clues: &Clues) -> bool {
    let (bytes, digits) = (text.as_bytes(), clues.digits);
    match kind {
        PersonalKind::Email => clues.at,
        // 0 or +33, then 9 digits; a NIR has 13 and its key
        PersonalKind::Phone | PersonalKind::SocialSecurity => digits >= 10,
        // two capitals then a digit (its first byte, when not ASCII)
        PersonalKind::Iban => {
            digits >= 2
                && bytes.windows(3).any(|w| {
                    w[0].is_ascii_uppercase()
                        && w[1].is_ascii_uppercase()
                        && (w[2].is_ascii_digit() || !w[2].is_ascii())
                })
        }
        // 'né' in any case, then a date of at least 4 digits
        PersonalKind::BirthDate => {
            digits >= 4 && ["né", "Né", "nÉ", "NÉ"].iter().any(|n| text.contains(n))
        }
        // a title, then a space (its first byte, when not ASCII)
        PersonalKind::PersonName => {
            let titles = match clues.capital_m {
                true => &TITLES[..],
                false => &TITLES[..1],
            };
            // contains first: its search is the faster one
            titles.iter().any(|title| {
                text.contains(title)
                    && text.match_indices(title).any(|(i, _)| {
                        bytes.get(i + title.len()).is_some_and(|&b| {
                            matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') || !b.is_ascii()
                        })
                    })
            })
        }
    }
}

/// What a text likely holds, the first found: its kind. Matches inside an
/// `allowed` text (a partner's name, the coordinator's contact) are not
/// counted; numbers with a check digit (social security, IBAN) count only
/// when it holds.
pub(crate) fn find(text: &str, allowed: &[&str]) -> Option<PersonalKind> {
    let clues = Clues::of(text);
    PATTERNS
        .iter()
        .filter(|(kind, _)| can_hold(*kind, text, &clues))
        .find_map(|(kind, re)| {
            let re = re.as_ref()?;
            re.find_iter(text)
                .filter(|m| {
                    !allowed
                        .iter()
                        .any(|a| !a.is_empty() && a.contains(m.as_str()))
                })
                .any(|m| match kind {
                    PersonalKind::SocialSecurity => nir_key_holds(m.as_str()),
                    PersonalKind::Iban => iban_holds(m.as_str()),
                    _ => true,
                })
                .then_some(*kind)
        })
}

/// A French social-security number: 13 digits (Corsica's 2A/2B read as 19
/// and 18), then the key 97 − (number mod 97).
fn nir_key_holds(text: &str) -> bool {
    let plain: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if plain.len() != 15 {
        return false;
    }
    let (body, key) = plain.split_at(13);
    let body = body.replace("2A", "19").replace("2B", "18");
    match (body.parse::<u64>(), key.parse::<u64>()) {
        (Ok(n), Ok(k)) => 97 - n % 97 == k,
        _ => false,
    }
}

/// An IBAN: its letters moved to the end and read as numbers, mod 97 is 1.
fn iban_holds(text: &str) -> bool {
    let plain: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&plain.len()) {
        return false;
    }
    let (head, tail) = plain.split_at(4);
    let mut rest: u64 = 0;
    for c in tail.chars().chain(head.chars()) {
        let Some(d) = c.to_digit(36) else {
            return false;
        };
        let digits = if d > 9 { 100 } else { 10 };
        rest = (rest * digits + u64::from(d)) % 97;
    }
    rest == 1
}

/// `personal-data`: each journal text that likely holds personal data.
pub(super) fn personal_data(ctx: &Ctx, out: &mut Out) {
    let plan = ctx.plan;
    let mut allowed: Vec<&str> = plan.partners.iter().map(|p| p.name.as_str()).collect();
    if let Some(c) = &plan.convention.coordinator {
        allowed.extend(
            [&c.name, &c.email, &c.phone, &c.address]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
    }
    for s in &plan.sheets {
        for e in &s.journal {
            let texts = [&e.note, &e.difficulties, &e.next, &e.decision];
            if let Some(kind) = texts
                .into_iter()
                .flatten()
                .find_map(|text| find(text, &allowed))
            {
                out.warn(Problem::PersonalData { kind }, &s.file, &e.date);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_kind_and_leaves_plain_notes_alone() {
        let found = |t: &str| find(t, &["Association Lune Mobilité", "coord@ccps.fr"]);
        assert_eq!(
            found("Écrire à jean.dupont@gmail.com"),
            Some(PersonalKind::Email)
        );
        assert_eq!(
            found("Rappeler au 06 12 34 56 78"),
            Some(PersonalKind::Phone)
        );
        assert_eq!(found("tél. +33 6 12 34 56 78"), Some(PersonalKind::Phone));
        assert_eq!(
            found("NIR 1 84 12 76 451 089 46"),
            Some(PersonalKind::SocialSecurity)
        );
        assert_eq!(
            found("IBAN FR76 3000 6000 0112 3456 7890 189"),
            Some(PersonalKind::Iban)
        );
        assert_eq!(
            found("l'enfant, né le 12/03/2019"),
            Some(PersonalKind::BirthDate)
        );
        assert_eq!(found("née le 3 mars 2018"), Some(PersonalKind::BirthDate));
        assert_eq!(found("Mme Dupont a appelé"), Some(PersonalKind::PersonName));
        assert_eq!(found("la famille Martin"), Some(PersonalKind::PersonName));
        for plain in [
            "Bilan 2024 : 14 chauffeurs, 210 trajets",
            "Réunion le 12/03/2024 avec l'Association Lune Mobilité",
            "Écrire à coord@ccps.fr",
            "Budget 2025 : 15 000 €, délibération n° 2024-118",
            "M. le maire a présidé",
            "1 84 12 76 451 089 47",
            "FR76 3000 6000 0112 3456 7890 188",
            "les familles du territoire",
        ] {
            assert_eq!(found(plain), None, "{plain}");
        }
    }

    #[test]
    fn a_pattern_is_skipped_only_where_it_cannot_match() {
        for text in [
            "Écrire à jean.dupré@gmail.com",
            "Rappeler au 06.12.34.56.78",
            "tél. +33612345678",
            "０６ １２ ３４ ５６ ７８",
            "NIR 2 84 12 2A 451 089 46",
            "IBAN ES91 2100 0418 4502 0005 1332",
            "IBAN FR٧٦ 3000 6000 0112 3456 7890 189",
            "NÉE LE 3 MARS 2018",
            "l'enfant, Né le 1er avril 2019",
            "Mme\u{a0}Dupont",
            "Mlle Durand",
            "M.\u{202f}Durand",
            "Mr Smith",
            "Mrs\nBrown",
            "Ms Brown",
            "Monsieur Lefèvre",
            "Madame Éloi",
            "Mademoiselle Roux",
            "la Famille Martin",
            "famille\tMartin",
            "Réunion le 12/03/2024 avec l'Association Lune Mobilité",
            "les familles du territoire",
        ] {
            let clues = Clues::of(text);
            for (kind, re) in &PATTERNS {
                let re = Option::as_ref(re).expect("the pattern compiles");
                if re.is_match(text) {
                    assert!(can_hold(*kind, text, &clues), "{kind:?} in {text}");
                }
            }
        }
    }
}

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

/// The patterns, each with what it finds.
static PATTERNS: LazyLock<Vec<(PersonalKind, Regex)>> = LazyLock::new(|| {
    let name = r"\p{Lu}[\p{Ll}'’-]+";
    [
        (PersonalKind::Email, r"[\w.+-]+@[\w-]+(\.[\w-]+)+".to_string()),
        (
            PersonalKind::Phone,
            r"(\+33[ .]?|\b0)[1-9]([ .-]?\d\d){4}\b".to_string(),
        ),
        (
            PersonalKind::SocialSecurity,
            r"\b[12][ ]?\d\d[ ]?(0[1-9]|1[0-2]|[2-9]\d)[ ]?(\d\d|2[AB])[ ]?\d{3}[ ]?\d{3}[ ]?\d\d\b"
                .to_string(),
        ),
        (
            PersonalKind::Iban,
            r"\b[A-Z]{2}\d\d( ?[A-Z0-9]{4}){2,7}( ?[A-Z0-9]{1,4})?\b".to_string(),
        ),
        (
            PersonalKind::BirthDate,
            r"(?i)\bné(e|\(e\))? le\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(er)? \p{L}+ \d{4})"
                .to_string(),
        ),
        (
            PersonalKind::PersonName,
            format!(r"\b(Mme|Mlle|M\.|Mr|Mrs|Ms|Monsieur|Madame|Mademoiselle|[Ff]amille)\s+{name}"),
        ),
    ]
    .into_iter()
    .filter_map(|(kind, pattern)| Regex::new(&pattern).ok().map(|re| (kind, re)))
    .collect()
});

/// What a text likely holds, the first found: its kind. Matches inside an
/// `allowed` text (a partner's name, the coordinator's contact) are not
/// counted; numbers with a check digit (social security, IBAN) count only
/// when it holds.
pub(crate) fn find(text: &str, allowed: &[&str]) -> Option<PersonalKind> {
    PATTERNS.iter().find_map(|(kind, re)| {
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
}

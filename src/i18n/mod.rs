//! The one layer every sentence a user reads goes through: the output
//! [`Lang`], the [`Localize`] trait that diagnostics, refusals, messages
//! and labels implement, the label catalogue ([`L`]), the shared phrases
//! ([`phrase`]) and [`Text`], a sentence built in both languages at once.

pub mod fmt;
mod labels;
pub mod phrase;
mod text;

pub use labels::L;
pub use text::Text;

/// An output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// French, the language of the shipped plan.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Reads `fr` or `en` (any case).
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the English or French variant.
    pub fn pick<T>(self, en: T, fr: T) -> T {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        self.pick("en", "fr")
    }
}

/// Every sentence `ctg` tells a person — a diagnostic ([`crate::diag::Problem`]),
/// a refusal ([`crate::write::Refusal`], [`crate::record::Refusal`]), a
/// warning, a label ([`L`]), the CLI's own messages — says itself in either
/// language through this one trait. Each implementation writes both texts
/// side by side (through [`Lang::pick`] or [`Text`]), so a missing
/// translation does not compile.
pub trait Localize {
    /// The text in `lang`, without a trailing newline.
    fn say(&self, lang: Lang) -> String;
}

/// The language of the system locale: the first of `LC_ALL`, `LC_MESSAGES`,
/// `LANG` that is set and not empty; French when it starts with `fr`, else
/// none (`C`, `POSIX`, `en_US.UTF-8`… are English, said by the caller).
pub fn locale_lang(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))?;
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("fr") {
        Some(Lang::Fr)
    } else {
        Some(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_differ_by_language() {
        assert_eq!(L::HealthAlert.get(Lang::Fr), "alerte ▲");
        assert_eq!(L::HealthAlert.get(Lang::En), "alert ▲");
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn the_locale_speaks_french_only_when_it_starts_with_fr() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            locale_lang(vars(&[("LANG", "fr_FR.UTF-8")])),
            Some(Lang::Fr)
        );
        assert_eq!(locale_lang(vars(&[("LANG", "C")])), Some(Lang::En));
        assert_eq!(
            locale_lang(vars(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "fr_FR.UTF-8")])),
            Some(Lang::En),
            "LC_ALL wins"
        );
        assert_eq!(
            locale_lang(vars(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_CA")])),
            Some(Lang::Fr),
            "an empty variable counts as unset"
        );
        assert_eq!(locale_lang(vars(&[])), None);
    }
}

//! A sentence built in both languages at once, for messages composed of
//! parts (a diagnostic and the words it quotes), said in one of them later.

use super::{Lang, Localize};

/// A text in English and in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// In English.
    pub en: String,
    /// In French.
    pub fr: String,
}

impl Text {
    /// The English and the French text.
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            fr: fr.into(),
        }
    }

    /// A text that is the same in both languages (a quoted value, a code).
    pub fn same(text: impl Into<String>) -> Text {
        let text = text.into();
        Text {
            en: text.clone(),
            fr: text,
        }
    }

    /// The text in `lang`, taking it.
    pub fn get(self, lang: Lang) -> String {
        lang.pick(self.en, self.fr)
    }
}

impl Localize for Text {
    fn say(&self, lang: Lang) -> String {
        lang.pick(&self.en, &self.fr).clone()
    }
}

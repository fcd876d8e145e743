//! The words for the parts of a problem: the type a value should have,
//! the shape of an id, why a file could not be read, what YAML syntax went
//! wrong. Each says itself as a [`Text`] (English and French side by side).

use super::{Expected, IdExpected, PersonalKind, Unreadable};
use crate::i18n::{Lang, Text};
use crate::yaml::SyntaxKind;

impl Expected {
    pub(super) fn tr(self) -> Text {
        match self {
            Expected::Text => Text::new("text", "un texte"),
            Expected::Number => Text::new("a number", "un nombre"),
            Expected::Integer => Text::new("a whole number", "un nombre entier"),
            Expected::Year => Text::new("a year such as 2024", "une année comme 2024"),
            Expected::Bool => Text::new("true or false", "true ou false"),
            Expected::List => Text::new("a list", "une liste"),
            Expected::Map => Text::new("a mapping of keys", "un ensemble de clés"),
            Expected::Date => Text::new("a date YYYY-MM-DD", "une date AAAA-MM-JJ"),
            Expected::OneOf(words) => Text::new(
                format!("one of: {words}"),
                format!("l'un de\u{a0}: {words}"),
            ),
        }
    }
}

impl PersonalKind {
    /// The message and hint of `personal-data`.
    pub(super) fn texts(self) -> (Text, Option<Text>) {
        let found = self.text();
        (
            Text::new(
                format!("this journal entry may hold personal data: {}", found.en),
                format!(
                    "ce suivi contient peut-être une donnée personnelle\u{a0}: {}",
                    found.fr
                ),
            ),
            Some(Text::new(
                "write about the action, not about a person; the README says how to remove it from the git history too",
                "parlez de l'action, pas d'une personne\u{a0}; le README dit comment l'ôter aussi de l'historique git",
            )),
        )
    }

    /// What was found, in a few words.
    fn text(self) -> Text {
        match self {
            PersonalKind::Email => Text::new("an e-mail address", "une adresse électronique"),
            PersonalKind::Phone => Text::new("a phone number", "un numéro de téléphone"),
            PersonalKind::SocialSecurity => {
                Text::new("a social-security number", "un numéro de sécurité sociale")
            }
            PersonalKind::Iban => Text::new("a bank account number (IBAN)", "un IBAN"),
            PersonalKind::BirthDate => Text::new("a date of birth", "une date de naissance"),
            PersonalKind::PersonName => Text::new(
                "a person's name (Mme, M., famille…)",
                "le nom d'une personne (Mme, M., famille…)",
            ),
        }
    }
}

impl IdExpected {
    /// The hint of a malformed id: how such an id is written.
    pub(super) fn hint(&self) -> Text {
        match self {
            IdExpected::Slug => Text::new(
                "use lower-case letters, digits and single hyphens, at most 64 characters, e.g. `caf-gard`",
                "utilisez minuscules sans accents, chiffres et tirets simples, 64 caractères au plus, par exemple `caf-gard`",
            ),
            IdExpected::Axis => Text::new(
                "an axis id is a number from 1, e.g. `2`",
                "un axe se numérote à partir de 1, par exemple `2`",
            ),
            IdExpected::Objective => Text::new(
                "an objective id is axis.number, e.g. `2.1`",
                "un objectif se numérote axe.numéro, par exemple `2.1`",
            ),
            IdExpected::Sheet => Text::new(
                "a sheet id is axis.objective.number, e.g. `2.1.3`",
                "une fiche se numérote axe.objectif.numéro, par exemple `2.1.3`",
            ),
            IdExpected::UnderAxis(axis) => Text::new(
                format!("objectives of axis {axis} are numbered `{axis}.N`"),
                format!("les objectifs de l'axe {axis} se numérotent `{axis}.N`"),
            ),
        }
    }
}

impl Unreadable {
    /// Why a file could not be read, and what to check.
    pub(super) fn texts(&self) -> (Text, Option<Text>) {
        let check = Some(Text::new(
            "check that it exists and that you may read it",
            "vérifiez qu'il existe et qu'il est lisible",
        ));
        match self {
            Unreadable::NotFound => (Text::new("file not found", "fichier introuvable"), check),
            Unreadable::Denied => (Text::new("permission denied", "accès refusé"), check),
            Unreadable::Folder => (
                Text::new(
                    "this is a folder, not a file",
                    "c'est un dossier, pas un fichier",
                ),
                check,
            ),
            Unreadable::Other(Some(code)) => (
                Text::new(
                    format!("cannot read the file (system error {code})"),
                    format!("lecture impossible (erreur système {code})"),
                ),
                check,
            ),
            Unreadable::Other(None) => (
                Text::new("cannot read the file", "lecture impossible"),
                check,
            ),
            Unreadable::NotAFile(kind) => (
                Text::new(
                    format!("not read: this is {}, not a file", kind.name(Lang::En)),
                    format!(
                        "non lu\u{a0}: c'est {}, pas un fichier",
                        kind.name(Lang::Fr)
                    ),
                ),
                Some(Text::new(
                    "a plan file must be an ordinary file: remove or rename this one",
                    "un fichier du plan doit être un fichier ordinaire\u{a0}: supprimez ou renommez celui-ci",
                )),
            ),
            Unreadable::Outside { target } => (
                Text::new(
                    format!(
                        "not read: this link leads to `{}`, outside the plan folder",
                        target.display()
                    ),
                    format!(
                        "non lu\u{a0}: ce lien mène à `{}`, hors du dossier du plan",
                        target.display()
                    ),
                ),
                Some(Text::new(
                    "ctg reads only files inside the plan folder: copy the file into it",
                    "ctg ne lit que les fichiers du dossier du plan\u{a0}: copiez-y le fichier",
                )),
            ),
            Unreadable::BrokenLink { target } => (
                Text::new(
                    format!(
                        "not read: this link leads to `{}`, which is no file (missing, or links that loop)",
                        target.display()
                    ),
                    format!(
                        "non lu\u{a0}: ce lien mène à `{}`, qui n'est pas un fichier (absent, ou liens en boucle)",
                        target.display()
                    ),
                ),
                Some(Text::new(
                    "fix or remove the link",
                    "corrigez ou supprimez le lien",
                )),
            ),
        }
    }
}

/// Message and hint of a YAML syntax error, by kind.
pub(super) fn syntax_texts(kind: &SyntaxKind) -> (Text, Option<Text>) {
    let (message, hint) = match kind {
        SyntaxKind::ColonInValue { quoted } => (
            Text::new(
                "a `: ` inside a value: YAML reads it as a new key",
                "un `: ` dans une valeur\u{a0}: YAML le lit comme une nouvelle clé",
            ),
            match quoted {
                Some(q) => Text::new(
                    format!("put the text in quotes: `{q}`"),
                    format!("mettez le texte entre guillemets\u{a0}: `{q}`"),
                ),
                None => Text::new("put the text in quotes", "mettez le texte entre guillemets"),
            },
        ),
        SyntaxKind::Indentation => (
            Text::new(
                "this line is not indented like the lines of its block",
                "cette ligne n'est pas indentée comme les lignes de son bloc",
            ),
            Text::new(
                "align it with the other keys of its block, with spaces",
                "alignez-la sur les autres clés de son bloc, avec des espaces",
            ),
        ),
        SyntaxKind::UnclosedQuote => (
            Text::new(
                "a quote opened here is not closed",
                "un guillemet ouvert ici n'est pas refermé",
            ),
            Text::new(
                "close it at the end of the value, or remove it",
                "refermez-le à la fin de la valeur, ou retirez-le",
            ),
        ),
        SyntaxKind::TextAfterQuote => (
            Text::new(
                "text after the closing quote",
                "du texte suit le guillemet fermant",
            ),
            Text::new(
                "put the whole value inside the quotes",
                "mettez toute la valeur entre les guillemets",
            ),
        ),
        SyntaxKind::Bracket => (
            Text::new(
                "a `[` or `{` is not closed, or a `]` or `}` has no opening",
                "un `[` ou `{` n'est pas refermé, ou un `]` ou `}` n'a pas d'ouverture",
            ),
            Text::new(
                "check the brackets here and above; put text with brackets in quotes",
                "vérifiez les crochets ici et au-dessus ; mettez entre guillemets un texte qui en contient",
            ),
        ),
        SyntaxKind::Tab => (
            Text::new(
                "a tab is used for indentation",
                "une tabulation sert d'indentation",
            ),
            Text::new(
                "indent with spaces only",
                "indentez avec des espaces uniquement",
            ),
        ),
        SyntaxKind::ListItemExpected => (
            Text::new(
                "a line among list items does not start with `- `",
                "une ligne parmi les éléments d'une liste ne commence pas par `- `",
            ),
            Text::new(
                "start each item with `- `, aligned with the others",
                "commencez chaque élément par `- `, aligné sur les autres",
            ),
        ),
        SyntaxKind::LooseLine => (
            Text::new(
                "this line is neither `key: value` nor a `- item`",
                "cette ligne n'est ni `clé: valeur` ni un `- élément`",
            ),
            Text::new(
                "add the missing `:` after the key, or `- ` before a list item",
                "ajoutez le `:` manquant après la clé, ou `- ` devant un élément de liste",
            ),
        ),
        SyntaxKind::ControlCharacter => (
            Text::new(
                "the line holds an invisible control character, which YAML does not allow",
                "la ligne contient un caractère de contrôle invisible, que YAML n'accepte pas",
            ),
            Text::new(
                "delete it: retype the text of this line",
                "supprimez-le\u{a0}: retapez le texte de cette ligne",
            ),
        ),
        SyntaxKind::ReservedCharacter => (
            Text::new(
                "a value cannot start with `@` or `` ` ``",
                "une valeur ne peut pas commencer par `@` ni `` ` ``",
            ),
            Text::new(
                "put the value in quotes",
                "mettez la valeur entre guillemets",
            ),
        ),
        SyntaxKind::UnexpectedEnd => (
            Text::new(
                "the file ends in the middle of a value",
                "le fichier s'arrête au milieu d'une valeur",
            ),
            Text::new(
                "a quote or bracket may be left open above",
                "un guillemet ou un crochet est peut-être resté ouvert plus haut",
            ),
        ),
        SyntaxKind::UnknownAlias => (
            Text::new(
                "`*name` refers to no `&name` above",
                "`*nom` ne renvoie à aucun `&nom` plus haut",
            ),
            Text::new(
                "put a value starting with `*` in quotes",
                "mettez entre guillemets une valeur qui commence par `*`",
            ),
        ),
        SyntaxKind::SeveralDocuments => (
            Text::new(
                "the file holds more than one YAML document (`---` or `...`)",
                "le fichier contient plusieurs documents YAML (`---` ou `...`)",
            ),
            Text::new(
                "keep one document per file: remove the `---` or `...` line",
                "un seul document par fichier\u{a0}: retirez la ligne `---` ou `...`",
            ),
        ),
        SyntaxKind::Other => (
            Text::new("this is not valid YAML", "ce n'est pas du YAML valide"),
            Text::new(
                "check the indentation, colons and brackets around this place",
                "vérifiez l'indentation, les deux-points et les crochets à cet endroit",
            ),
        ),
    };
    (message, Some(hint))
}

/// The message and hint of `not-utf8`.
pub(super) fn not_utf8(utf16: bool) -> (Text, Option<Text>) {
    (
        if utf16 {
            Text::new(
                "file is UTF-16, not UTF-8",
                "le fichier est en UTF-16, pas en UTF-8",
            )
        } else {
            Text::new(
                "file is not UTF-8 text",
                "le fichier n'est pas du texte UTF-8",
            )
        },
        Some(Text::new(
            "save it as UTF-8 in your editor",
            "enregistrez-le en UTF-8 dans votre éditeur",
        )),
    )
}

/// The message and hint of `too-large`.
pub(super) fn too_large(bytes: &u64) -> (Text, Option<Text>) {
    (
        Text::new(
            format!("file is {bytes} bytes, over the 10 MiB limit"),
            format!("le fichier fait {bytes} octets, au-delà de la limite de 10 Mio"),
        ),
        Some(Text::new("split or trim it", "scindez-le ou allégez-le")),
    )
}

/// The message and hint of `too-deep`.
pub(super) fn too_deep() -> (Text, Option<Text>) {
    (
        Text::new(
            format!("nesting deeper than {} levels", crate::yaml::MAX_DEPTH),
            format!("imbrication de plus de {} niveaux", crate::yaml::MAX_DEPTH),
        ),
        Some(Text::new(
            "a plan file needs only a few levels",
            "un fichier de plan n'en demande que quelques-uns",
        )),
    )
}

/// The message and hint of `too-many-aliases`.
pub(super) fn too_many_aliases() -> (Text, Option<Text>) {
    (
        Text::new(
            format!(
                "more than {} aliases, or more than {} values or {} MiB of text repeated by aliases",
                crate::yaml::MAX_ALIASES,
                crate::yaml::MAX_ALIAS_EXPANSION,
                crate::yaml::MAX_ALIAS_BYTES / (1024 * 1024)
            ),
            format!(
                "plus de {} alias, ou plus de {} valeurs ou {} Mio de texte répétés par des alias",
                crate::yaml::MAX_ALIASES,
                crate::yaml::MAX_ALIAS_EXPANSION,
                crate::yaml::MAX_ALIAS_BYTES / (1024 * 1024)
            ),
        ),
        Some(Text::new(
            "write the values out instead of `*alias`",
            "écrivez les valeurs plutôt que des `*alias`",
        )),
    )
}

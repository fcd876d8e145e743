//! Why a change was not written: one type for every writer, each reason
//! said in English and French (through [`Localize`]), never a library's words.

use crate::diag::{Diagnostic, Problem};
use crate::edit::{EditError, Notice, VerifyError};
use crate::git::GitError;
use crate::i18n::phrase::{io_reason, mean, nothing_written, path as shown};
use crate::i18n::{Lang, Localize};
use crate::load::Loaded;
use std::io::ErrorKind;
use std::path::PathBuf;

/// A kind of id a user names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// An axis (`--axis`).
    Axis,
    /// An objective (`--objective`).
    Objective,
    /// A field of intervention.
    Field,
    /// A partner.
    Partner,
    /// A track.
    Track,
}

/// Why [`super::apply`] or [`super::staging`] wrote nothing.
#[derive(Debug)]
pub enum Refusal {
    /// The plan has errors before the change: the plan and its diagnostics.
    Invalid(Box<(Loaded, Vec<Diagnostic>)>),
    /// The entry asked is refused (unknown sheet, bad progress…).
    Entry(crate::record::Refusal),
    /// `--amend` on a sheet without entries.
    NothingToAmend(String),
    /// `--amend` would drop what the replaced entry says and the new one
    /// does not repeat: the options that would keep it.
    AmendDrops(Vec<String>),
    /// The file cannot be edited as it is written.
    Edit(EditError),
    /// The edit did not read back as the old file plus the change.
    Verify(VerifyError),
    /// The new text would be over the size limit (the file, the limit).
    TooLarge(PathBuf, u64),
    /// The plan would have errors after the change: those it would cause.
    WouldInvalidate {
        /// The change is a journal entry.
        entry: bool,
        /// The errors the change would cause.
        problems: Vec<Problem>,
    },
    /// The file is a symbolic link.
    LinkedSheet(PathBuf),
    /// The file cannot be read.
    CannotRead(PathBuf, ErrorKind),
    /// The file cannot be written.
    CannotWrite(PathBuf, ErrorKind),
    /// The lock cannot be taken.
    CannotLock(PathBuf, ErrorKind),
    /// Another writer held the lock for the whole timeout (seconds).
    LockTimeout(PathBuf, u64),
    /// `--commit` cannot commit.
    Git(GitError),
    /// A new id that is not a slug.
    BadSlug(String),
    /// A new id already taken.
    IdTaken(String),
    /// A value outside its choices, with the closest and every accepted
    /// value (its English and French words).
    BadChoice {
        /// What was typed.
        text: String,
        /// The closest accepted word.
        suggestion: Option<String>,
        /// Every accepted value, in English and in French.
        accepted: Vec<(&'static str, &'static str)>,
    },
    /// Not a date.
    BadDate(String),
    /// Not `YEAR=VALUE`.
    BadYearValue(String),
    /// Not `YEAR=AMOUNT` in euros.
    BadYearAmount(String),
    /// A year planned twice.
    YearTwice(i32),
    /// Not `START-END`.
    BadSchedule(String),
    /// `set` with nothing to set.
    NothingToSet,
    /// An id that the plan does not know, with the closest.
    UnknownId {
        /// What kind of id.
        kind: IdKind,
        /// The id given.
        id: String,
        /// The closest known id.
        suggestion: Option<String>,
    },
    /// A new plan's folder already holds one.
    HoldsPlan(PathBuf),
    /// A new plan's file is already there.
    WouldOverwrite(PathBuf),
    /// A new plan would not validate (its number of errors).
    DraftInvalid(usize),
    /// A set of files was written in part: a rename failed after the files
    /// before it were replaced.
    PartlyWritten {
        /// The files written, in order.
        written: Vec<PathBuf>,
        /// The file that could not be written.
        failed: PathBuf,
        /// Why.
        kind: ErrorKind,
    },
}

/// "unknown partner `x` (did you mean `y`?)".
pub(crate) fn unknown_id(
    kind: IdKind,
    id: &str,
    suggestion: &Option<String>,
    lang: Lang,
) -> String {
    let (en, fr) = match kind {
        IdKind::Axis => ("unknown axis", "axe inconnu"),
        IdKind::Objective => ("unknown objective", "objectif inconnu"),
        IdKind::Field => ("unknown field", "champ inconnu"),
        IdKind::Partner => ("unknown partner", "partenaire inconnu"),
        IdKind::Track => ("unknown track", "piste inconnue"),
    };
    format!("{} `{id}`{}", lang.pick(en, fr), mean(suggestion, lang))
}

impl IdKind {
    /// "unknown partner `x` (did you mean `y`?)".
    pub fn unknown(self, id: &str, suggestion: &Option<String>, lang: Lang) -> String {
        unknown_id(self, id, suggestion, lang)
    }
}

impl Localize for Refusal {
    fn say(&self, lang: Lang) -> String {
        use Refusal::*;
        let nothing = nothing_written(lang);
        match self {
            Invalid(_) => lang.pick(
                "the plan has errors: run `ctg validate`".to_string(),
                "le plan a des erreurs\u{a0}: lancez `ctg validate`".to_string(),
            ),
            Entry(r) => r.say(lang),
            AmendDrops(options) => lang.pick(
                format!(
                    "the entry being replaced also says {}: give them again, or they would be lost",
                    options.join(" ")
                ),
                format!(
                    "le suivi remplacé dit aussi {}\u{a0}: redonnez-les, sinon ils seraient perdus",
                    options.join(" ")
                ),
            ),
            NothingToAmend(id) => lang.pick(
                format!("{id} has no journal entry to amend: record one without --amend"),
                format!("{id} n'a aucun suivi à corriger\u{a0}: enregistrez-en un sans --amend"),
            ),
            Edit(e) => e.say(lang),
            Verify(why) => {
                let why = why.say(lang);
                lang.pick(format!("{nothing}: {why}"), format!("{nothing}\u{a0}: {why}"))
            }
            TooLarge(p, limit) => {
                let mib = limit / (1024 * 1024);
                lang.pick(
                    format!("{nothing}: `{}` would be over {mib} MiB, the largest plan file ctg reads (split the journal, or move old entries to another sheet)", shown(p)),
                    format!("{nothing}\u{a0}: `{}` dépasserait {mib} Mio, la taille maximale d'un fichier de plan (scindez le suivi ou déplacez d'anciens suivis)", shown(p)),
                )
            }
            WouldInvalidate { entry, problems } => {
                let what = match entry {
                    true => lang.pick("the entry", "le suivi"),
                    false => lang.pick("the change", "la modification"),
                };
                let causes: Vec<String> = problems.iter().map(|p| p.say(lang)).collect();
                let causes = causes.join("; ");
                lang.pick(
                    format!("{nothing}: {what} would make the plan invalid: {causes}"),
                    format!("{nothing}\u{a0}: {what} rendrait le plan invalide\u{a0}: {causes}"),
                )
            }
            LinkedSheet(p) => lang.pick(
                format!(
                    "the sheet `{}` is a symbolic link: record does not write through links; {nothing} (add the entry in the file it leads to)",
                    shown(p)
                ),
                format!(
                    "la fiche `{}` est un lien symbolique\u{a0}: record n'écrit pas à travers un lien\u{a0}; {nothing} (ajoutez le suivi dans le fichier vers lequel il mène)",
                    shown(p)
                ),
            ),
            CannotRead(p, kind) => lang.pick(
                format!("cannot read `{}`: {}", shown(p), io_reason(*kind, lang)),
                format!("impossible de lire `{}`\u{a0}: {}", shown(p), io_reason(*kind, lang)),
            ),
            CannotWrite(p, kind) => lang.pick(
                format!("cannot write `{}`: {}", shown(p), io_reason(*kind, lang)),
                format!("impossible d'écrire `{}`\u{a0}: {}", shown(p), io_reason(*kind, lang)),
            ),
            CannotLock(p, kind) => lang.pick(
                format!("cannot take the plan's lock `{}`: {}; {nothing}", shown(p), io_reason(*kind, lang)),
                format!("impossible de prendre le verrou du plan `{}`\u{a0}: {}\u{a0}; {nothing}", shown(p), io_reason(*kind, lang)),
            ),
            LockTimeout(p, secs) => lang.pick(
                format!("another ctg has held the plan's lock `{}` for {secs} s: given up; {nothing} (try again once it has finished)", shown(p)),
                format!("un autre ctg tient le verrou du plan `{}` depuis {secs} s\u{a0}: abandon\u{a0}; {nothing} (recommencez quand il aura fini)", shown(p)),
            ),
            Git(e) => lang.pick(
                format!("{}; {nothing}", e.say(lang)),
                format!("{}\u{a0}; {nothing}", e.say(lang)),
            ),
            BadSlug(id) => lang.pick(
                format!("`{id}` is not an id: use lower-case letters, digits and hyphens, at most 64 characters (e.g. caf-gard)"),
                format!("`{id}` n'est pas un identifiant\u{a0}: utilisez des minuscules, des chiffres et des tirets, 64 caractères au plus (par exemple caf-gard)"),
            ),
            IdTaken(id) => lang.pick(
                format!("`{id}` is already used: choose another id"),
                format!("`{id}` est déjà pris\u{a0}: choisissez un autre identifiant"),
            ),
            BadChoice {
                text,
                suggestion,
                accepted,
            } => {
                let words: Vec<String> = accepted
                    .iter()
                    .map(|(en, fr)| format!("`{}`", lang.pick(*en, *fr)))
                    .collect();
                let words = words.join(", ");
                lang.pick(
                    format!(
                        "`{text}` is not one of the accepted values{}: {words}",
                        mean(suggestion, lang)
                    ),
                    format!(
                        "`{text}` n'est pas une des valeurs acceptées{}\u{a0}: {words}",
                        mean(suggestion, lang)
                    ),
                )
            }
            BadDate(t) => crate::i18n::phrase::bad_date(t, lang),
            BadYearValue(text) => lang.pick(
                format!("`{text}` is not YEAR=VALUE (e.g. 2025=52)"),
                format!("`{text}` n'est pas ANNÉE=VALEUR (par exemple 2025=52)"),
            ),
            BadYearAmount(text) => lang.pick(
                format!("`{text}` is not YEAR=AMOUNT in euros, 0 or more with at most two decimals (e.g. 2025=15000.50 or \"2025=15 000,50\")"),
                format!("`{text}` n'est pas ANNÉE=MONTANT en euros, positif avec au plus deux décimales (par exemple 2025=15000.50 ou \"2025=15 000,50\")"),
            ),
            YearTwice(year) => lang.pick(
                format!("{year} is planned twice: give one --planned {year}=…"),
                format!("{year} est prévue deux fois\u{a0}: donnez un seul --planned {year}=…"),
            ),
            BadSchedule(text) => lang.pick(
                format!("`{text}` is not START-END (e.g. 2023-2026)"),
                format!("`{text}` n'est pas DÉBUT-FIN (par exemple 2023-2026)"),
            ),
            NothingToSet => lang.pick(
                "nothing to set: give --lead, --partners, --fields, --tracks or --schedule".to_string(),
                "rien à modifier\u{a0}: indiquez --lead, --partners, --fields, --tracks ou --schedule".to_string(),
            ),
            UnknownId { kind, id, suggestion } => unknown_id(*kind, id, suggestion, lang),
            HoldsPlan(p) => lang.pick(
                format!("`{}` already holds a plan: a new plan goes into a folder without one; {nothing}", shown(p)),
                format!("`{}` contient déjà un plan\u{a0}: un nouveau plan va dans un dossier qui n'en a pas\u{a0}; {nothing}", shown(p)),
            ),
            WouldOverwrite(p) => lang.pick(
                format!("`{}` is already there: ctg does not replace files; {nothing}", shown(p)),
                format!("`{}` existe déjà\u{a0}: ctg ne remplace pas de fichier\u{a0}; {nothing}", shown(p)),
            ),
            DraftInvalid(n) => lang.pick(
                format!("the new plan would not validate ({n} errors); {nothing}"),
                format!("le nouveau plan ne serait pas valide ({n} erreurs)\u{a0}; {nothing}"),
            ),
            PartlyWritten { written, failed, kind } => {
                let list: Vec<String> = written.iter().map(|p| format!("`{}`", shown(p))).collect();
                let list = list.join(", ");
                let why = io_reason(*kind, lang);
                lang.pick(
                    format!("cannot write `{}`: {why}; written before it: {list} (no other file was written)", shown(failed)),
                    format!("impossible d'écrire `{}`\u{a0}: {why}\u{a0}; déjà écrits\u{a0}: {list} (aucun autre fichier n'a été écrit)", shown(failed)),
                )
            }
        }
    }
}

impl Localize for EditError {
    fn say(&self, lang: Lang) -> String {
        match self {
            EditError::FlowRoot => lang.pick(
                "the sheet is written as one `{...}` mapping; write it one key per line (`id: ...`, `title: ...`) and record again",
                "la fiche est écrite en un seul bloc `{...}`\u{a0}; écrivez une clé par ligne (`id: ...`, `title: ...`) puis recommencez",
            )
            .to_string(),
            EditError::RootNotMapping => lang.pick(
                "the sheet is not written as keys (`id: ...`, `title: ...`); fix it and record again",
                "la fiche n'est pas écrite sous forme de clés (`id: ...`, `title: ...`)\u{a0}; corrigez-la puis recommencez",
            )
            .to_string(),
            EditError::NotBlockList(key) => lang.pick(
                format!("`{key}` is not written one item per line (`- ...`); write it so and try again"),
                format!("`{key}` n'est pas écrit un élément par ligne (`- ...`)\u{a0}; écrivez-le ainsi puis recommencez"),
            ),
            EditError::Unparsable => lang.pick(
                "the sheet could not be read for editing; run `ctg validate`",
                "la fiche n'a pas pu être lue pour la modifier\u{a0}; lancez `ctg validate`",
            )
            .to_string(),
        }
    }
}

impl Localize for VerifyError {
    fn say(&self, lang: Lang) -> String {
        match self {
            VerifyError::NotASheet(problem) => {
                let detail = problem
                    .as_ref()
                    .map_or_else(String::new, |p| format!(" ({})", p.say(lang)));
                lang.pick(
                    format!("the edited file would not read as a valid sheet{detail}"),
                    format!("le fichier modifié ne se lirait plus comme une fiche valide{detail}"),
                )
            }
            VerifyError::NotOldPlusChange => lang
                .pick(
                    "the edited file would not read as the old one with exactly this change",
                    "le fichier modifié ne se lirait pas comme l'ancien avec exactement ce changement",
                )
                .to_string(),
            VerifyError::NoFinalLineBreak => lang
                .pick(
                    "the file does not end with a line break, so its last text would change with the edit: add a line break at the end of the file (an empty last line) and try again",
                    "le fichier ne finit pas par un saut de ligne, et son dernier texte changerait avec la modification\u{a0}: ajoutez un saut de ligne à la fin du fichier (une dernière ligne vide) et recommencez",
                )
                .to_string(),
            VerifyError::ChangesLines => lang
                .pick(
                    "the edit would change existing lines",
                    "la modification changerait des lignes existantes",
                )
                .to_string(),
        }
    }
}

impl Localize for Notice {
    fn say(&self, lang: Lang) -> String {
        match self {
            Notice::FlowJournalRewritten => lang.pick(
                "note: the journal was written `journal: [...]`; it is now one entry per block (only its lines changed)",
                "note\u{a0}: le suivi était écrit `journal: [...]`\u{a0}; il est maintenant en blocs (seules ses lignes changent)",
            ),
            Notice::FinalNewlineAdded => lang.pick(
                "note: the file had no final newline; it has one now",
                "note\u{a0}: le fichier n'avait pas de saut de ligne final\u{a0}; il en a un maintenant",
            ),
        }
        .to_string()
    }
}

/// What went wrong with git, in our words; git's own last line of error
/// follows when a git command failed (it is a program's message, shown
/// after ours so that the coordinator can act on it).
impl Localize for GitError {
    fn say(&self, lang: Lang) -> String {
        match self {
            GitError::NotInstalled => lang
                .pick(
                    "--commit needs git, which is not installed",
                    "--commit demande git, qui n'est pas installé",
                )
                .to_string(),
            GitError::NotAWorkTree => lang
                .pick(
                    "--commit: the plan is not in a git repository",
                    "--commit\u{a0}: le plan n'est pas dans un dépôt git",
                )
                .to_string(),
            GitError::NoIdentity(_) => lang
                .pick(
                    "--commit: git does not know who you are (git config user.name / user.email)",
                    "--commit\u{a0}: git ne sait pas qui vous êtes (git config user.name / user.email)",
                )
                .to_string(),
            GitError::Failed(why) => {
                let why = crate::safe::safe(why);
                lang.pick(format!("git said: {why}"), format!("git a répondu\u{a0}: {why}"))
            }
        }
    }
}

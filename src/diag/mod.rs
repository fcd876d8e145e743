//! Diagnostics: what is wrong with a plan, where, and how to fix it.
//!
//! A [`Problem`] carries the facts; its code never changes and its message and
//! hint are written in both languages in one place, so every diagnostic has
//! both translations.

use crate::i18n::{Lang, Localize};
use crate::yaml::{Pos, SyntaxKind};
use chrono::NaiveDate;
use std::path::PathBuf;

mod details;
mod messages;

/// Error or warning; serialized as `error` or `warning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Makes the plan invalid.
    Error,
    /// Worth a look; `--strict` makes it an error.
    Warning,
}

/// One problem at one place.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub problem: Problem,
    /// File, relative to the plan folder.
    pub file: PathBuf,
    /// Where in the file (line 0 when the problem is the file itself).
    pub pos: Pos,
    /// How many characters to underline (at least one).
    pub width: usize,
}

/// Everything ctg can find wrong with a plan.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum Problem {
    YamlSyntax {
        kind: SyntaxKind,
    },
    /// `journal_entry`: the key is a journal entry's key, repeated in one
    /// entry because a `- ` is missing before the next entry.
    DuplicateKey {
        journal_entry: bool,
    },
    /// `before_percent`: the number, when the value is a number followed by `%`.
    WrongType {
        key: String,
        expected: Expected,
        before_percent: Option<String>,
    },
    MissingKey {
        key: String,
    },
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    BadId {
        id: String,
        expected: IdExpected,
    },
    MissingParent {
        id: String,
        parent: String,
    },
    FileName {
        id: String,
        file: String,
    },
    UnknownPartner {
        id: String,
        suggestion: Option<String>,
    },
    UnknownField {
        id: String,
        suggestion: Option<String>,
    },
    UnknownTrack {
        id: String,
        suggestion: Option<String>,
    },
    UnknownMilestone {
        id: String,
        suggestion: Option<String>,
    },
    UnknownIndicator {
        id: String,
        suggestion: Option<String>,
    },
    BadStatus {
        text: String,
        suggestion: Option<String>,
    },
    ProgressRange {
        value: String,
    },
    BadDate {
        text: String,
    },
    Schedule {
        start: i32,
        end: i32,
        period: (i32, i32),
    },
    /// The convention period starts after it ends.
    ReversedPeriod {
        start: i32,
        end: i32,
    },
    EntryOutsidePeriod {
        date: NaiveDate,
        period: (i32, i32),
    },
    EmptyEntry,
    NoField,
    ReachedTwice {
        id: String,
        first: NaiveDate,
    },
    AbandonedNoNote,
    BadNumber {
        text: String,
    },
    DuplicateTarget {
        year: i32,
    },
    /// An amount of euros that is not one (`bad-amount`).
    BadAmount {
        text: String,
        why: AmountProblem,
    },
    /// A year given twice in a budget line's `planned`.
    DuplicateYear {
        year: i32,
    },
    /// A budget line's funder that is no partner.
    UnknownFunder {
        id: String,
        suggestion: Option<String>,
    },
    /// A `spent` key that is no budget line of the sheet.
    UnknownBudgetLine {
        id: String,
        suggestion: Option<String>,
    },
    /// A planned year outside the convention period.
    BudgetYear {
        year: i32,
        period: (i32, i32),
    },
    /// A line whose spent total for a year falls below zero.
    NegativeSpent {
        line: String,
        year: i32,
        total: Box<crate::model::Money>,
    },
    BadSiren {
        text: String,
    },
    BadCommune {
        text: String,
    },
    /// `key`: the sheet's list (`partners`, `fields`, `tracks`) or the
    /// convention's `signatories`, that names `id` twice.
    DuplicateReference {
        id: String,
        key: &'static str,
    },
    NotUtf8 {
        utf16: bool,
    },
    TooLarge {
        bytes: u64,
    },
    Unreadable {
        cause: Unreadable,
    },
    TooDeep,
    TooManyAliases,
    // Warnings.
    NoSheet {
        id: String,
    },
    PersonalData {
        kind: PersonalKind,
    },
    NoLead {
        id: String,
    },
    FutureEntry {
        date: NaiveDate,
    },
    ProgressDown {
        from: String,
        to: String,
    },
    DoneOpenMilestones {
        open: Vec<String>,
    },
    DoneBelow100 {
        progress: String,
    },
    Stale {
        id: String,
        last: NaiveDate,
    },
    DueOutsidePeriod {
        date: NaiveDate,
    },
    TargetOutsidePeriod {
        year: i32,
    },
    /// Spent above planned for a line and a year.
    /// `amounts`: spent, then planned.
    Overspent {
        line: String,
        year: i32,
        amounts: Box<[crate::model::Money; 2]>,
    },
    /// Spent on a line in a year with nothing planned for it.
    SpentNoPlan {
        line: String,
        year: i32,
    },
    IgnoredFile {
        reason: IgnoredReason,
    },
}

/// Why an amount of euros is refused (`bad-amount`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountProblem {
    /// Not a plain decimal number (`1e3`, `.inf`).
    NotPlain,
    /// More than two decimal places.
    Decimals,
    /// Beyond a thousand billion euros either side of zero.
    Range,
    /// Below zero where only a correction of spending may be.
    Negative,
}

/// What a value should have been, for `wrong-type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Expected {
    Text,
    Number,
    Integer,
    Year,
    Bool,
    List,
    Map,
    Date,
    /// One of the listed words.
    OneOf(&'static str),
}

/// The shape an id should have had, for `bad-id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdExpected {
    /// Lower-case letters, digits and single hyphens.
    Slug,
    /// A number from 1.
    Axis,
    /// `axis.N`.
    Objective,
    /// `axis.objective.N`.
    Sheet,
    /// An objective id under this axis.
    UnderAxis(String),
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// It is not there.
    NotFound,
    /// No permission.
    Denied,
    /// A folder where a file should be.
    Folder,
    /// Anything else, with the system's error number when there is one.
    Other(Option<i32>),
    /// Not a regular file: a folder, a FIFO, a device, a socket.
    NotAFile(FileKind),
    /// A link, or a file in a linked folder, that leads out of the plan
    /// folder: never read, so that nothing outside the plan is echoed.
    Outside {
        /// Where the link points (as written in the link when it is one).
        target: std::path::PathBuf,
    },
    /// A link that leads to no file: its target is missing, or links loop.
    BrokenLink {
        /// Where the link points, as written in it.
        target: std::path::PathBuf,
    },
}

/// What likely personal data a journal text holds (`personal-data`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalKind {
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A social-security number (NIR) with its key.
    SocialSecurity,
    /// A bank account number (IBAN) with its check digits.
    Iban,
    /// A date of birth (`né le …`).
    BirthDate,
    /// A person named by a title (`Mme Dupont`, `famille Martin`).
    PersonName,
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A folder.
    Folder,
    /// A symbolic link (seen without following it).
    Link,
    /// A named pipe.
    Fifo,
    /// A Unix socket.
    Socket,
    /// A character or block device.
    Device,
    /// Anything else.
    Other,
}

impl FileKind {
    /// What `file_type` is, or `None` for a regular file.
    pub fn of(file_type: std::fs::FileType) -> Option<FileKind> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(FileKind::Folder);
        }
        if file_type.is_symlink() {
            return Some(FileKind::Link);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(FileKind::Fifo);
            }
            if file_type.is_socket() {
                return Some(FileKind::Socket);
            }
            if file_type.is_char_device() || file_type.is_block_device() {
                return Some(FileKind::Device);
            }
        }
        Some(FileKind::Other)
    }

    /// "a folder", "a named pipe (FIFO)"…, in `lang`.
    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            FileKind::Folder => lang.pick("a folder", "un dossier"),
            FileKind::Link => lang.pick("a symbolic link", "un lien symbolique"),
            FileKind::Fifo => lang.pick("a named pipe (FIFO)", "un tube nommé (FIFO)"),
            FileKind::Socket => lang.pick("a socket", "une socket"),
            FileKind::Device => lang.pick("a device", "un périphérique"),
            FileKind::Other => lang.pick("a special file", "un fichier spécial"),
        }
    }
}

/// Why a file in the plan folder is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoredReason {
    /// Ends in `.yml` instead of `.yaml`.
    YmlExtension,
    /// A folder inside `actions/`.
    SubFolder,
    /// A `.yaml` at the root that ctg does not know.
    UnknownRootFile,
}

impl Problem {
    /// The stable kebab-case code.
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            YamlSyntax { .. } => "yaml-syntax",
            DuplicateKey { .. } => "duplicate-key",
            WrongType { .. } => "wrong-type",
            MissingKey { .. } => "missing-key",
            UnknownKey { .. } => "unknown-key",
            DuplicateId { .. } => "duplicate-id",
            BadId { .. } => "bad-id",
            MissingParent { .. } => "missing-parent",
            FileName { .. } => "file-name",
            UnknownPartner { .. } => "unknown-partner",
            UnknownField { .. } => "unknown-field",
            UnknownTrack { .. } => "unknown-track",
            UnknownMilestone { .. } => "unknown-milestone",
            UnknownIndicator { .. } => "unknown-indicator",
            BadStatus { .. } => "bad-status",
            ProgressRange { .. } => "progress-range",
            BadDate { .. } => "bad-date",
            Schedule { .. } | ReversedPeriod { .. } => "schedule",
            EntryOutsidePeriod { .. } => "entry-outside-period",
            EmptyEntry => "empty-entry",
            NoField => "no-field",
            ReachedTwice { .. } => "reached-twice",
            AbandonedNoNote => "abandoned-no-note",
            BadNumber { .. } => "bad-number",
            DuplicateTarget { .. } => "duplicate-target",
            BadAmount { .. } => "bad-amount",
            DuplicateYear { .. } => "duplicate-year",
            UnknownFunder { .. } => "unknown-funder",
            UnknownBudgetLine { .. } => "unknown-budget-line",
            BudgetYear { .. } => "budget-year",
            NegativeSpent { .. } => "negative-spent",
            BadSiren { .. } => "bad-siren",
            BadCommune { .. } => "bad-commune",
            Overspent { .. } => "overspent",
            SpentNoPlan { .. } => "spent-no-plan",
            DuplicateReference { .. } => "duplicate-reference",
            NotUtf8 { .. } => "not-utf8",
            TooLarge { .. } => "too-large",
            Unreadable { .. } => "unreadable",
            TooDeep => "too-deep",
            TooManyAliases => "too-many-aliases",
            NoSheet { .. } => "no-sheet",
            PersonalData { .. } => "personal-data",
            NoLead { .. } => "no-lead",
            FutureEntry { .. } => "future-entry",
            ProgressDown { .. } => "progress-down",
            DoneOpenMilestones { .. } => "done-open-milestones",
            DoneBelow100 { .. } => "done-below-100",
            Stale { .. } => "stale",
            DueOutsidePeriod { .. } => "due-outside-period",
            TargetOutsidePeriod { .. } => "target-outside-period",
            IgnoredFile { .. } => "ignored-file",
        }
    }

    /// The plain fix, when there is one (the one-line message is its
    /// [`Localize`] text).
    pub fn hint(&self, lang: Lang) -> Option<String> {
        self.texts().1.map(|t| t.get(lang))
    }

    /// The sheet id a grouped warning is about (`no-lead`, `stale`).
    pub fn grouped_subject(&self) -> Option<&str> {
        match self {
            Problem::NoLead { id } | Problem::Stale { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The message of `count` warnings like this one shown as one line.
    pub fn group_message(&self, count: usize, ids: &str, lang: Lang) -> String {
        match self {
            Problem::Stale { .. } => lang.pick(
                format!("{count} action sheets have had no entry for too long: {ids}"),
                format!("{count} fiches actions sans suivi depuis trop longtemps\u{a0}: {ids}"),
            ),
            _ => lang.pick(
                format!("{count} action sheets without a lead: {ids}"),
                format!("{count} fiches actions sans pilote\u{a0}: {ids}"),
            ),
        }
    }
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

/// The one-line message of a problem.
impl Localize for Problem {
    fn say(&self, lang: Lang) -> String {
        self.texts().0.get(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let partners = ["calade", "caf-gard", "ccps"];
        assert_eq!(suggest("calad", partners).as_deref(), Some("calade"));
        assert_eq!(suggest("cfa-gard", partners).as_deref(), Some("caf-gard"));
        assert_eq!(suggest("mairie", partners), None);
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let p = Problem::UnknownPartner {
            id: "calad".into(),
            suggestion: Some("calade".into()),
        };
        assert_eq!(p.say(Lang::En), "unknown partner `calad`");
        assert_eq!(p.say(Lang::Fr), "partenaire inconnu `calad`");
        assert_eq!(
            p.hint(Lang::Fr).as_deref(),
            Some("vouliez-vous dire `calade`\u{a0}?")
        );
        assert_eq!(p.code(), "unknown-partner");
    }
}

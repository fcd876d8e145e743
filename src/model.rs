//! The plan as typed data: convention, partners, axes, tracks, action sheets.
//!
//! Values a check may need to point at are [`Located`]: they carry the
//! position they were read from, which equality ignores, so two plans compare
//! equal when their content is equal wherever it sits in the files.

use crate::yaml::Pos;
use chrono::NaiveDate;

/// The largest magnitude of a measure, target or baseline: a thousand
/// billion. Anything beyond is a typing slip (or an attack on the
/// arithmetic), never a count of a territory's families or places.
pub const MAX_NUMBER: f64 = 1e12;

/// True for a number a plan can hold: finite and within ±[`MAX_NUMBER`].
pub fn usable_number(value: f64) -> bool {
    value.is_finite() && value.abs() <= MAX_NUMBER
}
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A value with the position it was read from. Equality ignores the position.
#[derive(Debug, Clone, Default)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub pos: Pos,
}

impl<T: PartialEq> PartialEq for Located<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// The whole plan folder, read and decoded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// `convention.yaml`.
    pub convention: Convention,
    /// `partners.yaml`.
    pub partners: Vec<Partner>,
    /// `axes.yaml`.
    pub axes: Vec<Axis>,
    /// `tracks.yaml`.
    pub tracks: Vec<Track>,
    /// `actions/*.yaml`, sorted by id.
    pub sheets: Vec<Sheet>,
}

/// The convention itself (`convention.yaml`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Convention {
    /// Its full name.
    pub name: String,
    /// The territory it covers.
    pub territory: String,
    /// Partner ids of the signatories.
    pub signatories: Vec<Located<String>>,
    /// Date of signature.
    pub signed: Option<NaiveDate>,
    /// First and last year, inclusive, where `period:` is written.
    pub period: Located<Period>,
    /// Default output language (`fr` or `en`).
    pub language: Option<String>,
    /// The fields of intervention.
    pub fields: Vec<Field>,
    /// How to reach the coordinator.
    pub coordinator: Option<Coordinator>,
    /// Months without a journal entry after which a sheet is stale.
    pub stale_after_months: u32,
    /// The convention this one renews (`previous:`, written by `ctg renew`).
    pub previous: Option<Previous>,
}

/// The convention a plan renews: its name and period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Previous {
    /// Its full name.
    pub name: String,
    /// Its years.
    pub period: Period,
}

/// Where a sheet was carried from (`carried_from:`, written by `ctg renew`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CarriedFrom {
    /// The period of the convention it came from.
    pub period: Period,
    /// Its id in that convention.
    pub id: String,
}

/// A span of whole years, inclusive (JSON: `{"start": …, "end": …}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Period {
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
}

/// A field of intervention (champ d'intervention).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Slug.
    pub id: Located<String>,
    /// Label in the plan's language.
    pub label: String,
}

/// Contact details of the coordination.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coordinator {
    /// Name, optional.
    pub name: Option<String>,
    /// Role.
    pub role: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Postal address.
    pub address: Option<String>,
}

/// A partner body.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    /// Slug.
    pub id: Located<String>,
    /// Full name.
    pub name: String,
    /// What kind of body.
    pub kind: PartnerKind,
    /// Free-text contact.
    pub contact: Option<String>,
}

/// The kinds of partner, as in `partners.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerKind {
    /// Signs the convention.
    Signatory,
    /// An elected official or assembly.
    Elected,
    /// A service of the intercommunality.
    Service,
    /// A public institution.
    Institution,
    /// An association.
    Association,
    /// Anything else.
    Other,
}

impl PartnerKind {
    /// Every kind with its spelling in the files.
    pub const ALL: [(&'static str, PartnerKind); 6] = [
        ("signatory", PartnerKind::Signatory),
        ("elected", PartnerKind::Elected),
        ("service", PartnerKind::Service),
        ("institution", PartnerKind::Institution),
        ("association", PartnerKind::Association),
        ("other", PartnerKind::Other),
    ];
}

/// A strategic axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// `1`, `2`, …
    pub id: Located<String>,
    /// Title.
    pub title: String,
    /// Its strategic objectives.
    pub objectives: Vec<Objective>,
}

/// A strategic objective.
#[derive(Debug, Clone, PartialEq)]
pub struct Objective {
    /// `1.1`, `1.2`, …
    pub id: Located<String>,
    /// Title.
    pub title: String,
}

/// An action track (piste d'action), in one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    /// Slug.
    pub id: Located<String>,
    /// Field id.
    pub field: Located<String>,
    /// Title.
    pub title: String,
}

/// An action sheet (fiche action).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The file it was read from, relative to the plan folder.
    pub file: PathBuf,
    /// `1.1.1`, …
    pub id: Located<String>,
    /// Title.
    pub title: String,
    /// Field ids, at least one.
    pub fields: Vec<Located<String>>,
    /// Partner id of the lead (pilote).
    pub lead: Option<Located<String>>,
    /// The sheet of the previous convention this one carries on.
    pub carried_from: Option<CarriedFrom>,
    /// Partner ids.
    pub partners: Vec<Located<String>>,
    /// Track ids.
    pub tracks: Vec<Located<String>>,
    /// Target audiences.
    pub audience: Vec<String>,
    /// Free description.
    pub description: Option<String>,
    /// Operational goals.
    pub goals: Vec<String>,
    /// Years the sheet runs.
    pub schedule: Located<Period>,
    /// Descriptive only.
    pub recurring: bool,
    /// Indicators.
    pub indicators: Vec<Indicator>,
    /// Planned steps.
    pub milestones: Vec<Milestone>,
    /// Dated progress records, in file order.
    pub journal: Vec<Entry>,
}

/// An indicator of an action sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Slug.
    pub id: Located<String>,
    /// Label.
    pub label: String,
    /// Unit, free text.
    pub unit: Option<String>,
    /// Result or means.
    pub kind: Option<IndicatorKind>,
    /// Which way is better.
    pub direction: Direction,
    /// Starting value.
    pub baseline: Option<Baseline>,
    /// Target per year.
    pub targets: BTreeMap<i32, Located<f64>>,
}

/// Result or means indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorKind {
    /// Measures an outcome.
    Result,
    /// Measures an effort.
    Means,
}

/// Which way an indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Larger is better.
    #[default]
    Up,
    /// Smaller is better.
    Down,
    /// Closer to the target is better.
    Steady,
}

/// An indicator's starting point.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// Year measured.
    pub year: i32,
    /// Value.
    pub value: f64,
}

/// A planned step (jalon).
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// Slug.
    pub id: Located<String>,
    /// Title.
    pub title: String,
    /// Due date; none for a milestone carried by `ctg renew`, which is not
    /// late and not counted among the milestones due in any year.
    pub due: Option<Located<NaiveDate>>,
}

impl Milestone {
    /// The due date, if any.
    pub fn due_date(&self) -> Option<NaiveDate> {
        self.due.as_ref().map(|d| d.value)
    }

    /// True when due in `year`.
    pub fn due_in(&self, year: i32) -> bool {
        use chrono::Datelike;
        self.due_date().is_some_and(|d| d.year() == year)
    }

    /// True when due before `date`.
    pub fn due_before(&self, date: NaiveDate) -> bool {
        self.due_date().is_some_and(|d| d < date)
    }
}

/// The statuses a sheet can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Not started.
    Planned,
    /// Under way.
    InProgress,
    /// Stopped for now.
    Paused,
    /// Cannot go on.
    Blocked,
    /// Moved to later.
    Postponed,
    /// Finished.
    Done,
    /// Given up.
    Abandoned,
}

/// A status is written as its English key.
impl serde::Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 7] = [
        Status::Planned,
        Status::InProgress,
        Status::Paused,
        Status::Blocked,
        Status::Postponed,
        Status::Done,
        Status::Abandoned,
    ];

    /// The English name written in files.
    pub fn key(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in-progress",
            Status::Paused => "paused",
            Status::Blocked => "blocked",
            Status::Postponed => "postponed",
            Status::Done => "done",
            Status::Abandoned => "abandoned",
        }
    }

    fn french_key(self) -> &'static str {
        match self {
            Status::Planned => "a-venir",
            Status::InProgress => "en-cours",
            Status::Paused => "en-pause",
            Status::Blocked => "bloquee",
            Status::Postponed => "reportee",
            Status::Done => "realisee",
            Status::Abandoned => "abandonnee",
        }
    }

    /// Reads a status in English or French, with or without accents, spaces
    /// and underscores counting as hyphens (`En cours`, `réalisée`, `in_progress`).
    /// Accents may be composed (`é`) or decomposed (`e` and a combining
    /// accent, as macOS tools write them): combining marks are dropped, which
    /// folds a decomposed letter to its base letter like a composed one.
    pub fn parse(text: &str) -> Option<Status> {
        // Most files spell a status exactly as the spec does.
        let exact = Status::ALL
            .into_iter()
            .find(|s| s.key() == text || s.french_key() == text);
        if exact.is_some() {
            return exact;
        }
        let folded: String = text
            .trim()
            .chars()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .map(|c| match c {
                ' ' | '_' => '-',
                'à' | 'â' | 'À' => 'a',
                'é' | 'è' | 'ê' | 'É' => 'e',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        Status::ALL
            .into_iter()
            .find(|s| s.key() == folded || s.french_key() == folded)
    }

    /// Every accepted spelling, for suggestions.
    pub fn spellings() -> impl Iterator<Item = &'static str> {
        Status::ALL
            .into_iter()
            .flat_map(|s| [s.key(), s.french_key()])
    }
}

/// A dated journal entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Date.
    pub date: Located<NaiveDate>,
    /// New status.
    pub status: Option<Located<Status>>,
    /// Progress 0-100.
    pub progress: Option<Located<f64>>,
    /// What was done.
    pub note: Option<String>,
    /// Difficulties met.
    pub difficulties: Option<String>,
    /// Next steps.
    pub next: Option<String>,
    /// Decision asked of the steering committee.
    pub decision: Option<String>,
    /// Milestones reached.
    pub reached: Vec<Located<String>>,
    /// Indicator values.
    pub measures: Vec<(Located<String>, f64)>,
    /// Author.
    pub by: Option<String>,
}

impl Entry {
    /// An entry dated `date` that says nothing yet.
    pub fn on(date: NaiveDate) -> Entry {
        Entry {
            date: Located {
                value: date,
                pos: Pos::default(),
            },
            status: None,
            progress: None,
            note: None,
            difficulties: None,
            next: None,
            decision: None,
            reached: Vec::new(),
            measures: Vec::new(),
            by: None,
        }
    }

    /// True when the entry says nothing beyond its date.
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.progress.is_none()
            && self.note.is_none()
            && self.difficulties.is_none()
            && self.next.is_none()
            && self.decision.is_none()
            && self.reached.is_empty()
            && self.measures.is_empty()
    }
}

/// Compares dotted ids component by component as numbers (`1.1.10` after `1.1.9`).
pub fn id_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |s: &str| {
        s.split('.')
            .map(|p| p.parse::<u64>().unwrap_or(u64::MAX))
            .collect::<Vec<_>>()
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// The parent of a dotted id (`1.2.3` → `1.2`), none for an axis id.
pub fn parent_id(id: &str) -> Option<&str> {
    id.rfind('.').map(|i| &id[..i])
}

impl Plan {
    /// The sheets whose id is `id` or lies under it (an axis, objective or sheet id).
    pub fn sheets_under<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Sheet> + 'a {
        self.sheets
            .iter()
            .filter(move |s| s.id.value == id || s.id.starts_with(&format!("{id}.")))
    }

    /// The partner with this id.
    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id.value == id)
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.convention.fields.iter().find(|f| f.id.value == id)
    }

    /// The sheet with this id.
    pub fn sheet(&self, id: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.id.value == id)
    }

    /// All objectives, in axis order.
    pub fn objectives(&self) -> impl Iterator<Item = (&Axis, &Objective)> {
        self.axes
            .iter()
            .flat_map(|a| a.objectives.iter().map(move |o| (a, o)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_accept_french_and_loose_spellings() {
        assert_eq!(Status::parse("En cours"), Some(Status::InProgress));
        assert_eq!(Status::parse("réalisée"), Some(Status::Done));
        assert_eq!(Status::parse("in_progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("à venir"), Some(Status::Planned));
        assert_eq!(Status::parse("Bloquée"), Some(Status::Blocked));
        assert_eq!(Status::parse("re\u{301}alise\u{301}e"), Some(Status::Done));
        assert_eq!(Status::parse("A\u{300} venir"), Some(Status::Planned));
        assert_eq!(Status::parse("finished"), None);
    }

    #[test]
    fn ids_sort_numerically() {
        let mut ids = vec!["1.1.10", "1.1.9", "1.2", "1.10", "2"];
        ids.sort_by(|a, b| id_order(a, b));
        assert_eq!(ids, ["1.1.9", "1.1.10", "1.2", "1.10", "2"]);
    }

    #[test]
    fn located_equality_ignores_position() {
        let a = Located {
            value: 1,
            pos: Pos { line: 1, col: 1 },
        };
        let b = Located {
            value: 1,
            pos: Pos { line: 9, col: 3 },
        };
        assert_eq!(a, b);
    }
}

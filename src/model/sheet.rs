//! An action sheet (`actions/*.yaml`): its indicators and milestones.

use super::{Entry, Located, Money, Period};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::PathBuf;

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
    /// Planned funding, one line per funder and purpose.
    pub budget: Vec<BudgetLine>,
    /// Dated progress records, in file order.
    pub journal: Vec<Entry>,
}

/// Where a sheet was carried from (`carried_from:`, written by `ctg renew`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CarriedFrom {
    /// The period of the convention it came from.
    pub period: Period,
    /// Its id in that convention.
    pub id: String,
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

/// A planned funding line of a sheet (`budget:`): who pays, for what, how
/// much each year.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLine {
    /// Slug, unique in the sheet; journal entries' `spent` name it.
    pub id: Located<String>,
    /// The partner id of the funder.
    pub funder: Located<String>,
    /// Operating or investment.
    pub nature: Nature,
    /// The funder's scheme (dispositif), free text.
    pub scheme: Option<String>,
    /// Euros planned by year.
    pub planned: BTreeMap<i32, Located<Money>>,
}

impl BudgetLine {
    /// The amount planned in `year`, none if nothing is.
    pub fn planned_in(&self, year: i32) -> Option<Money> {
        self.planned.get(&year).map(|m| m.value)
    }
}

/// What a budget line pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Nature {
    /// Running costs (fonctionnement).
    Operating,
    /// Equipment and works (investissement).
    Investment,
}

impl Nature {
    /// The spelling in a plan file.
    pub fn key(self) -> &'static str {
        match self {
            Nature::Operating => "operating",
            Nature::Investment => "investment",
        }
    }

    /// Every nature with its accepted spellings, English and French.
    pub const SPELLINGS: [(&'static str, Nature); 4] = [
        ("operating", Nature::Operating),
        ("investment", Nature::Investment),
        ("fonctionnement", Nature::Operating),
        ("investissement", Nature::Investment),
    ];
}

//! A dated journal entry of an action sheet.

use super::{Located, Money, Status};
use crate::yaml::Pos;
use chrono::NaiveDate;

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
    /// Euros spent on the sheet's budget lines, counted in the entry's year.
    pub spent: Vec<(Located<String>, Located<Money>)>,
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
            spent: Vec::new(),
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
            && self.spent.is_empty()
    }
}

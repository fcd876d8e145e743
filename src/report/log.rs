//! The journal across the plan in a period: `ctg log`.

use crate::compute::entries_until;
use crate::model::Located;
use crate::model::{Entry, Plan, Status};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// One journal entry with its sheet and the status it changed from.
#[derive(Debug, Clone)]
pub struct LogRow {
    /// Sheet id.
    pub sheet: String,
    /// Sheet title.
    pub title: String,
    /// The status before this entry (`planned` when none), when the entry sets one.
    pub status_change: Option<(Status, Status)>,
    /// The entry itself.
    pub entry: Entry,
}

/// Entries dated from `from` to `to` (inclusive) of the sheets under `scope`
/// (an axis, objective or sheet id; all when none), oldest first, then by sheet id.
pub fn build(plan: &Plan, from: NaiveDate, to: NaiveDate, scope: Option<&str>) -> Vec<LogRow> {
    let mut rows = Vec::new();
    for sheet in plan
        .sheets
        .iter()
        .filter(|s| scope.is_none_or(|id| s.id.value == id || s.id.starts_with(&format!("{id}."))))
    {
        let mut status = Status::Planned;
        for e in entries_until(&sheet.journal, to) {
            let change = e.status.as_ref().map(|s| (status, s.value));
            if let Some(s) = &e.status {
                status = s.value;
            }
            if e.date.value >= from {
                rows.push(LogRow {
                    sheet: sheet.id.value.clone(),
                    title: sheet.title.clone(),
                    status_change: change,
                    entry: e.clone(),
                });
            }
        }
    }
    rows.sort_by(|a, b| {
        a.entry
            .date
            .value
            .cmp(&b.entry.date.value)
            .then_with(|| crate::model::id_order(&a.sheet, &b.sheet))
    });
    rows
}

/// The log of a period: its JSON document.
#[derive(Debug, Serialize)]
pub struct Log<'a> {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// The entries, oldest first.
    pub entries: &'a [LogRow],
}

/// An entry as JSON: its sheet, its fields, the status it moved from, the
/// measures as an object keyed by indicator id.
impl Serialize for LogRow {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let e = &self.entry;
        let reached: Vec<&str> = e.reached.iter().map(|x| x.value.as_str()).collect();
        let mut out = s.serialize_struct("LogRow", 12)?;
        out.serialize_field("sheet", &self.sheet)?;
        out.serialize_field("date", &e.date.value)?;
        out.serialize_field("status", &e.status.as_ref().map(|s| s.value))?;
        out.serialize_field("previous_status", &self.status_change.map(|(from, _)| from))?;
        out.serialize_field("progress", &e.progress.as_ref().map(|p| p.value))?;
        out.serialize_field("note", &e.note)?;
        out.serialize_field("difficulties", &e.difficulties)?;
        out.serialize_field("next", &e.next)?;
        out.serialize_field("decision", &e.decision)?;
        out.serialize_field("reached", &reached)?;
        out.serialize_field("measures", &Measures(&e.measures))?;
        out.serialize_field("by", &e.by)?;
        out.end()
    }
}

/// The measures as an object, keyed by indicator id in the entry's order; a
/// repeated id keeps its first place and its last value.
struct Measures<'a>(&'a [(Located<String>, f64)]);

impl Serialize for Measures<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out: Vec<(&str, f64)> = Vec::new();
        for (id, v) in self.0 {
            match out.iter_mut().find(|(k, _)| *k == id.value) {
                Some(slot) => slot.1 = *v,
                None => out.push((&id.value, *v)),
            }
        }
        s.collect_map(out)
    }
}

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
    /// What its sheet calls the indicators it measures and the milestones
    /// it reaches: id, label (or title) and unit, for the readers of `log`.
    pub names: Vec<Named>,
}

/// An indicator or milestone of a sheet as people read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Its slug, as the entry writes it.
    pub id: String,
    /// Its label (an indicator) or title (a milestone).
    pub label: String,
    /// Its unit (an indicator with one).
    pub unit: Option<String>,
}

impl LogRow {
    /// What the sheet calls `id`; none when it names nothing there.
    pub fn named(&self, id: &str) -> Option<&Named> {
        self.names.iter().find(|n| n.id == id)
    }
}

/// The indicators and milestones of `sheet` that `entry` names.
fn names(sheet: &crate::model::Sheet, entry: &Entry) -> Vec<Named> {
    let indicators = sheet.indicators.iter().map(|i| Named {
        id: i.id.value.clone(),
        label: i.label.clone(),
        unit: i.unit.clone().filter(|u| !u.trim().is_empty()),
    });
    let milestones = sheet.milestones.iter().map(|m| Named {
        id: m.id.value.clone(),
        label: m.title.clone(),
        unit: None,
    });
    indicators
        .filter(|n| entry.measures.iter().any(|(k, _)| k.value == n.id))
        .chain(milestones.filter(|n| entry.reached.iter().any(|r| r.value == n.id)))
        .collect()
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
                    names: names(sheet, e),
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

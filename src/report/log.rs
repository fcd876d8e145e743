//! The journal across the plan in a period: `ctg log`.

use crate::compute::entries_until;
use crate::model::{Entry, Plan, Status};
use chrono::NaiveDate;

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

//! What a new journal entry does that the coordinator should hear at once,
//! while `record` still writes it: an entry dated before the sheet's last one
//! (so the sheet's current state stays that of the later entry), a second
//! entry on the same day, an entry added to a sheet already done or
//! abandoned. The warnings of `validate` that the entry causes (progress going
//! down, done with milestones open…) come from the checks themselves.

use crate::compute::labels::status_label;
use crate::compute::sheet_state;
use crate::i18n::fmt::short_date;
use crate::i18n::{Lang, Localize};
use crate::model::{Entry, Sheet, Status};
use chrono::NaiveDate;

/// A consequence of a new entry worth a warning.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryWarning {
    /// The sheet has an entry dated after this one.
    BeforeLast {
        /// The date of the sheet's last entry.
        last: NaiveDate,
    },
    /// The sheet already has an entry on this day.
    SameDay(NaiveDate),
    /// The sheet was already done or abandoned on that day, and the entry
    /// does not give a new status.
    AfterClosed {
        /// Done or abandoned.
        status: Status,
        /// The day of the entry.
        on: NaiveDate,
        /// The progress the entry gives, which a closed sheet does not count.
        progress: Option<f64>,
    },
}

/// The warnings `entry` deserves, added to `sheet` (the sheet before it).
pub fn entry_warnings(sheet: &Sheet, entry: &Entry, stale_after: u32) -> Vec<EntryWarning> {
    let date = entry.date.value;
    let mut found = Vec::new();
    if let Some(last) = sheet.journal.iter().map(|e| e.date.value).max()
        && last > date
    {
        found.push(EntryWarning::BeforeLast { last });
    }
    if sheet.journal.iter().any(|e| e.date.value == date) {
        found.push(EntryWarning::SameDay(date));
    }
    let before = sheet_state(sheet, stale_after, date);
    if before.is_closed() && entry.status.is_none() {
        found.push(EntryWarning::AfterClosed {
            status: before.status,
            on: date,
            progress: entry.progress.as_ref().map(|p| p.value),
        });
    }
    found
}

impl Localize for EntryWarning {
    fn say(&self, lang: Lang) -> String {
        let day = |d: &NaiveDate| short_date(*d, lang);
        match self {
            EntryWarning::BeforeLast { last } => lang.pick(
                format!("this entry is dated before the sheet's last one ({}): the sheet's current state is still that of the later entry", day(last)),
                format!("ce suivi est daté d'avant le dernier de la fiche ({})\u{a0}: l'état actuel de la fiche reste celui du suivi le plus récent", day(last)),
            ),
            EntryWarning::SameDay(d) => lang.pick(
                format!("the sheet already had an entry on {}: check that this one is not a duplicate", day(d)),
                format!("la fiche avait déjà un suivi le {}\u{a0}: vérifiez que ce n'est pas un doublon", day(d)),
            ),
            EntryWarning::AfterClosed { status, on, progress: Some(p) } => lang.pick(
                format!("the sheet is {} (as of {}): the progress {} of this entry does not count while it is; give --status to reopen it", status_label(*status, lang), day(on), crate::i18n::fmt::percent(*p, lang)),
                format!("la fiche est {} (au {})\u{a0}: l'avancement de {} de ce suivi n'est pas compté tant qu'elle l'est\u{a0}; donnez --status pour la rouvrir", status_label(*status, lang), day(on), crate::i18n::fmt::percent(*p, lang)),
            ),
            EntryWarning::AfterClosed { status, on, progress: None } => lang.pick(
                format!("the sheet is {} (as of {}) and this entry does not change its status: give --status to reopen it", status_label(*status, lang), day(on)),
                format!("la fiche est {} (au {}) et ce suivi ne change pas son statut\u{a0}: donnez --status pour la rouvrir", status_label(*status, lang), day(on)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Located;

    fn entry(y: i32, m: u32, d: u32, status: Option<Status>) -> Entry {
        let mut e = Entry::on(NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default());
        e.status = status.map(|s| Located {
            value: s,
            pos: Default::default(),
        });
        e
    }

    #[test]
    fn an_entry_before_the_last_one_on_the_same_day_after_done() {
        let sheet = Sheet {
            journal: vec![entry(2025, 3, 1, Some(Status::Done))],
            ..Sheet::default()
        };
        let w = entry_warnings(&sheet, &entry(2025, 3, 1, None), 6);
        assert_eq!(
            w,
            vec![
                EntryWarning::SameDay(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()),
                EntryWarning::AfterClosed {
                    status: Status::Done,
                    on: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
                    progress: None,
                }
            ]
        );
        // A progress given to a done sheet is said not to count.
        let mut late = entry(2025, 4, 1, None);
        late.progress = Some(Located {
            value: 80.0,
            pos: Default::default(),
        });
        let w = entry_warnings(&sheet, &late, 6);
        assert!(
            w[0].say(Lang::Fr)
                .contains("l'avancement de 80\u{a0}% de ce suivi n'est pas compté")
        );
        let w = entry_warnings(&sheet, &entry(2025, 2, 1, Some(Status::InProgress)), 6);
        assert_eq!(
            w,
            vec![EntryWarning::BeforeLast {
                last: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
            }]
        );
        assert!(entry_warnings(&sheet, &entry(2025, 4, 1, Some(Status::InProgress)), 6).is_empty());
    }
}

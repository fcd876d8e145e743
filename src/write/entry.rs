//! A journal entry, new (`record`) or in place of the last (`--amend`).

use super::{Built, Done, Options, Refusal, read, with_sheet};
use crate::compute::labels::status_label;
use crate::compute::sheet_state;
use crate::edit::{amend_entry, amend_in_tail, append_entry, append_in_tail, verify};
use crate::entry_warnings::entry_warnings;
use crate::i18n::Lang;
use crate::load::Loaded;
use crate::model::{Entry, Sheet};
use crate::record::{Request, build_entry, find_sheet};

/// Builds the entry against the sheet (without its last entry when
/// `amend`), edits the file and verifies it.
pub(super) fn build(
    loaded: &Loaded,
    id: &str,
    request: &Request,
    amend: bool,
    opts: &Options,
) -> Result<Built, Refusal> {
    let plan = &loaded.plan;
    let sheet = find_sheet(plan, id.trim()).map_err(Refusal::Entry)?;
    let mut base = sheet.clone();
    let replaced = match amend {
        true => Some(
            base.journal
                .pop()
                .ok_or_else(|| Refusal::NothingToAmend(sheet.id.value.clone()))?,
        ),
        false => None,
    };
    // A correction keeps the replaced entry's date unless another is given.
    let mut request = request.clone();
    if let (Some(old), None) = (&replaced, &request.date) {
        request.date = Some(old.date.value.to_string());
    }
    let entry = build_entry(plan, &base, &request, opts.today).map_err(Refusal::Entry)?;
    if let Some(old) = &replaced {
        let dropped = dropped(old, &entry);
        if !dropped.is_empty() {
            return Err(Refusal::AmendDrops(dropped));
        }
    }
    let read = read(&sheet.file, opts)?;
    let before = read.text;
    let stale_after = plan.convention.stale_after_months;
    let entry_warnings = entry_warnings(&base, &entry, stale_after);
    // The edit of the journal's tail alone when it applies and verifies
    // (it holds the memory of the last entry, not of the whole file), else
    // of the whole file, verified in turn.
    let tail = match (&replaced, sheet.journal.last()) {
        (Some(old), _) => amend_in_tail(&before, &entry, old),
        (None, Some(last)) => append_in_tail(&before, &entry, last),
        (None, None) => None,
    };
    let mut expected = base;
    expected.journal.push(entry.clone());
    let verified = tail.and_then(|edited| {
        let sheet = verify(&before, &edited, &expected).ok()?;
        Some((edited, sheet))
    });
    let (edited, new_sheet) = match verified {
        Some(done) => done,
        None => {
            expected.journal.pop();
            let edited = match replaced {
                Some(_) => amend_entry(&before, &entry, &expected.journal),
                None => append_entry(&before, &entry, &expected.journal),
            }
            .map_err(Refusal::Edit)?;
            expected.journal.push(entry.clone());
            let sheet = verify(&before, &edited, &expected).map_err(Refusal::Verify)?;
            (edited, sheet)
        }
    };
    let commit_message = commit_message(stale_after, &new_sheet, &entry, opts.lang);
    Ok(Built {
        file: sheet.file.clone(),
        before,
        edited,
        after: with_sheet(loaded, new_sheet),
        // The sheet as expected reads as the sheet written (verified):
        // told from it, the new sheet is not copied again.
        done: Done::Entry {
            sheet: Box::new(expected),
            entry,
            replaced,
            stale_after_months: stale_after,
        },
        commit_message,
        entry_warnings,
        git: read.git,
    })
}

/// `2.1.1: en cours, 40 % — first line of the note`.
/// What `old` says that `new` does not repeat — milestones reached,
/// measures, amounts spent — as the options that would repeat it.
fn dropped(old: &Entry, new: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    for m in old.reached.iter().filter(|m| !new.reached.contains(m)) {
        out.push(format!("--reached {}", m.value));
    }
    for (id, v) in &old.measures {
        if !new.measures.iter().any(|(n, _)| n == id) {
            out.push(format!(
                "--measure {}={}",
                id.value,
                crate::edit::number(*v)
            ));
        }
    }
    for (id, m) in &old.spent {
        if !new.spent.iter().any(|(n, _)| n == id) {
            out.push(format!("--spent {}={}", id.value, m.value.plain()));
        }
    }
    out
}

fn commit_message(stale_after: u32, sheet: &Sheet, entry: &Entry, lang: Lang) -> String {
    let state = sheet_state(sheet, stale_after, entry.date.value);
    let progress = crate::i18n::fmt::round(state.progress, 0);
    let mut message = format!(
        "{}: {}, {progress} %",
        sheet.id.value,
        status_label(state.status, lang)
    );
    if let Some(line) = entry.note.as_deref().and_then(|n| n.lines().next()) {
        let cut = cut_at_word(line, NOTE_CHARS);
        message.push_str(&format!(" — {}", crate::safe::safe_line(&cut)));
    }
    message
}

/// The most characters of a note's first line a commit message keeps.
const NOTE_CHARS: usize = 72;

/// `line` whole when it has at most `max` characters; else cut after the
/// last whole word that fits, with `…` (a word longer than `max` is cut).
fn cut_at_word(line: &str, max: usize) -> String {
    let line = line.trim_end();
    if line.chars().count() <= max {
        return line.to_string();
    }
    // Room for the ellipsis.
    let head: String = line.chars().take(max - 1).collect();
    let next = line.chars().nth(max - 1);
    let whole = match next {
        Some(c) if c.is_whitespace() => head.as_str(),
        _ => head
            .rfind(char::is_whitespace)
            .map_or(head.as_str(), |at| &head[..at]),
    };
    let whole = whole.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
    let whole = if whole.is_empty() {
        head.as_str()
    } else {
        whole
    };
    format!("{whole}…")
}

#[cfg(test)]
mod tests {
    use super::cut_at_word;

    #[test]
    fn a_long_note_is_cut_at_a_word_with_an_ellipsis() {
        assert_eq!(cut_at_word("Réunion courte", 72), "Réunion courte");
        assert_eq!(cut_at_word("un deux trois", 9), "un deux…");
        assert_eq!(cut_at_word("un deux, trois", 10), "un deux…");
        assert_eq!(cut_at_word("anticonstitutionnellement", 10), "anticonst…");
        let long = "Réunion du comité de pilotage avec les partenaires : bilan des actions et perspectives";
        let cut = cut_at_word(long, 72);
        assert!(cut.chars().count() <= 72, "{cut}");
        assert_eq!(
            cut,
            "Réunion du comité de pilotage avec les partenaires : bilan des actions…"
        );
    }
}

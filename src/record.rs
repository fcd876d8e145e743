//! Turning `ctg record` options into a journal entry, or refusing them with
//! a reason a coordinator can act on (spec section 8).

use crate::compute::entries_until;
use crate::dates::parse_cli_date;
use crate::diag::suggest;
use crate::i18n::{Lang, Localize};
use crate::model::{Entry, Located, Plan, Sheet, Status};
use crate::yaml::Pos;
use chrono::{Datelike, NaiveDate};

/// What the user asked to record, as typed.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `--date` (default today).
    pub date: Option<String>,
    /// `--status`.
    pub status: Option<String>,
    /// `--progress`.
    pub progress: Option<String>,
    /// `--note`.
    pub note: Option<String>,
    /// `--difficulties`.
    pub difficulties: Option<String>,
    /// `--next`.
    pub next: Option<String>,
    /// `--decision`.
    pub decision: Option<String>,
    /// `--reached` (repeatable).
    pub reached: Vec<String>,
    /// `--measure IND=VALUE` (repeatable).
    pub measures: Vec<String>,
    /// `--spent LINE=AMOUNT` (repeatable).
    pub spent: Vec<String>,
    /// `--by`.
    pub by: Option<String>,
}

/// Why a record is refused.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum Refusal {
    UnknownSheet {
        id: String,
        suggestion: Option<String>,
    },
    BadDate {
        text: String,
    },
    FutureDate {
        date: NaiveDate,
        today: NaiveDate,
    },
    OutsidePeriod {
        date: NaiveDate,
        start: i32,
        end: i32,
    },
    BadStatus {
        text: String,
        suggestion: Option<String>,
    },
    BadProgress {
        text: String,
    },
    UnknownMilestone {
        id: String,
        suggestion: Option<String>,
    },
    AlreadyReached {
        id: String,
        on: NaiveDate,
    },
    BadMeasure {
        text: String,
    },
    MeasureOutOfRange {
        text: String,
    },
    UnknownIndicator {
        id: String,
        suggestion: Option<String>,
    },
    MeasuredTwice {
        id: String,
    },
    BadSpent {
        text: String,
        why: Option<crate::model::AmountError>,
    },
    UnknownBudgetLine {
        id: String,
        suggestion: Option<String>,
    },
    SpentTwice {
        id: String,
    },
    AbandonedNoNote,
    DoneBelow100 {
        progress: f64,
    },
    EmptyEntry,
}

/// The refusal in plain words.
impl Localize for Refusal {
    fn say(&self, lang: Lang) -> String {
        use Refusal::*;
        let mean = |s: &Option<String>| crate::i18n::phrase::mean(s, lang);
        match self {
            UnknownSheet { id, suggestion } => lang.pick(
                format!("no action sheet `{id}`{}", mean(suggestion)),
                format!("pas de fiche action `{id}`{}", mean(suggestion)),
            ),
            BadDate { text } => crate::i18n::phrase::bad_date(text, lang),
            FutureDate { date, today } => lang.pick(
                format!("{date} is after today ({today}); record what has happened"),
                format!("le {} est après aujourd'hui ({})\u{a0}: enregistrez ce qui a eu lieu", fr(*date), fr(*today)),
            ),
            OutsidePeriod { date, start, end } => lang.pick(
                format!("{date} is outside the convention period {start}-{end}"),
                format!("le {} est hors de la période de la convention {start}-{end}", fr(*date)),
            ),
            BadStatus { text, suggestion } => lang.pick(
                format!("unknown status `{text}`{}; use planned, in-progress, paused, blocked, postponed, done or abandoned", mean(suggestion)),
                format!("statut inconnu `{text}`{}\u{a0}; utilisez «\u{a0}à venir\u{a0}», «\u{a0}en cours\u{a0}», «\u{a0}en pause\u{a0}», «\u{a0}bloquée\u{a0}», «\u{a0}reportée\u{a0}», «\u{a0}réalisée\u{a0}» ou «\u{a0}abandonnée\u{a0}»", mean(suggestion)),
            ),
            BadProgress { text } => lang.pick(
                format!("progress `{text}` is not a whole number from 0 to 100"),
                format!("l'avancement `{text}` n'est pas un nombre entier de 0 à 100"),
            ),
            UnknownMilestone { id, suggestion } => lang.pick(
                format!("the sheet has no milestone `{id}`{}", mean(suggestion)),
                format!("la fiche n'a pas de jalon `{id}`{}", mean(suggestion)),
            ),
            AlreadyReached { id, on } => lang.pick(
                format!("milestone `{id}` was already reached on {on}"),
                format!("le jalon `{id}` est déjà atteint depuis le {}", fr(*on)),
            ),
            BadMeasure { text } => lang.pick(
                format!("`{text}` is not INDICATOR=NUMBER (e.g. places=12 or taux=4,5)"),
                format!("`{text}` n'est pas INDICATEUR=NOMBRE (par exemple places=12 ou taux=4,5)"),
            ),
            MeasureOutOfRange { text } => lang.pick(
                format!("`{text}`: a measure is at most a thousand billion (1e12) either side of zero"),
                format!("`{text}`\u{a0}: une mesure vaut au plus mille milliards (1e12) de part et d'autre de zéro"),
            ),
            UnknownIndicator { id, suggestion } => lang.pick(
                format!("the sheet has no indicator `{id}`{}", mean(suggestion)),
                format!("la fiche n'a pas d'indicateur `{id}`{}", mean(suggestion)),
            ),
            MeasuredTwice { id } => lang.pick(
                format!("indicator `{id}` is measured twice: keep one --measure {id}=…"),
                format!("l'indicateur `{id}` est mesuré deux fois\u{a0}: gardez un seul --measure {id}=…"),
            ),
            BadSpent { text, why } => {
                use crate::model::AmountError::*;
                let (en, fr) = match why {
                    None => ("", ""),
                    Some(NotANumber) => ("", ""),
                    Some(TooManyDecimals) => (": at most two decimals", "\u{a0}: au plus deux décimales"),
                    Some(OutOfRange) => (": at most a thousand billion euros", "\u{a0}: au plus mille milliards d'euros"),
                };
                lang.pick(
                    format!("`{text}` is not LINE=AMOUNT in euros (e.g. caf-psu=15000.50 or caf-psu=\"15 000,50\"){en}"),
                    format!("`{text}` n'est pas LIGNE=MONTANT en euros (par exemple caf-psu=15000.50 ou caf-psu=\"15 000,50\"){fr}"),
                )
            }
            UnknownBudgetLine { id, suggestion } => match suggestion {
                Some(_) => lang.pick(
                    format!("the sheet has no budget line `{id}`{}", mean(suggestion)),
                    format!("la fiche n'a pas de ligne budgétaire `{id}`{}", mean(suggestion)),
                ),
                None => lang.pick(
                    format!("the sheet has no budget line `{id}`; add one with `ctg add budget`"),
                    format!("la fiche n'a pas de ligne budgétaire `{id}`\u{a0}; ajoutez-en une avec `ctg add budget`"),
                ),
            },
            SpentTwice { id } => lang.pick(
                format!("budget line `{id}` is given twice: add the amounts into one --spent {id}=…"),
                format!("la ligne budgétaire `{id}` est donnée deux fois\u{a0}: additionnez les montants en un seul --spent {id}=…"),
            ),
            AbandonedNoNote => lang.pick(
                "say why the sheet is abandoned with --note".to_string(),
                "indiquez pourquoi la fiche est abandonnée avec --note".to_string(),
            ),
            DoneBelow100 { progress } => lang.pick(
                format!("a done sheet is at 100 %, not {progress} %; leave out --progress or give 100"),
                format!("une fiche réalisée est à 100 %, pas à {progress} % ; omettez --progress ou indiquez 100"),
            ),
            EmptyEntry => lang.pick(
                "nothing to record: give at least one of --status, --progress, --note, --difficulties, --next, --decision, --reached, --measure, --spent".to_string(),
                "rien à enregistrer\u{a0}: indiquez au moins --status, --progress, --note, --difficulties, --next, --decision, --reached, --measure ou --spent".to_string(),
            ),
        }
    }
}

fn fr(d: NaiveDate) -> String {
    crate::i18n::fmt::short_date(d, Lang::Fr)
}

fn at<T>(value: T) -> Located<T> {
    Located {
        value,
        pos: Pos::default(),
    }
}

/// Empty text counts as not given.
fn given(text: &Option<String>) -> Option<String> {
    text.as_ref().filter(|t| !t.trim().is_empty()).cloned()
}

/// The sheet `id` names, or the refusal with a suggestion.
pub fn find_sheet<'a>(plan: &'a Plan, id: &str) -> Result<&'a Sheet, Refusal> {
    plan.sheet(id).ok_or_else(|| Refusal::UnknownSheet {
        id: id.to_string(),
        suggestion: suggest(id, plan.sheets.iter().map(|s| s.id.as_str())),
    })
}

/// Builds the entry `req` describes for `sheet`, or says why not.
pub fn build_entry(
    plan: &Plan,
    sheet: &Sheet,
    req: &Request,
    today: NaiveDate,
) -> Result<Entry, Refusal> {
    let date = match &req.date {
        None => today,
        Some(t) => parse_cli_date(t).ok_or_else(|| Refusal::BadDate { text: t.clone() })?,
    };
    if date > today {
        return Err(Refusal::FutureDate { date, today });
    }
    let period = *plan.convention.period;
    if !(period.start..=period.end).contains(&date.year()) {
        return Err(Refusal::OutsidePeriod {
            date,
            start: period.start,
            end: period.end,
        });
    }
    let status = match &req.status {
        None => None,
        Some(t) => Some(Status::parse(t).ok_or_else(|| Refusal::BadStatus {
            text: t.clone(),
            suggestion: suggest(&t.to_lowercase(), Status::spellings()),
        })?),
    };
    let progress = req.progress.as_deref().map(parse_progress).transpose()?;
    let reached = reached(sheet, &req.reached)?;
    let mut measures: Vec<(Located<String>, f64)> = Vec::new();
    for text in &req.measures {
        let (id, value) = measure(sheet, text)?;
        if measures.iter().any(|(m, _)| m.value == id.value) {
            return Err(Refusal::MeasuredTwice { id: id.value });
        }
        measures.push((id, value));
    }
    let mut spent: Vec<(Located<String>, Located<crate::model::Money>)> = Vec::new();
    for text in &req.spent {
        let (id, amount) = spent_on(sheet, text)?;
        if spent.iter().any(|(l, _)| l.value == id.value) {
            return Err(Refusal::SpentTwice { id: id.value });
        }
        spent.push((id, at(amount)));
    }
    let entry = Entry {
        status: status.map(at),
        progress: progress.map(at),
        note: given(&req.note),
        difficulties: given(&req.difficulties),
        next: given(&req.next),
        decision: given(&req.decision),
        reached,
        measures,
        spent,
        by: given(&req.by),
        ..Entry::on(date)
    };
    if entry.is_empty() {
        return Err(Refusal::EmptyEntry);
    }
    if status == Some(Status::Abandoned) && entry.note.is_none() {
        return Err(Refusal::AbandonedNoNote);
    }
    if let (Some(Status::Done), Some(p)) = (status, progress)
        && p < 100.0
    {
        return Err(Refusal::DoneBelow100 { progress: p });
    }
    Ok(entry)
}

fn parse_progress(text: &str) -> Result<f64, Refusal> {
    let bad = || Refusal::BadProgress {
        text: text.to_string(),
    };
    let digits = text.trim().trim_end_matches('%').trim();
    let value: u32 = digits.parse().map_err(|_| bad())?;
    if value > 100 {
        return Err(bad());
    }
    Ok(f64::from(value))
}

fn reached(sheet: &Sheet, ids: &[String]) -> Result<Vec<Located<String>>, Refusal> {
    let known: Vec<&str> = sheet.milestones.iter().map(|m| m.id.as_str()).collect();
    let before: Vec<(String, NaiveDate)> = entries_until(&sheet.journal, NaiveDate::MAX)
        .iter()
        .flat_map(|e| e.reached.iter().map(|r| (r.value.clone(), e.date.value)))
        .collect();
    let mut out: Vec<Located<String>> = Vec::new();
    for id in ids {
        let id = id.trim();
        if !known.contains(&id) {
            return Err(Refusal::UnknownMilestone {
                id: id.to_string(),
                suggestion: suggest(id, known.iter().copied()),
            });
        }
        if let Some((_, on)) = before.iter().find(|(r, _)| r == id) {
            return Err(Refusal::AlreadyReached {
                id: id.to_string(),
                on: *on,
            });
        }
        if !out.iter().any(|r| r.value == id) {
            out.push(at(id.to_string()));
        }
    }
    Ok(out)
}

fn measure(sheet: &Sheet, text: &str) -> Result<(Located<String>, f64), Refusal> {
    let bad = || Refusal::BadMeasure {
        text: text.to_string(),
    };
    let (id, value) = text.split_once('=').ok_or_else(bad)?;
    let id = id.trim();
    let known: Vec<&str> = sheet.indicators.iter().map(|i| i.id.as_str()).collect();
    if !known.contains(&id) {
        return Err(Refusal::UnknownIndicator {
            id: id.to_string(),
            suggestion: suggest(id, known.iter().copied()),
        });
    }
    let value = crate::input::parse_number(value).ok_or_else(bad)?;
    if !crate::model::usable_number(value) {
        return Err(Refusal::MeasureOutOfRange {
            text: text.to_string(),
        });
    }
    Ok((at(id.to_string()), value))
}

/// `LINE=AMOUNT`: a budget line of the sheet and euros as people type them
/// (`15 000,50`); a negative amount is a correction.
fn spent_on(sheet: &Sheet, text: &str) -> Result<(Located<String>, crate::model::Money), Refusal> {
    let bad = |why| Refusal::BadSpent {
        text: text.to_string(),
        why,
    };
    let (id, amount) = text.split_once('=').ok_or_else(|| bad(None))?;
    let id = id.trim();
    let known: Vec<&str> = sheet.budget.iter().map(|l| l.id.as_str()).collect();
    if !known.contains(&id) {
        return Err(Refusal::UnknownBudgetLine {
            id: id.to_string(),
            suggestion: suggest(id, known.iter().copied()),
        });
    }
    let amount = crate::model::Money::parse_typed(amount).map_err(|e| bad(Some(e)))?;
    Ok((at(id.to_string()), amount))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_accepts_a_percent_sign_and_refuses_the_rest() {
        assert_eq!(parse_progress("40 %"), Ok(40.0));
        assert_eq!(parse_progress("100%"), Ok(100.0));
        assert!(parse_progress("101").is_err());
        assert!(parse_progress("-5").is_err());
        assert!(parse_progress("42.5").is_err());
        assert!(parse_progress("beaucoup").is_err());
    }
}

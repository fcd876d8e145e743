//! Structure changes: `add partner|milestone|indicator|budget` and `set SHEET`.
//! Each takes the values as the user typed them, checks them against the
//! plan, edits the file and says what the file must read back as.

use super::{Built, Done, IdKind, Options, Refusal, copy, read, with_sheet};
use crate::dates::parse_cli_date;
use crate::decode::IdShape;
use crate::diag::suggest;
use crate::edit::{
    Edited, add_item, add_root_item, number, scalar, set_keys, verify, verify_partners,
};
use crate::i18n::{Lang, Localize};
use crate::load::Loaded;
use crate::model::{
    Baseline, BudgetLine, Direction, Indicator, IndicatorKind, Located, Milestone, Money, Nature,
    Partner, PartnerKind, Period, Plan, Sheet,
};
use crate::record::find_sheet;
use std::path::Path;

/// `add partner`.
#[derive(Debug, Clone)]
pub struct NewPartner {
    /// Its id, a slug.
    pub id: String,
    /// Its full name.
    pub name: String,
    /// Its kind, as written in the file (`association`…).
    pub kind: String,
}

/// `add milestone`.
#[derive(Debug, Clone)]
pub struct NewMilestone {
    /// The sheet's id.
    pub sheet: String,
    /// The milestone's id, a slug.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its due date as typed.
    pub due: String,
}

/// `add indicator`.
#[derive(Debug, Clone)]
pub struct NewIndicator {
    /// The sheet's id.
    pub sheet: String,
    /// The indicator's id, a slug.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its unit.
    pub unit: String,
    /// `result`, `means` or `activity`.
    pub kind: String,
    /// `up`, `down` or `steady`.
    pub direction: String,
    /// `YEAR=VALUE`.
    pub baseline: Option<String>,
    /// `YEAR=VALUE` each.
    pub targets: Vec<String>,
}

/// `add budget`.
#[derive(Debug, Clone)]
pub struct NewBudgetLine {
    /// The sheet's id.
    pub sheet: String,
    /// The line's id, a slug.
    pub id: String,
    /// The funder's partner id.
    pub funder: String,
    /// `operating` or `investment` (`fonctionnement`, `investissement`).
    pub nature: String,
    /// The funder's scheme.
    pub scheme: Option<String>,
    /// `YEAR=AMOUNT` each.
    pub planned: Vec<String>,
}

/// `set SHEET`: the keys given.
#[derive(Debug, Clone, Default)]
pub struct SetKeys {
    /// The sheet's id.
    pub sheet: String,
    /// `--lead`.
    pub lead: Option<String>,
    /// `--partners`.
    pub partners: Option<Vec<String>>,
    /// `--fields`.
    pub fields: Option<Vec<String>>,
    /// `--tracks`.
    pub tracks: Option<Vec<String>>,
    /// `--schedule START-END`.
    pub schedule: Option<String>,
}

/// What `add` or `set` changed, in a few words (the output line and the
/// commit message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// `add partner ID`.
    Partner(String),
    /// `add milestone SHEET --id ID`.
    Milestone(String, String),
    /// `add indicator SHEET --id ID`.
    Indicator(String, String),
    /// `add budget SHEET --id ID`.
    Budget(String, String),
    /// `set SHEET`: the keys set (`lead`, `partners`…, as in the file).
    Keys(String, Vec<&'static str>),
}

impl Localize for What {
    fn say(&self, lang: Lang) -> String {
        match self {
            What::Partner(id) => lang.pick(
                format!("partner {id} added"),
                format!("partenaire {id} ajouté"),
            ),
            What::Milestone(sheet, id) => lang.pick(
                format!("{sheet}: milestone {id} added"),
                format!("{sheet}\u{a0}: jalon {id} ajouté"),
            ),
            What::Indicator(sheet, id) => lang.pick(
                format!("{sheet}: indicator {id} added"),
                format!("{sheet}\u{a0}: indicateur {id} ajouté"),
            ),
            What::Budget(sheet, id) => lang.pick(
                format!("{sheet}: budget line {id} added"),
                format!("{sheet}\u{a0}: ligne budgétaire {id} ajoutée"),
            ),
            What::Keys(sheet, keys) => {
                let words: Vec<&str> = keys.iter().map(|k| key_word(k, lang)).collect();
                let (n, words) = (words.len(), words.join(", "));
                // French agrees with the keys: `pilote modifié`, `partenaires modifiés`.
                let french = match keys.as_slice() {
                    ["partners" | "fields" | "tracks"] => "modifiés",
                    [_] => "modifié",
                    _ if n > 1 => "modifiés",
                    _ => "modifié",
                };
                lang.pick(
                    format!("{sheet}: {words} set"),
                    format!("{sheet}\u{a0}: {words} {french}"),
                )
            }
        }
    }
}

/// A key `set` writes, as a French message says it (`lead` is `pilote`).
fn key_word(key: &'static str, lang: Lang) -> &'static str {
    let french = match key {
        "lead" => "pilote",
        "partners" => "partenaires",
        "fields" => "champs",
        "tracks" => "pistes",
        "schedule" => "calendrier",
        other => other,
    };
    lang.pick(key, french)
}

fn at<T>(value: T) -> Located<T> {
    Located {
        value,
        pos: crate::yaml::Pos::default(),
    }
}

/// A new slug, refused when malformed or already taken.
fn new_slug<'a>(id: &str, taken: impl IntoIterator<Item = &'a str>) -> Result<String, Refusal> {
    let id = id.trim();
    if !IdShape::Slug.accepts(id) {
        return Err(Refusal::BadSlug(id.to_string()));
    }
    if taken.into_iter().any(|t| t == id) {
        return Err(Refusal::IdTaken(id.to_string()));
    }
    Ok(id.to_string())
}

/// One of `choices` (its spelling in the file), or a refusal with a suggestion.
/// One accepted value of a choice: its spelling in the files (English),
/// the French word a coordinator types for it, and what it means.
type Choice<T> = (&'static str, &'static str, T);

/// The partner kinds, with their French words.
const PARTNER_KINDS: [Choice<PartnerKind>; 6] = [
    ("signatory", "signataire", PartnerKind::Signatory),
    ("elected", "élu", PartnerKind::Elected),
    ("service", "service", PartnerKind::Service),
    ("institution", "institution", PartnerKind::Institution),
    ("association", "association", PartnerKind::Association),
    ("other", "autre", PartnerKind::Other),
];

/// The indicator kinds; `activity` (`activité`) is another word for `means`.
const INDICATOR_KINDS: [Choice<IndicatorKind>; 3] = [
    ("result", "résultat", IndicatorKind::Result),
    ("means", "moyens", IndicatorKind::Means),
    ("activity", "activité", IndicatorKind::Means),
];

/// The directions of an indicator.
const DIRECTIONS: [Choice<Direction>; 3] = [
    ("up", "hausse", Direction::Up),
    ("down", "baisse", Direction::Down),
    ("steady", "stable", Direction::Steady),
];

/// The choice `text` names, in English or French, with or without accents
/// or capitals: its English spelling (the one written in the file) and its
/// value. A refusal lists every accepted value and the closest.
fn choose<T: Copy>(text: &str, choices: &[Choice<T>]) -> Result<(&'static str, T), Refusal> {
    let word = crate::input::fold(text);
    choices
        .iter()
        .find(|(en, fr, _)| crate::input::fold(en) == word || crate::input::fold(fr) == word)
        .map(|(en, _, value)| (*en, *value))
        .ok_or_else(|| {
            let names = choices.iter().flat_map(|(en, fr, _)| [*en, *fr]);
            let suggestion = suggest(text.trim(), names);
            Refusal::BadChoice {
                text: text.to_string(),
                suggestion,
                accepted: choices.iter().map(|(en, fr, _)| (*en, *fr)).collect(),
            }
        })
}

/// The natures of a budget line.
const NATURES: [Choice<Nature>; 2] = [
    ("operating", "fonctionnement", Nature::Operating),
    ("investment", "investissement", Nature::Investment),
];

/// `YEAR=AMOUNT`, euros as people type them; a year given twice is refused.
fn year_amounts(texts: &[String]) -> Result<Vec<(i32, Money)>, Refusal> {
    let mut out: Vec<(i32, Money)> = Vec::new();
    for text in texts {
        let bad = || Refusal::BadYearAmount(text.to_string());
        let (year, amount) = text.split_once('=').ok_or_else(bad)?;
        let year: i32 = year.trim().parse().map_err(|_| bad())?;
        let amount = Money::parse_typed(amount).map_err(|_| bad())?;
        if amount.is_negative() {
            return Err(bad());
        }
        if out.iter().any(|(y, _)| *y == year) {
            return Err(Refusal::YearTwice(year));
        }
        out.push((year, amount));
    }
    out.sort_by_key(|(y, _)| *y);
    Ok(out)
}

/// `YEAR=VALUE`, the value read as every user number is.
fn year_value(text: &str) -> Result<(i32, f64), Refusal> {
    let bad = || Refusal::BadYearValue(text.to_string());
    let (year, value) = text.split_once('=').ok_or_else(bad)?;
    let year = year.trim().parse().map_err(|_| bad())?;
    let value = crate::input::parse_number(value).ok_or_else(bad)?;
    Ok((year, value))
}

/// Each id must be known; else the refusal names the closest.
fn known<'a>(
    ids: &[String],
    kind: IdKind,
    all: impl Iterator<Item = &'a str> + Clone,
) -> Result<Vec<Located<String>>, Refusal> {
    ids.iter()
        .map(|id| {
            let id = id.trim();
            if all.clone().any(|k| k == id) {
                Ok(at(id.to_string()))
            } else {
                Err(Refusal::UnknownId {
                    kind,
                    id: id.to_string(),
                    suggestion: suggest(id, all.clone()),
                })
            }
        })
        .collect()
}

fn changed(
    file: &Path,
    read: super::Read,
    edited: Edited,
    after: Loaded,
    what: What,
    lang: Lang,
) -> Built {
    Built {
        file: file.to_path_buf(),
        before: read.text,
        git: read.git,
        edited,
        after,
        commit_message: what.say(lang),
        done: Done::Changed(what),
        entry_warnings: Vec::new(),
    }
}

pub(super) fn add_partner(
    loaded: &Loaded,
    new: &NewPartner,
    opts: &Options,
) -> Result<Built, Refusal> {
    let id = new_slug(&new.id, loaded.plan.partners.iter().map(|p| p.id.as_str()))?;
    let (kind_name, kind) = choose(&new.kind, &PARTNER_KINDS)?;
    let file = Path::new("partners.yaml");
    let read = read(file, opts)?;
    let before = &read.text;
    let item = format!(
        "id: {}\nname: {}\nkind: {kind_name}\n",
        scalar(&id),
        scalar(&new.name)
    );
    let edited = add_root_item(before, &item).map_err(Refusal::Edit)?;
    let mut expected = loaded.plan.partners.clone();
    expected.push(Partner {
        id: at(id.clone()),
        name: new.name.clone(),
        kind,
        contact: None,
    });
    let partners = verify_partners(before, &edited, &expected).map_err(Refusal::Verify)?;
    let mut after = copy(loaded);
    after.plan.partners = partners;
    Ok(changed(
        file,
        read,
        edited,
        after,
        What::Partner(id),
        opts.lang,
    ))
}

/// Edits one sheet: `change` gets the plan, the sheet and its text and
/// returns the edit, the expected sheet and what changed.
fn edit_sheet(
    loaded: &Loaded,
    id: &str,
    opts: &Options,
    change: impl FnOnce(&Plan, &Sheet, &str) -> Result<(Edited, Sheet, What), Refusal>,
) -> Result<Built, Refusal> {
    let sheet = find_sheet(&loaded.plan, id.trim()).map_err(Refusal::Entry)?;
    let read = read(&sheet.file, opts)?;
    let (edited, expected, what) = change(&loaded.plan, sheet, &read.text)?;
    let new_sheet = verify(&read.text, &edited, &expected).map_err(Refusal::Verify)?;
    let after = with_sheet(loaded, new_sheet);
    Ok(changed(&sheet.file, read, edited, after, what, opts.lang))
}

pub(super) fn add_milestone(
    loaded: &Loaded,
    new: &NewMilestone,
    opts: &Options,
) -> Result<Built, Refusal> {
    edit_sheet(loaded, &new.sheet, opts, |_, sheet, text| {
        let id = new_slug(&new.id, sheet.milestones.iter().map(|m| m.id.as_str()))?;
        let due = parse_cli_date(&new.due).ok_or_else(|| Refusal::BadDate(new.due.clone()))?;
        let item = format!(
            "id: {}\ntitle: {}\ndue: {}\n",
            scalar(&id),
            scalar(&new.title),
            due.format("%Y-%m-%d")
        );
        let edited = add_item(text, "milestones", &item).map_err(Refusal::Edit)?;
        let mut expected = sheet.clone();
        expected.milestones.push(Milestone {
            id: at(id.clone()),
            title: new.title.clone(),
            due: Some(at(due)),
        });
        Ok((
            edited,
            expected,
            What::Milestone(sheet.id.value.clone(), id),
        ))
    })
}

pub(super) fn add_indicator(
    loaded: &Loaded,
    new: &NewIndicator,
    opts: &Options,
) -> Result<Built, Refusal> {
    edit_sheet(loaded, &new.sheet, opts, |_, sheet, text| {
        let id = new_slug(&new.id, sheet.indicators.iter().map(|i| i.id.as_str()))?;
        let (kind_name, kind) = choose(&new.kind, &INDICATOR_KINDS)?;
        let kind_name = if kind_name == "activity" {
            "means"
        } else {
            kind_name
        };
        let (direction_name, direction) = choose(&new.direction, &DIRECTIONS)?;
        let baseline = new.baseline.as_deref().map(year_value).transpose()?;
        let targets = new
            .targets
            .iter()
            .map(|t| year_value(t))
            .collect::<Result<Vec<_>, _>>()?;
        let mut item = format!(
            "id: {}\nlabel: {}\nunit: {}\nkind: {kind_name}\ndirection: {direction_name}\n",
            scalar(&id),
            scalar(&new.label),
            scalar(&new.unit),
        );
        if let Some((year, value)) = baseline {
            item.push_str(&format!(
                "baseline: {{year: {year}, value: {}}}\n",
                number(value)
            ));
        }
        if !targets.is_empty() {
            let pairs: Vec<String> = targets
                .iter()
                .map(|(y, v)| format!("{y}: {}", number(*v)))
                .collect();
            item.push_str(&format!("targets: {{{}}}\n", pairs.join(", ")));
        }
        let edited = add_item(text, "indicators", &item).map_err(Refusal::Edit)?;
        let mut expected = sheet.clone();
        expected.indicators.push(Indicator {
            id: at(id.clone()),
            label: new.label.clone(),
            unit: Some(new.unit.clone()),
            kind: Some(kind),
            direction,
            baseline: baseline.map(|(year, value)| Baseline { year, value }),
            targets: targets.iter().map(|(y, v)| (*y, at(*v))).collect(),
        });
        Ok((
            edited,
            expected,
            What::Indicator(sheet.id.value.clone(), id),
        ))
    })
}

pub(super) fn add_budget(
    loaded: &Loaded,
    new: &NewBudgetLine,
    opts: &Options,
) -> Result<Built, Refusal> {
    edit_sheet(loaded, &new.sheet, opts, |plan, sheet, text| {
        let id = new_slug(&new.id, sheet.budget.iter().map(|l| l.id.as_str()))?;
        let funder = known(
            std::slice::from_ref(&new.funder),
            IdKind::Partner,
            plan.partners.iter().map(|p| p.id.as_str()),
        )?
        .remove(0);
        let (nature_name, nature) = choose(&new.nature, &NATURES)?;
        let scheme = new.scheme.as_ref().filter(|s| !s.trim().is_empty());
        let planned = year_amounts(&new.planned)?;
        let mut item = format!(
            "id: {}\nfunder: {}\nnature: {nature_name}\n",
            scalar(&id),
            scalar(&funder)
        );
        if let Some(scheme) = scheme {
            item.push_str(&format!("scheme: {}\n", scalar(scheme)));
        }
        if !planned.is_empty() {
            let pairs: Vec<String> = planned
                .iter()
                .map(|(y, m)| format!("{y}: {}", m.plain()))
                .collect();
            item.push_str(&format!("planned: {{{}}}\n", pairs.join(", ")));
        }
        let edited = add_item(text, "budget", &item).map_err(Refusal::Edit)?;
        let mut expected = sheet.clone();
        expected.budget.push(BudgetLine {
            id: at(id.clone()),
            funder,
            nature,
            scheme: scheme.cloned(),
            planned: planned.iter().map(|(y, m)| (*y, at(*m))).collect(),
        });
        Ok((edited, expected, What::Budget(sheet.id.value.clone(), id)))
    })
}

pub(super) fn set(loaded: &Loaded, keys: &SetKeys, opts: &Options) -> Result<Built, Refusal> {
    edit_sheet(loaded, &keys.sheet, opts, |plan, sheet, text| {
        let partners = plan.partners.iter().map(|p| p.id.as_str());
        let fields = plan.convention.fields.iter().map(|f| f.id.as_str());
        let tracks = plan.tracks.iter().map(|t| t.id.as_str());
        let mut expected = sheet.clone();
        let mut changes: Vec<(&'static str, String)> = Vec::new();
        let list = |ids: &[Located<String>]| {
            let ids: Vec<String> = ids.iter().map(|i| scalar(i)).collect();
            format!("[{}]", ids.join(", "))
        };
        if let Some(lead) = &keys.lead {
            let lead = known(
                std::slice::from_ref(lead),
                IdKind::Partner,
                partners.clone(),
            )?;
            changes.push(("lead", lead.iter().map(|l| scalar(l)).collect()));
            expected.lead = lead.into_iter().next();
        }
        if let Some(ids) = &keys.partners {
            expected.partners = known(ids, IdKind::Partner, partners)?;
            changes.push(("partners", list(&expected.partners)));
        }
        if let Some(ids) = &keys.fields {
            expected.fields = known(ids, IdKind::Field, fields)?;
            changes.push(("fields", list(&expected.fields)));
        }
        if let Some(ids) = &keys.tracks {
            expected.tracks = known(ids, IdKind::Track, tracks)?;
            changes.push(("tracks", list(&expected.tracks)));
        }
        if let Some(text) = &keys.schedule {
            let bad = || Refusal::BadSchedule(text.clone());
            let (start, end) = text.split_once('-').ok_or_else(bad)?;
            let start: i32 = start.trim().parse().map_err(|_| bad())?;
            let end: i32 = end.trim().parse().map_err(|_| bad())?;
            expected.schedule = at(Period { start, end });
            changes.push(("schedule", format!("{{start: {start}, end: {end}}}")));
        }
        if changes.is_empty() {
            return Err(Refusal::NothingToSet);
        }
        let edited = set_keys(text, &changes).map_err(Refusal::Edit)?;
        let names: Vec<&'static str> = changes.iter().map(|(k, _)| *k).collect();
        Ok((edited, expected, What::Keys(sheet.id.value.clone(), names)))
    })
}

//! `ctg add partner|milestone|indicator` and `ctg set SHEET`: structure
//! edits through the writing chain of `record` (spec section 8).

use super::args::{
    AddCommand, AddIndicatorArgs, AddMilestoneArgs, AddPartnerArgs, SetArgs, WriteFlags,
};
use super::context::Context;
use super::messages::{Change, IdKind, Msg};
use super::{Failure, write};
use ctg::dates::parse_cli_date;
use ctg::decode::IdShape;
use ctg::diag::suggest;
use ctg::edit::{
    Edited, add_item, add_root_item, number, scalar, set_keys, verify, verify_partners,
};
use ctg::i18n::Speak;
use ctg::load::Loaded;
use ctg::model::{
    Baseline, Direction, Indicator, IndicatorKind, Located, Milestone, Partner, PartnerKind,
    Period, Plan, Sheet,
};
use ctg::record::find_sheet;
use std::path::Path;
use std::process::ExitCode;

fn refuse(m: Msg) -> Failure {
    Failure::Refused(m)
}

fn at<T>(value: T) -> Located<T> {
    Located {
        value,
        pos: ctg::yaml::Pos::default(),
    }
}

/// Runs `add`.
pub(super) fn run_add(ctx: &Context, command: &AddCommand) -> Result<ExitCode, Failure> {
    match command {
        AddCommand::Partner(a) => add_partner(ctx, a),
        AddCommand::Milestone(a) => add_milestone(ctx, a),
        AddCommand::Indicator(a) => add_indicator(ctx, a),
    }
}

/// A new slug, refused when malformed or already taken.
fn new_slug<'a>(id: &str, taken: impl IntoIterator<Item = &'a str>) -> Result<String, Failure> {
    let id = id.trim();
    if !IdShape::Slug.accepts(id) {
        return Err(refuse(Msg::BadSlug(id.to_string())));
    }
    if taken.into_iter().any(|t| t == id) {
        return Err(refuse(Msg::IdTaken(id.to_string())));
    }
    Ok(id.to_string())
}

fn add_partner(ctx: &Context, a: &AddPartnerArgs) -> Result<ExitCode, Failure> {
    let _lock = write::lock(ctx)?;
    let checked = ctx.load_valid()?;
    let loaded = &checked.loaded;
    let id = new_slug(&a.id, loaded.plan.partners.iter().map(|p| p.id.as_str()))?;
    let kinds = PartnerKind::ALL;
    let kind = kinds
        .iter()
        .find(|(name, _)| *name == a.kind.trim())
        .map(|(_, k)| *k)
        .ok_or_else(|| {
            let suggestion = suggest(&a.kind, kinds.iter().map(|(n, _)| *n));
            refuse(Msg::BadChoice(a.kind.clone(), suggestion))
        })?;
    let target = write::read(ctx, Path::new("partners.yaml"), a.write.commit)?;
    let item = format!(
        "id: {}\nname: {}\nkind: {}\n",
        scalar(&id),
        scalar(&a.name),
        a.kind.trim()
    );
    let edited = add_root_item(&target.original, &item).map_err(|e| refuse(Msg::Edit(e)))?;
    let mut expected = loaded.plan.partners.clone();
    expected.push(Partner {
        id: at(id.clone()),
        name: a.name.clone(),
        kind,
        contact: None,
    });
    let partners = verify_partners(&target.original, &edited, &expected)
        .map_err(|why| refuse(Msg::Verify(why)))?;
    let mut after = write::copy(loaded);
    after.plan.partners = partners;
    finish(
        ctx,
        &checked.lang,
        &after,
        &target,
        &edited,
        &a.write,
        Change::Partner(id).say(ctx.lang),
    )
}

/// Checks the plan after the change and writes it.
fn finish(
    ctx: &Context,
    lang: &ctg::i18n::Lang,
    after: &Loaded,
    target: &write::Target,
    edited: &Edited,
    flags: &WriteFlags,
    what: String,
) -> Result<ExitCode, Failure> {
    write::check_after(ctx, after)?;
    let out = format!(
        "{}\n",
        Msg::Changed(what.clone(), target.shown.clone()).say(*lang)
    );
    let opts = write::Options {
        dry_run: flags.dry_run,
        commit: flags.commit,
    };
    write::finish(target, edited, opts, out, &what, *lang)
}

/// Edits one sheet: `change` gets the sheet and its text and returns the
/// edit, the expected sheet and what changed in a few words.
fn edit_sheet(
    ctx: &Context,
    id: &str,
    flags: &WriteFlags,
    change: impl FnOnce(&Plan, &Sheet, &str) -> Result<(Edited, Sheet, Change), Failure>,
) -> Result<ExitCode, Failure> {
    let _lock = write::lock(ctx)?;
    let checked = ctx.load_valid()?;
    let loaded = &checked.loaded;
    let sheet = find_sheet(&loaded.plan, id.trim()).map_err(|r| refuse(Msg::Record(r)))?;
    let target = write::read(ctx, &sheet.file, flags.commit)?;
    let (edited, expected, what) = change(&loaded.plan, sheet, &target.original)?;
    let new_sheet =
        verify(&target.original, &edited, &expected).map_err(|why| refuse(Msg::Verify(why)))?;
    let after = write::with_sheet(loaded, &new_sheet);
    let what = format!("{}: {}", sheet.id.value, what.say(ctx.lang));
    finish(ctx, &checked.lang, &after, &target, &edited, flags, what)
}

fn add_milestone(ctx: &Context, a: &AddMilestoneArgs) -> Result<ExitCode, Failure> {
    edit_sheet(ctx, &a.sheet, &a.write, |_, sheet, text| {
        let id = new_slug(&a.id, sheet.milestones.iter().map(|m| m.id.as_str()))?;
        let due = parse_cli_date(&a.due).ok_or_else(|| refuse(Msg::BadDate(a.due.clone())))?;
        let item = format!(
            "id: {}\ntitle: {}\ndue: {}\n",
            scalar(&id),
            scalar(&a.title),
            due.format("%Y-%m-%d")
        );
        let edited = add_item(text, "milestones", &item).map_err(|e| refuse(Msg::Edit(e)))?;
        let mut expected = sheet.clone();
        expected.milestones.push(Milestone {
            id: at(id.clone()),
            title: a.title.clone(),
            due: Some(at(due)),
        });
        Ok((edited, expected, Change::Milestone(id)))
    })
}

/// `YEAR=VALUE`, decimal point or comma.
fn year_value(text: &str) -> Result<(i32, f64), Failure> {
    let bad = || refuse(Msg::BadYearValue(text.to_string()));
    let (year, value) = text.split_once('=').ok_or_else(bad)?;
    let year = year.trim().parse().map_err(|_| bad())?;
    let value: f64 = value.trim().replace(',', ".").parse().map_err(|_| bad())?;
    if !value.is_finite() {
        return Err(bad());
    }
    Ok((year, value))
}

/// One of `choices` (its spelling in the file), or a refusal with a suggestion.
fn choose<T: Copy>(
    text: &str,
    choices: &[(&'static str, T)],
) -> Result<(&'static str, T), Failure> {
    choices
        .iter()
        .find(|(name, _)| *name == text.trim())
        .copied()
        .ok_or_else(|| {
            let suggestion = suggest(text, choices.iter().map(|(n, _)| *n));
            refuse(Msg::BadChoice(text.to_string(), suggestion))
        })
}

fn add_indicator(ctx: &Context, a: &AddIndicatorArgs) -> Result<ExitCode, Failure> {
    edit_sheet(ctx, &a.sheet, &a.write, |_, sheet, text| {
        let id = new_slug(&a.id, sheet.indicators.iter().map(|i| i.id.as_str()))?;
        let (kind_name, kind) = choose(
            &a.kind,
            &[
                ("result", IndicatorKind::Result),
                ("means", IndicatorKind::Means),
                ("activity", IndicatorKind::Means),
            ],
        )?;
        let kind_name = if kind_name == "activity" {
            "means"
        } else {
            kind_name
        };
        let (direction_name, direction) = choose(
            &a.direction,
            &[
                ("up", Direction::Up),
                ("down", Direction::Down),
                ("steady", Direction::Steady),
            ],
        )?;
        let baseline = a.baseline.as_deref().map(year_value).transpose()?;
        let targets = a
            .target
            .iter()
            .map(|t| year_value(t))
            .collect::<Result<Vec<_>, _>>()?;
        let mut item = format!(
            "id: {}\nlabel: {}\nunit: {}\nkind: {kind_name}\ndirection: {direction_name}\n",
            scalar(&id),
            scalar(&a.label),
            scalar(&a.unit),
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
        let edited = add_item(text, "indicators", &item).map_err(|e| refuse(Msg::Edit(e)))?;
        let mut expected = sheet.clone();
        expected.indicators.push(Indicator {
            id: at(id.clone()),
            label: a.label.clone(),
            unit: Some(a.unit.clone()),
            kind: Some(kind),
            direction,
            baseline: baseline.map(|(year, value)| Baseline { year, value }),
            targets: targets.iter().map(|(y, v)| (*y, at(*v))).collect(),
        });
        Ok((edited, expected, Change::Indicator(id)))
    })
}

/// Each id must be known; else the refusal names the closest.
fn known<'a>(
    ids: &[String],
    kind: IdKind,
    all: impl Iterator<Item = &'a str> + Clone,
) -> Result<Vec<Located<String>>, Failure> {
    ids.iter()
        .map(|id| {
            let id = id.trim();
            if all.clone().any(|k| k == id) {
                Ok(at(id.to_string()))
            } else {
                Err(refuse(Msg::UnknownId {
                    kind,
                    id: id.to_string(),
                    suggestion: suggest(id, all.clone()),
                }))
            }
        })
        .collect()
}

/// Runs `set`.
pub(super) fn run_set(ctx: &Context, a: &SetArgs) -> Result<ExitCode, Failure> {
    edit_sheet(ctx, &a.sheet, &a.write, |plan, sheet, text| {
        let partners = plan.partners.iter().map(|p| p.id.as_str());
        let fields = plan.convention.fields.iter().map(|f| f.id.as_str());
        let tracks = plan.tracks.iter().map(|t| t.id.as_str());
        let mut expected = sheet.clone();
        let mut changes: Vec<(&'static str, String)> = Vec::new();
        let list = |ids: &[Located<String>]| {
            let ids: Vec<String> = ids.iter().map(|i| scalar(i)).collect();
            format!("[{}]", ids.join(", "))
        };
        if let Some(lead) = &a.lead {
            let lead = known(
                std::slice::from_ref(lead),
                IdKind::Partner,
                partners.clone(),
            )?;
            changes.push(("lead", scalar(&lead[0])));
            expected.lead = lead.into_iter().next();
        }
        if let Some(ids) = &a.partners {
            expected.partners = known(ids, IdKind::Partner, partners)?;
            changes.push(("partners", list(&expected.partners)));
        }
        if let Some(ids) = &a.fields {
            expected.fields = known(ids, IdKind::Field, fields)?;
            changes.push(("fields", list(&expected.fields)));
        }
        if let Some(ids) = &a.tracks {
            expected.tracks = known(ids, IdKind::Track, tracks)?;
            changes.push(("tracks", list(&expected.tracks)));
        }
        if let Some(text) = &a.schedule {
            let bad = || refuse(Msg::BadSchedule(text.clone()));
            let (start, end) = text.split_once('-').ok_or_else(bad)?;
            let start: i32 = start.trim().parse().map_err(|_| bad())?;
            let end: i32 = end.trim().parse().map_err(|_| bad())?;
            expected.schedule = at(Period { start, end });
            changes.push(("schedule", format!("{{start: {start}, end: {end}}}")));
        }
        if changes.is_empty() {
            return Err(refuse(Msg::NothingToSet));
        }
        let edited = set_keys(text, &changes).map_err(|e| refuse(Msg::Edit(e)))?;
        let keys: Vec<&'static str> = changes.iter().map(|(k, _)| *k).collect();
        Ok((edited, expected, Change::Keys(keys)))
    })
}

//! `ctg status`: one row per action sheet, grouped, with rollups and totals.

use super::Failure;
use super::args::{SheetFilters, StatusArgs, TableFormat};
use super::context::Context;
use super::deliver::{Target, Views, deliver, no_charts};
use super::messages::{IdKind, Msg};
use ctg::diag::suggest;
use ctg::model::{Plan, Status};
use ctg::record::Refusal;
use ctg::render::status as render;
use ctg::report::status::{Filter, build};
use std::process::ExitCode;

/// Runs `status`.
pub(super) fn run(ctx: &Context, args: &StatusArgs) -> Result<ExitCode, Failure> {
    let target = Target::new(args.out.format, args.out.output.as_deref(), None)?;
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let filter = filter(plan, &args.filters)?;
    let report = build(plan, ctx.as_of, &filter);
    let views = Views {
        lang,
        document: &|| render::document(&report, lang),
        charts: &no_charts,
        json: &|| render::json(&report),
        text: &|format| {
            Some(match format {
                TableFormat::Markdown => render::markdown(&report, lang),
                TableFormat::Csv => render::csv(&report, lang),
                _ => render::table(&report, lang, ctx.style()),
            })
        },
    };
    deliver(ctx, &target, &views)?;
    Ok(ExitCode::SUCCESS)
}

/// The sheet filters, every id checked against the plan.
pub(super) fn filter(plan: &Plan, args: &SheetFilters) -> Result<Filter, Failure> {
    let known = |kind: IdKind, id: &Option<String>, ids: Vec<&str>| -> Result<(), Failure> {
        match id {
            Some(id) if !ids.contains(&id.as_str()) => Err(Failure::Refused(Msg::UnknownId {
                kind,
                id: id.clone(),
                suggestion: suggest(id, ids.iter().copied()),
            })),
            _ => Ok(()),
        }
    };
    known(
        IdKind::Axis,
        &args.axis,
        plan.axes.iter().map(|a| a.id.as_str()).collect(),
    )?;
    known(
        IdKind::Objective,
        &args.objective,
        plan.objectives().map(|(_, o)| o.id.as_str()).collect(),
    )?;
    known(
        IdKind::Field,
        &args.field,
        plan.convention
            .fields
            .iter()
            .map(|f| f.id.as_str())
            .collect(),
    )?;
    known(
        IdKind::Partner,
        &args.partner,
        plan.partners.iter().map(|p| p.id.as_str()).collect(),
    )?;
    let statuses = args
        .status
        .iter()
        .map(|s| {
            Status::parse(s).ok_or_else(|| {
                Failure::Usage(Msg::Record(Refusal::BadStatus {
                    text: s.clone(),
                    suggestion: suggest(s, Status::spellings()),
                }))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Filter {
        axis: args.axis.clone(),
        objective: args.objective.clone(),
        field: args.field.clone(),
        partner: args.partner.clone(),
        statuses,
        late: args.late,
        stale: args.stale,
    })
}

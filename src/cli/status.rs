//! `ctg status`: one row per action sheet, grouped, with rollups and totals.

use super::args::{StatusArgs, TableFormat};
use super::context::Context;
use super::{Failure, emit};
use crate::diag::suggest;
use crate::model::{Plan, Status};
use crate::render::status as render;
use crate::report::status::{Filter, build};
use std::process::ExitCode;

/// Runs `status`.
pub fn run(ctx: &Context, args: &StatusArgs) -> Result<ExitCode, Failure> {
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let filter = filter(plan, args)?;
    let report = build(plan, ctx.as_of, &filter);
    emit(args.format, args.output.as_deref(), |format| match format {
        TableFormat::Table => render::table(&report, lang, ctx.style()),
        TableFormat::Markdown => render::markdown(&report, lang),
        TableFormat::Csv => render::csv(&report, lang),
        TableFormat::Json => render::json(&report),
    })?;
    Ok(ExitCode::SUCCESS)
}

fn filter(plan: &Plan, args: &StatusArgs) -> Result<Filter, Failure> {
    let known = |what: &str, id: &Option<String>, ids: Vec<&str>| -> Result<(), Failure> {
        match id {
            Some(id) if !ids.contains(&id.as_str()) => {
                let hint = suggest(id, ids.iter().copied())
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                Err(Failure::Refused(format!("unknown {what} `{id}`{hint}")))
            }
            _ => Ok(()),
        }
    };
    known(
        "axis",
        &args.axis,
        plan.axes.iter().map(|a| a.id.as_str()).collect(),
    )?;
    known(
        "objective",
        &args.objective,
        plan.objectives().map(|(_, o)| o.id.as_str()).collect(),
    )?;
    known(
        "field",
        &args.field,
        plan.convention
            .fields
            .iter()
            .map(|f| f.id.as_str())
            .collect(),
    )?;
    known(
        "partner",
        &args.partner,
        plan.partners.iter().map(|p| p.id.as_str()).collect(),
    )?;
    let statuses = args
        .status
        .iter()
        .map(|s| Status::parse(s).ok_or_else(|| Failure::Usage(format!("unknown status `{s}`"))))
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

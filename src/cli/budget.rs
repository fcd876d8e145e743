//! `ctg budget`: planned and spent euros per line, year, funder and nature.

use super::Failure;
use super::args::{BudgetArgs, BudgetByArg, TableFormat};
use super::context::Context;
use super::deliver::{Target, Views, deliver, no_charts};
use super::messages::{IdKind, Msg};
use ctg::diag::suggest;
use ctg::render::budget as render;
use ctg::report::budget::{BudgetBy, Selection, build};
use std::process::ExitCode;

/// Runs `budget`.
pub(super) fn run(ctx: &Context, args: &BudgetArgs) -> Result<ExitCode, Failure> {
    let target = Target::new(args.out.format, args.out.output.as_deref(), None)?;
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let filter = super::status::filter(plan, &args.filters)?;
    if let Some(f) = &args.funder {
        let ids: Vec<&str> = plan.partners.iter().map(|p| p.id.as_str()).collect();
        if !ids.contains(&f.as_str()) {
            return Err(Failure::Refused(Msg::UnknownId {
                kind: IdKind::Partner,
                id: f.clone(),
                suggestion: suggest(f, ids.iter().copied()),
            }));
        }
    }
    let p = *plan.convention.period;
    if let Some(year) = args.year.filter(|y| !(p.start..=p.end).contains(y)) {
        return Err(Failure::Refused(Msg::YearOutsidePeriod {
            year,
            period: (p.start, p.end),
        }));
    }
    let selection = Selection {
        filter,
        funder: args.funder.clone(),
        year: args.year,
        by: args.by.map(|b| match b {
            BudgetByArg::Funder => BudgetBy::Funder,
            BudgetByArg::Nature => BudgetBy::Nature,
            BudgetByArg::Axis => BudgetBy::Axis,
            BudgetByArg::Field => BudgetBy::Field,
        }),
    };
    let report = build(plan, ctx.as_of, &selection);
    let name = &plan.convention.name;
    let views = Views {
        lang,
        document: &|| render::document(&report, name, lang),
        charts: &no_charts,
        json: &|| render::json(&report),
        text: &|format| {
            Some(match format {
                TableFormat::Markdown => render::document(&report, name, lang).markdown(lang),
                TableFormat::Csv => render::csv(&report, lang),
                TableFormat::Json => return None,
                _ => render::document(&report, name, lang).table(lang, ctx.style()),
            })
        },
    };
    deliver(ctx, &target, &views)?;
    Ok(ExitCode::SUCCESS)
}

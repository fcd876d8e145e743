//! `ctg portfolio DIR…`: many plans side by side, read in parallel; a plan
//! with errors is a row with its first error, and the run exits 1 at the end.

use super::args::{PortfolioArgs, TableFormat};
use super::context::Context;
use super::deliver::{Target, Views, deliver, no_charts};
use super::messages::Msg;
use super::{Failure, tell};
use ctg::render::portfolio as render;
use ctg::report::portfolio::{FolderError, build_portfolio, plan_folders};
use std::process::ExitCode;

/// Runs `portfolio`.
pub(super) fn run(ctx: &Context, args: &PortfolioArgs) -> Result<ExitCode, Failure> {
    let target = Target::new(args.out.format, args.out.output.as_deref(), None)?;
    let folders = plan_folders(&args.dirs).map_err(|e| {
        Failure::Refused(match e {
            FolderError::NotAFolder(p) => Msg::PlanFolderNotFound(p),
            FolderError::NoPlanIn(p) => Msg::NoPlansIn(p),
        })
    })?;
    let p = build_portfolio(&folders, ctx.as_of, args.late, args.stale);
    let lang = ctx.lang;
    let plans = render::plans(&p, lang);
    let sheets = p.listed.then(|| render::sheets(&p, lang));
    let views = Views {
        lang,
        document: &|| render::document(&p, lang),
        charts: &no_charts,
        json: &|| render::json(&p, lang),
        text: &|format| {
            Some(match format {
                TableFormat::Table | TableFormat::Html | TableFormat::Xlsx | TableFormat::Ods => {
                    let mut text = plans.terminal(lang, ctx.style());
                    if let Some(s) = &sheets {
                        text.push('\n');
                        text.push_str(&s.terminal(lang, ctx.style()));
                    }
                    text
                }
                TableFormat::Markdown => {
                    let mut text = plans.markdown(lang, 1);
                    if let Some(s) = &sheets {
                        text.push_str(&s.markdown(lang, 2));
                    }
                    text
                }
                TableFormat::Csv => sheets.as_ref().unwrap_or(&plans).csv(lang),
                TableFormat::Json => return None,
            })
        },
    };
    deliver(ctx, &target, &views)?;
    if p.warnings > 0 && !ctx.quiet {
        let with_warnings = p
            .lines
            .iter()
            .filter(|l| l.warnings > 0)
            .map(|l| l.folder.clone())
            .collect();
        tell(&Msg::PlansWarnings(p.warnings, with_warnings), lang);
    }
    if !ctx.quiet {
        for (siren, a, b) in &p.overlaps {
            tell(
                &Msg::SirenOverlap {
                    siren: siren.clone(),
                    first: a.clone(),
                    second: b.clone(),
                },
                lang,
            );
        }
    }
    let invalid = p.invalid_plans();
    if invalid.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        tell(&Msg::PlansWithErrors(invalid), lang);
        Ok(ExitCode::FAILURE)
    }
}

//! `ctg summary`: one column per year, each as of 31/12 (or the as-of date).

use super::Failure;
use super::args::{SummaryArgs, TableFormat};
use super::context::Context;
use super::deliver::{Target, Views, deliver, no_charts};
use super::messages::Msg;
use ctg::i18n::L;
use ctg::render::summary as render;
use ctg::report::summary::{GroupBy, build};
use std::process::ExitCode;

/// Runs `summary`.
pub(super) fn run(ctx: &Context, args: &SummaryArgs) -> Result<ExitCode, Failure> {
    let target = Target::new(args.out.format, args.out.output.as_deref(), None)?;
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let p = *plan.convention.period;
    let (from, to) = (args.from.unwrap_or(p.start), args.to.unwrap_or(p.end));
    if from > to {
        return Err(Failure::Usage(Msg::YearsReversed(from, to)));
    }
    for y in [from, to] {
        if !(p.start..=p.end).contains(&y) {
            return Err(Failure::Refused(Msg::YearOutsidePeriod {
                year: y,
                period: (p.start, p.end),
            }));
        }
    }
    let by = args.by.map(GroupBy::from);
    let summary = build(plan, (from..=to).collect(), ctx.as_of, by);
    let field_note = (by == Some(GroupBy::Field)).then(|| L::FieldCountNote.get(lang));
    let note = |style| {
        field_note.map_or_else(String::new, |text| {
            format!("{}\n", ctg::render::terminal::paragraph(text, style))
        })
    };
    let views = Views {
        lang,
        document: &|| render::document(&summary, field_note, lang),
        charts: &no_charts,
        json: &|| render::json(&summary),
        text: &|format| {
            Some(match format {
                TableFormat::Table | TableFormat::Html | TableFormat::Xlsx | TableFormat::Ods => {
                    format!(
                        "{}{}",
                        render::grid(&summary, lang).terminal(lang, ctx.style()),
                        note(ctx.style())
                    )
                }
                TableFormat::Markdown => {
                    let unwrapped = ctg::render::table::Style {
                        color: false,
                        width: None,
                    };
                    format!(
                        "{}{}",
                        render::grid(&summary, lang).markdown(lang, 1),
                        note(unwrapped)
                    )
                }
                TableFormat::Csv => render::csv(&summary, lang),
                TableFormat::Json => return None,
            })
        },
    };
    deliver(ctx, &target, &views)?;
    Ok(ExitCode::SUCCESS)
}

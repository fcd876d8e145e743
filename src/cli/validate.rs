//! `ctg validate` (alias `check`): every error and warning, then a summary line.

use super::args::{DiagFormat, ValidateArgs};
use super::context::Context;
use super::{Failure, print, print_err};
use ctg::diag::Severity;
use ctg::render::diagnostics::{Paths, counts, render_json, render_text, summary_line};
use std::process::ExitCode;

/// Runs `validate`: diagnostics on stderr (JSON on stdout), the summary line on stdout.
pub(super) fn run(ctx: &Context, args: &ValidateArgs) -> Result<ExitCode, Failure> {
    let (loaded, mut diagnostics, lang) = ctx.load_all();
    if args.strict {
        for d in &mut diagnostics {
            d.severity = Severity::Error;
        }
    }
    let paths = Paths {
        root: &ctx.shown_dir,
    };
    let (errors, _) = counts(&diagnostics);
    match args.format {
        DiagFormat::Json => print(&render_json(&diagnostics, &loaded, &paths, lang))?,
        DiagFormat::Text => {
            let text = render_text(
                &diagnostics,
                &loaded,
                &paths,
                lang,
                ctx.color_err,
                ctx.width,
            );
            print_err(&text);
            let line = summary_line(&diagnostics, &loaded, lang);
            print(&format!(
                "{}\n",
                ctg::render::terminal::paragraph(&line, ctx.style())
            ))?;
        }
    }
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

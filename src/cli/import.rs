//! `ctg import FILE…`: the partners' filled workbooks back into the plan,
//! every cell checked first, all problems told at once, then one write of
//! every sheet through the one write path.

use super::args::ImportArgs;
use super::context::Context;
use super::messages::Msg;
use super::write::{Flags, refused, with_options};
use super::{Failure, print, tell};
use ctg::edit::unified_diff;
use ctg::i18n::{Localize, fmt::short_date};
use ctg::import::{import, read_file};
use ctg::write::{Caused, apply_import};
use std::process::ExitCode;

/// Runs `import`.
pub(super) fn run(ctx: &Context, args: &ImportArgs) -> Result<ExitCode, Failure> {
    let checked = ctx.load_valid()?;
    let (plan, lang) = (&checked.loaded.plan, checked.lang);
    let mut books = Vec::new();
    let mut unreadable = Vec::new();
    for path in &args.files {
        let shown = path.display().to_string();
        match read_file(path) {
            Some(sheets) => books.push((shown, sheets)),
            None => unreadable.push(ctg::import::FileProblem::Unreadable(shown)),
        }
    }
    let imported = match import(plan, &books, ctx.today) {
        Ok(imported) if unreadable.is_empty() => imported,
        Ok(_) => return Err(problems(&unreadable, &[], lang)),
        Err(found) => {
            let mut files = unreadable;
            files.extend(found.files);
            return Err(problems(&files, &found.cells, lang));
        }
    };
    let flags = Flags {
        dry_run: args.dry_run,
        commit: args.commit,
    };
    let count: usize = imported.entries.iter().map(|(_, e)| e.len()).sum();
    let names: Vec<String> = args
        .files
        .iter()
        .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let message = Msg::ImportCommit(count, names.join(", ")).say(lang);
    let outcome = with_options(ctx, flags, |opts| {
        apply_import(&imported.entries, &message, opts)
    })
    .map_err(|r| refused(ctx, r))?;
    let mut out = String::new();
    for change in &outcome.files {
        if args.dry_run {
            out.push_str(&unified_diff(
                &change.before,
                &change.after,
                &change.file.display().to_string(),
            ));
        }
        let dates: Vec<String> = change
            .entries
            .iter()
            .map(|e| short_date(e.date.value, lang))
            .collect();
        out.push_str(&format!(
            "{}\n",
            Msg::Imported {
                sheet: change.sheet.clone(),
                file: change.file.clone(),
                dates,
                dry_run: args.dry_run,
            }
            .say(lang)
        ));
    }
    for (sheet, date) in &imported.already {
        out.push_str(&format!(
            "{}\n",
            Msg::AlreadyThere(sheet.clone(), short_date(*date, lang)).say(lang)
        ));
    }
    if outcome.files.is_empty() {
        out.push_str(&format!("{}\n", Msg::NothingToImport.say(lang)));
    }
    if let Some((message, result)) = &outcome.commit {
        if let Err(e) = result {
            print(&out)?;
            return Err(Failure::Refused(Msg::CommitFailed(e.clone())));
        }
        out.push_str(&format!("{}\n", Msg::Committed(message.clone()).say(lang)));
    }
    print(&out)?;
    for warning in &outcome.warnings {
        if let Caused::Problem(p) = warning {
            tell(&Msg::Warning(p.say(lang)), lang);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every problem, one a line, then that nothing was written.
fn problems(
    files: &[ctg::import::FileProblem],
    cells: &[ctg::import::CellProblem],
    lang: ctg::i18n::Lang,
) -> Failure {
    let mut lines: Vec<String> = files.iter().map(|p| p.say(lang)).collect();
    lines.extend(cells.iter().map(|p| p.say(lang)));
    Failure::Refused(Msg::ImportRefused(lines))
}

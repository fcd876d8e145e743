//! `ctg init DIR`: a new, valid plan for another territory, written as
//! `renew` writes its draft (staged, loaded and checked, then made to
//! appear whole: `ctg::write::staging`).

use super::args::InitArgs;
use super::context::Bare;
use super::messages::Msg;
use super::{Failure, print};
use chrono::Datelike;
use ctg::create::init::{Request, default_signatories, files};
use ctg::decode::IdShape;
use ctg::i18n::{Lang, Localize};
use ctg::model::Period;
use ctg::write::staging::install;
use std::process::ExitCode;

/// Runs `init`.
pub(super) fn run(bare: &Bare, args: &InitArgs) -> Result<ExitCode, Failure> {
    let start = args.from.unwrap_or(bare.today.year() + 1);
    super::renew::year_of_a_plan(start)?;
    let end = args.to.unwrap_or(start.saturating_add(4));
    super::renew::year_of_a_plan(end)?;
    if start > end {
        return Err(Failure::Usage(Msg::ReversedRenewal(start, end)));
    }
    let lang = bare.explicit.unwrap_or(Lang::Fr);
    let signatories = if args.signatory.is_empty() {
        default_signatories(&args.territory, lang)
    } else {
        signatories(&args.signatory)?
    };
    let request = Request {
        name: args.name.clone(),
        territory: args.territory.clone(),
        period: Period { start, end },
        lang,
        signatories,
    };
    let files = files(&request);
    install(&args.dir, &files, bare.today, 1)?;
    print(&format!(
        "{}\n",
        Msg::Initialized(args.dir.clone()).say(bare.lang)
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The `--signatory ID=NAME` values: slug ids, each once, names not empty.
fn signatories(given: &[String]) -> Result<Vec<(String, String)>, Failure> {
    let mut out: Vec<(String, String)> = Vec::new();
    for text in given {
        let (id, name) = text
            .split_once('=')
            .map(|(i, n)| (i.trim(), n.trim()))
            .filter(|(i, n)| IdShape::Slug.accepts(i) && !n.is_empty())
            .ok_or_else(|| Failure::Usage(Msg::BadSignatory(text.clone())))?;
        if out.iter().any(|(known, _)| known == id) {
            return Err(Failure::Usage(Msg::TwiceSignatory(id.to_string())));
        }
        out.push((id.to_string(), name.to_string()));
    }
    Ok(out)
}

//! `ctg man [--output DIR]`: roff man pages made by `clap_mangen` from the
//! command tree, in the session's language (the text of `--help`): `ctg.1`
//! to stdout, or one page per visible command (`ctg-record.1`,
//! `ctg-add-partner.1`…) into a folder.

use super::args::{Cli, ManArgs};
use super::context::Bare;
use super::messages::Msg;
use super::{Failure, help, output, print};
use clap::CommandFactory;
use std::process::ExitCode;

/// Runs `man`.
pub(super) fn run(bare: &Bare, args: &ManArgs) -> Result<ExitCode, Failure> {
    let mut root = help::localize(Cli::command(), bare.lang).disable_help_subcommand(true);
    root.build();
    let mut pages = Vec::new();
    collect(root, &mut pages)?;
    match &args.output {
        Some(dir) => output::write_into(dir, &pages, bare.lang)?,
        None => {
            for (_, text) in pages.iter().filter(|(name, _)| name == "ctg.1") {
                print(text)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The page of `command` and of each visible subcommand, as (file name, roff).
fn collect(command: clap::Command, pages: &mut Vec<(String, String)>) -> Result<(), Failure> {
    let man = clap_mangen::Man::new(command.clone());
    let mut roff = Vec::new();
    man.render(&mut roff)
        .map_err(|e| Failure::Refused(Msg::CannotPrint(e.kind())))?;
    pages.push((
        man.get_filename(),
        String::from_utf8_lossy(&roff).into_owned(),
    ));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub.clone(), pages)?;
    }
    Ok(())
}

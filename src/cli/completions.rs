//! `ctg completions SHELL`: clap's completion script for the shell; for
//! bash, a function in front of it completes ids from the plan by calling
//! `ctg __ids KIND` back (sheets after `record`, `show`, `set`, `add
//! milestone|indicator`; axes, objectives, partners, fields, tracks,
//! milestones, indicators and budget lines after the options that take
//! them; `--spent` offers `LINE=`); for zsh,
//! the argument specs that take ids call `_ctg_ids KIND` (through
//! `_sequence` for the comma lists `--partners`, `--fields`, `--tracks`),
//! which asks the same command. In bash, a comma list completes its last item.

use super::args::{Cli, CompletionsArgs, IdList, IdsArgs};
use super::context::Context;
use super::{Failure, help, print};
use clap::CommandFactory;
use clap_complete::Shell;
use std::process::ExitCode;

/// The bash function that completes ids, then falls back to clap's `_ctg`.
const BASH_IDS: &str = include_str!("completions.bash");

/// The zsh function that the argument specs call to complete ids.
const ZSH_IDS: &str = include_str!("completions.zsh");

/// In clap's zsh script, the argument specs whose values are plan ids, by
/// the start of the spec (language-free: the help text after it is in the
/// session's language) and the commands it is for (any when empty), and the
/// kind of id each takes (`_default` becomes `_ctg_ids KIND`).
const ZSH_SPECS: [(&str, &[&str], &str); 14] = [
    ("':id -- ", &["show"], "any"),
    ("':id -- ", &["record"], "sheet"),
    ("':sheet -- ", &["milestone", "indicator", "set"], "sheet"),
    ("'--action=[", &[], "any"),
    ("'--axis=[", &[], "axis"),
    ("'--objective=[", &[], "objective"),
    ("'--field=[", &[], "field"),
    ("'--partner=[", &[], "partner"),
    ("'--lead=[", &[], "partner"),
    ("'*--spent=[", &[], "budget-line"),
    ("'--funder=[", &[], "partner"),
    ("'*--tracks=[", &[], "- track"),
    ("'*--partners=[", &[], "- partner"),
    ("'*--fields=[", &[], "- field"),
];

/// clap's zsh script with the id specs pointing at `_ctg_ids`, and the
/// function defined after the `#compdef` line.
fn zsh(script: &str) -> String {
    let mut out = String::with_capacity(script.len() + ZSH_IDS.len());
    let mut command = "";
    for line in script.lines() {
        if let Some(name) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
            command = name;
        }
        let spec = ZSH_SPECS.iter().find(|(head, commands, _)| {
            line.starts_with(head)
                && (commands.is_empty() || commands.contains(&command))
                && line.contains(":_default'")
        });
        match spec {
            // A comma list (`- KIND`) is completed item by item by
            // `_sequence`, which puts its compadd options where the `-` is.
            Some((_, _, kind)) => {
                let action = match kind.strip_prefix("- ") {
                    Some(kind) => format!(":_sequence _ctg_ids - {kind}'"),
                    None => format!(":_ctg_ids {kind}'"),
                };
                out.push_str(&line.replace(":_default'", &action))
            }
            None => out.push_str(line),
        }
        out.push('\n');
        if line.starts_with("#compdef") {
            out.push_str(ZSH_IDS);
        }
    }
    out
}

/// `script` without the lines and words that offer the hidden `__ids`
/// command (clap's scripts list hidden commands too).
fn unlisted(script: &str, shell: Shell) -> String {
    let offers = |line: &str| match shell {
        Shell::Zsh => line.starts_with("'__ids:"),
        Shell::Fish => line.contains("-a \"__ids\""),
        Shell::PowerShell => line.contains("::new('__ids'"),
        Shell::Elvish => line.trim_start().starts_with("cand __ids "),
        _ => false,
    };
    let mut out = String::with_capacity(script.len());
    for line in script.lines().filter(|l| !offers(l)) {
        match shell {
            Shell::Bash if line.trim_start().starts_with("opts=\"") => {
                out.push_str(&line.replace(" __ids ", " "))
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Runs `completions`: the script of the session's language (the
/// descriptions are the help of the commands and options).
pub(super) fn run(args: &CompletionsArgs) -> Result<ExitCode, Failure> {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::session_language(&argv);
    let mut command = help::localize(Cli::command(), lang);
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "ctg", &mut out);
    let mut script = unlisted(&String::from_utf8_lossy(&out), args.shell);
    match args.shell {
        Shell::Bash => script.push_str(BASH_IDS),
        Shell::Zsh => script = zsh(&script),
        _ => {}
    }
    print(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `__ids`: the ids of one kind in the plan as read, one a line (a plan
/// with errors still lists what it holds).
pub(super) fn run_ids(ctx: &Context, args: &IdsArgs) -> Result<ExitCode, Failure> {
    let (loaded, _, _) = ctx.load_all();
    let plan = &loaded.plan;
    let sheets = plan
        .sheets
        .iter()
        .filter(|s| args.sheet.as_ref().is_none_or(|id| s.id.value == *id));
    let axes = plan.axes.iter().map(|a| a.id.value.clone());
    let objectives = plan
        .axes
        .iter()
        .flat_map(|a| a.objectives.iter().map(|o| o.id.value.clone()));
    let sheet_ids = plan.sheets.iter().map(|s| s.id.value.clone());
    let ids: Vec<String> = match args.kind {
        IdList::Sheet => sheet_ids.collect(),
        IdList::Axis => axes.collect(),
        IdList::Objective => objectives.collect(),
        IdList::Any => axes.chain(objectives).chain(sheet_ids).collect(),
        IdList::Partner => plan.partners.iter().map(|p| p.id.value.clone()).collect(),
        IdList::Field => plan
            .convention
            .fields
            .iter()
            .map(|f| f.id.value.clone())
            .collect(),
        IdList::Track => plan.tracks.iter().map(|t| t.id.value.clone()).collect(),
        IdList::Milestone => sheets
            .flat_map(|s| s.milestones.iter().map(|m| m.id.value.clone()))
            .collect(),
        IdList::Indicator => sheets
            .flat_map(|s| s.indicators.iter().map(|i| i.id.value.clone()))
            .collect(),
        IdList::BudgetLine => sheets
            .flat_map(|s| s.budget.iter().map(|l| l.id.value.clone()))
            .collect(),
    };
    let mut text = ids.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

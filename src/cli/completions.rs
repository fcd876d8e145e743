//! `ctg completions SHELL`: clap's completion script for the shell; for
//! bash, a function in front of it completes ids from the plan by calling
//! `ctg __ids KIND` back (sheets after `record`, `show`, `set`, `add
//! milestone|indicator`; axes, objectives, partners, fields, tracks,
//! milestones and indicators after the options that take them); for zsh,
//! the argument specs that take ids call `_ctg_ids KIND`, which asks the
//! same command.

use super::args::{Cli, CompletionsArgs, IdList, IdsArgs};
use super::context::Context;
use super::{Failure, print};
use clap::CommandFactory;
use clap_complete::Shell;
use std::process::ExitCode;

/// The bash function that completes ids, then falls back to clap's `_ctg`.
const BASH_IDS: &str = include_str!("completions.bash");

/// The zsh function that the argument specs call to complete ids.
const ZSH_IDS: &str = include_str!("completions.zsh");

/// In clap's zsh script, the argument specs whose values are plan ids, and
/// the kind of id each takes (`_default` becomes `_ctg_ids KIND`).
const ZSH_SPECS: [(&str, &str); 10] = [
    (
        "':id -- An axis (1), objective (1.2), sheet (1.2.3), field id, or `tracks`:",
        "any",
    ),
    ("':id -- The action sheet (e.g. 2.1.1):", "sheet"),
    ("':sheet -- The action sheet (e.g. 2.1.1):", "sheet"),
    ("'--action=[Only this axis, objective or sheet]:ID:", "any"),
    ("'--axis=[Only this axis]:ID:", "axis"),
    ("'--objective=[Only this objective]:ID:", "objective"),
    (
        "'--field=[Only sheets in this field of intervention]:FIELD:",
        "field",
    ),
    (
        "'--partner=[Only sheets this partner leads or takes part in]:PARTNER:",
        "partner",
    ),
    ("'--lead=[The lead partner (pilote)]:PARTNER:", "partner"),
    ("'*--tracks=[The tracks, comma-separated]:T,U:", "track"),
];

/// clap's zsh script with the id specs pointing at `_ctg_ids`, and the
/// function defined after the `#compdef` line.
fn zsh(script: &str) -> String {
    let mut out = String::with_capacity(script.len() + ZSH_IDS.len());
    for line in script.lines() {
        let spec = ZSH_SPECS
            .iter()
            .find(|(head, _)| line.starts_with(head) && line.contains(":_default'"));
        match spec {
            Some((_, kind)) => {
                out.push_str(&line.replace(":_default'", &format!(":_ctg_ids {kind}'")))
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

/// Runs `completions`.
pub(super) fn run(args: &CompletionsArgs) -> Result<ExitCode, Failure> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "ctg", &mut out);
    let mut script = String::from_utf8_lossy(&out).into_owned();
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
    };
    let mut text = ids.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

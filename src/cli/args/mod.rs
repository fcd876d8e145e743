//! The command line as clap sees it: raw flags, resolved later in [`super::context`].
//!
//! The top of the tree is here; each group of commands has its file.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod formats;
mod free;
mod partners;
mod read;
mod reports;
mod writers;

pub(super) use formats::DocumentOutput;
pub(crate) use formats::{TableFormat, TableOutput};
pub(super) use free::{CompletionsArgs, InitArgs, ManArgs, SchemaArgs};
pub(super) use partners::{CollectArgs, FormFormat, ImportArgs, ServeArgs};
pub(super) use read::{
    BudgetArgs, BudgetByArg, DiagFormat, IdList, IdsArgs, SheetFilters, ShowArgs, StatusArgs,
    ValidateArgs,
};
pub(super) use reports::{
    EvaluationArgs, LogArgs, PortfolioArgs, ReportArgs, SummaryArgs, TimelineArgs, TimelineFormat,
};
pub(super) use writers::{AddCommand, RecordArgs, RenewArgs, SetArgs};

/// ctg — track a Convention Territoriale Globale (CTG) kept as YAML files.
#[derive(Debug, Parser)]
#[command(
    name = "ctg",
    version,
    about,
    max_term_width = 100,
    disable_help_subcommand = true
)]
pub(super) struct Cli {
    /// Options shared by every command.
    #[command(flatten)]
    pub global: Global,
    /// The command to run.
    #[command(subcommand)]
    pub command: TopCommand,
}

/// The commands, as those that read a plan and those that need none.
#[derive(Debug, Subcommand)]
pub(super) enum TopCommand {
    /// Commands that load the plan first.
    #[command(flatten)]
    Plan(Command),
    /// Commands that work without a plan.
    #[command(flatten)]
    Free(FreeCommand),
}

/// The commands that work without a plan.
#[derive(Debug, Subcommand)]
pub(super) enum FreeCommand {
    /// Write a new, valid plan for another territory into a new folder
    Init(InitArgs),
    /// JSON Schemas of the plan files, for editors (yaml-language-server)
    Schema(SchemaArgs),
    /// A shell completion script that completes ids from the plan
    Completions(CompletionsArgs),
    /// Man pages: ctg.1 to the terminal, or one page per command into a folder
    Man(ManArgs),
}

/// Options shared by every command (before or after it).
#[derive(Debug, Args)]
#[command(next_help_heading = GLOBAL_HEADING)]
pub(crate) struct Global {
    /// Plan folder [env: CTG_PLAN; default: the first folder upward holding
    /// convention.yaml or plan/convention.yaml]
    #[arg(long, global = true, value_name = "DIR")]
    pub plan: Option<PathBuf>,
    /// Compute as of this date, YYYY-MM-DD or JJ/MM/AAAA [env: CTG_AS_OF; default: today]
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Output language [env: CTG_LANG; default: the plan's language]
    #[arg(long, global = true, value_name = "fr|en")]
    pub lang: Option<String>,
    /// When to use colour (NO_COLOR is honoured)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Do not print the line that counts warnings
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

/// The heading of the global options in help.
pub(super) const GLOBAL_HEADING: &str = "Global options";

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands that load the plan first.
#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Check the whole plan and report every error and warning
    #[command(alias = "check")]
    Validate(ValidateArgs),
    /// Where every action sheet stands, grouped by axis and objective
    Status(StatusArgs),
    /// Planned and spent euros per budget line, year, funder and nature
    Budget(BudgetArgs),
    /// One axis, objective, action sheet, field or partner in full; `show tracks` lists every track
    Show(ShowArgs),
    /// Append one dated journal entry to an action sheet
    Record(RecordArgs),
    /// Journal entries across the plan in a period, oldest first
    Log(LogArgs),
    /// Yearly summary: one column per year of the convention
    Summary(SummaryArgs),
    /// The annual review (bilan annuel) of one year, for the steering committee
    Report(ReportArgs),
    /// The period as a chart: schedules, milestones and the as-of date
    Timeline(TimelineArgs),
    /// The final assessment of the whole convention period
    Evaluation(EvaluationArgs),
    /// Write the draft of the next convention into a new folder
    Renew(RenewArgs),
    /// Many plans side by side: one row per plan, and the totals
    Portfolio(PortfolioArgs),
    /// Write each partner a workbook to fill in (what ctg knows, and cells to fill)
    Collect(CollectArgs),
    /// Bring back filled workbooks: their rows become journal entries
    Import(ImportArgs),
    /// The plan in a browser, read-only, from the same files (127.0.0.1 only)
    Serve(ServeArgs),
    /// Add a partner, or a milestone, indicator or budget line to an action sheet
    #[command(subcommand)]
    Add(AddCommand),
    /// Set the lead, partners, fields, tracks or schedule of an action sheet
    Set(SetArgs),
    /// List the plan's ids of one kind, one a line (for shell completion)
    #[command(name = "__ids", hide = true)]
    Ids(IdsArgs),
}

//! The command line as clap sees it: raw flags, resolved later in [`super::context`].

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// ctg — track a Convention Territoriale Globale (CTG) kept as YAML files.
#[derive(Debug, Parser)]
#[command(name = "ctg", version, about, max_term_width = 100)]
pub struct Cli {
    /// Options shared by every command.
    #[command(flatten)]
    pub global: Global,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by every command (before or after it).
#[derive(Debug, Args)]
pub struct Global {
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
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the whole plan and report every error and warning
    #[command(alias = "check")]
    Validate(ValidateArgs),
    /// Where every action sheet stands, grouped by axis and objective
    Status(StatusArgs),
    /// One axis, objective, action sheet or field in full; `show tracks` lists every track
    Show(ShowArgs),
}

/// `ctg validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
    pub format: DiagFormat,
}

/// Formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// rustc-style messages.
    Text,
    /// One JSON document, for editors and CI.
    Json,
}

/// `ctg status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Only this axis
    #[arg(long, value_name = "ID")]
    pub axis: Option<String>,
    /// Only this objective
    #[arg(long, value_name = "ID")]
    pub objective: Option<String>,
    /// Only sheets in this field of intervention
    #[arg(long, value_name = "FIELD")]
    pub field: Option<String>,
    /// Only sheets this partner leads or takes part in
    #[arg(long, value_name = "PARTNER")]
    pub partner: Option<String>,
    /// Only sheets with this status (repeatable; English or French)
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,
    /// Only late sheets
    #[arg(long)]
    pub late: bool,
    /// Only stale sheets
    #[arg(long)]
    pub stale: bool,
    /// Output format [default: from the --output extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// Write to this file instead of the terminal (replaced atomically)
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of tabular commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// A table for the terminal.
    Table,
    /// A Markdown document.
    Markdown,
    /// CSV (French: `;`, BOM, decimal comma).
    Csv,
    /// JSON with a version.
    Json,
}

/// `ctg show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An axis (1), objective (1.2), sheet (1.2.3), field id, or `tracks`
    pub id: String,
}

//! The commands that read the plan and print it: `validate`, `status`,
//! `show`, and `__ids` for the completion scripts.

use super::TableOutput;
use crate::cli::help::StatusValue;
use clap::{Args, ValueEnum};

/// `ctg validate`.
#[derive(Debug, Args)]
pub(in crate::cli) struct ValidateArgs {
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
    pub format: DiagFormat,
}

/// Formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum DiagFormat {
    /// rustc-style messages.
    Text,
    /// One JSON document, for editors and CI.
    Json,
}

/// `ctg status`.
#[derive(Debug, Args)]
pub(in crate::cli) struct StatusArgs {
    /// Which sheets.
    #[command(flatten)]
    pub filters: SheetFilters,
    /// `--format` and `--output`.
    #[command(flatten)]
    pub out: TableOutput,
}

/// The sheet filters of `status` and `budget`.
#[derive(Debug, Args)]
pub(in crate::cli) struct SheetFilters {
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
    #[arg(long, value_name = "STATUS", value_parser = StatusValue { not_an_option: false })]
    pub status: Vec<String>,
    /// Only late sheets
    #[arg(long)]
    pub late: bool,
    /// Only stale sheets
    #[arg(long)]
    pub stale: bool,
}

/// `ctg budget`.
#[derive(Debug, Args)]
pub(in crate::cli) struct BudgetArgs {
    /// Which sheets.
    #[command(flatten)]
    pub filters: SheetFilters,
    /// Only the lines this partner funds
    #[arg(long, value_name = "PARTNER")]
    pub funder: Option<String>,
    /// One year instead of the whole period
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// One block per funder, nature, axis or field
    #[arg(long, value_enum)]
    pub by: Option<BudgetByArg>,
    /// `--format` and `--output`.
    #[command(flatten)]
    pub out: TableOutput,
}

/// Blocks of `budget --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(in crate::cli) enum BudgetByArg {
    /// One block per funder.
    Funder,
    /// Operating, then investment.
    Nature,
    /// One block per axis.
    Axis,
    /// One block per field of intervention.
    Field,
}

/// `ctg show`.
#[derive(Debug, Args)]
pub(in crate::cli) struct ShowArgs {
    /// An axis (1), objective (1.2), sheet (1.2.3), field id, or `tracks`
    pub id: String,
}

/// `ctg __ids KIND [SHEET]`, called back by the completion scripts.
#[derive(Debug, Args)]
pub(in crate::cli) struct IdsArgs {
    /// Which ids
    #[arg(value_enum)]
    pub kind: IdList,
    /// Only this sheet's milestones or indicators
    pub sheet: Option<String>,
}

/// The kinds of id `__ids` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum IdList {
    /// Action sheets.
    Sheet,
    /// Axes.
    Axis,
    /// Objectives.
    Objective,
    /// Axes, objectives and sheets.
    Any,
    /// Partners.
    Partner,
    /// Fields of intervention.
    Field,
    /// Tracks.
    Track,
    /// Milestones.
    Milestone,
    /// Indicators.
    Indicator,
    /// Budget lines.
    BudgetLine,
}

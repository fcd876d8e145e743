//! The reports: `log`, `summary`, `report`, `timeline`, `evaluation` and
//! `portfolio`.

use super::{DocumentOutput, TableOutput};
use crate::cli::help::TableValue;
use clap::{Args, ValueEnum};
use ctg::report::summary::GroupBy;
use std::path::PathBuf;

/// `ctg log`.
#[derive(Debug, Args)]
pub(in crate::cli) struct LogArgs {
    /// From this date or year [default: the start of the convention period]
    #[arg(long, value_name = "DATE|YEAR")]
    pub from: Option<String>,
    /// Up to this date or year [default: the as-of date]
    #[arg(long, value_name = "DATE|YEAR")]
    pub to: Option<String>,
    /// Only this axis, objective or sheet
    #[arg(long, value_name = "ID")]
    pub action: Option<String>,
    /// `--format` and `--output`.
    #[command(flatten)]
    pub out: TableOutput,
}

/// `ctg summary`.
#[derive(Debug, Args)]
pub(in crate::cli) struct SummaryArgs {
    /// First year [default: the first year of the convention]
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// Last year [default: the last year of the convention]
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
    /// Add one block per axis, objective or field
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// `--format` and `--output`.
    #[command(flatten)]
    pub out: TableOutput,
}

/// Groups of `summary --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum By {
    /// One block per axis.
    Axis,
    /// One block per objective.
    Objective,
    /// One block per field of intervention.
    Field,
}

impl From<By> for GroupBy {
    fn from(b: By) -> GroupBy {
        match b {
            By::Axis => GroupBy::Axis,
            By::Objective => GroupBy::Objective,
            By::Field => GroupBy::Field,
        }
    }
}

/// `ctg report`.
#[derive(Debug, Args)]
pub(in crate::cli) struct ReportArgs {
    /// The year reviewed, within the convention period
    pub year: i32,
    /// Format and destination.
    #[command(flatten)]
    pub out: DocumentOutput,
    /// Only this table, as CSV (to stdout, or to --output FILE); its English or French name
    #[arg(long, value_name = "NAME", value_parser = TableValue::REPORT)]
    pub table: Option<String>,
}

/// `ctg timeline`.
#[derive(Debug, Args)]
pub(in crate::cli) struct TimelineArgs {
    /// Output format: the terminal chart, a Markdown text chart, or a Gantt chart as SVG or an HTML page
    #[arg(long, value_enum)]
    pub format: Option<TimelineFormat>,
    /// Write to this file instead of the terminal (replaced atomically)
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum TimelineFormat {
    /// For the terminal.
    Table,
    /// A text chart in a Markdown code block.
    Markdown,
    /// A Gantt chart as an SVG file.
    Svg,
    /// A Gantt chart in a self-contained HTML page.
    Html,
}

/// `ctg evaluation`.
#[derive(Debug, Args)]
pub(in crate::cli) struct EvaluationArgs {
    /// Format and destination.
    #[command(flatten)]
    pub out: DocumentOutput,
    /// Only this table, as CSV (to stdout, or to --output FILE); its English or French name
    #[arg(long, value_name = "NAME", value_parser = TableValue::EVALUATION)]
    pub table: Option<String>,
}

/// `ctg portfolio`.
#[derive(Debug, Args)]
pub(in crate::cli) struct PortfolioArgs {
    /// Plan folders, or folders whose sub-folders are plans
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
    /// List the late sheets, plan by plan
    #[arg(long)]
    pub late: bool,
    /// List the stale sheets, plan by plan
    #[arg(long)]
    pub stale: bool,
    /// `--format` and `--output`.
    #[command(flatten)]
    pub out: TableOutput,
}

//! The command line as clap sees it: raw flags, resolved later in [`super::context`].

use super::help::NotAnOption;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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

/// `ctg man`.
#[derive(Debug, Args)]
pub(super) struct ManArgs {
    /// Write one page per command into this folder (created if missing)
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// `ctg completions`.
#[derive(Debug, Args)]
pub(super) struct CompletionsArgs {
    /// The shell
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `ctg schema`.
#[derive(Debug, Args)]
pub(super) struct SchemaArgs {
    /// Print only the schema of this kind of file
    #[arg(value_name = "KIND", value_parser = ctg::schema::KINDS, required_unless_present = "output")]
    pub kind: Option<String>,
    /// Write the five schemas into this folder (created if missing), as KIND.schema.json
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
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
    /// One axis, objective, action sheet or field in full; `show tracks` lists every track
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
    /// Add a partner, or a milestone or indicator to an action sheet
    #[command(subcommand)]
    Add(AddCommand),
    /// Set the lead, partners, fields, tracks or schedule of an action sheet
    Set(SetArgs),
    /// List the plan's ids of one kind, one a line (for shell completion)
    #[command(name = "__ids", hide = true)]
    Ids(IdsArgs),
}

/// `ctg __ids KIND [SHEET]`, called back by the completion scripts.
#[derive(Debug, Args)]
pub(super) struct IdsArgs {
    /// Which ids
    #[arg(value_enum)]
    pub kind: IdList,
    /// Only this sheet's milestones or indicators
    pub sheet: Option<String>,
}

/// The kinds of id `__ids` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum IdList {
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
}

/// `ctg init`.
#[derive(Debug, Args)]
pub(super) struct InitArgs {
    /// The folder of the new plan (created if missing; refused if it holds a plan)
    pub dir: PathBuf,
    /// The convention's full name
    #[arg(long, value_name = "TEXT")]
    pub name: String,
    /// The territory it covers
    #[arg(long, value_name = "TEXT")]
    pub territory: String,
    /// First year of the convention [default: next year]
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// Last year of the convention [default: four years after --from]
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
    /// A signatory, ID=NAME (repeatable) [default: collectivite=TERRITORY and caf]
    #[arg(long, value_name = "ID=NAME")]
    pub signatory: Vec<String>,
}

/// `--dry-run` and `--commit` of the commands that write a plan file.
#[derive(Debug, Args)]
pub(super) struct WriteFlags {
    /// Check everything (with --commit, git too) and print the diff; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also commit the changed file to git (that file only)
    #[arg(long)]
    pub commit: bool,
}

/// What `ctg add` adds.
#[derive(Debug, Subcommand)]
pub(super) enum AddCommand {
    /// Add a partner to partners.yaml
    Partner(AddPartnerArgs),
    /// Add a milestone to an action sheet
    Milestone(AddMilestoneArgs),
    /// Add an indicator to an action sheet
    Indicator(AddIndicatorArgs),
}

/// `ctg add partner`.
#[derive(Debug, Args)]
pub(super) struct AddPartnerArgs {
    /// The new partner's id, a slug (e.g. caf-gard)
    pub id: String,
    /// Its full name
    #[arg(long, value_name = "TEXT")]
    pub name: String,
    /// What kind of body: signatory, elected, service, institution, association, other
    #[arg(long, default_value = "other")]
    pub kind: String,
    /// --dry-run, --commit.
    #[command(flatten)]
    pub write: WriteFlags,
}

/// `ctg add milestone`.
#[derive(Debug, Args)]
pub(super) struct AddMilestoneArgs {
    /// The action sheet (e.g. 2.1.1)
    pub sheet: String,
    /// The milestone's id, a slug (e.g. permis)
    #[arg(long)]
    pub id: String,
    /// Its title
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    /// Its due date, YYYY-MM-DD or JJ/MM/AAAA
    #[arg(long, value_name = "DATE")]
    pub due: String,
    /// --dry-run, --commit.
    #[command(flatten)]
    pub write: WriteFlags,
}

/// `ctg add indicator`.
#[derive(Debug, Args)]
pub(super) struct AddIndicatorArgs {
    /// The action sheet (e.g. 2.1.1)
    pub sheet: String,
    /// The indicator's id, a slug (e.g. places-eaje)
    #[arg(long)]
    pub id: String,
    /// Its label
    #[arg(long, value_name = "TEXT")]
    pub label: String,
    /// Its unit (places, %, families…)
    #[arg(long, value_name = "TEXT")]
    pub unit: String,
    /// result or activity (means)
    #[arg(long, value_name = "result|activity")]
    pub kind: String,
    /// Which way is better: up, down or steady
    #[arg(long, value_name = "up|down|steady")]
    pub direction: String,
    /// The starting value, YEAR=VALUE
    #[arg(long, value_name = "YEAR=VALUE")]
    pub baseline: Option<String>,
    /// A target, YEAR=VALUE (repeatable)
    #[arg(long, value_name = "YEAR=VALUE")]
    pub target: Vec<String>,
    /// --dry-run, --commit.
    #[command(flatten)]
    pub write: WriteFlags,
}

/// `ctg set`.
#[derive(Debug, Args)]
pub(super) struct SetArgs {
    /// The action sheet (e.g. 2.1.1)
    pub sheet: String,
    /// The lead partner (pilote)
    #[arg(long, value_name = "PARTNER")]
    pub lead: Option<String>,
    /// The partners, comma-separated
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    pub partners: Option<Vec<String>>,
    /// The fields of intervention, comma-separated
    #[arg(long, value_name = "F,G", value_delimiter = ',')]
    pub fields: Option<Vec<String>>,
    /// The tracks, comma-separated
    #[arg(long, value_name = "T,U", value_delimiter = ',')]
    pub tracks: Option<Vec<String>>,
    /// The years the sheet runs, START-END (e.g. 2023-2026)
    #[arg(long, value_name = "START-END")]
    pub schedule: Option<String>,
    /// --dry-run, --commit.
    #[command(flatten)]
    pub write: WriteFlags,
}

/// `ctg validate`.
#[derive(Debug, Args)]
pub(super) struct ValidateArgs {
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
    pub format: DiagFormat,
}

/// Formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum DiagFormat {
    /// rustc-style messages.
    Text,
    /// One JSON document, for editors and CI.
    Json,
}

/// `ctg status`.
#[derive(Debug, Args)]
pub(super) struct StatusArgs {
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
    /// `--format` and `--output`.
    #[command(flatten)]
    pub out: TableOutput,
}

/// Formats of tabular commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableFormat {
    /// Tables for the terminal.
    Table,
    /// A Markdown document.
    Markdown,
    /// One self-contained HTML page.
    Html,
    /// An Excel workbook, one worksheet per table (needs --output).
    Xlsx,
    /// CSV (French: `;`, BOM, decimal comma); report and evaluation write one file per table into --output DIR, or --table NAME to stdout.
    Csv,
    /// JSON with a version.
    Json,
}

/// `ctg show`.
#[derive(Debug, Args)]
pub(super) struct ShowArgs {
    /// An axis (1), objective (1.2), sheet (1.2.3), field id, or `tracks`
    pub id: String,
}

/// `ctg record`.
#[derive(Debug, Args)]
pub(super) struct RecordArgs {
    /// The action sheet (e.g. 2.1.1)
    pub id: String,
    /// Date of the entry, YYYY-MM-DD or JJ/MM/AAAA [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// New status (English or French: in-progress, en cours, réalisée…)
    #[arg(long, allow_hyphen_values = true, value_parser = NotAnOption)]
    pub status: Option<String>,
    /// Progress, a whole number from 0 to 100 (a trailing % is allowed)
    #[arg(long, allow_hyphen_values = true, value_parser = NotAnOption, value_name = "0-100")]
    pub progress: Option<String>,
    /// What was done
    #[arg(long, allow_hyphen_values = true, value_parser = NotAnOption, value_name = "TEXT")]
    pub note: Option<String>,
    /// Difficulties met
    #[arg(long, allow_hyphen_values = true, value_parser = NotAnOption, value_name = "TEXT")]
    pub difficulties: Option<String>,
    /// Next steps
    #[arg(long, allow_hyphen_values = true, value_parser = NotAnOption, value_name = "TEXT")]
    pub next: Option<String>,
    /// A decision asked of the steering committee
    #[arg(long, allow_hyphen_values = true, value_parser = NotAnOption, value_name = "TEXT")]
    pub decision: Option<String>,
    /// A milestone reached (repeatable)
    #[arg(long, value_name = "MILESTONE")]
    pub reached: Vec<String>,
    /// An indicator value, e.g. places=12 or taux=4,5 (repeatable)
    #[arg(long, allow_hyphen_values = true, value_parser = NotAnOption, value_name = "IND=VALUE")]
    pub measure: Vec<String>,
    /// Who records it
    #[arg(long, allow_hyphen_values = true, value_parser = NotAnOption, value_name = "NAME")]
    pub by: Option<String>,
    /// Check everything (with --commit, git too) and print the diff; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also commit the sheet's file to git (that file only)
    #[arg(long)]
    pub commit: bool,
    /// Replace the sheet's last journal entry (the last in the file) with this one
    #[arg(long)]
    pub amend: bool,
}

/// `ctg portfolio`.
#[derive(Debug, Args)]
pub(super) struct PortfolioArgs {
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

/// `--format` and `--output` of `status`, `log`, `summary` and `portfolio`.
#[derive(Debug, Args)]
pub(crate) struct TableOutput {
    /// Output format [default: from the --output extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// Write to this file instead of the terminal (replaced atomically)
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// `ctg log`.
#[derive(Debug, Args)]
pub(super) struct LogArgs {
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
pub(super) struct SummaryArgs {
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
pub(super) enum By {
    /// One block per axis.
    Axis,
    /// One block per objective.
    Objective,
    /// One block per field of intervention.
    Field,
}

/// `ctg report`.
#[derive(Debug, Args)]
pub(super) struct ReportArgs {
    /// The year reviewed, within the convention period
    pub year: i32,
    /// Format and destination.
    #[command(flatten)]
    pub out: DocumentOutput,
    /// Only this table, as CSV (to stdout, or to --output FILE)
    #[arg(long, value_enum, value_name = "NAME")]
    pub table: Option<ReportTable>,
}

/// `--format` and `--output` of `report` and `evaluation`.
#[derive(Debug, Args)]
pub(super) struct DocumentOutput {
    /// Output format [default: from the --output extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// The file to write (for csv: the folder that receives one file per table; with --table, that table's file)
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// The tables of the annual review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ReportTable {
    /// Synthesis by axis.
    Synthesis,
    /// Detail by sheet.
    Detail,
    /// Indicators.
    Indicators,
    /// Milestones.
    Milestones,
}

/// `ctg timeline`.
#[derive(Debug, Args)]
pub(super) struct TimelineArgs {
    /// Output format: the terminal chart, a Markdown text chart, or a Gantt chart as SVG or an HTML page
    #[arg(long, value_enum)]
    pub format: Option<TimelineFormat>,
    /// Write to this file instead of the terminal (replaced atomically)
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum TimelineFormat {
    /// For the terminal.
    Table,
    /// A text chart in a Markdown code block.
    Markdown,
    /// A Gantt chart as an SVG file.
    Svg,
    /// A Gantt chart in a self-contained HTML page.
    Html,
}

/// `ctg renew`.
#[derive(Debug, Args)]
pub(super) struct RenewArgs {
    /// The folder of the new plan (created if missing; refused if it holds a plan)
    pub dir: PathBuf,
    /// First year of the new convention
    #[arg(long, value_name = "YEAR")]
    pub from: i32,
    /// Last year of the new convention
    #[arg(long, value_name = "YEAR")]
    pub to: i32,
    /// Which action sheets to carry: those not done or abandoned at the end of the current period, all, or none
    #[arg(long, value_enum, default_value_t = CarryChoice::Unfinished)]
    pub carry: CarryChoice,
}

/// Values of `renew --carry`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum CarryChoice {
    /// Sheets neither done nor abandoned at the end of the current period.
    Unfinished,
    /// Every sheet.
    All,
    /// No sheet.
    None,
}

/// `ctg evaluation`.
#[derive(Debug, Args)]
pub(super) struct EvaluationArgs {
    /// Format and destination.
    #[command(flatten)]
    pub out: DocumentOutput,
    /// Only this table, as CSV (to stdout, or to --output FILE)
    #[arg(long, value_enum, value_name = "NAME")]
    pub table: Option<EvaluationTable>,
}

/// The tables of the evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum EvaluationTable {
    /// Outcome by axis and objective.
    Outcome,
    /// Outcome by action sheet.
    Sheets,
    /// Indicators against their last target.
    Indicators,
    /// The yearly summary of the period.
    Trajectory,
    /// Points of attention.
    Attention,
}

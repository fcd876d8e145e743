//! The commands that write: `record`, `add` and `set` change a plan file,
//! `renew` writes the next convention into a new folder.

use crate::cli::help::{NotAnOption, StatusValue};
use crate::cli::write;
use clap::{Args, Subcommand, ValueEnum};
use ctg::create::renew::Carry;
use ctg::record::Request;
use ctg::write::{NewBudgetLine, NewIndicator, NewMilestone, NewPartner, SetKeys};
use std::path::PathBuf;

/// `ctg record`.
#[derive(Debug, Args)]
pub(in crate::cli) struct RecordArgs {
    /// The action sheet (e.g. 2.1.1)
    pub id: String,
    /// Date of the entry, YYYY-MM-DD or JJ/MM/AAAA [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// New status, in English or French (en cours, réalisée…)
    #[arg(long, allow_hyphen_values = true, value_parser = StatusValue { not_an_option: true }, value_name = "STATUS")]
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
    /// Euros spent on a budget line, e.g. caf-psu=15000.50 (a decimal comma and thousands spaces are accepted); negative to correct (repeatable)
    #[arg(long, allow_hyphen_values = true, value_parser = NotAnOption, value_name = "LINE=AMOUNT")]
    pub spent: Vec<String>,
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

impl From<&RecordArgs> for Request {
    fn from(a: &RecordArgs) -> Request {
        Request {
            date: a.date.clone(),
            status: a.status.clone(),
            progress: a.progress.clone(),
            note: a.note.clone(),
            difficulties: a.difficulties.clone(),
            next: a.next.clone(),
            decision: a.decision.clone(),
            reached: a.reached.clone(),
            measures: a.measure.clone(),
            spent: a.spent.clone(),
            by: a.by.clone(),
        }
    }
}

impl From<&RecordArgs> for write::Flags {
    fn from(a: &RecordArgs) -> write::Flags {
        write::Flags {
            dry_run: a.dry_run,
            commit: a.commit,
        }
    }
}

/// `--dry-run` and `--commit` of the commands that write a plan file.
#[derive(Debug, Args)]
pub(in crate::cli) struct WriteFlags {
    /// Check everything (with --commit, git too) and print the diff; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also commit the changed file to git (that file only)
    #[arg(long)]
    pub commit: bool,
}

impl From<&WriteFlags> for write::Flags {
    fn from(f: &WriteFlags) -> write::Flags {
        write::Flags {
            dry_run: f.dry_run,
            commit: f.commit,
        }
    }
}

/// What `ctg add` adds.
#[derive(Debug, Subcommand)]
pub(in crate::cli) enum AddCommand {
    /// Add a partner to partners.yaml
    Partner(AddPartnerArgs),
    /// Add a milestone to an action sheet
    Milestone(AddMilestoneArgs),
    /// Add an indicator to an action sheet
    Indicator(AddIndicatorArgs),
    /// Add a budget line (who funds what, how much each year) to an action sheet
    Budget(AddBudgetArgs),
}

/// `ctg add partner`.
#[derive(Debug, Args)]
pub(in crate::cli) struct AddPartnerArgs {
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

impl From<&AddPartnerArgs> for NewPartner {
    fn from(a: &AddPartnerArgs) -> NewPartner {
        NewPartner {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind.clone(),
        }
    }
}

/// `ctg add milestone`.
#[derive(Debug, Args)]
pub(in crate::cli) struct AddMilestoneArgs {
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

impl From<&AddMilestoneArgs> for NewMilestone {
    fn from(a: &AddMilestoneArgs) -> NewMilestone {
        NewMilestone {
            sheet: a.sheet.clone(),
            id: a.id.clone(),
            title: a.title.clone(),
            due: a.due.clone(),
        }
    }
}

/// `ctg add indicator`.
#[derive(Debug, Args)]
pub(in crate::cli) struct AddIndicatorArgs {
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

impl From<&AddIndicatorArgs> for NewIndicator {
    fn from(a: &AddIndicatorArgs) -> NewIndicator {
        NewIndicator {
            sheet: a.sheet.clone(),
            id: a.id.clone(),
            label: a.label.clone(),
            unit: a.unit.clone(),
            kind: a.kind.clone(),
            direction: a.direction.clone(),
            baseline: a.baseline.clone(),
            targets: a.target.clone(),
        }
    }
}

/// `ctg add budget`.
#[derive(Debug, Args)]
pub(in crate::cli) struct AddBudgetArgs {
    /// The action sheet (e.g. 2.1.1)
    pub sheet: String,
    /// The line's id, a slug (e.g. caf-psu)
    #[arg(long)]
    pub id: String,
    /// The funder, a partner id
    #[arg(long, value_name = "PARTNER")]
    pub funder: String,
    /// operating or investment (fonctionnement, investissement)
    #[arg(long, value_name = "operating|investment")]
    pub nature: String,
    /// The funder's scheme (dispositif), e.g. "Prestation de service unique"
    #[arg(long, value_name = "TEXT")]
    pub scheme: Option<String>,
    /// Euros planned for a year, YEAR=AMOUNT, e.g. 2025=15000.50 (repeatable)
    #[arg(long, value_name = "YEAR=AMOUNT")]
    pub planned: Vec<String>,
    /// --dry-run, --commit.
    #[command(flatten)]
    pub write: WriteFlags,
}

impl From<&AddBudgetArgs> for NewBudgetLine {
    fn from(a: &AddBudgetArgs) -> NewBudgetLine {
        NewBudgetLine {
            sheet: a.sheet.clone(),
            id: a.id.clone(),
            funder: a.funder.clone(),
            nature: a.nature.clone(),
            scheme: a.scheme.clone(),
            planned: a.planned.clone(),
        }
    }
}

/// `ctg set`.
#[derive(Debug, Args)]
pub(in crate::cli) struct SetArgs {
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

impl From<&SetArgs> for SetKeys {
    fn from(a: &SetArgs) -> SetKeys {
        SetKeys {
            sheet: a.sheet.clone(),
            lead: a.lead.clone(),
            partners: a.partners.clone(),
            fields: a.fields.clone(),
            tracks: a.tracks.clone(),
            schedule: a.schedule.clone(),
        }
    }
}

/// `ctg renew`.
#[derive(Debug, Args)]
pub(in crate::cli) struct RenewArgs {
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
pub(in crate::cli) enum CarryChoice {
    /// Sheets neither done nor abandoned at the end of the current period.
    Unfinished,
    /// Every sheet.
    All,
    /// No sheet.
    None,
}

impl From<CarryChoice> for Carry {
    fn from(c: CarryChoice) -> Carry {
        match c {
            CarryChoice::Unfinished => Carry::Unfinished,
            CarryChoice::All => Carry::All,
            CarryChoice::None => Carry::None,
        }
    }
}

//! The commands of the partners' workbooks: `collect` writes them,
//! `import` reads them back.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// `ctg collect`.
#[derive(Debug, Args)]
pub(in crate::cli) struct CollectArgs {
    /// The folder that receives one workbook per partner (created if missing)
    pub dir: PathBuf,
    /// Only this partner (repeatable) [default: every partner of a sheet not done or abandoned]
    #[arg(long, value_name = "PARTNER")]
    pub partner: Vec<String>,
    /// The year collected [default: the as-of date's, within the period]
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// The date to send it back by, YYYY-MM-DD or JJ/MM/AAAA
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// The workbook's format
    #[arg(long, value_enum, default_value = "ods")]
    pub format: FormFormat,
}

/// The formats of a collection workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum FormFormat {
    /// OpenDocument (LibreOffice, and Excel).
    Ods,
    /// Excel.
    Xlsx,
}

/// `ctg import`.
#[derive(Debug, Args)]
pub(in crate::cli) struct ImportArgs {
    /// The filled workbooks (.ods, .xlsx) or one worksheet of one saved as CSV
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Check everything (with --commit, git too) and print the diff; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also commit the changed sheets to git, in one commit
    #[arg(long)]
    pub commit: bool,
}

/// `ctg serve`.
#[derive(Debug, Args)]
pub(in crate::cli) struct ServeArgs {
    /// Several plans side by side, as `portfolio` reads them (default: the plan)
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// The port on 127.0.0.1 (0: any free one, printed)
    #[arg(long, default_value_t = 8724)]
    pub port: u16,
    /// A form on each sheet's page records a journal entry, as `ctg record` does
    #[arg(long)]
    pub write: bool,
    /// Open the dashboard in the default browser
    #[arg(long)]
    pub open: bool,
}

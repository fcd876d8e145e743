//! `--format` and `--output`, shared by the commands that print tables
//! and documents.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

impl TableFormat {
    /// The extension of a workbook format (`xlsx`, `ods`), none for text.
    pub(crate) fn workbook(self) -> Option<&'static str> {
        match self {
            TableFormat::Xlsx => Some("xlsx"),
            TableFormat::Ods => Some("ods"),
            _ => None,
        }
    }
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
    /// An OpenDocument spreadsheet (LibreOffice), one worksheet per table (needs --output).
    Ods,
    /// CSV (French: `;`, BOM, decimal comma); report and evaluation write one file per table into --output DIR, or --table NAME to stdout.
    Csv,
    /// JSON with a version.
    Json,
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

/// `--format` and `--output` of `report` and `evaluation`.
#[derive(Debug, Args)]
pub(in crate::cli) struct DocumentOutput {
    /// Output format [default: from the --output extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// The file to write (for csv: the folder that receives one file per table; with --table, that table's file)
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

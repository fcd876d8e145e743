//! The commands that need no plan: `init`, `schema`, `completions`, `man`.

use clap::Args;
use std::path::PathBuf;

/// `ctg init`.
#[derive(Debug, Args)]
pub(in crate::cli) struct InitArgs {
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

/// `ctg schema`.
#[derive(Debug, Args)]
pub(in crate::cli) struct SchemaArgs {
    /// Print only the schema of this kind of file
    #[arg(value_name = "KIND", value_parser = ctg::schema::KINDS, required_unless_present = "output")]
    pub kind: Option<String>,
    /// Write the five schemas into this folder (created if missing), as KIND.schema.json
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// `ctg completions`.
#[derive(Debug, Args)]
pub(in crate::cli) struct CompletionsArgs {
    /// The shell
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `ctg man`.
#[derive(Debug, Args)]
pub(in crate::cli) struct ManArgs {
    /// Write one page per command into this folder (created if missing)
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

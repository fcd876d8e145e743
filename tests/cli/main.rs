//! Integration tests: the real `ctg` binary on real plan folders in temp dirs.

mod authoring;
mod charts;
mod common;
mod completions;
mod diagnostics;
mod evaluation;
mod formats;
mod hostile;
mod init;
mod json;
mod language;
mod log;
mod man;
mod output;
mod plan_paths;
mod portfolio;
mod record;
mod renew;
mod report;
mod report_width;
mod schema;
mod show;
mod spreadsheet;
mod status;
mod structure;
mod validate;

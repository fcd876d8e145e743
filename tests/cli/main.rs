//! Integration tests: the real `ctg` binary on real plan folders in temp dirs.

mod common;
mod diagnostics;
mod log;
mod record;
mod report;
mod show;
mod spreadsheet;
mod status;
mod validate;

//! Integration tests: the real `ctg` binary on real plan folders in temp dirs.

mod common;
mod diagnostics;
mod log;
mod record;
mod report;
mod report_width;
mod show;
mod status;
mod validate;

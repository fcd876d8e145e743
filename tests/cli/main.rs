//! Integration tests: the real `ctg` binary on real plan folders in temp dirs.

mod common;
mod corpus;
mod diagnostics;
mod evaluation;
mod faults;
mod hostile;
mod injection;
mod language;
mod limits;
mod log;
mod output;
mod plan_paths;
mod record;
mod renew;
mod report;
mod report_width;
mod seeded;
mod show;
mod spreadsheet;
mod status;
mod validate;

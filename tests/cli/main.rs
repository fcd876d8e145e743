//! Integration tests: the real `ctg` binary on real plan folders in temp dirs.

mod all_or_nothing;
mod arguments;
mod authoring;
mod budget;
mod charts;
mod collect;
mod common;
mod completions;
mod corpus;
mod diagnostics;
mod evaluation;
mod faults;
mod flat;
mod forget;
mod formats;
#[path = "../../examples/gen_plans/generate.rs"]
mod generate;
mod hostile;
mod init;
mod injection;
mod json;
mod language;
mod layout_fuzz;
mod layouts;
#[path = "../libyaml/mod.rs"]
#[allow(dead_code)]
mod libyaml;
mod limits;
mod log;
mod man;
mod means;
mod ods;
mod output;
mod plan_paths;
mod portfolio;
mod readme;
mod record;
mod renew;
mod report;
mod report_width;
mod schema;
mod seeded;
mod serve;
mod show;
mod spreadsheet;
mod status;
mod structure;
mod validate;
mod webdriver;

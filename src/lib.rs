//! `ctg` — a plan tracker for a Convention Territoriale Globale kept as YAML.
//!
//! The library reads a plan folder ([`load`]), checks it ([`check`]),
//! computes where each action sheet stands as of a date ([`compute`]),
//! builds reports as plain data ([`report`]) and renders them ([`render`]).
//! It never prints and never exits: the binary's command-line layer does.

#![deny(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

pub mod check;
pub mod collect;
pub mod compute;
pub mod create;
pub mod dates;
pub mod decode;
pub mod diag;
pub mod edit;
pub mod entry_warnings;
pub mod git;
pub mod i18n;
pub mod import;
pub mod input;
pub mod load;
pub mod model;
pub mod parallel;
pub mod record;
pub mod render;
pub mod report;
pub mod safe;
pub mod schema;
pub mod serve;
pub mod write;
pub mod yaml;

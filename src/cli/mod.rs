//! The command-line layer: the only place that prints or exits.

mod args;
mod author;
mod budget;
mod collect;
mod completions;
mod context;
mod deliver;
mod evaluation;
mod help;
mod import;
mod init;
mod log;
mod man;
mod messages;
mod output;
mod portfolio;
mod record;
mod renew;
mod renew_period;
mod report;
mod schema;
mod serve;
mod show;
mod status;
mod summary;
mod timeline;
mod ui;
mod validate;
mod write;

use args::{Command, FreeCommand, TopCommand};
use context::Context;
use ctg::i18n::{Lang, Localize};
use ctg::safe::safe;
use messages::Msg;
use std::process::ExitCode;
pub(crate) use ui::{print, print_err, tell};

/// Why a command did not succeed; each is printed by [`main`] in the
/// session's language, never with a backtrace.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Bad usage (exit 2).
    Usage(Msg),
    /// The command was refused or failed (exit 1).
    Refused(Msg),
    /// The plan has errors; the text is the rendered diagnostics (exit 1).
    Invalid(String),
}

/// A writer's refusal, said as it is (see [`write::refused`] for a plan
/// with errors, whose diagnostics need the session's context).
impl From<ctg::write::Refusal> for Failure {
    fn from(refusal: ctg::write::Refusal) -> Failure {
        Failure::Refused(Msg::Write(refusal))
    }
}

impl Failure {
    /// The exit code and the text for stderr.
    fn told(&self, lang: Lang) -> (u8, String) {
        match self {
            Failure::Usage(m) => (2, format!("ctg: {}\n", safe(&m.say(lang)))),
            Failure::Refused(m) => (1, format!("ctg: {}\n", safe(&m.say(lang)))),
            Failure::Invalid(t) => (1, t.clone()),
        }
    }
}

/// Runs `ctg` with the process's arguments and environment.
pub(crate) fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let help_lang = help::language(&argv);
    let cli = match help::parse(argv, help_lang) {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    let (result, lang) = match &cli.command {
        TopCommand::Plan(command) => match Context::resolve(&cli.global, portfolio_dirs(command)) {
            Ok(ctx) => {
                let result = run(&ctx, command);
                if result.is_ok() {
                    ctx.tell_warnings();
                }
                (result, ctx.lang)
            }
            Err((failure, lang)) => (Err(failure), lang),
        },
        TopCommand::Free(command) => match context::Bare::resolve(&cli.global) {
            Ok(bare) => (run_free(&bare, command), bare.lang),
            Err((failure, lang)) => (Err(failure), lang),
        },
    };
    match result {
        Ok(code) => code,
        Err(failure) => {
            let (code, text) = failure.told(lang);
            print_err(&text);
            ExitCode::from(code)
        }
    }
}

fn run(ctx: &Context, command: &Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Validate(a) => validate::run(ctx, a),
        Command::Status(a) => status::run(ctx, a),
        Command::Budget(a) => budget::run(ctx, a),
        Command::Collect(a) => collect::run(ctx, a),
        Command::Import(a) => import::run(ctx, a),
        Command::Serve(a) => serve::run(ctx, a),
        Command::Show(a) => show::run(ctx, a),
        Command::Record(a) => record::run(ctx, a),
        Command::Log(a) => log::run(ctx, a),
        Command::Summary(a) => summary::run(ctx, a),
        Command::Report(a) => report::run(ctx, a),
        Command::Timeline(a) => timeline::run(ctx, a),
        Command::Renew(a) => renew::run(ctx, a),
        Command::Evaluation(a) => evaluation::run(ctx, a),
        Command::Portfolio(a) => portfolio::run(ctx, a),
        Command::Add(a) => author::run_add(ctx, a),
        Command::Set(a) => author::run_set(ctx, a),
        Command::Ids(a) => completions::run_ids(ctx, a),
    }
}

/// The folders of `portfolio`, which reads them instead of one plan.
fn portfolio_dirs(command: &Command) -> Option<&[std::path::PathBuf]> {
    match command {
        Command::Portfolio(a) => Some(a.dirs.as_slice()),
        Command::Serve(a) if !a.dirs.is_empty() => Some(a.dirs.as_slice()),
        _ => None,
    }
}

fn run_free(bare: &context::Bare, command: &FreeCommand) -> Result<ExitCode, Failure> {
    match command {
        FreeCommand::Init(a) => init::run(bare, a),
        FreeCommand::Schema(a) => schema::run(bare, a),
        FreeCommand::Completions(a) => completions::run(a),
        FreeCommand::Man(a) => man::run(bare, a),
    }
}

//! The command-line layer: the only place that prints or exits.

mod args;
mod atomic;
mod context;
mod evaluation;
mod help;
mod lock;
mod log;
mod messages;
mod output;
mod record;
mod renew;
mod report;
mod show;
mod staging;
mod status;
mod summary;
mod timeline;
mod validate;

use crate::i18n::{Lang, Speak};
use crate::render::safe::{outgoing, safe};
pub use args::Cli;
use args::Command;
use context::Context;
use messages::Msg;
use std::io::Write;
use std::process::ExitCode;

/// Why a command did not succeed; each is printed by [`main`] in the
/// session's language, never with a backtrace.
#[derive(Debug)]
pub enum Failure {
    /// Bad usage (exit 2).
    Usage(Msg),
    /// The command was refused or failed (exit 1).
    Refused(Msg),
    /// The plan has errors; the text is the rendered diagnostics (exit 1).
    Invalid(String),
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
pub fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let help_lang = help::language(&argv);
    let cli = match help::parse(argv, help_lang) {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    let (result, lang) = match Context::resolve(&cli.global) {
        Ok(ctx) => (run(&ctx, &cli.command), ctx.lang),
        Err((failure, lang)) => (Err(failure), lang),
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
        Command::Show(a) => show::run(ctx, a),
        Command::Record(a) => record::run(ctx, a),
        Command::Log(a) => log::run(ctx, a),
        Command::Summary(a) => summary::run(ctx, a),
        Command::Report(a) => report::run(ctx, a),
        Command::Timeline(a) => timeline::run(ctx, a),
        Command::Renew(a) => renew::run(ctx, a),
        Command::Evaluation(a) => evaluation::run(ctx, a),
    }
}

/// Writes a command's result to stdout, through the last guard against
/// control characters ([`outgoing`]); a closed pipe ends quietly.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(outgoing(text).as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Refused(Msg::CannotPrint(e.kind()))),
    }
}

/// Writes a message to stderr, through the last guard against control
/// characters ([`outgoing`]). A closed or failing stderr is ignored: there
/// is nowhere left to tell it, and the exit code still says how the run went.
pub fn print_err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_all(outgoing(text).as_bytes())
        .and_then(|()| stderr.flush());
}

/// Says one line on stderr in `lang`.
pub fn tell(message: &Msg, lang: Lang) {
    print_err(&format!("{}\n", safe(&message.say(lang))));
}

/// Renders in the format asked (`--format`, else the `--output` extension,
/// else a table) and writes to `--output` (announced on stderr) or stdout.
pub fn emit(
    ctx: &Context,
    format: Option<args::TableFormat>,
    output: Option<&std::path::Path>,
    render: impl Fn(args::TableFormat) -> String,
) -> Result<(), Failure> {
    use args::TableFormat;
    let format = match format {
        Some(f) => f,
        None => match output::extension(output) {
            output::Extension::None => TableFormat::Table,
            output::Extension::Known(ext) => match ext {
                "txt" => TableFormat::Table,
                "md" | "markdown" => TableFormat::Markdown,
                "csv" => TableFormat::Csv,
                "json" => TableFormat::Json,
                _ => return Err(output::refuse(output, &output::TABULAR)),
            },
            output::Extension::Other => return Err(output::refuse(output, &output::TABULAR)),
        },
    };
    let text = render(format);
    match output {
        Some(path) => output::write(ctx, path, text.as_bytes()),
        None => print(&text),
    }
}

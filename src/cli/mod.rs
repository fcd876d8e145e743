//! The command-line layer: the only place that prints or exits.

mod args;
mod context;
mod log;
mod record;
mod report;
mod show;
mod status;
mod summary;
mod timeline;
mod validate;

pub use args::Cli;
use args::Command;
use clap::Parser;
use context::Context;
use std::io::Write;
use std::process::ExitCode;

/// Why a command did not succeed; each is printed by [`main`], never with a backtrace.
#[derive(Debug)]
pub enum Failure {
    /// Bad usage (exit 2).
    Usage(String),
    /// The command was refused or failed (exit 1).
    Refused(String),
    /// The plan has errors; the text is the rendered diagnostics (exit 1).
    Invalid(String),
}

/// Runs `ctg` with the process's arguments and environment.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let result = Context::resolve(&cli.global).and_then(|ctx| run(&ctx, &cli.command));
    match result {
        Ok(code) => code,
        Err(failure) => {
            let mut stderr = std::io::stderr().lock();
            let (code, text) = match failure {
                Failure::Usage(m) => (2, format!("ctg: {m}\n")),
                Failure::Refused(m) => (1, format!("ctg: {m}\n")),
                Failure::Invalid(t) => (1, t),
            };
            let _ = stderr.write_all(text.as_bytes());
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
    }
}

/// Writes a command's result to stdout; a closed pipe ends quietly.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Refused(format!("cannot write the output: {e}"))),
    }
}

/// Renders in the format asked (`--format`, else the `--output` extension,
/// else a table) and writes to `--output` or stdout.
pub fn emit(
    format: Option<args::TableFormat>,
    output: Option<&std::path::Path>,
    render: impl Fn(args::TableFormat) -> String,
) -> Result<(), Failure> {
    use args::TableFormat;
    let from_extension = || match output?.extension()?.to_str()? {
        "md" | "markdown" => Some(TableFormat::Markdown),
        "csv" => Some(TableFormat::Csv),
        "json" => Some(TableFormat::Json),
        _ => None,
    };
    let format = format.or_else(from_extension).unwrap_or(TableFormat::Table);
    let text = render(format);
    match output {
        Some(path) => write_file(path, text.as_bytes()),
        None => print(&text),
    }
}

/// Writes `bytes` to `path`, replacing it atomically (temporary file, flush, rename).
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail =
        |e: std::io::Error| Failure::Refused(format!("cannot write {}: {e}", path.display()));
    let mut file = atomic_write_file::AtomicWriteFile::open(path).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.commit().map_err(fail)
}

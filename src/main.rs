//! The `ctg` binary: parses arguments, runs the command, prints errors itself.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}

//! The `ctg` binary: parses arguments, runs the command, prints errors itself.

fn main() -> std::process::ExitCode {
    ctg::cli::main()
}

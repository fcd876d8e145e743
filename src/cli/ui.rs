//! The one place that writes to the terminal: stdout for results, stderr
//! for messages, both through the last guard against control characters.
#![allow(clippy::disallowed_methods)]

use super::Failure;
use super::messages::Msg;
use ctg::i18n::{Lang, Localize};
use ctg::safe::{outgoing, safe};
use std::io::{IsTerminal, Write};

/// Writes a command's result to stdout, through the last guard against
/// control characters ([`outgoing`]); a closed pipe ends quietly.
pub(crate) fn print(text: &str) -> Result<(), Failure> {
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
pub(crate) fn print_err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_all(outgoing(text).as_bytes())
        .and_then(|()| stderr.flush());
}

/// Says one line on stderr in `lang`.
pub(crate) fn tell(message: &Msg, lang: Lang) {
    print_err(&format!("{}\n", safe(&message.say(lang))));
}

/// Whether stdout and stderr are terminals.
pub(crate) fn terminals() -> (bool, bool) {
    (
        std::io::stdout().is_terminal(),
        std::io::stderr().is_terminal(),
    )
}

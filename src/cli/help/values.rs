//! The value parser of the options whose text may start with `-`, and the
//! mark of its error, which [`super::usage_error`] tells.

use clap::builder::TypedValueParser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use std::ffi::OsStr;

/// The value parser of the options whose text may start with `-` (`--note
/// "- item"`, `--progress "-5 %"`): it refuses what is an option rather than
/// a value, so that `--note --dry-run` is not a note `--dry-run` written for
/// real. Refused: `--`, a bare long option (`--dry-run`, `--dryrun`), one of
/// the command's long options with a value (`--date=2025-06-01`) and one of
/// its short options (`-q`). The error is a [`ErrorKind::ValueValidation`]
/// marked [`OPTION_AS_VALUE`], told by [`super::usage_error`].
#[derive(Debug, Clone, Copy)]
pub(in crate::cli) struct NotAnOption;

/// The [`ContextKind::Custom`] mark of the error of [`NotAnOption`].
pub(super) const OPTION_AS_VALUE: &str = "option-as-value";

impl TypedValueParser for NotAnOption {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        let text = value.to_string_lossy();
        if !is_an_option(&text, cmd) {
            return clap::builder::StringValueParser::new().parse_ref(cmd, arg, value);
        }
        let mut error = clap::Error::new(ErrorKind::ValueValidation).with_cmd(cmd);
        let name = arg.map(ToString::to_string).unwrap_or_default();
        error.insert(ContextKind::InvalidArg, ContextValue::String(name));
        error.insert(
            ContextKind::InvalidValue,
            ContextValue::String(text.into_owned()),
        );
        error.insert(
            ContextKind::Custom,
            ContextValue::String(OPTION_AS_VALUE.to_string()),
        );
        Err(error)
    }
}

/// True when `word`, given as a value, is an option of `cmd` or has the
/// shape of a long option without a value (see [`NotAnOption`]).
fn is_an_option(word: &str, cmd: &Command) -> bool {
    if word == "--" {
        return true;
    }
    if let Some(long) = word.strip_prefix("--") {
        let (name, with_value) = match long.split_once('=') {
            Some((name, _)) => (name, true),
            None => (long, false),
        };
        let shaped = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        return shaped
            && (!with_value
                || cmd.get_arguments().any(|a| {
                    a.get_long_and_visible_aliases()
                        .is_some_and(|l| l.contains(&name))
                }));
    }
    let mut short = word.chars().skip(1);
    match (word.starts_with('-'), short.next(), short.next()) {
        (true, Some(c), None) => cmd.get_arguments().any(|a| a.get_short() == Some(c)),
        _ => false,
    }
}

/// The value parser of `--status`: any text, read later in English or French
/// by [`ctg::model::Status::parse`], offering the seven canonical statuses to
/// `--help` and to the completion scripts (which would offer file names
/// otherwise). `record`'s refuses an option given as a value, as
/// [`NotAnOption`] does.
#[derive(Debug, Clone, Copy)]
pub(in crate::cli) struct StatusValue {
    /// Whether an option given as the value is refused.
    pub not_an_option: bool,
}

impl TypedValueParser for StatusValue {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        match self.not_an_option {
            true => NotAnOption.parse_ref(cmd, arg, value),
            false => clap::builder::StringValueParser::new().parse_ref(cmd, arg, value),
        }
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            ctg::model::Status::ALL
                .into_iter()
                .map(|s| clap::builder::PossibleValue::new(s.key())),
        ))
    }
}

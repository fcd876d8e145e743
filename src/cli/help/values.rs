//! The value parser of the options whose text may start with `-`, and the
//! mark of its error, which [`super::usage_error`] tells.

use clap::builder::TypedValueParser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use ctg::diag::suggest;
use ctg::i18n::Lang;
use ctg::input::fold;
use ctg::render::grid::table_name;
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

/// The value parser of `--table`: a table's English or French name
/// ([`ctg::render::grid::TABLE_NAMES`]), compared loosely (`Synthèse`,
/// `indicateurs`), read as its key; the names offered to `--help`, to the
/// completion scripts and in the error are those of `lang`, the help's
/// language.
#[derive(Debug, Clone, Copy)]
pub(in crate::cli) struct TableValue {
    /// The command's tables: their key and English description.
    tables: &'static [(&'static str, &'static str)],
    /// The language of the names offered.
    lang: Lang,
}

impl TableValue {
    /// The tables of `report`.
    pub(in crate::cli) const REPORT: TableValue = TableValue {
        tables: &[
            ("synthesis", "Synthesis by axis"),
            ("detail", "Detail by sheet"),
            ("indicators", "Indicators"),
            ("milestones", "Milestones"),
            (
                "funding",
                "Funding: planned and spent by line, funder and nature",
            ),
        ],
        lang: Lang::En,
    };

    /// The tables of `evaluation`.
    pub(in crate::cli) const EVALUATION: TableValue = TableValue {
        tables: &[
            ("outcome", "Outcome by axis and objective"),
            ("sheets", "Outcome by action sheet"),
            ("indicators", "Indicators against their last target"),
            ("trajectory", "The yearly summary of the period"),
            (
                "means",
                "Means: planned and spent over the period by axis, funder and nature",
            ),
            ("attention", "Points of attention"),
        ],
        lang: Lang::En,
    };

    /// The parser of the `--table` of the command `name`, offering the
    /// names of `lang`.
    pub(super) fn of_command(name: &str, lang: Lang) -> Option<TableValue> {
        let parser = match name {
            "report" => TableValue::REPORT,
            "evaluation" => TableValue::EVALUATION,
            _ => return None,
        };
        Some(TableValue { lang, ..parser })
    }

    /// The table's name in the language offered.
    fn shown(&self, key: &'static str) -> &'static str {
        table_name(key, self.lang)
    }
}

impl TypedValueParser for TableValue {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        let word = fold(&value.to_string_lossy());
        let known = self.tables.iter().map(|(key, _)| *key).find(|key| {
            [Lang::En, Lang::Fr]
                .iter()
                .any(|lang| fold(table_name(key, *lang)) == word)
        });
        if let Some(key) = known {
            return Ok(key.to_string());
        }
        let names: Vec<String> = self
            .tables
            .iter()
            .map(|(key, _)| self.shown(key).to_string())
            .collect();
        let mut error = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
        let name = arg.map(ToString::to_string).unwrap_or_default();
        error.insert(ContextKind::InvalidArg, ContextValue::String(name));
        error.insert(
            ContextKind::InvalidValue,
            ContextValue::String(value.to_string_lossy().into_owned()),
        );
        if let Some(close) = suggest(&word, names.iter().map(String::as_str)) {
            error.insert(ContextKind::SuggestedValue, ContextValue::String(close));
        }
        error.insert(ContextKind::ValidValue, ContextValue::Strings(names));
        Err(error)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        // Described in the language offered (the completion scripts show it).
        let help = |english: &'static str| match self.lang {
            Lang::Fr => super::french::value_text(english).unwrap_or(english),
            Lang::En => english,
        };
        Some(Box::new(self.tables.iter().map(move |(key, english)| {
            clap::builder::PossibleValue::new(self.shown(key)).help(help(english))
        })))
    }
}

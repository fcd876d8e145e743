//! Help and usage errors in the session's language.
//!
//! clap writes its help and errors in English. For a French session the
//! command tree is translated before parsing (every command's about, every
//! argument's help, the headings), and usage errors are told by ctg itself in
//! both languages, so that no library wording (such as Rust's "invalid digit
//! found in string") reaches a user. The help language is `--lang` or
//! `CTG_LANG` when given, else the system locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG` starting with `fr`), else English.

mod examples;
mod french;
mod suggest;
mod translate;
mod values;

use super::args::Cli;
use super::context::env;
use super::print_err;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory, FromArgMatches};
use ctg::i18n::{Lang, locale_lang, phrase};
pub(super) use examples::example;
use std::ffi::OsString;
use std::process::ExitCode;
use suggest::Hint;
use values::OPTION_AS_VALUE;
pub(super) use values::{NotAnOption, StatusValue, TableValue};

/// The language of help and usage errors, read before clap parses anything.
pub(super) fn language(argv: &[OsString]) -> Lang {
    explicit_language(argv)
        .or_else(|| locale_lang(env))
        .unwrap_or(Lang::En)
}

/// The value of the last `--option VALUE` or `--option=VALUE` before `--`.
fn option_value(argv: &[OsString], option: &str) -> Option<String> {
    let mut given = None;
    let mut words = argv.iter().skip(1).map(|a| a.to_string_lossy());
    let glued = format!("{option}=");
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == option {
            given = words.next().map(|w| w.to_string());
        } else if let Some(value) = word.strip_prefix(glued.as_str()) {
            given = Some(value.to_string());
        }
    }
    given
}

/// `--lang` or `CTG_LANG`, when given and known.
fn explicit_language(argv: &[OsString]) -> Option<Lang> {
    option_value(argv, "--lang")
        .or_else(|| env("CTG_LANG"))
        .and_then(|t| Lang::parse(&t))
}

/// The language of a command that needs no plan but documents the program
/// (`man`, `completions`), by the rule of the commands that read a plan:
/// `--lang` or `CTG_LANG`, else the language of the plan found as they find
/// it (`--plan`, `CTG_PLAN`, else upward from the current folder), else the
/// locale's, else English.
pub(super) fn session_language(argv: &[OsString]) -> Lang {
    let plan = || {
        let given = option_value(argv, "--plan").or_else(|| env("CTG_PLAN"));
        let cwd = std::env::current_dir().ok()?;
        let found = ctg::load::find_plan(given.as_deref().map(std::path::Path::new), &cwd).ok()?;
        ctg::load::convention_language(&cwd.join(found))
            .as_deref()
            .and_then(Lang::parse)
    };
    explicit_language(argv)
        .or_else(plan)
        .or_else(|| locale_lang(env))
        .unwrap_or(Lang::En)
}

/// Parses the command line with help in `lang`. Help and version are printed
/// here (exit 0); a usage error is told in `lang` (exit 2).
/// `ctg help [COMMAND]` is read as `ctg [COMMAND] --help`.
pub(super) fn parse(mut argv: Vec<OsString>, lang: Lang) -> Result<Cli, ExitCode> {
    if argv.get(1).is_some_and(|a| a == "help") {
        argv.remove(1);
        argv.push("--help".into());
    }
    let mut command = localize(Cli::command(), lang);
    let parsed = command
        .try_get_matches_from_mut(argv)
        .and_then(|mut m| Cli::from_arg_matches_mut(&mut m));
    match parsed {
        Ok(cli) => Ok(cli),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                let _ = e.print();
                Err(ExitCode::SUCCESS)
            }
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                print_err(&e.render().to_string());
                Err(ExitCode::from(2))
            }
            _ => {
                print_err(&usage_error(&e, &command, lang));
                Err(ExitCode::from(2))
            }
        },
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

/// The command a usage error is about, found by the words of its usage line
/// (`ctg add milestone --id <ID> …`), and its path (`ctg add milestone`).
fn failing<'a>(root: &'a Command, usage: &str) -> (&'a Command, String) {
    let mut at = root;
    let mut path = vec![root.get_name()];
    for word in usage.split_whitespace().skip(1) {
        match at.find_subcommand(word) {
            Some(sub) => {
                at = sub;
                path.push(sub.get_name());
            }
            None => break,
        }
    }
    (at, path.join(" "))
}

/// The first argument of the command line that is not UTF-8, shown with
/// its bad bytes as `�` and any control character escaped.
fn not_utf8_argument() -> String {
    std::env::args_os()
        .find(|a| a.to_str().is_none())
        .map(|a| a.to_string_lossy().escape_debug().to_string())
        .unwrap_or_default()
}

/// A usage error in our words: what is wrong, a suggestion, the usage line.
/// `root` is the command tree `e` came from.
fn usage_error(e: &clap::Error, root: &Command, lang: Lang) -> String {
    let one = |kind| context(e, kind).into_iter().next().unwrap_or_default();
    let usage = one(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim().to_string();
    let (at, path) = failing(root, &usage);
    let arg = one(ContextKind::InvalidArg);
    let value = one(ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::UnknownArgument => lang.pick(
            format!("unexpected argument `{arg}`"),
            format!("argument inattendu `{arg}`"),
        ),
        ErrorKind::InvalidSubcommand => {
            let sub = one(ContextKind::InvalidSubcommand);
            lang.pick(
                format!("unknown command `{sub}`"),
                format!("commande inconnue `{sub}`"),
            )
        }
        ErrorKind::ValueValidation if one(ContextKind::Custom) == OPTION_AS_VALUE => lang.pick(
            format!("{arg} needs a value before `{value}`"),
            format!("{arg} demande une valeur avant `{value}`"),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if value.is_empty() => lang.pick(
            format!("{arg} needs a value"),
            format!("{arg} demande une valeur"),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => lang.pick(
            format!("`{value}` is not a valid value for {arg}"),
            format!("`{value}` n'est pas une valeur valide pour {arg}"),
        ),
        ErrorKind::MissingRequiredArgument => {
            let missing = context(e, ContextKind::InvalidArg).join(", ");
            lang.pick(
                format!("missing: {missing}"),
                format!("il manque\u{a0}: {missing}"),
            )
        }
        ErrorKind::MissingSubcommand => lang
            .pick("a command is needed", "il faut une commande")
            .to_string(),
        ErrorKind::ArgumentConflict if one(ContextKind::PriorArg) == arg => lang.pick(
            format!("{arg} is given more than once"),
            format!("{arg} est donné plusieurs fois"),
        ),
        ErrorKind::ArgumentConflict => {
            let prior = one(ContextKind::PriorArg);
            lang.pick(
                format!("{arg} cannot be used with {prior}"),
                format!("{arg} ne peut pas s'employer avec {prior}"),
            )
        }
        ErrorKind::InvalidUtf8 => {
            let shown = not_utf8_argument();
            lang.pick(
                format!("the argument `{shown}` is not valid UTF-8 text (the � marks the bytes that are not): retype it"),
                format!("l'argument `{shown}` n'est pas un texte UTF-8 valide (le � marque les octets fautifs)\u{a0}: retapez-le"),
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => lang
            .pick(
                format!("wrong number of values for {arg}"),
                format!("nombre de valeurs incorrect pour {arg}"),
            ),
        _ => lang
            .pick(
                "the command line is not valid",
                "la ligne de commande n'est pas valide",
            )
            .to_string(),
    };
    let mut out = format!("ctg: {what}\n");
    let valid = context(e, ContextKind::ValidValue);
    if !valid.is_empty() {
        let list = valid.join(", ");
        out.push_str(&lang.pick(
            format!("  possible values: {list}\n"),
            format!("  valeurs possibles\u{a0}: {list}\n"),
        ));
    }
    let suggested = match e.kind() {
        ErrorKind::UnknownArgument => match suggest::option_hint(&arg, at) {
            Some(Hint::Option(long)) => Some(phrase::did_you_mean(&long, lang)),
            Some(Hint::Sheet(name)) => Some(lang.pick(
                format!("give the action sheet without an option: `{path} {name}`"),
                format!("donnez la fiche action sans option\u{a0}: `{path} {name}`"),
            )),
            None => None,
        },
        ErrorKind::InvalidSubcommand => {
            suggest::command_hint(&one(ContextKind::InvalidSubcommand), at)
                .map(|name| phrase::did_you_mean(&name, lang))
        }
        _ => context(e, ContextKind::SuggestedValue)
            .first()
            .map(|value| phrase::did_you_mean(value, lang)),
    };
    if let Some(s) = suggested {
        out.push_str(&format!("  {s}\n"));
    }
    // clap's usage of an unknown argument shows the argument it suggested.
    let usage = if e.kind() == ErrorKind::UnknownArgument {
        let usage = at.clone().render_usage().to_string();
        usage.trim().trim_start_matches("Usage:").trim().to_string()
    } else {
        usage
    };
    if !usage.is_empty() {
        out.push_str(&lang.pick(
            format!("\nUsage: {usage}\n"),
            format!("\nUtilisation\u{a0}: {usage}\n"),
        ));
    }
    out.push_str(lang.pick(
        "For more information, try `--help`.\n",
        "Pour en savoir plus\u{a0}: `--help`.\n",
    ));
    out
}

/// The command tree with its texts in `lang` (English is clap's own).
pub(super) fn localize(command: Command, lang: Lang) -> Command {
    let command = match lang {
        Lang::En => command,
        Lang::Fr => translate::french(command, None),
    };
    with_examples(command, "", lang)
}

/// `command` (at `path`) and its subcommands with their example after
/// their help, in `lang`.
fn with_examples(mut command: Command, path: &str, lang: Lang) -> Command {
    if let Some(text) = examples::after_help(path, lang) {
        command = command.after_help(text);
    }
    let subs: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        let at = match path {
            "" => sub.clone(),
            p => format!("{p} {sub}"),
        };
        command = command.mut_subcommand(&sub, |s| with_examples(s, &at, lang));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_language_follows_lang_then_the_locale() {
        let argv = |words: &[&str]| -> Vec<OsString> { words.iter().map(OsString::from).collect() };
        assert_eq!(
            language(&argv(&["ctg", "--lang", "fr", "status"])),
            Lang::Fr
        );
        assert_eq!(language(&argv(&["ctg", "status", "--lang=en"])), Lang::En);
    }
}

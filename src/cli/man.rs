//! `ctg man [--output DIR]`: roff man pages made by `clap_mangen` from the
//! command tree, in the session's language (the text of `--help`): `ctg.1`
//! to stdout, or one page per visible command (`ctg-record.1`,
//! `ctg-add-partner.1`…) into a folder.
//!
//! The language follows the rule of the commands that read a plan: `--lang`
//! or `CTG_LANG`, else the plan found from the current folder, else the
//! locale. Each page has NAME, SYNOPSIS, DESCRIPTION, OPTIONS (and the
//! subcommands), then EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES and SEE ALSO,
//! the section names in the page's language.

use super::args::{Cli, ManArgs};
use super::context::Bare;
use super::messages::Msg;
use super::{Failure, help, output, print};
use clap::CommandFactory;
use ctg::i18n::Lang;
use std::process::ExitCode;

/// Runs `man`.
pub(super) fn run(bare: &Bare, args: &ManArgs) -> Result<ExitCode, Failure> {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = bare
        .explicit
        .unwrap_or_else(|| help::session_language(&argv));
    let mut root = help::localize(Cli::command(), lang).disable_help_subcommand(true);
    // The NAME line is `ctg - ABOUT`: an about that starts with the name
    // would say it twice.
    if let Some(about) = root.get_about().map(|a| a.to_string()) {
        let short = about.strip_prefix("ctg — ").unwrap_or(&about).to_string();
        root = root.about(short);
    }
    root.build();
    let mut pages = Vec::new();
    collect(root, "", lang, &mut pages)?;
    match &args.output {
        Some(dir) => output::write_into(dir, &pages, lang)?,
        None => {
            for (_, text) in pages.iter().filter(|(name, _)| name == "ctg.1") {
                print(text)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The page of `command` (at `path`) and of each visible subcommand, as
/// (file name, roff).
fn collect(
    command: clap::Command,
    path: &str,
    lang: Lang,
    pages: &mut Vec<(String, String)>,
) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure::Refused(Msg::CannotPrint(e.kind()));
    let usage = synopsis(&command);
    let man = clap_mangen::Man::new(command.clone().override_usage(usage));
    let mut roff = Vec::new();
    man.render_title(&mut roff).map_err(fail)?;
    man.render_name_section(&mut roff).map_err(fail)?;
    man.render_synopsis_section(&mut roff).map_err(fail)?;
    man.render_description_section(&mut roff).map_err(fail)?;
    man.render_options_section(&mut roff).map_err(fail)?;
    if command.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut roff).map_err(fail)?;
    }
    let mut text = headings(&String::from_utf8_lossy(&roff), lang);
    text.push_str(&sections(path, lang));
    pages.push((man.get_filename(), text));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let at = match path {
            "" => sub.get_name().to_string(),
            p => format!("{p} {}", sub.get_name()),
        };
        collect(sub.clone(), &at, lang, pages)?;
    }
    Ok(())
}

/// The SYNOPSIS of `command`: every visible option with its value
/// (`[--plan <DIR>]`, `--name <TEXT>` when required, `...` when repeatable),
/// then the arguments and the subcommand.
fn synopsis(command: &clap::Command) -> String {
    let name = command.get_bin_name().unwrap_or(command.get_name());
    let mut words = vec![name.to_string()];
    let value = |arg: &clap::Arg| {
        let names = arg.get_value_names().unwrap_or_default();
        match names.first() {
            Some(n) => format!("<{n}>"),
            None => format!("<{}>", arg.get_id().as_str().to_uppercase()),
        }
    };
    let options: Vec<&clap::Arg> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_positional())
        .collect();
    for required in [false, true] {
        for arg in options.iter().filter(|a| a.is_required_set() == required) {
            let flag = match (arg.get_short(), arg.get_long()) {
                (Some(s), Some(l)) => format!("-{s}|--{l}"),
                (None, Some(l)) => format!("--{l}"),
                (Some(s), None) => format!("-{s}"),
                (None, None) => continue,
            };
            let takes = arg.get_action().takes_values();
            let mut word = match takes {
                true => format!("{flag} {}", value(arg)),
                false => flag,
            };
            if takes && matches!(arg.get_action(), clap::ArgAction::Append) {
                word.push_str("...");
            }
            words.push(match required {
                true => word,
                false => format!("[{word}]"),
            });
        }
    }
    for arg in command.get_positionals().filter(|a| !a.is_hide_set()) {
        let mut word = value(arg);
        if matches!(arg.get_action(), clap::ArgAction::Append) {
            word.push_str("...");
        }
        words.push(match arg.is_required_set() {
            true => word,
            false => format!("[{word}]"),
        });
    }
    if command.get_subcommands().any(|s| !s.is_hide_set()) {
        let sub = command.get_subcommand_value_name().unwrap_or("COMMAND");
        words.push(format!("<{sub}>"));
    }
    words.join(" ")
}

/// The section headings of clap_mangen's roff in `lang`, upper case and
/// without the no-break space that ends the French help headings; the
/// apostrophe string that each rendered part defines is defined once.
fn headings(roff: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(roff.len());
    let prelude = [".ie \\n(.g .ds Aq \\(aq", ".el .ds Aq '"];
    for (at, line) in roff.lines().enumerate() {
        if at >= prelude.len() && prelude.contains(&line) {
            continue;
        }
        match line.strip_prefix(".SH ") {
            Some(name) => {
                let name = name.trim_matches('"').trim_end_matches(['\u{a0}', ' ']);
                let name = match (lang, name) {
                    (Lang::Fr, "NAME") => "NOM".to_string(),
                    (Lang::Fr, "SUBCOMMANDS") => "COMMANDES".to_string(),
                    (_, name) => name.to_uppercase(),
                };
                match name.contains(' ') {
                    true => out.push_str(&format!(".SH \"{name}\"")),
                    false => out.push_str(&format!(".SH {name}")),
                }
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Text for roff: backslashes and hyphens escaped, no line starting with a
/// control character.
fn roff_text(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    match escaped.starts_with(['.', '\'']) {
        true => format!("\\&{escaped}"),
        false => escaped,
    }
}

/// EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES and SEE ALSO of the page of
/// the command at `path`, in `lang`.
fn sections(path: &str, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut out = String::new();
    let push = |out: &mut String, title: &str, items: &[(&str, &str)]| {
        out.push_str(&format!(".SH \"{title}\"\n"));
        for (term, text) in items {
            out.push_str(&format!(".TP\n{}\n{}\n", term, roff_text(text)));
        }
    };
    push(
        &mut out,
        if fr { "CODE DE RETOUR" } else { "EXIT STATUS" },
        &[
            ("0", if fr { "Succès." } else { "Success." }),
            (
                "1",
                if fr {
                    "Le plan est invalide ou la commande a été refusée (rien n'a été écrit)."
                } else {
                    "The plan is invalid or the command was refused (nothing was written)."
                },
            ),
            (
                "2",
                if fr {
                    "Mauvaise utilisation (option ou valeur inconnue)."
                } else {
                    "Bad usage (an unknown option or value)."
                },
            ),
        ],
    );
    push(
        &mut out,
        if fr { "ENVIRONNEMENT" } else { "ENVIRONMENT" },
        &[
            (
                "\\fBCTG_PLAN\\fR",
                if fr {
                    "Le dossier du plan, comme --plan."
                } else {
                    "The plan folder, as --plan."
                },
            ),
            (
                "\\fBCTG_AS_OF\\fR",
                if fr {
                    "La date de calcul, comme --as-of."
                } else {
                    "The date computed as of, as --as-of."
                },
            ),
            (
                "\\fBCTG_LANG\\fR",
                if fr {
                    "La langue (fr ou en), comme --lang\u{a0}; sinon celle du plan, sinon LC_ALL, LC_MESSAGES ou LANG."
                } else {
                    "The language (fr or en), as --lang; else the plan's, else LC_ALL, LC_MESSAGES or LANG."
                },
            ),
            (
                "\\fBNO_COLOR\\fR, \\fBCLICOLOR\\fR, \\fBCLICOLOR_FORCE\\fR",
                if fr {
                    "Quand colorer la sortie, si --color n'est pas donné."
                } else {
                    "When to colour the output, unless --color is given."
                },
            ),
            (
                "\\fBCOLUMNS\\fR",
                if fr {
                    "La largeur des tableaux."
                } else {
                    "The width of the tables."
                },
            ),
            (
                "\\fBSOURCE_DATE_EPOCH\\fR",
                if fr {
                    "Aujourd'hui, en secondes depuis 1970 (pour des sorties reproductibles)."
                } else {
                    "Today, in seconds since 1970 (for reproducible outputs)."
                },
            ),
        ],
    );
    push(
        &mut out,
        if fr { "FICHIERS" } else { "FILES" },
        &[
            (
                "\\fIconvention.yaml\\fR",
                if fr {
                    "La convention\u{a0}: période, signataires, langue. Le plan est le premier dossier en remontant qui le contient (ou plan/convention.yaml)."
                } else {
                    "The convention: period, signatories, language. The plan is the first folder upward holding it (or plan/convention.yaml)."
                },
            ),
            (
                "\\fIpartners.yaml\\fR, \\fIaxes.yaml\\fR, \\fItracks.yaml\\fR",
                if fr {
                    "Les partenaires, les axes et leurs objectifs, les pistes."
                } else {
                    "The partners, the axes and their objectives, the tracks."
                },
            ),
            (
                "\\fIactions/*.yaml\\fR",
                if fr {
                    "Une fiche action par fichier, avec son journal."
                } else {
                    "One action sheet a file, with its journal."
                },
            ),
        ],
    );
    if let Some(e) = help::example(path) {
        push(
            &mut out,
            if fr { "EXEMPLES" } else { "EXAMPLES" },
            &[(&format!("\\fB{}\\fR", roff_text(e.line)), e.told(lang))],
        );
    }
    let see: Vec<String> = match path {
        "" => vec!["ctg\\-record(1)".into(), "ctg\\-status(1)".into()],
        _ => vec!["ctg(1)".into()],
    };
    out.push_str(&format!(
        ".SH \"{}\"\n{}\n",
        if fr { "VOIR AUSSI" } else { "SEE ALSO" },
        see.join(", ")
    ));
    out
}

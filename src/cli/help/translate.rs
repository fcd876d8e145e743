//! The command tree in French: every command's about, every argument's help
//! and placeholder, the headings, from the texts of [`super::french`].

use super::french::{about_text, arg_text, value_text_or_french};
use crate::cli::args::GLOBAL_HEADING;
use clap::{Arg, ArgAction, Command};
use ctg::i18n::Lang;

/// `command` in French; `parent` is the path of its parent command (`None`
/// for `ctg` itself), which keys the texts (`record:note`).
pub(super) fn french(mut command: Command, parent: Option<&str>) -> Command {
    let key = match parent {
        None => String::new(),
        Some("") => command.get_name().to_string(),
        Some(p) => format!("{p} {}", command.get_name()),
    };
    if let Some(about) = about_text(&key) {
        command = command.about(about).long_about(None);
    }
    // `--table` offers the French names of the tables.
    if let Some(parser) = super::TableValue::of_command(command.get_name(), Lang::Fr)
        && command.get_arguments().any(|a| a.get_id() == "table")
    {
        command = command.mut_arg("table", |a| a.value_parser(parser));
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = arg_text(&key, &id);
        command = command.mut_arg(&id, |arg| french_arg(arg, text));
    }
    command = command
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Affiche l'aide (le détail avec --help)")
                .long_help("Affiche l'aide (un résumé avec -h)")
                .help_heading("Options\u{a0}"),
        )
        .disable_help_subcommand(true)
        .subcommand_help_heading("Commandes\u{a0}")
        .subcommand_value_name("COMMANDE")
        .help_template(
            "{before-help}{about-with-newline}\nUtilisation\u{a0}: {usage}\n\n{all-args}{after-help}",
        );
    if parent.is_none() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Affiche la version")
                .help_heading("Options\u{a0}"),
        );
    }
    let subs: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        command = command.mut_subcommand(&sub, |s| french(s, Some(&key)));
    }
    command
}

/// One argument in French: its help, with the possible values and default
/// said in French instead of clap's English brackets.
fn french_arg(arg: Arg, text: Option<&'static str>) -> Arg {
    let heading = if arg.get_help_heading() == Some(GLOBAL_HEADING) {
        "Options globales\u{a0}"
    } else if arg.is_positional() {
        "Arguments\u{a0}"
    } else {
        "Options\u{a0}"
    };
    let names: Vec<&'static str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|n| french_value_name(n.as_str()))
        .collect();
    let arg = arg.help_heading(heading);
    let arg = if names.is_empty() {
        arg
    } else {
        arg.value_names(names)
    };
    if !arg.get_action().takes_values() {
        return arg.help(text.unwrap_or_default()).long_help(None);
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let default: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    // The long help (`--help`, as in English) lists the values with their
    // meaning, when they have one; the short help (`-h`) names them.
    let described: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .filter_map(|v| {
            let english = v.get_help()?.to_string();
            let french = value_text_or_french(&english).unwrap_or("");
            Some(format!("- {}\u{a0}: {french}", v.get_name()))
        })
        .collect();
    let mut help = text.map(str::to_string).unwrap_or_default();
    let mut arg = arg;
    let mut long = help.clone();
    if !values.is_empty() {
        help.push_str(&format!(" [valeurs\u{a0}: {}]", values.join(", ")));
        arg = arg.hide_possible_values(true);
    }
    if !default.is_empty() {
        let said = format!(" [par défaut\u{a0}: {}]", default.join(", "));
        help.push_str(&said);
        long.push_str(&said);
        arg = arg.hide_default_value(true);
    }
    match described.len() == values.len() && !values.is_empty() {
        true => {
            long.push_str(&format!(
                "\n\nValeurs possibles\u{a0}:\n{}",
                described.join("\n")
            ));
            arg.help(help).long_help(long)
        }
        false => arg.help(help).long_help(None),
    }
}

/// The placeholder of a value in French (`<DIR>` → `<DOSSIER>`); a name
/// missing from [`PLACEHOLDERS`] would read `<VALEUR>`.
fn french_value_name(name: &str) -> &'static str {
    PLACEHOLDERS
        .iter()
        .find(|(english, _)| *english == name)
        .map_or("VALEUR", |(_, french)| french)
}

/// The placeholders of the clap tree, in English and French.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("DIR", "DOSSIER"),
    ("PATH", "CHEMIN"),
    ("TEXT", "TEXTE"),
    ("NAME", "NOM"),
    ("MILESTONE", "JALON"),
    ("IND=VALUE", "IND=VALEUR"),
    ("YEAR=VALUE", "ANNÉE=VALEUR"),
    ("YEAR=AMOUNT", "ANNÉE=MONTANT"),
    ("FILE", "FICHIER"),
    ("PORT", "PORT"),
    ("LINE=AMOUNT", "LIGNE=MONTANT"),
    ("operating|investment", "operating|investment"),
    ("START-END", "DÉBUT-FIN"),
    ("A,B", "A,B"),
    ("F,G", "F,G"),
    ("T,U", "T,U"),
    ("result|activity", "result|activity"),
    ("up|down|steady", "up|down|steady"),
    ("YEAR", "ANNÉE"),
    ("DATE|YEAR", "DATE|ANNÉE"),
    ("STATUS", "STATUT"),
    ("FIELD", "CHAMP"),
    ("PARTNER", "PARTENAIRE"),
    ("COLOR", "COULEUR"),
    ("BY", "PAR"),
    ("CARRY", "REPRISE"),
    ("SHEET", "FICHE"),
    ("ID", "ID"),
    ("DATE", "DATE"),
    ("0-100", "0-100"),
    ("fr|en", "fr|en"),
    ("FORMAT", "FORMAT"),
    ("KIND", "TYPE"),
    ("SHELL", "SHELL"),
    ("ID=NAME", "ID=NOM"),
];

#[cfg(test)]
mod tests {
    use super::super::localize;
    use super::PLACEHOLDERS;
    use crate::cli::args::Cli;
    use clap::CommandFactory;
    use ctg::i18n::Lang;
    use std::collections::BTreeSet;

    /// Every placeholder of `command` and the commands under it.
    fn value_names(command: &clap::Command, names: &mut BTreeSet<String>) {
        for arg in command.get_arguments() {
            if !arg.get_action().takes_values() {
                continue;
            }
            for name in arg.get_value_names().unwrap_or_default() {
                names.insert(name.to_string());
            }
        }
        for sub in command.get_subcommands() {
            value_names(sub, names);
        }
    }

    #[test]
    fn every_placeholder_has_its_french_and_no_other() {
        let mut names = BTreeSet::new();
        value_names(&Cli::command(), &mut names);
        let known: BTreeSet<String> = PLACEHOLDERS.iter().map(|(e, _)| e.to_string()).collect();
        let missing: Vec<_> = names.difference(&known).collect();
        assert!(missing.is_empty(), "no French placeholder for {missing:?}");
        let stale: Vec<_> = known.difference(&names).collect();
        assert!(
            stale.is_empty(),
            "French placeholders for nothing: {stale:?}"
        );
        assert_eq!(known.len(), PLACEHOLDERS.len(), "a placeholder given twice");
    }

    #[test]
    fn the_french_command_tree_is_valid_for_clap() {
        localize(Cli::command(), Lang::Fr).debug_assert();
    }
}

//! The command tree in French: every command's about, every argument's help
//! and placeholder, the headings, from the texts of [`super::french`].

use super::french::{about_text, arg_text};
use crate::cli::args::GLOBAL_HEADING;
use clap::{Arg, ArgAction, Command};

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
                .help("Affiche cette aide")
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
    let mut help = text.map(str::to_string).unwrap_or_default();
    let mut arg = arg;
    if !values.is_empty() {
        help.push_str(&format!(" [valeurs\u{a0}: {}]", values.join(", ")));
        arg = arg.hide_possible_values(true);
    }
    if !default.is_empty() {
        help.push_str(&format!(" [par défaut\u{a0}: {}]", default.join(", ")));
        arg = arg.hide_default_value(true);
    }
    arg.help(help).long_help(None)
}

/// The placeholder of a value in French (`<DIR>` → `<DOSSIER>`).
fn french_value_name(name: &str) -> &'static str {
    match name {
        "DIR" => "DOSSIER",
        "PATH" => "CHEMIN",
        "TEXT" => "TEXTE",
        "NAME" => "NOM",
        "MILESTONE" => "JALON",
        "IND=VALUE" => "IND=VALEUR",
        "YEAR=VALUE" => "ANNÉE=VALEUR",
        "START-END" => "DÉBUT-FIN",
        "A,B" => "A,B",
        "F,G" => "F,G",
        "T,U" => "T,U",
        "result|activity" => "result|activity",
        "up|down|steady" => "up|down|steady",
        "YEAR" => "ANNÉE",
        "DATE|YEAR" => "DATE|ANNÉE",
        "STATUS" => "STATUT",
        "FIELD" => "CHAMP",
        "PARTNER" => "PARTENAIRE",
        "COLOR" => "COULEUR",
        "BY" => "PAR",
        "CARRY" => "REPRISE",
        "ID" => "ID",
        "DATE" => "DATE",
        "0-100" => "0-100",
        "fr|en" => "fr|en",
        "FORMAT" => "FORMAT",
        "CSV" => "CSV",
        "KIND" => "TYPE",
        "SHELL" => "SHELL",
        "ID=NAME" => "ID=NOM",
        _ => "VALEUR",
    }
}

#[cfg(test)]
mod tests {
    use super::super::localize;
    use crate::cli::args::Cli;
    use clap::CommandFactory;
    use ctg::i18n::Lang;

    #[test]
    fn the_french_command_tree_is_valid_for_clap() {
        localize(Cli::command(), Lang::Fr).debug_assert();
    }
}

//! Help and usage errors in the session's language.
//!
//! clap writes its help and errors in English. For a French session the
//! command tree is translated before parsing (every command's about, every
//! argument's help, the headings), and usage errors are told by ctg itself in
//! both languages, so that no library wording (such as Rust's "invalid digit
//! found in string") reaches a user. The help language is `--lang` or
//! `CTG_LANG` when given, else the system locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG` starting with `fr`), else English.

use super::args::{Cli, GLOBAL_HEADING};
use super::context::env;
use super::print_err;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use ctg::i18n::{Lang, locale_lang};
use std::ffi::OsString;
use std::process::ExitCode;

/// The language of help and usage errors, read before clap parses anything.
pub(super) fn language(argv: &[OsString]) -> Lang {
    let mut given = None;
    let mut words = argv.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            given = words.next().map(|w| w.to_string());
        } else if let Some(value) = word.strip_prefix("--lang=") {
            given = Some(value.to_string());
        }
    }
    given
        .or_else(|| env("CTG_LANG"))
        .and_then(|t| Lang::parse(&t))
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
                print_err(&usage_error(&e, lang));
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

/// A usage error in our words: what is wrong, a suggestion, the usage line.
fn usage_error(e: &clap::Error, lang: Lang) -> String {
    let one = |kind| context(e, kind).into_iter().next().unwrap_or_default();
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
    let suggested = context(e, ContextKind::SuggestedArg)
        .into_iter()
        .chain(context(e, ContextKind::SuggestedSubcommand))
        .chain(context(e, ContextKind::SuggestedValue))
        .next();
    if let Some(s) = suggested {
        out.push_str(&lang.pick(
            format!("  did you mean `{s}`?\n"),
            format!("  vouliez-vous dire `{s}`\u{a0}?\n"),
        ));
    }
    let usage = one(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
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
    match lang {
        Lang::En => command,
        Lang::Fr => french(command, None),
    }
}

/// `command` in French; `parent` is the path of its parent command (`None`
/// for `ctg` itself), which keys the texts (`record:note`).
fn french(mut command: Command, parent: Option<&str>) -> Command {
    let key = match parent {
        None => String::new(),
        Some("") => command.get_name().to_string(),
        Some(p) => format!("{p} {}", command.get_name()),
    };
    if let Some(about) = french_text(&format!("{key}:about")) {
        command = command.about(about).long_about(None);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = french_text(&format!("{key}:{id}")).or_else(|| french_text(&format!(":{id}")));
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

/// French help texts, by `command path:argument id` (`:id` for every command).
fn french_text(key: &str) -> Option<&'static str> {
    FRENCH.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

const FRENCH: &[(&str, &str)] = &[
    (
        ":about",
        "ctg — suivre une Convention territoriale globale (CTG) tenue en fichiers YAML.",
    ),
    (
        ":plan",
        "Dossier du plan [env\u{a0}: CTG_PLAN\u{a0}; par défaut\u{a0}: le premier dossier en remontant qui contient convention.yaml ou plan/convention.yaml]",
    ),
    (
        ":as_of",
        "Calculer à cette date, JJ/MM/AAAA ou AAAA-MM-JJ [env\u{a0}: CTG_AS_OF\u{a0}; par défaut\u{a0}: aujourd'hui]",
    ),
    (
        ":lang",
        "Langue de sortie [env\u{a0}: CTG_LANG\u{a0}; par défaut\u{a0}: la langue du plan]",
    ),
    (":color", "Quand colorer la sortie (NO_COLOR est respecté)"),
    (
        ":quiet",
        "Ne pas afficher la ligne qui compte les avertissements",
    ),
    (
        ":format",
        "Format de sortie [par défaut\u{a0}: selon l'extension de --output, sinon table]",
    ),
    (
        ":output",
        "Écrire dans ce fichier au lieu du terminal (remplacé d'un coup)",
    ),
    (
        "validate:about",
        "Vérifier tout le plan et signaler chaque erreur et avertissement",
    ),
    (
        "validate:strict",
        "Traiter les avertissements comme des erreurs",
    ),
    ("validate:format", "Format de sortie"),
    (
        "status:about",
        "Où en est chaque fiche action, par axe et objectif",
    ),
    ("status:axis", "Seulement cet axe"),
    ("status:objective", "Seulement cet objectif"),
    (
        "status:field",
        "Seulement les fiches de ce champ d'intervention",
    ),
    (
        "status:partner",
        "Seulement les fiches que ce partenaire pilote ou auxquelles il participe",
    ),
    (
        "status:status",
        "Seulement les fiches à ce statut (répétable\u{a0}; en français ou en anglais)",
    ),
    ("status:late", "Seulement les fiches en retard"),
    ("status:stale", "Seulement les fiches sans suivi"),
    (
        "show:about",
        "Un axe, un objectif, une fiche action ou un champ en entier\u{a0}; `show tracks` liste toutes les pistes",
    ),
    (
        "show:id",
        "Un axe (1), un objectif (1.2), une fiche (1.2.3), un champ, ou `tracks`",
    ),
    (
        "record:about",
        "Ajouter un suivi daté au journal d'une fiche action",
    ),
    ("record:id", "La fiche action (par exemple 2.1.1)"),
    (
        "record:date",
        "Date du suivi, JJ/MM/AAAA ou AAAA-MM-JJ [par défaut\u{a0}: aujourd'hui]",
    ),
    (
        "record:status",
        "Nouveau statut (en français ou en anglais\u{a0}: en cours, réalisée, in-progress…)",
    ),
    (
        "record:progress",
        "Avancement, un nombre entier de 0 à 100 (un % final est accepté)",
    ),
    ("record:note", "Ce qui a été fait"),
    ("record:difficulties", "Difficultés rencontrées"),
    ("record:next", "Prochaines étapes"),
    (
        "record:decision",
        "Une décision demandée au comité de pilotage",
    ),
    ("record:reached", "Un jalon atteint (répétable)"),
    (
        "record:measure",
        "Une valeur d'indicateur, par exemple places=12 ou taux=4,5 (répétable)",
    ),
    ("record:by", "Qui enregistre"),
    (
        "record:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher le diff\u{a0}; ne rien écrire",
    ),
    (
        "record:commit",
        "Commiter aussi le fichier de la fiche dans git (ce fichier seulement)",
    ),
    (
        "record:amend",
        "Remplacer le dernier suivi de la fiche (le dernier du fichier) par celui-ci",
    ),
    (
        "add:about",
        "Ajouter un partenaire, ou un jalon ou un indicateur à une fiche action",
    ),
    ("add partner:about", "Ajouter un partenaire à partners.yaml"),
    (
        "add partner:id",
        "L'identifiant du nouveau partenaire (par exemple caf-gard)",
    ),
    ("add partner:name", "Son nom complet"),
    (
        "add partner:kind",
        "Sa nature\u{a0}: signatory, elected, service, institution, association, other",
    ),
    ("add milestone:about", "Ajouter un jalon à une fiche action"),
    ("add milestone:sheet", "La fiche action (par exemple 2.1.1)"),
    (
        "add milestone:id",
        "L'identifiant du jalon (par exemple permis)",
    ),
    ("add milestone:title", "Son intitulé"),
    (
        "add milestone:due",
        "Son échéance, JJ/MM/AAAA ou AAAA-MM-JJ",
    ),
    (
        "add indicator:about",
        "Ajouter un indicateur à une fiche action",
    ),
    ("add indicator:sheet", "La fiche action (par exemple 2.1.1)"),
    (
        "add indicator:id",
        "L'identifiant de l'indicateur (par exemple places-eaje)",
    ),
    ("add indicator:label", "Son libellé"),
    ("add indicator:unit", "Son unité (places, %, familles…)"),
    (
        "add indicator:kind",
        "result (résultat) ou activity (moyens)",
    ),
    (
        "add indicator:direction",
        "Le bon sens\u{a0}: up (hausse), down (baisse) ou steady (stable)",
    ),
    (
        "add indicator:baseline",
        "La valeur de départ, ANNÉE=VALEUR",
    ),
    (
        "add indicator:target",
        "Une cible, ANNÉE=VALEUR (répétable)",
    ),
    (
        "set:about",
        "Modifier le pilote, les partenaires, les champs, les pistes ou le calendrier d'une fiche action",
    ),
    ("set:sheet", "La fiche action (par exemple 2.1.1)"),
    ("set:lead", "Le partenaire pilote"),
    ("set:partners", "Les partenaires, séparés par des virgules"),
    (
        "set:fields",
        "Les champs d'intervention, séparés par des virgules",
    ),
    ("set:tracks", "Les pistes, séparées par des virgules"),
    (
        "set:schedule",
        "Les années de la fiche, DÉBUT-FIN (par exemple 2023-2026)",
    ),
    (
        "add partner:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher le diff\u{a0}; ne rien écrire",
    ),
    (
        "add partner:commit",
        "Commiter aussi le fichier modifié dans git (ce fichier seulement)",
    ),
    (
        "add milestone:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher le diff\u{a0}; ne rien écrire",
    ),
    (
        "add milestone:commit",
        "Commiter aussi le fichier modifié dans git (ce fichier seulement)",
    ),
    (
        "add indicator:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher le diff\u{a0}; ne rien écrire",
    ),
    (
        "add indicator:commit",
        "Commiter aussi le fichier modifié dans git (ce fichier seulement)",
    ),
    (
        "set:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher le diff\u{a0}; ne rien écrire",
    ),
    (
        "set:commit",
        "Commiter aussi le fichier modifié dans git (ce fichier seulement)",
    ),
    (
        "log:about",
        "Les suivis de tout le plan sur une période, du plus ancien au plus récent",
    ),
    (
        "log:from",
        "À partir de cette date ou année [par défaut\u{a0}: le début de la convention]",
    ),
    (
        "log:to",
        "Jusqu'à cette date ou année [par défaut\u{a0}: la date de calcul]",
    ),
    ("log:action", "Seulement cet axe, objectif ou cette fiche"),
    (
        "summary:about",
        "Synthèse annuelle\u{a0}: une colonne par année de la convention",
    ),
    (
        "summary:from",
        "Première année [par défaut\u{a0}: la première de la convention]",
    ),
    (
        "summary:to",
        "Dernière année [par défaut\u{a0}: la dernière de la convention]",
    ),
    ("summary:by", "Ajouter un bloc par axe, objectif ou champ"),
    (
        "report:about",
        "Le bilan annuel d'une année, pour le comité de pilotage",
    ),
    (
        "report:year",
        "L'année du bilan, dans la période de la convention",
    ),
    (
        "report:output",
        "Le fichier à écrire (en csv\u{a0}: le dossier qui reçoit un fichier par tableau\u{a0}; avec --table, le fichier de ce tableau)",
    ),
    (
        "report:table",
        "Ce seul tableau, en CSV (à l'écran, ou dans --output FICHIER)",
    ),
    (
        "evaluation:about",
        "L'évaluation finale de toute la période de la convention",
    ),
    (
        "evaluation:output",
        "Le fichier à écrire (en csv\u{a0}: le dossier qui reçoit un fichier par tableau\u{a0}; avec --table, le fichier de ce tableau)",
    ),
    (
        "evaluation:table",
        "Ce seul tableau, en CSV (à l'écran, ou dans --output FICHIER)",
    ),
    (
        "timeline:about",
        "La période en graphique\u{a0}: calendriers, jalons et date de calcul",
    ),
    (
        "timeline:format",
        "Format de sortie\u{a0}: le graphique du terminal, un graphique texte Markdown, ou un diagramme de Gantt en SVG ou dans une page HTML",
    ),
    (
        "portfolio:about",
        "Plusieurs plans côte à côte\u{a0}: une ligne par plan, et les totaux",
    ),
    (
        "portfolio:dirs",
        "Dossiers de plans, ou dossiers dont les sous-dossiers sont des plans",
    ),
    (
        "portfolio:late",
        "Lister les fiches en retard, plan par plan",
    ),
    (
        "portfolio:stale",
        "Lister les fiches sans suivi, plan par plan",
    ),
    (
        "renew:about",
        "Écrire le brouillon de la convention suivante dans un nouveau dossier",
    ),
    (
        "renew:dir",
        "Le dossier du nouveau plan (créé s'il manque\u{a0}; refusé s'il contient un plan)",
    ),
    ("renew:from", "Première année de la nouvelle convention"),
    ("renew:to", "Dernière année de la nouvelle convention"),
    (
        "renew:carry",
        "Quelles fiches reprendre\u{a0}: celles ni réalisées ni abandonnées à la fin de la période en cours, toutes, ou aucune",
    ),
    (
        "init:about",
        "Écrire un nouveau plan, valide, pour un autre territoire dans un nouveau dossier",
    ),
    (
        "init:dir",
        "Le dossier du nouveau plan (créé s'il manque\u{a0}; refusé s'il contient un plan)",
    ),
    ("init:name", "Le nom complet de la convention"),
    ("init:territory", "Le territoire qu'elle couvre"),
    (
        "init:from",
        "Première année de la convention [par défaut\u{a0}: l'an prochain]",
    ),
    (
        "init:to",
        "Dernière année de la convention [par défaut\u{a0}: quatre ans après --from]",
    ),
    (
        "init:signatory",
        "Un signataire, ID=NOM (répétable) [par défaut\u{a0}: collectivite=TERRITOIRE et caf]",
    ),
    (
        "schema:about",
        "Les schémas JSON des fichiers du plan, pour les éditeurs (yaml-language-server)",
    ),
    (
        "schema:kind",
        "N'afficher que le schéma de ce type de fichier",
    ),
    (
        "schema:output",
        "Écrire les cinq schémas dans ce dossier (créé s'il manque), en TYPE.schema.json",
    ),
    (
        "completions:about",
        "Un script de complétion pour le shell, qui complète les identifiants du plan",
    ),
    ("completions:shell", "Le shell"),
    (
        "__ids:about",
        "Lister les identifiants d'un type, un par ligne (pour la complétion)",
    ),
    ("__ids:kind", "Quels identifiants"),
    (
        "__ids:sheet",
        "Seulement les jalons ou indicateurs de cette fiche",
    ),
    (
        "man:about",
        "Les pages de manuel\u{a0}: ctg.1 dans le terminal, ou une page par commande dans un dossier",
    ),
    (
        "man:output",
        "Écrire une page par commande dans ce dossier (créé s'il manque)",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn every_text(command: &Command, path: &mut Vec<String>, missing: &mut Vec<String>) {
        let key = path.join(" ");
        if french_text(&format!("{key}:about")).is_none() {
            missing.push(format!("{key}:about"));
        }
        for arg in command.get_arguments() {
            let id = arg.get_id().to_string();
            if id == "help" || id == "version" {
                continue;
            }
            if french_text(&format!("{key}:{id}")).is_none()
                && french_text(&format!(":{id}")).is_none()
            {
                missing.push(format!("{key}:{id}"));
            }
        }
        for sub in command.get_subcommands() {
            path.push(sub.get_name().to_string());
            every_text(sub, path, missing);
            path.pop();
        }
    }

    #[test]
    fn every_command_and_option_has_french_help() {
        let mut missing = Vec::new();
        every_text(&Cli::command(), &mut Vec::new(), &mut missing);
        assert!(missing.is_empty(), "no French help for {missing:?}");
    }

    #[test]
    fn the_french_command_tree_is_valid_for_clap() {
        localize(Cli::command(), Lang::Fr).debug_assert();
    }

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

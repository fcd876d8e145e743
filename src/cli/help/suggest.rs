//! What a usage error suggests for an unknown option or command: the option
//! a French word means (`--axe` → `--axis`), else a name close to what was
//! typed (the same case, a unique prefix, or a likely typo by
//! [`ctg::diag::suggest`]), else nothing — never a far name such as `--late`
//! for `--axe`.

use clap::{Arg, Command};

/// What to suggest instead of an unknown option.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Hint {
    /// Another option, with its dashes (`--axis`).
    Option(String),
    /// The command's action sheet argument, as its placeholder (`<SHEET>`):
    /// it is given without an option.
    Sheet(String),
}

/// What a French (or plain English) word given as an option means, in order
/// of preference: the first one the command has is suggested.
#[derive(Debug, Clone, Copy)]
enum Means {
    /// This long option.
    Long(&'static str),
    /// The action sheet argument.
    Sheet,
}

use Means::{Long, Sheet};

/// The option words a coordinator types, without accents, by what they mean.
const OPTION_WORDS: &[(&str, &[Means])] = &[
    ("axe", &[Long("axis"), Long("action")]),
    ("objectif", &[Long("objective"), Long("action")]),
    ("fiche", &[Sheet, Long("action")]),
    ("partenaire", &[Long("partner"), Long("partners")]),
    ("partenaires", &[Long("partners"), Long("partner")]),
    ("pilote", &[Long("lead")]),
    ("champ", &[Long("field"), Long("fields")]),
    ("champs", &[Long("fields"), Long("field")]),
    ("piste", &[Long("tracks")]),
    ("calendrier", &[Long("schedule")]),
    ("statut", &[Long("status")]),
    ("etat", &[Long("status")]),
    ("avancement", &[Long("progress")]),
    ("commentaire", &[Long("note")]),
    ("comment", &[Long("note")]),
    ("remarque", &[Long("note")]),
    ("difficulte", &[Long("difficulties")]),
    ("suite", &[Long("next")]),
    ("jalon", &[Long("reached")]),
    ("mesure", &[Long("measure")]),
    ("indicateur", &[Long("measure")]),
    ("auteur", &[Long("by")]),
    ("titre", &[Long("title")]),
    ("echeance", &[Long("due")]),
    ("libelle", &[Long("label")]),
    ("unite", &[Long("unit")]),
    ("cible", &[Long("target")]),
    ("nom", &[Long("name")]),
    ("debut", &[Long("from")]),
    ("fin", &[Long("to")]),
    ("langue", &[Long("lang")]),
];

/// The command words a coordinator types, without accents.
const COMMAND_WORDS: &[(&str, &str)] = &[
    ("verifier", "validate"),
    ("valider", "validate"),
    ("etat", "status"),
    ("statut", "status"),
    ("avancement", "status"),
    ("voir", "show"),
    ("afficher", "show"),
    ("fiche", "show"),
    ("suivi", "record"),
    ("enregistrer", "record"),
    ("noter", "record"),
    ("journal", "log"),
    ("historique", "log"),
    ("synthese", "summary"),
    ("bilan", "report"),
    ("rapport", "report"),
    ("calendrier", "timeline"),
    ("chronologie", "timeline"),
    ("evaluer", "evaluation"),
    ("renouveler", "renew"),
    ("renouvellement", "renew"),
    ("portefeuille", "portfolio"),
    ("ajouter", "add"),
    ("modifier", "set"),
    ("creer", "init"),
    ("manuel", "man"),
];

/// What to suggest for `typed`, an unknown argument of `command`
/// (`--axe`, `--axe=1`); nothing for what is not a long option.
pub(super) fn option_hint(typed: &str, command: &Command) -> Option<Hint> {
    let name = typed.strip_prefix("--")?;
    let name = name.split_once('=').map_or(name, |(n, _)| n);
    let word = ctg::input::fold(name);
    let longs: Vec<&str> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(Arg::get_long)
        .collect();
    if let Some(means) = lookup(OPTION_WORDS, &word) {
        let found = means.iter().find_map(|m| match m {
            Long(long) => longs
                .contains(long)
                .then(|| Hint::Option(format!("--{long}"))),
            Sheet => sheet_argument(command).map(|a| Hint::Sheet(placeholder(a))),
        });
        if found.is_some() {
            return found;
        }
    }
    close(&word, &longs).map(|long| Hint::Option(format!("--{long}")))
}

/// What to suggest for `typed`, an unknown command under `parent`.
pub(super) fn command_hint(typed: &str, parent: &Command) -> Option<String> {
    let word = ctg::input::fold(typed);
    let names: Vec<&str> = parent
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(Command::get_name)
        .collect();
    lookup(COMMAND_WORDS, &word)
        .filter(|name| names.contains(name))
        .map(str::to_string)
        .or_else(|| close(&word, &names).map(str::to_string))
}

/// The entry of `table` for `word`, or for its singular.
fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    let find = |w: &str| table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v);
    find(word).or_else(|| word.strip_suffix('s').and_then(find))
}

/// The one of `names` close to `word`: the same, the only one that starts
/// with it (three letters at least), or a likely typo of it (the rule of the
/// plan's own suggestions, or two letters swapped).
fn close<'a>(word: &str, names: &[&'a str]) -> Option<&'a str> {
    if let Some(same) = names.iter().find(|n| **n == word) {
        return Some(same);
    }
    let mut starting = names.iter().filter(|n| n.starts_with(word));
    if word.chars().count() >= 3
        && let (Some(only), None) = (starting.next(), starting.next())
    {
        return Some(only);
    }
    match ctg::diag::suggest(word, names.iter().copied()) {
        Some(typo) => names.iter().find(|n| **n == typo).copied(),
        // Two letters swapped, which Levenshtein counts twice (`--lnag`).
        None => names
            .iter()
            .find(|n| strsim::osa_distance(word, n) == 1)
            .copied(),
    }
}

/// The positional argument of `command` that names an action sheet.
fn sheet_argument(command: &Command) -> Option<&Arg> {
    command.get_positionals().find(|a| {
        a.get_id() == "sheet"
            || (a.get_id() == "id" && matches!(command.get_name(), "record" | "show"))
    })
}

/// `<NAME>`, the placeholder of a positional argument.
fn placeholder(arg: &Arg) -> String {
    let name = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map_or_else(
            || arg.get_id().to_string().to_uppercase(),
            |n| n.to_string(),
        );
    format!("<{name}>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Cli;
    use clap::CommandFactory;

    fn hint(path: &[&str], typed: &str) -> Option<Hint> {
        let mut command = Cli::command();
        command.build();
        let mut at = &command;
        for name in path {
            at = at.find_subcommand(name).unwrap();
        }
        option_hint(typed, at)
    }

    fn option(long: &str) -> Option<Hint> {
        Some(Hint::Option(long.to_string()))
    }

    #[test]
    fn french_words_mean_the_options_of_the_command() {
        assert_eq!(hint(&["status"], "--axe"), option("--axis"));
        assert_eq!(hint(&["log"], "--axe"), option("--action"));
        assert_eq!(hint(&["status"], "--Partenaires"), option("--partner"));
        assert_eq!(hint(&["set"], "--partenaire"), option("--partners"));
        assert_eq!(hint(&["record"], "--statut=réalisée"), option("--status"));
        assert_eq!(
            hint(&["record"], "--fiche"),
            Some(Hint::Sheet("<ID>".into()))
        );
        assert_eq!(
            hint(&["add", "milestone"], "--fiche"),
            Some(Hint::Sheet("<SHEET>".into()))
        );
        assert_eq!(hint(&["add", "partner"], "--fiche"), None);
    }

    #[test]
    fn only_close_names_are_suggested() {
        assert_eq!(hint(&["record"], "--dry_run"), option("--dry-run"));
        assert_eq!(hint(&["record"], "--diff"), option("--difficulties"));
        assert_eq!(hint(&["status"], "--stat"), option("--status"));
        assert_eq!(hint(&["status"], "--st"), None);
        assert_eq!(hint(&["status"], "--lat"), option("--late"));
        assert_eq!(hint(&["status"], "--ax"), None);
        assert_eq!(hint(&["record"], "--lnag"), option("--lang"));
        assert_eq!(hint(&["record"], "-x"), None);
    }

    #[test]
    fn every_word_means_an_option_or_a_command_of_ctg() {
        let mut command = Cli::command();
        command.build();
        let mut longs = Vec::new();
        let mut todo = vec![&command];
        while let Some(c) = todo.pop() {
            longs.extend(c.get_arguments().filter_map(Arg::get_long));
            todo.extend(c.get_subcommands());
        }
        for (word, means) in OPTION_WORDS {
            assert_eq!(ctg::input::fold(word), *word);
            for m in *means {
                if let Long(long) = m {
                    assert!(longs.contains(long), "{word}: no option --{long}");
                }
            }
        }
        for (word, name) in COMMAND_WORDS {
            assert_eq!(ctg::input::fold(word), *word);
            assert!(command.find_subcommand(name).is_some(), "{word}: no {name}");
        }
    }
}

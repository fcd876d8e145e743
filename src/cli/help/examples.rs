//! One example per command, in English and French: the end of its `--help`
//! and the EXAMPLES section of its man page.

use ctg::i18n::Lang;

/// An example: the command line, and what it does in English and French.
pub(in crate::cli) struct Example {
    /// The command line, the same in both languages.
    pub line: &'static str,
    /// What it does, in English.
    pub en: &'static str,
    /// What it does, in French.
    pub fr: &'static str,
}

impl Example {
    /// What it does, in `lang`.
    pub(in crate::cli) fn told(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

/// The example of the command at `path` (`""` for ctg, `add milestone`).
pub(in crate::cli) fn example(path: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|(p, _)| *p == path).map(|(_, e)| e)
}

/// The `after_help` of the command at `path`: its example, in `lang`.
pub(super) fn after_help(path: &str, lang: Lang) -> Option<String> {
    let e = example(path)?;
    let title = lang.pick("Example:", "Exemple\u{a0}:");
    Some(format!("{title}\n  # {}\n  {}", e.told(lang), e.line))
}

const fn ex(line: &'static str, en: &'static str, fr: &'static str) -> Example {
    Example { line, en, fr }
}

/// The examples, by command path.
const EXAMPLES: &[(&str, Example)] = &[
    (
        "",
        ex(
            "ctg status --late",
            "The sheets that are late, from the plan found here",
            "Les fiches en retard, dans le plan trouvé ici",
        ),
    ),
    (
        "validate",
        ex(
            "ctg validate --strict",
            "Check the plan; warnings fail too (exit 1)",
            "Vérifier le plan\u{a0}; les avertissements échouent aussi (code 1)",
        ),
    ),
    (
        "status",
        ex(
            "ctg status --axis 2 --status \"en cours\"",
            "The sheets of axis 2 that are in progress",
            "Les fiches de l'axe 2 qui sont en cours",
        ),
    ),
    (
        "budget",
        ex(
            "ctg budget --by funder --year 2025",
            "What each funder planned and spent in 2025",
            "Ce que chaque financeur a prévu et dépensé en 2025",
        ),
    ),
    (
        "show",
        ex(
            "ctg show 2.1.1",
            "Action sheet 2.1.1 in full, with its journal",
            "La fiche action 2.1.1 en entier, avec son journal",
        ),
    ),
    (
        "record",
        ex(
            "ctg record 2.1.1 --status \"en cours\" --progress 40 --note \"Comité réuni\"",
            "Record today's progress on sheet 2.1.1",
            "Enregistrer l'avancement du jour sur la fiche 2.1.1",
        ),
    ),
    (
        "log",
        ex(
            "ctg log --from 2025 --action 2",
            "The journal entries of axis 2 since 1 January 2025",
            "Les suivis de l'axe 2 depuis le 1er janvier 2025",
        ),
    ),
    (
        "summary",
        ex(
            "ctg summary --by axis --output synthese.xlsx",
            "The yearly summary by axis, as an Excel workbook",
            "La synthèse annuelle par axe, en classeur Excel",
        ),
    ),
    (
        "report",
        ex(
            "ctg report 2025 --output bilan-2025.html",
            "The 2025 annual review as one HTML page",
            "Le bilan annuel 2025 en une page HTML",
        ),
    ),
    (
        "timeline",
        ex(
            "ctg timeline --output calendrier.svg",
            "The schedules and milestones as an SVG chart",
            "Les calendriers et les jalons en graphique SVG",
        ),
    ),
    (
        "evaluation",
        ex(
            "ctg evaluation --output evaluation.md",
            "The final assessment as a Markdown document",
            "L'évaluation finale en document Markdown",
        ),
    ),
    (
        "renew",
        ex(
            "ctg renew --from 2027 --to 2031 ../ctg-2027",
            "Draft the next convention into a new folder",
            "Préparer la convention suivante dans un nouveau dossier",
        ),
    ),
    (
        "portfolio",
        ex(
            "ctg portfolio departement/",
            "Every plan under departement/, one row each",
            "Tous les plans sous departement/, un par ligne",
        ),
    ),
    (
        "add",
        ex(
            "ctg add partner caf-gard --name \"CAF du Gard\"",
            "Add a partner to the plan",
            "Ajouter un partenaire au plan",
        ),
    ),
    (
        "add partner",
        ex(
            "ctg add partner caf-gard --name \"CAF du Gard\"",
            "Add a partner to the plan",
            "Ajouter un partenaire au plan",
        ),
    ),
    (
        "add milestone",
        ex(
            "ctg add milestone 2.1.1 --id ouverture --title \"Ouverture du lieu\" --due 2026-09-01",
            "Add a milestone to sheet 2.1.1",
            "Ajouter un jalon à la fiche 2.1.1",
        ),
    ),
    (
        "add indicator",
        ex(
            "ctg add indicator 2.1.1 --id places --label \"Places créées\" --unit places --kind result --direction up --target 2027=12",
            "Add an indicator with its target to sheet 2.1.1",
            "Ajouter un indicateur et sa cible à la fiche 2.1.1",
        ),
    ),
    (
        "serve",
        ex(
            "ctg serve",
            "The plan in a browser at http://127.0.0.1:8724/",
            "Le plan dans un navigateur à l'adresse http://127.0.0.1:8724/",
        ),
    ),
    (
        "collect",
        ex(
            "ctg collect collecte-2025 --due 15/01/2026",
            "One workbook per partner, to send back by 15 January",
            "Un classeur par partenaire, à renvoyer avant le 15 janvier",
        ),
    ),
    (
        "import",
        ex(
            "ctg import collecte-2025/collecte-2025-caf-gard.ods --dry-run",
            "See what the CAF's filled workbook would add",
            "Voir ce qu'ajouterait le classeur rempli par la CAF",
        ),
    ),
    (
        "add budget",
        ex(
            "ctg add budget 2.1.1 --id caf-psu --funder caf-gard --nature operating --scheme \"Prestation de service unique\" --planned 2025=12000 --planned 2026=15000.50",
            "Plan the CAF's operating grant of sheet 2.1.1",
            "Prévoir la subvention de fonctionnement de la CAF sur la fiche 2.1.1",
        ),
    ),
    (
        "set",
        ex(
            "ctg set 2.1.2 --lead ccvl --schedule 2025-2026",
            "Change the lead and schedule of sheet 2.1.2",
            "Changer le pilote et le calendrier de la fiche 2.1.2",
        ),
    ),
    (
        "init",
        ex(
            "ctg init ctg-uzege --name \"CTG de l'Uzège\" --territory \"Pays d'Uzès\"",
            "Start a new plan in the folder ctg-uzege",
            "Commencer un nouveau plan dans le dossier ctg-uzege",
        ),
    ),
    (
        "schema",
        ex(
            "ctg schema --output schema",
            "Write the five JSON Schemas for an editor",
            "Écrire les cinq schémas JSON pour un éditeur",
        ),
    ),
    (
        "completions",
        ex(
            "ctg completions bash > ~/.local/share/bash-completion/completions/ctg",
            "Install the completion of bash",
            "Installer la complétion de bash",
        ),
    ),
    (
        "man",
        ex(
            "ctg man --output ~/.local/share/man/man1",
            "Install one man page per command",
            "Installer une page de manuel par commande",
        ),
    ),
];

#[cfg(test)]
mod tests {
    use super::example;
    use crate::cli::args::Cli;
    use clap::CommandFactory;

    /// Every visible command has its example, and each example parses.
    #[test]
    fn every_command_has_an_example_that_parses() {
        fn walk(command: &clap::Command, path: &str, paths: &mut Vec<String>) {
            paths.push(path.to_string());
            for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
                let name = sub.get_name();
                let next = match path {
                    "" => name.to_string(),
                    p => format!("{p} {name}"),
                };
                walk(sub, &next, paths);
            }
        }
        let mut paths = Vec::new();
        walk(&Cli::command(), "", &mut paths);
        for path in paths {
            let e = example(&path).unwrap_or_else(|| panic!("no example for `{path}`"));
            let words = shell_words(e.line);
            if let Err(error) = Cli::command().try_get_matches_from(&words) {
                panic!("`{}`: {error}", e.line);
            }
        }
    }

    /// The words of a command line with double quotes, up to a `>`.
    fn shell_words(line: &str) -> Vec<String> {
        let mut words = Vec::new();
        let mut word = String::new();
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ' ' if !quoted => {
                    if !word.is_empty() {
                        words.push(std::mem::take(&mut word));
                    }
                }
                '>' if !quoted => break,
                c => word.push(c),
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        words
    }
}

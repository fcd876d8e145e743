//! The French texts of help, by `command path:argument id`.

/// The French about of the command at `path` (`""` for ctg, `add milestone`).
pub(super) fn about_text(path: &str) -> Option<&'static str> {
    entry(FRENCH, &format!("{path}:about")).map(|i| FRENCH[i].1)
}

/// The French help of the argument `id` of the command at `path`.
pub(super) fn arg_text(path: &str, id: &str) -> Option<&'static str> {
    arg_entry(FRENCH, path, id).map(|i| FRENCH[i].1)
}

/// Where `table` holds the help of argument `id` of the command at `path`:
/// its own text (`record:note`), else the one every command shares (`:format`).
fn arg_entry(table: &[(&str, &str)], path: &str, id: &str) -> Option<usize> {
    entry(table, &format!("{path}:{id}")).or_else(|| entry(table, &format!(":{id}")))
}

/// The French help of a possible value, by its English help (without a
/// final period).
pub(super) fn value_text(english: &str) -> Option<&'static str> {
    let english = english.trim_end_matches('.');
    VALUES.iter().find(|(e, _)| *e == english).map(|(_, f)| *f)
}

/// [`value_text`], or `text` itself when it is already one of the French
/// texts (a value parser that describes its values in the help's language,
/// as `--table`'s does).
pub(super) fn value_text_or_french(text: &str) -> Option<&'static str> {
    let text = text.trim_end_matches('.');
    value_text(text).or_else(|| VALUES.iter().find(|(_, f)| *f == text).map(|(_, f)| *f))
}

/// The French help of the possible values, by their English help.
const VALUES: &[(&str, &str)] = &[
    ("Tables for the terminal", "Des tableaux pour le terminal"),
    ("For the terminal", "Pour le terminal"),
    ("A Markdown document", "Un document Markdown"),
    (
        "A text chart in a Markdown code block",
        "Un graphique texte dans un bloc de code Markdown",
    ),
    ("One self-contained HTML page", "Une page HTML autonome"),
    (
        "A Gantt chart in a self-contained HTML page",
        "Un diagramme de Gantt dans une page HTML autonome",
    ),
    (
        "A Gantt chart as an SVG file",
        "Un diagramme de Gantt en fichier SVG",
    ),
    (
        "An Excel workbook, one worksheet per table (needs --output)",
        "Un classeur Excel, une feuille par tableau (demande --output)",
    ),
    (
        "CSV (French: `;`, BOM, decimal comma); report and evaluation write one file per table into --output DIR, or --table NAME to stdout",
        "CSV (à la française\u{a0}: `;`, BOM, virgule décimale)\u{a0}; report et evaluation écrivent un fichier par tableau dans --output DOSSIER, ou --table NOM sur la sortie standard",
    ),
    ("JSON with a version", "JSON avec une version"),
    (
        "One JSON document, for editors and CI",
        "Un document JSON, pour les éditeurs et l'intégration continue",
    ),
    ("rustc-style messages", "Des messages à la manière de rustc"),
    (
        "On a terminal, unless NO_COLOR is set",
        "Sur un terminal, sauf si NO_COLOR est défini",
    ),
    ("Always", "Toujours"),
    ("Never", "Jamais"),
    ("One block per axis", "Un bloc par axe"),
    ("One block per objective", "Un bloc par objectif"),
    ("One block per funder", "Un bloc par financeur"),
    (
        "OpenDocument (LibreOffice, and Excel)",
        "OpenDocument (LibreOffice, et Excel)",
    ),
    ("Excel", "Excel"),
    (
        "Operating, then investment",
        "Le fonctionnement, puis l'investissement",
    ),
    (
        "One block per field of intervention",
        "Un bloc par champ d'intervention",
    ),
    ("Synthesis by axis", "La synthèse par axe"),
    ("Detail by sheet", "Le détail par fiche"),
    ("Indicators", "Les indicateurs"),
    ("Milestones", "Les jalons"),
    (
        "Funding: planned and spent by line, funder and nature",
        "Les financements\u{a0}: le prévu et le dépensé par ligne, financeur et nature",
    ),
    (
        "Means: planned and spent over the period by axis, funder and nature",
        "Les moyens\u{a0}: le prévu et le dépensé sur la période par axe, financeur et nature",
    ),
    (
        "Outcome by axis and objective",
        "Le résultat par axe et objectif",
    ),
    ("Outcome by action sheet", "Le résultat par fiche action"),
    (
        "Indicators against their last target",
        "Les indicateurs face à leur dernière cible",
    ),
    (
        "The yearly summary of the period",
        "La synthèse annuelle de la période",
    ),
    ("Points of attention", "Les points d'attention"),
    ("Every sheet", "Toutes les fiches"),
    ("No sheet", "Aucune fiche"),
    (
        "Sheets neither done nor abandoned at the end of the current period",
        "Les fiches ni réalisées ni abandonnées à la fin de la période en cours",
    ),
];

/// The first entry of `table` under `key`.
fn entry(table: &[(&str, &str)], key: &str) -> Option<usize> {
    table.iter().position(|(k, _)| *k == key)
}

/// French help texts, by `command path:argument id` (`:id` for every command
/// without its own); `path:about` is a command's about.
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
        "serve:about",
        "Le plan dans un navigateur, en lecture seule, depuis les mêmes fichiers (127.0.0.1 seulement)",
    ),
    (
        "serve:port",
        "Le port sur 127.0.0.1 (0 : n'importe lequel de libre, affiché)",
    ),
    (
        "serve:dirs",
        "Plusieurs plans côte à côte, lus comme par `portfolio` [par défaut : le plan]",
    ),
    (
        "serve:open",
        "Ouvrir le tableau de bord dans le navigateur par défaut",
    ),
    (
        "serve:write",
        "Un formulaire sur la page de chaque fiche enregistre un suivi, comme `ctg record`",
    ),
    (
        "collect:about",
        "Écrire à chaque partenaire un classeur à remplir (ce que ctg sait, et les cellules à remplir)",
    ),
    (
        "collect:dir",
        "Le dossier qui reçoit un classeur par partenaire (créé s'il manque)",
    ),
    (
        "collect:partner",
        "Seulement ce partenaire (répétable) [par défaut : chaque partenaire d'une fiche ni réalisée ni abandonnée]",
    ),
    (
        "collect:year",
        "L'année collectée [par défaut : celle de la date d'arrêté, dans la période]",
    ),
    (
        "collect:due",
        "La date de retour attendue, AAAA-MM-JJ ou JJ/MM/AAAA",
    ),
    ("collect:format", "Le format du classeur"),
    (
        "import:about",
        "Rapporter les classeurs remplis : leurs lignes deviennent des suivis",
    ),
    (
        "import:files",
        "Les classeurs remplis (.ods, .xlsx) ou une de leurs feuilles enregistrée en CSV",
    ),
    (
        "import:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher les changements ligne à ligne\u{a0}; ne rien écrire",
    ),
    (
        "import:commit",
        "Enregistrer aussi (commit) les fiches modifiées dans git, en un seul commit",
    ),
    (
        "budget:about",
        "Les euros prévus et dépensés par ligne budgétaire, année, financeur et nature",
    ),
    ("budget:axis", "Seulement cet axe"),
    ("budget:objective", "Seulement cet objectif"),
    (
        "budget:field",
        "Seulement les fiches de ce champ d'intervention",
    ),
    (
        "budget:partner",
        "Seulement les fiches que ce partenaire pilote ou auxquelles il participe",
    ),
    (
        "budget:status",
        "Seulement les fiches à ce statut (répétable\u{a0}; en français ou en anglais)",
    ),
    ("budget:late", "Seulement les fiches en retard"),
    ("budget:stale", "Seulement les fiches sans suivi"),
    (
        "budget:funder",
        "Seulement les lignes que ce partenaire finance",
    ),
    ("budget:year", "Une année au lieu de toute la période"),
    ("budget:by", "Un bloc par financeur, nature, axe ou champ"),
    (
        "show:about",
        "Un axe, un objectif, une fiche action, un champ ou un partenaire en entier\u{a0}; `show tracks` liste toutes les pistes",
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
        "Nouveau statut, en français ou en anglais (en cours, réalisée…)",
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
    (
        "record:spent",
        "Des euros dépensés sur une ligne budgétaire, par exemple caf-psu=15000,50 (virgule décimale et espaces entre milliers acceptés)\u{a0}; négatif pour corriger (répétable)",
    ),
    ("record:by", "Qui enregistre"),
    (
        "record:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher les changements ligne à ligne\u{a0}; ne rien écrire",
    ),
    (
        "record:commit",
        "Enregistrer aussi (commit) le fichier de la fiche dans git (ce fichier seulement)",
    ),
    (
        "record:amend",
        "Remplacer le dernier suivi de la fiche (le dernier du fichier) par celui-ci",
    ),
    (
        "add:about",
        "Ajouter un partenaire, ou un jalon, un indicateur ou une ligne budgétaire à une fiche action",
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
        "add budget:about",
        "Ajouter une ligne budgétaire (qui finance quoi, combien chaque année) à une fiche action",
    ),
    ("add budget:sheet", "La fiche action (par exemple 2.1.1)"),
    (
        "add budget:id",
        "L'identifiant de la ligne, en minuscules et tirets (par exemple caf-psu)",
    ),
    (
        "add budget:funder",
        "Le financeur, un identifiant de partenaire",
    ),
    (
        "add budget:nature",
        "operating ou investment (fonctionnement, investissement)",
    ),
    (
        "add budget:scheme",
        "Le dispositif du financeur, par exemple «\u{a0}Prestation de service unique\u{a0}»",
    ),
    (
        "add budget:planned",
        "Les euros prévus pour une année, ANNÉE=MONTANT, par exemple 2025=15000.50 (répétable)",
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
        "Tout vérifier (git aussi avec --commit) et afficher les changements ligne à ligne\u{a0}; ne rien écrire",
    ),
    (
        "add partner:commit",
        "Enregistrer aussi (commit) le fichier modifié dans git (ce fichier seulement)",
    ),
    (
        "add milestone:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher les changements ligne à ligne\u{a0}; ne rien écrire",
    ),
    (
        "add milestone:commit",
        "Enregistrer aussi (commit) le fichier modifié dans git (ce fichier seulement)",
    ),
    (
        "add indicator:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher les changements ligne à ligne\u{a0}; ne rien écrire",
    ),
    (
        "add indicator:commit",
        "Enregistrer aussi (commit) le fichier modifié dans git (ce fichier seulement)",
    ),
    (
        "add budget:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher les changements ligne à ligne\u{a0}; ne rien écrire",
    ),
    (
        "add budget:commit",
        "Enregistrer aussi (commit) le fichier modifié dans git (ce fichier seulement)",
    ),
    (
        "set:dry_run",
        "Tout vérifier (git aussi avec --commit) et afficher les changements ligne à ligne\u{a0}; ne rien écrire",
    ),
    (
        "set:commit",
        "Enregistrer aussi (commit) le fichier modifié dans git (ce fichier seulement)",
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
        "Ce seul tableau, en CSV (à l'écran, ou dans --output FICHIER)\u{a0}; son nom en français ou en anglais",
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
        "Ce seul tableau, en CSV (à l'écran, ou dans --output FICHIER)\u{a0}; son nom en français ou en anglais",
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
    use crate::cli::args::Cli;
    use clap::{Command, CommandFactory};

    /// What the translation looks up in `table` for `command` (at `path`) and
    /// every command under it: the entries it finds are marked in `used`,
    /// the keys it does not find go to `missing`.
    fn look_up(
        table: &[(&str, &str)],
        command: &Command,
        path: &mut Vec<String>,
        used: &mut [bool],
        missing: &mut Vec<String>,
    ) {
        let key = path.join(" ");
        match entry(table, &format!("{key}:about")) {
            Some(i) => used[i] = true,
            None => missing.push(format!("{key}:about")),
        }
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            match arg_entry(table, &key, id) {
                Some(i) => used[i] = true,
                None => missing.push(format!("{key}:{id}")),
            }
        }
        for sub in command.get_subcommands() {
            path.push(sub.get_name().to_string());
            look_up(table, sub, path, used, missing);
            path.pop();
        }
    }

    /// The keys of `table` the command tree lacks, and those it never reads
    /// (a command or argument renamed or removed, a key given twice, a
    /// shared `:id` every command overrides).
    fn check(table: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
        let mut used = vec![false; table.len()];
        let mut missing = Vec::new();
        look_up(
            table,
            &Cli::command(),
            &mut Vec::new(),
            &mut used,
            &mut missing,
        );
        let stale = table
            .iter()
            .zip(used)
            .filter(|(_, used)| !used)
            .map(|((key, _), _)| key.to_string())
            .collect();
        (missing, stale)
    }

    #[test]
    fn every_command_and_option_has_french_help() {
        let (missing, _) = check(FRENCH);
        assert!(missing.is_empty(), "no French help for {missing:?}");
    }

    #[test]
    fn every_french_text_is_read_by_the_command_tree() {
        let (_, stale) = check(FRENCH);
        assert!(stale.is_empty(), "French help for nothing: {stale:?}");
    }

    #[test]
    fn a_stale_or_repeated_key_is_found() {
        let mut table = FRENCH.to_vec();
        table.push(("record:comment", "Un commentaire"));
        table.push(("record:note", "Ce qui a été fait, encore"));
        table.push(("rapport:about", "Le bilan"));
        let (missing, stale) = check(&table);
        assert!(missing.is_empty(), "{missing:?}");
        assert_eq!(stale, ["record:comment", "record:note", "rapport:about"]);
    }
}

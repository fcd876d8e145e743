//! The schema of each file kind, key by key in the spec's order.

use super::Examples;
use super::parts::*;
use schemars::{Schema, json_schema};

/// `convention.yaml`.
pub(super) fn convention(ids: &Examples) -> Schema {
    let field = object(
        &["id", "label"],
        vec![
            (
                "id",
                slug(
                    "The field's id, a slug.",
                    "L'identifiant du champ, en minuscules.",
                ),
            ),
            ("label", text("Its label.", "Son libellé.")),
        ],
        "A field of intervention.",
        "Un champ d'intervention.",
    );
    let coordinator = object(
        &[],
        vec![
            ("name", text("Name.", "Nom.")),
            ("role", text("Role.", "Fonction.")),
            ("email", text("Email.", "Courriel.")),
            ("phone", text("Phone.", "Téléphone.")),
            ("address", text("Postal address.", "Adresse postale.")),
        ],
        "How to reach the coordination.",
        "Comment joindre la coordination.",
    );
    let previous = object(
        &["name", "period"],
        vec![
            ("name", text("Its name.", "Son nom.")),
            ("period", period("Its years.", "Ses années.")),
        ],
        "The convention this one renews (written by `ctg renew`).",
        "La convention que celle-ci renouvelle (écrit par `ctg renew`).",
    );
    let root = object(
        &["name", "territory", "signatories", "period", "fields"],
        vec![
            (
                "name",
                text(
                    "The convention's full name.",
                    "Le nom complet de la convention.",
                ),
            ),
            (
                "territory",
                text("The territory it covers.", "Le territoire qu'elle couvre."),
            ),
            (
                "signatories",
                offering(
                    slugs(
                        "Partner ids of the signatories.",
                        "Identifiants des partenaires signataires.",
                    ),
                    &ids.partners,
                ),
            ),
            (
                "signed",
                date(
                    "Date of signature, YYYY-MM-DD.",
                    "Date de signature, AAAA-MM-JJ.",
                ),
            ),
            (
                "period",
                period(
                    "The convention's years, inclusive.",
                    "Les années de la convention, incluses.",
                ),
            ),
            (
                "language",
                one_of(
                    &["fr", "en"],
                    "Default output language.",
                    "Langue de sortie par défaut.",
                ),
            ),
            (
                "fields",
                list(
                    field,
                    "The fields of intervention; they live here only.",
                    "Les champs d'intervention\u{a0}; ils ne sont définis qu'ici.",
                ),
            ),
            ("coordinator", coordinator),
            (
                "stale_after_months",
                described(
                    json_schema!({"type": "integer", "minimum": 0}),
                    "Months without a journal entry after which a sheet is stale (default 6).",
                    "Mois sans suivi au-delà desquels une fiche est en sommeil (6 par défaut).",
                ),
            ),
            ("previous", previous),
            (
                "siren",
                described(
                    json_schema!({"type": ["integer", "string"], "pattern": "^[0-9]{9}$", "minimum": 0, "maximum": 999999999}),
                    "The intercommunality's SIREN: nine digits with a right check key (e.g. 243000296).",
                    "Le SIREN de l'intercommunalité\u{a0}: neuf chiffres avec une clé juste (par exemple 243000296).",
                ),
            ),
            (
                "communes",
                list(
                    json_schema!({"type": "string", "pattern": "^([0-9]{5}|2[AB][0-9]{3})$"}),
                    "The INSEE codes of the communes covered (30321, 2A004), quoted.",
                    "Les codes INSEE des communes couvertes (30321, 2A004), entre guillemets.",
                ),
            ),
        ],
        "The convention: name, territory, signatories, dates, period, language, fields, coordinator.",
        "La convention\u{a0}: nom, territoire, signataires, dates, période, langue, champs, coordination.",
    );
    document("convention.yaml (ctg)", root)
}

/// `partners.yaml`.
pub(super) fn partners() -> Schema {
    let partner = object(
        &["id", "name", "kind"],
        vec![
            (
                "id",
                slug(
                    "The partner's id, a slug (e.g. caf-gard).",
                    "L'identifiant du partenaire, en minuscules (par exemple caf-gard).",
                ),
            ),
            ("name", text("Its full name.", "Son nom complet.")),
            (
                "kind",
                one_of(
                    &partner_kinds(),
                    "What kind of body.",
                    "Quel type d'organisme.",
                ),
            ),
            (
                "contact",
                text("Contact, free text.", "Contact, texte libre."),
            ),
        ],
        "A partner: one body, one line of the brochure.",
        "Un partenaire\u{a0}: un organisme, une ligne de la brochure.",
    );
    document(
        "partners.yaml (ctg)",
        list(
            partner,
            "Every partner of the convention.",
            "Tous les partenaires de la convention.",
        ),
    )
}

/// `axes.yaml`.
pub(super) fn axes() -> Schema {
    let objective = object(
        &["id", "title"],
        vec![
            (
                "id",
                dotted(
                    2,
                    "The objective's id: its axis id plus .N (e.g. 1.2).",
                    "L'identifiant de l'objectif\u{a0}: celui de son axe plus .N (par exemple 1.2).",
                ),
            ),
            ("title", text("Its title.", "Son intitulé.")),
        ],
        "A strategic objective.",
        "Un objectif stratégique.",
    );
    let axis = object(
        &["id", "title"],
        vec![
            (
                "id",
                dotted(
                    1,
                    "The axis id: 1, 2, …",
                    "L'identifiant de l'axe\u{a0}: 1, 2, …",
                ),
            ),
            ("title", text("Its title.", "Son intitulé.")),
            (
                "objectives",
                list(
                    objective,
                    "Its strategic objectives.",
                    "Ses objectifs stratégiques.",
                ),
            ),
        ],
        "A strategic axis.",
        "Un axe stratégique.",
    );
    document(
        "axes.yaml (ctg)",
        list(
            axis,
            "The strategic axes, each with its objectives.",
            "Les axes stratégiques, chacun avec ses objectifs.",
        ),
    )
}

/// `tracks.yaml`.
pub(super) fn tracks(ids: &Examples) -> Schema {
    let track = object(
        &["id", "field", "title"],
        vec![
            (
                "id",
                slug(
                    "The track's id: <field>-<short-name>.",
                    "L'identifiant de la piste\u{a0}: <champ>-<nom-court>.",
                ),
            ),
            (
                "field",
                offering(
                    slug(
                        "The field of intervention it belongs to.",
                        "Le champ d'intervention auquel elle appartient.",
                    ),
                    &ids.fields,
                ),
            ),
            ("title", text("Its title.", "Son intitulé.")),
        ],
        "An action track (piste d'action).",
        "Une piste d'action.",
    );
    document(
        "tracks.yaml (ctg)",
        list(
            track,
            "The action tracks, each in one field.",
            "Les pistes d'action, chacune dans un champ.",
        ),
    )
}

/// `actions/ID.yaml`.
pub(super) fn sheet(ids: &Examples) -> Schema {
    let root = object(
        &["id", "title", "fields", "schedule"],
        vec![
            (
                "id",
                dotted(
                    3,
                    "The sheet's id: its objective id plus .N (e.g. 2.1.1).",
                    "L'identifiant de la fiche\u{a0}: celui de son objectif plus .N (par exemple 2.1.1).",
                ),
            ),
            ("title", text("Its title.", "Son intitulé.")),
            (
                "fields",
                offering(
                    at_least_one(slugs(
                        "Field ids, at least one.",
                        "Identifiants des champs, au moins un.",
                    )),
                    &ids.fields,
                ),
            ),
            (
                "lead",
                offering(
                    slug("The lead partner (pilote).", "Le partenaire pilote."),
                    &ids.partners,
                ),
            ),
            ("carried_from", carried_from()),
            (
                "partners",
                offering(
                    slugs("Partner ids.", "Identifiants des partenaires."),
                    &ids.partners,
                ),
            ),
            (
                "tracks",
                offering(
                    slugs(
                        "The tracks it carries out.",
                        "Les pistes qu'elle met en œuvre.",
                    ),
                    &ids.tracks,
                ),
            ),
            (
                "audience",
                texts("Target audiences (publics cibles).", "Publics cibles."),
            ),
            ("description", text("Description.", "Description.")),
            (
                "goals",
                texts("Operational goals.", "Objectifs opérationnels."),
            ),
            (
                "schedule",
                period(
                    "The years it runs, within the convention period.",
                    "Les années où elle se déroule, dans la période de la convention.",
                ),
            ),
            (
                "recurring",
                described(
                    json_schema!({"type": "boolean"}),
                    "Recurring (descriptive only).",
                    "Récurrente (descriptif seulement).",
                ),
            ),
            (
                "indicators",
                list(indicator(), "Indicators.", "Indicateurs."),
            ),
            (
                "milestones",
                list(
                    milestone(),
                    "Planned steps (jalons).",
                    "Étapes prévues (jalons).",
                ),
            ),
            (
                "budget",
                list(
                    budget_line(),
                    "Planned funding, one line per funder and purpose.",
                    "Le financement prévu, une ligne par financeur et objet.",
                ),
            ),
            (
                "journal",
                list(
                    entry(),
                    "Dated progress records, appended by `ctg record`.",
                    "Suivis datés, ajoutés par `ctg record`.",
                ),
            ),
        ],
        "An action sheet (fiche action).",
        "Une fiche action.",
    );
    document("actions/ID.yaml (ctg)", root)
}

fn budget_line() -> Schema {
    let amounts = described(
        json_schema!({
            "type": "object",
            "propertyNames": {"pattern": "^[0-9]{4}$"},
            "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1e12},
        }),
        "Euros planned by year: {2025: 15000.50}.",
        "Euros prévus par année\u{a0}: {2025: 15000.50}.",
    );
    object(
        &["id", "funder", "nature"],
        vec![
            (
                "id",
                slug(
                    "The line's id, unique in the sheet; journal entries' `spent` name it.",
                    "L'identifiant de la ligne, unique dans la fiche\u{a0}; les `spent` des suivis le citent.",
                ),
            ),
            (
                "funder",
                slug(
                    "The funder, a partner id.",
                    "Le financeur, un identifiant de partenaire.",
                ),
            ),
            (
                "nature",
                one_of(
                    &[
                        "operating",
                        "investment",
                        "fonctionnement",
                        "investissement",
                    ],
                    "Operating or investment.",
                    "Fonctionnement ou investissement.",
                ),
            ),
            (
                "scheme",
                text(
                    "The funder's scheme (dispositif).",
                    "Le dispositif du financeur.",
                ),
            ),
            ("planned", amounts),
        ],
        "A planned funding line.",
        "Une ligne de financement prévue.",
    )
}

fn carried_from() -> Schema {
    let span = json_schema!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{4}$"});
    let by_years = period("Its years.", "Ses années.");
    object(
        &["period", "id"],
        vec![
            (
                "period",
                described(
                    json_schema!({"anyOf": [span, by_years]}),
                    "The period of the convention it came from (2022-2026).",
                    "La période de la convention d'origine (2022-2026).",
                ),
            ),
            ("id", dotted(3, "Its id there.", "Son identifiant d'alors.")),
        ],
        "The sheet of the previous convention this one carries on (set by `ctg renew`).",
        "La fiche de la convention précédente que celle-ci poursuit (écrit par `ctg renew`).",
    )
}

fn indicator() -> Schema {
    let baseline = object(
        &["year", "value"],
        vec![
            ("year", year("Year measured.", "Année de la mesure.")),
            ("value", number("Value.", "Valeur.")),
        ],
        "The starting value.",
        "La valeur de départ.",
    );
    object(
        &["id", "label"],
        vec![
            (
                "id",
                slug(
                    "The indicator's id, a slug.",
                    "L'identifiant de l'indicateur, en minuscules.",
                ),
            ),
            ("label", text("Its label.", "Son libellé.")),
            (
                "unit",
                text(
                    "Its unit (places, %, families…).",
                    "Son unité (places, %, familles…).",
                ),
            ),
            (
                "kind",
                one_of(
                    &["result", "means"],
                    "Result (an outcome) or means (an effort).",
                    "Résultat ou moyens (activité).",
                ),
            ),
            (
                "direction",
                one_of(
                    &["up", "down", "steady"],
                    "Which way is better (default up).",
                    "Le sens souhaité (up par défaut).",
                ),
            ),
            ("baseline", baseline),
            (
                "targets",
                numbers_by(
                    "^[0-9]{4}$",
                    "Target per year: {2025: 52}.",
                    "Cible par année\u{a0}: {2025: 52}.",
                ),
            ),
        ],
        "An indicator.",
        "Un indicateur.",
    )
}

fn milestone() -> Schema {
    object(
        &["id", "title"],
        vec![
            (
                "id",
                slug(
                    "The milestone's id, a slug.",
                    "L'identifiant du jalon, en minuscules.",
                ),
            ),
            ("title", text("Its title.", "Son intitulé.")),
            (
                "due",
                date("Due date, YYYY-MM-DD.", "Échéance, AAAA-MM-JJ."),
            ),
        ],
        "A planned step (jalon).",
        "Une étape prévue (jalon).",
    )
}

fn entry() -> Schema {
    let progress = described(
        json_schema!({"type": "number", "minimum": 0, "maximum": 100}),
        "Progress, 0 to 100.",
        "Avancement, de 0 à 100.",
    );
    object(
        &["date"],
        vec![
            (
                "date",
                date(
                    "Date of the entry, YYYY-MM-DD.",
                    "Date du suivi, AAAA-MM-JJ.",
                ),
            ),
            (
                "status",
                status(
                    "New status, in English or French, in any case, with or without accents (planned, in-progress, paused, blocked, postponed, done, abandoned; à venir, en cours, en pause, bloquée, reportée, réalisée, abandonnée).",
                    "Nouveau statut, en anglais ou en français, en majuscules ou minuscules, avec ou sans accents (planned, in-progress, paused, blocked, postponed, done, abandoned\u{a0}; à venir, en cours, en pause, bloquée, reportée, réalisée, abandonnée).",
                ),
            ),
            ("progress", progress),
            ("note", text("What was done.", "Ce qui a été fait.")),
            (
                "difficulties",
                text("Difficulties met.", "Difficultés rencontrées."),
            ),
            ("next", text("Next steps.", "Prochaines étapes.")),
            (
                "decision",
                text(
                    "A decision asked of the steering committee.",
                    "Une décision demandée au comité de pilotage.",
                ),
            ),
            ("reached", slugs("Milestones reached.", "Jalons atteints.")),
            (
                "measures",
                numbers_by(
                    SLUG,
                    "Indicator values: {places-eaje: 44}.",
                    "Valeurs des indicateurs\u{a0}: {places-eaje: 44}.",
                ),
            ),
            (
                "spent",
                numbers_by(
                    SLUG,
                    "Euros spent on the sheet's budget lines, counted in the entry's year: {caf-psu: 8000}; negative to correct.",
                    "Euros dépensés sur les lignes budgétaires de la fiche, comptés dans l'année du suivi\u{a0}: {caf-psu: 8000}\u{a0}; négatif pour corriger.",
                ),
            ),
            ("by", text("Who recorded it.", "Qui l'a saisi.")),
        ],
        "A dated journal entry.",
        "Un suivi daté.",
    )
}

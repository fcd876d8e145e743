//! The message and hint of every problem, in English and French, side by side.

use super::details::{not_utf8, syntax_texts, too_deep, too_large, too_many_aliases};
use super::{Expected, IgnoredReason, Problem};
use crate::i18n::{Lang, Text};

/// A date as tables show it: `JJ/MM/AAAA` in French, ISO in English.
fn date(d: &chrono::NaiveDate) -> Text {
    Text::new(
        crate::i18n::fmt::short_date(*d, Lang::En),
        crate::i18n::fmt::short_date(*d, Lang::Fr),
    )
}

/// Why an amount is refused, in both languages.
fn amount_why(why: super::AmountProblem) -> Text {
    use super::AmountProblem::*;
    match why {
        NotPlain => Text::new("write it as plain digits", "écrivez-le en chiffres"),
        Decimals => Text::new("more than two decimal places", "plus de deux décimales"),
        Range => Text::new(
            "beyond a thousand billion euros",
            "au-delà de mille milliards d'euros",
        ),
        Negative => Text::new(
            "a planned amount cannot be negative",
            "un montant prévu ne peut pas être négatif",
        ),
    }
}

impl Problem {
    /// Message and hint in both languages.
    pub(super) fn texts(&self) -> (Text, Option<Text>) {
        use Problem::*;
        let mean = |s: &Option<String>| {
            s.as_ref().map(|s| {
                use crate::i18n::{Lang, phrase::did_you_mean};
                Text::new(did_you_mean(s, Lang::En), did_you_mean(s, Lang::Fr))
            })
        };
        match self {
            YamlSyntax { kind } => syntax_texts(kind),
            DuplicateKey { journal_entry } => (
                Text::new(
                    "this key is given twice in the same block",
                    "cette clé apparaît deux fois dans le même bloc",
                ),
                Some(if *journal_entry {
                    Text::new(
                        "a `- ` is probably missing before this journal entry",
                        "il manque sans doute un `- ` avant ce suivi",
                    )
                } else {
                    Text::new("keep only one of the two", "n'en gardez qu'une")
                }),
            ),
            WrongType {
                key,
                expected,
                before_percent: Some(number),
            } => (
                Text::new(
                    format!("`{key}` should be {}", expected.tr().en),
                    format!("`{key}` doit être {}", expected.tr().fr),
                ),
                Some(Text::new(
                    format!("drop the `%`: `{key}: {number}` means {number}\u{a0}%"),
                    format!("retirez le `%`\u{a0}: `{key}: {number}` veut dire {number}\u{a0}%"),
                )),
            ),
            WrongType {
                key,
                expected,
                before_percent: None,
            } => {
                let (en, fr) = (expected.tr().en, expected.tr().fr);
                (
                    Text::new(
                        format!("`{key}` should be {en}"),
                        format!("`{key}` doit être {fr}"),
                    ),
                    match expected {
                        Expected::Number => Some(Text::new(
                            "write the number without quotes",
                            "écrivez le nombre sans guillemets",
                        )),
                        Expected::List => Some(Text::new(
                            "write it as a list: `[a, b]` or one `- item` per line",
                            "écrivez une liste\u{a0}: `[a, b]` ou un `- élément` par ligne",
                        )),
                        _ => None,
                    },
                )
            }
            MissingKey { key } => (
                Text::new(
                    format!("missing key `{key}`"),
                    format!("clé `{key}` manquante"),
                ),
                Some(Text::new(
                    format!("add `{key}:` here"),
                    format!("ajoutez `{key}:` ici"),
                )),
            ),
            UnknownKey { key, suggestion } => (
                Text::new(
                    format!("unknown key `{key}`"),
                    format!("clé inconnue `{key}`"),
                ),
                mean(suggestion).or(Some(Text::new(
                    "remove it or check its spelling",
                    "supprimez-la ou vérifiez son orthographe",
                ))),
            ),
            DuplicateId { id, first } => (
                Text::new(
                    format!("id `{id}` is used twice"),
                    format!("l'identifiant `{id}` est utilisé deux fois"),
                ),
                Some(Text::new(
                    format!("it is first used at {first}"),
                    format!("première utilisation\u{a0}: {first}"),
                )),
            ),
            BadId { id, expected } => (
                Text::new(
                    format!("`{id}` is not a valid id"),
                    format!("`{id}` n'est pas un identifiant valide"),
                ),
                Some(expected.hint()),
            ),
            MissingParent { id, parent } => (
                Text::new(
                    format!("`{id}` belongs to `{parent}`, which does not exist"),
                    format!("`{id}` dépend de `{parent}`, qui n'existe pas"),
                ),
                Some(Text::new(
                    format!("declare `{parent}` in axes.yaml or fix the id"),
                    format!("déclarez `{parent}` dans axes.yaml ou corrigez l'identifiant"),
                )),
            ),
            FileName { id, file } => (
                Text::new(
                    format!("file `{file}` holds sheet `{id}`"),
                    format!("le fichier `{file}` contient la fiche `{id}`"),
                ),
                Some(Text::new(
                    format!("name the file `{id}.yaml` or `{id}-something.yaml`"),
                    format!("nommez le fichier `{id}.yaml` ou `{id}-quelquechose.yaml`"),
                )),
            ),
            UnknownPartner { id, suggestion } => (
                Text::new(
                    format!("unknown partner `{id}`"),
                    format!("partenaire inconnu `{id}`"),
                ),
                mean(suggestion).or(Some(Text::new(
                    "add it to partners.yaml",
                    "ajoutez-le à partners.yaml",
                ))),
            ),
            UnknownField { id, suggestion } => (
                Text::new(
                    format!("unknown field of intervention `{id}`"),
                    format!("champ d'intervention inconnu `{id}`"),
                ),
                mean(suggestion).or(Some(Text::new(
                    "fields are listed in convention.yaml",
                    "les champs sont listés dans convention.yaml",
                ))),
            ),
            UnknownTrack { id, suggestion } => (
                Text::new(
                    format!("unknown action track `{id}`"),
                    format!("piste d'action inconnue `{id}`"),
                ),
                mean(suggestion).or(Some(Text::new(
                    "tracks are listed in tracks.yaml",
                    "les pistes sont listées dans tracks.yaml",
                ))),
            ),
            UnknownMilestone { id, suggestion } => (
                Text::new(
                    format!("unknown milestone `{id}`"),
                    format!("jalon inconnu `{id}`"),
                ),
                mean(suggestion).or(Some(Text::new(
                    "declare it under `milestones:`",
                    "déclarez-le sous `milestones:`",
                ))),
            ),
            UnknownIndicator { id, suggestion } => (
                Text::new(
                    format!("unknown indicator `{id}`"),
                    format!("indicateur inconnu `{id}`"),
                ),
                mean(suggestion).or(Some(Text::new(
                    "declare it under `indicators:`",
                    "déclarez-le sous `indicators:`",
                ))),
            ),
            BadStatus { text, suggestion } => (
                Text::new(
                    format!("unknown status `{text}`"),
                    format!("statut inconnu `{text}`"),
                ),
                mean(suggestion).or(Some(Text::same(
                    "planned, in-progress, paused, blocked, postponed, done, abandoned",
                ))),
            ),
            ProgressRange { value } => (
                Text::new(
                    format!("progress {value} is outside 0-100"),
                    format!("avancement {value} hors de 0-100"),
                ),
                Some(Text::new(
                    "give a percentage from 0 to 100",
                    "indiquez un pourcentage de 0 à 100",
                )),
            ),
            BadDate { text } => (
                Text::new(
                    format!("`{text}` is not a date"),
                    format!("`{text}` n'est pas une date"),
                ),
                Some(Text::new(
                    "write dates as YYYY-MM-DD, e.g. 2024-03-12",
                    "écrivez les dates AAAA-MM-JJ, par exemple 2024-03-12",
                )),
            ),
            Schedule {
                start,
                end,
                period: (ps, pe),
            } => (
                if start > end {
                    Text::new(
                        format!("schedule starts in {start}, after it ends in {end}"),
                        format!("le calendrier commence en {start}, après sa fin en {end}"),
                    )
                } else {
                    Text::new(
                        format!(
                            "schedule {start}-{end} is outside the convention period {ps}-{pe}"
                        ),
                        format!(
                            "le calendrier {start}-{end} sort de la période de la convention {ps}-{pe}"
                        ),
                    )
                },
                Some(Text::new(
                    format!("use years from {ps} to {pe}, start before end"),
                    format!("utilisez des années de {ps} à {pe}, début avant fin"),
                )),
            ),
            ReversedPeriod { start, end } => (
                Text::new(
                    format!("the convention period starts in {start}, after it ends in {end}"),
                    format!(
                        "la période de la convention commence en {start}, après sa fin en {end}"
                    ),
                ),
                Some(Text::new(
                    format!("write the first year as start: `{{start: {end}, end: {start}}}`"),
                    format!(
                        "indiquez la première année en start\u{a0}: `{{start: {end}, end: {start}}}`"
                    ),
                )),
            ),
            EntryOutsidePeriod {
                date: d,
                period: (ps, pe),
            } => (
                Text::new(
                    format!(
                        "entry dated {} is outside the convention period {ps}-{pe}",
                        date(d).en
                    ),
                    format!(
                        "suivi daté du {} hors de la période de la convention {ps}-{pe}",
                        date(d).fr
                    ),
                ),
                Some(Text::new(
                    "check the year of the date",
                    "vérifiez l'année de la date",
                )),
            ),
            EmptyEntry => (
                Text::new(
                    "journal entry with a date and nothing else",
                    "suivi avec une date et rien d'autre",
                ),
                Some(Text::new(
                    "add a status, progress, note, difficulties, next, decision, reached or measures",
                    "ajoutez status, progress, note, difficulties, next, decision, reached ou measures",
                )),
            ),
            NoField => (
                Text::new(
                    "the sheet names no field of intervention",
                    "la fiche ne cite aucun champ d'intervention",
                ),
                Some(Text::new(
                    "add `fields: [...]` with at least one field id",
                    "ajoutez `fields: [...]` avec au moins un champ",
                )),
            ),
            ReachedTwice { id, first } => (
                Text::new(
                    format!("milestone `{id}` is reached twice"),
                    format!("le jalon `{id}` est atteint deux fois"),
                ),
                Some(Text::new(
                    format!("it was already reached on {}", date(first).en),
                    format!("il a déjà été atteint le {}", date(first).fr),
                )),
            ),
            AbandonedNoNote => (
                Text::new(
                    "a sheet is abandoned without a note",
                    "fiche abandonnée sans note",
                ),
                Some(Text::new(
                    "say why in `note:`",
                    "expliquez pourquoi dans `note:`",
                )),
            ),
            BadNumber { text } => (
                Text::new(
                    format!("`{text}` is not a usable number"),
                    format!("`{text}` n'est pas un nombre utilisable"),
                ),
                Some(Text::new(
                    "write a number such as 12 or 3.5, at most a thousand billion (1e12) either side of zero",
                    "écrivez un nombre comme 12 ou 3.5, d'au plus mille milliards (1e12) de part et d'autre de zéro",
                )),
            ),
            DuplicateTarget { year } => (
                Text::new(
                    format!("target for {year} is given twice"),
                    format!("la cible {year} est donnée deux fois"),
                ),
                Some(Text::new(
                    "keep one target per year",
                    "gardez une cible par année",
                )),
            ),
            BadAmount { text, why } => (
                Text::new(
                    format!(
                        "`{text}` is not an amount of euros: {}",
                        amount_why(*why).en
                    ),
                    format!(
                        "`{text}` n'est pas un montant en euros\u{a0}: {}",
                        amount_why(*why).fr
                    ),
                ),
                Some(match why {
                    super::AmountProblem::Negative => Text::new(
                        "plan 0 or more; a correction of spending is a negative `spent` in a journal entry",
                        "prévoyez 0 ou plus\u{a0}; une correction des dépenses est un `spent` négatif dans un suivi",
                    ),
                    _ => Text::new(
                        "write euros with a decimal point and at most two decimals, such as 15000.50",
                        "écrivez les euros avec un point décimal et au plus deux décimales, comme 15000.50",
                    ),
                }),
            ),
            DuplicateYear { year } => (
                Text::new(
                    format!("the amount planned for {year} is given twice"),
                    format!("le montant prévu pour {year} est donné deux fois"),
                ),
                Some(Text::new(
                    "keep one amount per year (add them up if both count)",
                    "gardez un montant par année (additionnez-les si les deux comptent)",
                )),
            ),
            UnknownFunder { id, suggestion } => (
                Text::new(
                    format!("unknown funder `{id}`: it is not a partner"),
                    format!("financeur inconnu `{id}`\u{a0}: ce n'est pas un partenaire"),
                ),
                mean(suggestion).or(Some(Text::new(
                    "declare the funder in `partners.yaml` (ctg add partner)",
                    "déclarez le financeur dans `partners.yaml` (ctg add partner)",
                ))),
            ),
            UnknownBudgetLine { id, suggestion } => (
                Text::new(
                    format!("unknown budget line `{id}`"),
                    format!("ligne budgétaire inconnue `{id}`"),
                ),
                mean(suggestion).or(Some(Text::new(
                    "declare it under the sheet's `budget:` (ctg add budget)",
                    "déclarez-la sous `budget:` dans la fiche (ctg add budget)",
                ))),
            ),
            BudgetYear { year, period } => (
                Text::new(
                    format!(
                        "amount planned for {year}, outside the convention period {}-{}",
                        period.0, period.1
                    ),
                    format!(
                        "montant prévu pour {year}, hors de la période de la convention {}-{}",
                        period.0, period.1
                    ),
                ),
                Some(Text::new(
                    "plan amounts for the years of the period only",
                    "ne prévoyez des montants que pour les années de la période",
                )),
            ),
            NegativeSpent { line, year, total } => (
                Text::new(
                    format!(
                        "the spending on `{line}` in {year} falls below zero ({})",
                        total.euros(Lang::En)
                    ),
                    format!(
                        "les dépenses sur `{line}` en {year} passent sous zéro ({})",
                        total.euros(Lang::Fr)
                    ),
                ),
                Some(Text::new(
                    "a negative amount corrects what was spent in the same year: it cannot take back more",
                    "un montant négatif corrige ce qui a été dépensé la même année\u{a0}: il ne peut pas reprendre davantage",
                )),
            ),
            BadSiren { text } => (
                Text::new(
                    format!("`{text}` is not a SIREN"),
                    format!("`{text}` n'est pas un SIREN"),
                ),
                Some(Text::new(
                    "a SIREN has nine digits and a right check key; copy it from the INSEE directory (the Pays de Sommières is 243000296)",
                    "un SIREN a neuf chiffres et une clé de contrôle juste\u{a0}; recopiez-le de l'annuaire de l'INSEE (le Pays de Sommières est 243000296)",
                )),
            ),
            BadCommune { text } => (
                Text::new(
                    format!("`{text}` is not a commune's INSEE code"),
                    format!("`{text}` n'est pas le code INSEE d'une commune"),
                ),
                Some(Text::new(
                    "write five characters, such as 30321 (or 2A004 in Corsica), quoted if it starts with 0",
                    "écrivez cinq caractères, comme 30321 (ou 2A004 en Corse), entre guillemets s'il commence par 0",
                )),
            ),
            DuplicateReference { id, key } => (
                Text::new(
                    format!("`{id}` is named twice in `{key}`"),
                    format!("`{id}` est cité deux fois dans `{key}`"),
                ),
                Some(Text::new(
                    format!("keep `{id}` once"),
                    format!("ne gardez `{id}` qu'une fois"),
                )),
            ),
            NotUtf8 { utf16 } => not_utf8(*utf16),
            TooLarge { bytes } => too_large(bytes),
            Unreadable { cause } => cause.texts(),
            TooDeep => too_deep(),
            TooManyAliases => too_many_aliases(),
            PersonalData { kind } => kind.texts(),
            NoSheet { id } => (
                Text::new(
                    format!("objective `{id}` has no action sheet"),
                    format!("l'objectif `{id}` n'a aucune fiche action"),
                ),
                Some(Text::new(
                    format!("add a file actions/{id}.1.yaml"),
                    format!("ajoutez un fichier actions/{id}.1.yaml"),
                )),
            ),
            NoLead { id } => (
                Text::new(
                    format!("sheet `{id}` has no lead"),
                    format!("la fiche `{id}` n'a pas de pilote"),
                ),
                Some(Text::new(
                    "add `lead:` with a partner id",
                    "ajoutez `lead:` avec un identifiant de partenaire",
                )),
            ),
            FutureEntry { date: d } => (
                Text::new(
                    format!("entry dated {}, after the as-of date", date(d).en),
                    format!("suivi daté du {}, après la date d'arrêté", date(d).fr),
                ),
                Some(Text::new(
                    "it is ignored until that date; check the year",
                    "il est ignoré jusqu'à cette date ; vérifiez l'année",
                )),
            ),
            ProgressDown { from, to } => (
                Text::new(
                    format!("progress goes down from {from} to {to}"),
                    format!("l'avancement baisse de {from} à {to}"),
                ),
                Some(Text::new(
                    "fine if intended; otherwise fix the figure",
                    "normal si voulu ; sinon corrigez le chiffre",
                )),
            ),
            DoneOpenMilestones { open } => (
                Text::new(
                    format!(
                        "sheet is done with milestones not reached: {}",
                        open.join(", ")
                    ),
                    format!(
                        "fiche réalisée avec des jalons non atteints\u{a0}: {}",
                        open.join(", ")
                    ),
                ),
                Some(Text::new(
                    "record them as `reached`, or drop them",
                    "enregistrez-les comme `reached` ou retirez-les",
                )),
            ),
            DoneBelow100 { progress } => (
                Text::new(
                    format!("sheet is done but its progress says {progress} %"),
                    format!("fiche réalisée mais avancement de {progress} %"),
                ),
                Some(Text::new(
                    "give `progress: 100` with `status: done`",
                    "indiquez `progress: 100` avec `status: done`",
                )),
            ),
            Stale { id, last } => (
                Text::new(
                    format!("sheet `{id}` has had no entry since {}", date(last).en),
                    format!(
                        "la fiche `{id}` n'a pas de suivi depuis le {}",
                        date(last).fr
                    ),
                ),
                Some(Text::new(
                    "record where it stands with `ctg record`",
                    "enregistrez où elle en est avec `ctg record`",
                )),
            ),
            DueOutsidePeriod { date: d } => (
                Text::new(
                    format!(
                        "milestone due {}, outside the convention period",
                        date(d).en
                    ),
                    format!(
                        "jalon dû le {}, hors de la période de la convention",
                        date(d).fr
                    ),
                ),
                None,
            ),
            TargetOutsidePeriod { year } => (
                Text::new(
                    format!("target for {year}, outside the convention period"),
                    format!("cible {year}, hors de la période de la convention"),
                ),
                None,
            ),
            Overspent {
                line,
                year,
                amounts,
            } => {
                let [spent, planned] = **amounts;
                (
                    Text::new(
                        format!(
                            "{} spent on `{line}` in {year}, above the {} planned",
                            spent.euros(Lang::En),
                            planned.euros(Lang::En)
                        ),
                        format!(
                            "{} dépensés sur `{line}` en {year}, au-delà des {} prévus",
                            spent.euros(Lang::Fr),
                            planned.euros(Lang::Fr)
                        ),
                    ),
                    Some(Text::new(
                        "raise the planned amount if the funder agreed, or check the amounts spent",
                        "relevez le montant prévu si le financeur l'a accepté, ou vérifiez les dépenses",
                    )),
                )
            }
            SpentNoPlan { line, year } => (
                Text::new(
                    format!("spent on `{line}` in {year}, a year with nothing planned on it"),
                    format!("dépense sur `{line}` en {year}, une année où rien n'y est prévu"),
                ),
                Some(Text::new(
                    format!("add the amount planned for {year} to the line's `planned`"),
                    format!("ajoutez le montant prévu pour {year} au `planned` de la ligne"),
                )),
            ),
            IgnoredFile { reason } => match reason {
                IgnoredReason::YmlExtension => (
                    Text::new(
                        "file ends in .yml and is not read",
                        "le fichier finit par .yml et n'est pas lu",
                    ),
                    Some(Text::new("rename it to .yaml", "renommez-le en .yaml")),
                ),
                IgnoredReason::SubFolder => (
                    Text::new(
                        "folders inside actions/ are not read",
                        "les dossiers dans actions/ ne sont pas lus",
                    ),
                    Some(Text::new(
                        "move its sheets up into actions/",
                        "déplacez ses fiches dans actions/",
                    )),
                ),
                IgnoredReason::UnknownRootFile => (
                    Text::new(
                        "unknown file in the plan folder, not read",
                        "fichier inconnu dans le dossier du plan, non lu",
                    ),
                    Some(Text::new(
                        "plan files are convention, partners, axes and tracks .yaml",
                        "les fichiers du plan sont convention, partners, axes et tracks .yaml",
                    )),
                ),
            },
        }
    }
}

//! The output language and the catalogue of interface labels.
//!
//! Every label is declared once with its English and French text; the macro
//! refuses an entry without both, so a missing translation does not compile.

/// An output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// French, the language of the shipped plan.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Reads `fr` or `en` (any case).
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the English or French variant.
    pub fn pick<T>(self, en: T, fr: T) -> T {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    /// The BCP 47 code.
    pub fn code(self) -> &'static str {
        self.pick("en", "fr")
    }
}

/// Something `ctg` tells a person — an error, a refusal, a notice — that can
/// say itself in either language. Each implementation writes both texts side
/// by side (through [`Lang::pick`]), so a missing translation does not compile.
pub trait Speak {
    /// The text in `lang`, without a trailing newline.
    fn say(&self, lang: Lang) -> String;
}

/// The language of the system locale: the first of `LC_ALL`, `LC_MESSAGES`,
/// `LANG` that is set and not empty; French when it starts with `fr`, else
/// none (`C`, `POSIX`, `en_US.UTF-8`… are English, said by the caller).
pub fn locale_lang(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))?;
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("fr") {
        Some(Lang::Fr)
    } else {
        Some(Lang::En)
    }
}

/// The column label of a synthesis class.
pub fn class_label(c: crate::compute::SynthesisClass) -> L {
    use crate::compute::SynthesisClass;
    match c {
        SynthesisClass::Done => L::DoneCol,
        SynthesisClass::Abandoned => L::AbandonedCol,
        SynthesisClass::Alert => L::AlertCol,
        SynthesisClass::NotStarted => L::NotStarted,
        SynthesisClass::InProgress => L::InProgressCol,
    }
}

/// Phrases that many sentences share, written once.
pub mod phrase {
    use super::Lang;
    use std::io::ErrorKind;

    /// The French colon: a no-break space, then `:`.
    pub const COLON_FR: &str = "\u{a0}:";

    /// "did you mean `s`?", French with its no-break space before `?`.
    pub fn did_you_mean(s: &str, lang: Lang) -> String {
        lang.pick(
            format!("did you mean `{s}`?"),
            format!("vouliez-vous dire `{s}`\u{a0}?"),
        )
    }

    /// " (did you mean `s`?)" when there is a suggestion, else nothing.
    pub fn mean(suggestion: &Option<String>, lang: Lang) -> String {
        suggestion
            .as_deref()
            .map_or_else(String::new, |s| format!(" ({})", did_you_mean(s, lang)))
    }

    /// "nothing was written", which ends every refusal of a writer.
    pub fn nothing_written(lang: Lang) -> &'static str {
        lang.pick("nothing was written", "rien n'a été écrit")
    }

    /// Why a file operation failed, in plain words (never the system's wording).
    pub fn io_reason(kind: ErrorKind, lang: Lang) -> &'static str {
        match kind {
            ErrorKind::NotFound => {
                lang.pick("the folder does not exist", "le dossier n'existe pas")
            }
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                lang.pick("permission denied", "accès refusé")
            }
            ErrorKind::AlreadyExists => lang.pick("it already exists", "il existe déjà"),
            ErrorKind::IsADirectory => lang.pick("it is a folder", "c'est un dossier"),
            ErrorKind::NotADirectory => lang.pick(
                "a part of the path is not a folder",
                "une partie du chemin n'est pas un dossier",
            ),
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                lang.pick("the disk is full", "le disque est plein")
            }
            ErrorKind::InvalidData => {
                lang.pick("it is not UTF-8 text", "ce n'est pas du texte UTF-8")
            }
            _ => lang.pick("the system refused", "le système a refusé"),
        }
    }

    /// A path on one line, safe to print.
    pub fn path(p: &std::path::Path) -> String {
        crate::render::safe::safe_line(&p.display().to_string())
    }
}

macro_rules! catalogue {
    ($($name:ident => $en:literal, $fr:literal;)*) => {
        /// An interface label, translated by [`L::get`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum L { $($name),* }

        impl L {
            /// The label in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(L::$name => lang.pick($en, $fr),)* }
            }
        }
    };
}

catalogue! {
    Planned => "planned", "à venir";
    InProgress => "in progress", "en cours";
    Paused => "paused", "en pause";
    Blocked => "blocked", "bloquée";
    Postponed => "postponed", "reportée";
    Done => "done", "réalisée";
    Abandoned => "abandoned", "abandonnée";
    HealthDone => "done ✔", "réalisée ✔";
    HealthAbandoned => "abandoned ✖", "abandonnée ✖";
    HealthAlert => "alert ▲", "alerte ▲";
    HealthWatch => "watch ●", "vigilance ●";
    HealthUpcoming => "upcoming ○", "à venir ○";
    HealthOnTrack => "on track ✓", "en bonne voie ✓";
    Axis => "Axis", "Axe";
    Objective => "Objective", "Objectif";
    Sheet => "Action sheet", "Fiche action";
    Id => "Id", "N°";
    Title => "Title", "Intitulé";
    Lead => "Lead", "Pilote";
    Status => "Status", "Statut";
    Health => "Health", "Santé";
    Progress => "Progress", "Avancement";
    LastEntry => "Last entry", "Dernier suivi";
    NextMilestone => "Next milestone", "Prochain jalon";
    Total => "Total", "Total";
    Sheets => "sheets", "fiches";
    OneSheet => "sheet", "fiche";
    CompletionRate => "completion rate", "taux de réalisation";
    MeanProgress => "mean progress", "avancement moyen";
    Late => "late", "en retard";
    Stale => "stale", "sans suivi";
    AsOf => "as of", "au";
    Fields => "Fields", "Champs";
    Partners => "Partners", "Partenaires";
    Tracks => "Tracks", "Pistes";
    Audience => "Audience", "Publics";
    Description => "Description", "Description";
    Goals => "Goals", "Objectifs opérationnels";
    Schedule => "Schedule", "Calendrier";
    Indicators => "Indicators", "Indicateurs";
    Milestones => "Milestones", "Jalons";
    Journal => "Journal", "Suivi";
    Due => "due", "échéance";
    Reached => "reached", "atteint";
    ReachedOnDay => "reached on", "atteint le";
    MilestoneUpcoming => "upcoming", "à venir";
    Milestone => "Milestone", "Jalon";
    SheetsTitle => "Action sheets", "Fiches actions";
    Overdue => "overdue", "en retard";
    Baseline => "baseline", "référence";
    Target => "target", "cible";
    Unit => "Unit", "Unité";
    Note => "note", "note";
    Difficulties => "difficulties", "difficultés";
    Next => "next", "suite";
    Decision => "decision", "décision";
    Measures => "measures", "mesures";
    By => "by", "par";
    NoEntry => "no entry yet", "aucun suivi pour l'instant";
    NoSheet => "no action sheet names it", "aucune fiche action ne la cite";
    Recurring => "recurring", "reconduite chaque année";
    Started => "started", "démarrée";
    Completed => "completed", "réalisée le";
    FieldCountNote => "a sheet counts once in each of its fields, so field totals do not add up to the plan total", "une fiche compte dans chacun de ses champs\u{a0}: les totaux par champ ne s'additionnent pas";
    Date => "Date", "Date";
    NoteTitle => "Note", "Note";
    NoEntryInPeriod => "no journal entry in this period", "aucun suivi sur cette période";
    Synthesis => "Synthesis by axis", "Synthèse par axe";
    Detail => "Detail by action sheet", "Détail par fiche action";
    IndicatorsTable => "Indicators", "Indicateurs";
    MilestonesTable => "Milestones", "Jalons";
    AnnualReview => "Annual review", "Bilan annuel";
    NotStarted => "not started", "non démarrées";
    InProgressCol => "in progress", "en cours";
    DoneCol => "done", "réalisées";
    AbandonedCol => "abandoned", "abandonnées";
    AlertCol => "alert ▲", "alerte ▲";
    Change => "change", "évolution";
    Achievements => "Highlights", "Faits marquants";
    DifficultiesCol => "Difficulties", "Difficultés";
    DecisionsCol => "Decisions asked of the steering committee", "Décisions demandées au COPIL";
    NextSteps => "Next steps", "Prochaines étapes";
    Indicator => "Indicator", "Indicateur";
    Value => "value", "valeur";
    Gap => "gap", "écart";
    PercentOfTarget => "% of target", "% de la cible";
    Trend => "trend", "tendance";
    Improving => "improving ↗", "en progrès ↗";
    Worsening => "worsening ↘", "en recul ↘";
    Stable => "stable →", "stable →";
    DueDate => "Due", "Échéance";
    ReachedOn => "Reached on", "Atteint le";
    DueThisYear => "due this year", "échéance cette année";
    DueNextYear => "due next year", "échéance l'an prochain";
    Produced => "produced on", "édité le";
    NothingRecorded => "Nothing has been recorded for this period yet: every sheet is shown as planned.", "Aucun suivi n'a encore été enregistré pour cette période\u{a0}: toutes les fiches apparaissent «\u{a0}à venir\u{a0}».";
    NoIndicator => "no indicator", "aucun indicateur";
    NoMilestone => "no milestone", "aucun jalon";
    SheetsStarted => "sheets started", "fiches démarrées";
    SheetsCompleted => "sheets completed", "fiches réalisées";
    SheetsInProgress => "sheets in progress", "fiches en cours";
    SheetsLate => "sheets late", "fiches en retard";
    MilestonesDue => "milestones due", "jalons à échéance";
    OfWhichReached => "of which reached", "dont atteints";
    JournalEntries => "journal entries", "suivis enregistrés";
    Summary => "Yearly summary", "Synthèse annuelle";
    Year => "Year", "Année";
    Whole => "Whole plan", "Ensemble du plan";
    Field => "Field", "Champ";
    NoMatch => "no action sheet matches these filters", "aucune fiche action ne correspond à ces filtres";
    Evaluation => "Final evaluation", "Évaluation finale";
    PeriodWord => "Period", "Période";
    OutcomeTable => "Outcome by axis and objective", "Résultats par axe et objectif";
    SheetsOutcome => "Outcome by action sheet", "Bilan par fiche action";
    IndicatorsOutcome => "Indicators, baseline to target", "Indicateurs, référence et cible";
    Trajectory => "Trajectory, year by year", "Trajectoire, année par année";
    Attention => "Points of attention", "Points d'attention";
    AxisOrObjective => "Axis / objective", "Axe / objectif";
    StartedOn => "Started on", "Démarrée le";
    CompletedOn => "Completed on", "Réalisée le";
    OnTime => "On time", "Dans les délais";
    Yes => "yes", "oui";
    No => "no", "non";
    NotYet => "not yet due", "pas encore échue";
    MilestonesOnTime => "milestones on time", "jalons à temps";
    MilestonesLate => "milestones late", "jalons en retard";
    MilestonesMissed => "milestones missed", "jalons manqués";
    MilestonesToCome => "milestones to come", "jalons à venir";
    LastNote => "Last note", "Dernière note";
    BaselineYear => "baseline year", "année de référence";
    LastValue => "last value", "dernière valeur";
    MeasuredOn => "measured on", "mesurée le";
    TargetYear => "target year", "année cible";
    TargetMet => "target met", "cible atteinte";
    Point => "Point", "Point";
    Subject => "Subject", "Objet";
    Details => "Details", "Précisions";
    NeverStarted => "never started", "jamais démarrée";
    Stopped => "blocked or paused", "bloquée ou en pause";
    ShortOfTarget => "short of its target", "en deçà de sa cible";
    MilestoneMissed => "milestone never reached", "jalon jamais atteint";
    ActionSheets => "Action sheets", "Fiches actions";
    ChartSynthesis => "Sheets by axis and state", "Fiches par axe et par état";
    ChartProgress => "Mean progress by objective", "Avancement moyen par objectif";
    ChartTimeline => "The action sheets over the period", "Les fiches actions sur la période";
    YearEnd => "end of", "fin";
    MilestoneReached => "milestone reached", "jalon atteint";
    MilestoneLate => "milestone overdue", "jalon en retard";
    MilestoneToCome => "milestone to come", "jalon à venir";
    IndicatorChart => "Indicator", "Indicateur";
    Portfolio => "Plans side by side", "Plans côte à côte";
    Territory => "Territory", "Territoire";
    Folder => "Folder", "Dossier";
    SheetsCol => "Sheets", "Fiches";
    LateCol => "Late", "En retard";
    StaleCol => "Stale", "Sans suivi";
    CompletionCol => "Completion rate", "Taux de réalisation";
    MeanProgressCol => "Mean progress", "Avancement moyen";
    Errors => "Errors", "Erreurs";
    FirstError => "First error", "Première erreur";
    NeedCall => "Sheets that need a call", "Fiches à relancer";
}

/// The label of a status.
pub fn status_label(status: crate::model::Status, lang: Lang) -> &'static str {
    use crate::model::Status::*;
    match status {
        Planned => L::Planned,
        InProgress => L::InProgress,
        Paused => L::Paused,
        Blocked => L::Blocked,
        Postponed => L::Postponed,
        Done => L::Done,
        Abandoned => L::Abandoned,
    }
    .get(lang)
}

/// The label of a health value: a word and a symbol.
pub fn health_label(health: crate::compute::Health, lang: Lang) -> &'static str {
    use crate::compute::Health::*;
    match health {
        Done => L::HealthDone,
        Abandoned => L::HealthAbandoned,
        Alert => L::HealthAlert,
        Watch => L::HealthWatch,
        Upcoming => L::HealthUpcoming,
        OnTrack => L::HealthOnTrack,
    }
    .get(lang)
}

/// The symbol of a health value alone.
pub fn health_symbol(health: crate::compute::Health) -> char {
    health_label(health, Lang::En).chars().last().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_differ_by_language() {
        assert_eq!(L::HealthAlert.get(Lang::Fr), "alerte ▲");
        assert_eq!(L::HealthAlert.get(Lang::En), "alert ▲");
        assert_eq!(Lang::parse(" EN "), Some(Lang::En));
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn the_locale_speaks_french_only_when_it_starts_with_fr() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            locale_lang(vars(&[("LANG", "fr_FR.UTF-8")])),
            Some(Lang::Fr)
        );
        assert_eq!(locale_lang(vars(&[("LANG", "C")])), Some(Lang::En));
        assert_eq!(
            locale_lang(vars(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "fr_FR.UTF-8")])),
            Some(Lang::En),
            "LC_ALL wins"
        );
        assert_eq!(
            locale_lang(vars(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_CA")])),
            Some(Lang::Fr),
            "an empty variable counts as unset"
        );
        assert_eq!(locale_lang(vars(&[])), None);
    }
}

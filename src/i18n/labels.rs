//! The catalogue of interface labels, and the labels of the domain's values.
//!
//! Every label is declared once with its English and French text; the macro
//! refuses an entry without both, so a missing translation does not compile.

use super::Lang;

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
    ErrorWord => "error", "erreur";
    ErrorsWord => "errors", "erreurs";
    WarningWord => "warning", "avertissement";
    WarningsWord => "warnings", "avertissements";
    HelpWord => "help", "aide\u{a0}";
    NoteWord => "note", "note\u{a0}";
    FromDay => "from", "du";
    ToDay => "to", "au";
    TimelineLegend => "─ schedule  ◆ milestone due  ✔ reached  ▲ overdue", "─ calendrier  ◆ jalon à venir  ✔ atteint  ▲ en retard";
    PartnerTitle => "Partner", "Partenaire";
    PartnerKindTitle => "Kind", "Type";
    Contact => "Contact", "Contact";
    SignsConvention => "signs the convention", "signataire de la convention";
    LeadOf => "Lead of", "Pilote de";
    PartnerOf => "Partner of", "Partenaire de";
    NoSheetListed => "no action sheet", "aucune fiche action";
    KindSignatory => "signatory", "signataire";
    KindElected => "elected", "élu";
    KindService => "service", "service";
    KindInstitution => "institution", "institution";
    KindAssociation => "association", "association";
    KindOther => "other", "autre";
    // The comments and example values `init` and `renew` write into a new plan.
    CafName => "Family allowance fund (CAF)", "Caisse d'allocations familiales";
    InitConventionComment => "# The convention, written by `ctg init`: complete it, then run `ctg validate`.\n", "# La convention, écrite par `ctg init`\u{a0}: complétez-la, puis lancez `ctg validate`.\n";
    InitFieldsComment => "# The fields of intervention (one per line).\n", "# Les champs d'intervention (un par ligne).\n";
    InitEarlyChildhood => "Early childhood", "Petite enfance";
    InitPartnersComment => "# Every partner, one per body; kind: signatory, elected, service, institution, association, other.\n", "# Chaque partenaire, un par organisme\u{a0}; kind\u{a0}: signatory, elected, service, institution, association, other.\n";
    InitAxesComment => "# The strategic axes, each with its objectives.\n", "# Les axes stratégiques, chacun avec ses objectifs.\n";
    InitFirstAxis => "First axis", "Premier axe";
    InitFirstObjective => "First objective", "Premier objectif";
    InitTracksComment => "# Action tracks, each in one field; ids: <field>-<short-name>.\n", "# Les pistes d'action, chacune dans un champ\u{a0}; identifiants\u{a0}: <champ>-<nom-court>.\n";
    InitExampleTrack => "Example track", "Piste d'exemple";
    InitSheetComment => "# An example action sheet written by `ctg init`: rename it, complete it, copy it.\n# Optional keys are shown commented out.\n", "# Une fiche action d'exemple écrite par `ctg init`\u{a0}: renommez-la, complétez-la, copiez-la.\n# Les clés facultatives sont montrées en commentaire.\n";
    InitFirstAction => "First action (to rename)", "Première action (à renommer)";
    GitignoreComment => "# The lock ctg record takes while it writes (see README).", "# Le verrou que ctg record prend pendant qu'il écrit (voir le README).";
    RenewConventionComment => "# Draft of the convention that follows the {old} one, written by `ctg renew`.\n# Not signed yet: add `signed: YYYY-MM-DD` once it is.", "# Brouillon de la convention qui suit celle de {old}, écrit par `ctg renew`.\n# Pas encore signée\u{a0}: ajoutez `signed: AAAA-MM-JJ` à la signature.";
    RenewSheetComment => "# Carried from the {old} convention by `ctg renew`.", "# Reprise de la convention {old} par `ctg renew`.";
    AbandonedLeftMeanOne => "Axis {axis}: 1 sheet abandoned in {year} no longer counts in the mean progress; the change partly reflects its leaving.", "Axe {axis}\u{a0}: 1 fiche abandonnée en {year} ne compte plus dans l'avancement moyen\u{a0}; l'évolution tient aussi à ce départ.";
    AbandonedLeftMeanMany => "Axis {axis}: {n} sheets abandoned in {year} no longer count in the mean progress; the change partly reflects their leaving.", "Axe {axis}\u{a0}: {n} fiches abandonnées en {year} ne comptent plus dans l'avancement moyen\u{a0}; l'évolution tient aussi à ces départs.";
    // Means (spec section 11).
    Budget => "Budget", "Budget";
    Group => "Group", "Groupe";
    BudgetLine => "Budget line", "Ligne budgétaire";
    Funder => "Funder", "Financeur";
    NatureCol => "Nature", "Nature";
    Scheme => "Scheme", "Dispositif";
    PlannedAmount => "Planned (€)", "Prévu (€)";
    SpentAmount => "Spent (€)", "Dépensé (€)";
    Execution => "Execution", "Exécution";
    PlannedRow => "planned (€)", "prévu (€)";
    SpentRow => "spent (€)", "dépensé (€)";
    ExecutionRow => "execution", "exécution";
    SharePlanned => "Share of planned", "Part du prévu";
    ShareSpent => "Share of spent", "Part du dépensé";
    NatureOperating => "operating", "fonctionnement";
    NatureInvestment => "investment", "investissement";
    BudgetByYear => "Budget by year", "Budget par année";
    BudgetByLine => "Budget by line", "Budget par ligne";
    BudgetByFunder => "By funder", "Par financeur";
    BudgetByNature => "By nature", "Par nature";
    Funding => "Funding", "Financements";
    MeansTitle => "Means", "Moyens";
    NeverSpent => "budget line never spent", "ligne budgétaire jamais dépensée";
    PlannedWord => "planned", "prévus";
    SpentWord => "spent", "dépensés";
    ExecutionNote => "Execution: spent ÷ planned; empty when nothing is planned. Spent in a year: the amounts of that year's journal entries up to the as-of date, corrections included.", "Exécution\u{a0}: dépensé ÷ prévu\u{a0}; vide quand rien n'est prévu. Dépensé dans l'année\u{a0}: les montants des suivis de l'année jusqu'à la date d'arrêté, corrections comprises.";
    NoLineMatches => "No budget line matches these filters.", "Aucune ligne budgétaire ne correspond à ces filtres.";
    NoBudgetLine => "No budget line in the plan (see `ctg add budget`).", "Aucune ligne budgétaire dans le plan (voir `ctg add budget`).";
    ChartFunding => "Planned and spent by funder", "Prévu et dépensé par financeur";
    Siren => "SIREN", "SIREN";
    // ctg collect and ctg import (spec section 12).
    FormSheets => "Sheets", "Fiches";
    FormIndicators => "Indicators", "Indicateurs";
    FormMilestones => "Milestones", "Jalons";
    FormReadme => "Read me", "À lire";
    FormNote => "Note", "Note";
    FormDifficulties => "Difficulties", "Difficultés";
    FormNext => "Next steps", "Prochaines étapes";
    FormDecision => "Decision asked of the committee", "Décision demandée au COPIL";
    FormBaseline => "Baseline", "Référence";
    FormLastValue => "Last value", "Dernière valeur";
    FormValueOfYear => "Value", "Valeur";
    FormTarget => "Target", "Cible";
    FormValue => "Value", "Valeur";
    FormDue => "Due", "Échéance";
    CurrentStatus => "Current status", "Statut actuel";
    MilestoneId => "Milestone", "Jalon";
    AmountSpent => "Amount spent (€)", "Montant dépensé (€)";
    CollectFile => "collection", "collecte";
    CollectTitle => "Collection", "Collecte";
    CollectFor => "For", "Pour";
    CollectDue => "To send back by", "À renvoyer au plus tard le";
    CollectReturnTo => "To", "À";
    CollectHowFill => "Fill in the white columns; the grey ones are what the plan already knows and cannot be changed. A row left empty is skipped.", "Remplissez les colonnes blanches ; les colonnes grisées sont ce que le plan sait déjà et ne se modifient pas. Une ligne laissée vide est ignorée.";
    CollectHowFormats => "A date is written DD/MM/YYYY, a progress is a whole number from 0 to 100, an amount is in euros with at most two decimals (15,000.50).", "Une date s'écrit JJ/MM/AAAA, un avancement est un nombre entier de 0 à 100, un montant est en euros avec au plus deux décimales (15\u{202f}000,50).";
    CollectHowSheets => "Sheets: one row per action sheet you lead or take part in; give the date, and what changed: status, progress, what was done, difficulties, next steps, a decision to ask of the steering committee.", "Fiches : une ligne par fiche action que vous pilotez ou à laquelle vous participez ; indiquez la date et ce qui a changé : statut, avancement, ce qui a été fait, difficultés, prochaines étapes, décision à demander au COPIL.";
    CollectHowIndicators => "Indicators: the value measured and its date.", "Indicateurs : la valeur mesurée et sa date.";
    CollectHowMilestones => "Milestones: the day a milestone was reached.", "Jalons : le jour où un jalon a été atteint.";
    CollectHowFunding => "Funding: an amount spent on a line you fund, and its date.", "Financements : un montant dépensé sur une ligne que vous financez, et sa date.";
    // ctg serve (spec section 14).
    NavDashboard => "Dashboard", "Tableau de bord";
    NavLarge => "Large type", "Grands caractères";
    PlanChanged => "The plan changed on disk:", "Le plan a changé\u{a0}:";
    Reload => "reload", "recharger";
    NavReview => "Review", "Bilan";
    NavTimeline => "Timeline", "Calendrier";
    NavValidate => "Checks", "Vérification";
    NavLabel => "The plan's pages", "Les pages du plan";
    NavDownload => "Download:", "Télécharger\u{a0}:";
    NotFound => "Page not found", "Page introuvable";
    NotFoundText => "Nothing in the plan at", "Rien dans le plan à l'adresse";
    FormRecord => "Record an entry", "Enregistrer un suivi";
    FormBy => "Recorded by", "Saisi par";
    FormCommit => "Also commit the sheet's file to git", "Enregistrer aussi la fiche dans git (commit)";
    FormCommitted => "committed:", "commit\u{a0}:";
    FormNotCommitted => "git could not commit it (see ctg record --commit)", "git n'a pas pu l'enregistrer (voir ctg record --commit)";
    FormPreview => "Preview", "Prévisualiser";
    FormWrite => "Write this entry", "Écrire ce suivi";
    FormDiff => "What will be written", "Ce qui sera écrit";
    FormWritten => "Entry written to", "Suivi écrit dans";
    Forbidden => "Form refused", "Formulaire refusé";
    ForbiddenText => "This form does not come from this server's session: reload the page and send it again.", "Ce formulaire ne vient pas de la session de ce serveur\u{a0}: rechargez la page et renvoyez-le.";
    FilterLegend => "Show the sheets", "Afficher les fiches";
    FilterAny => "all", "tous";
    FilterApply => "Filter", "Filtrer";
    FilterReset => "Show every sheet", "Afficher toutes les fiches";
    FilterStatuses => "Statuses", "Statuts";
    FilterUnknown => "{what} “{value}” is unknown: this filter is not applied.", "{what} «\u{a0}{value}\u{a0}» inconnu\u{a0}: ce filtre n'est pas appliqué.";
}

/// A label is a sentence like the others.
impl super::Localize for L {
    fn say(&self, lang: Lang) -> String {
        self.get(lang).to_string()
    }
}

//! Every sentence the command line says of its own — errors, refusals and
//! notices — in one place, each written in English and French side by side.
//! Library errors (refusals of `record`, git, the editor) say themselves
//! through the same [`Localize`] trait, so no library's wording reaches a user.

use chrono::NaiveDate;
use ctg::compute::Health;
use ctg::compute::labels::{health_label, status_label};
use ctg::diag::FileKind;
use ctg::git::GitError;
use ctg::i18n::fmt::{percent, short_date};
use ctg::i18n::{Lang, Localize};
use ctg::model::Status;
use ctg::record::Refusal;
pub(crate) use ctg::write::IdKind;
use std::io::ErrorKind;
use std::path::PathBuf;

/// Where a sheet stands on a day, as `record` tells it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SheetSnapshot {
    /// The day.
    pub date: NaiveDate,
    /// Its status.
    pub status: Status,
    /// Its progress, 0-100.
    pub progress: f64,
    /// Its health.
    pub health: Health,
}

impl SheetSnapshot {
    /// True when status, progress and health are the same (whatever the day).
    pub(crate) fn same_state(&self, other: &SheetSnapshot) -> bool {
        self.status == other.status
            && self.progress == other.progress
            && self.health == other.health
    }

    fn say(&self, lang: Lang) -> String {
        format!(
            "{}, {}, {}",
            status_label(self.status, lang),
            percent(self.progress, lang),
            health_label(self.health, lang)
        )
    }
}

/// A sentence of the command line.
#[derive(Debug)]
pub(crate) enum Msg {
    /// `--lang` or `CTG_LANG` is neither fr nor en.
    UnknownLanguage(String),
    /// `SOURCE_DATE_EPOCH` is not a number of seconds.
    BadEpoch(String),
    /// A date option that is not a date.
    BadDate(String),
    /// `--from`/`--to` that is neither a date nor a year.
    BadBound(String),
    /// `log --from` after `--to` (either given or by default).
    FromAfterTo(NaiveDate, NaiveDate),
    /// `summary --from` after `--to`.
    YearsReversed(i32, i32),
    /// `--plan` names no folder.
    PlanFolderNotFound(PathBuf),
    /// `--plan` names a folder without a plan.
    NoPlanIn(PathBuf),
    /// No plan upward from the current folder.
    NoPlanHere,
    /// A `portfolio` folder that is no plan and holds none.
    NoPlansIn(PathBuf),
    /// `portfolio`: these plans have errors (their rows say which).
    PlansWithErrors(Vec<PathBuf>),
    /// `portfolio` was given `--plan`, which it does not read.
    PlanWithPortfolio,
    /// A filter names an id the plan does not have.
    UnknownId {
        /// What the id should name.
        kind: IdKind,
        /// The id given.
        id: String,
        /// The closest known id.
        suggestion: Option<String>,
    },
    /// `log --action` names nothing.
    NoSuchGroup(String),
    /// `show ID` names nothing.
    NothingWithId(String, Option<String>),
    /// A year outside the convention period.
    YearOutsidePeriod {
        /// The year asked.
        year: i32,
        /// The period.
        period: (i32, i32),
    },
    /// A report year that starts after the as-of date.
    YearAfterAsOf {
        /// The year asked.
        year: i32,
        /// The as-of date.
        as_of: NaiveDate,
        /// The period.
        period: (i32, i32),
    },
    /// `--output` whose extension the command cannot write.
    CannotWriteFormat {
        /// The file asked.
        path: PathBuf,
        /// The extensions the command writes.
        accepted: &'static [&'static str],
    },
    /// `--format xlsx` without `--output`.
    WorkbookNeedsOutput(&'static str),
    /// `--format csv` of `report` or `evaluation` without `--output` or
    /// `--table`; the number of tables.
    CsvNeedsOutput(usize),
    /// `--table` with a format other than CSV.
    TableIsCsv,
    /// The workbook could not be built.
    WorkbookFailed(&'static str),
    /// A file or folder could not be written.
    CannotWrite(PathBuf, ErrorKind),
    /// `--output` (or a sheet to record) exists and is not a regular file:
    /// it is not replaced.
    NotARegularFile(PathBuf, FileKind),
    /// Another `ctg` holds the plan's lock: `record` waits.
    WaitingForLock(PathBuf),
    /// stdout could not be written.
    CannotPrint(ErrorKind),
    /// A file was written (`--output`).
    Written(PathBuf),
    /// Files were written into a folder (`report --format csv`).
    WrittenInto(PathBuf, usize),
    /// N warnings, see `ctg validate`.
    Warnings(usize),
    /// `init --signatory` not written ID=NAME with a slug id and a name.
    BadSignatory(String),
    /// `init --signatory` names the same id twice.
    TwiceSignatory(String),
    /// `init` wrote a new plan: its folder, then how to check it.
    Initialized(PathBuf),
    /// `renew --from` after `--to`.
    ReversedRenewal(i32, i32),
    /// A year of a new period outside the years a plan holds.
    YearOutOfRange(i32),
    /// The sheets `renew` carried, out of how many.
    Carried(Vec<String>, usize),
    /// A refusal of `record`.
    Record(Refusal),
    /// The entry is written but the commit failed.
    CommitFailed(GitError),
    /// `record --commit` swept earlier uncommitted edits of the sheet in.
    DirtyCommitted,
    /// `record --commit` made this commit.
    Committed(String),
    /// A warning (its text already in the session's language).
    Warning(String),
    /// `record` wrote an entry.
    Added {
        /// The sheet.
        id: String,
        /// The entry's date.
        date: NaiveDate,
        /// The sheet's file as shown.
        file: PathBuf,
    },
    /// `record --amend` replaced the last entry; `old_text` is the old
    /// entry as YAML.
    Amended {
        /// The sheet.
        id: String,
        /// The old entry's date.
        old_date: NaiveDate,
        /// The new entry's date.
        date: NaiveDate,
        /// The sheet's file as shown.
        file: PathBuf,
        /// The old entry, one key per line.
        old_text: String,
    },
    /// `add` or `set` changed a file; what, in a few words.
    Changed(String, PathBuf),
    /// The sheet's state after `record`: as of the entry's date, and today
    /// when it differs.
    NewState {
        /// The sheet.
        id: String,
        /// As of the entry's date.
        at_entry: SheetSnapshot,
        /// As of today, when different.
        now: Option<SheetSnapshot>,
    },
    /// A writer refused the change.
    Write(ctg::write::Refusal),
    /// `--output` inside the plan folder (the path, the plan folder).
    OutputInPlan(PathBuf, PathBuf),
    /// `--format xlsx --output -`: a workbook is no text for stdout.
    WorkbookNotOnStdout(&'static str),
    /// A CSV of several tables asked into `--output` with an extension
    /// (`bilan-2025.csv`): the names of the tables.
    CsvFolderWithExtension {
        /// The `--output` given.
        path: PathBuf,
        /// The tables, as `--table` names them.
        tables: Vec<String>,
    },
    /// N warnings in the plan named by `--plan`, see `ctg validate --plan DIR`.
    WarningsIn(usize, PathBuf),
    /// `portfolio`: N warnings in all, in these plans.
    PlansWarnings(usize, Vec<PathBuf>),
    /// The commit message of an import: entries, files.
    ImportCommit(usize, String),
    /// What an import added to a sheet (or would, with `--dry-run`).
    Imported {
        /// The sheet.
        sheet: String,
        /// Its file.
        file: PathBuf,
        /// The dates of the entries added.
        dates: Vec<String>,
        /// Nothing was written.
        dry_run: bool,
    },
    /// An imported entry the sheet already has.
    AlreadyThere(String, String),
    /// An import that adds nothing.
    NothingToImport,
    /// An import refused: every problem, one a line.
    ImportRefused(Vec<String>),
    /// `serve` listens at this address.
    Serving(String, bool),
    /// `serve` cannot listen on the port.
    CannotListen(u16, std::io::ErrorKind),
    /// The server stopped on an error.
    ServeFailed,
    /// `serve DIR…` finds no plan in the folders given.
    NoPlanInDirs,
    /// `serve --open` found no program to open the browser.
    CannotOpen(&'static str),
    /// `collect` finds no partner to ask.
    NoPartnerToAsk,
    /// Two plans of one SIREN whose periods overlap.
    SirenOverlap {
        /// The SIREN.
        siren: String,
        /// One plan folder.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// A list option of `set` names an id twice.
    NamedTwice {
        /// `--partners`, `--fields` or `--tracks`.
        option: &'static str,
        /// The id named twice.
        id: String,
    },
}

use ctg::i18n::phrase::{io_reason, mean, path as shown};

impl Localize for Msg {
    fn say(&self, lang: Lang) -> String {
        use Msg::*;
        let date = |d: &NaiveDate| short_date(*d, lang);
        let nothing = ctg::i18n::phrase::nothing_written(lang);
        match self {
            UnknownLanguage(t) => lang.pick(
                format!("unknown language `{t}`: use fr or en"),
                format!("langue inconnue `{t}`\u{a0}: utilisez fr ou en"),
            ),
            BadEpoch(t) => lang.pick(
                format!("SOURCE_DATE_EPOCH=`{t}` is not a number of seconds since 1970"),
                format!("SOURCE_DATE_EPOCH=`{t}` n'est pas un nombre de secondes depuis 1970"),
            ),
            BadDate(t) => ctg::i18n::phrase::bad_date(t, lang),
            BadBound(t) => lang.pick(
                format!("`{t}` is not a date or a year: write 2025, YYYY-MM-DD or DD/MM/YYYY"),
                format!("`{t}` n'est ni une date ni une année\u{a0}: écrivez 2025, JJ/MM/AAAA ou AAAA-MM-JJ"),
            ),
            FromAfterTo(from, to) => lang.pick(
                format!("the period asked starts on {} and ends on {}: give --from before --to", date(from), date(to)),
                format!("la période demandée commence le {} et finit le {}\u{a0}: donnez --from avant --to", date(from), date(to)),
            ),
            YearsReversed(from, to) => lang.pick(
                format!("--from {from} is after --to {to}: give the first year, then the last"),
                format!("--from {from} est après --to {to}\u{a0}: donnez la première année, puis la dernière"),
            ),
            PlanFolderNotFound(p) => lang.pick(
                format!("plan folder `{}` not found", shown(p)),
                format!("dossier de plan `{}` introuvable", shown(p)),
            ),
            NoPlanIn(p) => lang.pick(
                format!("`{}` holds no plan: neither convention.yaml nor plan/convention.yaml", shown(p)),
                format!("`{}` ne contient pas de plan\u{a0}: ni convention.yaml ni plan/convention.yaml", shown(p)),
            ),
            NoPlanHere => lang.pick(
                "no plan here: no convention.yaml or plan/convention.yaml in this folder or above; use --plan DIR".to_string(),
                "aucun plan ici\u{a0}: ni convention.yaml ni plan/convention.yaml dans ce dossier ou au-dessus\u{a0}; utilisez --plan DOSSIER".to_string(),
            ),
            NoPlansIn(p) => lang.pick(
                format!("`{}` holds no plan, neither itself nor in its sub-folders", shown(p)),
                format!("`{}` ne contient pas de plan, ni lui-même ni dans ses sous-dossiers", shown(p)),
            ),
            PlansWithErrors(dirs) if dirs.len() == 1 => {
                let dir = dirs.first().map(|d| shown(d)).unwrap_or_default();
                lang.pick(
                    format!("1 plan has errors: `ctg validate --plan {dir}` gives the details"),
                    format!("1 plan a des erreurs\u{a0}: `ctg validate --plan {dir}` en donne le détail"),
                )
            }
            PlansWithErrors(dirs) => {
                let n = dirs.len();
                let mut list: Vec<String> = dirs.iter().take(5).map(|d| shown(d)).collect();
                if n > 5 {
                    list.push("…".to_string());
                }
                let list = list.join(", ");
                lang.pick(
                    format!("{n} plans have errors ({list}): `ctg validate --plan DIR` gives the details of each"),
                    format!("{n} plans ont des erreurs ({list})\u{a0}: `ctg validate --plan DOSSIER` en donne le détail pour chacun"),
                )
            }
            PlanWithPortfolio => lang.pick(
                "`portfolio` reads the folders given after it, not --plan: name the plan folder after `portfolio`".to_string(),
                "`portfolio` lit les dossiers donnés après lui, pas --plan\u{a0}: nommez le dossier du plan après `portfolio`".to_string(),
            ),
            UnknownId { kind, id, suggestion } => kind.unknown(id, suggestion, lang),
            NoSuchGroup(id) => lang.pick(
                format!("no axis, objective or sheet `{id}`"),
                format!("pas d'axe, d'objectif ni de fiche `{id}`"),
            ),
            NothingWithId(id, suggestion) => lang.pick(
                format!("nothing in the plan has the id `{id}`{}", mean(suggestion, lang)),
                format!("rien dans le plan ne porte l'identifiant `{id}`{}", mean(suggestion, lang)),
            ),
            YearOutsidePeriod { year, period: (s, e) } => lang.pick(
                format!("{year} is outside the convention period {s}-{e}"),
                format!("{year} est hors de la période de la convention {s}-{e}"),
            ),
            YearAfterAsOf { year, as_of, period: (s, e) } => lang.pick(
                format!("{year} starts after the as-of date {}: there is nothing to review yet (convention period {s}-{e})", date(as_of)),
                format!("{year} commence après la date d'arrêté du {}\u{a0}: rien à dresser pour l'instant (période de la convention {s}-{e})", date(as_of)),
            ),
            CannotWriteFormat { path, accepted } => {
                let list = accepted.join(", ");
                lang.pick(
                    format!("cannot write `{}`: this command writes {list} (or choose with --format); {nothing}", shown(path)),
                    format!("impossible d'écrire `{}`\u{a0}: cette commande écrit {list} (ou choisissez avec --format)\u{a0}; {nothing}", shown(path)),
                )
            }
            WorkbookNeedsOutput(kind) => lang.pick(
                format!("an {kind} workbook goes to a file: add --output FILE.{kind}"),
                format!("un classeur {kind} s'écrit dans un fichier\u{a0}: ajoutez --output FICHIER.{kind}"),
            ),
            CsvNeedsOutput(n) => lang.pick(
                format!("this makes {n} CSV files: add --output FOLDER, or --table NAME for one of them on the screen"),
                format!("cela fait {n} fichiers CSV\u{a0}: ajoutez --output DOSSIER, ou --table NOM pour en afficher un"),
            ),
            TableIsCsv => lang.pick(
                "--table gives one table as CSV: leave out --format, or use --format csv".to_string(),
                "--table donne un tableau en CSV\u{a0}: omettez --format, ou indiquez --format csv".to_string(),
            ),
            WorkbookFailed(kind) => lang.pick(
                format!("the {kind} workbook could not be made; {nothing}"),
                format!("le classeur {kind} n'a pas pu être produit\u{a0}; {nothing}"),
            ),
            CannotWrite(p, kind) => lang.pick(
                format!("cannot write `{}`: {}", shown(p), io_reason(*kind, lang)),
                format!("impossible d'écrire `{}`\u{a0}: {}", shown(p), io_reason(*kind, lang)),
            ),
            NotARegularFile(p, kind) => lang.pick(
                format!(
                    "will not write `{}`: it is {}, not a regular file; {nothing}",
                    shown(p),
                    kind.name(lang)
                ),
                format!(
                    "`{}` n'est pas remplacé\u{a0}: c'est {}, pas un fichier ordinaire\u{a0}; {nothing}",
                    shown(p),
                    kind.name(lang)
                ),
            ),
            WaitingForLock(p) => lang.pick(
                format!("waiting for another ctg, which holds the plan's lock `{}`…", shown(p)),
                format!("attente d'un autre ctg, qui tient le verrou du plan `{}`…", shown(p)),
            ),
            CannotPrint(kind) => lang.pick(
                format!("cannot write the output: {}", io_reason(*kind, lang)),
                format!("impossible d'écrire la sortie\u{a0}: {}", io_reason(*kind, lang)),
            ),
            Written(p) => lang.pick(
                format!("written: {}", shown(p)),
                format!("écrit\u{a0}: {}", shown(p)),
            ),
            WrittenInto(p, 1) => lang.pick(
                format!("written: {} (1 file)", shown(p)),
                format!("écrit\u{a0}: {} (1 fichier)", shown(p)),
            ),
            WrittenInto(p, n) => lang.pick(
                format!("written: {} ({n} files)", shown(p)),
                format!("écrit\u{a0}: {} ({n} fichiers)", shown(p)),
            ),
            Warnings(n) => {
                let s = if *n == 1 { "" } else { "s" };
                lang.pick(
                    format!("{n} warning{s}: run `ctg validate`"),
                    format!("{n} avertissement{s}\u{a0}: lancez `ctg validate`"),
                )
            }
            BadSignatory(t) => lang.pick(
                format!("--signatory `{t}`: write ID=NAME, the id a slug such as caf-gard"),
                format!("--signatory `{t}`\u{a0}: écrivez ID=NOM, l'identifiant en minuscules comme caf-gard"),
            ),
            TwiceSignatory(id) => lang.pick(
                format!("--signatory `{id}` is given twice"),
                format!("--signatory `{id}` est donné deux fois"),
            ),
            Initialized(p) => lang.pick(
                format!("new plan: {}; next: ctg --plan {} validate", shown(p), shown(p)),
                format!("nouveau plan\u{a0}: {}\u{a0}; ensuite\u{a0}: ctg --plan {} validate", shown(p), shown(p)),
            ),
            YearOutOfRange(year) => lang.pick(
                format!("{year} is not a year of a plan: give a year from 1900 to 2999"),
                format!("{year} n'est pas une année de plan\u{a0}: donnez une année de 1900 à 2999"),
            ),
            ReversedRenewal(from, to) => lang.pick(
                format!("--from {from} is after --to {to}: the new period would be empty"),
                format!("--from {from} est après --to {to}\u{a0}: la nouvelle période serait vide"),
            ),
            Carried(ids, total) => {
                let list = if ids.is_empty() { String::new() } else { format!(" ({})", ids.join(", ")) };
                lang.pick(
                    format!("sheets carried: {} of {total}{list}", ids.len()),
                    format!("fiches reprises\u{a0}: {} sur {total}{list}", ids.len()),
                )
            }
            Record(r) => r.say(lang),
            DirtyCommitted => lang
                .pick(
                    "the sheet had uncommitted edits: they are in this commit too",
                    "la fiche avait des modifications non commitées\u{a0}: elles sont dans ce commit aussi",
                )
                .to_string(),
            Committed(message) => {
                let message = ctg::safe::safe_line(message);
                lang.pick(
                    format!("committed: {message}"),
                    format!("commit\u{a0}: {message}"),
                )
            }
            Warning(w) => lang.pick(
                format!("warning: {w}"),
                format!("avertissement\u{a0}: {w}"),
            ),
            Added { id, date: d, file } => lang.pick(
                format!("{id}: entry of {} added to {}", date(d), shown(file)),
                format!("{id}\u{a0}: suivi du {} ajouté à {}", date(d), shown(file)),
            ),
            Amended { id, old_date, date: d, file, old_text } => {
                let old: String = old_text
                    .lines()
                    .map(|l| format!("\n  {}", ctg::safe::safe_line(l)))
                    .collect();
                lang.pick(
                    format!("{id}: the entry of {} in {} is replaced by an entry of {}; it read:{old}", date(old_date), shown(file), date(d)),
                    format!("{id}\u{a0}: le suivi du {} dans {} est remplacé par un suivi du {}\u{a0}; il disait\u{a0}:{old}", date(old_date), shown(file), date(d)),
                )
            }
            Changed(what, file) => lang.pick(
                format!("{} changed: {}", shown(file), ctg::safe::safe_line(what)),
                format!("{} modifié\u{a0}: {}", shown(file), ctg::safe::safe_line(what)),
            ),
            NewState { id, at_entry, now } => {
                let mut line = lang.pick(
                    format!("{id} as of {}: {}", date(&at_entry.date), at_entry.say(lang)),
                    format!("{id} au {}\u{a0}: {}", date(&at_entry.date), at_entry.say(lang)),
                );
                if let Some(now) = now {
                    line.push_str(&lang.pick(
                        format!("; today ({}): {}", date(&now.date), now.say(lang)),
                        format!("\u{a0}; aujourd'hui ({})\u{a0}: {}", date(&now.date), now.say(lang)),
                    ));
                }
                line
            }
            CommitFailed(e) => lang.pick(
                format!("the entry is written, but the commit failed: {}", e.say(lang)),
                format!("le suivi est écrit, mais le commit a échoué\u{a0}: {}", e.say(lang)),
            ),
            Write(r) => r.say(lang),
            OutputInPlan(p, plan) => {
                lang.pick(
                    format!("will not write `{}` inside the plan folder `{}`: a report there could replace a plan file; choose a path outside it; {nothing}", shown(p), shown(plan)),
                    format!("`{}` n'est pas écrit dans le dossier du plan `{}`\u{a0}: un rapport y remplacerait un fichier du plan\u{a0}; choisissez un chemin hors de ce dossier\u{a0}; {nothing}", shown(p), shown(plan)),
                )
            }
            WorkbookNotOnStdout(kind) => lang.pick(
                format!("an {kind} workbook is not text for the screen or a pipe: give --output FILE.{kind} instead of -"),
                format!("un classeur {kind} n'est pas du texte pour l'écran ou un tube\u{a0}: donnez --output FICHIER.{kind} au lieu de -"),
            ),
            CsvFolderWithExtension { path, tables } => {
                let n = tables.len();
                let folder = shown(&path.with_extension(""));
                let list = tables.join(", ");
                let nothing = ctg::i18n::phrase::nothing_written(lang);
                lang.pick(
                    format!("`{}` is a file name, but this makes {n} CSV files, one per table: give a folder without an extension (--output {folder}), or --table NAME for one table ({list}); {nothing}", shown(path)),
                    format!("`{}` est un nom de fichier, mais cela fait {n} fichiers CSV, un par tableau\u{a0}: donnez un dossier sans extension (--output {folder}), ou --table NOM pour un seul tableau ({list})\u{a0}; {nothing}", shown(path)),
                )
            }
            WarningsIn(n, dir) => {
                let s = if *n == 1 { "" } else { "s" };
                let dir = shown(dir);
                lang.pick(
                    format!("{n} warning{s}: run `ctg validate --plan {dir}`"),
                    format!("{n} avertissement{s}\u{a0}: lancez `ctg validate --plan {dir}`"),
                )
            }
            ImportCommit(n, files) => lang.pick(
                format!("import: {n} journal entries from {files}"),
                format!("import\u{a0}: {n} suivis de {files}"),
            ),
            Imported {
                sheet,
                file,
                dates,
                dry_run,
            } => {
                let n = dates.len();
                let dates = dates.join(", ");
                match (dry_run, n) {
                    (true, 1) => lang.pick(
                        format!("{sheet}: 1 entry would be added ({dates})"),
                        format!("{sheet}\u{a0}: 1 suivi serait ajouté ({dates})"),
                    ),
                    (true, _) => lang.pick(
                        format!("{sheet}: {n} entries would be added ({dates})"),
                        format!("{sheet}\u{a0}: {n} suivis seraient ajoutés ({dates})"),
                    ),
                    (false, 1) => lang.pick(
                        format!("{}: 1 entry added to {sheet} ({dates})", shown(file)),
                        format!("{} modifié\u{a0}: 1 suivi ajouté à la fiche {sheet} ({dates})", shown(file)),
                    ),
                    (false, _) => lang.pick(
                        format!("{}: {n} entries added to {sheet} ({dates})", shown(file)),
                        format!("{} modifié\u{a0}: {n} suivis ajoutés à la fiche {sheet} ({dates})", shown(file)),
                    ),
                }
            }
            AlreadyThere(sheet, date) => lang.pick(
                format!("{sheet}: the entry of {date} is already there"),
                format!("{sheet}\u{a0}: le suivi du {date} y est déjà"),
            ),
            NothingToImport => lang.pick(
                "nothing to add: every filled row is already in the plan".to_string(),
                "rien à ajouter\u{a0}: chaque ligne remplie est déjà dans le plan".to_string(),
            ),
            ImportRefused(lines) => {
                let n = lines.len();
                let head = lang.pick(
                    format!("nothing was written: {n} problem(s) in the workbooks"),
                    format!("rien n'a été écrit\u{a0}: {n} problème(s) dans les classeurs"),
                );
                format!("{head}\n  {}", lines.join("\n  "))
            }
            Serving(address, false) => lang.pick(
                format!("the plan is at {address} (read-only; Ctrl-C stops)"),
                format!("le plan est à l'adresse {address} (lecture seule\u{a0}; Ctrl-C pour arrêter)"),
            ),
            Serving(address, true) => lang.pick(
                format!("the plan is at {address} (each sheet's page records an entry; Ctrl-C stops)"),
                format!("le plan est à l'adresse {address} (la page de chaque fiche enregistre un suivi\u{a0}; Ctrl-C pour arrêter)"),
            ),
            CannotListen(port, kind) => match kind {
                std::io::ErrorKind::AddrInUse => lang.pick(
                    format!("port {port} is taken: give another with --port (0: any free one)"),
                    format!("le port {port} est pris\u{a0}: donnez-en un autre avec --port (0\u{a0}: n'importe lequel de libre)"),
                ),
                _ => lang.pick(
                    format!("cannot listen on 127.0.0.1:{port}"),
                    format!("impossible d'écouter sur 127.0.0.1:{port}"),
                ),
            },
            NoPlanInDirs => lang.pick(
                "no plan in these folders (a plan folder holds convention.yaml)".to_string(),
                "aucun plan dans ces dossiers (un dossier de plan contient convention.yaml)".to_string(),
            ),
            CannotOpen(program) => lang.pick(
                format!("could not run {program} to open the browser: open the address above yourself"),
                format!("impossible de lancer {program} pour ouvrir le navigateur\u{a0}: ouvrez vous-même l'adresse ci-dessus"),
            ),
            ServeFailed => lang.pick(
                "the server stopped on an error".to_string(),
                "le serveur s'est arrêté sur une erreur".to_string(),
            ),
            NoPartnerToAsk => lang.pick(
                "no partner leads or takes part in a sheet still open: name one with --partner".to_string(),
                "aucun partenaire ne pilote de fiche encore ouverte ni n'y participe\u{a0}: nommez-en un avec --partner".to_string(),
            ),
            SirenOverlap {
                siren,
                first,
                second,
            } => lang.pick(
                format!(
                    "warning: {} and {} are two plans of SIREN {siren} whose periods overlap: one territory is counted twice in the totals",
                    shown(first),
                    shown(second)
                ),
                format!(
                    "avertissement\u{a0}: {} et {} sont deux plans du SIREN {siren} dont les périodes se chevauchent\u{a0}: un même territoire compte deux fois dans les totaux",
                    shown(first),
                    shown(second)
                ),
            ),
            PlansWarnings(n, dirs) if dirs.len() <= 1 => {
                WarningsIn(*n, dirs.first().cloned().unwrap_or_default()).say(lang)
            }
            PlansWarnings(n, dirs) => {
                let k = dirs.len();
                let mut list: Vec<String> = dirs.iter().take(5).map(|d| shown(d)).collect();
                if k > 5 {
                    list.push("…".to_string());
                }
                let list = list.join(", ");
                lang.pick(
                    format!("{n} warnings in {k} plans ({list}): `ctg validate --plan DIR` shows those of each"),
                    format!("{n} avertissements dans {k} plans ({list})\u{a0}: `ctg validate --plan DOSSIER` donne ceux de chacun"),
                )
            }
            NamedTwice { option, id } => {
                let nothing = ctg::i18n::phrase::nothing_written(lang);
                lang.pick(
                    format!("{option} names `{id}` twice: name each once; {nothing}"),
                    format!("{option} cite `{id}` deux fois\u{a0}: citez chacun une fois\u{a0}; {nothing}"),
                )
            }
        }
    }
}

//! `ctg record ID`: append one journal entry, verified, atomically, under a
//! lock, and optionally commit that one file.

use super::args::RecordArgs;
use super::context::Context;
use super::{Failure, print, write_file};
use crate::check::check;
use crate::compute::sheet_state;
use crate::diag::Severity;
use crate::edit::{EditError, Notice, VerifyError, append_entry, unified_diff, verify};
use crate::git;
use crate::i18n::{Lang, status_label};
use crate::model::Sheet;
use crate::record::{Request, build_entry, find_sheet};
use crate::render::fmt::short_date;
use std::fs::{File, OpenOptions};
use std::process::ExitCode;

/// The lock file in the plan folder that serialises concurrent records.
pub const LOCK_FILE: &str = ".ctg.lock";

/// Runs `record`.
pub fn run(ctx: &Context, args: &RecordArgs) -> Result<ExitCode, Failure> {
    let _lock = lock(ctx)?;
    let checked = ctx.load_valid()?;
    let (loaded, lang) = (&checked.loaded, checked.lang);
    let plan = &loaded.plan;
    let refuse = |text: String| Failure::Refused(text);
    let sheet = find_sheet(plan, args.id.trim()).map_err(|r| refuse(r.message(lang)))?;
    let entry =
        build_entry(plan, sheet, &request(args), ctx.today).map_err(|r| refuse(r.message(lang)))?;
    if args.commit {
        git::preflight(&ctx.plan_dir).map_err(|e| refuse(git_message(&e, lang)))?;
    }
    let path = ctx.plan_dir.join(&sheet.file);
    let shown = ctx.shown_dir.join(&sheet.file).display().to_string();
    let original = std::fs::read_to_string(&path).map_err(|e| refuse(format!("{shown}: {e}")))?;
    let edited = append_entry(&original, &entry, &sheet.journal)
        .map_err(|e| refuse(edit_message(&e, lang)))?;
    let nothing_written = lang.pick("nothing was written", "rien n'a été écrit");
    let new_sheet = verify(&original, sheet, &edited, &entry)
        .map_err(|why| refuse(verify_message(&why, lang)))?;
    if adds_errors(ctx, loaded, &new_sheet) {
        return Err(refuse(lang.pick(
            format!("{nothing_written}: the entry would make the plan invalid"),
            format!("{nothing_written}\u{a0}: le suivi rendrait le plan invalide"),
        )));
    }
    if args.dry_run {
        print(&unified_diff(&original, &edited.text, &shown))?;
        return Ok(ExitCode::SUCCESS);
    }
    let dirty = args.commit && git::has_uncommitted_changes(&path);
    write_file(&path, edited.text.as_bytes())?;
    let mut out = lang.pick(
        format!(
            "{}: entry of {} added to {shown}\n",
            sheet.id.value,
            short_date(entry.date.value, lang)
        ),
        format!(
            "{}\u{a0}: suivi du {} ajouté à {shown}\n",
            sheet.id.value,
            short_date(entry.date.value, lang)
        ),
    );
    for notice in &edited.notices {
        out.push_str(&notice_text(*notice, lang));
        out.push('\n');
    }
    if args.commit {
        if dirty {
            out.push_str(lang.pick(
                "the sheet had uncommitted edits: they are in this commit too\n",
                "la fiche avait des modifications non commitées\u{a0}: elles sont dans ce commit aussi\n",
            ));
        }
        let message = commit_message(plan.convention.stale_after_months, &new_sheet, &entry, lang);
        if let Err(e) = git::commit_file(&path, &message) {
            print(&out)?;
            return Err(refuse(lang.pick(
                format!("the entry is written, but the commit failed: {e}"),
                format!("le suivi est écrit, mais le commit a échoué\u{a0}: {e}"),
            )));
        }
        out.push_str(&lang.pick(
            format!("committed: {message}\n"),
            format!("commit\u{a0}: {message}\n"),
        ));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn request(a: &RecordArgs) -> Request {
    Request {
        date: a.date.clone(),
        status: a.status.clone(),
        progress: a.progress.clone(),
        note: a.note.clone(),
        difficulties: a.difficulties.clone(),
        next: a.next.clone(),
        decision: a.decision.clone(),
        reached: a.reached.clone(),
        measures: a.measure.clone(),
        by: a.by.clone(),
    }
}

/// Takes the plan's lock, waiting for another record to finish.
fn lock(ctx: &Context) -> Result<File, Failure> {
    let path = ctx.plan_dir.join(LOCK_FILE);
    let fail = |e: std::io::Error| Failure::Refused(format!("cannot lock {}: {e}", path.display()));
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(fail)?;
    file.lock().map_err(fail)?;
    Ok(file)
}

/// True when the plan with the new sheet has an error the old one did not.
fn adds_errors(ctx: &Context, loaded: &crate::load::Loaded, new_sheet: &Sheet) -> bool {
    let mut after = crate::load::Loaded {
        root: loaded.root.clone(),
        plan: loaded.plan.clone(),
        ..Default::default()
    };
    after.unread = loaded.unread;
    if let Some(slot) = after
        .plan
        .sheets
        .iter_mut()
        .find(|s| s.id.value == new_sheet.id.value)
    {
        *slot = new_sheet.clone();
    }
    check(&after, ctx.as_of)
        .iter()
        .any(|d| d.severity == Severity::Error)
}

fn commit_message(
    stale_after: u32,
    sheet: &Sheet,
    entry: &crate::model::Entry,
    lang: Lang,
) -> String {
    let state = sheet_state(sheet, stale_after, entry.date.value);
    let progress = crate::render::fmt::round(state.progress, 0);
    let mut message = format!(
        "{}: {}, {progress} %",
        sheet.id.value,
        status_label(state.status, lang)
    );
    if let Some(line) = entry.note.as_deref().and_then(|n| n.lines().next()) {
        let cut: String = line.chars().take(72).collect();
        message.push_str(&format!(" — {cut}"));
    }
    message
}

fn notice_text(n: Notice, lang: Lang) -> String {
    match n {
        Notice::FlowJournalRewritten => lang.pick(
            "note: the journal was written `journal: [...]`; it is now one entry per block (only its lines changed)",
            "note\u{a0}: le suivi était écrit `journal: [...]` ; il est maintenant en blocs (seules ses lignes changent)",
        ),
        Notice::FinalNewlineAdded => lang.pick(
            "note: the file had no final newline; it has one now",
            "note\u{a0}: le fichier n'avait pas de saut de ligne final ; il en a un maintenant",
        ),
    }
    .to_string()
}

fn edit_message(e: &EditError, lang: Lang) -> String {
    match e {
        EditError::FlowRoot => lang.pick(
            "the sheet is written as one `{...}` mapping; write it one key per line (`id: ...`, `title: ...`) and record again",
            "la fiche est écrite en un seul bloc `{...}` ; écrivez une clé par ligne (`id: ...`, `title: ...`) puis recommencez",
        )
        .to_string(),
        EditError::RootNotMapping => lang.pick(
            "the sheet is not written as keys (`id: ...`, `title: ...`); fix it and record again",
            "la fiche n'est pas écrite sous forme de clés (`id: ...`, `title: ...`) ; corrigez-la puis recommencez",
        )
        .to_string(),
        EditError::Unparsable => lang.pick(
            "the sheet could not be read for editing; run `ctg validate`",
            "la fiche n'a pas pu être lue pour la modifier ; lancez `ctg validate`",
        )
        .to_string(),
    }
}

fn git_message(e: &git::GitError, lang: Lang) -> String {
    let nothing = lang.pick("nothing was written", "rien n'a été écrit");
    match e {
        git::GitError::NotInstalled => lang.pick(format!("--commit needs git, which is not installed; {nothing}"), format!("--commit demande git, qui n'est pas installé ; {nothing}")),
        git::GitError::NotAWorkTree => lang.pick(format!("--commit: the plan is not in a git repository; {nothing}"), format!("--commit\u{a0}: le plan n'est pas dans un dépôt git ; {nothing}")),
        git::GitError::NoIdentity(_) => lang.pick(
            format!("--commit: git does not know who you are (git config user.name / user.email); {nothing}"),
            format!("--commit\u{a0}: git ne sait pas qui vous êtes (git config user.name / user.email) ; {nothing}"),
        ),
        git::GitError::Failed(why) => why.clone(),
    }
}

fn verify_message(e: &VerifyError, lang: Lang) -> String {
    let why = match e {
        VerifyError::NotASheet(problem) => {
            let detail = problem
                .as_ref()
                .map_or_else(String::new, |p| format!(" ({})", p.message(lang)));
            lang.pick(
                format!("the edited file would not read as a valid sheet{detail}"),
                format!("le fichier modifié ne se lirait plus comme une fiche valide{detail}"),
            )
        }
        VerifyError::NotOldPlusEntry => lang.pick(
            "the edited file would not read as the old sheet plus the new entry".to_string(),
            "le fichier modifié ne se lirait pas comme l'ancienne fiche plus le nouveau suivi"
                .to_string(),
        ),
        VerifyError::ChangesLines => lang.pick(
            "the edit would change existing lines".to_string(),
            "la modification changerait des lignes existantes".to_string(),
        ),
    };
    lang.pick(
        format!("nothing was written: {why}"),
        format!("rien n'a été écrit\u{a0}: {why}"),
    )
}

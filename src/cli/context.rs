//! The resolved configuration of a run: options over environment over defaults.

use super::args::{ColorChoice, Global};
use super::messages::Msg;
use super::{Failure, tell};
use chrono::NaiveDate;
use ctg::check::check;
use ctg::dates;
use ctg::diag::{Diagnostic, Severity};
use ctg::i18n::{Lang, locale_lang};
use ctg::load::{FindError, Loaded, find_plan, load};
use ctg::render::diagnostics::{Paths, counts, render_text};
use std::path::{Path, PathBuf};

/// Everything a command needs to know besides its own arguments.
pub(crate) struct Context {
    /// The plan folder, absolute and canonical: every path given to git or
    /// the file system is built from it, whatever folder the command was
    /// typed in.
    pub plan_dir: PathBuf,
    /// The plan folders no `--output` may write into, each with its name as
    /// shown: the plan's, or for `portfolio` every plan it reads (not the
    /// current folder, which holds them).
    pub protected: Vec<(PathBuf, PathBuf)>,
    /// The plan folder as shown in messages (relative to the current folder
    /// when under it).
    pub shown_dir: PathBuf,
    /// Today: the local date, or SOURCE_DATE_EPOCH's in UTC.
    pub today: NaiveDate,
    /// The date everything is computed as of.
    pub as_of: NaiveDate,
    /// `--as-of` or CTG_AS_OF was given (otherwise `as_of` is today).
    pub as_of_given: bool,
    /// The session's language: `--lang` or CTG_LANG, else the plan's
    /// `language`, else the system locale, else English.
    pub lang: Lang,
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr.
    pub color_err: bool,
    /// Table width: COLUMNS, else the terminal's, else unlimited.
    pub width: Option<u16>,
    /// `--quiet`: no line counting warnings.
    pub quiet: bool,
    /// The plan was named by `--plan`: the line counting warnings names
    /// it, since `ctg validate` alone would look for another.
    pub plan_given: bool,
    /// The warnings of the plan as it now is (after a writer's change),
    /// told once after the command's result ([`Context::tell_warnings`]).
    pub warnings: std::cell::Cell<Option<usize>>,
}

/// An environment variable; set to the empty string counts as unset.
pub(super) fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// A plan loaded and checked, with the language to speak.
pub(crate) struct Checked {
    /// The plan as read (kept to the end of the process, see [`Kept`]).
    pub loaded: Kept<Loaded>,
    /// The output language.
    pub lang: Lang,
}

impl Context {
    /// Resolves the global options. `many`: the folders of `portfolio`,
    /// which reads no `--plan` and speaks the session's language (the
    /// locale's), else that of the first plan among them. A failure comes with the language it is told in (the
    /// plan's language may not be known yet).
    pub(crate) fn resolve(
        g: &Global,
        many: Option<&[PathBuf]>,
    ) -> Result<Context, (Failure, Lang)> {
        let (explicit, fallback) = languages(g)?;
        let early = explicit.unwrap_or(fallback);
        let cwd = std::env::current_dir().unwrap_or_default();
        let (found, plan_dir, speaking) = match many {
            Some(_) if g.plan.is_some() => {
                return Err((Failure::Usage(Msg::PlanWithPortfolio), early));
            }
            Some(dirs) => (cwd.clone(), cwd.clone(), first_plan(dirs)),
            None => {
                let given = g
                    .plan
                    .clone()
                    .or_else(|| env("CTG_PLAN").map(PathBuf::from));
                let found = find_plan(given.as_deref(), &cwd).map_err(|e| {
                    let msg = match e {
                        FindError::NotAFolder(p) => Msg::PlanFolderNotFound(p),
                        FindError::NoPlanIn(p) => Msg::NoPlanIn(p),
                        FindError::NotFound(_) => Msg::NoPlanHere,
                    };
                    (Failure::Refused(msg), early)
                })?;
                let dir = std::fs::canonicalize(&found).unwrap_or_else(|_| cwd.join(&found));
                (found, dir.clone(), Some(dir))
            }
        };
        let lang = match many {
            // Plans side by side may speak several languages: the
            // session's locale comes before the first plan's.
            Some(_) => explicit
                .or_else(|| locale_lang(env))
                .or_else(|| speaking.as_deref().and_then(plan_language))
                .unwrap_or(Lang::En),
            None => explicit
                .or_else(|| speaking.as_deref().and_then(plan_language))
                .unwrap_or(fallback),
        };
        let fail = |m: Msg| (Failure::Usage(m), lang);
        let today = today(lang)?;
        let given_as_of = g.as_of.clone().or_else(|| env("CTG_AS_OF"));
        let as_of_given = given_as_of.is_some();
        let as_of = match given_as_of {
            None => today,
            Some(t) => dates::parse_cli_date(&t).ok_or_else(|| fail(Msg::BadDate(t)))?,
        };
        let shown_dir = shown(&found, &cwd);
        let protected = match many {
            None => vec![(plan_dir.clone(), shown_dir.clone())],
            Some(dirs) => ctg::report::portfolio::plan_folders(dirs)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| Some((std::fs::canonicalize(&p).ok()?, p)))
                .collect(),
        };
        let decide = |terminal: bool| colour(g.color, terminal, env);
        let (out_terminal, err_terminal) = super::ui::terminals();
        let width = env("COLUMNS")
            .and_then(|c| c.trim().parse::<u16>().ok())
            .or_else(|| out_terminal.then(terminal_width).flatten());
        Ok(Context {
            plan_dir,
            protected,
            shown_dir,
            today,
            as_of,
            as_of_given,
            lang,
            color: decide(out_terminal),
            color_err: decide(err_terminal),
            width,
            quiet: g.quiet,
            plan_given: many.is_none() && g.plan.is_some(),
            warnings: std::cell::Cell::new(None),
        })
    }

    /// The terminal style: colour and width.
    pub(crate) fn style(&self) -> ctg::render::table::Style {
        ctg::render::table::Style {
            color: self.color,
            width: self.width,
        }
    }

    /// Loads and checks the plan, refusing it (diagnostics, exit 1) if it has errors.
    /// Its warnings are counted, to be summed up in one line on stderr
    /// after the command's result ([`Context::tell_warnings`]).
    pub(crate) fn load_valid(&self) -> Result<Checked, Failure> {
        let (loaded, diagnostics, lang) = self.load_all();
        let (errors, warnings) = counts(&diagnostics);
        if errors > 0 {
            return Err(self.invalid(&loaded, diagnostics));
        }
        self.count_warnings(warnings);
        Ok(Checked { loaded, lang })
    }

    /// Sets the count of the plan's warnings, as it now is: a writer
    /// counts them on the plan after its change.
    pub(crate) fn count_warnings(&self, warnings: usize) {
        self.warnings.set(Some(warnings));
    }

    /// The one line that counts the plan's warnings and names the command
    /// that shows them, unless `--quiet`: once, after a command's result
    /// (a refusal says nothing of them).
    pub(crate) fn tell_warnings(&self) {
        let Some(warnings) = self.warnings.take().filter(|n| *n > 0) else {
            return;
        };
        if self.quiet {
            return;
        }
        let message = match self.plan_given {
            true => Msg::WarningsIn(warnings, self.plan_shown()),
            false => Msg::Warnings(warnings),
        };
        tell(&message, self.lang);
    }

    /// The plan folder as the user would type it again (`.` for the
    /// current folder).
    pub(crate) fn plan_shown(&self) -> PathBuf {
        match self.shown_dir.as_os_str().is_empty() {
            true => PathBuf::from("."),
            false => self.shown_dir.clone(),
        }
    }

    /// The refusal of a plan with errors: its errors, rendered.
    pub(crate) fn invalid(&self, loaded: &Loaded, diagnostics: Vec<Diagnostic>) -> Failure {
        let errors_only: Vec<Diagnostic> = diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let paths = Paths {
            root: &self.shown_dir,
        };
        let mut text = render_text(
            &errors_only,
            loaded,
            &paths,
            self.lang,
            self.color_err,
            self.width,
        );
        text.push_str(&ctg::render::diagnostics::summary_line(
            &errors_only,
            loaded,
            self.lang,
        ));
        text.push('\n');
        Failure::Invalid(text)
    }

    /// Loads and checks the plan, whatever its state.
    pub(crate) fn load_all(&self) -> (Kept<Loaded>, Vec<Diagnostic>, Lang) {
        let loaded = load(&self.plan_dir);
        let diagnostics = check(&loaded, self.as_of);
        (Kept::new(loaded), diagnostics, self.lang)
    }
}

/// `--lang` or CTG_LANG when given, and the language to fall back on (the
/// system locale's, else English).
fn languages(g: &Global) -> Result<(Option<Lang>, Lang), (Failure, Lang)> {
    let fallback = locale_lang(env).unwrap_or(Lang::En);
    match g.lang.clone().or_else(|| env("CTG_LANG")) {
        None => Ok((None, fallback)),
        Some(t) => match Lang::parse(&t) {
            Some(lang) => Ok((Some(lang), fallback)),
            None => Err((Failure::Usage(Msg::UnknownLanguage(t)), fallback)),
        },
    }
}

/// Today: the local date, or SOURCE_DATE_EPOCH's (a UTC date).
fn today(lang: Lang) -> Result<NaiveDate, (Failure, Lang)> {
    let epoch = env("SOURCE_DATE_EPOCH");
    dates::today(epoch.as_deref()).map_err(|_| {
        (
            Failure::Usage(Msg::BadEpoch(epoch.unwrap_or_default())),
            lang,
        )
    })
}

/// A value kept until the process ends, never freed piece by piece: a
/// command reads its plan once and exits soon after, and the system takes
/// the memory back at once. Freeing a large plan's 100,000 entries one by
/// one took a sixth of `status`'s time. Nothing in a plan holds a file,
/// lock or other resource that needs a `Drop`.
pub(super) type Kept<T> = std::mem::ManuallyDrop<T>;

/// What a command that works without a plan knows.
pub(super) struct Bare {
    /// `--lang` or CTG_LANG, when given.
    pub explicit: Option<Lang>,
    /// The session's language: the explicit one, else the system locale's, else English.
    pub lang: Lang,
    /// Today: the local date, or SOURCE_DATE_EPOCH's in UTC.
    pub today: NaiveDate,
    /// `--plan` or CTG_PLAN, when given (`schema` offers that plan's ids).
    pub plan: Option<PathBuf>,
}

impl Bare {
    /// Resolves `--lang` and today, without looking for a plan.
    pub(super) fn resolve(g: &Global) -> Result<Bare, (Failure, Lang)> {
        let (explicit, fallback) = languages(g)?;
        let lang = explicit.unwrap_or(fallback);
        Ok(Bare {
            explicit,
            lang,
            today: today(lang)?,
            plan: g
                .plan
                .clone()
                .or_else(|| env("CTG_PLAN").map(PathBuf::from)),
        })
    }
}

/// The first plan folder that `portfolio`'s folders name.
fn first_plan(dirs: &[PathBuf]) -> Option<PathBuf> {
    ctg::report::portfolio::plan_folders(&dirs[..dirs.len().min(1)])
        .ok()?
        .into_iter()
        .next()
}

/// The `language` of the plan's convention, read ahead of the plan so that
/// every message of the session, even before loading, is in that language.
fn plan_language(dir: &Path) -> Option<Lang> {
    ctg::load::convention_language(dir)
        .as_deref()
        .and_then(Lang::parse)
}

/// The plan folder relative to the current folder when under it.
fn shown(dir: &Path, cwd: &Path) -> PathBuf {
    let absolute = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        cwd.join(dir)
    };
    match absolute.strip_prefix(cwd) {
        Ok(rel) => rel.to_path_buf(),
        Err(_) => dir.to_path_buf(),
    }
}

/// Whether to colour a stream: `--color always|never`, else, in this
/// order, `NO_COLOR` set: never; `CLICOLOR_FORCE` set and not `0`: always,
/// even through a pipe; `CLICOLOR=0` or `TERM=dumb`: never; else on a
/// terminal only (as `anstream` and the clicolors convention decide).
fn colour(choice: ColorChoice, terminal: bool, var: impl Fn(&str) -> Option<String>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if var("NO_COLOR").is_some() => false,
        ColorChoice::Auto if var("CLICOLOR_FORCE").is_some_and(|v| v.trim() != "0") => true,
        ColorChoice::Auto if var("CLICOLOR").is_some_and(|v| v.trim() == "0") => false,
        ColorChoice::Auto if var("TERM").is_some_and(|v| v.trim() == "dumb") => false,
        ColorChoice::Auto => terminal,
    }
}

fn terminal_width() -> Option<u16> {
    comfy_table::Table::new().width()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The environment made of `pairs`; an empty value counts as unset,
    /// as [`env`] reads it.
    fn vars(pairs: &[(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        let pairs = pairs.to_vec();
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, v)| *n == name && !v.is_empty())
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn colour_follows_the_clicolors_convention_under_the_options() {
        let auto = |terminal, pairs: &[(&'static str, &'static str)]| {
            colour(ColorChoice::Auto, terminal, vars(pairs))
        };
        assert!(auto(true, &[]), "a terminal is coloured");
        assert!(!auto(false, &[]), "a pipe is not");
        assert!(!auto(true, &[("TERM", "dumb")]));
        assert!(auto(true, &[("TERM", "xterm-256color")]));
        assert!(!auto(true, &[("CLICOLOR", "0")]));
        assert!(auto(true, &[("CLICOLOR", "1")]));
        assert!(
            auto(false, &[("CLICOLOR_FORCE", "1")]),
            "forced through a pipe"
        );
        assert!(auto(false, &[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")]));
        assert!(!auto(false, &[("CLICOLOR_FORCE", "0")]));
        assert!(!auto(false, &[("CLICOLOR_FORCE", "")]), "empty is unset");
        assert!(
            !auto(true, &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]),
            "NO_COLOR wins"
        );
        let dumb = vars(&[("TERM", "dumb"), ("NO_COLOR", "1")]);
        assert!(
            colour(ColorChoice::Always, false, &dumb),
            "--color always wins"
        );
        assert!(!colour(
            ColorChoice::Never,
            true,
            vars(&[("CLICOLOR_FORCE", "1")])
        ));
    }
}

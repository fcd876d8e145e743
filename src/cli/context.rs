//! The resolved configuration of a run: options over environment over defaults.

use super::Failure;
use super::args::{ColorChoice, Global};
use crate::check::check;
use crate::dates;
use crate::diag::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::load::{FindError, Loaded, find_plan, load};
use crate::render::diagnostics::{Paths, counts, render_text};
use chrono::NaiveDate;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Everything a command needs to know besides its own arguments.
pub struct Context {
    /// The plan folder.
    pub plan_dir: PathBuf,
    /// The plan folder as shown in messages.
    pub shown_dir: PathBuf,
    /// Today (system date or SOURCE_DATE_EPOCH).
    pub today: NaiveDate,
    /// The date everything is computed as of.
    pub as_of: NaiveDate,
    /// `--lang` or CTG_LANG, if given.
    pub lang: Option<Lang>,
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr.
    pub color_err: bool,
    /// Table width: COLUMNS, else the terminal's, else unlimited.
    pub width: Option<u16>,
}

/// An environment variable; set to the empty string counts as unset.
pub fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// A plan loaded and checked, with the language to speak.
pub struct Checked {
    /// The plan as read.
    pub loaded: Loaded,
    /// The output language.
    pub lang: Lang,
}

impl Context {
    /// Resolves the global options.
    pub fn resolve(g: &Global) -> Result<Context, Failure> {
        let lang_text = g.lang.clone().or_else(|| env("CTG_LANG"));
        let lang = match lang_text {
            None => None,
            Some(t) => Some(
                Lang::parse(&t)
                    .ok_or_else(|| Failure::Usage(format!("unknown language `{t}` (fr or en)")))?,
            ),
        };
        let today = dates::today(env("SOURCE_DATE_EPOCH").as_deref()).map_err(Failure::Usage)?;
        let as_of = match g.as_of.clone().or_else(|| env("CTG_AS_OF")) {
            None => today,
            Some(t) => dates::parse_cli_date(&t).ok_or_else(|| {
                Failure::Usage(format!("`{t}` is not a date (YYYY-MM-DD or JJ/MM/AAAA)"))
            })?,
        };
        let cwd = std::env::current_dir().unwrap_or_default();
        let explicit = g
            .plan
            .clone()
            .or_else(|| env("CTG_PLAN").map(PathBuf::from));
        let plan_dir = find_plan(explicit.as_deref(), &cwd).map_err(|e| match e {
            FindError::NotAFolder(p) => Failure::Refused(lang.unwrap_or_default().pick(
                format!("plan folder `{}` not found", p.display()),
                format!("dossier de plan `{}` introuvable", p.display()),
            )),
            FindError::NotFound(_) => Failure::Refused(lang.unwrap_or_default().pick(
                "no plan here: no convention.yaml or plan/convention.yaml in this folder or above; use --plan DIR".into(),
                "aucun plan ici\u{a0}: ni convention.yaml ni plan/convention.yaml dans ce dossier ou au-dessus ; utilisez --plan DOSSIER".into(),
            )),
        })?;
        let shown_dir = shown(&plan_dir, &cwd);
        let no_color = env("NO_COLOR").is_some();
        let decide = |terminal: bool| match g.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        let width = env("COLUMNS")
            .and_then(|c| c.trim().parse::<u16>().ok())
            .or_else(|| {
                std::io::stdout()
                    .is_terminal()
                    .then(terminal_width)
                    .flatten()
            });
        Ok(Context {
            plan_dir,
            shown_dir,
            today,
            as_of,
            lang,
            color: decide(std::io::stdout().is_terminal()),
            color_err: decide(std::io::stderr().is_terminal()),
            width,
        })
    }

    /// The terminal style: colour and width.
    pub fn style(&self) -> crate::render::table::Style {
        crate::render::table::Style {
            color: self.color,
            width: self.width,
        }
    }

    /// Loads and checks the plan, refusing it (diagnostics, exit 1) if it has errors.
    /// Warnings are summed up in one line on stderr.
    pub fn load_valid(&self) -> Result<Checked, Failure> {
        let (loaded, diagnostics, lang) = self.load_all();
        let (errors, warnings) = counts(&diagnostics);
        if errors > 0 {
            let errors_only: Vec<Diagnostic> = diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let paths = Paths {
                root: &self.shown_dir,
            };
            let mut text = render_text(&errors_only, &loaded, &paths, lang, self.color_err);
            text.push_str(&crate::render::diagnostics::summary_line(
                &errors_only,
                &loaded,
                lang,
            ));
            text.push('\n');
            return Err(Failure::Invalid(text));
        }
        if warnings > 0 {
            let line = lang.pick(
                format!(
                    "{warnings} warning{}: run `ctg validate`\n",
                    if warnings == 1 { "" } else { "s" }
                ),
                format!(
                    "{warnings} avertissement{}\u{a0}: lancez `ctg validate`\n",
                    if warnings == 1 { "" } else { "s" }
                ),
            );
            eprint!("{line}");
        }
        Ok(Checked { loaded, lang })
    }

    /// Loads and checks the plan, whatever its state.
    pub fn load_all(&self) -> (Loaded, Vec<Diagnostic>, Lang) {
        let loaded = load(&self.plan_dir);
        let diagnostics = check(&loaded, self.as_of);
        let lang = self.lang.unwrap_or_else(|| {
            loaded
                .plan
                .convention
                .language
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or_default()
        });
        (loaded, diagnostics, lang)
    }
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

fn terminal_width() -> Option<u16> {
    comfy_table::Table::new().width()
}

//! Many plans side by side, as a CAF department follows them: one line per
//! plan, read and checked in parallel, and the totals. A plan with errors is
//! a line with its error count and first error; the others still report.

use crate::check::check;
use crate::compute::{Means, Rollup, Years, means_of, sheet_state};
use crate::diag::{Diagnostic, Severity};
use crate::load::{find_plan, load};
use crate::model::Period;
use crate::report::status::{Filter, SheetRow, build};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Why a folder given on the command line names no plan.
#[derive(Debug)]
pub enum FolderError {
    /// Not a folder.
    NotAFolder(PathBuf),
    /// A folder that is no plan and has no sub-folder that is one.
    NoPlanIn(PathBuf),
}

/// The plan folders that `dirs` name: each one that is a plan, else each of
/// its sub-folders that is one (hidden ones left out), by name; a folder
/// named twice (`dept` and `dept/plan-01`) counts once. A folder with an
/// `actions/` folder or a plan's root file but no `convention.yaml` is a
/// plan too: its row then says what is missing, rather than the plan
/// silently left out.
pub fn plan_folders(dirs: &[PathBuf]) -> Result<Vec<PathBuf>, FolderError> {
    let mut plans: Vec<PathBuf> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut keep = |plan: PathBuf, plans: &mut Vec<PathBuf>| {
        if seen.insert(std::fs::canonicalize(&plan).unwrap_or_else(|_| plan.clone())) {
            plans.push(plan);
        }
    };
    for dir in dirs {
        if !dir.is_dir() {
            return Err(FolderError::NotAFolder(dir.clone()));
        }
        if let Some(plan) = plan_in(dir) {
            keep(plan, &mut plans);
            continue;
        }
        let mut subs: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|_| FolderError::NoPlanIn(dir.clone()))?
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        subs.sort();
        // A folder that cannot be read is kept, to be told as such, not
        // left out in silence.
        let found: Vec<PathBuf> = subs
            .iter()
            .filter_map(|s| match unreadable(s) {
                true => Some(s.clone()),
                false => plan_in(s),
            })
            .collect();
        if found.is_empty() {
            return Err(FolderError::NoPlanIn(dir.clone()));
        }
        for plan in found {
            keep(plan, &mut plans);
        }
    }
    Ok(plans)
}

/// True when `dir` cannot be read, or says it may not be: no read
/// permission at all (`chmod 000`), which the superuser would pass over.
fn unreadable(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o444 == 0) {
            return true;
        }
    }
    std::fs::read_dir(dir).is_err()
}

/// The plan `dir` is or holds in `plan/`, or `dir` itself when it looks
/// like a plan without its `convention.yaml`.
fn plan_in(dir: &Path) -> Option<PathBuf> {
    find_plan(Some(dir), dir).ok().or_else(|| {
        let looks = dir.join("actions").is_dir()
            || ["axes.yaml", "partners.yaml", "tracks.yaml"]
                .iter()
                .any(|f| dir.join(f).is_file());
        looks.then(|| dir.to_path_buf())
    })
}

/// One plan's line.
#[derive(Debug, Clone)]
pub struct PlanLine {
    /// The plan folder, as named on the command line.
    pub folder: PathBuf,
    /// The territory, when `convention.yaml` could be read.
    pub territory: Option<String>,
    /// The period, when `convention.yaml` could be read.
    /// The intercommunality's SIREN, when the convention gives it.
    pub siren: Option<String>,
    pub period: Option<Period>,
    /// Its sheets added up (none when the plan has errors).
    pub rollup: Rollup,
    /// Its latest journal entry on or before the as-of date.
    pub last_entry: Option<NaiveDate>,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// The first error, in the order `ctg validate` gives them.
    pub first_error: Option<Diagnostic>,
    /// The sheets the filter asks for (empty without `--late`/`--stale`).
    /// Euros planned and spent over the period, as of the date.
    pub means: Means,
    pub sheets: Vec<SheetRow>,
}

/// Every plan's line and the totals.
#[derive(Debug, Clone)]
pub struct Portfolio {
    /// The date it is computed as of.
    pub as_of: NaiveDate,
    /// One line per plan, in the order of the folders.
    pub lines: Vec<PlanLine>,
    /// Every valid plan's sheets added up.
    pub total: Rollup,
    /// The latest entry of all.
    pub last_entry: Option<NaiveDate>,
    /// Errors in all plans.
    pub errors: usize,
    /// Warnings in all plans.
    pub warnings: usize,
    /// `--late`/`--stale` was asked: the lines list their sheets.
    /// Euros planned and spent by the valid plans.
    pub means: Means,
    /// Plans of one SIREN whose periods overlap: the SIREN and the two folders.
    pub overlaps: Vec<(String, PathBuf, PathBuf)>,
    pub listed: bool,
}

impl Portfolio {
    /// The folders of the plans with at least one error.
    pub fn invalid_plans(&self) -> Vec<PathBuf> {
        self.lines
            .iter()
            .filter(|l| l.errors > 0)
            .map(|l| l.folder.clone())
            .collect()
    }
}

/// Reads and checks every plan of `folders` in parallel (as many at once as
/// there are cores) and adds them up as of `as_of`; `late`/`stale` list the
/// sheets concerned in each plan (both: the sheets that are both).
pub fn build_portfolio(
    folders: &[PathBuf],
    as_of: NaiveDate,
    late: bool,
    stale: bool,
) -> Portfolio {
    let filter = Filter {
        late,
        stale,
        ..Filter::default()
    };
    let listed = late || stale;
    let lines =
        crate::parallel::map_in_order(folders, |f| line(f, as_of, listed.then_some(&filter)));
    let valid = lines.iter().filter(|l| l.errors == 0);
    Portfolio {
        as_of,
        total: Rollup::sum(valid.clone().map(|l| &l.rollup)),
        means: Means::total(valid.map(|l| l.means)),
        overlaps: overlaps(&lines),
        last_entry: lines.iter().filter_map(|l| l.last_entry).max(),
        errors: lines.iter().map(|l| l.errors).sum(),
        warnings: lines.iter().map(|l| l.warnings).sum(),
        lines,
        listed,
    }
}

/// Pairs of plans with one SIREN whose periods share a year: the same
/// territory followed twice, or a renewal that starts before the old
/// convention ends.
fn overlaps(lines: &[PlanLine]) -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for (i, a) in lines.iter().enumerate() {
        for b in &lines[i + 1..] {
            if let (Some(sa), Some(sb), Some(pa), Some(pb)) =
                (&a.siren, &b.siren, a.period, b.period)
                && sa == sb
                && pa.start <= pb.end
                && pb.start <= pa.end
            {
                out.push((sa.clone(), a.folder.clone(), b.folder.clone()));
            }
        }
    }
    out
}

fn line(folder: &Path, as_of: NaiveDate, filter: Option<&Filter>) -> PlanLine {
    let root = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let loaded = load(&root);
    let diagnostics = match unreadable(&root) {
        true => vec![crate::diag::Diagnostic {
            severity: Severity::Error,
            problem: crate::diag::Problem::Unreadable {
                cause: crate::diag::Unreadable::Denied,
            },
            file: PathBuf::new(),
            pos: crate::yaml::Pos::default(),
            width: 1,
        }],
        false => check(&loaded, as_of),
    };
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let plan = &loaded.plan;
    let convention = (!loaded.unread.convention).then_some(&plan.convention);
    let mut line = PlanLine {
        folder: folder.to_path_buf(),
        territory: convention.map(|c| c.territory.clone()),
        siren: convention.and_then(|c| c.siren.as_ref().map(|s| s.value.clone())),
        period: convention.map(|c| *c.period),
        rollup: Rollup::default(),
        last_entry: None,
        errors,
        warnings: diagnostics.len() - errors,
        first_error: diagnostics
            .into_iter()
            .find(|d| d.severity == Severity::Error),
        sheets: Vec::new(),
        means: Means::default(),
    };
    if errors > 0 {
        return line;
    }
    let stale_after = plan.convention.stale_after_months;
    let states: Vec<_> = plan
        .sheets
        .iter()
        .map(|s| sheet_state(s, stale_after, as_of))
        .collect();
    line.rollup = Rollup::of(&states);
    line.means = means_of(&plan.sheets, Years::All, as_of);
    line.last_entry = states.iter().filter_map(|s| s.last_entry).max();
    if let Some(filter) = filter {
        line.sheets = build(plan, as_of, filter)
            .rows()
            .map(|(_, _, s)| s.clone())
            .collect();
    }
    line
}

//! Identifiers: unique, in their place, in the right file.

use super::{Ctx, Out};
use crate::diag::{IdExpected, Problem};
use crate::model::{Located, parent_id};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn file(name: &str) -> PathBuf {
    PathBuf::from(name)
}

/// `duplicate-id`: each id is declared once within its kind.
pub(super) fn duplicate_id(ctx: &Ctx, out: &mut Out) {
    let plan = ctx.plan;
    let mut once = |ids: Vec<(&Located<String>, PathBuf)>| {
        let mut seen: HashMap<&str, (PathBuf, u32)> = HashMap::new();
        for (id, path) in ids {
            if let Some((first_file, first_line)) = seen.get(id.as_str()) {
                let first = format!("{}:{}", first_file.display(), first_line);
                out.error(
                    Problem::DuplicateId {
                        id: id.value.clone(),
                        first,
                    },
                    &path,
                    id,
                );
            } else {
                seen.insert(id.as_str(), (path, id.pos.line));
            }
        }
    };
    once(
        plan.partners
            .iter()
            .map(|p| (&p.id, file("partners.yaml")))
            .collect(),
    );
    once(
        plan.convention
            .fields
            .iter()
            .map(|f| (&f.id, file("convention.yaml")))
            .collect(),
    );
    once(
        plan.tracks
            .iter()
            .map(|t| (&t.id, file("tracks.yaml")))
            .collect(),
    );
    once(
        plan.axes
            .iter()
            .map(|a| (&a.id, file("axes.yaml")))
            .collect(),
    );
    once(
        plan.objectives()
            .map(|(_, o)| (&o.id, file("axes.yaml")))
            .collect(),
    );
    once(
        plan.sheets
            .iter()
            .map(|s| (&s.id, s.file.clone()))
            .collect(),
    );
    for s in &plan.sheets {
        once(
            s.milestones
                .iter()
                .map(|m| (&m.id, s.file.clone()))
                .collect(),
        );
        once(
            s.indicators
                .iter()
                .map(|i| (&i.id, s.file.clone()))
                .collect(),
        );
        once(s.budget.iter().map(|l| (&l.id, s.file.clone())).collect());
    }
}

/// `bad-id`: an objective's id starts with its axis's.
pub(super) fn objective_under_axis(ctx: &Ctx, out: &mut Out) {
    for axis in &ctx.plan.axes {
        for o in &axis.objectives {
            if parent_id(&o.id) != Some(axis.id.as_str()) {
                let expected = IdExpected::UnderAxis(axis.id.value.clone());
                out.error(
                    Problem::BadId {
                        id: o.id.value.clone(),
                        expected,
                    },
                    Path::new("axes.yaml"),
                    &o.id,
                );
            }
        }
    }
}

/// `file-name`: a sheet lives in a file named after its id.
pub(super) fn file_name(ctx: &Ctx, out: &mut Out) {
    for s in &ctx.plan.sheets {
        let stem = s
            .file
            .file_stem()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        if stem != s.id.value && !stem.starts_with(&format!("{}-", s.id.value)) {
            let name = s
                .file
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.error(
                Problem::FileName {
                    id: s.id.value.clone(),
                    file: name,
                },
                &s.file,
                &s.id,
            );
        }
    }
}

/// `missing-parent`: each sheet sits under an objective of `axes.yaml`.
pub(super) fn missing_parent(ctx: &Ctx, out: &mut Out) {
    if ctx.unread.axes {
        return;
    }
    let plan = ctx.plan;
    for s in &plan.sheets {
        let parent = parent_id(&s.id).unwrap_or_default();
        if !plan.objectives().any(|(_, o)| o.id.value == parent) {
            out.error(
                Problem::MissingParent {
                    id: s.id.value.clone(),
                    parent: parent.to_string(),
                },
                &s.file,
                &s.id,
            );
        }
    }
}

/// `no-sheet`: each objective has at least one sheet.
pub(super) fn no_sheet(ctx: &Ctx, out: &mut Out) {
    if ctx.unread.sheets || ctx.unread.axes {
        return;
    }
    let plan = ctx.plan;
    for (_, o) in plan.objectives() {
        if !plan
            .sheets
            .iter()
            .any(|s| parent_id(&s.id) == Some(o.id.as_str()))
        {
            out.warn(
                Problem::NoSheet {
                    id: o.id.value.clone(),
                },
                Path::new("axes.yaml"),
                &o.id,
            );
        }
    }
}

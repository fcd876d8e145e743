//! References to partners, fields and tracks, each named once.

use super::{Ctx, Out};
use crate::diag::{Problem, suggest};
use crate::model::{Located, Sheet};
use std::path::Path;

/// Every sheet, those read in part included (their references still count).
fn every_sheet<'a>(ctx: &'a Ctx) -> impl Iterator<Item = &'a Sheet> {
    ctx.plan.sheets.iter().chain(ctx.damaged)
}

/// `unknown-partner`: signatories, leads and partners are in `partners.yaml`.
pub(super) fn unknown_partner(ctx: &Ctx, out: &mut Out) {
    if ctx.unread.partners {
        return;
    }
    let known: Vec<&str> = ctx.plan.partners.iter().map(|p| p.id.as_str()).collect();
    let mut check = |id: &Located<String>, path: &Path| {
        if !known.contains(&id.as_str()) {
            let suggestion = suggest(id, known.iter().copied());
            let problem = Problem::UnknownPartner {
                id: id.value.clone(),
                suggestion,
            };
            out.error(problem, path, id);
        }
    };
    for id in &ctx.plan.convention.signatories {
        check(id, Path::new("convention.yaml"));
    }
    for s in every_sheet(ctx) {
        for id in s.lead.iter().chain(&s.partners) {
            check(id, &s.file);
        }
    }
}

/// `unknown-field`: tracks and sheets name fields of `convention.yaml`.
pub(super) fn unknown_field(ctx: &Ctx, out: &mut Out) {
    if ctx.unread.convention {
        return;
    }
    let fields = &ctx.plan.convention.fields;
    let known: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
    let mut check = |id: &Located<String>, path: &Path| {
        if !known.contains(&id.as_str()) {
            let suggestion = suggest(id, known.iter().copied());
            let problem = Problem::UnknownField {
                id: id.value.clone(),
                suggestion,
            };
            out.error(problem, path, id);
        }
    };
    for t in &ctx.plan.tracks {
        check(&t.field, Path::new("tracks.yaml"));
    }
    for s in every_sheet(ctx) {
        for id in &s.fields {
            check(id, &s.file);
        }
    }
}

/// `unknown-track`: sheets name tracks of `tracks.yaml`.
pub(super) fn unknown_track(ctx: &Ctx, out: &mut Out) {
    if ctx.unread.tracks {
        return;
    }
    let known: Vec<&str> = ctx.plan.tracks.iter().map(|t| t.id.as_str()).collect();
    for s in every_sheet(ctx) {
        for id in &s.tracks {
            if !known.contains(&id.as_str()) {
                let suggestion = suggest(id, known.iter().copied());
                let problem = Problem::UnknownTrack {
                    id: id.value.clone(),
                    suggestion,
                };
                out.error(problem, &s.file, id);
            }
        }
    }
}

/// `duplicate-reference`: a list of references names each id once — a
/// sheet's partners, fields and tracks, the convention's signatories (a
/// field named twice would count the sheet twice in its field's figures).
/// Reported at the second mention.
pub(super) fn duplicate_reference(ctx: &Ctx, out: &mut Out) {
    let mut check = |ids: &[Located<String>], key: &'static str, path: &Path| {
        for (i, id) in ids.iter().enumerate() {
            if ids[..i].iter().any(|earlier| earlier.value == id.value) {
                let problem = Problem::DuplicateReference {
                    id: id.value.clone(),
                    key,
                };
                out.error(problem, path, id);
            }
        }
    };
    if !ctx.unread.convention {
        check(
            &ctx.plan.convention.signatories,
            "signatories",
            Path::new("convention.yaml"),
        );
    }
    for s in every_sheet(ctx) {
        check(&s.partners, "partners", &s.file);
        check(&s.fields, "fields", &s.file);
        check(&s.tracks, "tracks", &s.file);
    }
}

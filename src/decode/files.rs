//! The decoders of each plan file: which keys it has and what they hold.

use super::{Decoder, IdShape, Keys};
use crate::diag::Expected;
use crate::model::*;
use crate::yaml::{Kind, Node, Value};

const CONVENTION_KEYS: &[&str] = &[
    "name",
    "territory",
    "signatories",
    "signed",
    "period",
    "language",
    "fields",
    "coordinator",
    "stale_after_months",
    "previous",
    "siren",
    "communes",
];
/// The keys of an action sheet, in the spec's order.
pub(crate) const SHEET_KEYS: &[&str] = &[
    "id",
    "title",
    "fields",
    "lead",
    "carried_from",
    "partners",
    "tracks",
    "audience",
    "description",
    "goals",
    "schedule",
    "recurring",
    "indicators",
    "milestones",
    "budget",
    "journal",
];
/// The keys of a journal entry.
pub(crate) const ENTRY_KEYS: &[&str] = &[
    "date",
    "status",
    "progress",
    "note",
    "difficulties",
    "next",
    "decision",
    "reached",
    "measures",
    "spent",
    "by",
];
const INDICATOR_KEYS: &[&str] = &[
    "id",
    "label",
    "unit",
    "kind",
    "direction",
    "baseline",
    "targets",
];

/// Decodes `convention.yaml`.
pub fn decode_convention(d: &mut Decoder, root: &Node) -> Option<Convention> {
    let keys = d.keys(root, "convention", CONVENTION_KEYS)?;
    let name = d.text(&keys, "name");
    let territory = d.text(&keys, "territory");
    let signatories = d.slug_list(&keys, "signatories");
    let signed = d.opt_date(&keys, "signed");
    let period = req_period(d, &keys, "period");
    let language = d
        .choice(&keys, "language", "fr, en", &[("fr", "fr"), ("en", "en")])
        .map(str::to_string);
    let mut fields = Vec::new();
    for item in d.list(&keys, "fields") {
        let Some(k) = d.keys(item, "fields", &["id", "label"]) else {
            continue;
        };
        if let (Some(id), Some(label)) = (d.id(&k, "id", IdShape::Slug), d.text(&k, "label")) {
            fields.push(Field { id, label });
        }
    }
    let coordinator = keys.get("coordinator").and_then(|node| {
        let k = d.keys(
            node,
            "coordinator",
            &["name", "role", "email", "phone", "address"],
        )?;
        Some(Coordinator {
            name: d.opt_text(&k, "name"),
            role: d.opt_text(&k, "role"),
            email: d.opt_text(&k, "email"),
            phone: d.opt_text(&k, "phone"),
            address: d.opt_text(&k, "address"),
        })
    });
    let stale_after_months = d.opt_count(&keys, "stale_after_months").unwrap_or(6);
    let siren = d.siren(&keys, "siren");
    let communes = d.communes(&keys, "communes");
    let previous = keys.get("previous").and_then(|node| {
        let k = d.keys(node, "previous", &["name", "period"])?;
        let name = d.text(&k, "name");
        let period = req_period(d, &k, "period");
        Some(Previous {
            name: name?,
            period: period?.value,
        })
    });
    Some(Convention {
        name: name?,
        territory: territory?,
        signatories,
        signed,
        period: period?,
        language,
        fields,
        coordinator,
        stale_after_months,
        previous,
        siren,
        communes,
    })
}

/// A required `{start, end}` period under `key`.
fn req_period(d: &mut Decoder, keys: &Keys, key: &str) -> Option<Located<Period>> {
    match keys.get(key) {
        None => {
            d.missing(keys, key);
            None
        }
        Some(node) => period(d, node, key),
    }
}

/// A span of years written `2022-2026`, as `carried_from` has it, or as
/// `{start: 2022, end: 2026}`.
fn years_span(d: &mut Decoder, node: &Node, what: &str) -> Option<Located<Period>> {
    let Value::Str(text) = &node.value else {
        return period(d, node, what);
    };
    let parsed = text.split_once('-').and_then(|(a, b)| {
        let (start, end) = (a.trim().parse::<i32>().ok()?, b.trim().parse::<i32>().ok()?);
        Some(Period { start, end })
    });
    match parsed {
        Some(value) => Some(Located {
            value,
            pos: node.pos,
        }),
        None => {
            d.wrong(what, Expected::Map, node);
            None
        }
    }
}

fn period(d: &mut Decoder, node: &Node, what: &str) -> Option<Located<Period>> {
    let k = d.keys(node, what, &["start", "end"])?;
    let start = d.req_year(&k, "start");
    let end = d.req_year(&k, "end");
    Some(Located {
        value: Period {
            start: start?,
            end: end?,
        },
        pos: node.pos,
    })
}

/// Decodes `partners.yaml`: a list of partners.
pub fn decode_partners(d: &mut Decoder, root: &Node) -> Option<Vec<Partner>> {
    let items = list_root(d, root, "partners")?;
    let mut partners = Vec::new();
    for item in items {
        let Some(k) = d.keys(item, "partners", &["id", "name", "kind", "contact"]) else {
            continue;
        };
        let id = d.id(&k, "id", IdShape::Slug);
        let name = d.text(&k, "name");
        let kind = match k.get("kind") {
            None => {
                d.missing(&k, "kind");
                None
            }
            Some(_) => d.choice(
                &k,
                "kind",
                "signatory, elected, service, institution, association, other",
                &PartnerKind::ALL,
            ),
        };
        let contact = d.opt_text(&k, "contact");
        if let (Some(id), Some(name), Some(kind)) = (id, name, kind) {
            partners.push(Partner {
                id,
                name,
                kind,
                contact,
            });
        }
    }
    Some(partners)
}

/// Decodes `axes.yaml`: axes with their objectives.
pub fn decode_axes(d: &mut Decoder, root: &Node) -> Option<Vec<Axis>> {
    let items = list_root(d, root, "axes")?;
    let mut axes = Vec::new();
    for item in items {
        let Some(k) = d.keys(item, "axes", &["id", "title", "objectives"]) else {
            continue;
        };
        let id = d.id(&k, "id", IdShape::Dotted(1));
        let title = d.text(&k, "title");
        let mut objectives = Vec::new();
        for o in d.list(&k, "objectives") {
            let Some(ok) = d.keys(o, "objectives", &["id", "title"]) else {
                continue;
            };
            if let (Some(id), Some(title)) =
                (d.id(&ok, "id", IdShape::Dotted(2)), d.text(&ok, "title"))
            {
                objectives.push(Objective { id, title });
            }
        }
        if let (Some(id), Some(title)) = (id, title) {
            axes.push(Axis {
                id,
                title,
                objectives,
            });
        }
    }
    Some(axes)
}

/// Decodes `tracks.yaml`: a list of action tracks.
pub fn decode_tracks(d: &mut Decoder, root: &Node) -> Option<Vec<Track>> {
    let items = list_root(d, root, "tracks")?;
    let mut tracks = Vec::new();
    for item in items {
        let Some(k) = d.keys(item, "tracks", &["id", "field", "title"]) else {
            continue;
        };
        let id = d.id(&k, "id", IdShape::Slug);
        let field = d.id(&k, "field", IdShape::Slug);
        let title = d.text(&k, "title");
        if let (Some(id), Some(field), Some(title)) = (id, field, title) {
            tracks.push(Track { id, field, title });
        }
    }
    Some(tracks)
}

fn list_root<'n>(d: &mut Decoder, root: &'n Node<'n>, what: &str) -> Option<Vec<&'n Node<'n>>> {
    match &root.value {
        crate::yaml::Value::Seq(items) => Some(items.iter().collect()),
        crate::yaml::Value::Null => Some(Vec::new()),
        _ => {
            d.root_kind(root, Kind::List, Expected::List, what);
            None
        }
    }
}

/// Decodes one action sheet.
pub fn decode_sheet(d: &mut Decoder, root: &Node) -> Option<Sheet> {
    let keys = d.keys(root, "sheet", SHEET_KEYS)?;
    let id = d.id(&keys, "id", IdShape::Dotted(3));
    let title = d.text(&keys, "title");
    let fields = d.slug_list(&keys, "fields");
    let lead = keys.get("lead").and_then(|n| {
        d.as_text("lead", n)
            .map(|value| Located { value, pos: n.pos })
    });
    let partners = d.slug_list(&keys, "partners");
    let tracks = d.slug_list(&keys, "tracks");
    let audience = d.text_list(&keys, "audience");
    let description = d.opt_text(&keys, "description");
    let goals = d.text_list(&keys, "goals");
    let schedule = req_period(d, &keys, "schedule");
    let carried_from = keys.get("carried_from").and_then(|node| {
        let k = d.keys(node, "carried_from", &["period", "id"])?;
        let period = match k.get("period") {
            Some(node) => years_span(d, node, "period"),
            None => req_period(d, &k, "period"),
        };
        let id = d.id(&k, "id", IdShape::Dotted(3));
        Some(CarriedFrom {
            period: period?.value,
            id: id?.value,
        })
    });
    let recurring = d.opt_bool(&keys, "recurring").unwrap_or(false);
    let indicators = d
        .list(&keys, "indicators")
        .into_iter()
        .filter_map(|n| indicator(d, n))
        .collect();
    let milestones = d
        .list(&keys, "milestones")
        .into_iter()
        .filter_map(|n| milestone(d, n))
        .collect();
    let budget = d.budget(&keys, "budget");
    // As long as the list from the start: grown by doubling, a journal of
    // 200,000 entries (45 MB) held its old and new buffers at once.
    let items = d.list(&keys, "journal");
    let mut journal = Vec::with_capacity(items.len());
    journal.extend(items.into_iter().filter_map(|n| entry(d, n)));
    Some(Sheet {
        file: Default::default(),
        id: id?,
        title: title?,
        fields,
        lead,
        carried_from,
        partners,
        tracks,
        audience,
        description,
        goals,
        schedule: schedule?,
        recurring,
        indicators,
        milestones,
        budget,
        journal,
    })
}

fn indicator(d: &mut Decoder, node: &Node) -> Option<Indicator> {
    let k = d.keys(node, "indicators", INDICATOR_KEYS)?;
    let id = d.id(&k, "id", IdShape::Slug);
    let label = d.text(&k, "label");
    let unit = d.opt_text(&k, "unit");
    let kind = d.choice(
        &k,
        "kind",
        "result, means",
        &[
            ("result", IndicatorKind::Result),
            ("means", IndicatorKind::Means),
        ],
    );
    let direction = d
        .choice(
            &k,
            "direction",
            "up, down, steady",
            &[
                ("up", Direction::Up),
                ("down", Direction::Down),
                ("steady", Direction::Steady),
            ],
        )
        .unwrap_or_default();
    let baseline = k.get("baseline").and_then(|b| {
        let bk = d.keys(b, "baseline", &["year", "value"])?;
        let year = d.req_year(&bk, "year");
        let value = match bk.get("value") {
            None => {
                d.missing(&bk, "value");
                None
            }
            Some(v) => d.number("value", v),
        };
        Some(Baseline {
            year: year?,
            value: value?,
        })
    });
    let targets = d.targets(&k, "targets");
    Some(Indicator {
        id: id?,
        label: label?,
        unit,
        kind,
        direction,
        baseline,
        targets,
    })
}

fn milestone(d: &mut Decoder, node: &Node) -> Option<Milestone> {
    let k = d.keys(node, "milestones", &["id", "title", "due"])?;
    let id = d.id(&k, "id", IdShape::Slug);
    let title = d.text(&k, "title");
    let due = k.get("due").and_then(|n| d.date("due", n));
    Some(Milestone {
        id: id?,
        title: title?,
        due,
    })
}

fn entry(d: &mut Decoder, node: &Node) -> Option<Entry> {
    let k = d.keys(node, "journal", ENTRY_KEYS)?;
    let date = d.req_date(&k, "date");
    let status = d.status(&k, "status");
    let progress = d.opt_number(&k, "progress");
    let entry = Entry {
        date: date?,
        status,
        progress,
        note: d.opt_text(&k, "note"),
        difficulties: d.opt_text(&k, "difficulties"),
        next: d.opt_text(&k, "next"),
        decision: d.opt_text(&k, "decision"),
        reached: d.slug_list(&k, "reached"),
        measures: d.measures(&k, "measures"),
        spent: d.spent(&k, "spent"),
        by: d.opt_text(&k, "by"),
    };
    Some(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renew_keys_and_an_undated_milestone_read_back() {
        let src = "id: \"1.1.1\"\ntitle: T\nfields: [a]\nschedule: {start: 2027, end: 2031}\ncarried_from: {period: {start: 2022, end: 2026}, id: \"1.1.2\"}\nmilestones:\n  - {id: m, title: M}\n";
        let node = crate::yaml::parse(src).unwrap();
        let mut d = Decoder::new(src);
        let sheet = decode_sheet(&mut d, &node).unwrap();
        assert!(d.found.is_empty(), "{:?}", d.found);
        let from = sheet.carried_from.unwrap();
        assert_eq!((from.period.start, from.id.as_str()), (2022, "1.1.2"));
        assert!(sheet.milestones[0].due.is_none());
        let src = "name: N\nterritory: T\nperiod: {start: 2027, end: 2031}\nprevious: {name: Old, period: {start: 2022, end: 2026}}\n";
        let node = crate::yaml::parse(src).unwrap();
        let mut d = Decoder::new(src);
        let convention = decode_convention(&mut d, &node).unwrap();
        assert!(d.found.is_empty(), "{:?}", d.found);
        let previous = convention.previous.unwrap();
        assert_eq!((previous.name.as_str(), previous.period.end), ("Old", 2026));
    }

    #[test]
    fn carried_from_reads_the_spec_spelling_of_a_period() {
        let src = "id: \"1.1.1\"\ntitle: T\nfields: [a]\nschedule: {start: 2027, end: 2031}\ncarried_from: {period: 2022-2026, id: \"1.1.2\"}\n";
        let node = crate::yaml::parse(src).unwrap();
        let mut d = Decoder::new(src);
        let sheet = decode_sheet(&mut d, &node).unwrap();
        assert!(d.found.is_empty(), "{:?}", d.found);
        let from = sheet.carried_from.unwrap();
        assert_eq!((from.period.start, from.period.end), (2022, 2026));
        let bad = src.replace("2022-2026", "bientôt");
        let node = crate::yaml::parse(&bad).unwrap();
        let mut d = Decoder::new(&bad);
        assert!(decode_sheet(&mut d, &node).is_none() || !d.found.is_empty());
    }
}

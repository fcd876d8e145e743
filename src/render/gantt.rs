//! The Gantt of the sheets as SVG: one bar per sheet over the period, filled
//! by its state, milestones as shapes (● reached, ▲ overdue, ◇ to come), a
//! line at the date computed.

use crate::compute::SynthesisClass;
use crate::compute::labels::class_label;
use crate::i18n::fmt::{colon, short_date};
use crate::i18n::{L, Lang};
use crate::render::document::Document;
use crate::render::grid::escape;
use crate::render::svg::{INK, Svg, fit};
use crate::report::gantt::{Gantt, Mark};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

const WIDTH: f64 = 800.0;
const LABEL: f64 = 250.0;
const ROW: f64 = 20.0;
const TOP: f64 = 34.0;

/// The chart as an `<svg>` element.
pub fn svg(g: &Gantt, lang: Lang) -> Svg {
    let height = TOP + ROW * g.rows.len() as f64 + 70.0;
    let mut svg = Svg::new(
        "gantt",
        (WIDTH, height),
        L::ChartTimeline.get(lang),
        &description(g, lang),
    );
    let span = (g.end - g.start).num_days().max(1) as f64;
    let x = |d: NaiveDate| {
        let days = (d.clamp(g.start, g.end) - g.start).num_days() as f64;
        LABEL + (WIDTH - LABEL - 10.0) * days / span
    };
    let bottom = TOP + ROW * g.rows.len() as f64;
    for year in g.start.year()..=g.end.year() {
        let Some(jan) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            continue;
        };
        svg.push(&format!(
            "<line x1=\"{0:.1}\" y1=\"{TOP}\" x2=\"{0:.1}\" y2=\"{bottom:.1}\" stroke=\"#8c8c8c\" stroke-width=\"0.5\"/>\n",
            x(jan)
        ));
        svg.text((x(jan) + 4.0, TOP - 6.0), "", &year.to_string());
    }
    for (i, row) in g.rows.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        svg.text(
            (0.0, y + 14.0),
            "",
            &fit(
                &format!("{} {}", row.id, row.title),
                LABEL - 8.0,
                12.0,
                false,
            ),
        );
        let state = class_label(row.class).get(lang);
        svg.push(&format!(
            "<rect class=\"bar\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" fill=\"{}\" stroke=\"{INK}\" stroke-width=\"0.75\"><title>{} — {}{} {state}</title></rect>\n",
            x(row.start),
            y + 4.0,
            (x(row.end) - x(row.start)).max(2.0),
            svg.fill(row.class),
            escape(&row.id),
            escape(&row.title),
            colon(lang),
        ));
        for m in &row.milestones {
            let tip = format!(
                "<title>{} {}{} {}</title>",
                short_date(m.due, lang),
                escape(&m.title),
                colon(lang),
                mark_label(m.mark).get(lang)
            );
            svg.push(&mark(m.mark, (x(m.due), y + 10.0), &tip));
        }
    }
    let at = x(g.at);
    svg.push(&format!(
        "<line x1=\"{at:.1}\" y1=\"{:.1}\" x2=\"{at:.1}\" y2=\"{bottom:.1}\" stroke=\"{INK}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n",
        TOP - 18.0
    ));
    let date = crate::i18n::fmt::as_of(g.at, lang);
    let anchor = if at > WIDTH - 120.0 { "end" } else { "start" };
    let dx = if anchor == "end" { -4.0 } else { 4.0 };
    svg.text(
        (at + dx, TOP - 20.0),
        &format!(" text-anchor=\"{anchor}\" font-weight=\"bold\""),
        &date,
    );
    legend(&mut svg, bottom + 24.0, lang);
    svg
}

/// The chart alone in a self-contained HTML page titled with the convention.
pub fn page(g: &Gantt, convention: &str, lang: Lang) -> String {
    let doc = Document {
        title: format!("{} — {convention}", L::ChartTimeline.get(lang)),
        lines: Vec::new(),
        notice: None,
        grids: Vec::new(),
        charts: vec![("", svg(g, lang).finish())],
    };
    crate::render::html::page(&doc, lang)
}

/// The legend: the five states, then the three marks.
fn legend(svg: &mut Svg, y: f64, lang: Lang) {
    for (i, class) in SynthesisClass::ALL.into_iter().enumerate() {
        svg.swatch((i as f64 * 155.0, y), class, class_label(class).get(lang));
    }
    for (i, m) in [Mark::Reached, Mark::Late, Mark::Upcoming]
        .into_iter()
        .enumerate()
    {
        let x = i as f64 * 155.0;
        svg.push(&mark(m, (x + 7.0, y + 22.0), ""));
        svg.text((x + 19.0, y + 26.0), "", mark_label(m).get(lang));
    }
}

/// A milestone's shape at `(x, y)`: a filled circle, a filled triangle or a
/// hollow diamond, so the marks differ without colour.
fn mark(m: Mark, (x, y): (f64, f64), tip: &str) -> String {
    match m {
        Mark::Reached => format!(
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"{INK}\" stroke=\"#ffffff\">{tip}</circle>\n"
        ),
        Mark::Late => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}H{:.1}Z\" fill=\"#D55E00\" stroke=\"{INK}\">{tip}</path>\n",
            y - 6.0,
            x + 6.0,
            y + 5.0,
            x - 6.0
        ),
        Mark::Upcoming => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"1.5\">{tip}</path>\n",
            y - 6.0,
            x + 6.0,
            y + 6.0,
            x - 6.0
        ),
    }
}

/// The label of a milestone mark.
fn mark_label(m: Mark) -> L {
    match m {
        Mark::Reached => L::MilestoneReached,
        Mark::Late => L::MilestoneLate,
        Mark::Upcoming => L::MilestoneToCome,
    }
}

/// The text alternative: the sheets counted by state and the marks by kind.
fn description(g: &Gantt, lang: Lang) -> String {
    let mut out = format!(
        "{} – {}, {} {}{} ",
        short_date(g.start, lang),
        short_date(g.end, lang),
        L::AsOf.get(lang),
        short_date(g.at, lang),
        colon(lang)
    );
    let states: Vec<String> = SynthesisClass::ALL
        .iter()
        .map(|c| {
            let n = g.rows.iter().filter(|r| r.class == *c).count();
            format!("{} {n}", class_label(*c).get(lang))
        })
        .collect();
    out.push_str(&states.join(", "));
    for m in [Mark::Reached, Mark::Late, Mark::Upcoming] {
        let n = g
            .rows
            .iter()
            .flat_map(|r| &r.milestones)
            .filter(|x| x.mark == m)
            .count();
        let _ = write!(
            out,
            "{} {} {n}",
            crate::i18n::phrase::semicolon(lang).trim_end(),
            mark_label(m).get(lang)
        );
    }
    out
}

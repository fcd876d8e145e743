//! The charts of the annual review's HTML page, as inline SVG: the sheets
//! by axis and state, the mean progress by objective with the year before
//! marked, the Gantt, and one small line chart per indicator. Each repeats
//! figures of a table that stays on the page.

use crate::compute::SynthesisClass;
use crate::compute::labels::class_label;
use crate::i18n::fmt::{colon, number, percent};
use crate::i18n::{L, Lang};
use crate::model::Money;
use crate::render::svg::{INK, Svg, fit};
use crate::report::annual::{AnnualReport, IndicatorRow};
use crate::report::budget::Group;
use std::fmt::Write;

const WIDTH: f64 = 800.0;
const BAR: f64 = 600.0;

/// The charts of the review, each with the name of the table it goes before.
pub fn review(r: &AnnualReport, lang: Lang) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("synthesis", synthesis(r, lang)),
        ("detail", progress(r, lang)),
        (
            "milestones",
            crate::render::gantt::svg(&r.gantt, lang).finish(),
        ),
    ];
    if let Some(minis) = indicators(&r.indicators, lang) {
        out.push(("indicators", minis));
    }
    if !r.funding.funders.is_empty() {
        out.push(("funding", funding(&r.funding.funders, lang)));
    }
    out
}

/// Two bars per funder, planned (pale, dotted) and spent (solid), each
/// with its amount, on one scale.
pub fn funding(funders: &[Group], lang: Lang) -> String {
    let c = colon(lang);
    let (planned_word, spent_word) = (L::PlannedWord.get(lang), L::SpentWord.get(lang));
    let euros = |m: Money| m.euros(lang);
    let desc: Vec<String> = funders
        .iter()
        .map(|f| {
            let planned = f.total.planned.map_or_else(|| "—".to_string(), euros);
            format!(
                "{}{c} {planned_word} {planned}, {spent_word} {}",
                f.title,
                euros(f.total.spent)
            )
        })
        .collect();
    let row = 62.0;
    let height = row * funders.len() as f64 + 30.0;
    let mut svg = Svg::new(
        "funding",
        (WIDTH, height),
        L::ChartFunding.get(lang),
        &desc.join(crate::i18n::phrase::semicolon(lang)),
    );
    let most = funders
        .iter()
        .flat_map(|f| [f.total.planned.unwrap_or_default(), f.total.spent])
        .max()
        .unwrap_or_default()
        .cents()
        .max(1) as f64;
    let width = |m: Money| BAR * m.cents().max(0) as f64 / most;
    for (i, f) in funders.iter().enumerate() {
        let y = row * i as f64;
        svg.text(
            (0.0, y + 13.0),
            " font-weight=\"bold\"",
            &fit(&f.title, WIDTH, 12.0, true),
        );
        let bars = [
            (
                f.total.planned.unwrap_or_default(),
                SynthesisClass::NotStarted,
                19.0,
            ),
            (f.total.spent, SynthesisClass::InProgress, 37.0),
        ];
        for (amount, class, dy) in bars {
            svg.push(&format!(
                "<rect x=\"0\" y=\"{:.1}\" width=\"{:.1}\" height=\"16\" fill=\"{}\" stroke=\"{INK}\" stroke-width=\"0.75\"/>\n",
                y + dy,
                width(amount),
                svg.fill(class)
            ));
            svg.text((width(amount) + 8.0, y + dy + 12.0), "", &euros(amount));
        }
    }
    let y = height - 10.0;
    svg.swatch((0.0, y), SynthesisClass::NotStarted, planned_word);
    svg.swatch((155.0, y), SynthesisClass::InProgress, spent_word);
    svg.finish()
}

/// One stacked bar per axis: the sheets in each state, with the counts.
fn synthesis(r: &AnnualReport, lang: Lang) -> String {
    let c = colon(lang);
    let row = 50.0;
    let height = row * r.synthesis.axes.len() as f64 + 40.0;
    let desc: Vec<String> = r
        .synthesis
        .axes
        .iter()
        .map(|a| {
            let counts: Vec<String> = SynthesisClass::ALL
                .iter()
                .zip(a.classes)
                .map(|(class, n)| format!("{} {n}", class_label(*class).get(lang)))
                .collect();
            format!(
                "{} {}{c} {}",
                axis_name(a.id.as_deref(), lang),
                a.title,
                counts.join(", ")
            )
        })
        .collect();
    let mut svg = Svg::new(
        "synthesis",
        (WIDTH, height),
        L::ChartSynthesis.get(lang),
        &desc.join(crate::i18n::phrase::semicolon(lang)),
    );
    let most = r
        .synthesis
        .axes
        .iter()
        .map(|a| a.sheets)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    for (i, a) in r.synthesis.axes.iter().enumerate() {
        let y = row * i as f64;
        let name = fit(
            &format!("{} — {}", axis_name(a.id.as_deref(), lang), a.title),
            WIDTH,
            12.0,
            true,
        );
        svg.text((0.0, y + 14.0), " font-weight=\"bold\"", &name);
        let mut x = 0.0;
        for (class, n) in SynthesisClass::ALL.into_iter().zip(a.classes) {
            if n == 0 {
                continue;
            }
            let w = BAR * n as f64 / most;
            svg.push(&format!(
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"22\" fill=\"{}\" stroke=\"{INK}\" stroke-width=\"0.75\"/>\n",
                y + 20.0,
                svg.fill(class)
            ));
            svg.text(
                (x + w / 2.0, y + 36.0),
                " text-anchor=\"middle\" font-weight=\"bold\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"",
                &n.to_string(),
            );
            x += w;
        }
        svg.text(
            (x + 8.0, y + 36.0),
            "",
            &crate::render::status::sheets_count(a.sheets, lang),
        );
    }
    let y = row * r.synthesis.axes.len() as f64 + 20.0;
    for (i, class) in SynthesisClass::ALL.into_iter().enumerate() {
        svg.swatch((i as f64 * 155.0, y), class, class_label(class).get(lang));
    }
    svg.finish()
}

/// `Axe 1` (`Axis 1`).
fn axis_name(id: Option<&str>, lang: Lang) -> String {
    format!("{} {}", L::Axis.get(lang), id.unwrap_or_default())
}

/// One bar per objective for its mean progress, a diamond at the year before.
fn progress(r: &AnnualReport, lang: Lang) -> String {
    let c = colon(lang);
    let row = 44.0;
    let scale = row * r.objectives.len() as f64;
    let height = scale + 58.0;
    let before = format!("{} {}", L::YearEnd.get(lang), r.year - 1);
    let opt = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| percent(v, lang));
    let desc: Vec<String> = r
        .objectives
        .iter()
        .map(|o| {
            format!(
                "{} {}{c} {} ({before}{c} {})",
                o.id,
                o.title,
                opt(o.mean),
                opt(o.previous)
            )
        })
        .collect();
    let mut svg = Svg::new(
        "progress",
        (WIDTH, height),
        L::ChartProgress.get(lang),
        &desc.join(crate::i18n::phrase::semicolon(lang)),
    );
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = BAR * tick / 100.0;
        svg.push(&format!(
            "<line x1=\"{x:.1}\" y1=\"0\" x2=\"{x:.1}\" y2=\"{scale:.1}\" stroke=\"#c8c8c8\" stroke-width=\"0.5\"/>\n"
        ));
        // The scale under the bars; the first label starts at its line so
        // it stays inside the chart.
        let anchor = if tick == 0.0 { "start" } else { "middle" };
        svg.text(
            (x, scale + 12.0),
            &format!(" text-anchor=\"{anchor}\" font-size=\"10\""),
            &percent(tick, lang),
        );
    }
    for (i, o) in r.objectives.iter().enumerate() {
        let y = row * i as f64;
        svg.text(
            (0.0, y + 13.0),
            "",
            &fit(&format!("{} {}", o.id, o.title), WIDTH, 12.0, false),
        );
        let mean = o.mean.unwrap_or(0.0);
        svg.push(&format!(
            "<rect x=\"0\" y=\"{:.1}\" width=\"{:.1}\" height=\"16\" fill=\"{}\" stroke=\"{INK}\" stroke-width=\"0.75\"/>\n",
            y + 19.0,
            BAR * mean / 100.0,
            svg.fill(SynthesisClass::InProgress)
        ));
        if let Some(p) = o.previous {
            svg.push(&diamond(BAR * p / 100.0, y + 27.0));
        }
        svg.text((BAR + 10.0, y + 32.0), "", &opt(o.mean));
    }
    let y = height - 16.0;
    svg.swatch((0.0, y), SynthesisClass::InProgress, &r.year.to_string());
    svg.push(&diamond(167.0, y - 4.0));
    svg.text((180.0, y), "", &before);
    svg.finish()
}

/// The mark of the year before: a white diamond with a dark outline.
fn diamond(x: f64, y: f64) -> String {
    format!(
        "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"1.5\"/>\n",
        y - 7.0,
        x + 7.0,
        y + 7.0,
        x - 7.0
    )
}

/// One small line chart per indicator of `rows`, side by side; none
/// without indicators.
pub fn indicators(rows: &[IndicatorRow], lang: Lang) -> Option<String> {
    let minis: String = rows
        .iter()
        .enumerate()
        .map(|(i, row)| indicator(i, row, lang))
        .collect();
    (!minis.is_empty()).then(|| format!("<div class=\"minis\">\n{minis}</div>\n"))
}

/// A small line chart: the baseline (a square), the values by year (dots on
/// a line) and the target (a dashed line and a cross).
fn indicator(i: usize, row: &IndicatorRow, lang: Lang) -> String {
    let (w, h, left, top, bottom) = (260.0, 150.0, 36.0, 34.0, 126.0);
    let c = colon(lang);
    let unit = row.unit.as_deref().unwrap_or_default();
    let num = |v: f64| number(v, 2, lang);
    let mut points: Vec<(i32, f64)> = row.baseline_year.zip(row.baseline).into_iter().collect();
    points.extend(&row.values);
    let mut desc = Vec::new();
    if let (Some(y), Some(v)) = (row.baseline_year, row.baseline) {
        desc.push(format!(
            "{} {y}{c} {} {unit}",
            L::Baseline.get(lang),
            num(v)
        ));
    }
    for (y, v) in &row.values {
        desc.push(format!("{y}{c} {} {unit}", num(*v)));
    }
    if let Some((y, v)) = row.final_target {
        desc.push(format!("{} {y}{c} {} {unit}", L::Target.get(lang), num(v)));
    }
    let title = format!(
        "{} {} — {}",
        L::IndicatorChart.get(lang),
        row.sheet,
        row.label
    );
    let mut svg = Svg::new(
        &format!("indicator-{i}"),
        (w, h),
        &title,
        &desc.join(crate::i18n::phrase::semicolon(lang)),
    );
    svg.text(
        (0.0, 13.0),
        " font-weight=\"bold\"",
        &fit(&format!("{} {}", row.sheet, row.label), w, 12.0, true),
    );
    let years = points
        .iter()
        .map(|p| p.0)
        .chain(row.final_target.map(|t| t.0));
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
    let values = points
        .iter()
        .map(|p| p.1)
        .chain(row.final_target.map(|t| t.1));
    let (low, high) = values.fold((0.0_f64, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
    if first > last || high <= low {
        return svg.finish();
    }
    let x =
        |y: i32| left + (w - left - 16.0) * f64::from(y - first) / f64::from((last - first).max(1));
    let yv = |v: f64| bottom - (bottom - top) * (v - low) / (high - low);
    svg.push(&format!(
        "<path d=\"M{left} {top}V{bottom}H{:.1}\" fill=\"none\" stroke=\"#8c8c8c\" stroke-width=\"0.75\"/>\n",
        w - 8.0
    ));
    svg.text(
        (left - 4.0, top + 4.0),
        " text-anchor=\"end\" font-size=\"10\"",
        &num(high),
    );
    svg.text(
        (left - 4.0, bottom),
        " text-anchor=\"end\" font-size=\"10\"",
        &num(low),
    );
    svg.text((left, h - 8.0), " font-size=\"10\"", &first.to_string());
    svg.text(
        (w - 8.0, h - 8.0),
        " text-anchor=\"end\" font-size=\"10\"",
        &last.to_string(),
    );
    if let Some((ty, tv)) = row.final_target {
        svg.push(&format!(
            "<line x1=\"{left}\" y1=\"{0:.1}\" x2=\"{1:.1}\" y2=\"{0:.1}\" stroke=\"#D55E00\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n<path d=\"M{2:.1} {3:.1}l8 8m0 -8l-8 8\" stroke=\"#D55E00\" stroke-width=\"2\"/>\n",
            yv(tv),
            w - 8.0,
            x(ty) - 4.0,
            yv(tv) - 4.0
        ));
    }
    let mut line = String::new();
    for (y, v) in &points {
        let _ = write!(line, "{:.1},{:.1} ", x(*y), yv(*v));
    }
    svg.push(&format!(
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\"/>\n",
        line.trim_end()
    ));
    for (k, (y, v)) in points.iter().enumerate() {
        let baseline = k == 0 && row.baseline_year.is_some();
        svg.push(&if baseline {
            format!(
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"1.5\"/>\n",
                x(*y) - 4.0,
                yv(*v) - 4.0
            )
        } else {
            format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#0072B2\" stroke=\"{INK}\"/>\n",
                x(*y),
                yv(*v)
            )
        });
    }
    let legend = format!(
        "□ {}  ● {}  ✕ {}",
        L::Baseline.get(lang),
        L::Value.get(lang),
        L::Target.get(lang)
    );
    svg.text((left, 27.0), " font-size=\"10\"", &legend);
    svg.finish()
}

//! `ctg timeline`: the convention period as a chart, one row per sheet.
//!
//! Each row shows the sheet's schedule as a bar over the period's years, its
//! milestones as marks (◆ due, ✔ reached, ▲ overdue) and the as-of date as a
//! vertical line. Marks are distinct symbols, so the chart reads without
//! colour; colour is only added on a terminal.

use crate::compute::labels::health_label;
use crate::compute::{Health, end_of_year, sheet_state, start_of_year};
use crate::i18n::{L, Lang};
use crate::model::Plan;
use chrono::NaiveDate;

const LABEL: usize = 8;
const MIN_CELLS_PER_YEAR: usize = 4;

/// The chart, `width` columns wide at most (unlimited: 12 cells a year).
pub fn chart(plan: &Plan, as_of: NaiveDate, lang: Lang, width: Option<u16>, color: bool) -> String {
    let period = *plan.convention.period;
    let years = (period.end - period.start + 1).max(1) as usize;
    // Room after the bars for the widest health, two spaces before it.
    let state_width = 2 + Health::ALL
        .iter()
        .map(|h| crate::render::terminal::width(health_label(*h, lang)))
        .max()
        .unwrap_or(0);
    let per_year = width.map_or(12, |w| {
        ((w as usize).saturating_sub(LABEL + 2 + state_width) / years).clamp(MIN_CELLS_PER_YEAR, 24)
    });
    let cells = per_year * years;
    let (start, end) = (start_of_year(period.start), end_of_year(period.end));
    let span = (end - start).num_days().max(1) as f64;
    let col = |d: NaiveDate| -> Option<usize> {
        (d >= start && d <= end)
            .then(|| (((d - start).num_days() as f64 / span) * cells as f64).floor() as usize)
            .map(|c| c.min(cells - 1))
    };
    let today = col(as_of);
    // The chart's title, as the SVG's, with the period it spans.
    let mut out = format!(
        "{} {}–{}\n",
        L::ChartTimeline.get(lang),
        period.start,
        period.end
    );
    let mut axis = " ".repeat(LABEL);
    for y in period.start..=period.end {
        let label = y.to_string();
        axis.push('|');
        axis.push_str(&format!("{label:<width$}", width = per_year - 1));
    }
    out.push_str(axis.trim_end());
    out.push('\n');
    for sheet in &plan.sheets {
        let state = sheet_state(sheet, plan.convention.stale_after_months, as_of);
        let mut row = vec!['·'; cells];
        let (s, e) = (
            col(start_of_year(sheet.schedule.start)),
            col(end_of_year(sheet.schedule.end)),
        );
        if let (Some(s), Some(e)) = (s, e) {
            for c in row.iter_mut().take(e + 1).skip(s) {
                *c = '─';
            }
        }
        if let Some(t) = today {
            row[t] = '│';
        }
        for m in &sheet.milestones {
            if let Some(c) = m.due_date().and_then(col) {
                row[c] = if state.has_reached(&m.id) {
                    '✔'
                } else if m.due_before(as_of) {
                    '▲'
                } else {
                    '◆'
                };
            }
        }
        let line: String = row.iter().map(|c| paint(*c, color)).collect();
        out.push_str(&format!(
            "{:<LABEL$}{line}  {}\n",
            sheet.id.value,
            health_label(state.health, lang)
        ));
    }
    let legend = legend(as_of, lang);
    match width.filter(|w| legend.trim_end().chars().count() > usize::from(*w)) {
        Some(w) => {
            for line in crate::render::terminal::wrap(legend.trim_end(), w.into(), "", "") {
                out.push_str(&format!("{line}\n"));
            }
        }
        None => out.push_str(&legend),
    }
    out
}

fn paint(c: char, color: bool) -> String {
    let code = match c {
        '▲' => "31",
        '✔' => "32",
        '│' => "1",
        _ => "",
    };
    if color && !code.is_empty() {
        format!("\u{1b}[{code}m{c}\u{1b}[0m")
    } else {
        c.to_string()
    }
}

/// The marks and their meanings, each mark held to its words by no-break
/// spaces so a wrap never leaves a mark at a line's end.
fn legend(as_of: NaiveDate, lang: Lang) -> String {
    let d = crate::i18n::fmt::short_date(as_of, lang);
    let glued: String = L::TimelineLegend
        .get(lang)
        .split("  ")
        .map(|item| item.replace(' ', "\u{a0}"))
        .collect::<Vec<_>>()
        .join("  ");
    format!("{glued}  │\u{a0}{d}\n")
}

/// The chart as a Markdown code block, usable in a document.
pub fn markdown(plan: &Plan, as_of: NaiveDate, lang: Lang) -> String {
    format!(
        "```text\n{}```\n",
        chart(plan, as_of, lang, Some(80), false)
    )
}

//! `ctg status` as a terminal table, Markdown, CSV and JSON.

use crate::compute::{Health, Rollup};
use crate::i18n::{L, Lang, health_label, health_symbol, status_label};
use crate::model::Status;
use crate::render::csv::Csv;
use crate::render::fmt::{bar, percent, short_date};
use crate::render::safe::{self, cell};
use crate::render::table::{Style, new_table};
use crate::report::status::{NextMilestone, SheetRow, StatusReport, health_counts};
use comfy_table::{Cell, Color, ColumnConstraint, Width};
use serde_json::{Value, json};

fn header(lang: Lang) -> Vec<&'static str> {
    [
        L::Id,
        L::Title,
        L::Lead,
        L::Status,
        L::Health,
        L::Progress,
        L::LastEntry,
        L::NextMilestone,
    ]
    .map(|l| l.get(lang))
    .to_vec()
}

/// The colour of a health value on a terminal (never its only sign).
pub fn health_color(h: Health) -> Option<Color> {
    match h {
        Health::Alert => Some(Color::Red),
        Health::Watch => Some(Color::DarkYellow),
        Health::Upcoming => Some(Color::Grey),
        Health::OnTrack => Some(Color::Green),
        Health::Done | Health::Abandoned => None,
    }
}

fn milestone_text(m: &Option<NextMilestone>, lang: Lang) -> String {
    m.as_ref().map_or_else(String::new, |m| {
        let late = if m.overdue {
            format!(" ({})", L::Overdue.get(lang))
        } else {
            String::new()
        };
        match m.due {
            Some(due) => format!("{} {}{late}", short_date(due, lang), m.title),
            None => m.title.clone(),
        }
    })
}

/// Below this width, `status` hides the lead and last-entry columns and the bars.
pub const NARROW: u16 = 150;
/// Below this width, `status` also hides the next milestone.
pub const VERY_NARROW: u16 = 100;

fn progress_text(p: f64, lang: Lang, narrow: bool) -> String {
    if narrow {
        percent(p, lang)
    } else {
        format!("{} {:>5}", bar(p), percent(p, lang))
    }
}

fn rollup_health(r: &Rollup) -> String {
    health_counts(r)
        .iter()
        .map(|(h, n)| format!("{} {n}", health_symbol(*h)))
        .collect::<Vec<_>>()
        .join("  ")
}

/// `1 fiche`, `3 fiches` (`1 sheet`, `3 sheets`).
pub fn sheets_count(n: usize, lang: Lang) -> String {
    let word = if n == 1 { L::OneSheet } else { L::Sheets };
    format!("{n} {}", word.get(lang))
}

/// The totals line under the table.
pub fn footer(report: &StatusReport, lang: Lang) -> String {
    let t = &report.total;
    let opt = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| percent(v, lang));
    let colon = crate::render::fmt::colon(lang);
    let health: Vec<String> = health_counts(t)
        .iter()
        .map(|(h, n)| format!("{} {n}", health_label(*h, lang)))
        .collect();
    format!(
        "{}{colon} {} · {} {} · {} {} · {} {} · {} {}\n{} · {} {}\n",
        L::Total.get(lang),
        sheets_count(t.sheets, lang),
        L::CompletionRate.get(lang),
        opt(t.completion_rate),
        L::MeanProgress.get(lang),
        opt(t.mean_progress),
        L::Late.get(lang),
        t.late,
        L::Stale.get(lang),
        t.stale,
        health.join(" · "),
        L::AsOf.get(lang),
        short_date(report.as_of, lang),
    )
}

/// The terminal table: rollup rows for each axis and objective, then the totals line.
pub fn table(report: &StatusReport, lang: Lang, style: Style) -> String {
    if report.is_empty() {
        return format!("{}\n", L::NoMatch.get(lang));
    }
    let narrow = style.width.is_some_and(|w| w < NARROW);
    let mut table = new_table(style);
    table.set_header(header(lang));
    let bold = |text: String| {
        let cell = Cell::new(text);
        if style.color {
            cell.add_attribute(comfy_table::Attribute::Bold)
        } else {
            cell
        }
    };
    for axis in &report.axes {
        table.add_row(rollup_row(
            &axis.id,
            &format!("{} {} — {}", L::Axis.get(lang), axis.id, cell(&axis.title)),
            &axis.rollup,
            axis.last_entry,
            (lang, narrow),
            &bold,
        ));
        for o in &axis.objectives {
            table.add_row(rollup_row(
                &o.id,
                &cell(&o.title),
                &o.rollup,
                o.last_entry,
                (lang, narrow),
                &bold,
            ));
            for s in &o.sheets {
                table.add_row(sheet_row(s, (lang, narrow), style.color));
            }
        }
    }
    for i in [0, 3, 4, 5, 6] {
        if let Some(c) = table.column_mut(i) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    for i in [2, 7] {
        if let Some(c) = table.column_mut(i) {
            c.set_constraint(ColumnConstraint::UpperBoundary(Width::Percentage(18)));
        }
    }
    if let Some(c) = table.column_mut(1) {
        c.set_constraint(ColumnConstraint::LowerBoundary(Width::Percentage(30)));
    }
    let very_narrow = style.width.is_some_and(|w| w < VERY_NARROW);
    if narrow {
        let hidden: &[usize] = if very_narrow { &[2, 6, 7] } else { &[2, 6] };
        for &i in hidden {
            if let Some(c) = table.column_mut(i) {
                c.set_constraint(ColumnConstraint::Hidden);
            }
        }
    }
    let footer = crate::render::terminal::paragraph(&footer(report, lang), style);
    format!("{table}\n{footer}\n")
}

fn rollup_row(
    id: &str,
    title: &str,
    r: &Rollup,
    last: Option<chrono::NaiveDate>,
    (lang, narrow): (Lang, bool),
    bold: &dyn Fn(String) -> Cell,
) -> Vec<Cell> {
    vec![
        bold(id.to_string()),
        bold(title.to_string()),
        Cell::new(""),
        Cell::new(sheets_count(r.sheets, lang)),
        Cell::new(rollup_health(r)),
        Cell::new(
            r.mean_progress
                .map(|p| progress_text(p, lang, narrow))
                .unwrap_or_default(),
        ),
        Cell::new(last.map(|d| short_date(d, lang)).unwrap_or_default()),
        Cell::new(""),
    ]
}

fn sheet_row(s: &SheetRow, (lang, narrow): (Lang, bool), color: bool) -> Vec<Cell> {
    let mut health = Cell::new(health_label(s.state.health, lang));
    if color && let Some(c) = health_color(s.state.health) {
        health = health.fg(c);
    }
    vec![
        Cell::new(&s.id),
        Cell::new(cell(&s.title)),
        Cell::new(s.lead.as_deref().map(cell).unwrap_or_default()),
        Cell::new(status_label(s.state.status, lang)),
        health,
        Cell::new(progress_text(s.state.progress, lang, narrow)),
        Cell::new(
            s.state
                .last_entry
                .map(|d| short_date(d, lang))
                .unwrap_or_default(),
        ),
        Cell::new(cell(&milestone_text(&s.next_milestone, lang))),
    ]
}

/// A Markdown document: one table with bold rollup rows, then the totals.
pub fn markdown(report: &StatusReport, lang: Lang) -> String {
    let mut out = format!(
        "# {} — {} ({} {})\n\n",
        L::Status.get(lang),
        safe::markdown(&report.convention),
        L::AsOf.get(lang),
        short_date(report.as_of, lang)
    );
    if report.is_empty() {
        return format!("{out}{}\n", L::NoMatch.get(lang));
    }
    let h = header(lang);
    out.push_str(&format!(
        "| {} |\n|{}\n",
        h.join(" | "),
        "---|".repeat(h.len())
    ));
    let rollup = |id: &str, title: &str, r: &Rollup| {
        let mean = r
            .mean_progress
            .map(|p| percent(p, lang))
            .unwrap_or_default();
        format!(
            "| **{id}** | **{}** | | {} | {} | {mean} | | |\n",
            safe::markdown(title),
            sheets_count(r.sheets, lang),
            rollup_health(r)
        )
    };
    for axis in &report.axes {
        out.push_str(&rollup(
            &axis.id,
            &format!("{} {} — {}", L::Axis.get(lang), axis.id, axis.title),
            &axis.rollup,
        ));
        for o in &axis.objectives {
            out.push_str(&rollup(&o.id, &o.title, &o.rollup));
            for s in &o.sheets {
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                    s.id,
                    safe::markdown(&s.title),
                    safe::markdown(s.lead.as_deref().unwrap_or_default()),
                    status_label(s.state.status, lang),
                    health_label(s.state.health, lang),
                    percent(s.state.progress, lang),
                    s.state
                        .last_entry
                        .map(|d| short_date(d, lang))
                        .unwrap_or_default(),
                    safe::markdown(&milestone_text(&s.next_milestone, lang)),
                ));
            }
        }
    }
    out.push('\n');
    for line in footer(report, lang).lines() {
        out.push_str(line);
        out.push_str("  \n");
    }
    out
}

/// CSV: one row per sheet with its axis and objective, no rollup rows.
pub fn csv(report: &StatusReport, lang: Lang) -> String {
    let yes_no = |b: bool| {
        lang.pick(if b { "yes" } else { "no" }, if b { "oui" } else { "non" })
            .to_string()
    };
    let mut header = vec![L::Axis.get(lang), L::Objective.get(lang)];
    header.extend(self::header(lang));
    header.extend([L::Due, L::Late, L::Stale].map(|l| l.get(lang)));
    let mut out = Csv::new(lang, &header);
    for (a, o, s) in report.rows() {
        let m = s.next_milestone.as_ref();
        let cells = vec![
            out.text(&a.id),
            out.text(&o.id),
            out.text(&s.id),
            out.text(&s.title),
            out.text(s.lead.as_deref().unwrap_or_default()),
            status_label(s.state.status, lang).to_string(),
            health_label(s.state.health, lang).to_string(),
            out.number(s.state.progress, 1),
            out.date(s.state.last_entry),
            out.text(m.map(|m| m.title.as_str()).unwrap_or_default()),
            out.date(m.and_then(|m| m.due)),
            yes_no(s.state.late),
            yes_no(s.state.stale),
        ];
        out.row(cells);
    }
    out.finish()
}

/// A rollup as JSON.
pub fn rollup_json(r: &Rollup) -> Value {
    let by_status: serde_json::Map<String, Value> = Status::ALL
        .iter()
        .map(|s| (s.key().to_string(), json!(r.count(*s))))
        .collect();
    let by_health: serde_json::Map<String, Value> = Health::ALL
        .iter()
        .map(|h| (h.key().to_string(), json!(r.health(*h))))
        .collect();
    json!({
        "sheets": r.sheets,
        "by_status": by_status,
        "by_health": by_health,
        "late": r.late,
        "stale": r.stale,
        "completion_rate": r.completion_rate,
        "mean_progress": r.mean_progress,
    })
}

/// JSON: axes → objectives → sheets, each level with its rollup.
pub fn json(report: &StatusReport) -> String {
    let axes: Vec<Value> = report
        .axes
        .iter()
        .map(|a| {
            let objectives: Vec<Value> = a
                .objectives
                .iter()
                .map(|o| {
                    let sheets: Vec<Value> = o.sheets.iter().map(sheet_json).collect();
                    json!({"id": o.id, "title": o.title, "rollup": rollup_json(&o.rollup), "sheets": sheets})
                })
                .collect();
            json!({"id": a.id, "title": a.title, "rollup": rollup_json(&a.rollup), "objectives": objectives})
        })
        .collect();
    let doc = json!({
        "version": 1,
        "as_of": report.as_of.to_string(),
        "convention": report.convention,
        "axes": axes,
        "total": rollup_json(&report.total),
    });
    format!("{doc:#}\n")
}

fn sheet_json(s: &SheetRow) -> Value {
    let st = &s.state;
    json!({
        "id": s.id,
        "title": s.title,
        "lead": s.lead,
        "status": st.status.key(),
        "health": st.health.key(),
        "progress": st.progress,
        "late": st.late,
        "stale": st.stale,
        "started": st.started.map(|d| d.to_string()),
        "completed": st.completed.map(|d| d.to_string()),
        "last_entry": st.last_entry.map(|d| d.to_string()),
        "next_milestone": s.next_milestone.as_ref().map(|m| json!({
            "id": m.id, "title": m.title, "due": m.due.map(|d| d.to_string()), "overdue": m.overdue,
        })),
    })
}

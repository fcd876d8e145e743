//! A typed table — text, plan text, numbers, percentages, dates — built once
//! from a report and rendered per format. Each renderer decides how a type
//! looks: French marks in the terminal, plain numbers in CSV, real numbers and
//! dates in xlsx, escaped text in HTML.

use crate::compute::Health;
use crate::compute::labels::health_label;
use crate::i18n::Lang;
use crate::i18n::fmt;
use chrono::NaiveDate;
use std::fmt::Write;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text written by ctg (labels, ids).
    Label(String),
    /// Text from the plan: neutralised in CSV, escaped in HTML, a string in xlsx.
    Plan(String),
    /// A whole count.
    Count(usize),
    /// A number shown with up to `decimals` places.
    Number(f64, u32),
    /// Euros, exact to the cent.
    Money(crate::model::Money),
    /// A percentage, 0-100.
    Percent(f64),
    /// A change in percentage points, signed.
    Points(f64),
    /// A date.
    Date(NaiveDate),
    /// A sheet's health: its word and symbol (coloured in a terminal).
    Health(Health),
    /// Nothing.
    Empty,
    /// No figure (a year after the as-of date): `—`, an empty CSV cell.
    Missing,
}

impl Cell {
    /// An optional number.
    pub fn number(v: Option<f64>, decimals: u32) -> Cell {
        v.map_or(Cell::Empty, |v| Cell::Number(v, decimals))
    }
    /// An optional percentage.
    pub fn percent(v: Option<f64>) -> Cell {
        v.map_or(Cell::Empty, Cell::Percent)
    }
    /// Optional euros.
    pub fn money(v: Option<crate::model::Money>) -> Cell {
        v.map_or(Cell::Empty, Cell::Money)
    }
    /// An optional change in points.
    pub fn points(v: Option<f64>) -> Cell {
        v.map_or(Cell::Empty, Cell::Points)
    }
    /// An optional date.
    pub fn date(v: Option<NaiveDate>) -> Cell {
        v.map_or(Cell::Empty, Cell::Date)
    }

    /// The cell as people read it.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Cell::Label(t) | Cell::Plan(t) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Number(v, d) => fmt::number(*v, *d, lang),
            Cell::Money(m) => m.text(lang),
            Cell::Percent(v) => fmt::percent(*v, lang),
            Cell::Points(v) => points(*v, lang),
            Cell::Date(d) => fmt::short_date(*d, lang),
            Cell::Health(h) => health_label(*h, lang).to_string(),
            Cell::Empty => String::new(),
            Cell::Missing => "—".to_string(),
        }
    }
}

/// The places of decimals a figure needs once rounded to `decimals`:
/// `162` none, `2.5` one, `93.333` two (the workbooks show no trailing zero).
pub fn places(value: f64, decimals: u32) -> u32 {
    let rounded = fmt::round(value, decimals);
    (0..decimals)
        .find(|d| fmt::round(rounded, *d) == rounded)
        .unwrap_or(decimals)
}

/// `+5 pts`, `−2 pts`, `0 pt` (rounded to whole points).
fn points(v: f64, lang: Lang) -> String {
    let r = fmt::round(v, 0);
    let sign = if r > 0.0 { "+" } else { "" };
    let unit = if r.abs() > 1.0 { "pts" } else { "pt" };
    format!(
        "{sign}{}{}{unit}",
        fmt::number(r, 0, lang),
        fmt::unit_space(lang)
    )
}

/// What a row is: the grouped formats (terminal, Markdown, HTML) show
/// every row, group and total rows emphasised; the flat form of the
/// spreadsheet formats keeps the data rows alone (see [`Grid::flat`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// A row of data.
    Data,
    /// The heading or rollup of a group at `level` (0 the outermost, an
    /// axis; 1 an objective...): its `name` fills the level's columns of
    /// the data rows under it in the flat form ([`Grid::groups`]).
    Group {
        /// The depth of the group.
        level: usize,
        /// The group's cells in the flat form, one per heading of its level.
        name: Vec<Cell>,
    },
    /// The total of the table, or of a block of it.
    Total,
    /// A rollup of the data rows by another key than the groups (the
    /// funding table's funders and natures), shown plain.
    Subtotal,
}

/// A row of a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The cells, one per column.
    pub cells: Vec<Cell>,
    /// What the row is.
    pub role: Role,
    /// What names the row in a terminal too narrow for its first cell (an
    /// axis's `1` for `1 — Faciliter les mobilités…`): the whole text then
    /// goes in a legend under the table.
    pub short: Option<String>,
}

impl Row {
    /// Whether the grouped formats emphasise the row: a group or a total.
    pub fn emphasis(&self) -> bool {
        matches!(self.role, Role::Group { .. } | Role::Total)
    }
}

/// The tables of the review and the evaluation by their key (a grid's
/// [`Grid::name`]) and their French name: what `--table` accepts, in either
/// language, and the stems of the CSV files of a folder output, in the
/// output's language. ASCII, so that a file name reads the same on any
/// system; `attention` is both.
pub const TABLE_NAMES: [(&str, &str); 10] = [
    ("synthesis", "synthese"),
    ("detail", "fiches"),
    ("indicators", "indicateurs"),
    ("milestones", "jalons"),
    ("funding", "financements"),
    ("outcome", "resultats"),
    ("sheets", "fiches"),
    ("trajectory", "trajectoire"),
    ("means", "moyens"),
    ("attention", "attention"),
];

/// The name of the table `key` in `lang`: the key itself in English, or
/// when it has no French name.
pub fn table_name(key: &'static str, lang: Lang) -> &'static str {
    match lang {
        Lang::En => key,
        Lang::Fr => TABLE_NAMES
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(key, |(_, french)| french),
    }
}

/// A titled table.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Short ASCII name, in English: the key of its `--table` and CSV file
    /// names ([`table_name`]) and of its charts.
    pub name: &'static str,
    /// The caption, in the output language.
    pub title: String,
    /// Column headings.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
    /// How many leading columns name a row (its heading in a narrow terminal).
    pub key: usize,
    /// The headings of each group level's columns in the flat form,
    /// outermost first (`[["Axe"], ["Objectif"]]`): the groups of
    /// [`Role::Group`] rows become these leading columns.
    pub groups: Vec<Vec<String>>,
    /// Notes under the table, which its figures need to be read right
    /// (every format but CSV, which holds the data alone).
    pub notes: Vec<String>,
}

impl Grid {
    /// A grid with no rows yet.
    pub fn new(name: &'static str, title: String, header: Vec<String>) -> Grid {
        Grid {
            name,
            title,
            header,
            rows: Vec::new(),
            key: 1,
            groups: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The same grid with group levels whose columns have these headings.
    pub fn grouped(mut self, groups: Vec<Vec<String>>) -> Grid {
        self.groups = groups;
        self
    }

    /// The same grid with rows named by their first `key` columns.
    pub fn keyed(mut self, key: usize) -> Grid {
        self.key = key;
        self
    }

    /// Adds a data row.
    pub fn push(&mut self, cells: Vec<Cell>) {
        self.push_row(cells, Role::Data);
    }

    /// Adds the heading or rollup row of a group at `level`, named `name`
    /// in the flat form.
    pub fn push_group(&mut self, level: usize, name: Vec<Cell>, cells: Vec<Cell>) {
        self.push_row(cells, Role::Group { level, name });
    }

    /// Adds a total row.
    pub fn push_total(&mut self, cells: Vec<Cell>) {
        self.push_row(cells, Role::Total);
    }

    /// Adds a row of `role`, its cells padded to the header.
    pub fn push_row(&mut self, mut cells: Vec<Cell>, role: Role) {
        if cells.len() < self.header.len() {
            cells.resize(self.header.len(), Cell::Empty);
        }
        self.rows.push(Row {
            cells,
            role,
            short: None,
        });
    }

    /// Names the last row by `short` where a terminal has no room for its
    /// first cell (see [`Row::short`]).
    pub fn shorten_last(&mut self, short: &str) {
        if let Some(row) = self.rows.last_mut() {
            row.short = Some(short.to_string());
        }
    }

    /// A Markdown section: a heading, a table (group rows in bold), its notes.
    pub fn markdown(&self, lang: Lang, level: usize) -> String {
        let mut out = format!(
            "{} {}\n\n{}\n",
            "#".repeat(level),
            crate::safe::markdown(&self.title),
            self.markdown_table(lang)
        );
        for note in &self.notes {
            let _ = writeln!(out, "{}\n", crate::safe::markdown(note));
        }
        out
    }

    /// The Markdown table alone (group rows in bold).
    pub fn markdown_table(&self, lang: Lang) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "| {} |", self.header.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(self.header.len()));
        for row in &self.rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| {
                    let t = crate::safe::markdown(&c.text(lang));
                    if row.emphasis() && !t.is_empty() {
                        format!("**{t}**")
                    } else {
                        t
                    }
                })
                .collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out
    }

    /// An HTML `<table>` with a caption and scoped headers; every text escaped.
    pub fn html(&self, lang: Lang) -> String {
        let mut out = format!(
            "<div class=\"scroll\" tabindex=\"0\">\n<table id=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
            self.name,
            escape(&self.title)
        );
        for h in &self.header {
            if h.is_empty() {
                // A header cell is never empty for a screen reader: the
                // rows' names are the metrics, said but not shown.
                let _ = write!(
                    out,
                    "<th scope=\"col\"><span class=\"visually-hidden\">{}</span></th>",
                    escape(crate::i18n::L::Indicator.get(lang))
                );
            } else {
                let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
            }
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            out.push_str(if row.emphasis() {
                "<tr class=\"group\">"
            } else {
                "<tr>"
            });
            // A heading row (an axis, an objective: its id and title, the
            // rest empty) spans the table with its title, not the narrow
            // title column.
            let filled = row
                .cells
                .iter()
                .rposition(|c| !matches!(c, Cell::Empty))
                .unwrap_or(0);
            let heading = row.emphasis() && filled <= 1 && row.cells.len() > filled + 1;
            for (i, c) in row.cells.iter().enumerate().take(filled + 1) {
                let text = escape(&c.text(lang)).replace('\n', "<br>");
                let numeric = matches!(
                    c,
                    Cell::Count(_)
                        | Cell::Number(..)
                        | Cell::Money(_)
                        | Cell::Percent(_)
                        | Cell::Points(_)
                );
                let word = matches!(c, Cell::Label(t) if !t.contains(char::is_whitespace));
                let class = match (numeric, word) {
                    (true, _) => " class=\"num\"",
                    (false, true) => " class=\"word\"",
                    _ => "",
                };
                let span = match row.cells.len() - i {
                    n if heading && i == filled => format!(" colspan=\"{n}\""),
                    _ => String::new(),
                };
                if i == 0 {
                    let _ = write!(out, "<th scope=\"row\"{class}{span}>{text}</th>");
                } else {
                    let _ = write!(out, "<td{class}{span}>{text}</td>");
                }
            }
            if !heading {
                for c in &row.cells[filled + 1..] {
                    let _ = write!(out, "<td>{}</td>", escape(&c.text(lang)));
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
        for note in &self.notes {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
        }
        out
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_per_language() {
        assert_eq!(Cell::Points(4.6).text(Lang::Fr), "+5\u{a0}pts");
        assert_eq!(Cell::Points(-1.0).text(Lang::En), "-1 pt");
        assert_eq!(Cell::Number(1234.5, 1).text(Lang::Fr), "1\u{202f}234,5");
        assert_eq!(
            (places(162.0, 2), places(2.5, 2), places(93.333, 2)),
            (0, 1, 2)
        );
        assert_eq!(
            escape("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
    }
}

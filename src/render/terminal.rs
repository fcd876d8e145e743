//! Grids in a terminal of a given width, never cutting a word: a table when
//! every column can be as wide as its longest word; else the table turned on
//! its side (one column per row) when that fits; else one block per row, with
//! a `label : value` line per cell.

use crate::i18n::Lang;
use crate::render::grid::Grid;
use crate::render::table::{Style, new_table};
use comfy_table::{Attribute, Cell as TermCell, ColumnConstraint, Width};

/// A word longer than this may wrap inside its column rather than widen it
/// (a long URL in a note).
const LONGEST_WORD: usize = 24;

/// Width of a text in the terminal (every character of a plan is one column).
pub(crate) fn width(text: &str) -> usize {
    text.chars().count()
}

/// Words as the table wraps them: separated by plain spaces, so `50 %` with
/// a no-break space stays one word.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split([' ', '\n']).filter(|w| !w.is_empty())
}

/// The width of the longest word of `text` (up to [`LONGEST_WORD`]): the
/// narrowest a column can be without cutting it.
pub fn longest_word(text: &str) -> usize {
    words(text).map(width).max().unwrap_or(0).min(LONGEST_WORD)
}

/// True when no line of `drawn` is wider than `max` columns (colours do
/// not count).
pub fn fits(drawn: &str, max: u16) -> bool {
    drawn
        .lines()
        .all(|l| crate::safe::visible_width(l) <= usize::from(max))
}

/// `text` wrapped to `max` columns at spaces, the first line after `first`
/// and the others after `rest`; a word longer than a line is split.
pub fn wrap(text: &str, max: usize, first: &str, rest: &str) -> Vec<String> {
    let full = max.max(width(rest) + 1);
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in words(text) {
        if !empty && width(&line) + 1 + width(word) > max {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        for c in word.chars() {
            if width(&line) >= full {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
            }
            line.push(c);
        }
        empty = false;
    }
    lines.push(line);
    lines
}

/// `text` (one or more lines) wrapped to the style's width, never between
/// a word and the number after it (`en retard 1`, `taux de réalisation
/// 20 %`): the line breaks before the word instead.
pub fn paragraph(text: &str, style: Style) -> String {
    let Some(max) = style.width else {
        return text.to_string();
    };
    text.lines()
        .flat_map(|l| wrap(&glue_numbers(l), max.into(), "", ""))
        .map(|l| l.replace(GLUE, " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A space that [`wrap`] does not break at, put back as a space after.
const GLUE: char = '\u{e000}';

/// True for the last character of what a number counts: a word or a
/// symbol (`en retard 1`, `réalisée ✔ 1`), not a separator (`· 1`, `: 6`).
fn ends_a_name(c: char) -> bool {
    !c.is_ascii_punctuation() && !matches!(c, '·' | '—' | '–')
}

/// `line` with [`GLUE`] for each space between a word or symbol and the
/// number after it.
fn glue_numbers(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut previous: Option<char> = None;
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            let number = word
                .trim_start_matches(['+', '-', '−'])
                .starts_with(|c: char| c.is_ascii_digit());
            out.push(if number && previous.is_some_and(ends_a_name) {
                GLUE
            } else {
                ' '
            });
        }
        out.push_str(word);
        previous = word.chars().last();
    }
    out
}

/// A grid's cells as terminal text: a header and rows of strings.
struct Texts {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Texts {
    /// Per column, the width of its longest word (up to [`LONGEST_WORD`])
    /// and of its longest line.
    fn extents(&self) -> Vec<(usize, usize)> {
        let mut out = vec![(0, 0); self.header.len()];
        for row in std::iter::once(&self.header).chain(&self.rows) {
            for ((word, line), text) in out.iter_mut().zip(row) {
                *word = (*word).max(longest_word(text));
                *line = (*line).max(text.lines().map(width).max().unwrap_or(0));
            }
        }
        out
    }

    /// The room left for text in `max` columns, once each column has its
    /// borders and a space of padding each side; none when the longest
    /// words do not fit.
    fn room(&self, max: u16) -> Option<usize> {
        let room = usize::from(max).checked_sub(3 * self.header.len() + 1)?;
        let words: usize = self.extents().iter().map(|(w, _)| w).sum();
        (words <= room).then_some(room)
    }

    /// The table; `bold` tells which cells are emphasised. Where the table's
    /// own layout would cut a word, each column gets its longest word and a
    /// share of the room left in proportion to its longest line. A table of
    /// more than [`CHUNK_ROWS`] rows is drawn [`Texts::in_chunks`].
    fn table(&self, style: Style, bold: &dyn Fn(usize, usize) -> bool) -> String {
        if self.rows.len() > CHUNK_ROWS {
            return self.in_chunks(style, bold, CHUNK_ROWS);
        }
        let mut table = new_table(style);
        table.set_header(self.header.clone());
        for (r, row) in self.rows.iter().enumerate() {
            table.add_row(row.iter().enumerate().map(|(c, text)| {
                let cell = TermCell::new(text);
                if style.color && bold(r, c) {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            }));
        }
        let drawn = table.to_string();
        let extents = self.extents();
        let fill = table.style().top_border.fill;
        let widths = drawn
            .lines()
            .next()
            .unwrap_or_default()
            .split(|c| Some(c) != fill)
            .filter(|run| !run.is_empty())
            .map(|run| width(run).saturating_sub(2));
        let cuts = widths.zip(&extents).any(|(w, (word, _))| w < *word);
        match style.width.and_then(|max| self.room(max)) {
            Some(room) if cuts => {
                table.set_constraints(share(&extents, room).into_iter().map(|w| {
                    let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
                    ColumnConstraint::Absolute(Width::Fixed(w))
                }));
                format!("{table}\n")
            }
            _ => format!("{drawn}\n"),
        }
    }
}

/// Above this many rows a table is drawn a block of rows at a time.
const CHUNK_ROWS: usize = 1_000;

impl Texts {
    /// The table drawn `chunk` rows at a time, in widths set once for all
    /// (each column its longest line, or in a terminal of a given width
    /// its longest word and a share of the rest, as [`share`] gives them),
    /// the blocks joined where their borders meet: the table library holds
    /// every cell of a table several times over while drawing it (a log of
    /// 100,000 entries took 200 MB), a block at a time it holds one block.
    fn in_chunks(&self, style: Style, bold: &dyn Fn(usize, usize) -> bool, chunk: usize) -> String {
        let extents = self.extents();
        let widths = match style.width.and_then(|max| self.room(max)) {
            Some(room) => share(&extents, room),
            None => extents.iter().map(|(w, l)| (*l).max(*w)).collect(),
        };
        let total = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
        let style = Style {
            width: Some(u16::try_from(total).unwrap_or(u16::MAX)),
            ..style
        };
        let blocks = self.rows.len().div_ceil(chunk.max(1));
        let mut out = String::new();
        for (b, rows) in self.rows.chunks(chunk.max(1)).enumerate() {
            let mut table = new_table(style);
            if b == 0 {
                table.set_header(self.header.clone());
            }
            for (i, row) in rows.iter().enumerate() {
                let r = b * chunk + i;
                table.add_row(row.iter().enumerate().map(|(c, text)| {
                    let cell = TermCell::new(text);
                    if style.color && bold(r, c) {
                        cell.add_attribute(Attribute::Bold)
                    } else {
                        cell
                    }
                }));
            }
            table.set_constraints(widths.iter().map(|w| {
                let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
                ColumnConstraint::Absolute(Width::Fixed(w))
            }));
            let drawn = table.to_string();
            let mut lines: Vec<&str> = drawn.lines().collect();
            if b + 1 < blocks {
                lines.pop();
            }
            for line in lines.iter().skip(usize::from(b > 0)) {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }
}

/// Column widths from `(longest word, longest line)`: each column gets its
/// longest word, then a share of the rest of `room` in proportion to what it
/// lacks, never more than its longest line.
fn share(extents: &[(usize, usize)], room: usize) -> Vec<usize> {
    let lacks: usize = extents.iter().map(|(w, l)| l.saturating_sub(*w)).sum();
    let spare = room.saturating_sub(extents.iter().map(|(w, _)| w).sum());
    let mut widths: Vec<usize> = extents
        .iter()
        .map(|&(w, l)| {
            let share = (spare * l.saturating_sub(w)).checked_div(lacks);
            (w + share.unwrap_or(0)).min(l.max(w))
        })
        .collect();
    let mut left = room.saturating_sub(widths.iter().sum());
    for (w, (_, l)) in widths.iter_mut().zip(extents) {
        let more = left.min(l.saturating_sub(*w));
        *w += more;
        left -= more;
    }
    widths
}

/// How a grid was laid out in the terminal.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Table,
    Turned,
    Blocks,
}

/// A key text wrapped over more lines than this is squeezed: the row is
/// named by its short name instead, the text in a legend.
const SQUEEZED_LINES: usize = 3;

/// The inner widths of a drawn table's columns, read from its top border.
fn drawn_widths(drawn: &str) -> Vec<usize> {
    drawn
        .lines()
        .next()
        .unwrap_or_default()
        .split(|c| c != '─')
        .filter(|run| !run.is_empty())
        .map(|run| width(run).saturating_sub(2))
        .collect()
}

impl Grid {
    /// For the terminal: the title, then the grid laid out to fit
    /// `style.width` (see the module's documentation). Where that layout
    /// wraps a row's name over more than [`SQUEEZED_LINES`] lines (long axis
    /// titles beside number columns as wide as their headings), rows that
    /// have a short name are named by it, their whole names listed under
    /// the table.
    pub fn terminal(&self, lang: Lang, style: Style) -> String {
        let texts = Texts {
            header: self.header.clone(),
            rows: self
                .rows
                .iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| crate::safe::cell(&c.text(lang)))
                        .collect()
                })
                .collect(),
        };
        let (mut title, mut body, shape) = self.layout(&texts, lang, style);
        if let Some(max) = style.width.map(usize::from)
            && self.squeezed(&texts, &body, shape)
        {
            let mut short = Texts {
                header: texts.header.clone(),
                rows: texts.rows.clone(),
            };
            let mut legend = String::new();
            for (row, cells) in self.rows.iter().zip(&mut short.rows) {
                if let (Some(name), Some(first)) = (&row.short, cells.first_mut()) {
                    for line in wrap(first, max, "", "    ") {
                        legend.push_str(&line);
                        legend.push('\n');
                    }
                    *first = crate::safe::cell(name);
                }
            }
            let (t, b, _) = self.layout(&short, lang, style);
            (title, body) = (t, format!("{b}{legend}"));
        }
        let mut out = format!("{}\n{body}", paragraph(&title, style));
        for note in &self.notes {
            out.push_str(&paragraph(&crate::safe::safe(note), style));
            out.push('\n');
        }
        out
    }

    /// The title and body of the first layout that fits (see the module's
    /// documentation), and which it is.
    fn layout(&self, texts: &Texts, lang: Lang, style: Style) -> (String, String, Shape) {
        let table = |t: &Texts, bold: &dyn Fn(usize, usize) -> bool| t.table(style, bold);
        match style.width {
            Some(max) if texts.room(max).is_none() => match self.turned(texts) {
                Some(turned) if turned.room(max).is_some() => (
                    self.title.clone(),
                    table(&turned, &|_, c| c > 0 && self.emphasis(c - 1)),
                    Shape::Turned,
                ),
                _ => (
                    self.legend(texts),
                    self.blocks(texts, lang, style),
                    Shape::Blocks,
                ),
            },
            _ => (
                self.title.clone(),
                table(texts, &|r, _| self.emphasis(r)),
                Shape::Table,
            ),
        }
    }

    /// Whether `body` wraps the name of a row that has a short name over
    /// more than [`SQUEEZED_LINES`] lines: its first cell in a table, its
    /// heading in a turned one.
    fn squeezed(&self, texts: &Texts, body: &str, shape: Shape) -> bool {
        let widths = drawn_widths(body);
        let tall = |text: &str, w: Option<&usize>| {
            w.is_some_and(|w| wrap(text, (*w).max(1), "", "").len() > SQUEEZED_LINES)
        };
        let shortened = self.rows.iter().zip(&texts.rows).enumerate();
        let mut named = shortened.filter(|(_, (row, _))| row.short.is_some());
        match shape {
            Shape::Table => named.any(|(_, (_, cells))| {
                tall(cells.first().map_or("", String::as_str), widths.first())
            }),
            Shape::Turned => {
                named.any(|(r, (_, cells))| tall(&self.name(cells), widths.get(r + 1)))
            }
            Shape::Blocks => false,
        }
    }

    /// The title of blocks, naming what heads each block: `Détail (N° — Intitulé)`.
    fn legend(&self, texts: &Texts) -> String {
        match self.name(&texts.header) {
            name if name.is_empty() => self.title.clone(),
            name => format!("{} ({name})", self.title),
        }
    }

    /// A row's name: its non-empty key cells.
    fn name(&self, cells: &[String]) -> String {
        let key: Vec<&str> = cells[..self.key.min(cells.len())]
            .iter()
            .map(String::as_str)
            .filter(|t| !t.is_empty())
            .collect();
        key.join(" — ")
    }

    /// Whether row `r` is a group or a total.
    fn emphasis(&self, r: usize) -> bool {
        self.rows.get(r).is_some_and(|row| row.emphasis())
    }

    /// Whether a row only names a group (no cell beyond its key).
    fn is_group(&self, r: usize, cells: &[String]) -> bool {
        self.emphasis(r) && cells.iter().skip(self.key).all(String::is_empty)
    }

    /// The grid on its side: one column per row, named by its key cells, and
    /// one row per other column; none when the grid has group rows.
    fn turned(&self, texts: &Texts) -> Option<Texts> {
        if (0..texts.rows.len()).any(|r| self.is_group(r, &texts.rows[r])) {
            return None;
        }
        let mut header = vec![self.name(&texts.header)];
        header.extend(texts.rows.iter().map(|r| self.name(r)));
        let rows = (self.key..texts.header.len())
            .map(|c| {
                let mut row = vec![texts.header[c].clone()];
                row.extend(
                    texts
                        .rows
                        .iter()
                        .map(|r| r.get(c).cloned().unwrap_or_default()),
                );
                row
            })
            .collect();
        Some(Texts { header, rows })
    }

    /// One block per row: its name, then `label : value` lines; a group row
    /// is a heading alone.
    fn blocks(&self, texts: &Texts, lang: Lang, style: Style) -> String {
        let max = style.width.map_or(usize::MAX, usize::from);
        let colon = crate::i18n::fmt::loose_colon(lang);
        let bold = |t: String| {
            if style.color {
                format!("\u{1b}[1m{t}\u{1b}[22m")
            } else {
                t
            }
        };
        let mut out = Vec::new();
        for (r, cells) in texts.rows.iter().enumerate() {
            out.push(String::new());
            if self.is_group(r, cells) {
                let heading = cells.iter().rev().find(|t| !t.is_empty());
                let lines = wrap(heading.map_or("", String::as_str), max, "", "");
                out.extend(lines.into_iter().map(bold));
                continue;
            }
            out.extend(wrap(&self.name(cells), max, "", "").into_iter().map(bold));
            for (label, value) in texts.header.iter().zip(cells).skip(self.key) {
                if value.is_empty() {
                    continue;
                }
                let label = format!("{label}{colon}");
                if value.contains('\n') {
                    out.extend(wrap(&label, max, "  ", "    "));
                    for item in value.lines() {
                        out.extend(wrap(item, max, "    ", "      "));
                    }
                } else {
                    out.extend(wrap(value, max, &format!("  {label} "), "    "));
                }
            }
        }
        out.push(String::new());
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_never_parts_a_word_from_its_number() {
        let style = Style {
            color: false,
            width: Some(20),
        };
        assert_eq!(
            paragraph("moyen 38 % · en retard 1 · sans suivi 1", style),
            "moyen 38 % · en\nretard 1 · sans\nsuivi 1"
        );
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_splits_only_overlong_words() {
        assert_eq!(
            wrap("Recrutement lent de bénévoles", 16, "  ", "    "),
            ["  Recrutement", "    lent de", "    bénévoles"]
        );
        assert_eq!(wrap("50\u{a0}% fait", 5, "", ""), ["50\u{a0}%", "fait"]);
        assert_eq!(
            wrap("https://example.org", 8, "", ""),
            ["https://", "example.", "org"]
        );
    }

    /// Drawn a block of rows at a time, a table is the one drawn whole when
    /// the widths agree: unlimited, and fitting a width with room to spare.
    #[test]
    fn a_table_in_chunks_is_the_table_drawn_whole() {
        let rows: Vec<Vec<String>> = (0..23)
            .map(|i| {
                vec![
                    format!("{i}"),
                    "x".repeat(i % 7 + 1),
                    format!("ligne {i}\nsuite"),
                ]
            })
            .collect();
        let texts = Texts {
            header: vec!["N°".into(), "Texte".into(), "Notes".into()],
            rows,
        };
        let plain = Style {
            color: false,
            width: None,
        };
        let whole = texts.table(plain, &|_, _| false);
        for chunk in [1, 2, 5, 22, 23, 50] {
            assert_eq!(
                texts.in_chunks(plain, &|_, _| false, chunk),
                whole,
                "{chunk}"
            );
        }
        let coloured = Style {
            color: true,
            width: None,
        };
        let bold = |r: usize, _: usize| r.is_multiple_of(3);
        assert_eq!(
            texts.in_chunks(coloured, &bold, 4),
            texts.table(coloured, &bold)
        );
    }

    #[test]
    fn columns_get_their_longest_word_then_a_share_of_the_rest() {
        assert_eq!(share(&[(5, 5), (10, 30), (4, 14)], 29), [5, 17, 7]);
        assert_eq!(share(&[(3, 6), (4, 4)], 40), [6, 4]);
    }
}

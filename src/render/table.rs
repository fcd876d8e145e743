//! The terminal table style shared by every command, and the named
//! column policy that decides how a table gives way on a narrow terminal.

use crate::i18n::L;
use comfy_table::{
    ColumnConstraint, ContentArrangement, Table, Width, presets::UTF8_FULL_CONDENSED,
};

/// How a column takes its width in the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// As wide as its content.
    Content,
    /// At most this percentage of the table.
    AtMost(u16),
    /// Whatever the others leave (the title).
    Rest,
}

/// One column of a terminal table: its name, its heading, how it takes
/// its width, and below which terminal width it is hidden.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// A stable name for the code (`lead`, `progress`…).
    pub key: &'static str,
    /// Its heading.
    pub title: L,
    /// How it takes its width.
    pub fit: Fit,
    /// Hidden when the terminal is narrower than this.
    pub hide_below: Option<u16>,
}

impl Column {
    /// Whether the column shows at `width` (unlimited: always).
    pub fn shown(&self, width: Option<u16>) -> bool {
        !matches!((self.hide_below, width), (Some(min), Some(w)) if w < min)
    }
}

/// Sets each column's constraint in `table` from its policy: hidden below
/// its width, content-wide or bounded; [`Fit::Rest`] columns are left to
/// the caller.
pub fn apply_columns(table: &mut Table, columns: &[Column], width: Option<u16>) {
    for (i, column) in columns.iter().enumerate() {
        let constraint = match column.fit {
            _ if !column.shown(width) => Some(ColumnConstraint::Hidden),
            Fit::Content => Some(ColumnConstraint::ContentWidth),
            Fit::AtMost(p) => Some(ColumnConstraint::UpperBoundary(Width::Percentage(p))),
            Fit::Rest => None,
        };
        if let (Some(constraint), Some(c)) = (constraint, table.column_mut(i)) {
            c.set_constraint(constraint);
        }
    }
}

/// How terminal output should look.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Use colour and bold.
    pub color: bool,
    /// Fit this many columns (long text wraps, never cut); none: unlimited.
    pub width: Option<u16>,
}

/// An empty table in the house style, fitted to `style.width`.
pub fn new_table(style: Style) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    match style.width {
        Some(w) => {
            table
                .set_width(w)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

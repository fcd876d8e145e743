//! The terminal table style shared by every command.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

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

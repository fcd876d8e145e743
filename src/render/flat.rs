//! The flat form of a grid, the one the spreadsheet formats (CSV, xlsx,
//! ODS) write so that a table can be filtered, sorted and pivoted: a group
//! (an axis, an objective, a year) is a column, never a row among the data.
//!
//! The rule, one for every table: each data row gets its groups' names as
//! leading columns (headed by [`Grid::groups`]); group rows, rollups and
//! totals are left out, since a pivot table recomputes them from the data
//! rows and would count them twice. Every column has a heading (a pivot
//! table needs one): an empty one is named as the HTML page names it for a
//! screen reader.

use crate::i18n::{L, Lang};
use crate::render::grid::{Cell, Grid, Role, Row};

impl Grid {
    /// The grid's flat form (see the module's documentation).
    pub fn flat(&self, lang: Lang) -> Grid {
        let mut names: Vec<Vec<Cell>> = self
            .groups
            .iter()
            .map(|h| vec![Cell::Empty; h.len()])
            .collect();
        let mut header: Vec<String> = self.groups.concat();
        let width = header.len();
        header.extend(self.header.iter().map(|h| match h.is_empty() {
            true => L::Indicator.get(lang).to_string(),
            false => h.clone(),
        }));
        let mut rows = Vec::new();
        for row in &self.rows {
            match &row.role {
                Role::Data => {
                    let mut cells = names.concat();
                    cells.extend(row.cells.iter().cloned());
                    rows.push(Row {
                        cells,
                        role: Role::Data,
                        short: None,
                    });
                }
                Role::Group { level, name } => {
                    // The group's name at its level, none below it.
                    for (l, cells) in names.iter_mut().enumerate().skip(*level) {
                        let given = if l == *level { name.as_slice() } else { &[] };
                        let n = cells.len();
                        *cells = given
                            .iter()
                            .cloned()
                            .chain(std::iter::repeat(Cell::Empty))
                            .take(n)
                            .collect();
                    }
                }
                Role::Total | Role::Subtotal => {}
            }
        }
        Grid {
            name: self.name,
            title: self.title.clone(),
            header,
            rows,
            key: self.key + width,
            groups: Vec::new(),
            notes: self.notes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_become_columns_and_rollups_go() {
        let mut g = Grid::new("t", String::new(), vec!["N°".into(), String::new()])
            .grouped(vec![vec!["Axe".into()], vec!["Objectif".into()]]);
        let label = |t: &str| Cell::Label(t.into());
        g.push_group(0, vec![label("1")], vec![label("1"), label("Axe 1")]);
        g.push_group(1, vec![label("1.1")], vec![label("1.1"), label("x")]);
        g.push(vec![label("1.1.1"), Cell::Count(3)]);
        g.push_group(0, vec![label("2")], vec![label("2"), label("Axe 2")]);
        g.push(vec![label("2.0.1"), Cell::Count(4)]);
        g.push_total(vec![label("Total"), Cell::Count(7)]);
        let flat = g.flat(Lang::Fr);
        assert_eq!(flat.header, ["Axe", "Objectif", "N°", "Indicateur"]);
        assert_eq!(flat.key, 3);
        let rows: Vec<Vec<Cell>> = flat.rows.into_iter().map(|r| r.cells).collect();
        assert_eq!(
            rows,
            [
                vec![label("1"), label("1.1"), label("1.1.1"), Cell::Count(3)],
                vec![label("2"), Cell::Empty, label("2.0.1"), Cell::Count(4)],
            ],
            "an axis resets its objective"
        );
    }
}

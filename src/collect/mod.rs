//! `ctg collect` (spec section 12): the workbook a partner fills in, as
//! plain data — what `ctg` knows (given, read-only) and the empty cells to
//! fill (validated), worksheet by worksheet — built once and written as
//! ODS or xlsx by one renderer each. `ctg import` reads the same layout
//! back ([`crate::import`]).
//!
//! Each worksheet ends with a hidden column: its heading is the workbook's
//! identity ([`Identity`]: which worksheet, plan, partner and year), each
//! row's cell the key of the row (the sheet id, `sheet/indicator`…), so
//! that a worksheet saved alone as CSV still says where it comes from, and
//! a changed protected id is seen.

mod build;

pub use build::{build, partners_to_ask};

use crate::i18n::{L, Lang};
use crate::model::Money;
use chrono::NaiveDate;

/// A value the workbook gives, read-only.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    /// Text: an id, a title, a status word.
    Text(String),
    /// A number.
    Number(f64),
    /// A percentage, 0-100.
    Percent(f64),
    /// Euros.
    Money(Money),
    /// A date.
    Date(NaiveDate),
    /// Nothing.
    Empty,
}

impl Given {
    /// An optional number.
    pub fn number(v: Option<f64>) -> Given {
        v.map_or(Given::Empty, Given::Number)
    }
}

/// The worksheets a partner fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// One row per action sheet: a journal entry to fill.
    Sheets,
    /// One row per indicator: a measure.
    Indicators,
    /// One row per milestone not reached: the day it was.
    Milestones,
    /// One row per budget line the partner funds: an amount spent.
    Funding,
}

impl FormKind {
    /// Every kind, in the workbook's order.
    pub const ALL: [FormKind; 4] = [
        FormKind::Sheets,
        FormKind::Indicators,
        FormKind::Milestones,
        FormKind::Funding,
    ];

    /// The key written in the identity (language-free).
    pub fn key(self) -> &'static str {
        match self {
            FormKind::Sheets => "sheets",
            FormKind::Indicators => "indicators",
            FormKind::Milestones => "milestones",
            FormKind::Funding => "funding",
        }
    }

    /// The kind whose key is `key`.
    pub fn from_key(key: &str) -> Option<FormKind> {
        FormKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The worksheet's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            FormKind::Sheets => L::FormSheets,
            FormKind::Indicators => L::FormIndicators,
            FormKind::Milestones => L::FormMilestones,
            FormKind::Funding => L::Funding,
        }
        .get(lang)
    }

    /// How many columns are given before those to fill.
    pub fn given(self) -> usize {
        match self {
            FormKind::Sheets => 5,
            FormKind::Indicators => 7,
            FormKind::Milestones => 4,
            FormKind::Funding => 6,
        }
    }
}

/// What a cell to fill takes, as the spreadsheet validates it.
#[derive(Debug, Clone, PartialEq)]
pub enum Fill {
    /// A date.
    Date,
    /// One of these status words.
    Status(Vec<String>),
    /// A whole number from 0 to 100.
    Progress,
    /// Free text.
    Text,
    /// A number.
    Number,
    /// Euros, at most two decimals.
    Amount,
}

/// A column: its heading, and what it takes when it is to fill.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The heading.
    pub header: String,
    /// `None`: given by ctg, read-only.
    pub fill: Option<Fill>,
}

/// A row: its hidden key and its given cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The key of the row (`2.1.1`, `2.1.1/places`), in the hidden column.
    pub key: String,
    /// The given cells, one per given column.
    pub given: Vec<Given>,
}

/// One worksheet to fill.
#[derive(Debug, Clone, PartialEq)]
pub struct FormSheet {
    /// Which.
    pub kind: FormKind,
    /// The given columns, then those to fill.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Row>,
    /// The hidden column's heading: the identity.
    pub identity: String,
}

/// Which plan, partner and year a workbook is for, as its hidden cells say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The worksheet.
    pub kind: FormKind,
    /// The partner's id.
    pub partner: String,
    /// The year collected.
    pub year: i32,
    /// A fingerprint of the plan's name.
    pub plan: String,
}

/// The first word of every identity.
const MARK: &str = "ctg-collecte-1";

impl Identity {
    /// The text of the hidden heading.
    pub fn text(&self) -> String {
        format!(
            "{MARK} {} {} {} {}",
            self.kind.key(),
            self.partner,
            self.year,
            self.plan
        )
    }

    /// Reads a hidden heading; none if it is not one.
    pub fn parse(text: &str) -> Option<Identity> {
        let mut words = text.split_whitespace();
        if words.next()? != MARK {
            return None;
        }
        let kind = FormKind::from_key(words.next()?)?;
        let partner = words.next()?.to_string();
        let year = words.next()?.parse().ok()?;
        let plan = words.next()?.to_string();
        Some(Identity {
            kind,
            partner,
            year,
            plan,
        })
    }
}

/// A short fingerprint of a plan's name (FNV-1a, 64 bits, in hex): a
/// workbook of another plan is told apart without writing the name.
pub fn fingerprint(name: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.trim().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The workbook of one partner.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// Its title (the document's).
    pub title: String,
    /// The partner's id.
    pub partner: String,
    /// The year collected.
    pub year: i32,
    /// The first worksheet's lines: what to fill in, for whom, by when, to whom.
    pub readme: Vec<String>,
    /// The worksheets to fill, in order (empty ones left out).
    pub sheets: Vec<FormSheet>,
}

impl Form {
    /// The file name: `collecte-2025-calade.ods` (`collection-…` in English).
    pub fn file_name(&self, extension: &str, lang: Lang) -> String {
        format!(
            "{}-{}-{}.{extension}",
            L::CollectFile.get(lang),
            self.year,
            self.partner
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_reads_back() {
        let id = Identity {
            kind: FormKind::Indicators,
            partner: "caf-gard".into(),
            year: 2025,
            plan: fingerprint("CTG du Pays de Sommières"),
        };
        assert_eq!(Identity::parse(&id.text()), Some(id));
        assert_eq!(Identity::parse("N°"), None);
        assert_ne!(fingerprint("a"), fingerprint("b"));
    }
}

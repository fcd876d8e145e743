//! The plan and its plan-wide files: `convention.yaml`, `partners.yaml`,
//! `axes.yaml` and `tracks.yaml`.

use super::{Located, Sheet};
use chrono::NaiveDate;

/// The whole plan folder, read and decoded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// `convention.yaml`.
    pub convention: Convention,
    /// `partners.yaml`.
    pub partners: Vec<Partner>,
    /// `axes.yaml`.
    pub axes: Vec<Axis>,
    /// `tracks.yaml`.
    pub tracks: Vec<Track>,
    /// `actions/*.yaml`, sorted by id.
    pub sheets: Vec<Sheet>,
}

impl Plan {
    /// The sheets whose id is `id` or lies under it (an axis, objective or sheet id).
    pub fn sheets_under<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Sheet> + 'a {
        self.sheets
            .iter()
            .filter(move |s| s.id.value == id || s.id.starts_with(&format!("{id}.")))
    }

    /// The partner with this id.
    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id.value == id)
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.convention.fields.iter().find(|f| f.id.value == id)
    }

    /// The sheet with this id.
    pub fn sheet(&self, id: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.id.value == id)
    }

    /// All objectives, in axis order.
    pub fn objectives(&self) -> impl Iterator<Item = (&Axis, &Objective)> {
        self.axes
            .iter()
            .flat_map(|a| a.objectives.iter().map(move |o| (a, o)))
    }
}

/// The convention itself (`convention.yaml`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Convention {
    /// Its full name.
    pub name: String,
    /// The territory it covers.
    pub territory: String,
    /// Partner ids of the signatories.
    pub signatories: Vec<Located<String>>,
    /// Date of signature.
    pub signed: Option<NaiveDate>,
    /// First and last year, inclusive, where `period:` is written.
    pub period: Located<Period>,
    /// Default output language (`fr` or `en`).
    pub language: Option<String>,
    /// The fields of intervention.
    pub fields: Vec<Field>,
    /// How to reach the coordinator.
    pub coordinator: Option<Coordinator>,
    /// Months without a journal entry after which a sheet is stale.
    pub stale_after_months: u32,
    /// The convention this one renews (`previous:`, written by `ctg renew`).
    pub previous: Option<Previous>,
    /// The intercommunality's SIREN (9 digits, Luhn key).
    pub siren: Option<Located<String>>,
    /// The INSEE codes of the communes covered (`30321`, `2A004`).
    pub communes: Vec<Located<String>>,
}

/// The convention a plan renews: its name and period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Previous {
    /// Its full name.
    pub name: String,
    /// Its years.
    pub period: Period,
}

/// A span of whole years, inclusive (JSON: `{"start": …, "end": …}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Period {
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
}

/// A field of intervention (champ d'intervention).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Slug.
    pub id: Located<String>,
    /// Label in the plan's language.
    pub label: String,
}

/// Contact details of the coordination.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coordinator {
    /// Name, optional.
    pub name: Option<String>,
    /// Role.
    pub role: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Postal address.
    pub address: Option<String>,
}

/// A partner body.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    /// Slug.
    pub id: Located<String>,
    /// Full name.
    pub name: String,
    /// What kind of body.
    pub kind: PartnerKind,
    /// Free-text contact.
    pub contact: Option<String>,
}

/// The kinds of partner, as in `partners.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerKind {
    /// Signs the convention.
    Signatory,
    /// An elected official or assembly.
    Elected,
    /// A service of the intercommunality.
    Service,
    /// A public institution.
    Institution,
    /// An association.
    Association,
    /// Anything else.
    Other,
}

impl PartnerKind {
    /// Every kind with its spelling in the files.
    pub const ALL: [(&'static str, PartnerKind); 6] = [
        ("signatory", PartnerKind::Signatory),
        ("elected", PartnerKind::Elected),
        ("service", PartnerKind::Service),
        ("institution", PartnerKind::Institution),
        ("association", PartnerKind::Association),
        ("other", PartnerKind::Other),
    ];
}

/// A strategic axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// `1`, `2`, …
    pub id: Located<String>,
    /// Title.
    pub title: String,
    /// Its strategic objectives.
    pub objectives: Vec<Objective>,
}

/// A strategic objective.
#[derive(Debug, Clone, PartialEq)]
pub struct Objective {
    /// `1.1`, `1.2`, …
    pub id: Located<String>,
    /// Title.
    pub title: String,
}

/// An action track (piste d'action), in one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    /// Slug.
    pub id: Located<String>,
    /// Field id.
    pub field: Located<String>,
    /// Title.
    pub title: String,
}

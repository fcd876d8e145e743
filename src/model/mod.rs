//! The plan as typed data: convention, partners, axes, tracks, action sheets.
//!
//! Values a check may need to point at are [`Located`]: they carry the
//! position they were read from, which equality ignores, so two plans compare
//! equal when their content is equal wherever it sits in the files.

mod entry;
mod ids;
mod located;
mod money;
mod plan;
mod sheet;
mod status;

pub use entry::Entry;
pub use ids::{id_order, parent_id};
pub use located::Located;
pub use money::{AmountError, MAX_EUROS, Money};
pub use plan::{
    Axis, Convention, Coordinator, Field, Objective, Partner, PartnerKind, Period, Plan, Previous,
    Track,
};
pub use sheet::{
    Baseline, BudgetLine, CarriedFrom, Direction, Indicator, IndicatorKind, Milestone, Nature,
    Sheet,
};
pub use status::Status;

/// The largest magnitude of a measure, target or baseline: a thousand
/// billion. Anything beyond is a typing slip (or an attack on the
/// arithmetic), never a count of a territory's families or places.
pub const MAX_NUMBER: f64 = 1e12;

/// True for a number a plan can hold: finite and within ±[`MAX_NUMBER`].
pub fn usable_number(value: f64) -> bool {
    value.is_finite() && value.abs() <= MAX_NUMBER
}

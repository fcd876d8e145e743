//! The few shapes report data takes in JSON that its Rust types do not say
//! by themselves, for `#[serde(serialize_with = "…")]` on report fields:
//! a dated text as `{"date", "text"}`, a `(year, value)` pair as
//! `{"year", "value"}`, an `(id, title)` pair as its id, the counts per
//! synthesis class as five keys.

use chrono::NaiveDate;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// A dated text: `{"date": …, "text": …}`.
#[derive(Serialize)]
struct Dated<'a> {
    date: NaiveDate,
    text: &'a str,
}

/// A value in a year: `{"year": …, "value": …}`.
#[derive(Serialize)]
struct YearValue<V> {
    year: i32,
    value: V,
}

/// `[(date, text)]` as `[{"date", "text"}]`.
pub(crate) fn dated_list<S: Serializer>(
    items: &[(NaiveDate, String)],
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(items.len()))?;
    for (date, text) in items {
        seq.serialize_element(&Dated { date: *date, text })?;
    }
    seq.end()
}

/// `Option<(date, text)>` as `{"date", "text"}` or null.
pub(crate) fn dated<S: Serializer>(
    item: &Option<(NaiveDate, String)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    item.as_ref()
        .map(|(date, text)| Dated { date: *date, text })
        .serialize(s)
}

/// `Option<(year, value)>` as `{"year", "value"}` or null.
pub(crate) fn year_value<S: Serializer, V: Serialize + Copy>(
    item: &Option<(i32, V)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    item.map(|(year, value)| YearValue { year, value })
        .serialize(s)
}

/// `[(year, value)]` as `[{"year", "value"}]`.
pub(crate) fn year_values<S: Serializer, V: Serialize + Copy>(
    items: &[(i32, V)],
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(items.len()))?;
    for (year, value) in items {
        seq.serialize_element(&YearValue {
            year: *year,
            value: *value,
        })?;
    }
    seq.end()
}

/// An `(id, title)` pair as its id.
pub(crate) fn id_of<S: Serializer>(pair: &(String, String), s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&pair.0)
}

/// The sheets per synthesis class, in `SynthesisClass::ALL` order, as five
/// keys (to be flattened into the row).
pub(crate) fn classes<S: Serializer>(c: &[usize; 5], s: S) -> Result<S::Ok, S::Error> {
    const KEYS: [&str; 5] = ["done", "abandoned", "alert", "not_started", "in_progress"];
    let mut map = s.serialize_map(Some(5))?;
    for (key, n) in KEYS.iter().zip(c) {
        map.serialize_entry(key, n)?;
    }
    map.end()
}

/// `(start, end)` as `{"start", "end"}`.
pub(crate) fn period<S: Serializer>(p: &(i32, i32), s: S) -> Result<S::Ok, S::Error> {
    crate::model::Period {
        start: p.0,
        end: p.1,
    }
    .serialize(s)
}

/// A value on a date: `Option<(date, value)>` as `{"date", "value"}` or null.
pub(crate) fn date_value<S: Serializer>(
    item: &Option<(NaiveDate, f64)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct DateValue {
        date: NaiveDate,
        value: f64,
    }
    item.map(|(date, value)| DateValue { date, value })
        .serialize(s)
}

/// A summary as its first block (the whole plan), or null.
pub(crate) fn first_block<S: Serializer>(
    summary: &crate::report::summary::Summary,
    s: S,
) -> Result<S::Ok, S::Error> {
    summary.blocks.first().serialize(s)
}

/// The parts of a sheet's state the evaluation shows, as keys of its row.
pub(crate) fn state<S: Serializer>(
    st: &crate::compute::SheetState,
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(7))?;
    map.serialize_entry("status", &st.status)?;
    map.serialize_entry("health", &st.health)?;
    map.serialize_entry("progress", &st.progress)?;
    map.serialize_entry("late", &st.late)?;
    map.serialize_entry("stale", &st.stale)?;
    map.serialize_entry("started", &st.started)?;
    map.serialize_entry("completed", &st.completed)?;
    map.end()
}

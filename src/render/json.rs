//! The JSON documents: report data serialized with a version, pretty-printed.

use serde::Serialize;

/// The version of every JSON document; it changes when a document's shape does.
pub const VERSION: u32 = 1;

/// A document with its version as first key, then the keys of `doc`.
#[derive(Serialize)]
struct Versioned<'a, T> {
    version: u32,
    #[serde(flatten)]
    doc: &'a T,
}

/// `doc` as a JSON document: `version` first, then its own keys, indented by
/// two spaces, with a final newline.
pub fn document<T: Serialize>(doc: &T) -> String {
    pretty(&Versioned {
        version: VERSION,
        doc,
    })
}

/// `value` pretty-printed with a final newline. The report data serializes
/// to objects with string keys only, which cannot fail; should it ever, the
/// document says so instead of aborting.
fn pretty<T: Serialize>(value: &T) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(text) => format!("{text}\n"),
        Err(e) => format!(
            "{{\n  \"version\": {VERSION},\n  \"error\": {}\n}}\n",
            serde_json::Value::String(e.to_string())
        ),
    }
}

/// A dated text: `{"date": …, "text": …}`.
#[derive(Serialize)]
pub struct Dated<'a> {
    date: chrono::NaiveDate,
    text: &'a str,
}

impl<'a> Dated<'a> {
    /// The view of a `(date, text)` pair.
    pub fn new((date, text): &'a (chrono::NaiveDate, String)) -> Self {
        Dated { date: *date, text }
    }
}

/// A value in a year: `{"year": …, "value": …}`.
#[derive(Serialize)]
pub struct YearValue<V> {
    year: i32,
    value: V,
}

impl<V> YearValue<V> {
    /// The view of a `(year, value)` pair.
    pub fn new((year, value): (i32, V)) -> Self {
        YearValue { year, value }
    }
}

/// Sheets per synthesis class, in `SynthesisClass::ALL` order, as five keys.
#[derive(Serialize)]
pub struct Classes {
    done: usize,
    abandoned: usize,
    alert: usize,
    not_started: usize,
    in_progress: usize,
}

impl Classes {
    /// The view of the counts per class.
    pub fn new(c: &[usize; 5]) -> Self {
        Classes {
            done: c[0],
            abandoned: c[1],
            alert: c[2],
            not_started: c[3],
            in_progress: c[4],
        }
    }
}

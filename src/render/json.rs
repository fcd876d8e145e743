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

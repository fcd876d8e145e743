//! The building blocks of the schemas: typed values with a description in
//! English and French.

use crate::model::{PartnerKind, Status};
use schemars::{Schema, json_schema};
use serde_json::{Map, Value, json};

/// The slug pattern of partner, field, track, milestone and indicator ids.
pub(super) const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// A description in both languages, English first.
pub(super) fn about(en: &str, fr: &str) -> String {
    format!("{en}\n\n{fr}")
}

/// `schema` with a description.
pub(super) fn described(schema: Schema, en: &str, fr: &str) -> Schema {
    let mut schema = schema;
    schema.insert("description".into(), json!(about(en, fr)));
    schema
}

/// `schema`, or nothing written (`key:` or `key: ~`); the description
/// stays outside, where editors show it.
pub(super) fn or_null(schema: Schema) -> Schema {
    let mut schema = schema;
    let description = schema.remove("description");
    let mut wrapped = json_schema!({"anyOf": [schema, {"type": "null"}]});
    if let Some(d) = description {
        wrapped.insert("description".into(), d);
    }
    wrapped
}

/// Free text.
pub(super) fn text(en: &str, fr: &str) -> Schema {
    described(json_schema!({"type": "string"}), en, fr)
}

/// `schema` (a slug or a list of slugs) offering `ids` as completions
/// (`examples`, on the items of a list); as it is when there are none.
pub(super) fn offering(schema: Schema, ids: &[String]) -> Schema {
    let mut schema = schema;
    if ids.is_empty() {
        return schema;
    }
    match schema.get_mut("items").and_then(Value::as_object_mut) {
        Some(items) => {
            items.insert("examples".into(), json!(ids));
        }
        None => {
            schema.insert("examples".into(), json!(ids));
        }
    }
    schema
}

/// A slug id.
pub(super) fn slug(en: &str, fr: &str) -> Schema {
    described(json_schema!({"type": "string", "pattern": SLUG}), en, fr)
}

/// A list of slug ids.
pub(super) fn slugs(en: &str, fr: &str) -> Schema {
    let item = json_schema!({"type": "string", "pattern": SLUG});
    described(json_schema!({"type": "array", "items": item}), en, fr)
}

/// `schema` (a list) with at least one item.
pub(super) fn at_least_one(schema: Schema) -> Schema {
    let mut schema = schema;
    schema.insert("minItems".into(), json!(1));
    schema
}

/// A list of free texts.
pub(super) fn texts(en: &str, fr: &str) -> Schema {
    described(
        json_schema!({"type": "array", "items": {"type": "string"}}),
        en,
        fr,
    )
}

/// A dotted id of `parts` components (`1`, `1.2`, `1.2.3`), quoted or not:
/// editors read `1` as an integer and `1.2` as a number, as YAML does.
pub(super) fn dotted(parts: usize, en: &str, fr: &str) -> Schema {
    let component = "[1-9][0-9]*";
    let pattern = format!("^{}$", vec![component; parts].join("\\."));
    let as_string = json!({"type": "string", "pattern": &pattern});
    let schema = match parts {
        1 => json_schema!({"anyOf": [as_string, {"type": "integer", "minimum": 1}]}),
        2 => json_schema!({"anyOf": [as_string, {"type": "number", "exclusiveMinimum": 1}]}),
        _ => json_schema!({"type": "string", "pattern": pattern}),
    };
    described(schema, en, fr)
}

/// A date `YYYY-MM-DD`.
pub(super) fn date(en: &str, fr: &str) -> Schema {
    let pattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
    described(
        json_schema!({"type": "string", "format": "date", "pattern": pattern}),
        en,
        fr,
    )
}

/// A year.
pub(super) fn year(en: &str, fr: &str) -> Schema {
    described(
        json_schema!({"type": "integer", "minimum": 1900, "maximum": 2999}),
        en,
        fr,
    )
}

/// A finite number.
pub(super) fn number(en: &str, fr: &str) -> Schema {
    described(json_schema!({"type": "number"}), en, fr)
}

/// One word among `words`.
pub(super) fn one_of(words: &[&str], en: &str, fr: &str) -> Schema {
    described(json_schema!({"type": "string", "enum": words}), en, fr)
}

/// `{start: YEAR, end: YEAR}`.
pub(super) fn period(en: &str, fr: &str) -> Schema {
    object(
        &["start", "end"],
        vec![
            ("start", year("First year.", "Première année.")),
            (
                "end",
                year("Last year (inclusive).", "Dernière année (incluse)."),
            ),
        ],
        en,
        fr,
    )
}

/// A mapping with exactly these keys (`required` among them, the others
/// optional and nullable), described.
pub(super) fn object(required: &[&str], keys: Vec<(&str, Schema)>, en: &str, fr: &str) -> Schema {
    let mut properties = Map::new();
    for (key, schema) in keys {
        let schema = if required.contains(&key) {
            schema
        } else {
            or_null(schema)
        };
        properties.insert(key.to_string(), Value::from(schema));
    }
    described(
        json_schema!({
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        }),
        en,
        fr,
    )
}

/// A list of `item`.
pub(super) fn list(item: Schema, en: &str, fr: &str) -> Schema {
    described(json_schema!({"type": "array", "items": item}), en, fr)
}

/// The whole document: draft-07 (what yaml-language-server reads best),
/// titled, with `root`'s content.
pub(super) fn document(title: &str, root: Schema) -> Schema {
    let mut schema = root;
    schema.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    schema.insert("title".into(), json!(title));
    schema
}

/// The partner kinds as written in files.
pub(super) fn partner_kinds() -> Vec<&'static str> {
    PartnerKind::ALL.iter().map(|(word, _)| *word).collect()
}

/// The status of an entry: any spelling [`Status::parse`] reads, as a
/// pattern ([`status_pattern`]), while completion offers the seven
/// canonical names (`enum` in the first branch, and `examples`) rather
/// than every variant.
pub(super) fn status(en: &str, fr: &str) -> Schema {
    let canonical: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
    described(
        json_schema!({
            "anyOf": [
                {"type": "string", "enum": canonical},
                {"type": "string", "pattern": status_pattern()},
            ],
            "examples": canonical,
        }),
        en,
        fr,
    )
}

/// Combining marks, which [`Status::parse`] drops wherever they are (a
/// decomposed `é` is `e` and U+0301).
const MARKS: &str = "[\\u0300-\\u036f]*";

/// What a character of a folded status key stands for in the text, as
/// [`Status::parse`] folds it: `-` for a hyphen, a space or an underscore;
/// `a` and `e` with their accents (`À` and `É` the only capitals it
/// folds); any letter in either case.
fn spelt(c: char) -> String {
    match c {
        '-' => "[-_ ]".to_string(),
        'a' => "[aAàâÀ]".to_string(),
        'e' => "[eEéèêÉ]".to_string(),
        c => format!("[{c}{}]", c.to_ascii_uppercase()),
    }
}

/// The regular expression (ECMA-262, as JSON Schema has it) of every
/// status spelling [`Status::parse`] reads: around white space, each
/// English or French key in any case, with or without accents, composed or
/// decomposed, spaces or underscores for hyphens (`Bloquée`, `EN COURS`,
/// `en_Cours`, `re\u{301}alise\u{301}e`).
pub(super) fn status_pattern() -> String {
    let keys: Vec<String> = Status::spellings()
        .map(|key| {
            key.chars()
                .map(|c| format!("{}{MARKS}", spelt(c)))
                .collect::<String>()
        })
        .collect();
    format!("^\\s*{MARKS}(?:{})\\s*$", keys.join("|"))
}

/// A mapping from keys matching `key_pattern` to numbers.
pub(super) fn numbers_by(key_pattern: &str, en: &str, fr: &str) -> Schema {
    described(
        json_schema!({
            "type": "object",
            "propertyNames": {"pattern": key_pattern},
            "additionalProperties": {"type": "number"},
        }),
        en,
        fr,
    )
}

//! Writing a journal entry as YAML text, in the canonical form of spec
//! section 8: keys in a fixed order, English status names, ISO dates, integer
//! progress, measures with a decimal point, and any text that a YAML 1.1 or
//! 1.2 reader could take for something else double-quoted.

use crate::model::Entry;
use std::fmt::Write;

/// The entry as a block mapping, one key per line, no indentation, ending in `\n`.
pub fn entry_yaml(e: &Entry) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "date: {}", e.date.value.format("%Y-%m-%d"));
    if let Some(s) = &e.status {
        let _ = writeln!(out, "status: {}", s.value.key());
    }
    if let Some(p) = &e.progress {
        let _ = writeln!(out, "progress: {}", number(p.value));
    }
    for (key, text) in [
        ("note", &e.note),
        ("difficulties", &e.difficulties),
        ("next", &e.next),
        ("decision", &e.decision),
    ] {
        if let Some(t) = text {
            let _ = writeln!(out, "{key}: {}", scalar(t));
        }
    }
    if !e.reached.is_empty() {
        let ids: Vec<String> = e.reached.iter().map(|r| scalar(&r.value)).collect();
        let _ = writeln!(out, "reached: [{}]", ids.join(", "));
    }
    if !e.measures.is_empty() {
        let pairs: Vec<String> = e
            .measures
            .iter()
            .map(|(id, v)| format!("{}: {}", scalar(&id.value), number(*v)))
            .collect();
        let _ = writeln!(out, "measures: {{{}}}", pairs.join(", "));
    }
    if !e.spent.is_empty() {
        let pairs: Vec<String> = e
            .spent
            .iter()
            .map(|(id, m)| format!("{}: {}", scalar(&id.value), m.value.plain()))
            .collect();
        let _ = writeln!(out, "spent: {{{}}}", pairs.join(", "));
    }
    if let Some(by) = &e.by {
        let _ = writeln!(out, "by: {}", scalar(by));
    }
    out
}

/// A number with a decimal point, integers without one.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Plain words that YAML 1.1 readers (PyYAML) take for booleans or null.
const YAML11_WORDS: [&str; 11] = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf",
];

/// A text value: plain when no YAML reader could read it as anything but
/// this string, double-quoted otherwise. U+2028 and U+2029 are line breaks
/// for YAML 1.1 readers (libyaml, PyYAML): written plain, they would split
/// the line.
pub fn scalar(text: &str) -> String {
    if is_safe_plain(text) {
        text.to_string()
    } else {
        double_quoted(text)
    }
}

fn is_safe_plain(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && text.chars().all(|c| {
            !c.is_control()
                && !"{}[]&*!|>\"%@`#\\,".contains(c)
                && !['\u{feff}', '\u{2028}', '\u{2029}'].contains(&c)
        })
        && !YAML11_WORDS.contains(&text.to_lowercase().as_str())
}

fn double_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_text_is_quoted() {
        for text in [
            "yes",
            "No",
            "null",
            "~",
            "12:30",
            "2024-01-01",
            "40",
            "1.5",
            "- fait",
            "a: b",
            "x #y",
            "",
            " lead",
            "[a]",
            "Off",
            "séparateur\u{2028}de ligne",
            "fin de\u{2029}paragraphe",
        ] {
            assert!(scalar(text).starts_with('"'), "{text:?} should be quoted");
        }
        assert_eq!(
            scalar("Réunion avec l'association"),
            "Réunion avec l'association"
        );
        assert_eq!(
            scalar("deux\nlignes \"ok\""),
            "\"deux\\nlignes \\\"ok\\\"\""
        );
    }

    #[test]
    fn numbers_use_a_decimal_point() {
        assert_eq!(number(40.0), "40");
        assert_eq!(number(1.5), "1.5");
        assert_eq!(number(-0.25), "-0.25");
    }
}

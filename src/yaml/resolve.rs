//! Scalars resolved by the YAML 1.2 core schema (`no`, `on`, `1_000` and
//! `2024-01-01` are text, `017` is the integer 17), as the README promises.

use super::Value;
use granit_parser::ScalarStyle;
use std::borrow::Cow;

/// A scalar's value: `tag` is the core-schema suffix of its tag (`str`,
/// `null`…), `!` for the non-specific tag (`! 12` is the text "12"), or
/// any other suffix (then the scalar resolves as if untagged).
pub(super) fn scalar<'s>(text: Cow<'s, str>, style: ScalarStyle, tag: Option<&str>) -> Value<'s> {
    match tag {
        Some("str" | "!") => Value::Str(text),
        Some("null") => Value::Null,
        _ if style != ScalarStyle::Plain => Value::Str(text),
        _ => plain(&text).unwrap_or(Value::Str(text)),
    }
}

/// A plain scalar's value when it is not a string, by the YAML 1.2 core
/// schema (YAML 1.2.2, §10.3.2), whose every regular expression is here:
///
/// | type  | spellings                                                       |
/// |-------|-----------------------------------------------------------------|
/// | null  | `null`, `Null`, `NULL`, `~`, nothing                            |
/// | bool  | `true`, `True`, `TRUE`, `false`, `False`, `FALSE`               |
/// | int   | `[-+]?[0-9]+` (decimal, `017` is 17), `0o[0-7]+`, `0x[0-9a-fA-F]+` |
/// | float | `[-+]?(\.[0-9]+\|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,         |
/// |       | `[-+]?\.(inf\|Inf\|INF)`, `\.nan\|\.NaN\|\.NAN`                   |
///
/// Everything else is a string: `1_000`, `0b101`, `+0x1F`, `-0o7`, `0X1F`,
/// `1e5.0`, `.5e`, `+.nan`, `yes`, `2024-01-01`. An integer beyond i64 is
/// still a number: the nearest float, which the decoder refuses as
/// `bad-number` (beyond a thousand billion) wherever it reads a number, and
/// whose spelling [`super::Node::scalar_str`] keeps where it reads text.
/// `.inf` and `.nan` are floats too: the decoder reports each at its place.
fn plain(text: &str) -> Option<Value<'static>> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        ".nan" | ".NaN" | ".NAN" => return Some(Value::Float(f64::NAN)),
        _ => {}
    }
    if let Some(digits) = text.strip_prefix("0o") {
        return radix(digits, 8);
    }
    if let Some(digits) = text.strip_prefix("0x") {
        return radix(digits, 16);
    }
    let (neg, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    match unsigned {
        ".inf" | ".Inf" | ".INF" => {
            let inf = if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
            return Some(Value::Float(inf));
        }
        _ => {}
    }
    let bytes = unsigned.as_bytes();
    if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
        return Some(match text.parse::<i64>() {
            Ok(n) => Value::Int(n),
            // Beyond i64: a number all the same (see above).
            Err(_) => Value::Float(text.parse::<f64>().ok()?),
        });
    }
    is_float(bytes).then(|| text.parse::<f64>().ok().map(Value::Float))?
}

/// `0o…` or `0x…` digits (no sign, no `_`) as an integer of `radix`.
fn radix(digits: &str, radix: u32) -> Option<Value<'static>> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(match i64::from_str_radix(digits, radix) {
        Ok(n) => Value::Int(n),
        Err(_) => Value::Float(
            digits
                .chars()
                .filter_map(|c| c.to_digit(radix))
                .fold(0.0, |n, d| n * f64::from(radix) + f64::from(d)),
        ),
    })
}

/// Whether unsigned `b` is `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
fn is_float(b: &[u8]) -> bool {
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = digits(0);
    if i == 0 {
        // `\.[0-9]+`
        if b.first() != Some(&b'.') || digits(1) == 0 {
            return false;
        }
        i = 1 + digits(1);
    } else if b.get(i) == Some(&b'.') {
        i += 1 + digits(i + 1);
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exponent = digits(i);
        if exponent == 0 {
            return false;
        }
        i += exponent;
    }
    i == b.len()
}

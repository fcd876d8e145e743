//! Scalars resolved as serde-saphyr resolves them for ctg: the YAML 1.2
//! core schema (`no`, `on` and `2024-01-01` are text), `017` read as 17,
//! non-finite floats refused.

use super::Value;
use granit_parser::ScalarStyle;
use std::borrow::Cow;

/// A scalar's value as serde-saphyr resolves it for an untyped target.
pub(super) fn scalar<'s>(text: Cow<'s, str>, style: ScalarStyle, tag: Option<&str>) -> Value<'s> {
    match tag {
        Some("str") => Value::Str(text),
        Some("null") => Value::Null,
        _ if style != ScalarStyle::Plain => Value::Str(text),
        _ => plain(&text).unwrap_or(Value::Str(text)),
    }
}

/// A plain scalar's value when it is not a string.
fn plain(text: &str) -> Option<Value<'static>> {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Some(Value::Null);
    }
    let t = text.trim_matches([' ', '\t', '\r', '\n']);
    match t {
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    let signed_nan = t.len() > unsigned.len() && matches!(unsigned, ".nan" | ".NaN" | ".NAN");
    if matches!(unsigned.as_bytes(), [b'0', b'X' | b'O' | b'B', ..]) || signed_nan {
        return None;
    }
    if let Some(n) = integer(t) {
        return Some(i64::try_from(n).map_or(Value::Float(n as f64), Value::Int));
    }
    // `.inf` and `.nan` too: the decoder reports every one of them.
    float(t).map(Value::Float)
}

/// A YAML 1.2 integer: decimal without a redundant leading zero, or `0x`,
/// `0o`, `0b`; `_` between digits; within i64 when negative, u64 otherwise.
fn integer(t: &str) -> Option<i128> {
    let (neg, rest) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (radix, digits) = if let Some(d) = rest.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = rest.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = rest.strip_prefix("0b") {
        (2, d)
    } else {
        if rest.starts_with('0') && rest != "0" {
            return None;
        }
        (10, rest)
    };
    let bytes = digits.as_bytes();
    let mut value: i128 = 0;
    let mut saw = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let inner =
                i > 0 && bytes[i - 1] != b'_' && i + 1 < bytes.len() && bytes[i + 1] != b'_';
            if !inner {
                return None;
            }
            continue;
        }
        let d = i128::from(char::from(b).to_digit(radix)?);
        value = value.checked_mul(i128::from(radix))?.checked_add(d)?;
        saw = true;
    }
    if !saw {
        return None;
    }
    let value = if neg { -value } else { value };
    let fits = if neg {
        i64::try_from(value).is_ok()
    } else {
        u64::try_from(value).is_ok()
    };
    fits.then_some(value)
}

/// A YAML 1.2 float (`.inf`, `.nan` included), or an overflowing literal.
fn float(t: &str) -> Option<f64> {
    let (neg, unsigned) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    match unsigned {
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        ".inf" | ".Inf" | ".INF" => {
            return Some(if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        _ => {}
    }
    let v = t.parse::<f64>().ok()?;
    (v.is_finite() || unsigned.as_bytes().first().is_some_and(u8::is_ascii_digit)).then_some(v)
}

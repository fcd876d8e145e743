//! What people type on a command line or in a form, read one way
//! everywhere: words compared loosely ([`fold`]), numbers (`--measure`, `--target`, `--baseline`, next
//! amounts).

/// A number as a French or English user writes it: a decimal comma or
/// point, spaces (plain, no-break, narrow no-break) between thousands;
/// never infinite or NaN.
pub fn parse_number(text: &str) -> Option<f64> {
    let plain: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A word as people type it, compared loosely: `text` trimmed, in lower case, without accents (composed or
/// decomposed), `_` and spaces read as `-`.
pub fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            ' ' | '_' => '-',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn reads_commas_points_and_thousands_spaces_alike() {
        assert_eq!(parse_number("4,5"), Some(4.5));
        assert_eq!(parse_number(" 4.5 "), Some(4.5));
        assert_eq!(parse_number("15 000,50"), Some(15000.5));
        assert_eq!(parse_number("15\u{202f}000"), Some(15000.0));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("1e400"), None);
        assert_eq!(parse_number("douze"), None);
        assert_eq!(parse_number(""), None);
    }
}

//! Dates on the command line and "today".

use chrono::{DateTime, Local, NaiveDate, Utc};

/// Reads a date given as `YYYY-MM-DD` or `JJ/MM/AAAA`, of a year from 1900
/// to 2999 (the years a plan's files hold; `0000-01-01` is no date a YAML
/// reader such as PyYAML can read back).
pub fn parse_cli_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let date = crate::decode::parse_iso_date(t).or_else(|| {
        let parts: Vec<&str> = t.split('/').collect();
        match parts.as_slice() {
            [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => {
                NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
            }
            _ => None,
        }
    })?;
    (1900..=2999)
        .contains(&chrono::Datelike::year(&date))
        .then_some(date)
}

/// Reads a period bound: a date, or a year (its 1 January, or 31 December when `end`).
pub fn parse_period_bound(text: &str, end: bool) -> Option<NaiveDate> {
    if let Ok(year) = text.trim().parse::<i32>() {
        if !(1900..=2999).contains(&year) {
            return None;
        }
        return Some(if end {
            crate::compute::end_of_year(year)
        } else {
            crate::compute::start_of_year(year)
        });
    }
    parse_cli_date(text)
}

/// Today: the date of `SOURCE_DATE_EPOCH` when set (reproducible runs),
/// taken in UTC so that a run gives the same date on every machine; else
/// the system's local date (`TZ`, else the system's time zone), so that
/// just after midnight in France today is already the new day.
pub fn today(source_date_epoch: Option<&str>) -> Result<NaiveDate, String> {
    match source_date_epoch.filter(|s| !s.is_empty()) {
        Some(s) => s
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::<Utc>::from_timestamp(secs, 0))
            .map(|dt| dt.date_naive())
            .ok_or_else(|| format!("SOURCE_DATE_EPOCH={s} is not a number of seconds")),
        None => Ok(Local::now().date_naive()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_of_a_year_a_plan_holds() {
        assert_eq!(parse_cli_date("0000-01-01"), None);
        assert_eq!(parse_cli_date("01/01/1899"), None);
        assert_eq!(parse_cli_date("3000-01-01"), None);
        assert!(parse_cli_date("1900-01-01").is_some());
        assert!(parse_cli_date("31/12/2999").is_some());
    }

    #[test]
    fn reads_iso_and_french_dates() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 4);
        assert_eq!(parse_cli_date("2025-03-04"), d);
        assert_eq!(parse_cli_date("04/03/2025"), d);
        assert_eq!(parse_cli_date("4/3/2025"), d);
        assert_eq!(parse_cli_date("31/02/2025"), None);
        assert_eq!(parse_cli_date("2025"), None);
    }

    #[test]
    fn years_are_period_bounds() {
        assert_eq!(
            parse_period_bound("2024", false),
            NaiveDate::from_ymd_opt(2024, 1, 1)
        );
        assert_eq!(
            parse_period_bound("2024", true),
            NaiveDate::from_ymd_opt(2024, 12, 31)
        );
    }

    #[test]
    fn source_date_epoch_fixes_today() {
        assert_eq!(
            today(Some("1735689600")),
            Ok(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
        );
        assert!(today(Some("soon")).is_err());
    }
}

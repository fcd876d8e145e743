//! Indicator figures for a year: value, gap to target, % of target, trend.

use super::indicator_value;
use crate::model::{Direction, Indicator, Sheet};
use chrono::NaiveDate;

/// How an indicator moved, judged by its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Moved the right way.
    Improving,
    /// Moved the wrong way.
    Worsening,
    /// Did not move.
    Stable,
}

impl Trend {
    /// The English key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Trend::Improving => "improving",
            Trend::Worsening => "worsening",
            Trend::Stable => "stable",
        }
    }
}

/// A trend is written as its English key.
impl serde::Serialize for Trend {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// One indicator in one year; serialized in field order.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct IndicatorYear {
    /// Value of the year before.
    pub previous: Option<f64>,
    /// Value of the year.
    pub value: Option<f64>,
    /// Target of the year.
    pub target: Option<f64>,
    /// value − target, in the indicator's unit.
    pub gap: Option<f64>,
    /// 100 × value ÷ target (none when the target is 0).
    pub percent_of_target: Option<f64>,
    /// Compared with the year before, or with the baseline when it has no value.
    pub trend: Option<Trend>,
}

/// The figures of `indicator` of `sheet` for `year`, as of `as_of`.
pub fn indicator_year(
    sheet: &Sheet,
    indicator: &Indicator,
    year: i32,
    as_of: NaiveDate,
) -> IndicatorYear {
    let value = indicator_value(sheet, &indicator.id, year, as_of);
    let previous = indicator_value(sheet, &indicator.id, year - 1, as_of);
    let target = indicator.targets.get(&year).map(|t| t.value);
    let reference = previous.or_else(|| indicator.baseline.as_ref().map(|b| b.value));
    let trend = match (value, reference) {
        (Some(v), Some(r)) => trend(indicator.direction, v, r, target),
        _ => None,
    };
    IndicatorYear {
        previous,
        value,
        target,
        gap: gap(value, target),
        percent_of_target: percent_of_target(value, target),
        trend,
    }
}

/// value − target, in the indicator's unit; none when either is missing.
pub fn gap(value: Option<f64>, target: Option<f64>) -> Option<f64> {
    value.zip(target).map(|(v, t)| v - t)
}

/// 100 × value ÷ target; none when either is missing or the target is 0.
pub fn percent_of_target(value: Option<f64>, target: Option<f64>) -> Option<f64> {
    value
        .zip(target)
        .filter(|(_, t)| *t != 0.0)
        .map(|(v, t)| 100.0 * v / t)
}

/// Within this share of the target, a `steady` indicator meets it.
pub(super) const STEADY_TOLERANCE: f64 = 0.05;

/// Whether `value` meets `target` in the indicator's direction: `up`, at
/// least the target; `down`, at most; `steady`, within 5 % of it.
pub fn target_met(direction: Direction, value: f64, target: f64) -> bool {
    match direction {
        Direction::Up => value >= target,
        Direction::Down => value <= target,
        Direction::Steady => (value - target).abs() <= STEADY_TOLERANCE * target.abs(),
    }
}

fn trend(direction: Direction, now: f64, then: f64, target: Option<f64>) -> Option<Trend> {
    let better = match direction {
        Direction::Up => now.partial_cmp(&then)?,
        Direction::Down => then.partial_cmp(&now)?,
        Direction::Steady => {
            let t = target?;
            (then - t).abs().partial_cmp(&(now - t).abs())?
        }
    };
    Some(match better {
        std::cmp::Ordering::Greater => Trend::Improving,
        std::cmp::Ordering::Less => Trend::Worsening,
        std::cmp::Ordering::Equal => Trend::Stable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trends_follow_the_direction() {
        assert_eq!(trend(Direction::Up, 5.0, 4.0, None), Some(Trend::Improving));
        assert_eq!(
            trend(Direction::Down, 5.0, 4.0, None),
            Some(Trend::Worsening)
        );
        assert_eq!(
            trend(Direction::Steady, 9.0, 13.0, Some(10.0)),
            Some(Trend::Improving)
        );
        assert_eq!(trend(Direction::Steady, 9.0, 13.0, None), None);
        assert_eq!(trend(Direction::Up, 4.0, 4.0, None), Some(Trend::Stable));
    }

    #[test]
    fn targets_are_met_in_the_indicator_direction() {
        assert!(target_met(Direction::Up, 10.0, 10.0));
        assert!(!target_met(Direction::Up, 9.0, 10.0));
        assert!(target_met(Direction::Down, 9.0, 10.0));
        assert!(!target_met(Direction::Down, 11.0, 10.0));
        assert!(target_met(Direction::Steady, 10.5, 10.0));
        assert!(!target_met(Direction::Steady, 10.6, 10.0));
        assert!(target_met(Direction::Steady, 0.0, 0.0));
    }
}

//! `renew`'s look at the new period beside the current one: a period that
//! overlaps the current one (`--from 2026` when it ends in 2026) or leaves
//! years between them (`--from 2030`) is accepted, since a territory may
//! mean it, but said in one warning on stderr.

use super::messages::Msg;
use super::tell;
use ctg::i18n::{Lang, Localize};
use ctg::model::Period;

/// How the new period stands against the current one, when it is not
/// the usual one that starts the year after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seam {
    /// The new period starts before the current one ends: these years
    /// (first, last) belong to both.
    Overlap(i32, i32),
    /// The new period starts after the year following the current one's
    /// end: these years (first, last) belong to neither.
    Gap(i32, i32),
}

impl Seam {
    /// The seam between `current` and the new period `from`-`to`, none
    /// when the new one starts the year after the current one ends.
    pub(crate) fn of(current: Period, from: i32, to: i32) -> Option<Seam> {
        if from <= current.end && to >= current.start {
            Some(Seam::Overlap(from.max(current.start), to.min(current.end)))
        } else if from > current.end + 1 {
            Some(Seam::Gap(current.end + 1, from - 1))
        } else {
            None
        }
    }
}

/// `2026` or `2027-2029`.
fn years(first: i32, last: i32) -> String {
    match first == last {
        true => first.to_string(),
        false => format!("{first}-{last}"),
    }
}

impl Localize for Seam {
    fn say(&self, lang: Lang) -> String {
        match *self {
            Seam::Overlap(first, last) => {
                let y = years(first, last);
                lang.pick(
                    format!("the new period overlaps the current convention's in {y}: two conventions would cover the same years; check --from and --to"),
                    format!("la nouvelle période chevauche celle de la convention en cours en {y}\u{a0}: deux conventions couvriraient les mêmes années\u{a0}; vérifiez --from et --to"),
                )
            }
            Seam::Gap(first, last) => {
                let y = years(first, last);
                lang.pick(
                    format!("the new period leaves {y} between the two conventions, covered by neither; the usual start is --from {first}"),
                    format!("la nouvelle période laisse {y} entre les deux conventions, couvert par aucune\u{a0}; d'ordinaire --from {first}"),
                )
            }
        }
    }
}

/// Warns, in `lang`, when the new period `from`-`to` overlaps `current`
/// or leaves a gap after it.
pub(super) fn warn(current: Period, from: i32, to: i32, lang: Lang) {
    if let Some(seam) = Seam::of(current, from, to) {
        tell(&Msg::Warning(seam.say(lang)), lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seam_between_two_periods() {
        let current = Period {
            start: 2023,
            end: 2026,
        };
        assert_eq!(Seam::of(current, 2027, 2031), None);
        assert_eq!(
            Seam::of(current, 2026, 2030),
            Some(Seam::Overlap(2026, 2026))
        );
        assert_eq!(
            Seam::of(current, 2020, 2024),
            Some(Seam::Overlap(2023, 2024))
        );
        assert_eq!(Seam::of(current, 2030, 2034), Some(Seam::Gap(2027, 2029)));
        assert_eq!(Seam::of(current, 2028, 2032), Some(Seam::Gap(2027, 2027)));
        assert_eq!(
            Seam::of(current, 2017, 2021),
            None,
            "an earlier period, apart"
        );
    }
}

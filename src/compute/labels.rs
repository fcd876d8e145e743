//! The words for the domain's values (a status, a health, a synthesis
//! class), from the label catalogue: they sit beside the values, so that
//! the language layer depends on nothing of the domain.

use super::{Health, SynthesisClass};
use crate::i18n::{L, Lang};
use crate::model::{PartnerKind, Status};

/// The column label of a synthesis class.
pub fn class_label(c: SynthesisClass) -> L {
    match c {
        SynthesisClass::Done => L::DoneCol,
        SynthesisClass::Abandoned => L::AbandonedCol,
        SynthesisClass::Alert => L::AlertCol,
        SynthesisClass::NotStarted => L::NotStarted,
        SynthesisClass::InProgress => L::InProgressCol,
    }
}

/// The label of a status.
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    use Status::*;
    match status {
        Planned => L::Planned,
        InProgress => L::InProgress,
        Paused => L::Paused,
        Blocked => L::Blocked,
        Postponed => L::Postponed,
        Done => L::Done,
        Abandoned => L::Abandoned,
    }
    .get(lang)
}

/// The label of a health value: a word and a symbol.
pub fn health_label(health: Health, lang: Lang) -> &'static str {
    use Health::*;
    match health {
        Done => L::HealthDone,
        Abandoned => L::HealthAbandoned,
        Alert => L::HealthAlert,
        Watch => L::HealthWatch,
        Upcoming => L::HealthUpcoming,
        OnTrack => L::HealthOnTrack,
    }
    .get(lang)
}

/// The symbol of a health value alone.
pub fn health_symbol(health: Health) -> char {
    health_label(health, Lang::En).chars().last().unwrap_or(' ')
}

/// The label of a partner's kind.
pub fn partner_kind_label(kind: PartnerKind, lang: Lang) -> &'static str {
    match kind {
        PartnerKind::Signatory => L::KindSignatory,
        PartnerKind::Elected => L::KindElected,
        PartnerKind::Service => L::KindService,
        PartnerKind::Institution => L::KindInstitution,
        PartnerKind::Association => L::KindAssociation,
        PartnerKind::Other => L::KindOther,
    }
    .get(lang)
}

/// The label of a budget line's nature.
pub fn nature_label(nature: crate::model::Nature, lang: Lang) -> &'static str {
    match nature {
        crate::model::Nature::Operating => L::NatureOperating,
        crate::model::Nature::Investment => L::NatureInvestment,
    }
    .get(lang)
}

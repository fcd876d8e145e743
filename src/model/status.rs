//! The statuses of a sheet and their English and French spellings.

/// The statuses a sheet can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Not started.
    Planned,
    /// Under way.
    InProgress,
    /// Stopped for now.
    Paused,
    /// Cannot go on.
    Blocked,
    /// Moved to later.
    Postponed,
    /// Finished.
    Done,
    /// Given up.
    Abandoned,
}

/// A status is written as its English key.
impl serde::Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 7] = [
        Status::Planned,
        Status::InProgress,
        Status::Paused,
        Status::Blocked,
        Status::Postponed,
        Status::Done,
        Status::Abandoned,
    ];

    /// The English name written in files.
    pub fn key(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in-progress",
            Status::Paused => "paused",
            Status::Blocked => "blocked",
            Status::Postponed => "postponed",
            Status::Done => "done",
            Status::Abandoned => "abandoned",
        }
    }

    fn french_key(self) -> &'static str {
        match self {
            Status::Planned => "a-venir",
            Status::InProgress => "en-cours",
            Status::Paused => "en-pause",
            Status::Blocked => "bloquee",
            Status::Postponed => "reportee",
            Status::Done => "realisee",
            Status::Abandoned => "abandonnee",
        }
    }

    /// Reads a status in English or French, with or without accents, spaces
    /// and underscores counting as hyphens (`En cours`, `réalisée`, `in_progress`).
    /// Accents may be composed (`é`) or decomposed (`e` and a combining
    /// accent, as macOS tools write them): combining marks are dropped, which
    /// folds a decomposed letter to its base letter like a composed one.
    pub fn parse(text: &str) -> Option<Status> {
        // Most files spell a status exactly as the spec does.
        let exact = Status::ALL
            .into_iter()
            .find(|s| s.key() == text || s.french_key() == text);
        if exact.is_some() {
            return exact;
        }
        let folded: String = text
            .trim()
            .chars()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .map(|c| match c {
                ' ' | '_' => '-',
                'à' | 'â' | 'À' => 'a',
                'é' | 'è' | 'ê' | 'É' => 'e',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        Status::ALL
            .into_iter()
            .find(|s| s.key() == folded || s.french_key() == folded)
    }

    /// Every accepted spelling, for suggestions.
    pub fn spellings() -> impl Iterator<Item = &'static str> {
        Status::ALL
            .into_iter()
            .flat_map(|s| [s.key(), s.french_key()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_accept_french_and_loose_spellings() {
        assert_eq!(Status::parse("En cours"), Some(Status::InProgress));
        assert_eq!(Status::parse("réalisée"), Some(Status::Done));
        assert_eq!(Status::parse("in_progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("à venir"), Some(Status::Planned));
        assert_eq!(Status::parse("Bloquée"), Some(Status::Blocked));
        assert_eq!(Status::parse("re\u{301}alise\u{301}e"), Some(Status::Done));
        assert_eq!(Status::parse("A\u{300} venir"), Some(Status::Planned));
        assert_eq!(Status::parse("finished"), None);
    }
}

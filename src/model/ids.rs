//! Dotted ids (`1.2.3`): their order and their parent.

/// Compares dotted ids component by component as numbers (`1.1.10` after `1.1.9`).
pub fn id_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |s: &str| {
        s.split('.')
            .map(|p| p.parse::<u64>().unwrap_or(u64::MAX))
            .collect::<Vec<_>>()
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// The parent of a dotted id (`1.2.3` → `1.2`), none for an axis id.
pub fn parent_id(id: &str) -> Option<&str> {
    id.rfind('.').map(|i| &id[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_numerically() {
        let mut ids = vec!["1.1.10", "1.1.9", "1.2", "1.10", "2"];
        ids.sort_by(|a, b| id_order(a, b));
        assert_eq!(ids, ["1.1.9", "1.1.10", "1.2", "1.10", "2"]);
    }
}

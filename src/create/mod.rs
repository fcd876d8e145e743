//! New plans: `init` writes an empty one, `renew` the next convention from
//! the current one. Both only build files in memory; the single staging
//! of [`crate::write::staging`] writes them, all or nothing.

pub mod init;
pub mod renew;

use crate::i18n::L;
use crate::i18n::Lang;

/// The `# yaml-language-server: $schema=` line of a file `depth` folders
/// below the plan root, for the schema of `kind`.
pub fn schema_line(kind: &str, depth: usize) -> String {
    format!(
        "# yaml-language-server: $schema={}schema/{kind}.schema.json",
        "../".repeat(depth)
    )
}

/// `.gitignore`: the lock `ctg record` takes, as in the shipped plan.
pub fn gitignore(lang: Lang) -> String {
    format!("{}\n.ctg.lock\n", L::GitignoreComment.get(lang))
}

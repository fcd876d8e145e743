//! Seeded mutations of plan files, shared by the fuzzer (`tests/fuzz.rs`)
//! and the readers' differential test (`tests/reader.rs`).

#[path = "../cli/seeded.rs"]
pub(crate) mod seeded;

use seeded::Seeded as Rng;

/// Tokens that YAML, the decoder or a terminal treat specially.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "<<: *a",
    "---\n",
    "...\n",
    ".inf",
    "-.nan",
    "\t",
    "\"",
    "'",
    "#",
    "\r",
    "\n",
    "\n  ",
    "\u{202e}",
    "\u{9b}",
    "\u{1b}[2J",
    "1e308",
    "99999999999999999999",
    "2025-02-30",
    "2999-01-01",
    "~",
    "!!binary ",
    "%YAML 1.1\n",
    "?",
    "|",
    ">-",
    "é",
    "\u{feff}",
    "journal:",
    "status: ",
    "progress: ",
    "measures: {",
    "id: ",
    // What the fast reader reads since issue 21: escapes, `''`, comments
    // after values, CRLF, nested flows.
    "\\",
    "\\\"",
    "\\u00e9",
    "''",
    " # c",
    "\r\n",
    "[a, [b]]",
    "{k: {l: 1}}",
];

/// A few byte- and token-level changes to `input`.
pub(crate) fn mutate(rng: &mut Rng, input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(6) {
            0 if !input.is_empty() => {
                let i = at.min(input.len() - 1);
                input[i] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, rng.next() as u8),
            2 => {
                let end = (at + rng.below(40)).min(input.len());
                input.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(200)).min(input.len());
                let piece = input[at..end].to_vec();
                let to = rng.below(input.len() + 1);
                input.splice(to..to, piece);
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, token.iter().copied());
            }
        }
    }
}

//! `ctg serve` (spec section 14), without the network: a request (path,
//! query, `Host`) in, a response (status, type, body) out. The plan is read
//! again whenever its files' paths, sizes, modification times or inodes
//! changed since it was last read ([`signature`]), so that a page always shows the
//! files as they are and a large plan is not read again for every page;
//! each page is the document the matching command writes with
//! `--format html` (one renderer), with a navigation bar above it; every
//! table page offers its downloads. The binary owns the socket.

mod filters;
mod form;
mod pages;

pub use pages::respond;

use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::load::Loaded;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A request, as the server received it.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The path, without the query (`/sheets/1.1.1`).
    pub path: String,
    /// The query's pairs, decoded, in order.
    pub query: Vec<(String, String)>,
    /// `GET` or `POST`.
    pub method: String,
    /// A POST's form fields, decoded, in order.
    pub form: Vec<(String, String)>,
}

impl Request {
    /// The first value of `key` in the query.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of the form field `key`.
    pub fn form(&self, key: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of the form field `key`.
    pub fn form_all(&self, key: &str) -> Vec<String> {
        self.form
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Whether the page is asked in large type (`?large=1`; `large=0` is not).
    pub fn large(&self) -> bool {
        self.get("large").is_some_and(|v| v != "0")
    }

    /// Every value of `key` in the query.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.query
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// A response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// 200, 404…
    pub status: u16,
    /// The media type.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// For a download: the file name it is saved under.
    pub file_name: Option<String>,
    /// The nonce of the page's one inline script (the change banner), for
    /// its Content-Security-Policy.
    pub nonce: Option<String>,
    /// For a redirect (303): the address to go to instead.
    pub location: Option<String>,
}

/// What every page is built from.
#[derive(Debug, Clone)]
pub struct Site {
    /// The plan folder (absolute).
    pub plan_dir: PathBuf,
    /// The language of the pages (`--lang`, `CTG_LANG`, or the plan's, as
    /// the command line chose it); none: the plan's own.
    pub lang: Option<Lang>,
    /// The date the figures are computed as of.
    pub as_of: NaiveDate,
    /// Today, for the review's "produced" date.
    pub today: NaiveDate,
    /// With `--write`: the session's token, which every form carries.
    pub csrf: Option<String>,
    /// The session's secret: the pages' script nonce is made from it.
    pub secret: String,
    /// `ctg serve DIR…`: the plans side by side, each under `/plans/N/`
    /// (empty: the one plan at `plan_dir`).
    pub plans: Vec<PathBuf>,
    /// Each plan as last read, shared by every request.
    pub cache: Cache,
}

/// A plan as read at one [`signature`] of its files, with its diagnostics.
#[derive(Debug)]
pub struct Snapshot {
    /// The signature of the files when they were read.
    pub signature: String,
    /// The plan read.
    pub loaded: Loaded,
    /// What `ctg validate` says of it on the session's date.
    pub diagnostics: Vec<Diagnostic>,
}

/// The plans last read, by folder: a request reads a plan again only when
/// its signature changed. Two requests that find it changed at once may
/// both read it; the lock is never held while reading.
#[derive(Debug, Clone, Default)]
pub struct Cache(Arc<Mutex<HashMap<PathBuf, Arc<Snapshot>>>>);

impl Cache {
    /// The plan at `dir` as its files are now, on `as_of`.
    pub fn get(&self, dir: &Path, as_of: NaiveDate) -> Arc<Snapshot> {
        let signature = signature(dir);
        let cached = self
            .0
            .lock()
            .ok()
            .and_then(|plans| plans.get(dir).cloned())
            .filter(|s| s.signature == signature);
        if let Some(snapshot) = cached {
            return snapshot;
        }
        // The signature is taken before reading: a file written while the
        // plan is read changes it again, and the next request reads anew.
        let loaded = crate::load::load(dir);
        let diagnostics = crate::check::check(&loaded, as_of);
        let snapshot = Arc::new(Snapshot {
            signature,
            loaded,
            diagnostics,
        });
        if let Ok(mut plans) = self.0.lock() {
            plans.insert(dir.to_path_buf(), snapshot.clone());
        }
        snapshot
    }
}

/// The headers every response carries besides its Content-Security-Policy:
/// the type is never sniffed, no referrer leaves.
pub const SECURITY_HEADERS: [(&str, &str); 2] = [
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
];

/// The Content-Security-Policy of a response: nothing external loads; the
/// page's one script (the change banner) runs by its `nonce`, and may only
/// ask this server.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let script = nonce.map_or_else(String::new, |n| {
        format!(" script-src 'nonce-{n}'; connect-src 'self';")
    });
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:;{script} form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
}

/// A signature of the plan's files as they are on disk: the path, size,
/// modification time in nanoseconds and, on Unix, inode (`ctg`'s atomic
/// writes replace it) of each `.yaml` or `.yml` file of the plan folder
/// and of `actions/` (links followed, as `load` reads through them), and
/// the names of the folders in `actions/`. It changes when a file the plan
/// is read from is written, moved or added, and not for an editor's swap
/// file or a note beside the plan.
pub fn signature(plan_dir: &Path) -> String {
    let mut entries: Vec<(PathBuf, u64, u128, u64)> = Vec::new();
    let mut visit = |rel: &Path| {
        for e in std::fs::read_dir(plan_dir.join(rel))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = e.file_name().to_string_lossy().into_owned();
            let Ok(meta) = std::fs::metadata(e.path()) else {
                continue;
            };
            let read = name.ends_with(".yaml") || name.ends_with(".yml");
            if name.starts_with('.') || !(read || meta.is_dir() && !rel.as_os_str().is_empty()) {
                continue;
            }
            let modified = meta
                .modified()
                .ok()
                .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&meta);
            #[cfg(not(unix))]
            let inode = 0;
            entries.push((rel.join(&name), meta.len(), modified, inode));
        }
    };
    visit(Path::new(""));
    visit(Path::new("actions"));
    entries.sort();
    crate::collect::fingerprint(&format!("{entries:?}"))
}

/// True when `host` (the request's `Host` header) names this server: its
/// address `127.0.0.1:PORT` or `localhost:PORT`. Any other name is refused,
/// so that a page of another site cannot reach the plan through a name
/// that resolves to this machine (DNS rebinding).
pub fn host_allowed(host: &str, port: u16) -> bool {
    let host = host.trim().to_ascii_lowercase();
    [format!("127.0.0.1:{port}"), format!("localhost:{port}")].contains(&host)
}

/// `%xx` and `+` decoded, as a query or a path segment holds them; none
/// for an invalid escape or text that is not UTF-8.
pub fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// `text` as a query's key or value: letters, digits and `-._~` as they
/// are, every other byte `%XX` (what [`decode`] reads back).
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// The pairs of a query string (`axis=1&late=1`), decoded; a pair that
/// does not decode is left out.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_servers_own_names_are_served() {
        assert!(host_allowed("127.0.0.1:8724", 8724));
        assert!(host_allowed("LOCALHOST:8724", 8724));
        assert!(!host_allowed("evil.example:8724", 8724));
        assert!(!host_allowed("127.0.0.1:9999", 8724));
        assert!(!host_allowed("127.0.0.1", 8724));
    }

    #[test]
    fn what_is_encoded_decodes_back() {
        for text in ["en cours", "é & = + %", "1.1.1", ""] {
            assert_eq!(decode(&encode(text)).as_deref(), Some(text));
        }
        assert_eq!(encode("a b&c"), "a%20b%26c");
        assert_eq!(decode("%+1"), None, "two hex digits, no sign");
    }

    #[test]
    fn queries_decode() {
        assert_eq!(
            parse_query("status=en+cours&axis=1&x=%C3%A9&bad=%zz"),
            vec![
                ("status".to_string(), "en cours".to_string()),
                ("axis".to_string(), "1".to_string()),
                ("x".to_string(), "é".to_string()),
            ]
        );
    }
}

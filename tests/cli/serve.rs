//! `ctg serve` on 127.0.0.1, a free port, driven over real HTTP: the
//! pages, their headers, the `Host` check, the 404 in French, the
//! downloads, a plan changed on disk shown at the next request. Every test
//! stops the server it started.

use crate::common::TestEnv;
use crate::webdriver::{Browser, Screen};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(env: &TestEnv) -> Server {
    serve_with(env, &[])
}

fn serve_with(env: &TestEnv, extra: &[&str]) -> Server {
    let mut child = env
        .std_command()
        .args(["--as-of", "2025-06-30", "serve", "--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    assert!(
        line.starts_with("le plan est à l'adresse http://127.0.0.1:"),
        "{line}"
    );
    Server { child, port }
}

/// `METHOD path` with this `Host`: the status, the headers (lower case), the body.
fn fetch(port: u16, method: &str, path: &str, host: &str) -> (u16, String, Vec<u8>) {
    send(port, method, path, host, "")
}

/// [`fetch`] with a form-encoded body.
fn send(port: u16, method: &str, path: &str, host: &str, body: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
    let status = head[9..12].parse().unwrap();
    (status, head, raw[split + 4..].to_vec())
}

/// The session's token a page's form carries.
fn csrf_of(page: &str) -> String {
    page.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no form token in {page}"))
        .to_string()
}

fn get(server: &Server, path: &str) -> (u16, String, String) {
    let (status, head, body) = fetch(
        server.port,
        "GET",
        path,
        &format!("127.0.0.1:{}", server.port),
    );
    (status, head, String::from_utf8_lossy(&body).into_owned())
}

#[test]
fn pages_carry_the_plan_and_headers_that_allow_nothing_external() {
    let env = TestEnv::demo();
    let server = serve(&env);
    let (status, head, body) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-security-policy: default-src 'none'"),
        "{head}"
    );
    assert!(head.contains("x-content-type-options: nosniff"), "{head}");
    assert!(head.contains("referrer-policy: no-referrer"), "{head}");
    assert!(
        body.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
        "{body}"
    );
    assert!(
        body.contains("<a href=\"/sheets/1.1.1\">1.1.1</a>"),
        "sheets are links"
    );
    assert!(body.contains("aria-current=\"page\">Tableau de bord</a>"));
    assert!(
        !body.contains("http://") && !body.contains("https://"),
        "nothing external"
    );
    // One script, the change banner's, allowed by its nonce alone.
    assert_eq!(body.matches("<script").count(), 1);
    let nonce = body
        .split("<script nonce=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert!(
        head.contains(&format!("script-src 'nonce-{nonce}'")),
        "{head}"
    );
    assert!(body.contains("<p id=\"ctg-changed\" role=\"status\" hidden>Le plan a changé"));
    // The filters of `status` as query parameters: axis 2 only.
    let (_, _, axis2) = get(&server, "/?axis=2");
    assert!(
        axis2.contains("/sheets/2.1.1") && !axis2.contains("/sheets/1.1.1"),
        "{axis2}"
    );
    // The filter form sends its empty fields too: the address to bookmark
    // is the one without them.
    let (status, head, _) = get(
        &server,
        "/?axis=2&objective=&field=&partner=&status=planned",
    );
    assert_eq!(status, 303);
    assert!(
        head.contains("location: /?axis=2&status=planned\r\n"),
        "{head}"
    );
    let (_, head, _) = get(&server, "/?axis=&objective=");
    assert!(head.contains("location: /\r\n"), "{head}");
    // Its large type and its downloads are of that view.
    assert!(axis2.contains("href=\"/?axis=2&amp;large=1\""), "{axis2}");
    assert!(
        axis2.contains("href=\"/?axis=2&amp;format=csv\""),
        "{axis2}"
    );
    let (_, _, csv) = get(&server, "/?axis=2&format=csv");
    assert!(csv.contains("2.1.1") && !csv.contains("1.1.1"), "{csv}");
    let (status, _, sheet) = get(&server, "/sheets/1.1.1");
    assert_eq!(status, 200);
    assert!(sheet.contains("Navette solidaire vers les services"));
    assert!(sheet.contains("subvention-ccvl"), "the budget of the sheet");
    // Its indicator drawn, with the values in words for a screen reader.
    let chart = sheet
        .split("<figcaption>Indicateurs</figcaption>")
        .nth(1)
        .and_then(|rest| rest.split("</figure>").next())
        .unwrap_or_else(|| panic!("no indicator chart: {sheet}"));
    assert!(chart.contains("Trajets assurés par an"), "{chart}");
    for value in ["120 trajets", "280 trajets", "210 trajets"] {
        assert!(chart.contains(value), "{value} in {chart}");
    }
    let (status, _, review) = get(&server, "/report/2024");
    assert_eq!(status, 200);
    assert_eq!(
        review.matches("<table").count(),
        5,
        "the review's five tables"
    );
    for page in PAGES.iter().filter(|p| !p.ends_with("9.9.9")) {
        let (status, _, body) = get(&server, page);
        assert_eq!(status, 200, "{page}");
        assert!(
            body.contains("<nav aria-label=\"Les pages du plan\""),
            "{page}"
        );
    }
}

#[test]
fn another_host_is_refused_and_an_unknown_page_is_a_french_404() {
    let env = TestEnv::demo();
    let server = serve(&env);
    let (status, _, _) = fetch(
        server.port,
        "GET",
        "/",
        &format!("evil.example:{}", server.port),
    );
    assert_eq!(status, 421, "DNS rebinding");
    let (status, _, _) = fetch(
        server.port,
        "POST",
        "/",
        &format!("localhost:{}", server.port),
    );
    assert_eq!(status, 405, "read-only");
    let (status, _, body) = get(&server, "/sheets/9.9.9");
    assert_eq!(status, 404);
    assert!(body.contains("Page introuvable"), "{body}");
    let (status, _, _) = get(&server, "/report/2031");
    assert_eq!(status, 404);
    let (status, _, _) = get(&server, "/../../etc/passwd");
    assert_eq!(status, 404, "nothing outside the plan");
}

#[test]
fn downloads_are_the_commands_files() {
    let env = TestEnv::demo();
    let server = serve(&env);
    let (status, head, csv) = get(&server, "/budget?format=csv");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-disposition: attachment; filename=\"budget.csv\""),
        "{head}"
    );
    let cli = env.run(&["budget", "--format", "csv"]);
    assert_eq!(csv, cli.stdout, "the file ctg budget --format csv writes");
    let (status, head, ods) = fetch(
        server.port,
        "GET",
        "/?format=ods",
        &format!("127.0.0.1:{}", server.port),
    );
    assert_eq!(status, 200);
    assert!(
        head.contains("application/vnd.oasis.opendocument.spreadsheet"),
        "{head}"
    );
    assert!(ods.starts_with(b"PK"), "a zip");
}

#[test]
fn a_plan_changed_on_disk_is_shown_at_the_next_request() {
    let env = TestEnv::demo();
    let server = serve(&env);
    let (_, _, before) = get(&server, "/sheets/2.1.2");
    assert!(!before.contains("Tournée préparée"));
    let run = env.run(&[
        "record",
        "2.1.2",
        "--date",
        "2025-06-20",
        "--note",
        "Tournée préparée",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (_, _, after) = get(&server, "/sheets/2.1.2");
    assert!(after.contains("Tournée préparée"), "{after}");
    // The plan is kept between requests, and read again when a file
    // changes, even in place to a text of the same size.
    env.edit("actions/2.1.2.yaml", "Tournée préparée", "Tournée PRÉPARÉE");
    let (_, _, edited) = get(&server, "/sheets/2.1.2");
    assert!(edited.contains("Tournée PRÉPARÉE"), "{edited}");
    // The banner's question: has the plan changed since the page was made?
    let since = |page: &str| {
        page.split("/changes?since=")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap()
            .to_string()
    };
    let (_, _, answer) = get(&server, &format!("/changes?since={}", since(&before)));
    assert_eq!(answer, "changed");
    let (_, _, answer) = get(&server, &format!("/changes?since={}", since(&edited)));
    assert_eq!(answer, "same");
    let (_, _, large) = get(&server, "/sheets/2.1.2?large=1");
    assert!(
        large.contains("html{font-size:150%}"),
        "the projector's large type"
    );
    // Only the files the plan is read from count: an editor's swap file
    // or a note beside the plan changes nothing.
    let since_now = since(&get(&server, "/sheets/2.1.2").2);
    std::fs::write(env.plan().join(".2.1.2.yaml.swp"), "swap").unwrap();
    std::fs::write(env.plan().join("notes.txt"), "à voir").unwrap();
    let (_, _, answer) = get(&server, &format!("/changes?since={since_now}"));
    assert_eq!(answer, "same");
    // A sheet moved out of `actions/` (size, time and inode kept) is gone.
    std::fs::rename(
        env.plan().join("actions/2.2.1.yaml"),
        env.plan().join("2.2.1.yaml"),
    )
    .unwrap();
    let (_, _, answer) = get(&server, &format!("/changes?since={since_now}"));
    assert_eq!(answer, "changed");
    let (status, _, _) = get(&server, "/sheets/2.2.1");
    assert_eq!(status, 404, "the moved sheet is no longer in the plan");
    std::fs::rename(
        env.plan().join("2.2.1.yaml"),
        env.plan().join("actions/2.2.1.yaml"),
    )
    .unwrap();
    // A sheet that is a link: its target edited is seen.
    std::fs::rename(
        env.plan().join("actions/2.1.2.yaml"),
        env.plan().join("relais.yaml.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../relais.yaml.txt", env.plan().join("actions/2.1.2.yaml"))
        .unwrap();
    let (_, _, linked) = get(&server, "/sheets/2.1.2");
    assert!(linked.contains("Tournée PRÉPARÉE"), "{linked}");
    env.edit("relais.yaml.txt", "Tournée PRÉPARÉE", "Tournée ANNULÉE!");
    let (_, _, linked) = get(&server, "/sheets/2.1.2");
    assert!(linked.contains("Tournée ANNULÉE!"), "{linked}");
    // A plan with errors shows its diagnostics instead of the dashboard.
    env.edit(
        "actions/2.1.2.yaml",
        "lead: service-enfance",
        "lead: inconnu",
    );
    let (status, _, page) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(page.contains("unknown-partner"), "{page}");
}

/// A mistyped bookmark is told, by its field, and the filter left out;
/// the address keeps only what the dashboard reads.
#[test]
fn the_dashboard_says_which_filter_of_its_address_the_plan_does_not_know() {
    let env = TestEnv::demo();
    let server = serve(&env);
    let (status, _, page) = get(&server, "/?axis=9&status=nonsense&status=en+cours");
    assert_eq!(status, 200);
    assert!(
        page.contains("Axe «\u{a0}9\u{a0}» inconnu\u{a0}: ce filtre n&#39;est pas appliqué."),
        "{page}"
    );
    assert!(
        page.contains("Statut «\u{a0}nonsense\u{a0}» inconnu"),
        "{page}"
    );
    assert!(
        page.contains(
            "id=\"q-axis\" name=\"axis\" aria-invalid=\"true\" aria-describedby=\"q-error\""
        ),
        "{page}"
    );
    // The axis left out, the known status kept: 1.1.1 is under way.
    assert!(page.contains("href=\"/sheets/1.1.1\""), "{page}");
    assert!(!page.contains("href=\"/sheets/2.1.2\""), "{page}");
    for (asked, clean) in [
        ("/?late&axis=", "/?late=1"),
        ("/?axis=1&fbclid=abc", "/?axis=1"),
        ("/?axis=&objective=", "/"),
    ] {
        let (status, head, _) = get(&server, asked);
        assert_eq!(status, 303, "{asked}");
        assert!(
            head.contains(&format!("location: {clean}\r\n")),
            "{asked}: {head}"
        );
    }
    // Plan text and addresses are shown, never obeyed.
    let (status, _, page) = get(&server, "/x%22%3E%3Cb%3EINJECTED%3C%2Fb%3E");
    assert_eq!(status, 404);
    assert!(!page.contains("<b>INJECTED"), "{page}");
    let (status, _, _) = get(&server, "/sheets/%C3%28");
    assert_eq!(status, 404, "a path that is not UTF-8");
}

/// On a projector, large type stays from page to page, form controls too.
#[test]
fn large_type_stays_from_page_to_page() {
    let env = TestEnv::demo();
    let server = serve(&env);
    let (_, _, page) = get(&server, "/?axis=1&large=1");
    assert!(page.contains("button,input,select,textarea{font:inherit}"));
    for link in [
        "href=\"/sheets/1.1.1?large=1\"",
        "href=\"/summary?large=1\"",
        "href=\"/?axis=1&amp;format=csv&amp;large=1\"",
        "href=\"/?large=1\"",
    ] {
        assert!(page.contains(link), "{link} in {page}");
    }
    assert!(page.contains("<input type=\"hidden\" name=\"large\" value=\"1\">"));
    let (_, _, normal) = get(&server, "/?large=0");
    assert!(!normal.contains("font-size:150%"), "large=0 is not large");
}

/// The real browser: Chromium loads the dashboard from the server (its
/// CSP and all) and builds a page with the sheets' links and the review's
/// charts.
#[test]
fn chromium_shows_the_served_pages() {
    let env = TestEnv::demo();
    let server = serve(&env);
    for (path, expected) in [
        ("/", "<a href=\"/sheets/2.1.1\">2.1.1</a>"),
        ("/report/2024", "<svg role=\"img\""),
        ("/sheets/1.1.1", "Navette solidaire vers les services"),
    ] {
        let url = format!("http://127.0.0.1:{}{path}", server.port);
        let Some(out) = crate::report::chromium_at(&url, &["--dump-dom"]) else {
            return;
        };
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(dom.contains(expected), "{path}: {dom}");
    }
}

/// `serve --write`: the sheet's form, previewed, refused without the
/// session's token, and written as the very bytes `ctg record` writes.
#[test]
fn the_record_form_writes_what_ctg_record_writes() {
    let env = TestEnv::demo();
    let server = serve_with(&env, &["--write"]);
    let (status, _, page) = get(&server, "/sheets/1.1.1");
    assert_eq!(status, 200);
    assert!(
        page.contains("<label for=\"f-note\">Note</label>"),
        "labels on every field"
    );
    assert!(page.contains("name=\"measure.trajets\""));
    assert!(page.contains("name=\"spent.subvention-ccvl\""));
    let csrf = csrf_of(&page);
    let host = format!("127.0.0.1:{}", server.port);
    let file = "actions/1.1.1-navette.yaml";
    let before = env.read(file);
    let fields = "date=2025-06-20&status=in-progress&progress=70&note=Trente+chauffeurs+form%C3%A9s&measure.trajets=320&spent.subvention-ccvl=6+000%2C50";
    let (status, _, _) = send(
        server.port,
        "POST",
        "/sheets/1.1.1/record",
        &host,
        &format!("csrf=wrong&confirm=1&{fields}"),
    );
    assert_eq!(status, 403, "a form without the session's token");
    let (status, _, preview) = send(
        server.port,
        "POST",
        "/sheets/1.1.1/record",
        &host,
        &format!("csrf={csrf}&{fields}"),
    );
    assert_eq!(status, 200);
    let preview = String::from_utf8_lossy(&preview);
    assert!(
        preview.contains("+    spent: {subvention-ccvl: 6000.5}"),
        "{preview}"
    );
    assert_eq!(env.read(file), before, "a preview writes nothing");
    let (status, _, bad) = send(
        server.port,
        "POST",
        "/sheets/1.1.1/record",
        &host,
        &format!("csrf={csrf}&progress=140&note=x"),
    );
    assert_eq!(status, 200);
    let bad = String::from_utf8_lossy(&bad);
    assert!(
        bad.contains("l&#39;avancement `140` n&#39;est pas un nombre entier de 0 à 100</p>"),
        "{bad}"
    );
    // The refusal sits by its field, which says it is invalid and why.
    let field = bad.find("id=\"f-progress\" aria-invalid=\"true\" aria-describedby=\"f-error\"");
    let message = bad.find("role=\"alert\" id=\"f-error\" data-field=\"f-progress\"");
    let note = bad.find("<label for=\"f-note\">");
    assert!(field.is_some() && message.is_some(), "{bad}");
    assert!(
        field < message && message < note,
        "the message right after the field: {bad}"
    );
    let (status, _, done) = send(
        server.port,
        "POST",
        "/sheets/1.1.1/record",
        &host,
        &format!("csrf={csrf}&confirm=1&{fields}"),
    );
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&done).contains("Suivi écrit dans"));
    let served = env.read(file);
    // The same values through `ctg record`, on a fresh copy.
    let other = TestEnv::demo();
    let run = other.run(&[
        "record",
        "1.1.1",
        "--date",
        "2025-06-20",
        "--status",
        "in-progress",
        "--progress",
        "70",
        "--note",
        "Trente chauffeurs formés",
        "--measure",
        "trajets=320",
        "--spent",
        "subvention-ccvl=6 000,50",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        served,
        other.read(file),
        "byte for byte what ctg record writes"
    );
}

/// axe-core's script, when installed (`npm install axe-core` in
/// `target/axe`, as `.ci/run` does under CI, or `AXE_CORE_JS`).
fn axe_core() -> Option<String> {
    let path = std::env::var_os("AXE_CORE_JS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/axe/node_modules/axe-core/axe.min.js")
        });
    match std::fs::read_to_string(&path) {
        Ok(script) => Some(script),
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI is set but axe-core is missing at {}: npm install --prefix target/axe axe-core",
                path.display()
            );
            eprintln!("skipped: no axe-core ({})", path.display());
            None
        }
    }
}

/// Every page `serve --write` gives, the form's refusal included.
const PAGES: [&str; 11] = [
    "/",
    "/?axis=2&status=planned",
    "/sheets/1.1.1",
    "/report/2024",
    "/evaluation",
    "/summary",
    "/budget",
    "/log",
    "/timeline",
    "/validate",
    "/sheets/9.9.9",
];

/// A browser on `screen`, and `serve --write` on a copy of the demo;
/// none when the machine has no browser driver (and `CI` is not set).
fn browse(screen: Screen) -> Option<(Browser, TestEnv, Server)> {
    let browser = Browser::start(screen)?;
    let env = TestEnv::demo();
    let server = serve_with(&env, &["--write"]);
    Some((browser, env, server))
}

/// axe-core's verdict on the page the browser shows: the WCAG 2.1 A and
/// AA rules (which the French RGAA follows) it finds broken, with where.
fn axe_violations(browser: &Browser, axe: &str) -> serde_json::Value {
    browser.run(&format!("{axe}\nreturn true;"));
    browser.run_async(
        "var done = arguments[arguments.length - 1]; axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(function (r) { done(r.violations.map(function (v) { return v.id + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); });",
    )
}

/// axe-core run in Chromium on every page `serve --write` gives, as the
/// server sends it (its Content-Security-Policy and all), and on the form
/// showing a refusal: no violation of WCAG 2.1 A or AA.
#[test]
fn axe_core_finds_no_wcag_violation_on_any_page() {
    let Some(axe) = axe_core() else { return };
    let Some((browser, _env, server)) = browse(Screen::Desktop) else {
        return;
    };
    let base = format!("http://127.0.0.1:{}", server.port);
    for path in PAGES {
        browser.open(&format!("{base}{path}"));
        let found = axe_violations(&browser, &axe);
        assert_eq!(
            found,
            serde_json::json!([]),
            "{path}: axe-core found {found}"
        );
    }
    browser.open(&format!("{base}/sheets/1.1.1"));
    browser.type_into("#f-progress", "150");
    browser.click("form.record button[type=submit]");
    browser.wait_for("#f-progress[aria-invalid=\"true\"]");
    let found = axe_violations(&browser, &axe);
    assert_eq!(found, serde_json::json!([]), "the refused form: {found}");
}

/// On a phone (390 px wide), no page scrolls sideways: wide tables scroll
/// inside their own frame.
#[test]
fn no_page_scrolls_sideways_on_a_phone() {
    let Some((browser, _env, server)) = browse(Screen::Phone) else {
        return;
    };
    for path in PAGES {
        browser.open(&format!("http://127.0.0.1:{}{path}", server.port));
        let widths = browser.run(
            "var d = document.documentElement; return [window.innerWidth, d.scrollWidth, d.clientWidth];",
        );
        // A page wider than the phone widens the emulated window too.
        assert_eq!(widths[0], 390, "{path} is wider than the phone: {widths}");
        assert!(
            widths[1].as_u64() <= widths[2].as_u64(),
            "{path} scrolls sideways on a phone: {widths}"
        );
    }
}

/// A person in a real browser: filters the dashboard by clicking, follows
/// a sheet's link, comes back to the same view with the back button,
/// fills the record form, previews it, writes it and sees the entry on the
/// page; the file on disk is byte for byte what `ctg record` writes.
#[test]
fn a_person_filters_follows_a_link_and_records_an_entry_in_a_browser() {
    let Some((browser, env, server)) = browse(Screen::Desktop) else {
        return;
    };
    let base = format!("http://127.0.0.1:{}", server.port);
    browser.open(&format!("{base}/"));
    assert!(browser.source().contains("href=\"/sheets/1.1.1\""));
    // Axis 2, sheets to come: the relay alone.
    browser.click("#q-axis option[value=\"2\"]");
    browser.click("#q-status-planned");
    browser.click("form.filters button[type=submit]");
    browser.wait_for("#q-status-planned[checked]");
    let view = browser.url();
    assert_eq!(
        view,
        format!("{base}/?axis=2&status=planned"),
        "the view to bookmark"
    );
    let board = browser.source();
    assert!(board.contains("href=\"/sheets/2.1.2\""), "{board}");
    for hidden in ["href=\"/sheets/1.1.1\"", "href=\"/sheets/2.1.1\""] {
        assert!(!board.contains(hidden), "{hidden} is filtered out: {board}");
    }
    browser.click("a[href=\"/sheets/2.1.2\"]");
    browser.wait_for("form.record[action=\"/sheets/2.1.2/record\"]");
    assert_eq!(browser.url(), format!("{base}/sheets/2.1.2"));
    assert!(browser.source().contains("Relais petite enfance itinérant"));
    // Back to the filtered board, its choices still ticked.
    browser.back();
    browser.wait_for("#q-status-planned[checked]");
    assert_eq!(browser.url(), view);
    let ticked = browser.run(
        "return [document.getElementById('q-axis').value, document.getElementById('q-status-planned').checked];",
    );
    assert_eq!(ticked, serde_json::json!(["2", true]));
    browser.click("a[href=\"/sheets/2.1.2\"]");
    browser.wait_for("form.record");
    // The form, filled as a person does; the date through its picker's value.
    browser.run("document.getElementById('f-date').value = '2025-06-20'; return true;");
    browser.click("#f-status option[value=\"in-progress\"]");
    browser.type_into("#f-progress", "10");
    browser.type_into("#f-note", "Première tournée préparée avec les communes");
    browser.click("form.record button[type=submit]");
    browser.wait_for("form.confirm");
    let preview = browser.source();
    assert!(preview.contains("Ce qui sera écrit"), "{preview}");
    assert!(
        preview.contains("+    note: Première tournée préparée avec les communes"),
        "{preview}"
    );
    let file = "actions/2.1.2.yaml";
    let before = env.read(file);
    assert_eq!(env.read(file), before, "a preview writes nothing");
    browser.click("form.confirm button[type=submit]");
    browser.wait_for("p.written");
    let written = browser.source();
    assert!(written.contains("Suivi écrit dans"), "{written}");
    assert!(
        written.contains("20/06/2025 · en cours"),
        "the new entry on the page: {written}"
    );
    let other = TestEnv::demo();
    let run = other.run(&[
        "record",
        "2.1.2",
        "--date",
        "2025-06-20",
        "--status",
        "in-progress",
        "--progress",
        "10",
        "--note",
        "Première tournée préparée avec les communes",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(env.read(file), other.read(file), "what ctg record writes");
}

/// A bounded load on loopback: 50 readers, each asking five pages, while
/// the form writes 20 entries: every request answers, every entry lands,
/// the sheet stays valid.
#[test]
fn fifty_readers_while_the_form_writes_twenty_entries() {
    let env = TestEnv::demo();
    let server = serve_with(&env, &["--write"]);
    let port = server.port;
    let readers: Vec<_> = (0..50)
        .map(|i| {
            std::thread::spawn(move || {
                let host = format!("127.0.0.1:{port}");
                (0..5)
                    .map(|k| {
                        let path = if (i + k) % 2 == 0 {
                            "/"
                        } else {
                            "/sheets/1.1.1"
                        };
                        fetch(port, "GET", path, &host).0
                    })
                    .collect::<Vec<u16>>()
            })
        })
        .collect();
    let (_, _, page) = get(&server, "/sheets/2.1.2");
    let csrf = csrf_of(&page);
    let host = format!("127.0.0.1:{port}");
    for day in 1..=20 {
        let body = format!("csrf={csrf}&confirm=1&date=2025-06-{day:02}&note=Point+du+{day}");
        let (status, _, _) = send(port, "POST", "/sheets/2.1.2/record", &host, &body);
        assert_eq!(status, 200);
    }
    for reader in readers {
        assert_eq!(reader.join().unwrap(), vec![200; 5]);
    }
    assert_eq!(
        env.read("actions/2.1.2.yaml").matches("Point du").count(),
        20
    );
    assert_eq!(env.run(&["validate", "-q"]).code, 0, "every file valid");
}

/// `ctg serve DIR…`: the plans side by side at `/`, each plan's pages under
/// `/plans/N/`, their links kept under that prefix.
#[test]
fn several_plans_side_by_side() {
    let env = TestEnv::demo();
    crate::common::copy_dir(&env.plan(), &env.dir.path().join("autre"));
    let server = serve_with(&env, &["plan", "autre", "--lang", "fr"]);
    let (status, _, home) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(home.contains("<a href=\"/plans/0/\">plan</a>"), "{home}");
    assert!(home.contains("<a href=\"/plans/1/\">autre</a>"), "{home}");
    let (status, _, second) = get(&server, "/plans/1/");
    assert_eq!(status, 200);
    assert!(
        second.contains("href=\"/plans/1/sheets/1.1.1\""),
        "links stay in the plan"
    );
    assert!(second.contains("fetch('/plans/1/changes"), "{second}");
    assert!(
        second.contains("<li><a href=\"/\">Plans côte à côte</a></li>"),
        "the way back to the plans: {second}"
    );
    let (status, _, _) = get(&server, "/plans/1/sheets/1.1.1");
    assert_eq!(status, 200);
    let (status, _, _) = get(&server, "/plans/2/");
    assert_eq!(status, 404);
    // The filter form's empty fields dropped, in the plan's own pages.
    let (status, head, _) = get(&server, "/plans/1/?axis=2&field=");
    assert_eq!(status, 303);
    assert!(head.contains("location: /plans/1/?axis=2\r\n"), "{head}");
    assert!(
        second.contains("action=\"/plans/1/\""),
        "the filter form stays in the plan"
    );
}

//! A real browser driven as a person drives it: Debian's `chromedriver`
//! (W3C WebDriver) running headless Chromium, spoken to over plain HTTP
//! with JSON. Clicks, typing, the back button, scripts run in the page
//! (axe-core, a width probe). Skipped, saying so, on a machine without
//! `chromedriver`; a failure when `CI` is set.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// The key WebDriver names an element reference with.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A `chromedriver` and one browser session, both stopped when dropped
/// (the session first: its fields drop after `Drop::drop`).
pub(crate) struct Browser {
    _driver: Driver,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

/// How the browser's window is: a desktop of 1280 px, or a phone of 390 px.
#[derive(Clone, Copy)]
pub(crate) enum Screen {
    Desktop,
    Phone,
}

impl Browser {
    /// A new headless Chromium on `screen`; `None` (after saying so) when
    /// `chromedriver` is not installed and `CI` is not set.
    pub(crate) fn start(screen: Screen) -> Option<Browser> {
        crate::report::installed(&["chromedriver"], "--version", "chromium-driver")?;
        let mut driver = Driver(
            Command::new("chromedriver")
                .arg("--port=0")
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let mut out = BufReader::new(driver.0.stdout.take().unwrap());
        let mut port = None;
        for _ in 0..10 {
            let mut line = String::new();
            if out.read_line(&mut line).unwrap() == 0 {
                break;
            }
            if let Some(p) = line.split("started successfully on port ").nth(1) {
                port = p.trim().trim_end_matches('.').parse().ok();
                break;
            }
        }
        let port = port.expect("chromedriver did not say its port");
        // Its later lines go nowhere, so that it never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        let profile = tempfile::tempdir().unwrap();
        let mut options = json!({
            "binary": on_path(crate::report::installed(&["chromium", "chromium-browser"], "--version", "chromium")?),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=fr-FR",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        });
        match screen {
            Screen::Desktop => options["args"]
                .as_array_mut()
                .unwrap()
                .push(json!("--window-size=1280,900")),
            Screen::Phone => {
                options["mobileEmulation"] =
                    json!({"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3}})
            }
        }
        let mut browser = Browser {
            _driver: driver,
            port,
            session: String::new(),
            _profile: profile,
        };
        let created = browser.call(
            "POST",
            "/session",
            json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}}),
        );
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        // Finding an element waits for it, up to 10 s: a click that loads
        // a page returns before the page is there.
        browser.command(
            "POST",
            "/timeouts",
            json!({"implicit": 10_000, "script": 30_000}),
        );
        Some(browser)
    }

    /// One WebDriver command; its `value`, or a panic with the driver's error.
    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        match self.try_call(method, path, &body) {
            Ok(value) => value,
            Err(why) => panic!("{method} {path}: {why}"),
        }
    }

    /// [`Browser::call`] without a panic: the driver's answer, or what went wrong.
    fn try_call(&self, method: &str, path: &str, body: &Value) -> Result<Value, String> {
        let body = if method == "GET" || method == "DELETE" {
            String::new()
        } else {
            body.to_string()
        };
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.port,
            body.len()
        )
        .map_err(|e| e.to_string())?;
        // The driver keeps the connection open: read as long as it says.
        let mut reader = BufReader::new(stream);
        let (mut head, mut length) = (String::new(), 0);
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
                break;
            }
            if let Some(n) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = n.trim().parse().map_err(|_| format!("bad length {line}"))?;
            }
            if line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        let mut json = vec![0; length];
        reader.read_exact(&mut json).map_err(|e| e.to_string())?;
        let answer: Value = serde_json::from_slice(&json)
            .map_err(|_| format!("not JSON: {}", String::from_utf8_lossy(&json)))?;
        match head.starts_with("HTTP/1.1 200") {
            true => Ok(answer["value"].clone()),
            false => Err(answer["value"].to_string()),
        }
    }

    fn command(&self, method: &str, what: &str, body: Value) -> Value {
        self.call(method, &format!("/session/{}{what}", self.session), body)
    }

    /// Goes to `url`, as typed in the address bar (or opened from a bookmark).
    pub(crate) fn open(&self, url: &str) {
        self.command("POST", "/url", json!({ "url": url }));
    }

    /// The address the browser shows.
    pub(crate) fn url(&self) -> String {
        self.command("GET", "/url", json!({}))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The browser's back button.
    pub(crate) fn back(&self) {
        self.command("POST", "/back", json!({}));
    }

    /// The page as the browser now holds it.
    pub(crate) fn source(&self) -> String {
        self.command("GET", "/source", json!({}))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The element `css` selects (the first), failing when there is none.
    fn element(&self, css: &str) -> String {
        let found = self.command(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    /// Waits until the page has an element `css` selects (10 s at most).
    pub(crate) fn wait_for(&self, css: &str) {
        self.element(css);
    }

    /// A click on the element `css` selects.
    pub(crate) fn click(&self, css: &str) {
        let id = self.element(css);
        self.command("POST", &format!("/element/{id}/click"), json!({}));
    }

    /// Types `text` into the element `css` selects, after emptying it.
    pub(crate) fn type_into(&self, css: &str, text: &str) {
        let id = self.element(css);
        self.command("POST", &format!("/element/{id}/clear"), json!({}));
        self.command(
            "POST",
            &format!("/element/{id}/value"),
            json!({ "text": text }),
        );
    }

    /// Runs `script` in the page (as a function body) and gives what it returns.
    pub(crate) fn run(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            json!({"script": script, "args": []}),
        )
    }

    /// Runs `script`, whose last argument is the callback to call with the
    /// result, and waits for it (30 s at most, set at the start).
    pub(crate) fn run_async(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/async",
            json!({"script": script, "args": []}),
        )
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ending the session closes Chromium; killing the driver alone would not.
        if !self.session.is_empty() {
            let _ = self.try_call("DELETE", &format!("/session/{}", self.session), &json!({}));
        }
    }
}

/// The `chromedriver` process, stopped when dropped (after the session).
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Where `program` is on the `PATH` (the driver wants the browser's path).
fn on_path(program: &str) -> String {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
        .map_or_else(|| program.to_string(), |p| p.display().to_string())
}

//! `ctg serve`: the plan in a browser, on 127.0.0.1 only. The socket,
//! the `Host` check and the headers are here; every page is
//! [`ctg::serve::respond`]'s, built from the files as they are at each
//! request. Stops
//! cleanly on Ctrl-C.

use super::args::ServeArgs;
use super::context::Context;
use super::messages::Msg;
use super::{Failure, print};
use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use ctg::i18n::Localize;
use ctg::serve::{
    SECURITY_HEADERS, Site, content_security_policy, host_allowed, parse_query, respond,
};
use std::process::ExitCode;
use std::sync::Arc;

/// Runs `serve`.
pub(super) fn run(ctx: &Context, args: &ServeArgs) -> Result<ExitCode, Failure> {
    // The plan must be one: a folder without a plan is refused at once.
    let _ = ctx.load_all();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()
        .map_err(|_| Failure::Refused(Msg::ServeFailed))?;
    let site = Arc::new(Site {
        plan_dir: ctx.plan_dir.clone(),
        lang: Some(ctx.lang),
        as_of: ctx.as_of,
        today: ctx.today,
        csrf: args.write.then(token),
        secret: token(),
        plans: match args.dirs.is_empty() {
            true => Vec::new(),
            false => ctg::report::portfolio::plan_folders(&args.dirs)
                .map_err(|_| Failure::Refused(Msg::NoPlanInDirs))?,
        },
        cache: Default::default(),
    });
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
            .await
            .map_err(|e| Failure::Refused(Msg::CannotListen(args.port, e.kind())))?;
        let port = listener
            .local_addr()
            .map_err(|_| Failure::Refused(Msg::ServeFailed))?
            .port();
        let address = format!("http://127.0.0.1:{port}/");
        print(&format!(
            "{}\n",
            Msg::Serving(address.clone(), args.write).say(ctx.lang)
        ))?;
        if args.open {
            open(&address, ctx);
        }
        let app = axum::Router::new().fallback(move |req: Request<Body>| {
            let site = site.clone();
            async move {
                let (parts, body) = req.into_parts();
                // A form is small: a body over 1 MiB is not one.
                let form = match axum::body::to_bytes(body, 1 << 20).await {
                    Ok(bytes) => parse_query(&String::from_utf8_lossy(&bytes)),
                    Err(_) => Vec::new(),
                };
                handle(&site, port, Request::from_parts(parts, ()), form)
            }
        });
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|_| Failure::Refused(Msg::ServeFailed))
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Opens `address` in the default browser (`xdg-open`, `open` on macOS),
/// saying so when none can.
fn open(address: &str, ctx: &Context) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(address)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        super::tell(&Msg::CannotOpen(opener), ctx.lang);
    }
}

/// A token no other page can guess: 16 bytes of the system's randomness,
/// in hex (the process's hash seeds when that cannot be read).
fn token() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        use std::hash::{BuildHasher, Hasher};
        for chunk in bytes.chunks_mut(8) {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos()),
            );
            chunk.copy_from_slice(&h.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One request: refused unless its `Host` is this server's and it is a
/// GET; otherwise the page, with the security headers.
fn handle(site: &Site, port: u16, req: Request<()>, form: Vec<(String, String)>) -> Response<Body> {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let refusal = |status: StatusCode, text: &str| ctg::serve::Response {
        status: status.as_u16(),
        content_type: "text/plain; charset=utf-8",
        body: text.as_bytes().to_vec(),
        file_name: None,
        nonce: None,
        location: None,
    };
    let r = if !host_allowed(host, port) {
        refusal(StatusCode::MISDIRECTED_REQUEST, "421")
    } else if !(req.method() == axum::http::Method::GET
        || req.method() == axum::http::Method::HEAD
        || (req.method() == axum::http::Method::POST && site.csrf.is_some()))
    {
        refusal(StatusCode::METHOD_NOT_ALLOWED, "405")
    } else {
        let request = ctg::serve::Request {
            // A path that does not decode is no page: a 404, as typed.
            path: ctg::serve::decode(req.uri().path())
                .unwrap_or_else(|| req.uri().path().to_string()),
            query: req.uri().query().map(parse_query).unwrap_or_default(),
            method: req.method().as_str().to_string(),
            form,
        };
        respond(site, &request)
    };
    let mut response = Response::new(Body::from(r.body));
    *response.status_mut() = StatusCode::from_u16(r.status).unwrap_or(StatusCode::OK);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(r.content_type),
    );
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(r.nonce.as_deref())) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    if let Some(to) = r.location
        && let Ok(value) = HeaderValue::from_str(&to)
    {
        headers.insert(header::LOCATION, value);
    }
    if let Some(name) = r.file_name
        && let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

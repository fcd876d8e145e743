//! The pages of `ctg serve`: each route builds the report the matching
//! command builds and renders it with the same renderer, inside a
//! navigation bar; `?format=` gives the same report as a file.

use super::{Request, Response, Site};
use crate::diag::Severity;
use crate::i18n::{L, Lang};
use crate::load::Loaded;
use crate::model::Plan;
use crate::render::document::Document;
use crate::render::grid::escape;
use crate::render::html;
use crate::report::annual::indicator_rows;
use chrono::Datelike;

const HTML: &str = "text/html; charset=utf-8";

fn page(status: u16, body: String) -> Response {
    Response {
        status,
        content_type: HTML,
        body: body.into_bytes(),
        file_name: None,
        nonce: None,
        location: None,
    }
}

/// The navigation bar: every page of the plan, the current one marked.
fn nav(plan: &Plan, path: &str, lang: Lang) -> String {
    let p = *plan.convention.period;
    let mut links: Vec<(String, String)> = vec![
        ("/".into(), L::NavDashboard.get(lang).into()),
        ("/summary".into(), L::Summary.get(lang).into()),
        ("/budget".into(), L::Budget.get(lang).into()),
    ];
    for year in p.start..=p.end {
        links.push((
            format!("/report/{year}"),
            format!("{} {year}", L::NavReview.get(lang)),
        ));
    }
    links.extend([
        ("/evaluation".into(), L::Evaluation.get(lang).into()),
        ("/timeline".into(), L::NavTimeline.get(lang).into()),
        ("/log".into(), L::Journal.get(lang).into()),
        ("/validate".into(), L::NavValidate.get(lang).into()),
        (format!("{path}?large=1"), L::NavLarge.get(lang).into()),
    ]);
    let items: String = links
        .iter()
        .map(|(href, text)| {
            let current = if href == path {
                " aria-current=\"page\""
            } else {
                ""
            };
            format!(
                "<li><a href=\"{}\"{current}>{}</a></li>",
                escape(href),
                escape(text)
            )
        })
        .collect();
    format!(
        "<nav aria-label=\"{}\" class=\"site\"><ul>{items}</ul></nav>\n",
        escape(L::NavLabel.get(lang))
    )
}

/// The links to the same page as files.
fn downloads(path: &str, formats: &[&str], lang: Lang) -> String {
    let links: Vec<String> = formats
        .iter()
        .map(|f| format!("<a href=\"{path}?format={f}\" download>{f}</a>"))
        .collect();
    format!(
        "<p class=\"downloads\">{} {}</p>\n",
        escape(L::NavDownload.get(lang)),
        links.join(" · ")
    )
}

/// The page of `doc` (the very HTML page `--format html` writes) with the
/// navigation bar and the downloads, and `extra` at the end of its main part.
fn html_page(
    plan: &Plan,
    path: &str,
    doc: &Document,
    formats: &[&str],
    extra: &str,
    lang: Lang,
) -> String {
    let html = html::page(doc, lang);
    let bar = format!(
        "{}{}",
        nav(plan, path, lang),
        if formats.is_empty() {
            String::new()
        } else {
            downloads(path, formats, lang)
        }
    );
    let html = html.replacen("<body>\n", &format!("<body>\n{bar}"), 1);
    let html = html.replacen(
        "</style>",
        "nav.site ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:0 0 1rem}nav.site a:focus{outline:3px solid #0072B2}nav.site a[aria-current]{font-weight:bold}pre.show{white-space:pre-wrap}form.filters fieldset{border:1px solid #8c8c8c;margin:0 0 1rem;min-width:0}form.filters p{display:inline-block;max-width:100%;margin:0 1.5rem .5rem 0;vertical-align:bottom}form.filters select{max-width:100%}span.choice{white-space:nowrap;margin-right:.75rem}:focus-visible{outline:3px solid #0072B2}</style>",
        1,
    );
    html.replacen("</main>", &format!("{extra}</main>"), 1)
}

fn download(bytes: Vec<u8>, content_type: &'static str, name: String) -> Response {
    Response {
        status: 200,
        content_type,
        body: bytes,
        file_name: Some(name),
        nonce: None,
        location: None,
    }
}

/// The document as the file `format` asks (csv, json, xlsx, ods), or none
/// for a format this page does not offer.
fn as_file(
    doc: &Document,
    csv: Option<String>,
    json: String,
    format: &str,
    stem: &str,
    lang: Lang,
) -> Option<Response> {
    Some(match format {
        "json" => download(
            json.into_bytes(),
            "application/json",
            format!("{stem}.json"),
        ),
        "csv" => download(
            csv?.into_bytes(),
            "text/csv; charset=utf-8",
            format!("{stem}.csv"),
        ),
        "xlsx" => download(
            doc.xlsx(lang).ok()?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            format!("{stem}.xlsx"),
        ),
        "ods" => download(
            doc.ods(lang).ok()?,
            "application/vnd.oasis.opendocument.spreadsheet",
            format!("{stem}.ods"),
        ),
        _ => return None,
    })
}

/// A table page: the file `format` asks, or the HTML page with its downloads.
struct Table<'a> {
    plan: &'a Plan,
    path: &'a str,
    doc: Document,
    csv: Option<String>,
    json: String,
    stem: &'a str,
}

impl Table<'_> {
    fn respond(self, format: Option<&str>, lang: Lang) -> Response {
        match format {
            Some(f) => as_file(&self.doc, self.csv, self.json, f, self.stem, lang)
                .unwrap_or_else(|| not_found(self.plan, self.path, lang)),
            None => {
                let formats: &[&str] = match self.csv {
                    Some(_) => &["csv", "xlsx", "ods", "json"],
                    None => &["xlsx", "ods", "json"],
                };
                page(
                    200,
                    html_page(self.plan, self.path, &self.doc, formats, "", lang),
                )
            }
        }
    }
}

/// The dashboard with each sheet's id a link to its page: one pass over
/// the page, whatever the number of sheets.
fn link_sheets(plan: &Plan, html: &str) -> String {
    const ROW: &str = "<th scope=\"row\"";
    let ids: std::collections::HashSet<String> =
        plan.sheets.iter().map(|s| escape(&s.id.value)).collect();
    let mut out = String::with_capacity(html.len() + 40 * ids.len());
    let mut rest = html;
    while let Some(at) = rest.find(ROW) {
        let cell = &rest[at..];
        let (Some(open), Some(close)) = (cell.find('>'), cell.find("</th>")) else {
            break;
        };
        out.push_str(&rest[..at]);
        let text = &cell[open + 1..close.max(open + 1)];
        if ids.contains(text) {
            out.push_str(&cell[..=open]);
            out.push_str(&format!("<a href=\"/sheets/{text}\">{text}</a>"));
        } else {
            out.push_str(&cell[..close.max(open + 1)]);
        }
        rest = &cell[close.max(open + 1)..];
    }
    out.push_str(rest);
    out
}

/// A sheet's page: what `ctg show` gives, and with `--write` the record
/// form, filled with `values`, under `told` (a refusal, the diff, or what
/// was written).
fn sheet_page(
    site: &Site,
    plan: &Plan,
    sheet: &crate::model::Sheet,
    values: &Request,
    told: &str,
    lang: Lang,
) -> Response {
    let text = crate::render::show::sheet(plan, sheet, site.as_of, lang);
    let doc = Document {
        title: format!("{} — {}", sheet.id.value, sheet.title),
        lines: Vec::new(),
        notice: None,
        grids: Vec::new(),
        charts: Vec::new(),
    };
    // The record form, with `--write` only.
    let form = site
        .csrf
        .as_deref()
        .map(|csrf| super::form::form(site, sheet, values, csrf, lang))
        .unwrap_or_default();
    let (told, form) = super::form::place(told, &form);
    // Its indicators drawn as in the review of the current year.
    let p = *plan.convention.period;
    let year = site.as_of.year().min(p.end).max(p.start);
    let at = crate::compute::year_end(year, site.as_of).unwrap_or(site.as_of);
    let rows: Vec<_> = indicator_rows(sheet, p.start, year, at).collect();
    let charts = crate::render::charts::indicators(&rows, lang)
        .map(|minis| html::figure(&minis, L::Indicators.get(lang)))
        .unwrap_or_default();
    let extra = format!(
        "<pre class=\"show\">{}</pre>\n{charts}{told}{form}",
        escape(&text)
    );
    let path = format!("/sheets/{}", sheet.id.value);
    page(200, html_page(plan, &path, &doc, &[], &extra, lang))
}

/// A form without the session's token.
fn forbidden(lang: Lang) -> Document {
    Document {
        title: L::Forbidden.get(lang).to_string(),
        lines: vec![L::ForbiddenText.get(lang).to_string()],
        notice: None,
        grids: Vec::new(),
        charts: Vec::new(),
    }
}

/// The page not found, in the session's language.
fn not_found(plan: &Plan, path: &str, lang: Lang) -> Response {
    let doc = Document {
        title: L::NotFound.get(lang).to_string(),
        lines: vec![format!("{} {path}", L::NotFoundText.get(lang))],
        notice: None,
        grids: Vec::new(),
        charts: Vec::new(),
    };
    page(404, html_page(plan, path, &doc, &[], "", lang))
}

/// The diagnostics, as `ctg validate` prints them.
fn validation(
    loaded: &Loaded,
    diags: &[crate::diag::Diagnostic],
    path: &str,
    lang: Lang,
) -> Response {
    let paths = crate::render::diagnostics::Paths {
        root: std::path::Path::new(""),
    };
    let text = crate::render::diagnostics::render_text(diags, loaded, &paths, lang, false, None);
    let summary = crate::render::diagnostics::summary_line(diags, loaded, lang);
    let doc = Document {
        title: L::NavValidate.get(lang).to_string(),
        lines: vec![summary],
        notice: None,
        grids: Vec::new(),
        charts: Vec::new(),
    };
    let extra = format!("<pre class=\"show\">{}</pre>\n", escape(&text));
    page(200, html_page(&loaded.plan, path, &doc, &[], &extra, lang))
}

/// The response to `req`: the page, with on every HTML page the banner that
/// says the plan changed on disk (a small script asks `/changes` every few
/// seconds; reading needs no script), and with `?large=1` large type for a
/// projector.
pub fn respond(site: &Site, req: &Request) -> Response {
    if !site.plans.is_empty() {
        return portfolio(site, req);
    }
    one_plan(site, req)
}

/// `ctg serve DIR…`: `/` the plans side by side, `/plans/N/…` plan N's
/// pages, each link of them under that prefix.
fn portfolio(site: &Site, req: &Request) -> Response {
    let lang = site.lang.unwrap_or(Lang::En);
    let rest = req.path.strip_prefix("/plans/").and_then(|r| {
        let (n, rest) = r.split_once('/').unwrap_or((r, ""));
        Some((n.parse::<usize>().ok()?, format!("/{rest}")))
    });
    match rest {
        Some((n, path)) if n < site.plans.len() => {
            let one = Site {
                plan_dir: site.plans[n].clone(),
                plans: Vec::new(),
                ..site.clone()
            };
            let mut inner = req.clone();
            inner.path = path;
            let mut response = one_plan(&one, &inner);
            let base = format!("/plans/{n}/");
            response.location = response
                .location
                .map(|to| format!("{base}{}", to.trim_start_matches('/')));
            if response.content_type == HTML {
                // The way back to the plans side by side comes first.
                let back = format!(
                    "<ul><li><a href=\"/\">{}</a></li>",
                    escape(L::Portfolio.get(lang))
                );
                let html = String::from_utf8_lossy(&response.body)
                    .replace("href=\"/", &format!("href=\"{base}"))
                    .replacen("class=\"site\"><ul>", &format!("class=\"site\">{back}"), 1)
                    .replace("action=\"/", &format!("action=\"{base}"))
                    .replace("fetch('/changes", &format!("fetch('{base}changes"));
                response.body = html.into_bytes();
            }
            response
        }
        _ if req.path == "/" || req.path.is_empty() => {
            let p =
                crate::report::portfolio::build_portfolio(&site.plans, site.as_of, false, false);
            let doc = crate::render::portfolio::document(&p, lang);
            let mut html = html::page(&doc, lang);
            for (n, folder) in site.plans.iter().enumerate() {
                let shown = escape(&folder.display().to_string());
                html = html.replacen(
                    &format!(">{shown}</th>"),
                    &format!("><a href=\"/plans/{n}/\">{shown}</a></th>"),
                    1,
                );
            }
            page(200, html)
        }
        _ => {
            let doc = Document {
                title: L::NotFound.get(lang).to_string(),
                lines: vec![format!("{} {}", L::NotFoundText.get(lang), req.path)],
                notice: None,
                grids: Vec::new(),
                charts: Vec::new(),
            };
            page(404, html::page(&doc, lang))
        }
    }
}

/// The pages of one plan.
fn one_plan(site: &Site, req: &Request) -> Response {
    if req.path == "/changes" {
        let signature = super::signature(&site.plan_dir);
        let changed = req.get("since") != Some(signature.as_str());
        return Response {
            status: 200,
            content_type: "text/plain; charset=utf-8",
            body: if changed {
                b"changed".to_vec()
            } else {
                b"same".to_vec()
            },
            file_name: None,
            nonce: None,
            location: None,
        };
    }
    if let Some(clean) = without_empty_filters(req) {
        return Response {
            status: 303,
            content_type: "text/plain; charset=utf-8",
            body: Vec::new(),
            file_name: None,
            nonce: None,
            location: Some(clean),
        };
    }
    let snapshot = site.cache.get(&site.plan_dir, site.as_of);
    let mut response = route(site, &snapshot, req);
    if response.content_type != HTML {
        return response;
    }
    // After a write through the form, the page shows the files as written.
    let signature = match req.method.as_str() {
        "POST" => super::signature(&site.plan_dir),
        _ => snapshot.signature.clone(),
    };
    let lang = site.lang.unwrap_or(Lang::En);
    let nonce = crate::collect::fingerprint(&format!("{}{}{}", site.secret, req.path, signature));
    let banner = format!(
        "<p id=\"ctg-changed\" role=\"status\" hidden>{} <a href=\"\">{}</a></p>\n",
        escape(L::PlanChanged.get(lang)),
        escape(L::Reload.get(lang))
    );
    let script = format!(
        "<script nonce=\"{nonce}\">setInterval(function () {{ fetch('/changes?since={signature}').then(function (r) {{ return r.text(); }}).then(function (t) {{ if (t === 'changed') {{ document.getElementById('ctg-changed').hidden = false; }} }}); }}, 5000);</script>\n"
    );
    let mut html = String::from_utf8_lossy(&response.body).into_owned();
    html = html.replacen("<body>\n", &format!("<body>\n{banner}"), 1);
    html = html.replacen("</body>", &format!("{script}</body>"), 1);
    if req.large() {
        html = html.replacen(
            "</style>",
            "html{font-size:150%}button,input,select,textarea{font:inherit}</style>",
            1,
        );
        html = in_large_type(&html);
    }
    response.body = html.into_bytes();
    response.nonce = Some(nonce);
    response
}

/// The filter form sends every field, the empty ones too: the dashboard's
/// address with only what says something (`/?axis=2&status=planned`, the
/// one to bookmark; `late`, `stale` and `large` written `=1`, keys the
/// dashboard does not read left out), when `req`'s differs; none otherwise.
fn without_empty_filters(req: &Request) -> Option<String> {
    let dashboard = req.path.is_empty() || req.path == "/";
    let clean = |(k, v): &(String, String)| {
        super::filters::KEYS.contains(&k.as_str())
            && (!v.trim().is_empty() || ["late", "stale", "large"].contains(&k.as_str()))
    };
    if !dashboard || !matches!(req.method.as_str(), "GET" | "HEAD") || req.query.iter().all(clean) {
        return None;
    }
    let kept = chosen(req);
    Some(match kept.is_empty() {
        true => "/".to_string(),
        false => format!("/?{}", kept.join("&")),
    })
}

/// `html` with every link to a page of the plan asking it in large type
/// too, so that a projector's view stays large from page to page.
fn in_large_type(html: &str) -> String {
    const LINK: &str = "href=\"/";
    let mut out = String::with_capacity(html.len() + html.len() / 20);
    let mut rest = html;
    while let Some(at) = rest.find(LINK) {
        let start = at + LINK.len() - 1;
        let Some(len) = rest[start..].find('"') else {
            break;
        };
        let href = &rest[start..start + len];
        out.push_str(&rest[..start]);
        out.push_str(href);
        if !href.contains("large=") {
            out.push_str(if href.contains('?') {
                "&amp;large=1"
            } else {
                "?large=1"
            });
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// The query's pairs the dashboard reads that say something (`axis=2`;
/// `late` alone as `late=1`), encoded again, in order.
fn chosen(req: &Request) -> Vec<String> {
    req.query
        .iter()
        .filter(|(k, _)| super::filters::KEYS.contains(&k.as_str()))
        .filter_map(|(k, v)| match v.trim() {
            "" if ["late", "stale", "large"].contains(&k.as_str()) => Some(format!("{k}=1")),
            "" => None,
            v => Some(format!("{}={}", super::encode(k), super::encode(v))),
        })
        .collect()
}

/// The page of `req`, before the banner.
fn route(site: &Site, snapshot: &super::Snapshot, req: &Request) -> Response {
    let loaded = &snapshot.loaded;
    let plan = &loaded.plan;
    let lang = site
        .lang
        .or_else(|| plan.convention.language.as_deref().and_then(Lang::parse))
        .unwrap_or(Lang::En);
    let path = req.path.trim_end_matches('/');
    let path = if path.is_empty() { "/" } else { path };
    let invalid = snapshot
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    if invalid || path == "/validate" {
        return validation(loaded, &snapshot.diagnostics, "/validate", lang);
    }
    let format = req.get("format");
    let (as_of, today) = (site.as_of, site.today);
    match path.split('/').collect::<Vec<_>>().as_slice() {
        ["", ""] | [""] => {
            let (filter, unknown) = super::filters::read(plan, req);
            let report = crate::report::status::build(plan, as_of, &filter);
            let doc = crate::render::status::document(&report, lang);
            match format {
                Some(f) => as_file(
                    &doc,
                    Some(crate::render::status::csv(&report, lang)),
                    crate::render::status::json(&report),
                    f,
                    "status",
                    lang,
                )
                .unwrap_or_else(|| not_found(plan, path, lang)),
                None => {
                    let html =
                        html_page(plan, "/", &doc, &["csv", "xlsx", "ods", "json"], "", lang);
                    let filters = super::filters::form(plan, &filter, &unknown, req, lang);
                    let html = html.replacen("<main>\n", &format!("<main>\n{filters}"), 1);
                    // Large type and downloads of the view shown (one axis
                    // on a projector, its sheets as a spreadsheet).
                    let view: String = chosen(req)
                        .iter()
                        .filter(|pair| !pair.starts_with("large="))
                        .map(|pair| format!("{pair}&amp;"))
                        .collect();
                    let html = html
                        .replacen(
                            "href=\"/?large=1\"",
                            &format!("href=\"/?{view}large=1\""),
                            1,
                        )
                        .replace("href=\"/?format=", &format!("href=\"/?{view}format="));
                    page(200, link_sheets(plan, &html))
                }
            }
        }
        ["", "sheets", id, "record"] => match (plan.sheet(id), &site.csrf) {
            (Some(_), Some(csrf)) if req.method == "POST" => {
                if req.form("csrf") != Some(csrf.as_str()) {
                    return page(403, html_page(plan, path, &forbidden(lang), &[], "", lang));
                }
                let sheet = plan.sheet(id).cloned().unwrap_or_default();
                let told = super::form::post(site, &sheet, req, csrf, lang);
                let written = req.form("confirm").is_some() && told.contains("class=\"written\"");
                // The sheet as the files now are: with the entry once written.
                let now = site.cache.get(&site.plan_dir, site.as_of);
                let sheet = now.loaded.plan.sheet(id).cloned().unwrap_or(sheet);
                let fresh = Request::default();
                let values = if written { &fresh } else { req };
                sheet_page(site, &now.loaded.plan, &sheet, values, &told, lang)
            }
            _ => not_found(plan, path, lang),
        },
        ["", "sheets", id] => match plan.sheet(id) {
            Some(sheet) => sheet_page(site, plan, sheet, &Request::default(), "", lang),
            None => not_found(plan, path, lang),
        },
        ["", "report", year] => {
            let report = year
                .parse::<i32>()
                .ok()
                .filter(|y| (plan.convention.period.start..=plan.convention.period.end).contains(y))
                .and_then(|y| crate::report::annual::build(plan, y, as_of, today));
            match report {
                None => not_found(plan, path, lang),
                Some(r) => {
                    let mut doc = crate::render::annual::document(&r, lang);
                    match format {
                        Some(f) => as_file(
                            &doc,
                            None,
                            crate::render::annual::json(&r),
                            f,
                            &format!("bilan-{year}"),
                            lang,
                        )
                        .unwrap_or_else(|| not_found(plan, path, lang)),
                        None => {
                            doc.charts = crate::render::annual::charts(&r, lang);
                            page(
                                200,
                                html_page(plan, path, &doc, &["xlsx", "ods", "json"], "", lang),
                            )
                        }
                    }
                }
            }
        }
        ["", "evaluation"] => {
            let e = crate::report::evaluation::build(plan, as_of, today);
            let mut doc = crate::render::evaluation::document(&e, lang);
            match format {
                Some(f) => as_file(
                    &doc,
                    None,
                    crate::render::json::document(&e),
                    f,
                    "evaluation",
                    lang,
                )
                .unwrap_or_else(|| not_found(plan, path, lang)),
                None => {
                    doc.charts = crate::render::evaluation::charts(&e, lang);
                    page(
                        200,
                        html_page(plan, path, &doc, &["xlsx", "ods", "json"], "", lang),
                    )
                }
            }
        }
        ["", "summary"] => {
            let p = *plan.convention.period;
            let s = crate::report::summary::build(plan, (p.start..=p.end).collect(), as_of, None);
            Table {
                plan,
                path,
                doc: crate::render::summary::document(&s, None, lang),
                csv: Some(crate::render::summary::csv(&s, lang)),
                json: crate::render::summary::json(&s),
                stem: "synthese",
            }
            .respond(format, lang)
        }
        ["", "budget"] => {
            let r = crate::report::budget::build(plan, as_of, &Default::default());
            Table {
                plan,
                path,
                doc: crate::render::budget::document(&r, &plan.convention.name, lang),
                csv: Some(crate::render::budget::csv(&r, lang)),
                json: crate::render::budget::json(&r),
                stem: "budget",
            }
            .respond(format, lang)
        }
        ["", "log"] => {
            let p = *plan.convention.period;
            let from = chrono::NaiveDate::from_ymd_opt(p.start, 1, 1).unwrap_or(as_of);
            let to = chrono::NaiveDate::from_ymd_opt(p.end, 12, 31)
                .unwrap_or(as_of)
                .min(as_of);
            let rows = crate::report::log::build(plan, from, to, None);
            Table {
                plan,
                path,
                doc: crate::render::log::document(&rows, (from, to), lang),
                csv: Some(crate::render::log::csv(&rows, lang)),
                json: crate::render::log::json(&rows, from, to),
                stem: "journal",
            }
            .respond(format, lang)
        }
        ["", "timeline"] => {
            let gantt = crate::report::gantt::build(plan, as_of);
            let doc = Document {
                title: L::ChartTimeline.get(lang).to_string(),
                lines: vec![crate::i18n::fmt::as_of(as_of, lang)],
                notice: None,
                grids: Vec::new(),
                charts: vec![("", crate::render::gantt::svg(&gantt, lang).finish())],
            };
            page(200, html_page(plan, path, &doc, &[], "", lang))
        }
        _ => not_found(plan, path, lang),
    }
}

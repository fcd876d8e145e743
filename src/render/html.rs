//! One self-contained HTML page: inline CSS, no script, no external file,
//! `lang` set, a caption and scoped headers on every table, a print
//! stylesheet, and every piece of plan text escaped.

use crate::i18n::Lang;
use crate::render::grid::{Grid, escape};

/// Dark text on light backgrounds: every pair is above 4.5:1 (body text
/// #1a1a1a on #ffffff is 17:1, on the header blue #dce6f0 13:1, links none).
const STYLE: &str = "
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1a1a1a; background: #ffffff; margin: 2rem; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
p.period { margin: 0 0 1.5rem; color: #333333; }
p.notice { border-left: 4px solid #1a1a1a; padding: .5rem 1rem; background: #f2f2f2; }
table { border-collapse: collapse; width: 100%; margin: 0 0 2rem; font-size: .9rem; }
caption { text-align: left; font-size: 1.2rem; font-weight: bold; padding: .5rem 0; }
th, td { border: 1px solid #8c8c8c; padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #dce6f0; }
tbody th { font-weight: normal; }
tr.group th, tr.group td { background: #f2f2f2; font-weight: bold; }
.num { text-align: right; white-space: nowrap; }
@media print {
  body { margin: 0; font-size: 10pt; }
  table { page-break-inside: auto; font-size: 9pt; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  caption { page-break-after: avoid; }
}
";

/// The page: a title, lines under it, an optional notice, then the tables.
pub fn page(
    lang: Lang,
    title: &str,
    lines: &[String],
    notice: Option<&str>,
    grids: &[Grid],
) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        lang.code(),
        escape(title),
        escape(title)
    );
    for line in lines {
        out.push_str(&format!("<p class=\"period\">{}</p>\n", escape(line)));
    }
    out.push_str("</header>\n<main>\n");
    if let Some(n) = notice {
        out.push_str(&format!("<p class=\"notice\">{}</p>\n", escape(n)));
    }
    for g in grids {
        out.push_str(&g.html(lang));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

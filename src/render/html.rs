//! One self-contained HTML page: inline CSS, no script, no external file,
//! `lang` set, a caption and scoped headers on every table, a print
//! stylesheet, and every piece of plan text escaped.

use crate::i18n::Lang;
use crate::render::document::Document;
use crate::render::grid::escape;

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
.num, .word { white-space: nowrap; }
.num { text-align: right; }
section.block { margin: 0 0 2.5rem; }
figure.chart { margin: 0 0 .5rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; font-size: 1.05rem; margin: 0 0 .25rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
div.scroll { overflow-x: auto; margin: 0 0 1rem; }
div.scroll table { margin: 0; }
figure.chart { overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
div.minis { display: flex; flex-wrap: wrap; gap: 1rem; }
div.minis svg { flex: 0 0 auto; }
@page { size: A4 portrait; margin: 14mm 12mm 16mm; }
@media print {
  body { margin: 0; font-size: 10pt; }
  div.scroll, figure.chart { overflow: visible; }
  figure.chart svg, div.minis svg { min-width: 0 !important; }
  th, td { overflow-wrap: anywhere; }
  table { page-break-inside: auto; font-size: 7.5pt; line-height: 1.25; }
  th, td { padding: 2px 3px; }
  tr, th, td { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  caption, h1 { page-break-after: avoid; break-after: avoid; }
  figure.chart, div.minis svg { page-break-inside: avoid; break-inside: avoid; }
}
";

/// The page margins in print: the convention's name at the top, the page
/// number at the bottom (where the browser draws margin boxes).
fn margins(title: &str) -> String {
    format!(
        "@page {{ @top-center {{ content: \"{}\"; font-family: {PRINT_FONT}; font-size: 8pt; }} @bottom-right {{ content: counter(page) \" / \" counter(pages); font-family: {PRINT_FONT}; font-size: 8pt; }} }}\n",
        css_string(title)
    )
}

/// The margin boxes' font: the page's, not the browser's serif default.
const PRINT_FONT: &str = "system-ui, 'Segoe UI', Roboto, Arial, sans-serif";

/// Text for inside a CSS string: every character that is not a letter, a
/// digit or a space becomes a hexadecimal escape, so plan text can neither
/// close the string nor the `<style>` element. Each escape ends with the
/// one space CSS swallows after it, so a real space or a hex digit after it
/// stays text (`—␠Convention`, not `—Convention`).
fn css_string(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' {
                c.to_string()
            } else {
                format!("\\{:x} ", u32::from(c))
            }
        })
        .collect()
}

/// The page: a title, lines under it, an optional notice, then the tables,
/// each chart before the table it draws (the others at the end).
pub fn page(doc: &Document, lang: Lang) -> String {
    let title = escape(&doc.title);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}{}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n",
        lang.code(),
        margins(&doc.title),
    );
    for line in &doc.lines {
        out.push_str(&format!("<p class=\"period\">{}</p>\n", escape(line)));
    }
    out.push_str("</header>\n<main>\n");
    if let Some(n) = doc.notice {
        out.push_str(&format!("<p class=\"notice\">{}</p>\n", escape(n)));
    }
    // Each table with the charts that draw it, in one block, so a chart
    // sits by its table and away from the one before.
    for g in &doc.grids {
        out.push_str("<section class=\"block\">\n");
        for (_, chart) in doc.charts.iter().filter(|(name, _)| *name == g.name) {
            out.push_str(&figure(chart, &g.title));
        }
        out.push_str(&g.html(lang));
        out.push_str("</section>\n");
    }
    let placed = |name: &str| doc.grids.iter().any(|g| g.name == name);
    for (_, chart) in doc.charts.iter().filter(|(name, _)| !placed(name)) {
        out.push_str(&figure(chart, &doc.title));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// A chart in its figure. Its visible heading is its SVG title (already
/// escaped), or for a group of small charts `table`, the title of the
/// table they draw.
pub fn figure(chart: &str, table: &str) -> String {
    let caption = chart
        .strip_prefix("<svg")
        .and_then(|c| c.split_once("<title id=\""))
        .and_then(|(_, c)| c.split_once("\">"))
        .and_then(|(_, c)| c.split_once("</title>"))
        .map_or_else(|| escape(table), |(title, _)| title.to_string());
    // Focusable: a chart wider than a phone scrolls, by keyboard too.
    format!(
        "<figure class=\"chart\" tabindex=\"0\">\n<figcaption>{caption}</figcaption>\n{chart}</figure>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_in_css_cannot_close_the_string_or_the_style() {
        assert_eq!(css_string("Val \"x\""), "Val \\22 x\\22 ");
        assert!(!css_string("</style><script>").contains('<'));
    }

    #[test]
    fn an_escape_keeps_the_space_and_the_hex_digit_after_it() {
        // CSS reads `\2014 ` as the dash and swallows that one space: the
        // space of the title is the next one, and `a` stays a letter.
        assert_eq!(css_string("2025 — Convention"), "2025 \\2014  Convention");
        assert_eq!(css_string("—a"), "\\2014 a");
    }
}

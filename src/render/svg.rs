//! SVG building blocks shared by the charts: the opening tag with its text
//! alternative, the fill of each state (a colour and a pattern, so the
//! chart reads in grey print and for colour-blind readers), legends.
//! Every piece of plan text goes through [`escape`]; no script, no link.

use crate::compute::SynthesisClass;
use crate::render::grid::escape;
use std::fmt::Write;

/// The ink of text and outlines (17:1 on white).
pub const INK: &str = "#1a1a1a";
/// The font of every chart.
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/// The least a page may shrink a chart to fit a narrow screen: its 10-unit
/// labels stay at 9 px; below that the chart's box scrolls instead.
const MIN_SCALE: f64 = 0.9;

/// An SVG chart being written: `id` prefixes its pattern and text ids so
/// several charts can share a page.
pub struct Svg {
    id: String,
    out: String,
}

impl Svg {
    /// Opens a chart of `width` × `height` user units, titled and described
    /// for assistive technology; `standalone` adds the XML namespace a file
    /// of its own needs (a page's HTML parser gives it to inline SVG).
    pub fn new(id: &str, (width, height): (f64, f64), title: &str, desc: &str) -> Svg {
        let mut out = format!(
            "<svg role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" style=\"min-width:{}px\" font-family=\"{FONT}\" font-size=\"12\" fill=\"{INK}\">\n<title id=\"{id}-t\">{}</title>\n<desc id=\"{id}-d\">{}</desc>\n",
            (width * MIN_SCALE).ceil(),
            escape(title),
            escape(desc)
        );
        out.push_str(&patterns(id));
        Svg {
            id: id.to_string(),
            out,
        }
    }

    /// Adds raw SVG written by ctg (plan text must already be escaped).
    pub fn push(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Adds a text at `(x, y)`; `attrs` are extra attributes written by ctg.
    pub fn text(&mut self, (x, y): (f64, f64), attrs: &str, text: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\"{attrs}>{}</text>",
            escape(text)
        );
    }

    /// The fill of a state: its pattern in this chart.
    pub fn fill(&self, class: SynthesisClass) -> String {
        format!("url(#{}-{})", self.id, key(class))
    }

    /// A legend swatch of `class` at `(x, y)` with its label.
    pub fn swatch(&mut self, (x, y): (f64, f64), class: SynthesisClass, label: &str) {
        let fill = self.fill(class);
        let _ = writeln!(
            self.out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"14\" height=\"14\" fill=\"{fill}\" stroke=\"{INK}\" stroke-width=\"0.75\"/>",
            y - 11.0
        );
        self.text((x + 19.0, y), "", label);
    }

    /// The finished chart.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    /// The finished chart as a file of its own: an XML declaration and the
    /// SVG namespace.
    pub fn file(self) -> String {
        let svg = self.finish();
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
            svg.replacen("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 1)
        )
    }
}

/// The short key of a state, in pattern ids.
fn key(class: SynthesisClass) -> &'static str {
    match class {
        SynthesisClass::Done => "done",
        SynthesisClass::Abandoned => "abandoned",
        SynthesisClass::Alert => "alert",
        SynthesisClass::NotStarted => "not-started",
        SynthesisClass::InProgress => "in-progress",
    }
}

/// The patterns of the five states (Okabe–Ito colours): in progress solid
/// blue, done green with vertical lines, alert vermilion with diagonal
/// stripes, not started pale with dots, abandoned grey cross-hatched.
fn patterns(id: &str) -> String {
    let mut out = String::from("<defs>\n");
    for class in SynthesisClass::ALL {
        let (colour, marks) = match class {
            SynthesisClass::InProgress => ("#0072B2", ""),
            SynthesisClass::Done => (
                "#009E73",
                "<path d=\"M2 0V8M6 0V8\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>",
            ),
            SynthesisClass::Alert => (
                "#D55E00",
                "<path d=\"M-2 2L2 -2M0 8L8 0M6 10L10 6\" stroke=\"#ffffff\" stroke-width=\"1.6\"/>",
            ),
            SynthesisClass::NotStarted => (
                "#e3f1fa",
                "<circle cx=\"4\" cy=\"4\" r=\"1.4\" fill=\"#0072B2\"/>",
            ),
            SynthesisClass::Abandoned => (
                "#8c8c8c",
                "<path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
            ),
        };
        let _ = writeln!(
            out,
            "<pattern id=\"{id}-{}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\" fill=\"{colour}\"/>{marks}</pattern>",
            key(class)
        );
    }
    out.push_str("</defs>\n");
    out
}

/// `text` cut with an ellipsis to what `width` user units hold at a font
/// size of `size` (`bold` or not), from a wide font's mean advance (0.62 em,
/// 0.7 em bold) so the label ends inside the chart rather than at its edge.
pub fn fit(text: &str, width: f64, size: f64, bold: bool) -> String {
    let advance = size * if bold { 0.7 } else { 0.62 };
    short(text, (width / advance).floor() as usize)
}

/// `text` cut to `max` characters with an ellipsis: a chart label has one
/// line; the table next to it holds the whole text.
pub fn short(text: &str, max: usize) -> String {
    let clean = crate::safe::safe(text).replace('\n', " ");
    if clean.chars().count() <= max {
        return clean;
    }
    let cut: String = clean.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_on_one_line_and_escaped_when_written() {
        assert_eq!(short("Navette\nsolidaire", 40), "Navette solidaire");
        assert_eq!(short("abcdefghij", 5), "abcd…");
        let mut svg = Svg::new("c", (10.0, 10.0), "<t>", "d & e");
        svg.text((0.0, 0.0), "", "<script>");
        let out = svg.finish();
        assert!(out.contains("&lt;t&gt;") && out.contains("d &amp; e"));
        assert!(out.contains("&lt;script&gt;") && !out.contains("<script"));
    }
}

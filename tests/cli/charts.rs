//! The charts of the HTML review: inline SVG, each with a text alternative,
//! no script and nothing external, every charted plan text escaped.

use crate::common::TestEnv;
use crate::report::{assert_accessible_page, inject_script};

/// The demo with `<script>alert('x')</script> & co` in every text a chart
/// shows: the convention, an axis, an objective, a sheet, a milestone, an
/// indicator's label and unit.
fn hostile_demo() -> TestEnv {
    let env = TestEnv::demo();
    let sheet = "actions/1.1.1-navette.yaml";
    inject_script(
        &env,
        "convention.yaml",
        "Convention territoriale globale du Val de Lune (exemple fictif)",
    );
    inject_script(&env, "axes.yaml", "Se déplacer sur le territoire");
    inject_script(&env, "axes.yaml", "Développer les transports solidaires");
    inject_script(&env, sheet, "Navette solidaire vers les services");
    inject_script(&env, sheet, "Vingt chauffeurs bénévoles");
    inject_script(&env, sheet, "Trajets assurés par an");
    env.edit(sheet, "unit: trajets", "unit: \"</text><script>\"");
    env
}

/// The `<svg>` elements of a page.
fn charts(html: &str) -> Vec<&str> {
    html.split("<svg")
        .skip(1)
        .map(|s| &s[..s.find("</svg>").unwrap()])
        .collect()
}

#[test]
fn the_review_page_holds_accessible_charts_and_escapes_every_label() {
    let env = hostile_demo();
    let run = env.run_as_of("2024-12-31", &["report", "2024", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = &run.stdout;
    assert_accessible_page(html, 5);
    let svgs = charts(html);
    assert!(svgs.len() >= 4, "{} charts", svgs.len());
    for svg in &svgs {
        assert!(svg.contains("role=\"img\""), "{svg}");
        assert!(svg.contains("aria-labelledby=") && svg.contains("<title id="));
        assert!(svg.contains("<desc id="), "a description with the figures");
    }
    let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co";
    for (chart, what) in [
        (svgs[0], "axis"),
        (svgs[1], "objective"),
        (svgs[2], "sheet and milestone"),
    ] {
        assert!(chart.contains(escaped), "{what} escaped in {chart}");
    }
    assert!(
        html.contains("&lt;/text&gt;&lt;script&gt;"),
        "the unit escaped"
    );
    assert!(
        html.contains("Fiches par axe et par état")
            && html.contains("Avancement moyen par objectif")
            && html.contains("jalon en retard"),
        "French labels"
    );
    assert!(html.contains("@page") && html.contains("size: A4"));
}

#[test]
fn the_charts_speak_english_with_lang_en() {
    let env = TestEnv::demo();
    let run = env.run_as_of(
        "2024-12-31",
        &["--lang", "en", "report", "2024", "--format", "html"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Sheets by axis and state"));
    assert!(run.stdout.contains("Mean progress by objective"));
    assert!(run.stdout.contains("milestone reached"));
    assert!(!run.stdout.contains("jalon"));
}

#[test]
fn timeline_as_svg_is_well_formed_xml_with_one_bar_per_sheet() {
    let env = hostile_demo();
    let run = env.run_as_of("2024-12-31", &["timeline", "--format", "svg"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = roxmltree::Document::parse(&run.stdout).unwrap();
    let svg = doc.root_element();
    assert_eq!(svg.tag_name().name(), "svg");
    assert_eq!(
        svg.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let bars = svg
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("class") == Some("bar"))
        .count();
    assert_eq!(bars, 6, "one bar per sheet of the demo");
    let text: String = svg.descendants().filter_map(|n| n.text()).collect();
    assert!(
        text.contains("<script>alert('x')</script> & co"),
        "the title, escaped"
    );
    assert!(
        text.contains("au 31/12/2024"),
        "the line at the date computed"
    );
}

#[test]
fn timeline_writes_svg_and_html_files_by_extension() {
    let env = TestEnv::demo();
    let run = env.run(&["timeline", "--output", "gantt.SVG"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let svg = std::fs::read_to_string(env.dir.path().join("gantt.SVG")).unwrap();
    assert!(svg.starts_with("<?xml"));
    let run = env.run(&["timeline", "--output", "gantt.html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(env.dir.path().join("gantt.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg role=\"img\""));
    assert_eq!(
        env.run(&["status", "--output", "s.svg"]).code,
        2,
        "svg is for timeline only"
    );
}

/// The demo's review with the longest texts a coordinator writes in every
/// label a chart draws, laid out in Chromium; `None` when it is missing.
fn long_labels_review(probe: &str) -> Option<String> {
    let env = TestEnv::demo();
    let long =
        "Personnes accompagnées aux ateliers numériques des maisons France services du territoire";
    let sheet = "actions/1.1.1-navette.yaml";
    env.edit(sheet, "Trajets assurés par an", long);
    env.edit(sheet, "Navette solidaire vers les services", long);
    env.edit("axes.yaml", "Développer les transports solidaires", long);
    env.edit("axes.yaml", "Se déplacer sur le territoire", long);
    let run = env.run_as_of("2024-12-31", &["report", "2024", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let script = format!(
        "<script>document.body.dataset.probe = (function () {{ {probe} }})();</script></body>"
    );
    let page = env.dir.path().join("probe.html");
    std::fs::write(&page, run.stdout.replace("</body>", &script)).unwrap();
    let out = crate::report::chromium(
        &page,
        &["--window-size=1280,900", "--hide-scrollbars", "--dump-dom"],
    )?;
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let at = dom.find("data-probe=\"").unwrap() + 12;
    Some(dom[at..at + dom[at..].find('"').unwrap()].to_string())
}

#[test]
fn a_long_label_is_cut_with_an_ellipsis_inside_its_chart() {
    let probe = "var out = []; var cut = 0; document.querySelectorAll('svg').forEach(function (s) { var w = s.viewBox.baseVal.width; s.querySelectorAll('text').forEach(function (t) { var b = t.getBBox(); if (b.x < -0.5 || b.x + b.width > w + 0.5) out.push(t.textContent); if (t.textContent.indexOf('…') >= 0) cut++; if (s.getAttribute('aria-labelledby').indexOf('gantt-t') === 0 && t.getAttribute('x') === '0.0' && b.x + b.width > 250) out.push('over the bars: ' + t.textContent); }); }); return 'cut ' + cut + ' past the edge:' + out.join('|');";
    let Some(probe) = long_labels_review(probe) else {
        return;
    };
    let (cut, past) = probe.split_once(" past the edge:").unwrap();
    assert_eq!(past, "", "labels drawn past their chart's edge ({cut})");
    let cut: usize = cut.trim_start_matches("cut ").parse().unwrap();
    assert!(cut >= 4, "each long label ends with … ({cut})");
}

#[test]
fn each_chart_has_a_visible_heading_and_sits_by_its_table() {
    let probe = "var out = []; document.querySelectorAll('figure.chart').forEach(function (f) { var c = f.querySelector('figcaption'); var r = f.getBoundingClientRect(); var next = f.nextElementSibling; var block = f.parentElement.previousElementSibling; var after = next ? Math.round(next.getBoundingClientRect().top - r.bottom) : -1; var before = block ? Math.round(r.top - block.getBoundingClientRect().bottom) : 99; out.push((c && c.getBoundingClientRect().height > 10 ? c.textContent : 'NO HEADING') + ' ' + after + ' ' + before); }); return out.join('|');";
    let Some(probe) = long_labels_review(probe) else {
        return;
    };
    let figures: Vec<&str> = probe.split('|').collect();
    assert!(figures.len() >= 4, "{probe}");
    assert!(probe.contains("Fiches par axe et par état "), "{probe}");
    assert!(probe.contains("Avancement moyen par objectif "), "{probe}");
    for f in figures {
        assert!(!f.contains("NO HEADING"), "{probe}");
        let mut gaps = f.rsplitn(3, ' ');
        let before: i64 = gaps.next().unwrap().parse().unwrap();
        let after: i64 = gaps.next().unwrap().parse().unwrap();
        assert!(
            (0..=16).contains(&after) && after < before,
            "{f}: the chart {after} px from its table, {before} px from the one before"
        );
    }
}

#[test]
fn the_objective_chart_has_a_scale() {
    let env = TestEnv::demo();
    let run = env.run_as_of("2024-12-31", &["report", "2024", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let progress = charts(&run.stdout)
        .into_iter()
        .find(|s| s.contains("aria-labelledby=\"progress-t"))
        .unwrap();
    for tick in [
        "0\u{a0}%",
        "25\u{a0}%",
        "50\u{a0}%",
        "75\u{a0}%",
        "100\u{a0}%",
    ] {
        assert!(
            progress.contains(&format!("font-size=\"10\">{tick}</text>")),
            "{tick} in {progress}"
        );
    }
}

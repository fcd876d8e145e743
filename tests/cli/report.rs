use crate::common::TestEnv;
use serde_json::Value;

fn json(env: &TestEnv, args: &[&str]) -> Value {
    let run = env.run(args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// The figures below are worked out by hand from examples/demo/ (see the
/// comments); the report must agree.
#[test]
fn report_2024_matches_hand_computed_figures() {
    let env = TestEnv::demo();
    let r = json(&env, &["report", "2024", "--format", "json"]);
    assert_eq!(
        (r["from"].as_str(), r["to"].as_str()),
        (Some("2024-01-01"), Some("2024-12-31"))
    );
    let axis1 = &r["synthesis"]["axes"][0];
    // 1.1.1 in progress 50 %, 1.1.2 done 100 %, 1.2.1 in progress 30 % (stale, watch).
    assert_eq!(axis1["sheets"], 3);
    assert_eq!(
        (axis1["done"].as_u64(), axis1["in_progress"].as_u64()),
        (Some(1), Some(2))
    );
    assert!((axis1["completion_rate"].as_f64().unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(axis1["mean_progress"], 60.0);
    // End of 2023: 30, 20 (paused), 0 → 16.67; change +43.33 points.
    assert!((axis1["mean_progress_change"].as_f64().unwrap() - (60.0 - 50.0 / 3.0)).abs() < 1e-9);
    let total = &r["synthesis"]["total"];
    // 2.1.1 postponed and 2.1.2 planned were never started; 2.2.1 abandoned.
    let classes: Vec<u64> = ["done", "abandoned", "alert", "not_started", "in_progress"]
        .iter()
        .map(|k| total[k].as_u64().unwrap())
        .collect();
    assert_eq!(classes, [1, 1, 0, 2, 2]);
    assert_eq!(total["completion_rate"], 20.0);
    assert_eq!(total["mean_progress"], 36.0);
    // End of 2023: (30 + 20 + 0 + 0 + 0 + 25) ÷ 6 = 12.5.
    assert_eq!(total["mean_progress_change"], 23.5);
    let trajets = &r["indicators"][0];
    assert_eq!(
        (
            trajets["previous"].as_f64(),
            trajets["value"].as_f64(),
            trajets["target"].as_f64()
        ),
        (Some(140.0), Some(280.0), Some(300.0))
    );
    assert_eq!(trajets["gap"], -20.0);
    assert!((trajets["percent_of_target"].as_f64().unwrap() - 280.0 / 3.0).abs() < 1e-9);
    assert_eq!(trajets["trend"], "improving");
    let due_2024: Vec<&str> = r["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["when"] == "this-year")
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(due_2024, ["maquette", "etude"]);
    let d121 = r["detail"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "1.2.1")
        .unwrap();
    assert_eq!(
        (d121["status"].as_str(), d121["health"].as_str()),
        (Some("in-progress"), Some("watch"))
    );
    assert_eq!(d121["notes"].as_array().unwrap().len(), 2);
}

#[test]
fn summary_matches_hand_computed_figures() {
    let env = TestEnv::demo();
    let s = json(&env, &["summary", "--format", "json"]);
    let years = s["blocks"][0]["years"].as_array().unwrap();
    let get = |i: usize, k: &str| years[i]["figures"][k].clone();
    // 2023: 1.1.1, 1.1.2 and 2.2.1 start; none done; 6 entries; milestone vehicule due and reached.
    assert_eq!(
        (
            get(0, "started"),
            get(0, "completed"),
            get(0, "in_progress"),
            get(0, "entries")
        ),
        (3.into(), 0.into(), 3.into(), 6.into())
    );
    assert_eq!(
        (get(0, "milestones_due"), get(0, "milestones_due_reached")),
        (1.into(), 1.into())
    );
    // 2024: 1.2.1 starts, 1.1.2 is done, 8 entries, maquette and etude due and reached.
    assert_eq!(
        (
            get(1, "started"),
            get(1, "completed"),
            get(1, "in_progress"),
            get(1, "entries")
        ),
        (1.into(), 1.into(), 2.into(), 8.into())
    );
    assert_eq!(
        (get(1, "completion_rate"), get(1, "mean_progress")),
        (20.0.into(), 36.0.into())
    );
    // 2025 as of 30/06: travaux overdue makes 1.2.1 late; 2 entries.
    assert_eq!(
        (get(2, "late"), get(2, "entries"), get(2, "at")),
        (1.into(), 2.into(), "2025-06-30".into())
    );
    // 2026 starts after the as-of date.
    assert_eq!(years[3]["figures"], Value::Null);
    let by_axis = json(
        &env,
        &[
            "summary", "--by", "axis", "--from", "2024", "--to", "2024", "--format", "json",
        ],
    );
    assert_eq!(by_axis["blocks"].as_array().unwrap().len(), 3);
    assert_eq!(
        by_axis["blocks"][1]["years"][0]["figures"]["mean_progress"],
        60.0
    );
}

#[test]
fn terminal_outputs_are_pinned() {
    let env = TestEnv::demo();
    insta::assert_snapshot!("report_2024_fr", env.run(&["report", "2024"]).transcript());
    insta::assert_snapshot!("summary_fr", env.run(&["summary"]).transcript());
    insta::assert_snapshot!(
        "summary_by_field_en",
        env.run(&["summary", "--by", "field", "--lang", "en"])
            .transcript()
    );
    insta::assert_snapshot!("timeline_fr", env.run(&["timeline"]).transcript());
    insta::assert_snapshot!(
        "report_2024_markdown_en",
        env.run(&["report", "2024", "--format", "markdown", "--lang", "en"])
            .stdout
    );
}

#[test]
fn later_records_do_not_change_a_past_report() {
    let env = TestEnv::demo();
    let before = env.run(&["report", "2024", "--format", "json"]).stdout;
    let run = env.run(&[
        "record",
        "1.1.1",
        "--date",
        "2025-06-01",
        "--status",
        "done",
        "--note",
        "Terminé",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = env.run(&[
        "record",
        "2.1.1",
        "--date",
        "2025-01-20",
        "--status",
        "in-progress",
        "--progress",
        "10",
        "--measure",
        "places=3",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        env.run(&["report", "2024", "--format", "json"]).stdout,
        before
    );
    assert_ne!(
        env.run(&["report", "2025", "--format", "json"]).stdout,
        before
    );
}

#[test]
fn years_outside_the_period_or_after_the_as_of_date_are_refused() {
    let env = TestEnv::demo();
    let run = env.run(&["report", "2022"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("2022 est hors de la période de la convention 2023-2026"),
        "{}",
        run.stderr
    );
    let run = env.run(&["report", "2026"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("2026 commence après la date d'arrêté du 30/06/2025"),
        "{}",
        run.stderr
    );
    assert_eq!(env.run(&["summary", "--from", "2020"]).code, 1);
    let run = env.run(&["report", "2025"]);
    assert!(
        run.stdout.contains("du 1er janvier 2025 au 30 juin 2025"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_shipped_plan_says_nothing_has_been_recorded() {
    let env = TestEnv::shipped();
    let run = env.run_as_of("2026-06-30", &["report", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Aucun suivi n'a encore été enregistré pour cette période")
    );
    assert!(
        run.stdout
            .contains("Convention territoriale globale du Pays de Sommières")
    );
    let doc: Value = serde_json::from_str(
        &env.run_as_of("2026-06-30", &["report", "2025", "--format", "json"])
            .stdout,
    )
    .unwrap();
    assert_eq!(doc["nothing_recorded"], true);
    assert_eq!(doc["synthesis"]["total"]["not_started"], 27);
}

#[test]
fn french_csv_files_one_per_table() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.1.1-navette.yaml",
        "note: Véhicule livré",
        "note: \"=HYPERLINK(\\\"http://x\\\")\"",
    );
    let run = env.run(&["report", "2023", "--format", "csv", "--output", "bilan"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let dir = env.dir.path().join("bilan");
    assert_eq!(
        file_names(&dir),
        [
            "fiches.csv",
            "financements.csv",
            "indicateurs.csv",
            "jalons.csv",
            "synthese.csv"
        ]
    );
    let synthesis = std::fs::read_to_string(dir.join("synthese.csv")).unwrap();
    assert!(
        synthesis.starts_with("\u{feff}Axe;fiches;réalisées;"),
        "{synthesis}"
    );
    assert!(synthesis.contains(";16,7;"), "decimal comma: {synthesis}");
    let detail = std::fs::read_to_string(dir.join("fiches.csv")).unwrap();
    assert!(
        detail.contains("\"'20/11/2023\u{a0}: =HYPERLINK(\"\"http://x\"\")\"")
            || detail.contains("20/11/2023\u{a0}: =HYPERLINK"),
        "{detail}"
    );
    let milestones = std::fs::read_to_string(dir.join("jalons.csv")).unwrap();
    assert!(
        milestones.contains("31/12/2023;\"=\"\"1.1.1\"\"\";Achat du véhicule;20/11/2023;atteint"),
        "{milestones}"
    );
    let one = env.run(&[
        "report",
        "2023",
        "--format",
        "csv",
        "--table",
        "indicators",
        "--lang",
        "en",
    ]);
    assert!(
        one.stdout.starts_with(
            "Action sheet,Indicator,Unit,baseline,baseline year,value 2022,value 2023,target 2023,"
        ),
        "{}",
        one.stdout
    );
}

/// The tables of the review and their CSV files are named in the output's
/// language; `--table` takes a table's English or French name, loosely
/// (`Synthèse`), and a refusal lists the names of the help's language.
#[test]
fn table_names_are_french_in_french_and_english_in_english() {
    let env = TestEnv::demo();
    let run = env.run(&[
        "report", "2023", "--lang", "en", "--format", "csv", "--output", "review",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        file_names(&env.dir.path().join("review")),
        [
            "detail.csv",
            "funding.csv",
            "indicators.csv",
            "milestones.csv",
            "synthesis.csv"
        ]
    );
    let table = |args: &[&str]| {
        let mut all = vec!["report", "2023"];
        all.extend(args);
        env.run(&all)
    };
    let synthesis = table(&["--table", "synthesis"]).stdout;
    assert!(synthesis.starts_with("\u{feff}Axe;fiches;"), "{synthesis}");
    for name in ["synthese", "Synthèse", "SYNTHESE", "synthe\u{300}se"] {
        let run = table(&["--table", name]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert_eq!(run.stdout, synthesis, "{name}");
    }
    assert_eq!(
        table(&["--table", "fiches"]).stdout,
        table(&["--table", "detail"]).stdout
    );
    let refused = |lang: &str| {
        let run = table(&["--lang", lang, "--table", "points"]);
        assert_eq!(run.code, 2);
        run.stderr
    };
    insta::assert_snapshot!(refused("fr"), @r"
    ctg: `points` n'est pas une valeur valide pour --table <NOM>
      valeurs possibles : synthese, fiches, indicateurs, jalons, financements
    Pour en savoir plus : `--help`.
    ");
    insta::assert_snapshot!(refused("en"), @r"
    ctg: `points` is not a valid value for --table <NAME>
      possible values: synthesis, detail, indicators, milestones, funding
    For more information, try `--help`.
    ");
    // The completion scripts offer the names, described, in the session's language.
    let fish = env.run(&["--lang", "fr", "completions", "fish"]).stdout;
    assert!(
        fish.contains("synthese\\t'La synthèse par axe'") && fish.contains("jalons\\t'Les jalons'"),
        "{fish}"
    );
    let fish = env.run(&["--lang", "en", "completions", "fish"]).stdout;
    assert!(fish.contains("synthesis\\t'Synthesis by axis'"), "{fish}");
    let run = env.run(&["--lang", "fr", "evaluation", "--table", "jalon"]);
    insta::assert_snapshot!(run.stderr, @r"
    ctg: `jalon` n'est pas une valeur valide pour --table <NOM>
      valeurs possibles : resultats, fiches, indicateurs, trajectoire, moyens, attention
    Pour en savoir plus : `--help`.
    ");
}

/// The names of the files in `dir`, sorted.
pub(crate) fn file_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_formula_in_plan_text_is_neutralised_in_csv() {
    let env = TestEnv::demo();
    env.edit(
        "actions/1.1.1-navette.yaml",
        "label: Trajets assurés par an",
        "label: \"=HYPERLINK(\\\"http://x\\\")\"",
    );
    let run = env.run(&["report", "2024", "--format", "csv", "--table", "indicators"]);
    assert!(
        run.stdout.contains(
            "\"=\"\"1.1.1\"\"\";\"'=HYPERLINK(\"\"http://x\"\")\";trajets;120;2023;140;280;300;-20;93,3;en progrès ↗"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn html_is_one_accessible_self_contained_page() {
    let env = TestEnv::demo();
    inject_script(&env, "actions/1.1.1-navette.yaml", "Véhicule livré");
    let run = env.run(&["report", "2023", "--output", "bilan.html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(env.dir.path().join("bilan.html")).unwrap();
    assert!(html.contains("<title>Bilan annuel 2023 — Convention territoriale globale du Val de Lune (exemple fictif)</title>"));
    assert_accessible_page(&html, 5);
}

/// The checks every HTML page of ctg passes: French `lang`, no script and
/// the injected `<script>alert('x')</script> & co` escaped, nothing
/// external, a print stylesheet, `tables` tables each with a caption and
/// scoped headers, health as words and symbols.
pub(crate) fn assert_accessible_page(html: &str, tables: usize) {
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(
        !html.to_lowercase().contains("<script"),
        "no script, and plan text escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
    assert!(
        !html.contains("http://")
            && !html.contains("https://")
            && !html.contains(" src=")
            && !html.contains("<link")
    );
    assert!(html.contains("@media print"));
    assert_eq!(html.matches("<table").count(), tables);
    assert_eq!(html.matches("<caption>").count(), tables);
    for table in html.split("<table").skip(1) {
        let table = &table[..table.find("</table>").unwrap()];
        assert!(table.contains("<th scope=\"col\">"));
        assert!(!table.contains("<th>"), "every th has a scope");
    }
    assert!(
        html.contains("en bonne voie ✓"),
        "health as words and symbols"
    );
}

#[test]
fn html_renders_in_headless_chromium() {
    let env = TestEnv::demo();
    assert_eq!(
        env.run(&["report", "2024", "--output", "bilan.html"]).code,
        0
    );
    assert_chromium_shows(
        &env.dir.path().join("bilan.html"),
        &["<caption>Synthèse par axe</caption>"],
    );
}

/// The first of `programs` that runs with `version_flag`; `None` (after
/// saying so) on a developer's machine without it, a failure when `CI` is set.
pub(crate) fn installed(
    programs: &[&'static str],
    version_flag: &str,
    package: &str,
) -> Option<&'static str> {
    let found = programs.iter().find(|p| {
        std::process::Command::new(p)
            .arg(version_flag)
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_some() {
        return found.copied();
    }
    let program = programs[0];
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but {program} is missing: apt-get install {package}"
    );
    eprintln!("skipped: no {program} on this machine (apt-get install {package} to run it)");
    None
}

/// Headless Chromium on `page` with `args`, in a fresh profile; `None`
/// when Chromium is not installed.
pub(crate) fn chromium(page: &std::path::Path, args: &[&str]) -> Option<std::process::Output> {
    chromium_at(&format!("file://{}", page.display()), args)
}

/// Headless Chromium on `url` with `args`, in a fresh profile; `None`
/// when Chromium is not installed.
pub(crate) fn chromium_at(url: &str, args: &[&str]) -> Option<std::process::Output> {
    let chromium = installed(&["chromium", "chromium-browser"], "--version", "chromium")?;
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .args(args)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out)
}

/// Renders `page` in headless Chromium and checks its DOM holds each of
/// `texts`; skipped, saying so, when there is no chromium on the machine,
/// but failing when `CI` is set.
pub(crate) fn assert_chromium_shows(page: &std::path::Path, texts: &[&str]) {
    let Some(out) = chromium(page, &["--dump-dom"]) else {
        return;
    };
    let dom = String::from_utf8_lossy(&out.stdout);
    for text in texts {
        assert!(dom.contains(text), "{text} not in {dom}");
    }
}

#[test]
fn the_review_fits_1280_pixels_without_horizontal_scrolling() {
    let env = TestEnv::demo();
    let run = env.run(&["report", "2024", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // A copy of the page that writes its own widths into the DOM it dumps.
    let probe = "<script>document.body.dataset.widths = document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth;</script></body>";
    let page = env.dir.path().join("probe.html");
    std::fs::write(&page, run.stdout.replace("</body>", probe)).unwrap();
    let Some(out) = chromium(
        &page,
        &["--window-size=1280,900", "--hide-scrollbars", "--dump-dom"],
    ) else {
        return;
    };
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("data-widths=\"1280 1280\""),
        "{}",
        &dom[..dom.find("<main").unwrap_or(200).min(dom.len())]
    );
}

/// Lays `html` out in headless Chromium inside a frame `width` pixels wide
/// (a window is never narrower than 500) and returns what `probe`, a
/// script run at the end of the page, puts in `parent.document.body.dataset.probe`.
fn probe_at_width(env: &TestEnv, html: &str, width: u32, probe: &str) -> Option<String> {
    let inner = env.dir.path().join("probe-inner.html");
    let script = format!(
        "<script>parent.document.body.dataset.probe = (function () {{ {probe} }})();</script></body>"
    );
    std::fs::write(&inner, html.replace("</body>", &script)).unwrap();
    let outer = env.dir.path().join("probe.html");
    std::fs::write(
        &outer,
        format!("<!DOCTYPE html><html><body><iframe src=\"probe-inner.html\" width=\"{width}\" height=\"900\" style=\"border:0\"></iframe></body></html>"),
    )
    .unwrap();
    let out = chromium(
        &outer,
        &[
            "--window-size=1280,900",
            "--hide-scrollbars",
            "--allow-file-access-from-files",
            "--dump-dom",
        ],
    )?;
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let at = dom
        .find("data-probe=\"")
        .unwrap_or_else(|| panic!("no probe in {dom}"))
        + 12;
    Some(dom[at..at + dom[at..].find('"').unwrap()].to_string())
}

/// The page's scroll width and width, the tables not in a box that
/// scrolls, and the smallest height of a chart's text, in pixels.
const LAYOUT_PROBE: &str = "var d = document.documentElement; var loose = 0; document.querySelectorAll('table').forEach(function (t) { var p = t.parentElement; if (getComputedStyle(p).overflowX !== 'auto' || p.getBoundingClientRect().right > d.clientWidth + 1) loose++; }); var m = 999; document.querySelectorAll('svg text').forEach(function (x) { var h = x.getBoundingClientRect().height; if (h > 0 && h < m) m = h; }); return d.scrollWidth + ' ' + d.clientWidth + ' loose ' + loose + ' text ' + Math.floor(m);";

#[test]
fn on_a_phone_the_tables_scroll_in_their_box_and_the_charts_stay_readable() {
    let env = TestEnv::demo();
    for args in [&["report", "2024"][..], &["evaluation"]] {
        let mut all = args.to_vec();
        all.extend(["--format", "html"]);
        let run = env.run(&all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let Some(probe) = probe_at_width(&env, &run.stdout, 390, LAYOUT_PROBE) else {
            return;
        };
        let fields: Vec<&str> = probe.split(' ').collect();
        assert_eq!(
            fields[0], "390",
            "{args:?}: the page scrolls sideways: {probe}"
        );
        assert_eq!(
            fields[3], "0",
            "{args:?}: a table outside a scrolling box: {probe}"
        );
        let text: u32 = fields[5].parse().unwrap();
        assert!(
            text >= 10,
            "{args:?}: chart text shrunk to {text} px: {probe}"
        );
    }
}

#[test]
fn the_evaluation_fits_1280_pixels_with_no_cell_cut() {
    let env = TestEnv::demo();
    let run = env.run(&["evaluation", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let probe = "var d = document.documentElement; var cut = []; document.querySelectorAll('th, td').forEach(function (c) { if (c.scrollWidth > c.clientWidth + 1) cut.push(c.textContent); }); return d.scrollWidth + ' ' + d.clientWidth + ' cut:' + cut.join('|');";
    let Some(probe) = probe_at_width(&env, &run.stdout, 1280, probe) else {
        return;
    };
    assert_eq!(probe, "1280 1280 cut:");
}

#[test]
fn in_print_every_table_and_chart_fits_the_width_of_an_a4_page() {
    let env = TestEnv::demo();
    // The print rules applied on screen, in the 186 mm (703 px) that
    // `@page { size: A4; margin: … 12mm }` leaves between the margins.
    let probe = "var d = document.documentElement; var out = []; document.querySelectorAll('table, svg').forEach(function (t) { if (t.getBoundingClientRect().right > d.clientWidth + 1) out.push(t.id || t.tagName); }); return d.scrollWidth + ' ' + d.clientWidth + ' out:' + out.join('|');";
    for args in [&["report", "2024"][..], &["evaluation"]] {
        let mut all = args.to_vec();
        all.extend(["--format", "html"]);
        let run = env.run(&all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains("size: A4"));
        let printed = run.stdout.replace("@media print", "@media all");
        let Some(probe) = probe_at_width(&env, &printed, 703, probe) else {
            return;
        };
        assert_eq!(probe, "703 703 out:", "{args:?}");
    }
}

#[test]
fn timeline_in_the_terminal_has_a_title_and_each_sheets_state() {
    let env = TestEnv::demo();
    let run = env.run_with_env(
        &[("COLUMNS", "100")],
        &["--as-of", "2025-06-30", "timeline"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "Les fiches actions sur la période 2023–2026");
    for (id, state) in [
        ("1.1.1", "en bonne voie ✓"),
        ("1.2.1", "alerte ▲"),
        ("2.2.1", "abandonnée ✖"),
    ] {
        let row = lines.iter().find(|l| l.starts_with(id)).unwrap();
        assert!(row.ends_with(&format!("  {state}")), "{row}");
        assert!(row.chars().count() <= 100, "{row}");
    }
}

#[test]
fn a_narrow_timeline_legend_keeps_each_mark_with_its_words() {
    let env = TestEnv::demo();
    let run = env.run_with_env(&[("COLUMNS", "40")], &["--as-of", "2025-06-30", "timeline"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let legend: Vec<&str> = run.stdout.lines().skip(8).collect();
    assert!(legend.len() >= 2, "{legend:?}");
    for line in &legend {
        let line = line.trim_end();
        assert!(
            !line.ends_with(['─', '◆', '✔', '▲', '│'])
                && !line.ends_with(" à")
                && !line.ends_with(" en"),
            "a mark or a word cut from what follows: {legend:?}"
        );
        assert!(line.chars().count() <= 40, "{line}");
    }
    assert!(
        legend.iter().any(|l| l.contains("▲\u{a0}en\u{a0}retard"))
            && legend.iter().any(|l| l.contains("│\u{a0}30/06/2025")),
        "{legend:?}"
    );
}

#[test]
fn a_wrapped_footer_never_parts_a_word_from_its_number() {
    let env = TestEnv::demo();
    for columns in 40..=120 {
        let columns = columns.to_string();
        let run = env.run_with_env(
            &[("COLUMNS", &columns)],
            &["--as-of", "2025-06-30", "status"],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let Some((_, footer)) = run.stdout.rsplit_once('┘') else {
            continue; // too narrow for a table: one block per row
        };
        for line in footer.lines() {
            assert!(
                !line.starts_with(|c: char| c.is_ascii_digit()),
                "at {columns} columns a number begins a line:{footer}"
            );
        }
    }
}

#[test]
fn an_axis_or_objective_row_spans_the_detail_table() {
    let env = TestEnv::demo();
    let run = env.run(&["report", "2024", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let detail = run.stdout.split("<table id=\"detail\">").nth(1).unwrap();
    let detail = &detail[..detail.find("</table>").unwrap()];
    let columns = detail[..detail.find("</thead>").unwrap()]
        .matches("<th scope=\"col\"")
        .count();
    for title in [
        "Axe 1 — Se déplacer sur le territoire",
        "Objectif 1.1 — Développer les transports solidaires",
    ] {
        assert!(
            detail.contains(&format!(
                "<td colspan=\"{}\">{title}</td></tr>",
                columns - 1
            )),
            "{title} spans the row after its id"
        );
    }
    let summary = env.run(&["summary", "--format", "html"]).stdout;
    assert!(
        summary.contains("<th scope=\"row\" colspan=\"5\">Ensemble du plan (6 fiches)</th></tr>")
    );
}

#[test]
fn an_empty_milestone_group_says_there_is_none() {
    let env = TestEnv::demo();
    let run = env.run_as_of("2026-12-31", &["report", "2026", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("**2027 (échéance l'an prochain) — aucun jalon**"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("(échéance cette année) — aucun jalon"));
}

#[test]
fn the_printed_page_header_reads_the_title_in_the_pages_font() {
    let env = TestEnv::demo();
    assert_eq!(
        env.run(&["report", "2024", "--output", "bilan.html"]).code,
        0
    );
    let pdf = env.dir.path().join("bilan.pdf");
    let Some(_) = chromium(
        &env.dir.path().join("bilan.html"),
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
    ) else {
        return;
    };
    let (Some(pdftotext), Some(pdffonts)) = (
        installed(&["pdftotext"], "-v", "poppler-utils"),
        installed(&["pdffonts"], "-v", "poppler-utils"),
    ) else {
        return;
    };
    let text = std::process::Command::new(pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let header =
        "Bilan annuel 2024 — Convention territoriale globale du Val de Lune (exemple fictif)";
    assert!(
        text.split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .all(|page| page.contains(header)),
        "every page's header: {text}"
    );
    let fonts = std::process::Command::new(pdffonts)
        .arg(&pdf)
        .output()
        .unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(!fonts.to_lowercase().contains("serif "), "{fonts}");
}

#[test]
fn the_print_header_keeps_the_space_after_the_dash_in_a_sans_serif_font() {
    let env = TestEnv::demo();
    let run = env.run(&["report", "2025", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = run.stdout.split("@top-center").nth(1).unwrap();
    let page = &page[..page.find('}').unwrap()];
    // `\2014 ` is the dash (CSS swallows that one space), the next space is
    // the title's own.
    assert!(page.contains("2025 \\2014  Convention"), "{page}");
    assert!(
        page.contains("font-family:") && page.contains("sans-serif"),
        "{page}"
    );
}

#[test]
fn no_header_cell_is_empty_for_a_screen_reader() {
    let env = TestEnv::demo();
    for args in [&["evaluation"][..], &["summary"]] {
        let mut all = args.to_vec();
        all.extend(["--format", "html"]);
        let run = env.run(&all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(!run.stdout.contains("<th scope=\"col\"></th>"), "{args:?}");
        assert!(
            run.stdout
                .contains("<span class=\"visually-hidden\">Indicateur</span>"),
            "{args:?}"
        );
    }
}

#[test]
fn the_review_prints_to_a4_pages_without_splitting_a_row() {
    let env = TestEnv::demo();
    assert_eq!(
        env.run(&["report", "2024", "--output", "bilan.html"]).code,
        0
    );
    let pdf = env.dir.path().join("bilan.pdf");
    let Some(_) = chromium(
        &env.dir.path().join("bilan.html"),
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
    ) else {
        return;
    };
    let (Some(pdfinfo), Some(pdftotext)) = (
        installed(&["pdfinfo"], "-v", "poppler-utils"),
        installed(&["pdftotext"], "-v", "poppler-utils"),
    ) else {
        return;
    };
    let info = std::process::Command::new(pdfinfo)
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("(A4)"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages >= 2, "{info}");
    let text = std::process::Command::new(pdftotext)
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    // Each detail row: its id, its first note and its last note on one page.
    for (id, first, last) in [
        ("1.1.1", "Recrutement", "campagne"),
        ("1.1.2", "Reprise", "mairies"),
        ("1.2.1", "Bureau", "habitants"),
        ("2.2.1", "candidats", "consultations"),
    ] {
        let page = pages
            .iter()
            .find(|p| p.contains(first))
            .unwrap_or_else(|| panic!("{first} not in {text}"));
        assert!(
            page.contains(id) && page.contains(last),
            "row {id} split across pages:\n{page}"
        );
    }
}

/// Checks a workbook cell is a date (not text), on `iso`.
pub(crate) fn assert_date(cell: Option<&calamine::Data>, iso: &str) {
    match cell {
        Some(calamine::Data::DateTime(d)) => assert_eq!(
            d.as_datetime().map(|t| t.date().to_string()).as_deref(),
            Some(iso)
        ),
        other => panic!("a date cell, got {other:?}"),
    }
}

/// Puts `<script>alert('x')</script> & co` in place of `from` in `file`.
pub(crate) fn inject_script(env: &TestEnv, file: &str, from: &str) {
    env.edit(file, from, "\"<script>alert('x')</script> & co\"");
}

/// Issue 20, item 19: "today" is the local date (here the review's
/// "édité le"), not UTC's: the time zones 14 hours east and 12 hours west
/// of UTC are always on different days. `SOURCE_DATE_EPOCH` stays a UTC
/// date, the same on every machine.
#[test]
fn today_is_the_local_date_and_source_date_epoch_a_utc_one() {
    let env = TestEnv::demo();
    let produced = |vars: &[(&str, &str)], epoch: bool| {
        let mut cmd = env.command();
        if !epoch {
            cmd.env_remove("SOURCE_DATE_EPOCH");
        }
        let out = cmd
            .envs(vars.iter().copied())
            .args(["--as-of", "2025-06-30", "report", "2025", "-q"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (_, rest) = text.split_once("édité le ").expect("a production date");
        rest[..10].to_string()
    };
    let local = |hours: i64| {
        (chrono::Utc::now() + chrono::Duration::hours(hours))
            .format("%d/%m/%Y")
            .to_string()
    };
    // POSIX TZ strings, so that no time zone database is needed: `XYZ-14`
    // is 14 hours east of UTC.
    for (tz, hours) in [("XYZ-14", 14), ("XYZ+12", -12)] {
        let before = local(hours);
        let seen = produced(&[("TZ", tz)], false);
        let after = local(hours);
        assert!(
            seen == before || seen == after,
            "TZ={tz}: {seen}, not {before}"
        );
    }
    assert_ne!(
        produced(&[("TZ", "XYZ-14")], false),
        produced(&[("TZ", "XYZ+12")], false)
    );
    // 2025-07-01T00:00:00Z is 1 July wherever the machine is.
    assert_eq!(produced(&[("TZ", "XYZ+12")], true), "01/07/2025");
}

/// Issue 20, item 22: the review's indicators give the baseline's year
/// beside its value, in every format — a baseline of 2023 does not read as
/// one of the year before.
#[test]
fn the_indicators_give_the_baselines_year_in_every_format() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let env = TestEnv::demo();
    let report = |args: &[&str]| {
        let mut all = vec!["report", "2024"];
        all.extend(args);
        let run = env.run(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run.stdout
    };
    let csv = report(&["--table", "indicateurs"]);
    assert!(
        csv.contains("référence;année de référence;valeur 2023")
            && csv.contains(";trajets;120;2023;140;280;"),
        "{csv}"
    );
    let markdown = report(&["--format", "markdown"]);
    assert!(
        markdown.contains("| référence | année de référence |")
            && markdown.contains("| trajets | 120 | 2023 | 140 |"),
        "{markdown}"
    );
    let terminal = report(&[]);
    assert!(terminal.contains("année de référence"), "{terminal}");
    let html = report(&["--format", "html"]);
    assert!(
        html.contains("année de référence") && html.contains(">2023<"),
        "{html}"
    );
    let json: serde_json::Value = serde_json::from_str(&report(&["--format", "json"])).unwrap();
    assert_eq!(json["indicators"][0]["baseline"], 120.0);
    assert_eq!(json["indicators"][0]["baseline_year"], 2023);
    assert_eq!(env.run(&["report", "2024", "--output", "r.xlsx"]).code, 0);
    let mut book: Xlsx<_> = open_workbook(env.dir.path().join("r.xlsx")).unwrap();
    let sheet = book.worksheet_range("Indicateurs").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let heading = Data::String("année de référence".into());
    let header = rows.iter().position(|r| r.contains(&heading)).unwrap();
    let at = rows[header].iter().position(|c| *c == heading).unwrap();
    assert_eq!(rows[header + 1][at], Data::Float(2023.0));
}

//! `ctg schema`: the committed schemas are ctg's, every shipped and new plan
//! file validates against the schema its first line names (checked by an
//! independent validator, the `jsonschema` crate), and mistakes are caught.

use crate::common::{TestEnv, tree};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A YAML text as JSON, as an editor sees it.
fn as_json(yaml: &str) -> Value {
    serde_saphyr::from_str(yaml).unwrap()
}

/// The schema file a YAML file's first line names, resolved from its folder.
fn named_schema(file: &Path, text: &str) -> PathBuf {
    let first = text.lines().next().unwrap_or_default();
    let rel = first
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| panic!("{}: no schema line", file.display()));
    file.parent().unwrap().join(rel)
}

fn errors(schema: &Path, yaml: &str) -> Vec<String> {
    let schema: Value = serde_json::from_slice(&std::fs::read(schema).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let instance = as_json(yaml);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every `.yaml` file under `dir` validates against the schema it names.
fn all_valid(dir: &Path) -> usize {
    let mut checked = 0;
    for (rel, bytes) in tree(dir) {
        if rel.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let file = dir.join(&rel);
        let text = String::from_utf8(bytes).unwrap();
        let schema = named_schema(&file, &text);
        let found = errors(&schema, &text);
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
        checked += 1;
    }
    checked
}

#[test]
fn the_committed_schemas_are_ctgs() {
    let env = TestEnv::empty();
    let run = env.run(&["schema", "--output", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = tree(&env.dir.path().join("out"));
    assert_eq!(written, tree(&repo("schema")));
    assert_eq!(written.len(), 5);
    let sheet = env.run(&["schema", "sheet"]);
    assert_eq!(
        sheet.stdout,
        std::fs::read_to_string(repo("schema/sheet.schema.json")).unwrap()
    );
}

#[test]
fn every_shipped_file_validates_against_its_schema() {
    assert_eq!(all_valid(&repo("plan")), 31);
    assert!(all_valid(&repo("examples/demo")) > 4);
}

#[test]
fn a_new_plan_validates_against_its_schema() {
    let env = TestEnv::empty();
    let run = crate::init::init(&env, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(all_valid(&env.plan()), 5);
}

const SHEET: &str = "id: \"1.1.1\"
title: Une fiche
fields: [enfance]
schedule: {start: 2023, end: 2026}
indicators:
  - {id: places, label: Places, targets: {2025: 52}}
journal:
  - {date: 2024-03-12, status: en cours, progress: 40, measures: {places: 44}}
";

fn sheet_errors(from: &str, to: &str) -> Vec<String> {
    assert!(SHEET.contains(from));
    errors(
        &repo("schema/sheet.schema.json"),
        &SHEET.replacen(from, to, 1),
    )
}

#[test]
fn a_number_id_and_french_statuses_are_accepted() {
    assert!(sheet_errors("", "").is_empty());
    assert!(sheet_errors("status: en cours", "status: réalisée").is_empty());
    let axes = "- id: 1\n  title: A\n  objectives:\n    - {id: 1.2, title: O}\n";
    assert!(errors(&repo("schema/axes.schema.json"), axes).is_empty());
}

#[test]
fn a_misspelt_key_a_bad_status_and_a_bad_date_are_rejected() {
    assert_eq!(
        sheet_errors("fields:", "feilds:").len(),
        2,
        "unknown key and missing fields"
    );
    assert!(!sheet_errors("status: en cours", "status: finie").is_empty());
    assert!(!sheet_errors("date: 2024-03-12", "date: 2024-13-12").is_empty());
    assert!(!sheet_errors("date: 2024-03-12", "date: 12/03/2024").is_empty());
    assert!(!sheet_errors("progress: 40", "progress: '40'").is_empty());
    let partners = "- {id: caf, name: CAF, kind: signataire}\n";
    assert!(!errors(&repo("schema/partners.schema.json"), partners).is_empty());
}

/// Issue 20, item 14: in a French plan's folder, with no `LANG`, `schema
/// --output` says what it wrote in French, as every other command does.
#[test]
fn schema_output_speaks_the_plans_language() {
    let env = crate::common::TestEnv::demo();
    let run = env.run(&["schema", "--output", "schemas"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("écrit\u{a0}: schemas ("),
        "{}",
        run.stderr
    );
    let run = env.run(&["--lang", "en", "schema", "--output", "schemas"]);
    assert!(
        run.stderr.starts_with("written: schemas ("),
        "{}",
        run.stderr
    );
}

/// Issue 20, item 21: the schema reads a status as ctg does — in any case,
/// with accents composed or decomposed, spaces or underscores for hyphens
/// — while completion offers the seven canonical names only; a sheet
/// needs at least one field.
#[test]
fn statuses_as_ctg_reads_them_and_at_least_one_field() {
    for status in [
        "Bloquée",
        "EN COURS",
        "en_Cours",
        "re\u{301}alise\u{301}e",
        "À venir",
        "in_progress",
        "Abandonnée",
    ] {
        let found = sheet_errors("status: en cours", &format!("status: \"{status}\""));
        assert!(found.is_empty(), "{status}: {found:?}");
    }
    for status in ["finie", "en--cours", "EN COURS!"] {
        let found = sheet_errors("status: en cours", &format!("status: \"{status}\""));
        assert!(!found.is_empty(), "{status} accepted");
    }
    assert!(!sheet_errors("fields: [enfance]", "fields: []").is_empty());
    let schema: Value =
        serde_json::from_slice(&std::fs::read(repo("schema/sheet.schema.json")).unwrap()).unwrap();
    let status = &schema["properties"]["journal"]["anyOf"][0]["items"]["properties"]["status"];
    let offered = &status["anyOf"][0]["examples"];
    assert_eq!(
        offered,
        &serde_json::json!([
            "planned",
            "in-progress",
            "paused",
            "blocked",
            "postponed",
            "done",
            "abandoned"
        ]),
        "{status:#}"
    );
}

/// In a plan, `ctg schema` offers its partner, field and track ids as
/// completions (`examples`); outside any plan (the committed `schema/`),
/// none. A `--plan` that names no plan is refused.
#[test]
fn schema_offers_the_plans_ids() {
    let env = TestEnv::demo();
    let run = env.run(&["schema", "sheet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sheet: Value = serde_json::from_str(&run.stdout).unwrap();
    let props = &sheet["properties"];
    assert_eq!(
        props["fields"]["items"]["examples"],
        serde_json::json!(["petite-enfance", "jeunesse", "mobilite"])
    );
    assert_eq!(props["lead"]["anyOf"][0]["examples"][0], "ccvl");
    assert_eq!(
        props["partners"]["anyOf"][0]["items"]["examples"][3],
        "lune-mobilite"
    );
    assert_eq!(
        props["tracks"]["anyOf"][0]["items"]["examples"][0],
        "mobilite-navette"
    );
    // The plan's files still validate against the schemas that offer its ids.
    let run = env.run(&["schema", "--output", "schemas"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = env.read("actions/1.1.1-navette.yaml");
    let found = errors(&env.dir.path().join("schemas/sheet.schema.json"), &text);
    assert!(found.is_empty(), "{found:?}");
    let convention = env.run(&["schema", "convention"]).stdout;
    assert!(convention.contains("\"caf-exemple\""), "{convention}");
    let tracks = env.run(&["schema", "tracks"]).stdout;
    assert!(tracks.contains("\"jeunesse\""), "{tracks}");
    let outside = TestEnv::empty();
    let generic = outside.run(&["schema", "sheet"]).stdout;
    assert!(!generic.contains("ccvl"));
    let run = outside.run(&["--plan", "nowhere", "schema", "sheet"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
}

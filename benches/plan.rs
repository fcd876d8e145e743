//! In-process timings of the steps every command runs, on the shipped plan.
//! Run with `cargo bench`; `bench/run.sh` gives the whole-process figures.

use chrono::NaiveDate;
use ctg::check::check;
use ctg::edit::append_entry;
use ctg::load::load;
use ctg::model::Entry;
use ctg::report::status::{Filter, build};
use std::path::Path;

fn main() {
    divan::main();
}

fn plan_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/plan"))
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or_default()
}

#[divan::bench]
fn load_shipped_plan() -> usize {
    load(divan::black_box(plan_dir())).plan.sheets.len()
}

#[divan::bench]
fn check_shipped_plan(bencher: divan::Bencher) {
    let loaded = load(plan_dir());
    bencher.bench(|| check(divan::black_box(&loaded), as_of()).len());
}

#[divan::bench]
fn status_report(bencher: divan::Bencher) {
    let loaded = load(plan_dir());
    bencher.bench(|| {
        build(divan::black_box(&loaded.plan), as_of(), &Filter::default())
            .total
            .sheets
    });
}

#[divan::bench]
fn append_an_entry(bencher: divan::Bencher) {
    let text = std::fs::read_to_string(plan_dir().join("actions/2.1.1.yaml")).unwrap_or_default();
    let entry = Entry {
        note: Some("Point d'étape avec les partenaires".into()),
        ..Entry::on(as_of())
    };
    bencher.bench(|| append_entry(divan::black_box(&text), &entry, &[]).map(|e| e.text.len()));
}

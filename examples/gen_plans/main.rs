//! Writes deterministic FICTIONAL plans, for benchmarks and tests (a
//! development tool, not a ctg command):
//!
//! ```sh
//! cargo run --release --example gen_plans -- OUT [--seed N] [--plans N]
//!     [--sheets N] [--entries N] [--milestones N] [--indicators N]
//!     [--style plain|escaped|comments|crlf|flow]
//! ```
//!
//! `--style` writes the same plan in other bytes (see `generate::Style`):
//! notes with escapes, comments after values, CRLF line ends, indicators as
//! one-line nested flow maps.
//!
//! With one plan (`--plans 1`, the default) the plan is written in OUT
//! itself; with more, in OUT/plan-0001, OUT/plan-0002…

mod generate;

use generate::{Spec, Style};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_plans: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut out = None;
    let mut spec = Spec {
        seed: 1,
        plans: 1,
        sheets: 27,
        entries: 20,
        milestones: 2,
        indicators: 1,
    };
    let mut style = Style::Plain;
    let mut words = args.into_iter();
    while let Some(word) = words.next() {
        let mut value = |name: &str| -> Result<usize, String> {
            let text = words.next().ok_or(format!("{name} needs a value"))?;
            text.parse()
                .map_err(|_| format!("{name}: not a number: {text}"))
        };
        match word.as_str() {
            "--seed" => spec.seed = value("--seed")? as u64,
            "--plans" => spec.plans = value("--plans")?,
            "--sheets" => spec.sheets = value("--sheets")?,
            "--entries" => spec.entries = value("--entries")?,
            "--milestones" => spec.milestones = value("--milestones")?,
            "--indicators" => spec.indicators = value("--indicators")?,
            "--style" => {
                let name = words.next().ok_or("--style needs a value")?;
                style = *Style::ALL
                    .iter()
                    .find(|s| s.name() == name)
                    .ok_or(format!("--style: unknown style {name}"))?;
            }
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            _ => out = Some(PathBuf::from(word)),
        }
    }
    let out = out.ok_or("usage: gen_plans OUT [--seed N] [--plans N] [--sheets N] [--entries N] [--milestones N] [--indicators N] [--style plain|escaped|comments|crlf|flow]")?;
    let written = if spec.plans == 1 {
        generate::write_plan_as(&out, &spec, 0, style)
    } else {
        generate::write_plans_as(&out, &spec, style).map(drop)
    };
    written.map_err(|e| format!("{}: {e}", out.display()))
}

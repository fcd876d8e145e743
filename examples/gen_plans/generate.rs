//! Writes FICTIONAL plans for tests and benchmarks, the same bytes for the
//! same seed and sizes. Every plan validates (no error) as of 30 June 2025 or
//! later: journal entries run from January 2023 to June 2025, progress never
//! goes down, a sheet marked done is at 100 % with every milestone reached.
//! The text is French with accents, of the length real sheets have.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// What to write.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    /// The same seed writes the same bytes.
    pub seed: u64,
    /// Plans written (one folder each).
    pub plans: usize,
    /// Action sheets per plan.
    pub sheets: usize,
    /// Journal entries per sheet.
    pub entries: usize,
    /// Milestones per sheet.
    pub milestones: usize,
    /// Indicators per sheet.
    pub indicators: usize,
}

/// How the same plan is spelled: the values of `Plain` (but the notes of
/// `Escaped`) in bytes that people, or ctg itself, commonly write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // the tests that include this file write `Plain` only
pub(crate) enum Style {
    /// Block YAML, notes double-quoted without escapes.
    Plain,
    /// Every note and difficulty holds a `"`, a newline and a tab, written
    /// with escapes as ctg's writers write them.
    Escaped,
    /// A comment after the values of `status` and `progress` in every
    /// entry, and after `schedule`.
    Comments,
    /// `Plain` with CRLF line ends, in every file.
    Crlf,
    /// Indicators as one-line flow maps holding flow maps:
    /// `- {id: ind1, …, baseline: {year: 2023, value: 40}, targets: {…}}`.
    Flow,
}

impl Style {
    /// Every style, in the order of the benchmark.
    #[allow(dead_code)]
    pub(crate) const ALL: [Style; 5] = [
        Style::Plain,
        Style::Escaped,
        Style::Comments,
        Style::Crlf,
        Style::Flow,
    ];

    /// Its name on the command line of `gen_plans` and in the benchmark.
    #[allow(dead_code)]
    pub(crate) fn name(self) -> &'static str {
        match self {
            Style::Plain => "plain",
            Style::Escaped => "escaped",
            Style::Comments => "comments",
            Style::Crlf => "crlf",
            Style::Flow => "flow",
        }
    }
}

/// Writes `spec.plans` plans into `out/plan-0001`, `out/plan-0002`…; returns their folders.
#[allow(dead_code)]
pub(crate) fn write_plans(out: &Path, spec: &Spec) -> io::Result<Vec<PathBuf>> {
    write_plans_as(out, spec, Style::Plain)
}

/// [`write_plans`] in `style`.
pub(crate) fn write_plans_as(out: &Path, spec: &Spec, style: Style) -> io::Result<Vec<PathBuf>> {
    (0..spec.plans)
        .map(|i| {
            let dir = out.join(format!("plan-{:04}", i + 1));
            write_plan_as(&dir, spec, i, style)?;
            Ok(dir)
        })
        .collect()
}

/// splitmix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

const PLACES: [&str; 12] = [
    "Val d'Érieux",
    "Pays de Sérène",
    "Causses et Gorges",
    "Haute-Vallée de l'Aude",
    "Plaine de l'Hérault",
    "Côteaux du Lézard",
    "Pays Mélusin",
    "Terres de Garrigue",
    "Piémont Cévenol",
    "Rives de l'Étang",
    "Montagne Noire",
    "Bocage Ardéchois",
];
const FIELDS: [(&str, &str); 6] = [
    ("petite-enfance", "Petite enfance"),
    ("jeunesse", "Jeunesse"),
    ("parentalite", "Parentalité"),
    ("acces-aux-droits", "Accès aux droits"),
    ("animation-vie-sociale", "Animation de la vie sociale"),
    ("logement", "Logement et cadre de vie"),
];
const VERBS: [&str; 8] = [
    "Développer",
    "Renforcer",
    "Coordonner",
    "Créer",
    "Pérenniser",
    "Améliorer",
    "Structurer",
    "Accompagner",
];
const THINGS: [&str; 10] = [
    "l'accueil des enfants de moins de trois ans",
    "les actions de soutien à la parentalité",
    "l'accès aux droits des familles éloignées",
    "les activités périscolaires en milieu rural",
    "la mobilité des jeunes vers l'emploi",
    "l'offre d'animation dans les centres sociaux",
    "l'information des habitants sur les aides",
    "le relais petite enfance itinérant",
    "les espaces de vie sociale des bourgs-centres",
    "le réseau des assistantes maternelles",
];
const NOTES: [&str; 10] = [
    "Réunion du comité technique avec les partenaires du territoire, compte rendu diffusé aux élus",
    "Bilan intermédiaire présenté en commission\u{a0}; les effectifs accueillis progressent régulièrement",
    "Rencontre avec les familles à la médiathèque, une vingtaine de participants très impliqués",
    "Difficultés de recrutement d'un animateur qualifié, l'offre d'emploi est republiée",
    "Convention de partenariat signée avec l'association, le financement de la CAF est confirmé",
    "Visite des locaux réhabilités, l'ouverture est prévue à la rentrée après les travaux d'été",
    "Questionnaire envoyé aux écoles élémentaires\u{a0}: 312 réponses à dépouiller d'ici la fin du mois",
    "Atelier d'échanges entre parents animé par une éducatrice de jeunes enfants, très apprécié",
    "Point d'étape avec la direction enfance-jeunesse sur le budget et le calendrier révisé",
    "Permanence délocalisée à la mairie annexe, fréquentation en hausse par rapport à l'an dernier",
];

/// Writes plan number `index` (from 0) of `spec` into `dir`.
#[allow(dead_code)]
pub(crate) fn write_plan(dir: &Path, spec: &Spec, index: usize) -> io::Result<()> {
    write_plan_as(dir, spec, index, Style::Plain)
}

/// [`write_plan`] in `style`: the random draws are those of `Plain`, so
/// every style holds the same plan.
pub(crate) fn write_plan_as(dir: &Path, spec: &Spec, index: usize, style: Style) -> io::Result<()> {
    let write = |path: PathBuf, text: String| {
        if style == Style::Crlf {
            std::fs::write(path, text.replace('\n', "\r\n"))
        } else {
            std::fs::write(path, text)
        }
    };
    let mut rng = Rng(spec.seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    std::fs::create_dir_all(dir.join("actions"))?;
    let place = format!(
        "{} {}",
        PLACES[index % PLACES.len()],
        index / PLACES.len() + 1
    );
    let fields: String = FIELDS
        .iter()
        .map(|(id, label)| format!("  - {{id: {id}, label: {label}}}\n"))
        .collect();
    let convention = format!(
        "# PLAN FICTIF — généré pour les tests et les mesures de ctg.\n\
         name: Convention territoriale globale — {place} (fictive)\n\
         territory: CC {place}\n\
         signatories: [cc, caf]\nsigned: 2023-03-15\nperiod: {{start: 2023, end: 2026}}\n\
         language: fr\nfields:\n{fields}stale_after_months: 6\n"
    );
    write(dir.join("convention.yaml"), convention)?;
    write(
        dir.join("partners.yaml"),
        format!(
            "- {{id: cc, name: Communauté de communes — {place}, kind: signatory}}\n\
             - {{id: caf, name: Caisse d'allocations familiales, kind: signatory}}\n\
             - {{id: service-enfance, name: Service enfance-jeunesse, kind: service}}\n\
             - {{id: centre-social, name: Centre social intercommunal, kind: association}}\n"
        ),
    )?;
    let tracks: String = FIELDS
        .iter()
        .map(|(id, label)| format!("- {{id: {id}-piste, field: {id}, title: {label} pour tous}}\n"))
        .collect();
    write(dir.join("tracks.yaml"), tracks)?;
    let mut axes = String::new();
    for a in 1..=3 {
        let _ = writeln!(
            axes,
            "- id: {a}\n  title: {} {}\n  objectives:",
            rng.pick(&VERBS),
            rng.pick(&THINGS)
        );
        for o in 1..=3 {
            let _ = writeln!(
                axes,
                "    - {{id: \"{a}.{o}\", title: {} {}}}",
                rng.pick(&VERBS),
                rng.pick(&THINGS)
            );
        }
    }
    write(dir.join("axes.yaml"), axes)?;
    for n in 0..spec.sheets {
        let id = format!("{}.{}.{}", n % 3 + 1, (n / 3) % 3 + 1, n / 9 + 1);
        let text = sheet(&mut rng, spec, &id, style);
        write(dir.join("actions").join(format!("{id}.yaml")), text)?;
    }
    Ok(())
}

/// Day `k` of `total` between 10 January 2023 and 20 June 2025, as ISO text.
fn date(k: usize, total: usize) -> String {
    let day = 9 + k * 891 / total.max(1);
    let (mut y, mut d) = (2023, day);
    loop {
        let len = if y % 4 == 0 { 366 } else { 365 };
        if d < len {
            break;
        }
        d -= len;
        y += 1;
    }
    let months = [
        31,
        if y % 4 == 0 { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut m = 0;
    while d >= months[m] {
        d -= months[m];
        m += 1;
    }
    format!("{y}-{:02}-{:02}", m + 1, d + 1)
}

/// What `Style::Escaped` adds to a note: a newline, a tab and quotes, in
/// ctg's escapes (`edit::emit::scalar`).
const ESCAPED_TAIL: &str = "\\n\\tÀ suivre\u{a0}: \\\"comité de pilotage\\\"";

fn sheet(rng: &mut Rng, spec: &Spec, id: &str, style: Style) -> String {
    let tail = if style == Style::Escaped {
        ESCAPED_TAIL
    } else {
        ""
    };
    let (status_comment, progress_comment, schedule_comment) = if style == Style::Comments {
        (
            " # vu en comité technique",
            " # estimation du référent",
            " # calendrier de la convention",
        )
    } else {
        ("", "", "")
    };
    let (field, _) = FIELDS[rng.below(FIELDS.len())];
    let mut out = format!(
        "id: \"{id}\"\ntitle: {} {}\nfields: [{field}]\nlead: {}\npartners: [caf, centre-social]\n\
         tracks: [{field}-piste]\naudience: [familles, 0-17 ans]\n\
         description: \"{} Cette action répond aux besoins exprimés lors du diagnostic partagé de 2022.\"\n\
         schedule: {{start: 2023, end: {}}}{schedule_comment}\n",
        rng.pick(&VERBS),
        rng.pick(&THINGS),
        if rng.below(2) == 0 {
            "cc"
        } else {
            "service-enfance"
        },
        rng.pick(&NOTES),
        2025 + rng.below(2),
    );
    if spec.indicators > 0 {
        out.push_str("indicators:\n");
    }
    for i in 1..=spec.indicators {
        let base = 10 + rng.below(90);
        let (a, b) = (base + 10, base + 20);
        if style == Style::Flow {
            let _ = writeln!(
                out,
                "  - {{id: ind{i}, label: Familles accompagnées ({i}), unit: familles, kind: result, direction: up, baseline: {{year: 2023, value: {base}}}, targets: {{2025: {a}, 2026: {b}}}}}"
            );
        } else {
            let _ = writeln!(
                out,
                "  - id: ind{i}\n    label: Familles accompagnées ({i})\n    unit: familles\n    kind: result\n    direction: up\n    baseline: {{year: 2023, value: {base}}}\n    targets: {{2025: {a}, 2026: {b}}}"
            );
        }
    }
    if spec.milestones > 0 {
        out.push_str("milestones:\n");
    }
    let total = spec.entries;
    // Milestone j falls due just after entry `due_at(j)`, which reaches it.
    let due_at = |j: usize| total * j / (spec.milestones + 1);
    for j in 1..=spec.milestones {
        let _ = writeln!(
            out,
            "  - {{id: jalon-{j}, title: Étape {j} validée en comité de pilotage, due: {}}}",
            date(due_at(j) + 1, total)
        );
    }
    // Fate: 0 done, 1 blocked, 2 stops early (stale), else in progress.
    let fate = rng.below(6);
    let last = if fate == 2 { total / 2 } else { total };
    if last > 0 {
        out.push_str("journal:\n");
    }
    for k in 0..last {
        let final_entry = k + 1 == last;
        let status = match fate {
            0 if final_entry => "done",
            1 if final_entry => "blocked",
            _ => "in-progress",
        };
        let progress = if status == "done" {
            100
        } else {
            5 + 90 * k / total.max(1)
        };
        let _ = write!(
            out,
            "  - date: {}\n    status: {status}{status_comment}\n    progress: {progress}{progress_comment}\n    note: \"{}{tail}\"\n",
            date(k, total),
            rng.pick(&NOTES)
        );
        let reached: Vec<String> = (1..=spec.milestones)
            .filter(|j| due_at(*j) == k || (status == "done" && due_at(*j) > k))
            .map(|j| format!("jalon-{j}"))
            .collect();
        if !reached.is_empty() {
            let _ = writeln!(out, "    reached: [{}]", reached.join(", "));
        }
        if spec.indicators > 0 && k % 4 == 3 {
            let values: Vec<String> = (1..=spec.indicators)
                .map(|i| format!("ind{i}: {}", 10 + rng.below(100)))
                .collect();
            let _ = writeln!(out, "    measures: {{{}}}", values.join(", "));
        }
        if rng.below(5) == 0 {
            let _ = writeln!(out, "    difficulties: \"{}{tail}\"", rng.pick(&NOTES));
        }
    }
    out
}

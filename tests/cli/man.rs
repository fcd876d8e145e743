//! `ctg man`: one roff page per command, that `man` renders without a warning.

use crate::common::{TestEnv, succeed, tree};

/// The page names `ctg man --output` writes.
fn pages(env: &TestEnv) -> Vec<String> {
    let run = env.run(&["man", "--output", "man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    tree(&env.dir.path().join("man"))
        .keys()
        .map(|p| p.display().to_string())
        .collect()
}

#[test]
fn one_page_per_command() {
    let env = TestEnv::empty();
    let names = pages(&env);
    for page in [
        "ctg.1",
        "ctg-record.1",
        "ctg-init.1",
        "ctg-add-partner.1",
        "ctg-man.1",
    ] {
        assert!(names.iter().any(|n| n == page), "{page}: {names:?}");
    }
    assert_eq!(names.len(), 26, "{names:?}");
    assert!(!names.iter().any(|n| n.contains("__")), "{names:?}");
}

#[test]
fn the_page_is_the_help_text_in_the_sessions_language() {
    let env = TestEnv::empty();
    let en = env.run(&["man"]);
    assert!(en.stdout.starts_with(".ie"), "{}", en.stdout);
    assert!(en.stdout.contains("Append one dated journal entry"));
    let fr = env.run(&["--lang", "fr", "man"]);
    assert!(fr.stdout.contains("Ajouter un suivi daté"), "{}", fr.stdout);
}

#[test]
fn man_renders_every_page_without_a_warning() {
    if crate::report::installed(&["man"], "--version", "man-db").is_none() {
        return;
    }
    let env = TestEnv::empty();
    for page in pages(&env) {
        let path = env.dir.path().join("man").join(&page);
        let out = std::process::Command::new("man")
            .env("LC_ALL", "C.UTF-8")
            .env("MANWIDTH", "80")
            .args(["--warnings", "-l"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.is_empty(),
            "{page}: {stderr}"
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("SYNOPSIS"), "{page}: {text}");
    }
    let ctg = succeed(
        std::process::Command::new("man")
            .env("MANWIDTH", "80")
            .arg("-l")
            .arg(env.dir.path().join("man/ctg.1")),
    );
    assert!(ctg.contains("completions"), "{ctg}");
}

#[test]
fn a_french_plan_gets_french_pages_without_lang() {
    let env = TestEnv::demo();
    let page = env
        .run_with_env(&[("LANG", ""), ("LC_ALL", ""), ("CTG_LANG", "")], &["man"])
        .stdout;
    assert!(page.contains("Ajouter un suivi daté"), "{page}");
    assert!(page.contains("\n.SH NOM\n"), "{page}");
    let english = env.run(&["--lang", "en", "man"]).stdout;
    assert!(
        english.contains("Append one dated journal entry"),
        "{english}"
    );
}

#[test]
fn every_page_has_its_sections_in_its_language() {
    let env = TestEnv::empty();
    let fr = [
        ".SH NOM\n",
        ".SH SYNOPSIS\n",
        ".SH DESCRIPTION\n",
        ".SH OPTIONS\n",
        ".SH \"CODE DE RETOUR\"\n",
        ".SH \"ENVIRONNEMENT\"\n",
        ".SH \"FICHIERS\"\n",
        ".SH \"EXEMPLES\"\n",
        ".SH \"VOIR AUSSI\"\n",
    ];
    let en = [
        ".SH NAME\n",
        ".SH SYNOPSIS\n",
        ".SH DESCRIPTION\n",
        ".SH OPTIONS\n",
        ".SH \"EXIT STATUS\"\n",
        ".SH \"ENVIRONMENT\"\n",
        ".SH \"FILES\"\n",
        ".SH \"EXAMPLES\"\n",
        ".SH \"SEE ALSO\"\n",
    ];
    for (lang, sections) in [("fr", fr), ("en", en)] {
        let out = env.dir.path().join(format!("man-{lang}"));
        let run = env.run(&["--lang", lang, "man", "--output", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        for (page, text) in tree(&out) {
            let text = String::from_utf8_lossy(&text).into_owned();
            for section in sections {
                assert!(text.contains(section), "{lang} {page:?}: {section}: {text}");
            }
            assert!(!text.contains("\u{a0}\n"), "{lang} {page:?}: {text}");
            assert_eq!(text.matches(".ds Aq").count(), 2, "{lang} {page:?}");
        }
    }
    let fr = env.run(&["--lang", "fr", "man"]).stdout;
    assert!(
        fr.contains("\nctg \\- suivre une Convention territoriale globale"),
        "the name once: {fr}"
    );
    assert!(fr.contains(".SH COMMANDES\n"), "{fr}");
}

#[test]
fn the_synopsis_gives_each_option_its_value() {
    let env = TestEnv::empty();
    let out = env.dir.path().join("man");
    let run = env.run(&["--lang", "fr", "man", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let record = std::fs::read_to_string(out.join("ctg-record.1")).unwrap();
    let synopsis = record
        .split(".SH SYNOPSIS\n")
        .nth(1)
        .and_then(|s| s.lines().next())
        .unwrap();
    for part in [
        "\\fBctg record\\fR ",
        "[\\-\\-date <DATE>]",
        "[\\-\\-note <TEXTE>]",
        "[\\-\\-measure <IND=VALEUR>...]",
        "[\\-\\-plan <DOSSIER>]",
        " <ID>",
    ] {
        assert!(synopsis.contains(part), "{part}: {synopsis}");
    }
}

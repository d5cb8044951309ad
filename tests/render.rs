//! Rendering agreements: every sample's pages as text snapshots, page
//! counts, determinism, the outline and the table of contents against the
//! headings, escaping of user values, vanishing empty sections, and broken
//! or hostile templates.
#![allow(clippy::unwrap_used)]

mod common;
use common::cli;

use std::path::{Path, PathBuf};
use std::process::Command;

use pactwright::model::{Agreement, Kind};
use pactwright::render::{self, Paper, Templates};
use pactwright_typeset::layout::OutlineEntry;
use pactwright_typeset::{Block, FontSet, Inline};

const COMPLETE: &str = include_str!("fixtures/complete-sla.agreement.json");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn complete() -> Agreement {
    pactwright::file::parse_str(Path::new("x"), COMPLETE)
        .unwrap()
        .agreement
}

fn samples() -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".agreement.json"))
        .collect();
    list.sort();
    list
}

fn pdf_of(a: &Agreement) -> pactwright_typeset::RenderOutput {
    let templates = Templates::builtin().unwrap();
    let fonts = FontSet::bundled().unwrap();
    render::to_pdf(
        a,
        &templates,
        render::default_template(a.document.kind),
        Paper::A4,
        &fonts,
        false,
    )
    .unwrap()
}

fn all_text(blocks: &[Block], out: &mut String) {
    for b in blocks {
        match b {
            Block::Heading(h) => out.push_str(&Inline::plain_text(&h.content)),
            Block::Paragraph(c) => out.push_str(&Inline::plain_text(c)),
            Block::List { items, .. } => items.iter().for_each(|i| all_text(i, out)),
            Block::Table(t) => {
                for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                    out.push_str(&Inline::plain_text(cell));
                    out.push('\n');
                }
            }
            Block::Quote(b) | Block::Keep(b) | Block::Changed(b) => all_text(b, out),
            Block::CodeBlock(c) => out.push_str(c),
            Block::Signatures(s) => s.iter().for_each(|s| {
                out.push_str(&format!("{}\n{}\n{}\n", s.role, s.name, s.organization))
            }),
            Block::Cover(c) => {
                out.push_str(&c.title);
                out.push('\n');
                out.push_str(&c.subtitle);
                for (k, v) in &c.facts {
                    out.push_str(&format!("\n{k}\n{v}"));
                }
            }
            _ => {}
        }
        out.push('\n');
    }
}

#[test]
fn every_sample_renders_page_by_page() {
    for path in samples() {
        let a = pactwright::file::load(&path).unwrap().agreement;
        let out = pdf_of(&a);
        let name = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".agreement.json", "");
        let mut text = format!("pages: {}\n", out.page_count);
        for (i, page) in out.layout.pages.iter().enumerate() {
            text.push_str(&format!("\n=== page {} ===\n{}\n", i + 1, page.text()));
        }
        insta::assert_snapshot!(format!("sample_{name}"), text);
        assert!(out.warnings.is_empty(), "{name}: {:?}", out.warnings);
    }
}

#[test]
fn same_draft_same_bytes() {
    let a = complete();
    assert_eq!(pdf_of(&a).pdf, pdf_of(&a).pdf);
    for path in samples() {
        let a = pactwright::file::load(&path).unwrap().agreement;
        assert_eq!(pdf_of(&a).pdf, pdf_of(&a).pdf, "{}", path.display());
    }
}

fn flatten(entries: &[OutlineEntry], out: &mut Vec<(u8, String, usize)>) {
    for e in entries {
        out.push((e.level, e.title.clone(), e.page));
        flatten(&e.children, out);
    }
}

#[test]
fn outline_mirrors_headings_and_toc_pages_are_right() {
    let mut list = samples();
    list.push(root().join("tests/fixtures/complete-sla.agreement.json"));
    for path in list {
        let a = pactwright::file::load(&path).unwrap().agreement;
        let templates = Templates::builtin().unwrap();
        let source =
            render::to_markdown(&a, &templates, render::default_template(a.document.kind)).unwrap();
        let doc = render::to_document(&source, &a, render::meta(&a, false));
        let headings = pactwright_typeset::number_headings(&doc.blocks);
        let out = pdf_of(&a);
        let mut outline = Vec::new();
        flatten(&out.layout.outline, &mut outline);
        assert_eq!(outline.len(), headings.len(), "{}", path.display());
        for ((level, title, page), h) in outline.iter().zip(&headings) {
            assert_eq!(*level, h.level);
            assert!(title.contains(&h.title), "{title} vs {}", h.title);
            // The heading is printed on the page the outline points to.
            let text = out.layout.pages[*page].text();
            assert!(
                text.contains(&h.title),
                "{}: `{}` is not on page {}",
                path.display(),
                h.title,
                page + 1
            );
        }
        // Every TOC line ends with the page its heading lands on.
        let toc: String = out
            .layout
            .pages
            .iter()
            .take(4)
            .map(|p| p.text())
            .collect::<Vec<_>>()
            .join("\n");
        for ((level, _, page), h) in outline.iter().zip(&headings) {
            if *level > 3 || h.number.is_empty() {
                continue;
            }
            let wanted = format!("{} {}", h.number, h.title);
            let line = toc
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .find(|l| l.starts_with(&wanted))
                .unwrap_or_else(|| {
                    panic!(
                        "{}: no TOC line for {} {}",
                        path.display(),
                        h.number,
                        h.title
                    )
                });
            let number: String = line
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            assert_eq!(
                number,
                (page + 1).to_string(),
                "{}: TOC line `{line}`",
                path.display()
            );
        }
    }
}

#[test]
fn user_values_print_exactly_as_typed() {
    let nasty = [
        "*not bold* _nor italic_",
        "# not a heading",
        "a | pipe | in a cell",
        "<b>not html</b>",
        "{{document.title}}",
        "back\\slash and `tick`",
        "[not](a link) ![nor](an image)",
        "::: pagebreak",
        "1. not a list",
        "- nor this",
        "> nor a quote",
        "&amp; stays &amp;",
        "  leading and trailing  ",
    ];
    let mut a = complete();
    a.service.outcomes = nasty.iter().map(|s| (*s).to_owned()).collect();
    a.exclusions = nasty.iter().map(|s| (*s).to_owned()).collect();
    a.stakeholders[0].title = nasty.join(" ");
    let templates = Templates::builtin().unwrap();
    let source = render::to_markdown(&a, &templates, "sla").unwrap();
    let doc = render::to_document(&source, &a, render::meta(&a, false));
    let mut text = String::new();
    all_text(&doc.blocks, &mut text);
    for value in nasty {
        assert!(text.contains(value), "`{value}` was not printed as typed");
    }
    assert!(text.contains(&nasty.join(" ")), "table cell changed");
    // Only the template's own page breaks break pages; the typed one is text.
    assert_eq!(
        doc.blocks
            .iter()
            .filter(|b| matches!(b, Block::PageBreak))
            .count(),
        source
            .lines()
            .filter(|l| l.trim() == "::: pagebreak")
            .count()
    );
}

#[test]
fn empty_sections_vanish() {
    for kind in Kind::ALL {
        let a = pactwright::starter::starter(kind);
        let templates = Templates::builtin().unwrap();
        let source = render::to_markdown(&a, &templates, render::default_template(kind)).unwrap();
        for bad in ["None", "null", "undefined", "()", "[]"] {
            assert!(
                !source.contains(bad),
                "{kind:?}: `{bad}` printed:\n{source}"
            );
        }
        // No heading is followed directly by a heading of the same or a
        // higher level: every section has content.
        let doc = render::to_document(&source, &a, render::meta(&a, false));
        let levels: Vec<Option<u8>> = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Heading(h) => Some(h.level),
                _ => None,
            })
            .collect();
        for pair in levels.windows(2) {
            if let [Some(a), Some(b)] = pair {
                assert!(b > a, "{kind:?}: empty section in\n{source}");
            }
        }
        assert!(
            !matches!(levels.last(), Some(Some(_))),
            "{kind:?}: ends with a heading"
        );
    }
}

fn templates_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn render_with(
    files: &[(&str, &str)],
) -> (Result<String, render::TemplateError>, tempfile::TempDir) {
    let dir = templates_dir(files);
    let result =
        Templates::with_dir(dir.path()).and_then(|t| render::to_markdown(&complete(), &t, "sla"));
    (result, dir)
}

fn without_dir(message: String, dir: &Path) -> String {
    message.replace(&dir.display().to_string(), "DIR")
}

#[test]
fn custom_templates_override_partials() {
    let (out, _dir) = render_with(&[("partials/cover.md.hbs", "COVER FOR {{document.title}}\n")]);
    let out = out.unwrap();
    assert!(out.starts_with("COVER FOR Payroll Service SLA"), "{out}");
    assert!(out.contains("# Document control"));
}

#[test]
fn template_errors_name_file_line_and_field() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "missing_field",
            &[("sla.md.hbs", "# Title\n\n{{document.titel}}\n")],
        ),
        (
            "syntax",
            &[("sla.md.hbs", "line one\n{{#if document.title}}\nunclosed\n")],
        ),
        (
            "self_include",
            &[("partials/cover.md.hbs", "x\n{{> partials/cover}}\n")],
        ),
        (
            "mutual_include",
            &[
                ("partials/cover.md.hbs", "{{> partials/a}}"),
                ("partials/a.md.hbs", "\n\n{{> partials/cover}}"),
            ],
        ),
        ("missing_partial", &[("sla.md.hbs", "{{> partials/nope}}")]),
        (
            "dynamic_partial",
            &[("sla.md.hbs", "{{> (lookup document \"title\")}}")],
        ),
    ];
    let mut all = String::new();
    for (name, files) in cases {
        let (result, dir) = render_with(files);
        let err = result.unwrap_err().to_string();
        all.push_str(&format!("{name}: {}\n", without_dir(err, dir.path())));
    }
    insta::assert_snapshot!(all);
}

#[test]
fn render_command_outputs_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pay.agreement.json"), COMPLETE).unwrap();
    let (code, stdout, stderr) = cli(dir.path(), &["render", "pay.agreement.json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("pay.pdf"));
    let pdf = std::fs::read(dir.path().join("pay.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    for (format, ext, marker) in [
        ("md", "md", "# Document control"),
        ("html", "html", "<h1 id="),
    ] {
        let (code, _, stderr) = cli(
            dir.path(),
            &["render", "pay.agreement.json", "--format", format],
        );
        assert_eq!(code, 0, "{stderr}");
        let text = std::fs::read_to_string(dir.path().join(format!("pay.{ext}"))).unwrap();
        assert!(text.contains(marker), "{format}");
    }
    let (code, _, _) = cli(
        dir.path(),
        &[
            "render",
            "pay.agreement.json",
            "-o",
            "letter.pdf",
            "--paper",
            "letter",
        ],
    );
    assert_eq!(code, 0);
}

#[test]
fn render_refuses_errors_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value = serde_json::from_str(COMPLETE).unwrap();
    v["support"]["priorities"][0]["resolution"] = "10 min".into();
    std::fs::write(
        dir.path().join("bad.agreement.json"),
        serde_json::to_vec_pretty(&v).unwrap(),
    )
    .unwrap();
    let (code, _, stderr) = cli(dir.path(), &["render", "bad.agreement.json"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("resolution-before-response"), "{stderr}");
    assert!(!dir.path().join("bad.pdf").exists(), "no output on refusal");
    let (code, _, stderr) = cli(
        dir.path(),
        &[
            "render",
            "bad.agreement.json",
            "--force",
            "--format",
            "html",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(dir.path().join("bad.html")).unwrap();
    assert!(
        html.contains("class=\"watermark\""),
        "forced render is marked DRAFT"
    );
}

#[test]
fn broken_template_gives_exit_2_and_no_output() {
    let dir = templates_dir(&[("sla.md.hbs", "{{#each}}")]);
    std::fs::write(dir.path().join("pay.agreement.json"), COMPLETE).unwrap();
    let (code, _, stderr) = cli(
        dir.path(),
        &["render", "pay.agreement.json", "--templates", "."],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("sla.md.hbs"), "{stderr}");
    assert!(!dir.path().join("pay.pdf").exists());
    let (code, _, stderr) = cli(
        dir.path(),
        &["render", "pay.agreement.json", "--template", "nope"],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no template `nope`"), "{stderr}");
}

#[test]
fn template_file_given_as_path() {
    let dir = templates_dir(&[(
        "mine.md.hbs",
        "# {{service.name}} in brief\n\n{{percent availability.target}} available.\n",
    )]);
    std::fs::write(dir.path().join("pay.agreement.json"), COMPLETE).unwrap();
    let (code, _, stderr) = cli(
        dir.path(),
        &[
            "render",
            "pay.agreement.json",
            "--template",
            "./mine.md.hbs",
            "--format",
            "md",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let md = std::fs::read_to_string(dir.path().join("pay.md")).unwrap();
    assert_eq!(md, "# Payroll in brief\n\n99\\.9\\% available.\n");
}

/// The PDF's text, as `pdftotext` extracts it page by page, holds every
/// word the layout put on that page (tables extract column by column, so
/// words are compared as a multiset), and the headings of each page come
/// out in reading order.
#[test]
fn pdftotext_extracts_every_word_and_headings_in_order() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("pdftotext is not installed; skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    for path in samples() {
        let a = pactwright::file::load(&path).unwrap().agreement;
        let templates = Templates::builtin().unwrap();
        let source =
            render::to_markdown(&a, &templates, render::default_template(a.document.kind)).unwrap();
        let doc = render::to_document(&source, &a, render::meta(&a, false));
        let headings = pactwright_typeset::number_headings(&doc.blocks);
        let out = pdf_of(&a);
        let pdf = dir.path().join("s.pdf");
        std::fs::write(&pdf, &out.pdf).unwrap();
        let mut outline = Vec::new();
        flatten(&out.layout.outline, &mut outline);
        for (i, page) in out.layout.pages.iter().enumerate() {
            let n = (i + 1).to_string();
            let extracted = Command::new("pdftotext")
                .args(["-f", &n, "-l", &n, "-enc", "UTF-8"])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&extracted.stdout).into_owned();
            let mut words: std::collections::HashMap<String, i64> =
                std::collections::HashMap::new();
            for w in text.split_whitespace() {
                *words.entry(squash(w)).or_default() += 1;
            }
            let all = squash(&text);
            for w in page
                .text()
                .split_whitespace()
                .map(squash)
                .filter(|w| !w.is_empty())
            {
                // A word hyphenated at a line end extracts as two pieces.
                let left = words.entry(w.clone()).or_default();
                *left -= 1;
                assert!(
                    *left >= 0 || all.contains(&w),
                    "{} page {}: `{w}` is not in the extracted text",
                    path.display(),
                    i + 1
                );
            }
            let mut at = 0;
            for ((_, _, p), h) in outline.iter().zip(&headings) {
                if *p != i {
                    continue;
                }
                let title = squash(&h.title);
                match all[at..].find(&title) {
                    Some(pos) => at += pos + title.len(),
                    None => panic!(
                        "{} page {}: heading `{}` is out of order in the extracted text",
                        path.display(),
                        i + 1,
                        h.title
                    ),
                }
            }
        }
    }
}

#[test]
fn a_character_no_font_has_is_drawn_as_a_placeholder_and_named_with_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value = serde_json::from_str(COMPLETE).unwrap();
    // U+0378 is unassigned: no font anywhere has a glyph for it.
    v["service"]["outcomes"][0] = "Outcome with \u{378} in it".into();
    std::fs::write(
        dir.path().join("odd.agreement.json"),
        serde_json::to_vec_pretty(&v).unwrap(),
    )
    .unwrap();
    let (code, _, stderr) = cli(dir.path(), &["render", "odd.agreement.json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("U+0378"), "{stderr}");
    assert!(stderr.contains("/service/outcomes/0"), "{stderr}");
    assert!(dir.path().join("odd.pdf").exists());
}

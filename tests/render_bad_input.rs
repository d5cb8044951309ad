//! Hostile content through the whole pipeline (draft -> templates ->
//! layout -> PDF): each renders, with nothing outside the page, no panic
//! and no hang, or fails with a clear message.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use pactwright::model::{Agreement, Clause, ServiceAction};
use pactwright::render::{self, Paper, Templates};
use pactwright_typeset::layout::{Item, Role};
use pactwright_typeset::{FontSet, RenderOutput, WarningKind};

const COMPLETE: &str = include_str!("fixtures/complete-sla.agreement.json");

fn complete() -> Agreement {
    pactwright::file::parse_str(Path::new("x"), COMPLETE)
        .unwrap()
        .agreement
}

fn render_pdf(a: &Agreement, fonts: &FontSet) -> RenderOutput {
    let templates = Templates::builtin().unwrap();
    render::to_pdf(a, &templates, "sla", Paper::A4, fonts, false).unwrap()
}

/// Every glyph run lies inside its page (chrome included; the watermark is
/// rotated and exempt).
#[track_caller]
fn assert_on_pages(out: &RenderOutput) {
    for (i, page) in out.layout.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Text(t) = item {
                if t.role == Role::Watermark {
                    continue;
                }
                let right = t.x + t.width();
                assert!(
                    t.x >= 0.0 && right <= page.width + 0.5 && t.y >= 0.0 && t.y <= page.height,
                    "page {}: text `{}` at x {}..{} y {} runs off a {}x{} page",
                    i + 1,
                    t.text.chars().take(40).collect::<String>(),
                    t.x,
                    right,
                    t.y,
                    page.width,
                    page.height
                );
            }
        }
    }
}

fn text_of(out: &RenderOutput) -> String {
    out.layout
        .pages
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
}

fn qpdf_ok(pdf: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, pdf).unwrap();
    match Command::new("qpdf").arg("--check").arg(&path).output() {
        Ok(out) => assert!(
            out.status.success(),
            "qpdf --check: {}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(_) => eprintln!("qpdf is not installed; skipping its check"),
    }
}

#[test]
fn control_characters_nul_and_template_syntax_in_values() {
    let mut a = complete();
    a.service.outcomes = vec![
        "tab\there, bell\u{7} and NUL\u{0} inside".to_owned(),
        "{{document.title}} and {{{raw}}} stay literal".to_owned(),
        "line one\nline two\r\nline three".to_owned(),
    ];
    let out = render_pdf(&a, &FontSet::bundled().unwrap());
    assert_on_pages(&out);
    let text = text_of(&out);
    assert!(
        text.contains("{{document.title}} and {{{raw}}} stay literal"),
        "{text}"
    );
    assert!(text.contains("line two"));
    assert!(
        text.contains("NUL\u{FFFD} inside") || text.contains("NUL"),
        "{text}"
    );
    qpdf_ok(&out.pdf);
}

#[test]
fn scripts_beyond_the_bundled_fonts() {
    let mut a = complete();
    a.service.outcomes = vec![
        "Greek: Συμφωνία επιπέδου υπηρεσιών".to_owned(),
        "Cyrillic: Соглашение об уровне обслуживания".to_owned(),
        "CJK: 服务级别协议".to_owned(),
        "Arabic: اتفاقية مستوى الخدمة".to_owned(),
        "Hebrew: הסכם רמת שירות".to_owned(),
        "Combining: e\u{301}te\u{301} and a\u{30a}".to_owned(),
        "Emoji: ✅ 🚀".to_owned(),
    ];
    let fonts = FontSet::bundled()
        .unwrap()
        .with_fallback(FontSet::system_database());
    let out = render_pdf(&a, &fonts);
    assert_on_pages(&out);
    let text = text_of(&out);
    assert!(text.contains("Συμφωνία επιπέδου υπηρεσιών"));
    assert!(text.contains("Соглашение об уровне обслуживания"));
    qpdf_ok(&out.pdf);
    // Without any fallback, characters no font has are drawn as a visible
    // placeholder and named in a warning.
    let bare = render_pdf(&a, &FontSet::bundled().unwrap());
    assert_on_pages(&bare);
    assert!(
        bare.warnings
            .iter()
            .any(|w| w.kind == WarningKind::MissingGlyph { ch: '\u{670D}' }),
        "{:?}",
        bare.warnings
    );
}

#[test]
fn a_20000_character_word_is_broken_not_lost() {
    let mut a = complete();
    let word: String = "x".repeat(20_000);
    a.service.description = word.clone();
    a.stakeholders[0].title = "y".repeat(20_000);
    let out = render_pdf(&a, &FontSet::bundled().unwrap());
    assert_on_pages(&out);
    let count = text_of(&out).chars().filter(|c| *c == 'x').count();
    assert!(count >= 20_000, "only {count} of 20000 characters printed");
}

#[test]
fn a_table_cell_longer_than_a_page() {
    let mut a = complete();
    a.exclusions = vec!["long ".repeat(3_000)];
    a.offering.actions[0].trigger = "Cell text that goes on. ".repeat(800);
    let out = render_pdf(&a, &FontSet::bundled().unwrap());
    assert_on_pages(&out);
    assert!(out.page_count > 8);
}

#[test]
fn two_thousand_service_actions() {
    let mut a = complete();
    let template = a.offering.actions[0].clone();
    a.offering.actions = (0..2_000)
        .map(|i| ServiceAction {
            action: format!("Service action number {i}"),
            ..template.clone()
        })
        .collect();
    let out = render_pdf(&a, &FontSet::bundled().unwrap());
    assert_on_pages(&out);
    let text = text_of(&out);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("number 1999"), "the last action is missing");
    assert!(out.page_count > 40, "{}", out.page_count);
}

#[test]
fn a_clause_of_one_megabyte() {
    let mut a = complete();
    let paragraph =
        "This clause is long and says the same thing again and again, which is tedious but legal. "
            .repeat(40);
    let mut body = String::new();
    while body.len() < 1_000_000 {
        body.push_str(&paragraph);
        body.push_str("\n\n");
    }
    a.clauses = vec![Clause {
        title: "An extremely long clause".to_owned(),
        body,
    }];
    let out = render_pdf(&a, &FontSet::bundled().unwrap());
    assert_on_pages(&out);
    assert!(out.page_count > 200, "{}", out.page_count);
}

#[test]
fn hostile_clause_markdown_stays_inside_its_clause() {
    let templates = Templates::builtin().unwrap();
    // Each of these once added a heading or swallowed the signatures.
    for body in [
        "# Not a chapter\n\n::: pagebreak\n\n<script>alert(1)</script>\n\n```\nunclosed code",
        "Not a chapter\n===",
        "Not a chapter\n---",
        "> # Not a chapter",
        "- # Not a chapter",
        "Not a chapter\n\n---\nNot a chapter either\n---",
        "```\naaa\n~~~\n```",
        "```foo``",
        "<style\nunclosed",
        "- item\n\n  ```\n  opened in a list item",
        "::: signatures\nNobody | Fake | Signer\n:::",
    ] {
        let mut a = complete();
        a.clauses = vec![Clause {
            title: "Hostile".to_owned(),
            body: body.to_owned(),
        }];
        let md = render::to_markdown(&a, &templates, "sla").unwrap();
        let doc = render::to_document(&md, &a, render::meta(&a, false));
        let headings: Vec<String> = pactwright_typeset::number_headings(&doc.blocks)
            .into_iter()
            .map(|h| h.title)
            .collect();
        assert!(
            !headings.iter().any(|h| h.starts_with("Not a chapter")),
            "{body:?} added a heading: {headings:?}"
        );
        let after = headings.iter().position(|h| h == "Hostile").unwrap();
        assert_eq!(
            headings[after + 1..],
            ["Signatures"],
            "{body:?} swallowed what follows"
        );
        let (_, signatories) = headings_and_signatures(&doc);
        assert_eq!(
            signatories
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>(),
            [
                "Dana Whitfield, Service Owner, Payroll",
                "Imran Qureshi, Finance Director"
            ],
            "{body:?}"
        );
    }
    let mut a = complete();
    a.clauses = vec![Clause {
        title: "Hostile".to_owned(),
        body: "<script>alert(1)</script>".to_owned(),
    }];
    let out = render_pdf(&a, &FontSet::bundled().unwrap());
    assert!(text_of(&out).contains("<script>alert(1)</script>"));
}

/// The examples of the CommonMark specification (npm package
/// `commonmark-spec`, installed by `scripts/test.sh`), tabs restored.
fn commonmark_examples() -> Vec<(usize, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/commonmark-spec/node_modules/commonmark-spec/spec.txt");
    let spec = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; install the test data with `npm ci --prefix tests/commonmark-spec` (scripts/test.sh does)",
            path.display()
        )
    });
    let fence = "`".repeat(32);
    let mut examples = Vec::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line != format!("{fence} example") {
            continue;
        }
        let mut markdown = String::new();
        for l in lines.by_ref() {
            if l == "." {
                break;
            }
            markdown.push_str(l);
            markdown.push('\n');
        }
        for l in lines.by_ref() {
            if l == fence {
                break;
            }
        }
        examples.push((examples.len() + 1, markdown.replace('→', "\t")));
    }
    examples
}

/// The headings of a document, and its signature blocks, wherever they are.
fn headings_and_signatures(
    doc: &pactwright_typeset::Document,
) -> (Vec<String>, Vec<pactwright_typeset::Signatory>) {
    fn signatures(
        blocks: &[pactwright_typeset::Block],
        out: &mut Vec<pactwright_typeset::Signatory>,
    ) {
        for b in blocks {
            match b {
                pactwright_typeset::Block::Signatures(s) => out.extend(s.iter().cloned()),
                pactwright_typeset::Block::Keep(inner) => signatures(inner, out),
                _ => {}
            }
        }
    }
    let headings = pactwright_typeset::number_headings(&doc.blocks)
        .into_iter()
        .map(|h| format!("{} {}", h.number, h.title))
        .collect();
    let mut signed = Vec::new();
    signatures(&doc.blocks, &mut signed);
    (headings, signed)
}

/// Every example of the CommonMark specification as the body of a clause
/// that another clause and the signatures follow: it renders, it adds no
/// heading (the outline is the template's headings and the clause titles),
/// everything after it is there, every word lies on the page, and the
/// Markdown file (`render --format md`) reads back as the same blocks.
#[test]
fn no_commonmark_example_breaks_out_of_its_clause() {
    let examples = commonmark_examples();
    assert!(
        examples.len() >= 600,
        "only {} examples found",
        examples.len()
    );
    let templates = Templates::builtin().unwrap();
    let fonts = FontSet::bundled().unwrap();
    let with_body = |body: &str| {
        let mut a = complete();
        a.clauses = vec![
            Clause {
                title: "Hostile clause".to_owned(),
                body: body.to_owned(),
            },
            Clause {
                title: "Clause after".to_owned(),
                body: "The sentinel paragraph after the hostile clause.".to_owned(),
            },
        ];
        a
    };
    let baseline = with_body("Plain words.");
    let source = render::to_markdown(&baseline, &templates, "sla").unwrap();
    let (outline, signatories) = headings_and_signatures(&render::to_document(
        &source,
        &baseline,
        render::meta(&baseline, false),
    ));
    assert!(
        outline.iter().any(|h| h.ends_with(" Hostile clause")),
        "{outline:?}"
    );
    assert!(
        outline.last().is_some_and(|h| h.ends_with(" Signatures")),
        "{outline:?}"
    );
    assert_eq!(signatories.len(), 2);

    let check = |(number, body): &(usize, String)| -> Result<(), String> {
        let a = with_body(body);
        let source = render::to_markdown(&a, &templates, "sla").map_err(|e| e.to_string())?;
        let doc = render::to_document(&source, &a, render::meta(&a, false));
        let (got_outline, got_signatories) = headings_and_signatures(&doc);
        if got_outline != outline {
            return Err(format!("example {number}: outline {got_outline:?}"));
        }
        if got_signatories != signatories {
            return Err(format!("example {number}: signatures {got_signatories:?}"));
        }
        let layout =
            pactwright_typeset::layout::layout(&doc, &render::layout_options(Paper::A4), &fonts)
                .map_err(|e| format!("example {number}: {e}"))?;
        let out = RenderOutput {
            pdf: Vec::new(),
            page_count: layout.pages.len(),
            warnings: Vec::new(),
            layout,
            document: doc,
        };
        let text = text_of(&out);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for needle in [
            "The sentinel paragraph after the hostile clause.",
            "Dana Whitfield",
            "Imran Qureshi",
        ] {
            if !flat.contains(needle) {
                return Err(format!(
                    "example {number}: `{needle}` is missing from the pages"
                ));
            }
        }
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| assert_on_pages(&out)))
            .map_err(|_| format!("example {number}: text off the page"))?;
        let file = render::markdown_file(&source, &a);
        let reread = pactwright_typeset::markdown::parse(&file, render::meta(&a, false));
        if reread.blocks != out.document.blocks {
            return Err(format!(
                "example {number}: the Markdown file reads back differently:\n{file}"
            ));
        }
        Ok(())
    };
    let failures: Vec<String> = std::thread::scope(|scope| {
        let halves: Vec<_> = [0, 1]
            .map(|half| {
                let examples = &examples;
                let check = &check;
                scope.spawn(move || {
                    examples
                        .iter()
                        .skip(half)
                        .step_by(2)
                        .filter_map(|e| check(e).err())
                        .collect::<Vec<_>>()
                })
            })
            .into_iter()
            .collect();
        halves.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} examples broke out:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}

/// A clause body nested 50,000 levels deep (quotes, then list items) renders
/// in the command line to PDF, HTML and Markdown, with the flattening said
/// in a warning.
#[test]
fn deeply_nested_clause_bodies_render_in_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("samples/it-service-desk.agreement.json"),
        )
        .unwrap(),
    )
    .unwrap();
    // Edited after its approval and signatures: rendered with --force.
    v["clauses"] = serde_json::json!([
        { "title": "Deep quote", "body": format!("{}x", "> ".repeat(50_000)) },
        { "title": "Deep list", "body": format!("{}y", "- ".repeat(50_000)) },
    ]);
    let path = dir.path().join("deep.agreement.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    for format in ["pdf", "html", "md"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pactwright"))
            .args([
                "render",
                "deep.agreement.json",
                "--format",
                format,
                "--force",
            ])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        if format != "md" {
            assert!(stderr.contains("flattened"), "{format}: {stderr}");
        }
    }
}

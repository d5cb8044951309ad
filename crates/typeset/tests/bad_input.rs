//! Hostile and degenerate inputs: nothing may panic, hang, or print
//! outside the printable area.
#![allow(clippy::unwrap_used)]

mod common;

use pactwright_typeset::layout::LayoutOptions;
use pactwright_typeset::{Paper, RenderOptions, WarningKind, layout, markdown, pdf};
use std::time::Instant;

fn check(name: &str, src: &str) {
    for paper in [Paper::A4, Paper::Letter] {
        let opts = LayoutOptions {
            paper,
            ..LayoutOptions::default()
        };
        let start = Instant::now();
        let doc = markdown::parse(src, common::meta());
        let lay = layout::layout(&doc, &opts, common::fonts()).unwrap();
        let n = common::assert_inside(&lay, &opts);
        let bytes = pdf::write_pdf(&lay, &doc.meta).unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        eprintln!(
            "{name}: {} pages, {n} runs, {} warnings, {:?}",
            lay.pages.len(),
            lay.warnings.len(),
            start.elapsed()
        );
    }
}

#[test]
fn many_list_items() {
    let src: String = (0..2000)
        .map(|i| format!("- item number {i} with some words\n"))
        .collect();
    check("2000 bullets", &src);
    let src: String = (0..2000)
        .map(|i| format!("{}. ordered {i}\n", i + 1))
        .collect();
    check("2000 ordered", &src);
}

#[test]
fn deeply_nested_lists() {
    let mut src = String::new();
    for d in 0..60 {
        src.push_str(&"  ".repeat(d));
        src.push_str("- level item with text that wraps around the line a few times maybe\n");
    }
    check("nested lists", &src);
}

#[test]
fn huge_paragraph_with_spaces() {
    let words = [
        "service",
        "level",
        "agreement",
        "availability",
        "incident",
        "résumé",
        "Ωmega",
        "дата",
    ];
    let mut src = String::new();
    let mut i = 0;
    while src.len() < 1_000_000 {
        src.push_str(words[i % words.len()]);
        src.push(' ');
        i += 1;
    }
    check("1 MB paragraph", &src);
}

#[test]
fn long_word_without_spaces() {
    check("20k word", &"x".repeat(20_000));
    check("1 MB word", &"abcdefghij".repeat(100_000));
    check("long word with combining marks", &"e\u{301}".repeat(5_000));
}

#[test]
fn table_cell_longer_than_a_page() {
    let long = "clause ".repeat(6000);
    let src = format!(
        "| A | B |\n|---|---|\n| short | {long} |\n| {} | x |\n",
        "y".repeat(3000)
    );
    check("tall cell", &src);
}

#[test]
fn control_characters_and_nul() {
    let mut s = String::from("Before ");
    for c in 0u32..0x20 {
        s.push(char::from_u32(c).unwrap());
    }
    s.push('\u{7f}');
    s.push_str("\u{85}\u{9f} after\0\0 # not heading");
    check("controls", &s);
    check(
        "controls in table",
        &format!("| a |\n|---|\n| {} |\n", s.replace('\n', " ")),
    );
}

#[test]
fn emoji_cjk_rtl_without_fallback() {
    let src = "Emoji 😀👍🏽👨‍👩‍👧 and 中文字符 and العربية and עברית.\n\n| 表 | 😀 |\n|---|---|\n| مرحبا | x |\n";
    let doc = markdown::parse(src, common::meta());
    let lay = layout::layout(&doc, &LayoutOptions::default(), common::fonts()).unwrap();
    common::assert_inside(&lay, &LayoutOptions::default());
    assert!(
        lay.warnings
            .iter()
            .any(|w| w.kind == WarningKind::MissingGlyph { ch: '\u{1F600}' }),
        "missing-glyph warning names the character: {:?}",
        lay.warnings
    );
    assert!(lay.warnings.iter().all(|w| w.location.starts_with("block")));
}

#[test]
fn empty_and_whitespace_documents() {
    check("empty", "");
    check("spaces", "   \n\n\t\n");
    check(
        "only directives",
        "::: pagebreak\n::: pagebreak\n::: toc\n::: keep\n:::\n::: signatures\n:::\n",
    );
    check("unclosed", "::: keep\n# Heading\ntext");
    check("deep divs", &"::: keep\n".repeat(200));
    check(
        "huge table",
        &format!("|{}\n|{}\n", "h|".repeat(200), "-|".repeat(200)),
    );
}

#[test]
fn full_pipeline_fast_enough_in_debug() {
    // Not a benchmark (see BENCHMARKS.md): only catches accidental blowups.
    let src = "# Title\n\nSome text here. ".repeat(200);
    let start = Instant::now();
    let out = pactwright_typeset::render_markdown_to_pdf(
        &src,
        &RenderOptions::default(),
        common::fonts(),
    )
    .unwrap();
    assert!(out.page_count > 1);
    assert!(start.elapsed().as_secs() < 30);
}

#[test]
fn random_markup_soup() {
    // Deterministic pseudo-random documents from Markdown-significant pieces.
    let pieces = [
        "# ",
        "## ",
        "#### ",
        "- ",
        "1. ",
        "> ",
        "| a | b |\n|---|---|\n",
        "| x |",
        "```\n",
        "~~~",
        "::: keep\n",
        "::: signatures\n",
        "::: cover\n",
        ":::\n",
        "::: toc\n",
        "::: pagebreak\n",
        "::: note\n",
        "*",
        "**",
        "_",
        "`",
        "[",
        "](#x)",
        "](http://e.x)",
        "<b>",
        "\\",
        "\n",
        "\n\n",
        "    ",
        "\t",
        "{.unnumbered}",
        "{#id}",
        "word ",
        "long-compound-word-with-hyphens ",
        "Ελληνικά ",
        "العربية ",
        "中文",
        "😀",
        "e\u{301}",
        "\u{0}",
        "\u{202E}",
        "\u{200B}",
        "&amp;",
        "&#0;",
        "|",
        "Title: x\n",
        "A | B | C\n",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for round in 0..150 {
        let mut src = String::new();
        for _ in 0..(20 + round) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            src.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        let doc = markdown::parse(&src, common::meta());
        let opts = LayoutOptions::default();
        let lay = layout::layout(&doc, &opts, common::fonts()).unwrap();
        common::assert_inside(&lay, &opts);
        pdf::write_pdf(&lay, &doc.meta).unwrap();
    }
}

#[test]
fn cover_with_huge_values_flows_instead_of_overflowing() {
    let word = "x".repeat(20_000);
    let src = format!(
        "::: cover\nTitle: {word}\nSubtitle: {}\nOwner: {}\nShort: value\n:::\n\n# After\n\ntext\n",
        "sub ".repeat(2000),
        "y".repeat(20_000)
    );
    check("huge cover", &src);
    let doc = markdown::parse(&src, common::meta());
    let lay = layout::layout(&doc, &LayoutOptions::default(), common::fonts()).unwrap();
    let text: String = lay.pages.iter().map(|p| p.text()).collect();
    assert!(text.matches('x').count() >= 20_000, "title characters lost");
    assert_eq!(
        text.matches('y').count(),
        20_000 + text.matches("y").count() - text.matches('y').count()
    );
    assert!(lay.pages.iter().take_while(|p| p.cover).count() > 1);
    assert!(text.contains("SHORT value"));
}

#[test]
fn signatory_fields_longer_than_a_page() {
    let long = "y".repeat(20_000);
    check(
        "huge signatory",
        &format!("::: signatures\n{long} | Ann | {long}\nB | {long} | C\nD | E | F\n:::\n"),
    );
}

/// The depth of the deepest block nesting in a tree.
fn depth(blocks: &[pactwright_typeset::doc::Block]) -> usize {
    use pactwright_typeset::doc::Block;
    // Iterative, so that the test itself survives a deep tree.
    let mut deepest = 0;
    let mut todo: Vec<(&[Block], usize)> = vec![(blocks, 1)];
    while let Some((list, d)) = todo.pop() {
        deepest = deepest.max(d);
        for b in list {
            match b {
                Block::Quote(inner) | Block::Keep(inner) | Block::Changed(inner) => {
                    todo.push((inner, d + 1))
                }
                Block::List { items, .. } => {
                    for item in items {
                        todo.push((item, d + 1));
                    }
                }
                _ => {}
            }
        }
    }
    deepest
}

fn has_x(blocks: &[pactwright_typeset::doc::Block]) -> bool {
    use pactwright_typeset::doc::{Block, Inline};
    let mut todo: Vec<&[Block]> = vec![blocks];
    while let Some(list) = todo.pop() {
        for b in list {
            match b {
                Block::Paragraph(inl) if Inline::plain_text(inl).contains('x') => return true,
                Block::Quote(inner) | Block::Keep(inner) | Block::Changed(inner) => {
                    todo.push(inner)
                }
                Block::List { items, .. } => todo.extend(items.iter().map(Vec::as_slice)),
                _ => {}
            }
        }
    }
    false
}

#[test]
fn nesting_50000_deep_is_flattened_with_a_warning_and_lays_out() {
    use pactwright_typeset::markdown;
    for (what, src) in [
        ("block quotes", format!("{}x", "> ".repeat(50_000))),
        ("list items", format!("{}x", "- ".repeat(50_000))),
        (
            "emphasis",
            format!("{}x{}", "*a ".repeat(20_000), " b*".repeat(20_000)),
        ),
    ] {
        let doc = markdown::parse(&src, Default::default());
        assert!(
            depth(&doc.blocks) <= markdown::MAX_NESTING + 1,
            "{what}: depth {}",
            depth(&doc.blocks)
        );
        if what != "emphasis" {
            assert_eq!(doc.warnings.len(), 1, "{what}: {:?}", doc.warnings);
            assert_eq!(
                doc.warnings[0].kind,
                WarningKind::NestingFlattened {
                    depth: markdown::MAX_NESTING
                },
                "{what}"
            );
        }
        // The text is still there.
        assert!(has_x(&doc.blocks), "{what}: the text was lost");
        // Lay it out on a thread with the app's 2 MiB stack.
        let fonts = pactwright_typeset::FontSet::bundled().unwrap();
        let layout = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                pactwright_typeset::layout::layout(&doc, &Default::default(), &fonts)
                    .map(|l| l.pages.len())
            })
            .unwrap()
            .join()
            .expect("layout overflowed its stack")
            .unwrap();
        assert!(layout >= 1, "{what}");
    }
}

//! `markdown::escape` round trips: an escaped value, inserted into
//! paragraph text or a table cell, parses back to exactly that value.
#![allow(clippy::unwrap_used)]

use pactwright_typeset::markdown::{escape, escaped_rendering, parse};
use pactwright_typeset::{Block, Inline, Meta};

/// Plain text of an inline list with line breaks as `\n`.
fn text(inl: &[Inline]) -> String {
    Inline::plain_text(inl)
}

fn in_paragraph(value: &str) -> String {
    let src = format!("Before {} after\n", escape(value));
    let doc = parse(&src, Meta::default());
    assert_eq!(
        doc.blocks.len(),
        1,
        "one block for {value:?}: {:?}",
        doc.blocks
    );
    match &doc.blocks[0] {
        Block::Paragraph(inl) => {
            // Only plain text and line breaks: nothing was interpreted.
            assert!(
                inl.iter()
                    .all(|i| matches!(i, Inline::Text(_) | Inline::LineBreak)),
                "{value:?} produced markup: {inl:?}"
            );
            text(inl)
        }
        other => panic!("{value:?} became {other:?}"),
    }
}

fn alone(value: &str) -> Option<String> {
    let doc = parse(&format!("{}\n", escape(value)), Meta::default());
    match doc.blocks.as_slice() {
        [] => None,
        [Block::Paragraph(inl)] => Some(text(inl)),
        other => panic!("{value:?} alone became {other:?}"),
    }
}

fn in_cell(value: &str) -> String {
    let src = format!("| h | k |\n|---|---|\n| {} | z |\n", escape(value));
    let doc = parse(&src, Meta::default());
    match doc.blocks.as_slice() {
        [Block::Table(t)] => {
            assert_eq!(t.rows.len(), 1, "{value:?} split the row");
            assert_eq!(t.rows[0].len(), 2, "{value:?} changed the column count");
            assert_eq!(text(&t.rows[0][1]), "z");
            text(&t.rows[0][0])
        }
        other => panic!("{value:?} in a cell became {other:?}"),
    }
}

const CASES: &[&str] = &[
    "",
    "plain",
    "*bold*",
    "**strong** and _em_ and __u__",
    "# heading",
    "## two",
    "#not heading",
    "a | b | c",
    "|",
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "<!-- comment -->",
    "<http://example.com>",
    "{{x}}",
    "{{{triple}}}",
    "{.unnumbered}",
    "back\\slash\\",
    "\\*",
    "\\",
    "`code`",
    "``double``",
    "```",
    "~~~",
    "[link](http://x)",
    "[ref][1]",
    "![img](a.png)",
    "[",
    "]",
    "::: pagebreak",
    ":::",
    "::: signatures",
    "1. one",
    "1) one",
    "- dash",
    "+ plus",
    "* star",
    "> quote",
    "---",
    "===",
    "___",
    "&amp; &lt; &#35; &#x41;",
    "& alone",
    "trailing two spaces  ",
    "  leading spaces",
    "    four spaces indent",
    "\ttab",
    "a\tb",
    "line one\nline two",
    "windows\r\nnewline",
    "old mac\rnewline",
    "\n\nblank lines\n\n",
    "ends with backslash\\\nnext",
    "~strike~ ~~strike~~",
    "$math$",
    "^sup^ ~sub~",
    "Ünïcödé ✓ — “quotes” ‘single’ «guillemets»",
    "日本語テキスト",
    "مرحبا بالعالم",
    "emoji 😀👍🏽",
    "e\u{301} combining",
    "zero\u{200B}width",
    "nbsp\u{a0}here",
    "line\u{2028}separator",
    "percent % dollar $ at @ caret ^ tilde ~",
    "1\\. escaped already",
    "   ",
    "a  b   c",
    "x*y*z",
    "snake_case_name",
    "http://example.com/a_b*c",
    "<",
    ">",
    "-",
    "+",
    "#",
    "=",
    "a\n# heading after newline",
    "a\n- list after newline",
    "a\n::: pagebreak",
    "a\n    indented",
    "a\n|b|",
    "a\n---",
    "a\n===",
];

#[test]
fn round_trips_in_paragraphs_and_cells() {
    for value in CASES {
        let expected = escaped_rendering(value);
        assert_eq!(
            in_paragraph(value),
            format!("Before {expected} after"),
            "paragraph: {value:?}"
        );
        assert_eq!(in_cell(value), expected, "cell: {value:?}");
        match alone(value) {
            Some(t) => assert_eq!(t, expected, "alone: {value:?}"),
            None => assert!(value.is_empty(), "{value:?} vanished"),
        }
    }
}

#[test]
fn every_ascii_character() {
    for b in 0u8..=127 {
        let c = char::from(b);
        for value in [
            c.to_string(),
            format!("{c}{c}{c}"),
            format!("x{c}y{c}"),
            format!("{c} x"),
        ] {
            let expected = escaped_rendering(&value);
            assert_eq!(
                in_paragraph(&value),
                format!("Before {expected} after"),
                "{value:?}"
            );
            assert_eq!(in_cell(&value), expected, "cell {value:?}");
        }
    }
}

#[test]
fn pairs_of_punctuation_at_line_start() {
    let punct: Vec<char> = (33u8..127)
        .map(char::from)
        .filter(|c| c.is_ascii_punctuation())
        .collect();
    for a in &punct {
        for b in &punct {
            let value = format!("{a}{b} tail");
            assert_eq!(alone(&value).unwrap(), value, "{value:?}");
        }
    }
}

#[test]
fn control_characters_become_visible_replacements() {
    let value = "a\u{0}b\u{1b}c\u{7f}d\u{85}e";
    assert_eq!(
        in_paragraph(value),
        "Before a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e after"
    );
}

#[test]
fn escape_output_is_readable() {
    assert_eq!(
        escape("*Hi* | <b>{{x}}</b>\n1. `a` [b] ::: \\ #  "),
        "\\*Hi\\* \\| \\<b\\>\\{\\{x\\}\\}\\<\\/b\\>\u{2028}1\\. \\`a\\` \\[b\\] \\:\\:\\: \\\\ \\#&#32;&#32;"
    );
}

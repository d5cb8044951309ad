//! Change marks for redlines: `::: changed` blocks get a bar in the left
//! margin, `<ins>` text a line under it and `<del>` text a line through it,
//! in the template's source only (never in a fragment, never from an
//! escaped value), and the Markdown writer writes them back.
#![allow(clippy::unwrap_used)]

mod common;

use pactwright_typeset::layout::{Item, Layout, LayoutOptions};
use pactwright_typeset::{Block, Inline, layout, markdown};

fn render(src: &str, fragments: &[&str]) -> Layout {
    let doc = markdown::parse_with(src, fragments, common::meta());
    layout::layout(&doc, &LayoutOptions::default(), common::fonts()).unwrap()
}

/// Short horizontal lines on page 1 (not the header's and footer's rules
/// across the page): (from x, to x, y).
fn lines(l: &Layout) -> Vec<(f32, f32, f32)> {
    l.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Line { from, to, .. } if from.1 == to.1 && to.0 - from.0 < 200.0 => {
                Some((from.0, to.0, from.1))
            }
            _ => None,
        })
        .collect()
}

fn text_runs(l: &Layout) -> Vec<(String, f32, f32, f32)> {
    l.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some((t.text.clone(), t.x, t.x + t.width(), t.y)),
            _ => None,
        })
        .collect()
}

#[test]
fn inserted_is_underlined_and_deleted_struck_through() {
    let l = render(
        "Resolve within <del>four</del> <ins>two</ins> hours.\n",
        &[],
    );
    let text = l.pages[0].text();
    assert!(text.contains("Resolve within four two hours."), "{text}");
    let runs = text_runs(&l);
    let baseline = runs.iter().find(|r| r.0.contains("Resolve")).unwrap().3;
    let lines = lines(&l);
    assert_eq!(lines.len(), 2, "{lines:?}");
    // One line through "four" (above the baseline), one under "two".
    let (through, under) = (lines[0], lines[1]);
    assert!(
        through.2 < baseline && under.2 > baseline,
        "{lines:?} baseline {baseline}"
    );
    assert!(through.1 - through.0 > 5.0 && under.1 - under.0 > 5.0);
    assert!(through.1 <= under.0, "the deletion comes first: {lines:?}");
}

#[test]
fn marks_are_read_only_in_the_source() {
    // From a fragment (a clause body) and from an escaped value, the tags
    // are text, drawn without lines.
    let escaped = markdown::escape("<ins>x</ins>");
    let l = render(&format!("{escaped}\n\n::: include 0\n"), &["<del>y</del>"]);
    let text = l.pages[0].text();
    assert!(
        text.contains("<ins>x</ins>") && text.contains("<del>y</del>"),
        "{text}"
    );
    assert!(lines(&l).is_empty());
    // An unclosed mark ends with its paragraph; a stray closing tag is text.
    let doc = markdown::parse("a <ins>b\n\nc </del> d\n", common::meta());
    assert_eq!(
        doc.blocks,
        vec![
            Block::Paragraph(vec![
                Inline::Text("a ".into()),
                Inline::Inserted(vec![Inline::Text("b".into())])
            ]),
            Block::Paragraph(vec![Inline::Text("c </del> d".into())]),
        ]
    );
}

#[test]
fn changed_blocks_have_a_bar_in_the_margin() {
    let src = "Before.\n\n::: changed\n- one\n- two\n\nAfter the list.\n:::\n\nAfter.\n";
    let l = render(src, &[]);
    let opts = LayoutOptions::default();
    let left = opts.margins.left;
    let bars: Vec<[f32; 4]> = l.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rect { rect, .. } if rect[0] < left => Some(*rect),
            _ => None,
        })
        .collect();
    assert!(!bars.is_empty());
    let top = bars.iter().map(|r| r[1]).fold(f32::MAX, f32::min);
    let bottom = bars.iter().map(|r| r[1] + r[3]).fold(0.0, f32::max);
    let runs = text_runs(&l);
    let y = |s: &str| runs.iter().find(|r| r.0.contains(s)).unwrap().3;
    // Beside "one" to "After the list.", not beside "Before." or "After.".
    assert!(top < y("one") && bottom > y("After the list"), "{bars:?}");
    assert!(top > y("Before") && bottom < y("After."), "{bars:?}");
    // The bar is one line, no gap between the blocks.
    let mut sorted = bars.clone();
    sorted.sort_by(|a, b| a[1].total_cmp(&b[1]));
    for w in sorted.windows(2) {
        assert!(
            w[1][1] - (w[0][1] + w[0][3]) < 0.5,
            "a gap in the bar: {sorted:?}"
        );
    }
}

#[test]
fn marks_are_written_back() {
    let doc = markdown::parse(
        "::: changed\nx <ins>a</ins> <del>b</del>\n:::\n",
        common::meta(),
    );
    let written = markdown::write_blocks(&doc.blocks);
    assert_eq!(
        markdown::parse(&written, common::meta()).blocks,
        doc.blocks,
        "{written}"
    );
}

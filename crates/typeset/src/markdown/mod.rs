//! Markdown source -> [`Document`] tree.
//!
//! Why Markdown: template authors already know it, and pulldown-cmark gives
//! a conforming CommonMark + GFM-table parser. Contracts need a few things
//! Markdown lacks, added as *fenced divs* — a line starting at column 0 with
//! `:::` followed by a name. Inside fenced code blocks they are ordinary
//! text.
//!
//! | Syntax | Meaning |
//! |---|---|
//! | `::: pagebreak` | start a new page (single line) |
//! | `::: toc` | table of contents goes here (single line) |
//! | `::: keep` ... `:::` | keep the enclosed blocks on one page |
//! | `::: note` ... `:::` | a note, drawn like a block quote |
//! | `::: signatures` ... `:::` | one signatory per line: `Role \| Name \| Organization` |
//! | `::: cover` ... `:::` | cover page: `Title: ...`, `Subtitle: ...`, then `Key: value` facts |
//! | `::: include N` | the caller's fragment N, parsed on its own and contained (single line) |
//! | `::: changed` ... `:::` | blocks changed since an earlier version: a change bar in the margin |
//! | `<ins>`...`</ins>`, `<del>`...`</del>` | inline text inserted / deleted since an earlier version (underlined / struck through) |
//! | `# Heading {.unnumbered}` | heading without a number (also `{#id}` for an explicit anchor) |
//! | `[text](#anchor)` | internal link to a heading's anchor |
//!
//! Containers nest (`::: keep` around `::: signatures`).
//!
//! **Fragments** are Markdown the caller does not trust to keep the
//! document's structure: a user's clause body, say. [`parse_with`] takes
//! them beside the source; each `::: include N` line is replaced by the
//! blocks of fragment `N`, parsed on its own by [`contained`]. Nothing in a
//! fragment can reach the document around it: a fence or HTML block left
//! open ends with the fragment, its headings (ATX, setext, inside quotes
//! or list items) become bold paragraphs, and `:::` lines in it are text.
//! [`expand_includes`] writes the same blocks back as Markdown (see
//! [`write_blocks`]) for a Markdown file of the whole document. Fields of
//! `signatures` and `cover` lines are themselves Markdown inline text, so
//! values escaped with [`escape`] print literally there too; separators
//! (`|`, the first `:`) count only when not backslash-escaped. In `cover`, a
//! line without `:` is taken as the title, then the subtitle. A `:::` line
//! with an unknown name is printed as text.
//!
//! Other rules: raw HTML is never interpreted, it is printed literally as
//! text, except the four change-mark tags above in the source itself
//! (never in a fragment, and never from an escaped value: [`escape`]
//! escapes `<`). Images print their alternative text. Strikethrough, footnotes,
//! smart punctuation and task lists are off. Heading levels 5 and 6 are
//! drawn as level 4. Reference-style link definitions do not cross fenced
//! div boundaries. The character U+2028 LINE SEPARATOR is a hard line break
//! (this is how [`escape`] carries newlines into table cells).
//!
//! The files: this one (the entry points, fragments and includes),
//! `directives` (fenced divs, signatory and cover lines), `events` (the
//! pulldown-cmark events built into blocks and inlines, with the nesting
//! limits), `escape` (user values made literal) and `write` (the tree
//! written back as Markdown).

use crate::doc::{Block, Document, Inline, Meta};

mod directives;
mod escape;
mod events;
mod write;

pub use escape::{escape, escaped_rendering};
pub use write::write_blocks;

use directives::{in_fenced_code, include_target, parse_lines};
use events::parse_markdown;

/// Parses Markdown source into a document with the given metadata.
///
/// Never fails and never panics: anything unrecognized is kept as text.
pub fn parse(src: &str, meta: Meta) -> Document {
    parse_with(src, &[], meta)
}

/// [`parse`] with fragments: each `::: include N` line (N counting from 0)
/// is replaced by the blocks of `fragments[N]`, parsed on their own by
/// [`contained`]. An include naming no fragment is printed as text.
pub fn parse_with(src: &str, fragments: &[&str], meta: Meta) -> Document {
    let lines: Vec<&str> = src.lines().collect();
    let mut notes = Notes::default();
    let blocks = parse_lines(&lines, fragments, 0, &mut notes);
    let mut warnings = Vec::new();
    if notes.flattened > 0 {
        warnings.push(crate::layout::Warning {
            kind: crate::layout::WarningKind::NestingFlattened { depth: MAX_NESTING },
            location: "the document source".to_owned(),
        });
    }
    Document {
        meta,
        blocks,
        warnings,
    }
}

/// The deepest nesting of block quotes and list items (and, separately, of
/// emphasis, strong and links) the reader keeps. Deeper levels are
/// flattened into the level at this depth, with a warning, so that no
/// stage after the reader (layout, the document tree, HTML, the Markdown
/// writer) recurses deeper than this whatever the input.
pub const MAX_NESTING: usize = 32;

/// What the reader noticed while parsing.
#[derive(Default)]
struct Notes {
    /// Container or span levels beyond [`MAX_NESTING`] that were flattened.
    flattened: usize,
}

/// The blocks of an untrusted Markdown fragment, parsed on its own so that
/// it cannot change the document it is placed in: whatever it holds, it
/// adds no heading (headings become bold paragraphs, wherever they are),
/// no page break, table of contents, cover or signature block (`:::` lines
/// are text), and it cannot swallow what follows it (fences and HTML blocks
/// end with the fragment).
pub fn contained(fragment: &str) -> Vec<Block> {
    contained_noting(fragment, &mut Notes::default())
}

fn contained_noting(fragment: &str, notes: &mut Notes) -> Vec<Block> {
    let mut blocks = parse_markdown(fragment, notes, false);
    demote_headings(&mut blocks);
    blocks
}

/// Turns every heading in `blocks` (at any depth) into a paragraph of bold
/// text; empty headings are dropped.
fn demote_headings(blocks: &mut Vec<Block>) {
    blocks.retain(|b| !matches!(b, Block::Heading(h) if h.content.is_empty()));
    for block in blocks.iter_mut() {
        match block {
            Block::Heading(h) => {
                let content = std::mem::take(&mut h.content);
                *block = Block::Paragraph(vec![Inline::Strong(content)]);
            }
            Block::Quote(inner) | Block::Keep(inner) | Block::Changed(inner) => {
                demote_headings(inner)
            }
            Block::List { items, .. } => items.iter_mut().for_each(demote_headings),
            _ => {}
        }
    }
}

/// The source with each `::: include N` line replaced by fragment `N` as
/// [`contained`] reads it, written back as Markdown by [`write_blocks`]:
/// a Markdown file of the whole document that [`parse`] reads as
/// [`parse_with`] reads the source and its fragments.
pub fn expand_includes(src: &str, fragments: &[&str]) -> String {
    let mut out =
        String::with_capacity(src.len() + fragments.iter().map(|f| f.len()).sum::<usize>());
    let mut fence: Option<(char, usize)> = None;
    for line in src.lines() {
        if in_fenced_code(&mut fence, line) {
        } else if let Some(fragment) = include_target(line, fragments) {
            out.push_str(&write_blocks(&contained(fragment)));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::doc::Align;

    fn blocks(src: &str) -> Vec<Block> {
        parse(src, Meta::default()).blocks
    }

    #[test]
    fn directives_and_headings() {
        let b = blocks(
            "::: cover\nTitle: SLA\nSubtitle: Email\nVersion: 1.2\n:::\n::: toc\n# Intro {.unnumbered}\ntext\n::: pagebreak\n::: keep\n## A {#a}\n::: signatures\nOwner | Ann | ACME\\|Corp\n:::\n:::\n```\n::: keep\n```\n",
        );
        assert!(
            matches!(&b[0], Block::Cover(c) if c.title == "SLA" && c.subtitle == "Email" && c.facts == vec![("Version".to_string(), "1.2".to_string())])
        );
        assert_eq!(b[1], Block::Toc);
        assert!(matches!(&b[2], Block::Heading(h) if !h.numbered));
        assert_eq!(b[4], Block::PageBreak);
        let Block::Keep(inner) = &b[5] else {
            panic!("{:?}", b[5])
        };
        assert!(matches!(&inner[0], Block::Heading(h) if h.id.as_deref() == Some("a")));
        assert!(matches!(&inner[1], Block::Signatures(s) if s[0].organization == "ACME|Corp"));
        assert_eq!(b[6], Block::CodeBlock("::: keep\n".into()));
    }

    #[test]
    fn html_is_text() {
        let b = blocks("<b>bold</b> and <script>x</script>\n\n<div>\nhi\n</div>\n");
        assert_eq!(
            b[0],
            Block::Paragraph(vec![Inline::Text(
                "<b>bold</b> and <script>x</script>".into()
            )])
        );
        assert!(
            matches!(&b[1], Block::Paragraph(v) if Inline::plain_text(v) == "<div>\nhi\n</div>")
        );
    }

    #[test]
    fn tight_lists_and_tables() {
        let b = blocks("- a\n  - b\n- c\n\n| h1 | h2 |\n|:--|--:|\n| x | **y** |\n");
        let Block::List { start: None, items } = &b[0] else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0][1], Block::List { .. }));
        let Block::Table(t) = &b[1] else { panic!() };
        assert_eq!(t.align, vec![Align::Left, Align::Right]);
        assert_eq!(t.header.len(), 2);
        assert_eq!(
            t.rows[0][1],
            vec![Inline::Strong(vec![Inline::Text("y".into())])]
        );
    }
}

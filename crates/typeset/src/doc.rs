//! The document tree: what a contract *says*, independent of how it is
//! parsed (Markdown today) and how it is drawn (layout, then PDF or SVG).
//!
//! The tree is deliberately small: only the block and inline kinds that
//! service agreements need. Heading numbers and anchors are derived by
//! [`number_headings`] so every consumer (layout, outline, tests) agrees.

/// A whole document: metadata plus the block sequence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Title, author, header text, watermark, ids: everything not in the flow.
    pub meta: Meta,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
    /// What the reader changed to keep the document safe to lay out
    /// (nesting deeper than [`crate::markdown::MAX_NESTING`] flattened).
    pub warnings: Vec<crate::layout::Warning>,
}

/// A calendar date and time supplied by the caller (never read from the
/// clock inside the engine, so output is reproducible).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocDate {
    /// Full year, e.g. 2025.
    pub year: u16,
    /// Month 1-12.
    pub month: u8,
    /// Day 1-31.
    pub day: u8,
    /// Hour 0-23.
    pub hour: u8,
    /// Minute 0-59.
    pub minute: u8,
    /// Second 0-59.
    pub second: u8,
}

/// Document metadata, written to the PDF info dictionary and used for the
/// running header, footer and watermark.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// Document title.
    pub title: String,
    /// Author (organization or person).
    pub author: String,
    /// Subject line.
    pub subject: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// Running header text, e.g. "Service Level Agreement · v1.2 · Draft".
    pub header: String,
    /// Diagonal watermark text such as "DRAFT"; `None` for no watermark.
    pub watermark: Option<String>,
    /// Creation date supplied by the caller.
    pub created: Option<DocDate>,
    /// Stable document id supplied by the caller; drives the PDF file id.
    pub document_id: String,
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Align {
    /// Not specified: left for text.
    #[default]
    None,
    /// Left aligned.
    Left,
    /// Centered.
    Center,
    /// Right aligned.
    Right,
}

/// A heading (levels 1-4).
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// 1 (chapter) to 4; other values are clamped.
    pub level: u8,
    /// Heading text.
    pub content: Vec<Inline>,
    /// Numbered ("1.2") unless marked unnumbered.
    pub numbered: bool,
    /// Explicit anchor id; when `None` one is derived from the text.
    pub id: Option<String>,
}

/// One signatory of a signature block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signatory {
    /// Role, e.g. "Service Owner".
    pub role: String,
    /// Person's name.
    pub name: String,
    /// Organization.
    pub organization: String,
    /// The date signed, as printed, when a signature is on record (empty:
    /// a line to write it on).
    pub date: String,
}

/// Cover page content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cover {
    /// Large title.
    pub title: String,
    /// Subtitle under the title.
    pub subtitle: String,
    /// Key/value facts (e.g. "Version" / "1.2").
    pub facts: Vec<(String, String)>,
}

/// A table: one header row and body rows of inline cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Per-column alignment (may be shorter than the widest row).
    pub align: Vec<Align>,
    /// Header cells; repeated on every page the table spans.
    pub header: Vec<Vec<Inline>>,
    /// Body rows.
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// Block-level content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading.
    Heading(Heading),
    /// A paragraph of inline content.
    Paragraph(Vec<Inline>),
    /// A bullet (`start == None`) or ordered list; each item is a block list.
    List {
        /// First number of an ordered list, `None` for bullets.
        start: Option<u64>,
        /// Items, each a sequence of blocks (nested lists allowed).
        items: Vec<Vec<Block>>,
    },
    /// A table.
    Table(Table),
    /// Preformatted code (monospace, whitespace kept).
    CodeBlock(String),
    /// A block quote or note, drawn indented with a rule.
    Quote(Vec<Block>),
    /// A horizontal rule.
    ThematicBreak,
    /// Start a new page.
    PageBreak,
    /// Blocks kept on one page when they fit on one.
    Keep(Vec<Block>),
    /// Blocks that changed since an earlier version: drawn as they are,
    /// with a change bar in the left margin beside them.
    Changed(Vec<Block>),
    /// Signature lines for each signatory; never split across pages.
    Signatures(Vec<Signatory>),
    /// Where the table of contents goes.
    Toc,
    /// A cover page (its own page, no header or footer).
    Cover(Cover),
}

/// Inline content.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold.
    Strong(Vec<Inline>),
    /// Italic.
    Emphasis(Vec<Inline>),
    /// Inline code.
    Code(String),
    /// A link: `#anchor` is internal, anything else is an external URL.
    Link {
        /// Target: `#anchor` or a URL.
        target: String,
        /// Link text.
        content: Vec<Inline>,
    },
    /// A hard line break.
    LineBreak,
    /// Text inserted since an earlier version (drawn underlined).
    Inserted(Vec<Inline>),
    /// Text deleted since an earlier version (drawn struck through).
    Deleted(Vec<Inline>),
}

impl Inline {
    /// The plain text of an inline sequence (line breaks become `\n`).
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        collect_text(inlines, &mut out);
        out
    }
}

fn collect_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Inserted(c)
            | Inline::Deleted(c)
            | Inline::Link { content: c, .. } => collect_text(c, out),
            Inline::LineBreak => out.push('\n'),
        }
    }
}

/// A heading with its derived number and anchor, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingInfo {
    /// Level 1-4.
    pub level: u8,
    /// "1", "1.2", ... or empty when unnumbered.
    pub number: String,
    /// Plain heading text.
    pub title: String,
    /// Unique anchor id (explicit or derived from the text).
    pub anchor: String,
}

/// Numbers headings ("1", "1.1", ...) and assigns unique anchors, walking
/// the tree in reading order (headings inside keep groups, quotes and list
/// items count too). Unnumbered headings do not advance the counters.
pub fn number_headings(blocks: &[Block]) -> Vec<HeadingInfo> {
    let mut state = NumberState::default();
    let mut out = Vec::new();
    walk_headings(blocks, &mut state, &mut out);
    out
}

/// How many headings [`number_headings`] finds in `blocks`.
pub(crate) fn count_headings(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::Heading(_) => 1,
            Block::Keep(b) | Block::Quote(b) | Block::Changed(b) => count_headings(b),
            Block::List { items, .. } => items.iter().map(|i| count_headings(i)).sum(),
            _ => 0,
        })
        .sum()
}

#[derive(Default)]
struct NumberState {
    counters: [u32; 4],
    used: std::collections::HashSet<String>,
}

fn walk_headings(blocks: &[Block], st: &mut NumberState, out: &mut Vec<HeadingInfo>) {
    for block in blocks {
        match block {
            Block::Heading(h) => {
                let level = h.level.clamp(1, 4);
                let idx = usize::from(level - 1);
                let number = if h.numbered {
                    st.counters[idx] = st.counters[idx].saturating_add(1);
                    for c in st.counters.iter_mut().skip(idx + 1) {
                        *c = 0;
                    }
                    st.counters[..=idx]
                        .iter()
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                        .join(".")
                } else {
                    String::new()
                };
                let title = Inline::plain_text(&h.content).replace('\n', " ");
                let base = match &h.id {
                    Some(id) if !id.is_empty() => id.clone(),
                    _ => slug(&title),
                };
                let mut anchor = base.clone();
                let mut n = 1;
                while st.used.contains(&anchor) {
                    anchor = format!("{base}-{n}");
                    n += 1;
                }
                st.used.insert(anchor.clone());
                out.push(HeadingInfo {
                    level,
                    number,
                    title,
                    anchor,
                });
            }
            Block::Keep(b) | Block::Quote(b) | Block::Changed(b) => walk_headings(b, st, out),
            Block::List { items, .. } => {
                for item in items {
                    walk_headings(item, st, out);
                }
            }
            _ => {}
        }
    }
}

/// GitHub-style anchor slug: lowercase letters and digits, `-` for runs of
/// anything else. Empty text gives `section`.
pub fn slug(text: &str) -> String {
    let mut s = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !s.is_empty() {
                s.push('-');
            }
            dash = false;
            s.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    if s.is_empty() { "section".into() } else { s }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn h(level: u8, text: &str, numbered: bool) -> Block {
        Block::Heading(Heading {
            level,
            content: vec![Inline::Text(text.into())],
            numbered,
            id: None,
        })
    }

    #[test]
    fn numbers_and_anchors() {
        let blocks = vec![
            h(1, "Scope", true),
            h(2, "In scope", true),
            h(2, "Out of scope", true),
            h(1, "Preface", false),
            h(1, "Scope", true),
            h(3, "Deep", true),
        ];
        let info = number_headings(&blocks);
        let got: Vec<_> = info
            .iter()
            .map(|i| format!("{} {} #{}", i.number, i.title, i.anchor))
            .collect();
        assert_eq!(
            got,
            [
                "1 Scope #scope",
                "1.1 In scope #in-scope",
                "1.2 Out of scope #out-of-scope",
                " Preface #preface",
                "2 Scope #scope-1",
                "2.0.1 Deep #deep"
            ]
        );
    }
}

//! The CommonMark reader: pulldown-cmark events built into blocks and
//! inlines on a stack of open containers, with block quotes, list items
//! and spans nested deeper than [`MAX_NESTING`] flattened (and noted).

use super::{MAX_NESTING, Notes};
use crate::doc::{Align, Block, Heading, Inline, Table};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub(super) fn block_text(b: &Block, out: &mut Vec<String>) {
    match b {
        Block::Paragraph(i) => out.push(Inline::plain_text(i)),
        Block::Heading(h) => out.push(Inline::plain_text(&h.content)),
        Block::CodeBlock(t) => out.push(t.clone()),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| block_text(b, out)),
        Block::Quote(bs) | Block::Keep(bs) | Block::Changed(bs) => {
            bs.iter().for_each(|b| block_text(b, out))
        }
        _ => {}
    }
}

/// Splits text on U+2028 into text and hard breaks.
fn push_text(out: &mut Vec<Inline>, text: &str) {
    for (i, part) in text.split('\u{2028}').enumerate() {
        if i > 0 {
            out.push(Inline::LineBreak);
        }
        if part.is_empty() {
            continue;
        }
        if let Some(Inline::Text(prev)) = out.last_mut() {
            prev.push_str(part);
        } else {
            out.push(Inline::Text(part.to_string()));
        }
    }
}

enum Frame {
    /// Root, block quote or list item.
    Blocks(Vec<Block>),
    /// Paragraph (possibly implicit in a tight list item).
    Para(Vec<Inline>, bool),
    Heading(Heading),
    Span(SpanKind, Vec<Inline>),
    List(Option<u64>, Vec<Vec<Block>>),
    Table(Table, Vec<Vec<Inline>>, bool),
    Cell(Vec<Inline>),
    Code(String),
    Html(String),
    /// A container beyond [`MAX_NESTING`]: its blocks go into the
    /// container around it when it ends.
    Flat(Vec<Block>),
}

#[derive(Clone)]
enum SpanKind {
    Strong,
    Emphasis,
    Link(String),
    Inserted,
    Deleted,
    Plain,
}

struct Builder {
    stack: Vec<Frame>,
    /// Open block quotes, list items and lists (frames that nest blocks).
    nesting: usize,
    /// Open emphasis, strong and link spans.
    span_nesting: usize,
    /// Levels flattened so far.
    flattened: usize,
    /// Target for inlines in a state the event grammar rules out.
    scratch: Vec<Inline>,
}

impl Builder {
    fn inlines(&mut self) -> &mut Vec<Inline> {
        if !matches!(
            self.stack.last(),
            Some(Frame::Para(..) | Frame::Heading(_) | Frame::Span(..) | Frame::Cell(_))
        ) {
            self.stack.push(Frame::Para(Vec::new(), true));
        }
        match self.stack.last_mut() {
            Some(Frame::Para(v, _) | Frame::Span(_, v) | Frame::Cell(v)) => v,
            Some(Frame::Heading(h)) => &mut h.content,
            // Unreachable by construction; a scratch vector keeps us panic-free.
            _ => &mut self.scratch,
        }
    }

    fn close_implicit(&mut self) {
        if matches!(self.stack.last(), Some(Frame::Para(_, true))) {
            if let Some(Frame::Para(v, _)) = self.stack.pop() {
                self.push_block(Block::Paragraph(v));
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        self.close_implicit_if_needed();
        if matches!(&block, Block::Paragraph(p) if p.is_empty()) {
            // An image without alternative text, say: nothing to print.
            return;
        }
        match self.stack.last_mut() {
            Some(Frame::Blocks(v) | Frame::Flat(v)) => v.push(block),
            Some(Frame::List(_, items)) => {
                // Content directly in a list without an item: open one.
                items.push(vec![block]);
            }
            _ => {
                // Block inside inline context (cannot happen with
                // pulldown-cmark); keep its text rather than lose it.
                let mut t = Vec::new();
                block_text(&block, &mut t);
                let text = t.join(" ");
                push_text(self.inlines(), &text);
            }
        }
    }

    fn close_implicit_if_needed(&mut self) {
        if matches!(self.stack.last(), Some(Frame::Para(_, true))) {
            if let Some(Frame::Para(v, _)) = self.stack.pop() {
                self.push_block(Block::Paragraph(v));
            }
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        match inline {
            Inline::Text(t) => push_text(self.inlines(), &t),
            other => self.inlines().push(other),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                self.close_implicit();
                self.stack.push(Frame::Para(Vec::new(), false));
            }
            Tag::Heading {
                level, id, classes, ..
            } => {
                self.close_implicit();
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                };
                let numbered = !classes
                    .iter()
                    .any(|c| c.as_ref() == "unnumbered" || c.as_ref() == "-");
                self.stack.push(Frame::Heading(Heading {
                    level,
                    content: Vec::new(),
                    numbered,
                    id: id.map(|s| s.to_string()),
                }));
            }
            Tag::BlockQuote(_) | Tag::Item | Tag::FootnoteDefinition(_) => {
                self.close_implicit();
                if self.nesting >= MAX_NESTING {
                    self.flattened += 1;
                    self.stack.push(Frame::Flat(Vec::new()));
                } else {
                    self.nesting += 1;
                    self.stack.push(Frame::Blocks(Vec::new()));
                }
            }
            Tag::List(start) => {
                self.close_implicit();
                // A list and its item take two levels: keep both or neither.
                if self.nesting + 2 > MAX_NESTING {
                    self.flattened += 1;
                    self.stack.push(Frame::Flat(Vec::new()));
                } else {
                    self.nesting += 1;
                    self.stack.push(Frame::List(start, Vec::new()));
                }
            }
            Tag::CodeBlock(_) => {
                self.close_implicit();
                self.stack.push(Frame::Code(String::new()));
            }
            Tag::HtmlBlock => {
                self.close_implicit();
                self.stack.push(Frame::Html(String::new()));
            }
            Tag::Table(aligns) => {
                self.close_implicit();
                let align = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::None => Align::None,
                        Alignment::Left => Align::Left,
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                    })
                    .collect();
                self.stack.push(Frame::Table(
                    Table {
                        align,
                        ..Table::default()
                    },
                    Vec::new(),
                    false,
                ));
            }
            Tag::TableHead => {
                if let Some(Frame::Table(_, _, head)) = self.stack.last_mut() {
                    *head = true;
                }
            }
            Tag::TableRow => {}
            Tag::TableCell => self.stack.push(Frame::Cell(Vec::new())),
            Tag::Emphasis | Tag::Strong | Tag::Link { .. } if self.span_nesting >= MAX_NESTING => {
                self.flattened += 1;
                self.inlines();
                self.stack.push(Frame::Span(SpanKind::Plain, Vec::new()));
            }
            Tag::Emphasis => {
                self.inlines();
                self.span_nesting += 1;
                self.stack.push(Frame::Span(SpanKind::Emphasis, Vec::new()));
            }
            Tag::Strong => {
                self.inlines();
                self.span_nesting += 1;
                self.stack.push(Frame::Span(SpanKind::Strong, Vec::new()));
            }
            Tag::Link { dest_url, .. } => {
                self.inlines();
                self.span_nesting += 1;
                self.stack.push(Frame::Span(
                    SpanKind::Link(dest_url.to_string()),
                    Vec::new(),
                ));
            }
            _ => {
                // Images (alt text), strikethrough, sub/superscript and the
                // like: keep the content as plain inlines.
                self.inlines();
                self.stack.push(Frame::Span(SpanKind::Plain, Vec::new()));
            }
        }
    }

    fn end(&mut self, tag: TagEnd) {
        // Close an implicit paragraph when its container ends.
        if matches!(self.stack.last(), Some(Frame::Para(_, true)))
            && matches!(
                tag,
                TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition
            )
        {
            self.close_implicit();
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Para(v, _) => self.push_block(Block::Paragraph(v)),
            Frame::Heading(h) => self.push_block(Block::Heading(h)),
            Frame::Span(kind, v) => {
                if !matches!(kind, SpanKind::Plain) {
                    self.span_nesting = self.span_nesting.saturating_sub(1);
                }
                let inline = match kind {
                    SpanKind::Strong => Inline::Strong(v),
                    SpanKind::Emphasis => Inline::Emphasis(v),
                    SpanKind::Link(target) => Inline::Link { target, content: v },
                    SpanKind::Inserted => Inline::Inserted(v),
                    SpanKind::Deleted => Inline::Deleted(v),
                    SpanKind::Plain => {
                        for i in v {
                            self.push_inline(i);
                        }
                        return;
                    }
                };
                self.inlines().push(inline);
            }
            Frame::Flat(v) => {
                for b in v {
                    self.push_block(b);
                }
            }
            Frame::Blocks(v) => {
                self.nesting = self.nesting.saturating_sub(1);
                match (tag, self.stack.last_mut()) {
                    (TagEnd::Item, Some(Frame::List(_, items))) => items.push(v),
                    (TagEnd::Item, _) => {
                        for b in v {
                            self.push_block(b);
                        }
                    }
                    (_, _) => self.push_block(Block::Quote(v)),
                }
            }
            Frame::List(start, items) => {
                self.nesting = self.nesting.saturating_sub(1);
                self.push_block(Block::List { start, items })
            }
            Frame::Code(t) => self.push_block(Block::CodeBlock(t)),
            Frame::Html(t) => {
                let mut inl = Vec::new();
                for (i, line) in t.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        inl.push(Inline::LineBreak);
                    }
                    push_text(&mut inl, line);
                }
                self.push_block(Block::Paragraph(inl));
            }
            Frame::Cell(v) => {
                if let Some(Frame::Table(_, row, _)) = self.stack.last_mut() {
                    row.push(v);
                }
            }
            Frame::Table(mut table, row, head) => match tag {
                TagEnd::TableHead => {
                    table.header = row;
                    self.stack.push(Frame::Table(table, Vec::new(), false));
                }
                TagEnd::TableRow => {
                    let _ = head;
                    table.rows.push(row);
                    self.stack.push(Frame::Table(table, Vec::new(), false));
                }
                _ => self.push_block(Block::Table(table)),
            },
        }
    }
}

/// What an inline HTML tag of the template's own source means when change
/// marks are read: `<ins>` / `<del>` open an insertion or a deletion,
/// `</ins>` / `</del>` close it.
fn change_mark(html: &str) -> Option<(bool, SpanKind)> {
    match html.trim().to_ascii_lowercase().as_str() {
        "<ins>" => Some((true, SpanKind::Inserted)),
        "<del>" => Some((true, SpanKind::Deleted)),
        "</ins>" => Some((false, SpanKind::Inserted)),
        "</del>" => Some((false, SpanKind::Deleted)),
        _ => None,
    }
}

impl Builder {
    /// Opens or closes a change mark; false when the tag is to be printed
    /// as text instead (a closing tag without its opening one, or a span
    /// deeper than [`MAX_NESTING`]).
    fn change_mark(&mut self, open: bool, kind: SpanKind) -> bool {
        if open {
            if self.span_nesting >= MAX_NESTING {
                return false;
            }
            self.inlines();
            self.span_nesting += 1;
            self.stack.push(Frame::Span(kind, Vec::new()));
            return true;
        }
        let top_matches = matches!(
            (self.stack.last(), &kind),
            (Some(Frame::Span(SpanKind::Inserted, _)), SpanKind::Inserted)
                | (Some(Frame::Span(SpanKind::Deleted, _)), SpanKind::Deleted)
        );
        if top_matches {
            // Any end tag closes a span frame.
            self.end(TagEnd::Strong);
        }
        top_matches
    }
}

/// Reads Markdown into blocks. With `marks` (the template's own source,
/// never a user's fragment) the inline tags `<ins>` and `<del>` mark
/// inserted and deleted text; otherwise raw HTML is text like any other.
pub(super) fn parse_markdown(src: &str, notes: &mut Notes, marks: bool) -> Vec<Block> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let mut b = Builder {
        stack: vec![Frame::Blocks(Vec::new())],
        nesting: 0,
        span_nesting: 0,
        flattened: 0,
        scratch: Vec::new(),
    };
    for event in Parser::new_ext(src, opts) {
        match event {
            Event::Start(tag) => b.start(tag),
            Event::End(tag) => {
                // A change mark still open ends with the element around it.
                while matches!(
                    b.stack.last(),
                    Some(Frame::Span(SpanKind::Inserted | SpanKind::Deleted, _))
                ) {
                    b.end(TagEnd::Strong);
                }
                b.end(tag)
            }
            Event::Text(t) => match b.stack.last_mut() {
                Some(Frame::Code(s) | Frame::Html(s)) => s.push_str(&t),
                _ => b.push_inline(Inline::Text(t.to_string())),
            },
            Event::Code(t) => b.push_inline(Inline::Code(t.to_string())),
            Event::InlineHtml(t)
                if marks
                    && change_mark(&t).is_some_and(|(open, kind)| b.change_mark(open, kind)) => {}
            Event::Html(t) | Event::InlineHtml(t) => match b.stack.last_mut() {
                Some(Frame::Html(s) | Frame::Code(s)) => s.push_str(&t),
                _ => b.push_inline(Inline::Text(t.to_string())),
            },
            Event::SoftBreak => b.push_inline(Inline::Text(" ".into())),
            Event::HardBreak => b.push_inline(Inline::LineBreak),
            Event::Rule => b.push_block(Block::ThematicBreak),
            Event::FootnoteReference(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                b.push_inline(Inline::Text(t.to_string()))
            }
            Event::TaskListMarker(done) => {
                b.push_inline(Inline::Text(if done { "[x] " } else { "[ ] " }.into()))
            }
        }
    }
    // Close anything left open (defensive; the parser balances events).
    while b.stack.len() > 1 {
        b.close_implicit();
        if b.stack.len() > 1 {
            b.end(TagEnd::Paragraph);
        }
    }
    notes.flattened += b.flattened;
    match b.stack.pop() {
        Some(Frame::Blocks(v)) => v,
        _ => Vec::new(),
    }
}

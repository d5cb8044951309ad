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
//! text. Images print their alternative text. Strikethrough, footnotes,
//! smart punctuation and task lists are off. Heading levels 5 and 6 are
//! drawn as level 4. Reference-style link definitions do not cross fenced
//! div boundaries. The character U+2028 LINE SEPARATOR is a hard line break
//! (this is how [`escape`] carries newlines into table cells).

use crate::doc::{Align, Block, Cover, Document, Heading, Inline, Meta, Signatory, Table};
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

mod write;
pub use write::write_blocks;

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
            message: format!(
                "block quotes, lists or emphasis nested more than {MAX_NESTING} levels deep were flattened: what is deeper is printed at level {MAX_NESTING}"
            ),
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
    let mut blocks = parse_markdown(fragment, notes);
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
            Block::Quote(inner) | Block::Keep(inner) => demote_headings(inner),
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

/// Follows the code fences of a source line by line: true when `line`
/// opens, closes or is inside a fenced code block (where directive lines
/// are code, not directives).
fn in_fenced_code(fence: &mut Option<(char, usize)>, line: &str) -> bool {
    match *fence {
        Some(f) => {
            if closes_fence(line, f) {
                *fence = None;
            }
            true
        }
        None => {
            *fence = opens_fence(line);
            fence.is_some()
        }
    }
}

/// The fragment an `::: include N` line names, if it names one.
fn include_target<'f>(line: &str, fragments: &[&'f str]) -> Option<&'f str> {
    if directive_name(line).as_deref() != Some("include") {
        return None;
    }
    let mut words = line.trim_start_matches(':').split_whitespace().skip(1);
    let n: usize = words.next()?.parse().ok()?;
    if words.next().is_some() {
        return None;
    }
    fragments.get(n).copied()
}

/// Nesting limit for fenced divs; deeper `:::` lines are printed as text.
const MAX_DEPTH: usize = 32;

fn parse_lines(lines: &[&str], fragments: &[&str], depth: usize, notes: &mut Notes) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut buf = String::new();
    let mut fence: Option<(char, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if in_fenced_code(&mut fence, line) {
        } else if let Some(fragment) = include_target(line, fragments) {
            flush(&mut buf, &mut blocks, notes);
            blocks.extend(contained_noting(fragment, notes));
            i += 1;
            continue;
        } else if let Some(name) = directive_name(line).filter(|_| depth < MAX_DEPTH) {
            let container = matches!(name.as_str(), "keep" | "note" | "signatures" | "cover");
            let single = matches!(name.as_str(), "pagebreak" | "toc");
            if container || single {
                flush(&mut buf, &mut blocks, notes);
                if single {
                    blocks.push(if name == "toc" {
                        Block::Toc
                    } else {
                        Block::PageBreak
                    });
                    i += 1;
                    continue;
                }
                let end = find_close(lines, i + 1);
                let inner = &lines[i + 1..end];
                blocks.push(match name.as_str() {
                    "keep" => Block::Keep(parse_lines(inner, fragments, depth + 1, notes)),
                    "note" => Block::Quote(parse_lines(inner, fragments, depth + 1, notes)),
                    "signatures" => Block::Signatures(parse_signatories(inner)),
                    _ => Block::Cover(parse_cover(inner)),
                });
                i = end + 1;
                continue;
            }
        }
        buf.push_str(line);
        buf.push('\n');
        i += 1;
    }
    flush(&mut buf, &mut blocks, notes);
    blocks
}

fn flush(buf: &mut String, blocks: &mut Vec<Block>, notes: &mut Notes) {
    if !buf.trim().is_empty() {
        blocks.extend(parse_markdown(buf, notes));
    }
    buf.clear();
}

/// `::: name` -> `Some("name")`; a bare `:::` closing line gives `None`.
fn directive_name(line: &str) -> Option<String> {
    let rest = line.strip_prefix(":::")?;
    let rest = rest.trim_start_matches(':').trim();
    let name = rest.split_whitespace().next()?;
    Some(name.to_ascii_lowercase())
}

fn is_close(line: &str) -> bool {
    line.starts_with(":::") && line.trim_end().chars().all(|c| c == ':')
}

/// Index of the `:::` line closing the container opened just before
/// `start` (or `lines.len()` when it is never closed).
fn find_close(lines: &[&str], start: usize) -> usize {
    let mut level = 0usize;
    let mut fence = None;
    for (j, line) in lines.iter().enumerate().skip(start) {
        if let Some(f) = fence {
            if closes_fence(line, f) {
                fence = None;
            }
        } else if let Some(f) = opens_fence(line) {
            fence = Some(f);
        } else if is_close(line) {
            if level == 0 {
                return j;
            }
            level -= 1;
        } else if let Some(name) = directive_name(line) {
            if matches!(name.as_str(), "keep" | "note" | "signatures" | "cover") {
                level += 1;
            }
        }
    }
    lines.len()
}

fn opens_fence(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let t = &line[indent..];
    let c = t.chars().next()?;
    if c != '`' && c != '~' {
        return None;
    }
    let n = t.chars().take_while(|&x| x == c).count();
    if n < 3 || (c == '`' && t[n..].contains('`')) {
        return None;
    }
    Some((c, n))
}

fn closes_fence(line: &str, (c, n): (char, usize)) -> bool {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return false;
    }
    let run = t.chars().take_while(|&x| x == c).count();
    run >= n && t[run * c.len_utf8()..].trim().is_empty()
}

/// Splits at `sep` where it is not backslash-escaped.
fn split_unescaped(s: &str, sep: char, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep && parts.len() + 1 < max {
            parts.push(&s[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Plain text of a Markdown inline field (escapes resolved, HTML literal).
fn field_text(s: &str) -> String {
    let blocks = parse_markdown(s.trim(), &mut Notes::default());
    let mut out = String::new();
    for b in &blocks {
        if let Block::Paragraph(inl) = b {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&Inline::plain_text(inl));
        } else if let Block::CodeBlock(t) = b {
            out.push_str(t.trim_end());
        } else {
            // Lists, headings etc. from unescaped field text: keep the words.
            let mut tmp = Vec::new();
            block_text(b, &mut tmp);
            out.push_str(&tmp.join(" "));
        }
    }
    out.replace('\n', " ")
}

fn block_text(b: &Block, out: &mut Vec<String>) {
    match b {
        Block::Paragraph(i) => out.push(Inline::plain_text(i)),
        Block::Heading(h) => out.push(Inline::plain_text(&h.content)),
        Block::CodeBlock(t) => out.push(t.clone()),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| block_text(b, out)),
        Block::Quote(bs) | Block::Keep(bs) => bs.iter().for_each(|b| block_text(b, out)),
        _ => {}
    }
}

fn parse_signatories(lines: &[&str]) -> Vec<Signatory> {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let parts = split_unescaped(l, '|', 3);
            let get = |i: usize| parts.get(i).map(|p| field_text(p)).unwrap_or_default();
            Signatory {
                role: get(0),
                name: get(1),
                organization: get(2),
            }
        })
        .collect()
}

fn parse_cover(lines: &[&str]) -> Cover {
    let mut cover = Cover::default();
    let mut loose = 0;
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        let parts = split_unescaped(line, ':', 2);
        if parts.len() == 2 {
            let key = field_text(parts[0]);
            let value = field_text(parts[1]);
            match key.to_ascii_lowercase().as_str() {
                "title" => cover.title = value,
                "subtitle" => cover.subtitle = value,
                _ => cover.facts.push((key, value)),
            }
        } else {
            let text = field_text(line);
            match loose {
                0 => cover.title = text,
                1 => cover.subtitle = text,
                _ => cover.facts.push((String::new(), text)),
            }
            loose += 1;
        }
    }
    cover
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

fn parse_markdown(src: &str, notes: &mut Notes) -> Vec<Block> {
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
            Event::End(tag) => b.end(tag),
            Event::Text(t) => match b.stack.last_mut() {
                Some(Frame::Code(s) | Frame::Html(s)) => s.push_str(&t),
                _ => b.push_inline(Inline::Text(t.to_string())),
            },
            Event::Code(t) => b.push_inline(Inline::Code(t.to_string())),
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

/// Escapes an arbitrary user value for insertion into paragraph text or a
/// table cell of the document source, so that it renders exactly as typed.
///
/// - Every ASCII punctuation character is backslash-escaped (CommonMark
///   allows this for all of them), which neutralizes emphasis, headings,
///   lists, links, code spans, HTML, table pipes, `{{…}}`, `:::` and entities.
/// - A newline (`\n`, `\r\n` or `\r`) becomes U+2028, which the parser turns
///   into a hard line break — in table cells too, where a raw newline would
///   end the row.
/// - Spaces and tabs are written as character references (`&#32;`, `&#9;`)
///   so leading/trailing whitespace is neither trimmed nor read as
///   indentation or a hard break; inner single spaces stay as they are.
/// - Other control characters (C0, DEL, C1) are **replaced by U+FFFD** (�),
///   so that something invisible in the form is visible in the contract.
/// - U+2028 typed by the user is a line break, like a newline.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 4);
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\r' => {
                out.push('\u{2028}');
                if chars.get(i + 1) == Some(&'\n') {
                    i += 1;
                }
            }
            '\n' => out.push('\u{2028}'),
            '\t' => out.push_str("&#9;"),
            ' ' => {
                let prev_space = i == 0 || matches!(chars[i - 1], ' ' | '\t' | '\n' | '\r');
                let next_space =
                    i + 1 >= chars.len() || matches!(chars[i + 1], ' ' | '\t' | '\n' | '\r');
                if prev_space || next_space {
                    out.push_str("&#32;");
                } else {
                    out.push(' ');
                }
            }
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// What [`escape`]d text renders as: the value with newlines (and U+2028)
/// normalized to `\n` and control characters replaced by U+FFFD. Useful
/// for tests.
pub fn escaped_rendering(value: &str) -> String {
    let v = value
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}'], "\n");
    v.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

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

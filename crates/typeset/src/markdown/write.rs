//! A document tree written back as Markdown that [`super::parse`] reads as
//! the same blocks. Used to write a fragment (a user's clause body, read by
//! [`super::contained`]) into a Markdown file of the whole document, where
//! the fragment's own text could break what follows it.
//!
//! The block structure always survives: text is escaped where a character
//! could mean markup there, blocks are separated by blank lines, code fences are
//! longer than any run of backticks inside them, adjacent lists alternate
//! their markers so they do not merge, and nested content is indented under
//! its list item (by four columns or more, so that the reader's line scan
//! for fences and `:::` directives never mistakes a nested line for a
//! top-level one) or prefixed with `>`. Inline text reads back exactly:
//! the root crate's tests write every example of the CommonMark
//! specification this way and read back the same blocks.

use super::escape;
use crate::doc::{Align, Block, Cover, Inline, Signatory, Table};

/// Writes `blocks` as Markdown, each block followed by a blank line.
pub fn write_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut last_list: Option<(bool, char)> = None;
    for block in blocks {
        if matches!(block, Block::Paragraph(p) if p.is_empty()) {
            continue;
        }
        let mut marker = None;
        if let Block::List { start, .. } = block {
            // Two lists in a row with the same marker would read as one.
            let ordered = start.is_some();
            let (first, second) = if ordered { ('.', ')') } else { ('-', '*') };
            let m = match last_list {
                Some((o, m)) if o == ordered && m == first => second,
                _ => first,
            };
            last_list = Some((ordered, m));
            marker = Some(m);
        } else {
            last_list = None;
        }
        write_block(block, marker.unwrap_or('-'), &mut out);
        out.push('\n');
    }
    out
}

fn write_block(block: &Block, marker: char, out: &mut String) {
    match block {
        Block::Heading(h) => {
            for _ in 0..h.level.clamp(1, 6) {
                out.push('#');
            }
            out.push(' ');
            out.push_str(&inlines(&h.content, Context::Heading));
            let mut attrs = Vec::new();
            if let Some(id) = &h.id {
                attrs.push(format!("#{id}"));
            }
            if !h.numbered {
                attrs.push(".unnumbered".to_owned());
            }
            if !attrs.is_empty() {
                out.push_str(&format!(" {{{}}}", attrs.join(" ")));
            }
            out.push('\n');
        }
        Block::Paragraph(content) => {
            out.push_str(&inlines(content, Context::Paragraph));
            out.push('\n');
        }
        Block::List { start, items } => {
            for (i, item) in items.iter().enumerate() {
                let label = match start {
                    Some(n) => format!("{}{marker}", n.saturating_add(i as u64)),
                    None => marker.to_string(),
                };
                let body = write_blocks(item);
                let body = body.trim_end_matches('\n');
                if body.is_empty() {
                    out.push_str(&label);
                    out.push('\n');
                    continue;
                }
                // Content indented by at least four columns, so that no
                // line of it (a nested code fence, say) looks to the reader's
                // line scan like a fence or a directive at the top level.
                let gap = " ".repeat(4usize.saturating_sub(label.len()).max(1));
                let indent = " ".repeat(label.len() + gap.len());
                for (j, line) in body.split('\n').enumerate() {
                    if j == 0 {
                        out.push_str(&label);
                        out.push_str(&gap);
                    } else if !line.is_empty() {
                        out.push_str(&indent);
                    }
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        Block::Table(t) => write_table(t, out),
        Block::CodeBlock(text) => {
            let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
            out.push_str(&fence);
            out.push('\n');
            out.push_str(text);
            if !text.is_empty() && !text.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&fence);
            out.push('\n');
        }
        Block::Quote(inner) => {
            let body = write_blocks(inner);
            for line in body.trim_end_matches('\n').split('\n') {
                out.push('>');
                if !line.is_empty() {
                    out.push(' ');
                    out.push_str(line);
                }
                out.push('\n');
            }
        }
        // Not `***`: inside a `*` list item that would read as one rule.
        Block::ThematicBreak => out.push_str("___\n"),
        Block::PageBreak => out.push_str("::: pagebreak\n"),
        Block::Toc => out.push_str("::: toc\n"),
        Block::Keep(inner) => {
            out.push_str("::: keep\n");
            out.push_str(&write_blocks(inner));
            out.push_str(":::\n");
        }
        Block::Changed(inner) => {
            out.push_str("::: changed\n");
            out.push_str(&write_blocks(inner));
            out.push_str(":::\n");
        }
        Block::Signatures(signatories) => {
            out.push_str("::: signatures\n");
            for Signatory {
                role,
                name,
                organization,
                date,
            } in signatories
            {
                out.push_str(&format!(
                    "{} | {} | {}{}\n",
                    escape(role),
                    escape(name),
                    escape(organization),
                    if date.is_empty() {
                        String::new()
                    } else {
                        format!(" | {}", escape(date))
                    }
                ));
            }
            out.push_str(":::\n");
        }
        Block::Cover(Cover {
            title,
            subtitle,
            facts,
        }) => {
            out.push_str("::: cover\n");
            out.push_str(&format!("Title: {}\n", escape(title)));
            out.push_str(&format!("Subtitle: {}\n", escape(subtitle)));
            for (key, value) in facts {
                out.push_str(&format!("{}: {}\n", escape(key), escape(value)));
            }
            out.push_str(":::\n");
        }
    }
}

fn write_table(t: &Table, out: &mut String) {
    let row = |cells: &[Vec<Inline>], out: &mut String| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(&inlines(cell, Context::Cell));
            out.push_str(" |");
        }
        out.push('\n');
    };
    row(&t.header, out);
    out.push('|');
    for i in 0..t.header.len() {
        out.push_str(match t.align.get(i).copied().unwrap_or_default() {
            Align::None => " --- |",
            Align::Left => " :-- |",
            Align::Center => " :-: |",
            Align::Right => " --: |",
        });
    }
    out.push('\n');
    for r in &t.rows {
        row(r, out);
    }
}

/// Where inline text goes: a paragraph (hard breaks as `\` at the end of a
/// line), a heading or a table cell (single lines, where a newline would
/// end it: hard breaks as U+2028, which the reader takes as one).
#[derive(Clone, Copy, PartialEq)]
enum Context {
    Paragraph,
    Heading,
    Cell,
}

/// Inline content written with as few escapes as read back the same, so
/// that the Markdown file stays readable: the characters that mark
/// emphasis, code, links, HTML, entities and table cells always, the ones
/// that start a block (`#`, `-`, `1.`, `>`, `:::`...) only at the start of
/// a line, and spaces only where a line or cell begins or ends (where the
/// reader would trim them).
fn inlines(content: &[Inline], cx: Context) -> String {
    let mut w = Inlines {
        out: String::new(),
        cx,
        line_start: true,
    };
    w.spans(content, false);
    w.end_line();
    w.out
}

struct Inlines {
    out: String,
    cx: Context,
    /// Nothing written yet on this line.
    line_start: bool,
}

impl Inlines {
    /// `in_span` when writing the content of an emphasis or a strong span,
    /// where an emphasis at either edge is written with `_` (`*_a_*` is an
    /// emphasis in an emphasis, `**a**` would be strong; `**_a_**` a strong
    /// emphasis, `***a***` would be the other way round).
    fn spans(&mut self, content: &[Inline], in_span: bool) {
        let last = content.len().saturating_sub(1);
        for (i, inline) in content.iter().enumerate() {
            match inline {
                Inline::Text(t) => self.text(t),
                Inline::Strong(c) => {
                    self.mark("**");
                    self.spans(c, true);
                    self.mark("**");
                }
                Inline::Emphasis(c) => {
                    let mark = if in_span && (i == 0 || i == last) {
                        "_"
                    } else {
                        "*"
                    };
                    self.mark(mark);
                    self.spans(c, true);
                    self.mark(mark);
                }
                Inline::Inserted(c) => {
                    self.mark("<ins>");
                    self.spans(c, in_span);
                    self.mark("</ins>");
                }
                Inline::Deleted(c) => {
                    self.mark("<del>");
                    self.spans(c, in_span);
                    self.mark("</del>");
                }
                Inline::Code(t) => {
                    let span = code_span(t, self.cx);
                    self.mark(&span);
                }
                Inline::Link { target, content } => {
                    // `!` before the link would make it an image.
                    if self.out.ends_with('!') && !self.out.ends_with("\\!") {
                        self.out.pop();
                        self.out.push_str("\\!");
                    }
                    self.mark("[");
                    self.spans(content, false);
                    let mut dest = String::from("](<");
                    for c in target.chars() {
                        if c.is_ascii_punctuation() {
                            dest.push('\\');
                        }
                        dest.push(c);
                    }
                    dest.push_str(">)");
                    self.mark(&dest);
                }
                Inline::LineBreak => match self.cx {
                    Context::Paragraph => {
                        self.end_line();
                        self.out.push_str("\\\n");
                        self.line_start = true;
                    }
                    Context::Heading | Context::Cell => self.mark("\u{2028}"),
                },
            }
        }
    }

    /// Markup (a delimiter, a code span): written as is.
    fn mark(&mut self, markup: &str) {
        self.out.push_str(markup);
        self.line_start = false;
    }

    /// Spaces and tabs that end a line or cell would be trimmed: written
    /// as character references.
    fn end_line(&mut self) {
        let kept = self.out.trim_end_matches([' ', '\t']).len();
        let trailing: String = self.out.split_off(kept);
        for c in trailing.chars() {
            self.out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
        }
    }

    fn text(&mut self, t: &str) {
        let began_line = self.line_start;
        let chars: Vec<char> = t.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let line_start = std::mem::replace(&mut self.line_start, false);
            let escaped = match c {
                ' ' | '\t' if line_start => {
                    self.out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
                    self.line_start = true;
                    continue;
                }
                // A newline from an entity or an HTML tag, and any other
                // control character: a character reference.
                c if c.is_control() => {
                    self.out.push_str(&format!("&#{};", u32::from(c)));
                    continue;
                }
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' => true,
                '|' => self.cx == Context::Cell,
                '#' | '{' | '}' if self.cx == Context::Heading => true,
                '#' | '-' | '+' | '=' | '>' | '~' | ':' => line_start && self.cx != Context::Cell,
                // `1.` or `1)` starting a paragraph's line: a list marker.
                '.' | ')' => {
                    self.cx == Context::Paragraph
                        && began_line
                        && (1..=9).contains(&i)
                        && chars[..i].iter().all(char::is_ascii_digit)
                }
                _ => false,
            };
            if escaped {
                self.out.push('\\');
            }
            self.out.push(c);
        }
    }
}

/// A code span for `text`: delimited by a run of backticks that does not
/// occur in it, padded with a space where the text starts or ends with a
/// backtick or a space (one of each is stripped when reading).
fn code_span(text: &str, cx: Context) -> String {
    let mut n = 1;
    while has_run(text, '`', n) {
        n += 1;
    }
    let ticks = "`".repeat(n);
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty());
    let body = if cx == Context::Cell {
        // In a table row a pipe ends the cell, even in a code span.
        text.replace('|', "\\|")
    } else {
        text.to_owned()
    };
    let space = if pad { " " } else { "" };
    format!("{ticks}{space}{body}{space}{ticks}")
}

/// Whether `text` holds a run of exactly `n` of `c`.
fn has_run(text: &str, c: char, n: usize) -> bool {
    let mut run = 0;
    for x in text.chars().chain(std::iter::once('\0')) {
        if x == c {
            run += 1;
        } else {
            if run == n {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::{contained, parse};
    use super::*;
    use crate::doc::Meta;

    fn round_trip(src: &str) {
        let blocks = contained(src);
        let written = write_blocks(&blocks);
        assert_eq!(
            parse(&written, Meta::default()).blocks,
            blocks,
            "{src:?} written as {written:?}"
        );
    }

    #[test]
    fn blocks_read_back_the_same() {
        for src in [
            "plain *emphasis* **strong** `co`de` [link](http://x.org/a b) end",
            "line one  \nline two",
            "- a\n- b\n\n  more b\n- ```\n  code\n  ```\n\n* c\n* d",
            "1. one\n2. two\n\n3) three\n\n10. ten",
            "> quote\n>\n> - item\n>\n> > deeper",
            "| a | b \\| c |\n|:--|--:|\n| `x|y` | **z** |",
            "````\n```\nfence inside\n````",
            "* * *\n\n- ***\n\n  text",
            "# Title\n\nSetext\n===\n\n- # in item",
            "<div>\nhtml *stays* text\n</div>",
            "    indented code\n\nafter",
            "-\n- b",
            "- ```\n    foo\n  ```\n\n::: keep\nafter\n:::",
            "1. ```\n   code\n   ```\n\n   paragraph",
            "&#32;leading space and trailing&#32;",
            "foo&#10;&#10;bar &#1; <a\nb>",
            "*_foo_* _*foo*_ ***a*** **_a_** *a *b* c*",
            "![](/url)\n\n![alt](/url)",
            "\\![foo]\n\n[foo]: /url \"title\"",
            "1. not a list\\\n2) nor this\\\n- nor this\n\n2026\\. a year",
        ] {
            round_trip(src);
        }
    }
}

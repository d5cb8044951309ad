//! HTML export: the same document tree the PDF is laid out from, written as
//! one self-contained page with print CSS (A4 or Letter, numbered headings,
//! a table of contents, repeated table headers, signature blocks kept
//! together, a DRAFT watermark). Every piece of text is HTML-escaped.

use std::fmt::Write;

use pactwright_typeset::{Block, Document, HeadingInfo, Inline, number_headings};

use super::Paper;

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{2028}' => out.push_str("<br>"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink: #1d2430; --muted: #5b6472; --rule: #c9ced6; --shade: #eef1f5; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.45; color: var(--ink); margin: 0; }
main { max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
h1, h2, h3, h4 { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--accent); break-after: avoid; page-break-after: avoid; }
h1 { font-size: 15pt; margin: 18pt 0 6pt; border-bottom: 0.6pt solid var(--rule); padding-bottom: 3pt; }
h2 { font-size: 12pt; margin: 12pt 0 4pt; }
h3, h4 { font-size: 10.5pt; margin: 10pt 0 3pt; }
.num { display: inline-block; min-width: 2.2em; }
p { margin: 0 0 6pt; text-align: justify; hyphens: auto; orphans: 2; widows: 2; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9pt; }
thead { display: table-header-group; }
th { background: var(--shade); text-align: left; font-family: "Noto Sans", Arial, sans-serif; font-weight: 600; }
th, td { border-bottom: 0.5pt solid var(--rule); padding: 3pt 5pt; vertical-align: top; }
tr { break-inside: avoid; }
ul, ol { margin: 0 0 6pt; padding-left: 16pt; }
pre { font-family: "Noto Sans Mono", monospace; font-size: 8.5pt; background: var(--shade); padding: 6pt; white-space: pre-wrap; overflow-wrap: anywhere; }
blockquote { border-left: 2pt solid var(--rule); margin: 0 0 8pt; padding-left: 8pt; color: var(--muted); }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.cover .kind { font-family: "Noto Sans", Arial, sans-serif; color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em; }
.cover h1.title { font-size: 26pt; border: 0; margin: 4pt 0 18pt; }
.cover dl { display: grid; grid-template-columns: 34mm 1fr; gap: 3pt 8pt; }
.cover dt { color: var(--muted); }
.cover dd { margin: 0; }
nav.toc { break-after: page; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc li.l2 { padding-left: 14pt; }
nav.toc li.l3, nav.toc li.l4 { padding-left: 28pt; }
nav.toc a { color: inherit; text-decoration: none; }
.keep, .signatures { break-inside: avoid; }
.changed { border-left: 2pt solid #1c1c21; margin-left: -12pt; padding-left: 10pt; }
ins { text-decoration: underline; } del { text-decoration: line-through; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 18pt 24pt; margin-top: 12pt; }
.signature .line { border-bottom: 0.6pt solid var(--ink); height: 28pt; }
.signature .who { font-size: 9pt; }
.pagebreak { break-after: page; }
.watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; transform: rotate(-35deg); font: 700 96pt "Noto Sans", Arial, sans-serif; color: rgba(0,0,0,0.06); z-index: -1; }
"#;

/// Writes a document as a standalone HTML page.
pub fn to_html(doc: &Document, paper: Paper) -> String {
    let headings = number_headings(&doc.blocks);
    let mut w = Writer {
        out: String::with_capacity(64 * 1024),
        headings: &headings,
        next: 0,
    };
    let size = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    let _ = write!(
        w.out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<meta name=\"author\" content=\"{}\">\n<meta name=\"description\" content=\"{}\">\n<meta name=\"keywords\" content=\"{}\">\n<style>@page {{ size: {size}; margin: 22mm 20mm 20mm; }}{CSS}</style>\n</head>\n<body>\n",
        esc(&doc.meta.title),
        esc(&doc.meta.author),
        esc(&doc.meta.subject),
        esc(&doc.meta.keywords.join(", ")),
    );
    if let Some(mark) = &doc.meta.watermark {
        let _ = writeln!(
            w.out,
            "<div class=\"watermark\" aria-hidden=\"true\">{}</div>",
            esc(mark)
        );
    }
    w.out.push_str("<main>\n");
    w.blocks(&doc.blocks);
    w.out.push_str("</main>\n</body>\n</html>\n");
    w.out
}

struct Writer<'a> {
    out: String,
    headings: &'a [HeadingInfo],
    next: usize,
}

impl Writer<'_> {
    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading(h) => {
                let info = self.headings.get(self.next).cloned();
                self.next += 1;
                let level = h.level.clamp(1, 4);
                let (anchor, number) = info.map(|i| (i.anchor, i.number)).unwrap_or_default();
                let _ = write!(self.out, "<h{level} id=\"{}\">", esc(&anchor));
                if !number.is_empty() {
                    let _ = write!(self.out, "<span class=\"num\">{}</span>", esc(&number));
                }
                self.inlines(&h.content);
                let _ = writeln!(self.out, "</h{level}>");
            }
            Block::Paragraph(content) => {
                self.out.push_str("<p>");
                self.inlines(content);
                self.out.push_str("</p>\n");
            }
            Block::List { start, items } => {
                let tag = if start.is_some() { "ol" } else { "ul" };
                match start {
                    Some(n) if *n != 1 => {
                        let _ = writeln!(self.out, "<ol start=\"{n}\">");
                    }
                    _ => {
                        let _ = writeln!(self.out, "<{tag}>");
                    }
                }
                for item in items {
                    self.out.push_str("<li>");
                    // A single paragraph item is written inline.
                    match item.as_slice() {
                        [Block::Paragraph(c)] => self.inlines(c),
                        _ => self.blocks(item),
                    }
                    self.out.push_str("</li>\n");
                }
                let _ = writeln!(self.out, "</{tag}>");
            }
            Block::Table(t) => {
                self.out.push_str("<table>\n<thead><tr>");
                for (i, cell) in t.header.iter().enumerate() {
                    let _ = write!(self.out, "<th{}>", align(t, i));
                    self.inlines(cell);
                    self.out.push_str("</th>");
                }
                self.out.push_str("</tr></thead>\n<tbody>\n");
                for row in &t.rows {
                    self.out.push_str("<tr>");
                    for (i, cell) in row.iter().enumerate() {
                        let _ = write!(self.out, "<td{}>", align(t, i));
                        self.inlines(cell);
                        self.out.push_str("</td>");
                    }
                    self.out.push_str("</tr>\n");
                }
                self.out.push_str("</tbody>\n</table>\n");
            }
            Block::CodeBlock(code) => {
                let _ = writeln!(self.out, "<pre>{}</pre>", esc(code));
            }
            Block::Quote(inner) => {
                self.out.push_str("<blockquote>\n");
                self.blocks(inner);
                self.out.push_str("</blockquote>\n");
            }
            Block::ThematicBreak => self.out.push_str("<hr>\n"),
            Block::PageBreak => self.out.push_str("<div class=\"pagebreak\"></div>\n"),
            Block::Keep(inner) => {
                self.out.push_str("<div class=\"keep\">\n");
                self.blocks(inner);
                self.out.push_str("</div>\n");
            }
            Block::Changed(inner) => {
                self.out.push_str("<div class=\"changed\">\n");
                self.blocks(inner);
                self.out.push_str("</div>\n");
            }
            Block::Signatures(list) => {
                self.out.push_str("<div class=\"signatures\">\n");
                for s in list {
                    let _ = writeln!(
                        self.out,
                        "<div class=\"signature\"><div class=\"role\">{}</div><div class=\"line\"></div><div class=\"who\">{}<br>{}</div><div class=\"line\">{}</div><div class=\"who\">Date</div></div>",
                        esc(&s.role),
                        esc(&s.name),
                        esc(&s.organization),
                        esc(&s.date)
                    );
                }
                self.out.push_str("</div>\n");
            }
            Block::Toc => {
                self.out
                    .push_str("<nav class=\"toc\">\n<h2>Contents</h2>\n<ol>\n");
                for h in self.headings.iter().filter(|h| h.level <= 3) {
                    let _ = writeln!(
                        self.out,
                        "<li class=\"l{}\"><a href=\"#{}\"><span class=\"num\">{}</span>{}</a></li>",
                        h.level,
                        esc(&h.anchor),
                        esc(&h.number),
                        esc(&h.title)
                    );
                }
                self.out.push_str("</ol>\n</nav>\n");
            }
            Block::Cover(c) => {
                self.out.push_str("<section class=\"cover\">\n");
                let _ = writeln!(self.out, "<div class=\"kind\">{}</div>", esc(&c.subtitle));
                let _ = writeln!(self.out, "<h1 class=\"title\">{}</h1>", esc(&c.title));
                self.out.push_str("<dl>\n");
                for (k, v) in &c.facts {
                    let _ = writeln!(self.out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
                }
                self.out.push_str("</dl>\n</section>\n");
            }
        }
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => self.out.push_str(&esc(t)),
                Inline::Strong(c) => {
                    self.out.push_str("<strong>");
                    self.inlines(c);
                    self.out.push_str("</strong>");
                }
                Inline::Emphasis(c) => {
                    self.out.push_str("<em>");
                    self.inlines(c);
                    self.out.push_str("</em>");
                }
                Inline::Inserted(c) => {
                    self.out.push_str("<ins>");
                    self.inlines(c);
                    self.out.push_str("</ins>");
                }
                Inline::Deleted(c) => {
                    self.out.push_str("<del>");
                    self.inlines(c);
                    self.out.push_str("</del>");
                }
                Inline::Code(t) => {
                    let _ = write!(self.out, "<code>{}</code>", esc(t));
                }
                Inline::Link { target, content } => {
                    let safe = target.starts_with('#')
                        || target.starts_with("https://")
                        || target.starts_with("http://")
                        || target.starts_with("mailto:");
                    if safe {
                        let _ = write!(self.out, "<a href=\"{}\">", esc(target));
                        self.inlines(content);
                        self.out.push_str("</a>");
                    } else {
                        self.inlines(content);
                    }
                }
                Inline::LineBreak => self.out.push_str("<br>"),
            }
        }
    }
}

fn align(t: &pactwright_typeset::Table, column: usize) -> &'static str {
    match t.align.get(column) {
        Some(pactwright_typeset::Align::Right) => " style=\"text-align:right\"",
        Some(pactwright_typeset::Align::Center) => " style=\"text-align:center\"",
        _ => "",
    }
}

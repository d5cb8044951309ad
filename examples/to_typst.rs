//! Writes an agreement as Typst markup, from the same document tree the
//! PDF is laid out from, so `scripts/bench-compare.py` can time Typst on the
//! same content: `cargo run --release --example to_typst -- DRAFT OUT.typ`.

use std::fmt::Write;
use std::path::Path;

use pactwright::render::{self, Templates};
use pactwright_typeset::{Block, Inline};

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        if c == '\u{2028}' || c == '\n' {
            out.push_str(" \\ ");
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out
}

fn inlines(list: &[Inline]) -> String {
    let mut out = String::new();
    for i in list {
        match i {
            Inline::Text(t) => out.push_str(&esc(t)),
            Inline::Strong(c) => out.push_str(&format!("#strong[{}]", inlines(c))),
            Inline::Emphasis(c) => out.push_str(&format!("#emph[{}]", inlines(c))),
            Inline::Inserted(c) => out.push_str(&format!("#underline[{}]", inlines(c))),
            Inline::Deleted(c) => out.push_str(&format!("#strike[{}]", inlines(c))),
            Inline::Code(t) => out.push_str(&format!(
                "#raw(\"{}\")",
                t.replace('\\', "\\\\").replace('"', "\\\"")
            )),
            Inline::Link { content, .. } => out.push_str(&inlines(content)),
            Inline::LineBreak => out.push_str(" \\ "),
        }
    }
    out
}

fn blocks(list: &[Block], out: &mut String, depth: usize) {
    for b in list {
        match b {
            Block::Heading(h) => {
                let _ = writeln!(
                    out,
                    "\n{} {}\n",
                    "=".repeat(usize::from(h.level.clamp(1, 4))),
                    inlines(&h.content)
                );
            }
            Block::Paragraph(c) => {
                let _ = writeln!(out, "{}\n", inlines(c));
            }
            Block::List { start, items } => {
                for item in items {
                    let marker = if start.is_some() { "+" } else { "-" };
                    let mut inner = String::new();
                    blocks(item, &mut inner, depth + 1);
                    let _ = writeln!(
                        out,
                        "{}{marker} {}",
                        "  ".repeat(depth),
                        inner
                            .trim()
                            .replace('\n', &format!("\n{}  ", "  ".repeat(depth)))
                    );
                }
                out.push('\n');
            }
            Block::Table(t) => {
                let cols = t.header.len().max(1);
                let _ = write!(
                    out,
                    "#table(columns: {cols}, stroke: 0.4pt + luma(200), fill: (x, y) => if y == 0 {{ luma(235) }}, table.header("
                );
                for cell in &t.header {
                    let _ = write!(out, "[*{}*], ", inlines(cell));
                }
                out.push_str("),\n");
                for row in &t.rows {
                    for i in 0..cols {
                        let _ = write!(
                            out,
                            "[{}], ",
                            row.get(i).map(|c| inlines(c)).unwrap_or_default()
                        );
                    }
                    out.push('\n');
                }
                out.push_str(")\n\n");
            }
            Block::CodeBlock(c) => {
                let _ = writeln!(
                    out,
                    "#raw(block: true, \"{}\")\n",
                    c.replace('\\', "\\\\").replace('"', "\\\"")
                );
            }
            Block::Quote(inner) | Block::Keep(inner) | Block::Changed(inner) => {
                out.push_str("#block(breakable: false)[\n");
                blocks(inner, out, depth);
                out.push_str("]\n\n");
            }
            Block::ThematicBreak => out.push_str("#line(length: 100%)\n\n"),
            Block::PageBreak => out.push_str("#pagebreak()\n\n"),
            Block::Signatures(list) => {
                out.push_str("#block(breakable: false)[#grid(columns: 2, gutter: 24pt,\n");
                for s in list {
                    let _ = writeln!(
                        out,
                        "[{} #v(28pt) #line(length: 90%) {} \\ {}],",
                        esc(&s.role),
                        esc(&s.name),
                        esc(&s.organization)
                    );
                }
                out.push_str(")]\n\n");
            }
            Block::Toc => out.push_str("#outline(depth: 3)\n#pagebreak()\n\n"),
            Block::Cover(c) => {
                let _ = writeln!(
                    out,
                    "#page(header: none, footer: none)[#v(30%) #text(size: 26pt, weight: \"bold\")[{}] \\ #text(fill: gray)[{}] #v(2em)",
                    esc(&c.title),
                    esc(&c.subtitle)
                );
                for (k, v) in &c.facts {
                    let _ = writeln!(
                        out,
                        "#text(size: 8pt, fill: gray)[{}] #h(1em) {} \\",
                        esc(&k.to_uppercase()),
                        esc(v)
                    );
                }
                out.push_str("]\n\n");
            }
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        return Err("usage: to_typst DRAFT OUT.typ".into());
    };
    let a = pactwright::file::load(Path::new(input))?.agreement;
    let templates = Templates::builtin()?;
    let source = render::to_markdown(&a, &templates, render::default_template(a.document.kind))?;
    let doc = render::to_document(&source, &a, render::meta(&a, false));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "#set document(title: \"{}\")\n#set page(paper: \"a4\", margin: (x: 20mm, y: 22mm), header: align(left, text(size: 7pt, fill: gray)[{}]), footer: context align(right, text(size: 7pt)[Page #counter(page).display() of #counter(page).final().first()]))\n#set text(font: \"Noto Serif\", size: 10.5pt)\n#set par(justify: true)\n#set heading(numbering: \"1.1\")\n#show heading: set text(font: \"Noto Sans\", fill: rgb(\"#1f4e79\"))\n#show table: set text(font: \"Noto Sans\", size: 8.5pt)\n",
        doc.meta.title.replace('"', "'"),
        esc(&doc.meta.header)
    );
    blocks(&doc.blocks, &mut out, 0);
    std::fs::write(output, out)?;
    Ok(())
}

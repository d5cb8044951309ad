//! Block builders: each block of the document tree (paragraphs, headings,
//! lists, code, quotes, keep groups...) becomes flow elements of line
//! boxes. Tables, signatures, the table of contents and the cover have
//! files of their own.

use super::boxes::{Flow, Row, VBox, VItem};
use super::page::{Item, Role};
use super::text::{LineOpts, Paragraph, Shaper, TextAlign, TextStyle};
use super::{CODE_BG, Color, HEADING, LayoutOptions, RULE, TEXT};
use crate::doc::{Block, HeadingInfo, Inline};
use crate::fonts::{Family, FontStyle};

pub(super) struct Ctx<'a> {
    pub(super) sh: Shaper<'a>,
    pub(super) opts: &'a LayoutOptions,
    pub(super) headings: &'a [HeadingInfo],
    pub(super) next_heading: usize,
    pub(super) block_no: usize,
}

pub(super) fn style(
    family: Family,
    bold: bool,
    italic: bool,
    size: f32,
    color: Color,
) -> TextStyle {
    TextStyle {
        font: FontStyle {
            family,
            bold,
            italic,
        },
        size,
        color,
        deco: super::text::Deco::None,
    }
}

/// How far left of the text a change bar is drawn (in the margin).
const CHANGE_BAR_GAP: f32 = 12.0;

impl Ctx<'_> {
    pub(super) fn body(&self) -> TextStyle {
        style(Family::Serif, false, false, self.opts.body_size, TEXT)
    }

    pub(super) fn para(
        &mut self,
        inlines: &[Inline],
        st: TextStyle,
        x: f32,
        w: f32,
        lo: LineOpts,
    ) -> Vec<VBox> {
        let code = style(Family::Mono, st.font.bold, false, st.size * 0.9, st.color);
        let p = Paragraph::build(&mut self.sh, inlines, st, move |_| code);
        p.lines(&mut self.sh, x, w, lo)
    }

    pub(super) fn body_opts(&self) -> LineOpts {
        LineOpts {
            align: if self.opts.justify {
                TextAlign::Justify
            } else {
                TextAlign::Left
            },
            leading: 1.45,
            hyphenate: true,
            role: Role::Body,
        }
    }

    pub(super) fn blocks(
        &mut self,
        blocks: &[Block],
        x: f32,
        w: f32,
        depth: usize,
        gap: f32,
        out: &mut Vec<Flow>,
    ) {
        for block in blocks {
            if depth == 0 {
                self.block_no += 1;
            }
            self.block(block, x, w, depth, gap, out);
        }
    }

    fn block(
        &mut self,
        block: &Block,
        x: f32,
        w: f32,
        depth: usize,
        gap: f32,
        out: &mut Vec<Flow>,
    ) {
        let kind = match block {
            Block::Heading(_) => "heading",
            Block::Paragraph(_) => "paragraph",
            Block::List { .. } => "list",
            Block::Table(_) => "table",
            Block::CodeBlock(_) => "code block",
            Block::Quote(_) => "note",
            Block::Keep(_) => "keep group",
            Block::Changed(_) => "changed blocks",
            Block::Signatures(_) => "signatures",
            Block::Cover(_) => "cover",
            _ => "block",
        };
        if depth == 0 {
            self.sh.location = format!("block {} ({kind})", self.block_no);
        }
        // Very deep nesting is drawn flat rather than squeezed to nothing.
        let (x, w) = if w < 120.0 {
            (x - (120.0 - w).min(x), w.max(120.0))
        } else {
            (x, w)
        };
        match block {
            Block::Heading(h) => self.heading(h, x, w, out),
            Block::Paragraph(inl) => {
                let st = self.body();
                let lines = self.para(inl, st, x, w, self.body_opts());
                out.push(Flow::Boxes {
                    boxes: lines,
                    before: gap,
                    // A lead-in ("The targets for each priority:") stays
                    // with what it introduces.
                    keep_next: Inline::plain_text(inl).trim_end().ends_with(':'),
                    together: false,
                    orphans: true,
                });
            }
            Block::List { start, items } => self.list(*start, items, x, w, depth, gap, out),
            Block::Table(t) => self.table(t, x, w, gap, out),
            Block::CodeBlock(code) => {
                let st = style(Family::Mono, false, false, self.opts.body_size * 0.82, TEXT);
                let lo = LineOpts {
                    align: TextAlign::Left,
                    leading: 1.4,
                    hyphenate: false,
                    role: Role::Body,
                };
                let mut boxes = vec![VBox::spacer(5.0)];
                for line in code.trim_end_matches('\n').split('\n') {
                    let inl = [Inline::Text(line.replace('\t', "    "))];
                    boxes.extend(self.para(&inl, st, x + 8.0, w - 16.0, lo));
                }
                boxes.push(VBox::spacer(5.0));
                for b in &mut boxes {
                    b.items.insert(
                        0,
                        VItem::Item(Item::Rect {
                            rect: [x, 0.0, w, b.h],
                            color: CODE_BG,
                        }),
                    );
                }
                out.push(Flow::Boxes {
                    boxes,
                    before: gap + 2.0,
                    keep_next: false,
                    together: false,
                    orphans: true,
                });
            }
            Block::Quote(inner) => {
                let mut flows = Vec::new();
                self.blocks(inner, x + 16.0, w - 16.0, depth + 1, gap, &mut flows);
                for (i, f) in flows.iter_mut().enumerate() {
                    if let Flow::Boxes { boxes, before, .. } = f {
                        if i > 0 {
                            if let Some(first) = boxes.first_mut() {
                                first.shift(*before);
                                first.h += *before;
                            }
                        }
                        *before = if i == 0 { gap + 2.0 } else { 0.0 };
                        for b in boxes.iter_mut() {
                            b.items.insert(
                                0,
                                VItem::Item(Item::Rect {
                                    rect: [x + 2.0, 0.0, 2.2, b.h],
                                    color: RULE,
                                }),
                            );
                        }
                    }
                }
                out.extend(flows);
            }
            Block::Changed(inner) => {
                // A change bar in the left margin beside every line of the
                // blocks (the gap between blocks inside too, so the bar is
                // one line from the first to the last).
                let mut flows = Vec::new();
                self.blocks(inner, x, w, depth + 1, gap, &mut flows);
                for (i, f) in flows.iter_mut().enumerate() {
                    if let Flow::Boxes { boxes, before, .. } = f {
                        if i > 0 {
                            if let Some(first) = boxes.first_mut() {
                                first.shift(*before);
                                first.h += *before;
                            }
                            *before = 0.0;
                        }
                        for b in boxes.iter_mut() {
                            b.items.push(VItem::Item(Item::Rect {
                                rect: [x - CHANGE_BAR_GAP, 0.0, 2.0, b.h],
                                color: TEXT,
                            }));
                        }
                    }
                }
                out.extend(flows);
            }
            Block::ThematicBreak => {
                let mut b = VBox::spacer(16.0);
                b.items.push(VItem::Item(Item::Line {
                    from: (x + w * 0.3, 8.0),
                    to: (x + w * 0.7, 8.0),
                    width: 0.6,
                    color: RULE,
                }));
                out.push(Flow::Boxes {
                    boxes: vec![b],
                    before: gap,
                    keep_next: false,
                    together: true,
                    orphans: false,
                });
            }
            Block::PageBreak => out.push(Flow::PageBreak),
            Block::Keep(inner) => {
                let mut flows = Vec::new();
                self.blocks(inner, x, w, depth + 1, gap, &mut flows);
                let mut boxes = Vec::new();
                let mut first_before = gap;
                for (i, f) in flows.into_iter().enumerate() {
                    match f {
                        Flow::Boxes {
                            boxes: b, before, ..
                        } => {
                            if i == 0 {
                                first_before = before;
                            } else {
                                boxes.push(VBox::spacer(before));
                            }
                            boxes.extend(b);
                        }
                        Flow::Table {
                            header,
                            rows,
                            before,
                        } => {
                            if i == 0 {
                                first_before = before;
                            } else {
                                boxes.push(VBox::spacer(before));
                            }
                            boxes.extend(header.into_iter().map(Row::into_full));
                            boxes.extend(rows.into_iter().map(Row::into_full));
                        }
                        Flow::PageBreak | Flow::Cover(_) => {}
                    }
                }
                out.push(Flow::Boxes {
                    boxes,
                    before: first_before,
                    keep_next: false,
                    together: true,
                    orphans: false,
                });
            }
            Block::Signatures(s) => self.signatures(s, x, w, gap, out),
            Block::Toc => self.toc(x, w, out),
            Block::Cover(c) => {
                let b = self.cover(c, x, w);
                out.push(Flow::Cover(b));
            }
        }
    }

    fn heading(&mut self, h: &crate::doc::Heading, x: f32, w: f32, out: &mut Vec<Flow>) {
        let idx = self.next_heading;
        self.next_heading += 1;
        let info = self.headings.get(idx).cloned();
        let level = usize::from(h.level.clamp(1, 4)) - 1;
        let sizes = [15.5, 12.5, 11.0, 10.5];
        let before = [22.0, 15.0, 11.0, 9.0];
        let s = self.opts.body_size / 10.5;
        let st = style(Family::Sans, true, level == 3, sizes[level] * s, HEADING);
        let mut inl = Vec::new();
        if let Some(i) = &info {
            if !i.number.is_empty() {
                inl.push(Inline::Text(format!("{}\u{2002}\u{2002}", i.number)));
            }
        }
        inl.extend(h.content.iter().cloned());
        let lo = LineOpts {
            align: TextAlign::Left,
            leading: 1.3,
            hyphenate: false,
            role: Role::Body,
        };
        let mut boxes = self.para(&inl, st, x, w, lo);
        if let Some(first) = boxes.first_mut() {
            if let Some(i) = &info {
                first.items.push(VItem::Dest(i.anchor.clone()));
            }
            first.items.push(VItem::Heading(idx));
        }
        let after = if level == 0 { 7.0 } else { 3.0 };
        if let Some(last) = boxes.last_mut() {
            if level == 0 {
                last.items.push(VItem::Item(Item::Line {
                    from: (x, last.h + 2.0),
                    to: (x + w, last.h + 2.0),
                    width: 0.6,
                    color: RULE,
                }));
            }
            last.h += after;
        }
        out.push(Flow::Boxes {
            boxes,
            before: before[level] * s,
            keep_next: true,
            together: true,
            orphans: false,
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn list(
        &mut self,
        start: Option<u64>,
        items: &[Vec<Block>],
        x: f32,
        w: f32,
        depth: usize,
        gap: f32,
        out: &mut Vec<Flow>,
    ) {
        let st = self.body();
        let indent = match start {
            Some(s) => {
                let last = s.saturating_add(items.len().saturating_sub(1) as u64);
                let widest = self.sh.measure(&format!("{last}."), st);
                (widest + 8.0).max(22.0)
            }
            None => 16.0,
        };
        let bullets = ["\u{2022}", "\u{2013}", "\u{25E6}"];
        for (n, item) in items.iter().enumerate() {
            let mut flows = Vec::new();
            self.blocks(item, x + indent, w - indent, depth + 1, 4.0, &mut flows);
            let marker = match start {
                Some(s) => format!("{}.", s.saturating_add(n as u64)),
                None => bullets[depth % 3].to_string(),
            };
            let mw = self.sh.measure(&marker, st);
            // Attach the marker to the first box of the item.
            let first_box = flows.iter_mut().find_map(|f| match f {
                Flow::Boxes { boxes, .. } => boxes.first_mut(),
                _ => None,
            });
            let target = match first_box {
                Some(b) => b,
                None => {
                    flows.insert(
                        0,
                        Flow::Boxes {
                            boxes: vec![VBox {
                                h: st.size * 1.45,
                                baseline: Some(st.size * 1.1),
                                ..VBox::default()
                            }],
                            before: 0.0,
                            keep_next: false,
                            together: true,
                            orphans: false,
                        },
                    );
                    match flows.first_mut() {
                        Some(Flow::Boxes { boxes, .. }) => match boxes.first_mut() {
                            Some(b) => b,
                            None => continue,
                        },
                        _ => continue,
                    }
                }
            };
            let baseline = target.baseline.unwrap_or(st.size);
            let (runs, _) =
                self.sh
                    .line_runs(&marker, st, x + indent - 6.0 - mw, baseline, Role::Body);
            target.items.extend(runs.into_iter().map(VItem::Item));
            if let Some(f) = flows.first_mut() {
                f.set_before(if n == 0 {
                    if depth == 0 { gap } else { 2.0 }
                } else {
                    3.0
                });
            }
            out.extend(flows);
        }
    }
}

//! Layout: document tree -> backend-neutral pages.
//!
//! Why backend-neutral: the PDF writer and the desktop preview (SVG) draw
//! the very same [`Page`]s, so the preview cannot disagree with the export.
//!
//! How it works, in one pass plus fix-ups:
//! 1. every block becomes a *flow* element: a list of line boxes (with
//!    widow/orphan control), a keep-together group, a table (rows with a
//!    header to repeat), a page break or a cover page;
//! 2. the paginator places flow elements on pages (headings are kept with
//!    the first lines of what follows);
//! 3. fix-ups that need page numbers: internal links, table-of-contents
//!    page numbers, the outline, running header/footer ("Page N of M") and
//!    the watermark.
//!
//! The table of contents reserves a fixed-width column for page numbers, so
//! its length never depends on the numbers it shows: filling them in after
//! pagination cannot move anything, and no second layout pass is needed.
//!
//! Coordinates are PostScript points with the origin at the **top-left**
//! of the page and y growing downwards; text runs are positioned by their
//! baseline.

mod text;

use crate::doc::{
    Align, Block, Cover, Document, HeadingInfo, Inline, Signatory, Table, number_headings,
};
use crate::error::{Error, Result};
use crate::fonts::{Family, FontFace, FontId, FontSet, FontStyle};
use std::collections::HashMap;
use std::sync::Arc;
use text::{LineOpts, Paragraph, Shaper, TextAlign, TextStyle};

/// An RGB colour, components 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// Red.
    pub r: f32,
    /// Green.
    pub g: f32,
    /// Blue.
    pub b: f32,
}

const fn rgb(r: f32, g: f32, b: f32) -> Color {
    Color { r, g, b }
}

const TEXT: Color = rgb(0.11, 0.11, 0.13);
const HEADING: Color = rgb(0.10, 0.21, 0.37);
pub(crate) const LINK: Color = rgb(0.08, 0.30, 0.58);
const MUTED: Color = rgb(0.40, 0.42, 0.46);
const RULE: Color = rgb(0.78, 0.80, 0.83);
const RULE_DARK: Color = rgb(0.45, 0.50, 0.56);
const SHADE: Color = rgb(0.925, 0.937, 0.953);
const CODE_BG: Color = rgb(0.955, 0.958, 0.962);
const WATERMARK: Color = rgb(0.90, 0.905, 0.915);

/// Columns beyond this are dropped with a warning (each would be < 2 pt).
const MAX_COLUMNS: usize = 256;

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Paper {
    /// ISO A4, 210 x 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 x 11 in.
    Letter,
    /// Any size in points.
    Custom {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
    },
}

impl Paper {
    /// (width, height) in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
            Paper::Custom { width, height } => (width.max(144.0), height.max(144.0)),
        }
    }
}

/// Page margins in points (the header and footer sit inside the top and
/// bottom margins).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// Top margin.
    pub top: f32,
    /// Right margin.
    pub right: f32,
    /// Bottom margin.
    pub bottom: f32,
    /// Left margin.
    pub left: f32,
}

impl Default for Margins {
    fn default() -> Self {
        Self {
            top: 78.0,
            right: 70.0,
            bottom: 70.0,
            left: 70.0,
        }
    }
}

/// Layout settings.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Paper size.
    pub paper: Paper,
    /// Margins around the body text.
    pub margins: Margins,
    /// Body text size in points.
    pub body_size: f32,
    /// Justify body paragraphs (otherwise ragged right).
    pub justify: bool,
    /// Deepest heading level listed in the table of contents.
    pub toc_depth: u8,
    /// Title printed above the table of contents.
    pub toc_title: String,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            paper: Paper::A4,
            margins: Margins::default(),
            body_size: 10.5,
            justify: true,
            toc_depth: 3,
            toc_title: "Contents".into(),
        }
    }
}

impl LayoutOptions {
    /// The body area: (left, top, right, bottom) in page coordinates.
    pub fn content_box(&self) -> [f32; 4] {
        let (w, h) = self.paper.size();
        let m = self.margins;
        [
            m.left,
            m.top,
            (w - m.right).max(m.left + 72.0),
            (h - m.bottom).max(m.top + 72.0),
        ]
    }
}

/// What a text run is for (lets tests and backends treat chrome apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Document content.
    Body,
    /// Running header.
    Header,
    /// Running footer.
    Footer,
    /// Diagonal watermark.
    Watermark,
}

/// One glyph of a run (points). Twelve bytes: a long agreement keeps
/// hundreds of thousands; the rare offsets live in [`TextRun::offsets`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Glyph id in the run's font.
    pub id: u16,
    /// Advance to the next glyph (includes justification stretch).
    pub advance: f32,
    /// Byte offset in [`TextRun::text`] of the cluster this glyph draws.
    pub cluster: u32,
}

/// A run of glyphs in one font, size and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Pen start x.
    pub x: f32,
    /// Baseline y.
    pub y: f32,
    /// Font, an index into [`Layout::fonts`].
    pub font: FontId,
    /// Size in points.
    pub size: f32,
    /// Fill colour.
    pub color: Color,
    /// Glyphs in visual order.
    pub glyphs: Vec<Glyph>,
    /// Where glyphs are drawn away from the pen position (marks placed on
    /// their base, raised or lowered glyphs): `[x, y up]` in points, one
    /// per glyph; empty when no glyph of the run is.
    pub offsets: Vec<[f32; 2]>,
    /// The source text (logical order) the glyphs were shaped from.
    pub text: String,
    /// Rotation counter-clockwise in degrees around (x, y).
    pub angle: f32,
    /// Content or page chrome.
    pub role: Role,
}

impl TextRun {
    /// Total advance width.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }

    /// Offset `[x, y up]` of glyph `i` from its pen position.
    pub fn offset(&self, i: usize) -> [f32; 2] {
        self.offsets.get(i).copied().unwrap_or_default()
    }

    /// True when glyph `i` is drawn away from its pen position.
    pub fn is_offset(&self, i: usize) -> bool {
        self.offset(i) != [0.0, 0.0]
    }
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// A position in this document (page index from 0, y from the top).
    Internal {
        /// Page index (0-based).
        page: usize,
        /// y in page coordinates.
        y: f32,
    },
    /// An external URL.
    Url(String),
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text.
    Text(TextRun),
    /// A straight line.
    Line {
        /// Start point.
        from: (f32, f32),
        /// End point.
        to: (f32, f32),
        /// Stroke width.
        width: f32,
        /// Stroke colour.
        color: Color,
    },
    /// A filled rectangle: x, y (top), width, height.
    Rect {
        /// x, y (top), width, height.
        rect: [f32; 4],
        /// Fill colour.
        color: Color,
    },
    /// A clickable area: x, y (top), width, height.
    Link {
        /// x, y (top), width, height.
        rect: [f32; 4],
        /// Destination.
        target: LinkTarget,
    },
}

impl Item {
    fn shift(&mut self, dy: f32) {
        match self {
            Item::Text(t) => t.y += dy,
            Item::Line { from, to, .. } => {
                from.1 += dy;
                to.1 += dy;
            }
            Item::Rect { rect, .. } | Item::Link { rect, .. } => rect[1] += dy,
        }
    }
}

/// A named position (a heading's anchor) on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Destination {
    /// Anchor name.
    pub name: String,
    /// y in page coordinates.
    pub y: f32,
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// Drawing items in painting order.
    pub items: Vec<Item>,
    /// Named destinations on this page.
    pub destinations: Vec<Destination>,
    /// The cover page (no header or footer).
    pub cover: bool,
}

impl Page {
    /// The page's text runs joined line by line, for snapshots and search.
    pub fn text(&self) -> String {
        let mut runs: Vec<&TextRun> = self
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) if t.role != Role::Watermark => Some(t),
                _ => None,
            })
            .collect();
        // Reading order: by baseline, then left to right.
        runs.sort_by(|a, b| {
            (a.y * 4.0)
                .round()
                .total_cmp(&(b.y * 4.0).round())
                .then(a.x.total_cmp(&b.x))
        });
        let mut out = String::new();
        let mut last_y: Option<f32> = None;
        for t in runs {
            {
                match last_y {
                    Some(y) if (y - t.y).abs() < 0.5 => out.push(' '),
                    Some(_) => out.push('\n'),
                    None => {}
                }
                out.push_str(t.text.trim());
                last_y = Some(t.y);
            }
        }
        out
    }
}

/// One outline (bookmark) entry, nested like the headings.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Heading level 1-4.
    pub level: u8,
    /// "1.2 Title" (number omitted when unnumbered).
    pub title: String,
    /// Anchor id.
    pub anchor: String,
    /// Page index (0-based).
    pub page: usize,
    /// y of the heading top.
    pub y: f32,
    /// Sub-headings.
    pub children: Vec<OutlineEntry>,
}

/// Something the reader should know about (content was still rendered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What happened.
    pub message: String,
    /// Where: the block it came from.
    pub location: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// The result of layout.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Pages in order.
    pub pages: Vec<Page>,
    /// Heading tree with page positions.
    pub outline: Vec<OutlineEntry>,
    /// Problems found (missing glyphs, unknown link targets, ...).
    pub warnings: Vec<Warning>,
    /// Fonts referenced by [`TextRun::font`].
    pub fonts: Vec<Arc<FontFace>>,
}

/// An item in a box before placement (some need page numbers first).
#[derive(Debug, Clone)]
pub(crate) enum VItem {
    Item(Item),
    InternalLink {
        rect: [f32; 4],
        anchor: String,
    },
    Dest(String),
    Heading(usize),
    TocNumber {
        right: f32,
        baseline: f32,
        anchor: String,
        style: TextStyle,
    },
}

/// A vertical box: items relative to its top.
#[derive(Debug, Clone, Default)]
pub(crate) struct VBox {
    pub h: f32,
    pub items: Vec<VItem>,
    pub baseline: Option<f32>,
}

impl VBox {
    fn spacer(h: f32) -> Self {
        Self {
            h,
            ..Self::default()
        }
    }

    fn shift(&mut self, dy: f32) {
        for it in &mut self.items {
            match it {
                VItem::Item(i) => i.shift(dy),
                VItem::InternalLink { rect, .. } => rect[1] += dy,
                VItem::TocNumber { baseline, .. } => *baseline += dy,
                VItem::Dest(_) | VItem::Heading(_) => {}
            }
        }
        if let Some(b) = &mut self.baseline {
            *b += dy;
        }
    }
}

struct Row {
    /// Lines per cell, with the cell's x and width.
    cells: Vec<Vec<VBox>>,
    pad: f32,
    x: f32,
    w: f32,
    header: bool,
}

impl Row {
    fn height(&self) -> f32 {
        let inner = self
            .cells
            .iter()
            .map(|c| c.iter().map(|b| b.h).sum::<f32>())
            .fold(0.0, f32::max);
        inner + 2.0 * self.pad
    }

    /// A box drawing the lines `ranges[i]` of each cell (copies them: for
    /// rows split across pages).
    fn render(&self, ranges: &[std::ops::Range<usize>]) -> VBox {
        let cells = self
            .cells
            .iter()
            .zip(ranges)
            .map(|(cell, r)| cell.get(r.clone()).unwrap_or(&[]).to_vec());
        self.assemble(cells)
    }

    /// The box drawing every line of the row, which it takes.
    fn into_full(mut self) -> VBox {
        let cells = std::mem::take(&mut self.cells);
        self.assemble(cells)
    }

    fn assemble(&self, cells: impl IntoIterator<Item = Vec<VBox>>) -> VBox {
        let mut b = VBox::default();
        let mut inner: f32 = 0.0;
        for cell in cells {
            let mut y = self.pad;
            for mut l in cell {
                l.shift(y);
                y += l.h;
                b.items.extend(l.items);
            }
            inner = inner.max(y - self.pad);
        }
        b.h = inner + 2.0 * self.pad;
        if self.header {
            b.items.insert(
                0,
                VItem::Item(Item::Rect {
                    rect: [self.x, 0.0, self.w, b.h],
                    color: SHADE,
                }),
            );
        }
        b.items.push(VItem::Item(Item::Line {
            from: (self.x, b.h),
            to: (self.x + self.w, b.h),
            width: if self.header { 0.8 } else { 0.4 },
            color: if self.header { RULE_DARK } else { RULE },
        }));
        b
    }
}

enum Flow {
    Boxes {
        boxes: Vec<VBox>,
        before: f32,
        keep_next: bool,
        together: bool,
        orphans: bool,
    },
    Table {
        header: Option<Row>,
        rows: Vec<Row>,
        before: f32,
    },
    PageBreak,
    Cover(Vec<VBox>),
}

impl Flow {
    fn set_before(&mut self, v: f32) {
        match self {
            Flow::Boxes { before, .. } | Flow::Table { before, .. } => *before = v,
            _ => {}
        }
    }

    /// Height needed to start this flow on a page (for keep-with-next).
    fn start_height(&self, page_h: f32) -> f32 {
        match self {
            Flow::Boxes {
                boxes,
                before,
                together,
                ..
            } => {
                let total: f32 = boxes.iter().map(|b| b.h).sum();
                if *together && total <= page_h {
                    before + total
                } else {
                    before + boxes.iter().take(2).map(|b| b.h).sum::<f32>()
                }
            }
            Flow::Table {
                header,
                rows,
                before,
            } => before + table_start(header.as_ref(), rows, page_h),
            _ => 0.0,
        }
    }
}

/// The height a table needs where it starts: its header and first row (at
/// most a third of a page of it).
fn table_start(header: Option<&Row>, rows: &[Row], page_h: f32) -> f32 {
    header.map_or(0.0, Row::height) + rows.first().map_or(0.0, |r| r.height().min(page_h / 3.0))
}

struct Ctx<'a> {
    sh: Shaper<'a>,
    opts: &'a LayoutOptions,
    headings: &'a [HeadingInfo],
    next_heading: usize,
    block_no: usize,
}

fn style(family: Family, bold: bool, italic: bool, size: f32, color: Color) -> TextStyle {
    TextStyle {
        font: FontStyle {
            family,
            bold,
            italic,
        },
        size,
        color,
    }
}

impl Ctx<'_> {
    fn body(&self) -> TextStyle {
        style(Family::Serif, false, false, self.opts.body_size, TEXT)
    }

    fn para(
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

    fn body_opts(&self) -> LineOpts {
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

    fn blocks(
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

    fn table(&mut self, t: &Table, x: f32, w: f32, gap: f32, out: &mut Vec<Flow>) {
        let ncols = t
            .rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(t.header.len()))
            .max()
            .unwrap_or(0);
        if ncols > MAX_COLUMNS {
            self.sh.warnings.push(Warning {
                message: format!(
                    "table has {ncols} columns; only the first {MAX_COLUMNS} are printed"
                ),
                location: self.sh.location.clone(),
            });
        }
        let ncols = ncols.clamp(1, MAX_COLUMNS);
        let s = self.opts.body_size / 10.5;
        let cell_st = style(Family::Sans, false, false, 9.0 * s, TEXT);
        let head_st = style(Family::Sans, true, false, 9.0 * s, HEADING);
        let empty: Vec<Inline> = Vec::new();
        let build = |ctx: &mut Self, cells: &[Vec<Inline>], st: TextStyle| -> Vec<Paragraph> {
            (0..ncols)
                .map(|c| {
                    let inl = cells.get(c).unwrap_or(&empty);
                    let code = style(Family::Mono, st.font.bold, false, st.size * 0.92, st.color);
                    Paragraph::build(&mut ctx.sh, inl, st, move |_| code)
                })
                .collect()
        };
        let header = if t.header.is_empty() {
            None
        } else {
            Some(build(self, &t.header, head_st))
        };
        let body: Vec<Vec<Paragraph>> = t.rows.iter().map(|r| build(self, r, cell_st)).collect();
        let pad_h = 5.0;
        let mut mins = vec![0.0f32; ncols];
        let mut maxs = vec![0.0f32; ncols];
        for row in header.iter().chain(body.iter()) {
            for (c, p) in row.iter().enumerate() {
                let (mn, mx) = p.min_max();
                mins[c] = mins[c].max(mn + 2.0 * pad_h);
                maxs[c] = maxs[c].max(mx + 2.0 * pad_h);
            }
        }
        // A single huge word must not starve the other columns.
        for m in &mut mins {
            *m = m.min(w * 0.4);
        }
        let sum_max: f32 = maxs.iter().sum();
        let mut widths: Vec<f32> = if sum_max <= w {
            let total = sum_max.max(1.0);
            maxs.iter().map(|m| m + (w - sum_max) * m / total).collect()
        } else {
            // Columns whose natural width is below a fair share get it in
            // full (short labels never wrap); the rest share what is left
            // between their minimum and natural widths.
            let mut widths = vec![0.0f32; ncols];
            let mut fixed = vec![false; ncols];
            loop {
                let used: f32 = (0..ncols).filter(|&c| fixed[c]).map(|c| widths[c]).sum();
                let open: Vec<usize> = (0..ncols).filter(|&c| !fixed[c]).collect();
                if open.is_empty() {
                    break;
                }
                let share = (w - used) / open.len() as f32;
                let mut changed = false;
                for &c in &open {
                    if maxs[c] <= share {
                        widths[c] = maxs[c];
                        fixed[c] = true;
                        changed = true;
                    }
                }
                if !changed {
                    let room = w - used;
                    let (lo, hi): (f32, f32) = open
                        .iter()
                        .fold((0.0, 0.0), |(a, b), &c| (a + mins[c], b + maxs[c]));
                    for &c in &open {
                        widths[c] = if lo >= room {
                            mins[c] * room / lo.max(1.0)
                        } else {
                            mins[c] + (maxs[c] - mins[c]) * (room - lo) / (hi - lo).max(1.0)
                        };
                    }
                    break;
                }
            }
            widths
        };
        let total: f32 = widths.iter().sum();
        if total > w {
            for v in &mut widths {
                *v *= w / total;
            }
        }
        let mut col_x = Vec::with_capacity(ncols);
        let mut cx = x;
        for v in &widths {
            col_x.push(cx);
            cx += v;
        }
        let mk_row = |ctx: &mut Self, paras: Vec<Paragraph>, is_header: bool| -> Row {
            let cells = paras
                .into_iter()
                .enumerate()
                .map(|(c, p)| {
                    let cw = widths[c];
                    let pad = pad_h.min(cw / 4.0);
                    let align = match t.align.get(c).copied().unwrap_or_default() {
                        Align::Right => TextAlign::Right,
                        Align::Center => TextAlign::Center,
                        _ => TextAlign::Left,
                    };
                    let lo = LineOpts {
                        align,
                        leading: 1.32,
                        hyphenate: false,
                        role: Role::Body,
                    };
                    p.lines(&mut ctx.sh, col_x[c] + pad, cw - 2.0 * pad, lo)
                })
                .collect();
            Row {
                cells,
                pad: 4.0,
                x,
                w,
                header: is_header,
            }
        };
        let header = header.map(|h| mk_row(self, h, true));
        let rows = body.into_iter().map(|r| mk_row(self, r, false)).collect();
        out.push(Flow::Table {
            header,
            rows,
            before: gap + 3.0,
        });
    }

    /// One signatory as a stack of boxes (role, space to sign, signature
    /// and date lines with labels, name, organization), `cw` wide at `cx`.
    fn signatory(&mut self, sig: &Signatory, cx: f32, cw: f32) -> Vec<VBox> {
        let s = self.opts.body_size / 10.5;
        let role_st = style(Family::Sans, true, false, 9.5 * s, HEADING);
        let name_st = style(Family::Serif, false, false, 10.0 * s, TEXT);
        let small = style(Family::Sans, false, false, 8.0 * s, MUTED);
        let lo = LineOpts {
            align: TextAlign::Left,
            leading: 1.3,
            hyphenate: false,
            role: Role::Body,
        };
        let sig_w = cw * 0.64;
        let mut boxes = self.para(&[Inline::Text(sig.role.clone())], role_st, cx, cw, lo);
        boxes.push(VBox::spacer(34.0));
        let mut lines = VBox::spacer(14.0);
        lines.items.push(VItem::Item(Item::Line {
            from: (cx, 0.0),
            to: (cx + sig_w, 0.0),
            width: 0.6,
            color: RULE_DARK,
        }));
        lines.items.push(VItem::Item(Item::Line {
            from: (cx + sig_w + 12.0, 0.0),
            to: (cx + cw, 0.0),
            width: 0.6,
            color: RULE_DARK,
        }));
        let (r, _) = self.sh.line_runs("Signature", small, cx, 10.0, Role::Body);
        lines.items.extend(r.into_iter().map(VItem::Item));
        let (r, _) = self
            .sh
            .line_runs("Date", small, cx + sig_w + 12.0, 10.0, Role::Body);
        lines.items.extend(r.into_iter().map(VItem::Item));
        boxes.push(lines);
        for (text, st) in [(&sig.name, name_st), (&sig.organization, small)] {
            if !text.is_empty() {
                boxes.extend(self.para(&[Inline::Text(text.clone())], st, cx, sig_w, lo));
            }
        }
        boxes
    }

    fn signatures(&mut self, list: &[Signatory], x: f32, w: f32, gap: f32, out: &mut Vec<Flow>) {
        if list.is_empty() {
            return;
        }
        let col_gap = 28.0;
        let cols = if w > 300.0 { 2 } else { 1 };
        let cw = (w - col_gap * (cols as f32 - 1.0)) / cols as f32;
        let [_, top, _, bottom] = self.opts.content_box();
        let page_h = bottom - top;
        let rows = list.len().div_ceil(cols);
        let mut boxes = Vec::new();
        for (ri, chunk) in list.chunks(cols).enumerate() {
            let stacks: Vec<Vec<VBox>> = chunk
                .iter()
                .enumerate()
                .map(|(ci, sig)| self.signatory(sig, x + ci as f32 * (cw + col_gap), cw))
                .collect();
            let row_h = stacks
                .iter()
                .map(|st| st.iter().map(|b| b.h).sum::<f32>())
                .fold(0.0, f32::max);
            if row_h <= page_h * 0.8 {
                // Side by side in one box.
                let mut row = VBox::default();
                for stack in stacks {
                    let mut y = 0.0;
                    for mut b in stack {
                        b.shift(y);
                        y += b.h;
                        row.items.extend(b.items);
                    }
                }
                row.h = row_h;
                boxes.push(row);
            } else {
                // Absurdly long fields: one after the other, line by line,
                // so pagination can split them.
                for (i, stack) in stacks.into_iter().enumerate() {
                    if i > 0 {
                        boxes.push(VBox::spacer(22.0));
                    }
                    boxes.extend(stack);
                }
            }
            if ri + 1 < rows {
                boxes.push(VBox::spacer(22.0));
            }
        }
        out.push(Flow::Boxes {
            boxes,
            before: gap + 10.0,
            keep_next: false,
            together: true,
            orphans: false,
        });
    }

    fn toc(&mut self, x: f32, w: f32, out: &mut Vec<Flow>) {
        let s = self.opts.body_size / 10.5;
        let title_st = style(Family::Sans, true, false, 15.5 * s, HEADING);
        let lo = LineOpts {
            align: TextAlign::Left,
            leading: 1.3,
            hyphenate: false,
            role: Role::Body,
        };
        let mut title = self.para(
            &[Inline::Text(self.opts.toc_title.clone())],
            title_st,
            x,
            w,
            lo,
        );
        if let Some(last) = title.last_mut() {
            last.h += 8.0;
        }
        out.push(Flow::Boxes {
            boxes: title,
            before: 0.0,
            keep_next: true,
            together: true,
            orphans: false,
        });
        let num_w = 28.0 * s;
        let dot_st = style(Family::Serif, false, false, 9.5 * s, MUTED);
        let dot_w = self.sh.measure(".", dot_st);
        let spacing = 4.5 * s;
        let mut boxes = Vec::new();
        let entries: Vec<HeadingInfo> = self
            .headings
            .iter()
            .filter(|h| h.level <= self.opts.toc_depth)
            .cloned()
            .collect();
        for h in entries {
            let lvl = usize::from(h.level.clamp(1, 4)) - 1;
            let indent = [0.0, 18.0, 36.0, 54.0][lvl] * s;
            let st = if lvl == 0 {
                style(Family::Sans, true, false, 10.0 * s, TEXT)
            } else {
                style(Family::Serif, false, false, 10.0 * s, TEXT)
            };
            let label = if h.number.is_empty() {
                h.title.clone()
            } else {
                format!("{}\u{2002}\u{2002}{}", h.number, h.title)
            };
            let mut lines = self.para(
                &[Inline::Text(label)],
                st,
                x + indent,
                w - indent - num_w - 12.0,
                lo,
            );
            if lvl == 0 {
                if let Some(f) = lines.first_mut() {
                    f.shift(5.0);
                    f.h += 5.0;
                }
            }
            let n = lines.len();
            for (i, mut b) in lines.into_iter().enumerate() {
                let top = b.items.iter().find_map(|it| match it {
                    VItem::Item(Item::Text(t)) => Some(t.y - t.size),
                    _ => None,
                });
                b.items.push(VItem::InternalLink {
                    rect: [
                        x + indent,
                        top.unwrap_or(0.0),
                        w - indent,
                        b.h - top.unwrap_or(0.0),
                    ],
                    anchor: h.anchor.clone(),
                });
                if i + 1 == n {
                    let end = b
                        .items
                        .iter()
                        .filter_map(|it| match it {
                            VItem::Item(Item::Text(t)) => Some(t.x + t.width()),
                            _ => None,
                        })
                        .fold(x + indent, f32::max);
                    let baseline = b.baseline.unwrap_or(b.h * 0.75);
                    let stop = x + w - num_w;
                    let mut dx = ((end + 6.0 - x) / spacing).ceil() * spacing + x;
                    let mut dots = String::new();
                    let mut count = 0;
                    while dx + dot_w <= stop && count < 400 {
                        dots.push('.');
                        count += 1;
                        dx += spacing;
                    }
                    if count > 0 {
                        let start = dx - spacing * count as f32;
                        let (mut runs, _) =
                            self.sh
                                .line_runs(&dots, dot_st, start, baseline, Role::Body);
                        for r in &mut runs {
                            if let Item::Text(t) = r {
                                for g in &mut t.glyphs {
                                    g.advance = spacing;
                                }
                            }
                        }
                        b.items.extend(runs.into_iter().map(VItem::Item));
                    }
                    b.items.push(VItem::TocNumber {
                        right: x + w,
                        baseline,
                        anchor: h.anchor.clone(),
                        style: st,
                    });
                }
                boxes.push(b);
            }
        }
        out.push(Flow::Boxes {
            boxes,
            before: 0.0,
            keep_next: false,
            together: false,
            orphans: false,
        });
        out.push(Flow::PageBreak);
    }

    /// The cover as a list of boxes: placed on one page when they fit
    /// (title at about a quarter of the page, facts lower down), flowing
    /// onto further cover pages when a value is absurdly long.
    fn cover(&mut self, c: &Cover, x: f32, w: f32) -> Vec<VBox> {
        let [_, top, _, bottom] = self.opts.content_box();
        let page_h = bottom - top;
        let lo = LineOpts {
            align: TextAlign::Left,
            leading: 1.2,
            hyphenate: false,
            role: Role::Body,
        };
        let mut head = Vec::new();
        let mut rule = VBox::spacer(25.5);
        rule.items.push(VItem::Item(Item::Rect {
            rect: [x, 0.0, 56.0, 3.5],
            color: HEADING,
        }));
        head.push(rule);
        let title_st = style(Family::Sans, true, false, 26.0, HEADING);
        head.extend(self.para(&[Inline::Text(c.title.clone())], title_st, x, w, lo));
        head.push(VBox::spacer(8.0));
        let sub_st = style(Family::Sans, false, false, 14.0, MUTED);
        head.extend(self.para(&[Inline::Text(c.subtitle.clone())], sub_st, x, w, lo));

        let key_st = style(Family::Sans, true, false, 8.5, MUTED);
        let val_st = style(Family::Serif, false, false, 10.5, TEXT);
        let key_w = (w * 0.32).min(160.0);
        let mut facts = Vec::new();
        for (k, v) in &c.facts {
            let keys = self.para(
                &[Inline::Text(k.to_uppercase())],
                key_st,
                x,
                key_w - 8.0,
                lo,
            );
            let vals = self.para(&[Inline::Text(v.clone())], val_st, x + key_w, w - key_w, lo);
            let n = keys.len().max(vals.len());
            // Key and value share a baseline.
            let key_dy = match (
                keys.first().and_then(|b| b.baseline),
                vals.first().and_then(|b| b.baseline),
            ) {
                (Some(k), Some(v)) => (v - k).max(0.0),
                _ => 0.0,
            };
            for i in 0..n {
                let mut b = VBox::default();
                let pad_top = if i == 0 { 5.0 } else { 0.0 };
                let pad_bottom = if i + 1 == n { 5.0 } else { 0.0 };
                let mut h: f32 = 0.0;
                for (lines, dy) in [(&keys, key_dy), (&vals, 0.0)] {
                    if let Some(line) = lines.get(i) {
                        let mut l = line.clone();
                        l.shift(pad_top + dy);
                        h = h.max(l.h + dy);
                        b.items.extend(l.items);
                    }
                }
                b.h = pad_top + h + pad_bottom;
                if i == 0 {
                    b.items.push(VItem::Item(Item::Line {
                        from: (x, 0.0),
                        to: (x + w, 0.0),
                        width: 0.4,
                        color: RULE,
                    }));
                }
                facts.push(b);
            }
        }
        if let Some(last) = facts.last_mut() {
            let h = last.h;
            last.items.push(VItem::Item(Item::Line {
                from: (x, h),
                to: (x + w, h),
                width: 0.4,
                color: RULE,
            }));
        }
        let head_h: f32 = head.iter().map(|b| b.h).sum();
        let facts_h: f32 = facts.iter().map(|b| b.h).sum();
        let free = (page_h - head_h - facts_h).max(0.0);
        let top_space = (page_h * 0.24).min(free);
        let between = (page_h * 0.58 - top_space - head_h)
            .max(40.0)
            .min(free - top_space)
            .max(0.0);
        let mut out = vec![VBox::spacer(top_space)];
        out.extend(head);
        out.push(VBox::spacer(between));
        out.extend(facts);
        out
    }
}

/// A page under construction.
struct PageBuild {
    items: Vec<Item>,
    dests: Vec<Destination>,
    cover: bool,
}

/// Items resolved after pagination: (page index, item).
struct Pending {
    page: usize,
    item: VItem,
}

struct Pager {
    pages: Vec<PageBuild>,
    pending: Vec<Pending>,
    headings: Vec<(usize, usize, f32)>,
    y: f32,
    top: f32,
    bottom: f32,
    empty: bool,
}

impl Pager {
    fn new(top: f32, bottom: f32) -> Self {
        Self {
            pages: vec![PageBuild {
                items: Vec::new(),
                dests: Vec::new(),
                cover: false,
            }],
            pending: Vec::new(),
            headings: Vec::new(),
            y: top,
            top,
            bottom,
            empty: true,
        }
    }

    fn mark_cover(&mut self) {
        if let Some(p) = self.pages.last_mut() {
            p.cover = true;
        }
    }

    fn page_h(&self) -> f32 {
        self.bottom - self.top
    }

    fn remaining(&self) -> f32 {
        self.bottom - self.y
    }

    fn new_page(&mut self) {
        self.pages.push(PageBuild {
            items: Vec::new(),
            dests: Vec::new(),
            cover: false,
        });
        self.y = self.top;
        self.empty = true;
    }

    /// Puts a box at the current position, moving its items onto the page
    /// (a long agreement's glyphs exist once, not in the flow and the pages).
    fn place(&mut self, b: VBox) {
        let page = self.pages.len() - 1;
        let dy = self.y;
        for it in b.items {
            match it {
                VItem::Item(mut i) => {
                    i.shift(dy);
                    if let Some(p) = self.pages.last_mut() {
                        p.items.push(i);
                    }
                }
                VItem::Dest(name) => {
                    if let Some(p) = self.pages.last_mut() {
                        p.dests.push(Destination { name, y: dy });
                    }
                }
                VItem::Heading(idx) => self.headings.push((idx, page, dy)),
                VItem::InternalLink { rect, anchor } => self.pending.push(Pending {
                    page,
                    item: VItem::InternalLink {
                        rect: [rect[0], rect[1] + dy, rect[2], rect[3]],
                        anchor,
                    },
                }),
                VItem::TocNumber {
                    right,
                    baseline,
                    anchor,
                    style,
                } => self.pending.push(Pending {
                    page,
                    item: VItem::TocNumber {
                        right,
                        baseline: baseline + dy,
                        anchor,
                        style,
                    },
                }),
            }
        }
        self.y += b.h;
        self.empty = false;
    }

    fn boxes(
        &mut self,
        boxes: Vec<VBox>,
        before: f32,
        together: bool,
        orphans: bool,
        keep_need: f32,
    ) {
        let n = boxes.len();
        if n == 0 {
            return;
        }
        let heights: Vec<f32> = boxes.iter().map(|b| b.h).collect();
        let mut boxes = boxes.into_iter();
        let mut gap = if self.empty { 0.0 } else { before };
        let total: f32 = heights.iter().sum();
        let page_h = self.page_h();
        let first_part = if together && total <= page_h {
            total
        } else {
            heights.iter().take(2).sum()
        };
        if !self.empty
            && gap + first_part + keep_need > self.remaining()
            && first_part + keep_need <= page_h
        {
            self.new_page();
            gap = 0.0;
        }
        if together && !self.empty && gap + total > self.remaining() && total <= page_h {
            self.new_page();
            gap = 0.0;
        }
        self.y += gap;
        let mut i = 0;
        while i < n {
            let rem = self.remaining();
            let mut acc = 0.0;
            let mut fit = 0;
            while i + fit < n && acc + heights[i + fit] <= rem + 0.01 {
                acc += heights[i + fit];
                fit += 1;
            }
            if fit == n - i {
                for b in boxes.by_ref() {
                    self.place(b);
                }
                break;
            }
            let mut k = fit;
            if orphans && n >= 2 {
                if n - i - k < 2 {
                    k = (n - i).saturating_sub(2);
                }
                if k < 2 && i == 0 {
                    k = 0;
                }
            }
            if k == 0 {
                if self.empty {
                    k = fit.max(1);
                } else {
                    self.new_page();
                    continue;
                }
            }
            for b in boxes.by_ref().take(k) {
                self.place(b);
            }
            i += k;
            if i < n {
                self.new_page();
            }
        }
    }

    fn table(&mut self, header: Option<Row>, rows: Vec<Row>, before: f32) {
        let gap = if self.empty { 0.0 } else { before };
        let hh = header.as_ref().map_or(0.0, Row::height);
        let page_h = self.page_h();
        let first = table_start(header.as_ref(), &rows, page_h);
        let head_box = header.map(Row::into_full);
        if !self.empty && gap + first > self.remaining() {
            self.new_page();
        } else {
            self.y += gap;
        }
        if let Some(h) = &head_box {
            self.place(h.clone());
        }
        let fresh = |p: &mut Self| {
            p.new_page();
            if let Some(h) = &head_box {
                p.place(h.clone());
            }
        };
        let heights: Vec<f32> = rows.iter().map(Row::height).collect();
        let n = rows.len();
        // Rows placed on the current page (under its header).
        let mut on_page = 0;
        for (i, row) in rows.into_iter().enumerate() {
            let rh = heights[i];
            // No widowed row: when only the last row would go over, and
            // the page already holds two or more, the last two go over
            // together (as lines of a paragraph do).
            let widow = i + 2 == n
                && on_page >= 2
                && rh <= self.remaining() + 0.01
                && rh + heights[i + 1] > self.remaining() + 0.01
                && rh + heights[i + 1] <= page_h - hh;
            if rh <= self.remaining() + 0.01 && !widow {
                self.place(row.into_full());
                on_page += 1;
                continue;
            }
            if rh <= page_h - hh {
                fresh(self);
                self.place(row.into_full());
                on_page = 1;
                continue;
            }
            on_page = 0;
            // Taller than a page: split by lines.
            let mut starts: Vec<usize> = vec![0; row.cells.len()];
            loop {
                let avail = self.remaining() - 2.0 * row.pad;
                let mut ends = starts.clone();
                let mut done = true;
                let mut progress = false;
                for (c, cell) in row.cells.iter().enumerate() {
                    let mut acc = 0.0;
                    let mut e = starts[c];
                    while e < cell.len() && acc + cell[e].h <= avail + 0.01 {
                        acc += cell[e].h;
                        e += 1;
                    }
                    if e > starts[c] {
                        progress = true;
                    }
                    if e < cell.len() {
                        done = false;
                    }
                    ends[c] = e;
                }
                if !progress && !done {
                    if self.remaining() >= page_h - hh - 0.01 {
                        // Even a fresh page cannot take one line: force one.
                        for (c, cell) in row.cells.iter().enumerate() {
                            ends[c] = (starts[c] + 1).min(cell.len());
                        }
                    } else {
                        fresh(self);
                        continue;
                    }
                }
                let ranges: Vec<_> = starts.iter().zip(&ends).map(|(&a, &b)| a..b).collect();
                self.place(row.render(&ranges));
                if done {
                    break;
                }
                starts = ends;
                fresh(self);
            }
        }
    }
}

/// Lays out a document into pages.
pub fn layout(doc: &Document, opts: &LayoutOptions, fonts: &FontSet) -> Result<Layout> {
    let threads = crate::cores();
    layout_parts(doc, opts, fonts, &work_parts(&doc.blocks, threads), threads)
}

/// [`layout`], with the top-level blocks cut at `cuts` into parts that
/// `threads` threads shape and break into lines, each taking the next part
/// nobody has taken yet. Blocks are independent until pagination; each
/// part numbers headings and blocks as if it had done the ones before it,
/// and its warnings go back in document order.
fn layout_parts(
    doc: &Document,
    opts: &LayoutOptions,
    fonts: &FontSet,
    cuts: &[usize],
    threads: usize,
) -> Result<Layout> {
    if fonts.faces().is_empty() {
        return Err(Error::Inconsistent("the font set has no faces".into()));
    }
    let [left, top, right, bottom] = opts.content_box();
    let (pw, ph) = opts.paper.size();
    let headings = number_headings(&doc.blocks);
    let width = right - left;
    let new_ctx = || Ctx {
        sh: Shaper::new(fonts),
        opts,
        headings: &headings,
        next_heading: 0,
        block_no: 0,
    };

    let blocks = &doc.blocks;
    let mut bounds: Vec<usize> = cuts
        .iter()
        .copied()
        .filter(|&k| k > 0 && k < blocks.len())
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    bounds.insert(0, 0);
    bounds.push(blocks.len());
    let parts: Vec<std::ops::Range<usize>> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
    let mut heading_starts = Vec::with_capacity(parts.len());
    let mut seen = 0;
    for part in &parts {
        heading_starts.push(seen);
        seen += crate::doc::count_headings(&blocks[part.clone()]);
    }
    let mut ctx = new_ctx();
    // Deeply nested blocks recurse: helpers get as much stack as a caller.
    let done = crate::in_turns(
        parts.len(),
        threads,
        16 << 20,
        &mut ctx,
        new_ctx,
        |ctx, i| {
            let part = parts[i].clone();
            ctx.next_heading = heading_starts[i];
            ctx.block_no = part.start;
            let mut flows = Vec::new();
            ctx.blocks(&blocks[part], left, width, 0, 7.0, &mut flows);
            (flows, std::mem::take(&mut ctx.sh.warnings))
        },
    );
    let mut flows = Vec::new();
    for (mut part_flows, mut warnings) in done {
        flows.append(&mut part_flows);
        ctx.sh.warnings.append(&mut warnings);
    }

    let mut pager = Pager::new(top, bottom);
    for i in 0..flows.len() {
        // Looks only at this flow and the ones after it.
        let keep_need = keep_need(&flows, i, pager.page_h());
        // Each flow moves onto the pages; what stays behind is never read.
        match std::mem::replace(&mut flows[i], Flow::PageBreak) {
            Flow::Boxes {
                boxes,
                before,
                together,
                orphans,
                ..
            } => pager.boxes(boxes, before, together, orphans, keep_need),
            Flow::Table {
                header,
                rows,
                before,
            } => pager.table(header, rows, before),
            Flow::PageBreak => {
                if !pager.empty {
                    pager.new_page();
                }
            }
            Flow::Cover(boxes) => {
                if !pager.empty {
                    pager.new_page();
                }
                pager.mark_cover();
                for (i, b) in boxes.into_iter().enumerate() {
                    if b.h > pager.remaining() + 0.01 && !pager.empty {
                        pager.new_page();
                        pager.mark_cover();
                    }
                    // Spacers are dropped at the top of continuation pages.
                    if i == 0 || !(pager.empty && b.items.is_empty()) {
                        pager.place(b);
                    }
                }
                pager.new_page();
            }
        }
    }
    if pager.empty && pager.pages.len() > 1 {
        pager.pages.pop();
    }

    finish(ctx, pager, doc, opts, (pw, ph))
}

/// Where to cut the top-level blocks into parts of about equal work for
/// `threads` threads: a few parts per thread, so that a thread that is
/// done early takes another. None for short documents (another thread and
/// its cold shaping cache would cost more than they save) or one thread.
fn work_parts(blocks: &[Block], threads: usize) -> Vec<usize> {
    const WORTH_SPLITTING: usize = 40_000;
    const PARTS_PER_THREAD: usize = 8;
    let weights: Vec<usize> = blocks.iter().map(weight).collect();
    let total: usize = weights.iter().sum();
    if total < WORTH_SPLITTING || threads < 2 {
        return Vec::new();
    }
    let parts = threads * PARTS_PER_THREAD;
    // Cut where the running total first reaches k/parts of the whole.
    let mut cuts = Vec::new();
    let (mut acc, mut k) = (0, 1);
    for (i, w) in weights.iter().enumerate() {
        acc += w;
        if acc * parts >= k * total && i + 1 < blocks.len() {
            cuts.push(i + 1);
            while acc * parts >= k * total {
                k += 1;
            }
        }
    }
    cuts
}

/// Roughly how much layout work a block is: its text length.
fn weight(block: &Block) -> usize {
    fn inl(v: &[Inline]) -> usize {
        v.iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Code(t) => t.len(),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => inl(c),
                Inline::LineBreak => 1,
            })
            .sum()
    }
    // Fixed costs: a block's boxes, a cell's padding and rules.
    16 + match block {
        Block::Heading(h) => inl(&h.content),
        Block::Paragraph(p) => inl(p),
        Block::List { items, .. } => items.iter().flatten().map(weight).sum(),
        Block::Table(t) => t
            .header
            .iter()
            .chain(t.rows.iter().flatten())
            .map(|c| 16 + inl(c))
            .sum(),
        Block::CodeBlock(c) => c.len(),
        Block::Quote(b) | Block::Keep(b) => b.iter().map(weight).sum(),
        Block::Signatures(s) => 200 * s.len(),
        Block::Cover(_) => 200,
        Block::ThematicBreak | Block::PageBreak | Block::Toc => 0,
    }
}

/// Extra height the flow at `i` needs after itself (keep-with-next).
fn keep_need(flows: &[Flow], i: usize, page_h: f32) -> f32 {
    let mut need = 0.0;
    let mut j = i;
    for _ in 0..4 {
        let keeps = matches!(
            flows.get(j),
            Some(Flow::Boxes {
                keep_next: true,
                ..
            })
        );
        if !keeps {
            break;
        }
        j += 1;
        let Some(next) = flows.get(j) else { break };
        let chained = matches!(
            next,
            Flow::Boxes {
                keep_next: true,
                ..
            }
        );
        need += if chained {
            match next {
                Flow::Boxes { boxes, before, .. } => {
                    before + boxes.iter().map(|b| b.h).sum::<f32>()
                }
                _ => 0.0,
            }
        } else {
            next.start_height(page_h)
        };
        if !chained {
            break;
        }
    }
    need.min(page_h / 2.0)
}

fn finish(
    mut ctx: Ctx<'_>,
    pager: Pager,
    doc: &Document,
    opts: &LayoutOptions,
    (pw, ph): (f32, f32),
) -> Result<Layout> {
    let mut pages: Vec<Page> = pager
        .pages
        .into_iter()
        .map(|p| Page {
            width: pw,
            height: ph,
            items: p.items,
            destinations: p.dests,
            cover: p.cover,
        })
        .collect();
    let dests: HashMap<String, (usize, f32)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.destinations
                .iter()
                .map(move |d| (d.name.clone(), (i, d.y)))
        })
        .collect();
    ctx.sh.location = "links".into();
    for pend in pager.pending {
        match pend.item {
            VItem::InternalLink { rect, anchor } => match dests.get(&anchor) {
                Some(&(page, y)) => {
                    if let Some(p) = pages.get_mut(pend.page) {
                        p.items.push(Item::Link {
                            rect,
                            target: LinkTarget::Internal { page, y },
                        });
                    }
                }
                None => ctx.sh.warnings.push(Warning {
                    message: format!("link to unknown anchor `#{anchor}`"),
                    location: format!("page {}", pend.page + 1),
                }),
            },
            VItem::TocNumber {
                right,
                baseline,
                anchor,
                style,
            } => {
                let label = dests
                    .get(&anchor)
                    .map_or("?".to_string(), |(p, _)| (p + 1).to_string());
                let w = ctx.sh.measure(&label, style);
                let (runs, _) = ctx
                    .sh
                    .line_runs(&label, style, right - w, baseline, Role::Body);
                if let Some(p) = pages.get_mut(pend.page) {
                    p.items.extend(runs);
                }
            }
            _ => {}
        }
    }

    // Outline tree from the placed headings.
    let mut flat = Vec::new();
    for (idx, page, y) in &pager.headings {
        if let Some(h) = ctx.headings.get(*idx) {
            let title = if h.number.is_empty() {
                h.title.clone()
            } else {
                format!("{} {}", h.number, h.title)
            };
            flat.push(OutlineEntry {
                level: h.level,
                title,
                anchor: h.anchor.clone(),
                page: *page,
                y: *y,
                children: Vec::new(),
            });
        }
    }
    let outline = nest(flat);

    // Page chrome.
    let total = pages.len();
    let [left, top, right, bottom] = opts.content_box();
    let small = style(Family::Sans, false, false, 8.0, MUTED);
    let header_text = if doc.meta.header.is_empty() {
        doc.meta.title.clone()
    } else {
        doc.meta.header.clone()
    };
    for (i, page) in pages.iter_mut().enumerate() {
        let mut chrome = Vec::new();
        if let Some(wm) = doc
            .meta
            .watermark
            .as_deref()
            .filter(|w| !w.trim().is_empty())
        {
            chrome.extend(watermark(&mut ctx.sh, wm, pw, ph));
        }
        if !page.cover {
            let hy = top - 26.0;
            if !header_text.is_empty() {
                let mut t = header_text.clone();
                let (mut runs, mut w) = ctx.sh.line_runs(&t, small, left, hy, Role::Header);
                while w > right - left && t.chars().count() > 1 {
                    let keep = t.chars().count() * 9 / 10;
                    t = t.chars().take(keep).collect::<String>() + "…";
                    (runs, w) = ctx.sh.line_runs(&t, small, left, hy, Role::Header);
                }
                chrome.extend(runs);
            }
            chrome.push(Item::Line {
                from: (left, top - 18.0),
                to: (right, top - 18.0),
                width: 0.5,
                color: RULE,
            });
            let fy = bottom + 30.0;
            chrome.push(Item::Line {
                from: (left, bottom + 16.0),
                to: (right, bottom + 16.0),
                width: 0.5,
                color: RULE,
            });
            let label = format!("Page {} of {}", i + 1, total);
            let w = ctx.sh.measure(&label, small);
            let (runs, _) = ctx.sh.line_runs(&label, small, right - w, fy, Role::Footer);
            chrome.extend(runs);
            if !doc.meta.document_id.is_empty() {
                let mut id = doc.meta.document_id.clone();
                if id.chars().count() > 60 {
                    id = id.chars().take(60).collect::<String>() + "…";
                }
                let (runs, _) = ctx.sh.line_runs(&id, small, left, fy, Role::Footer);
                chrome.extend(runs);
            }
        }
        // Watermark behind everything, header/footer after content.
        let wm_count = chrome
            .iter()
            .filter(|c| matches!(c, Item::Text(t) if t.role == Role::Watermark))
            .count();
        let mut items: Vec<Item> = chrome.drain(..wm_count).collect();
        items.append(&mut page.items);
        items.extend(chrome);
        page.items = items;
    }
    let fonts = ctx.sh.faces();
    // The reader's warnings (nesting flattened) come first: they are about
    // the source, before any page.
    let mut warnings = doc.warnings.clone();
    warnings.append(&mut ctx.sh.warnings);
    Ok(Layout {
        pages,
        outline,
        warnings,
        fonts,
    })
}

fn watermark(sh: &mut Shaper<'_>, text: &str, pw: f32, ph: f32) -> Vec<Item> {
    let text: String = text.chars().take(40).collect();
    let st = style(Family::Sans, true, false, 100.0, WATERMARK);
    let w100 = sh.measure(&text, st).max(1.0);
    let angle = (ph / pw).atan();
    let diag = (pw * pw + ph * ph).sqrt();
    let size = (100.0 * diag * 0.6 / w100).min(140.0);
    let st = style(Family::Sans, true, false, size, WATERMARK);
    let w = w100 * size / 100.0;
    let cap = size * 0.36;
    let (cx, cy) = (pw / 2.0, ph / 2.0);
    // Start so the text's centre lands on the page centre (y grows down).
    let x = cx - angle.cos() * w / 2.0 + angle.sin() * cap;
    let y = cy + angle.sin() * w / 2.0 + angle.cos() * cap;
    let (mut runs, _) = sh.line_runs(&text, st, x, y, Role::Watermark);
    for r in &mut runs {
        if let Item::Text(t) = r {
            t.angle = angle.to_degrees();
        }
    }
    runs
}

fn nest(flat: Vec<OutlineEntry>) -> Vec<OutlineEntry> {
    let mut root: Vec<OutlineEntry> = Vec::new();
    for e in flat {
        insert(&mut root, e);
    }
    root
}

fn insert(list: &mut Vec<OutlineEntry>, e: OutlineEntry) {
    match list.last_mut() {
        Some(last) if last.level < e.level => insert(&mut last.children, e),
        _ => list.push(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pages do not depend on where (or whether) the blocks are cut
    /// into parts, nor on how many threads take them: numbering, links,
    /// TOC and warnings all line up.
    #[test]
    fn splitting_the_work_changes_nothing() {
        let mut src = String::from(":::toc\n:::\n\n");
        for i in 0..12 {
            src.push_str(&format!("# Part {i}\n\nSee [the end](#the-end). "));
            src.push_str(&"Availability is measured monthly in service hours. ".repeat(30));
            src.push_str("\n\n## Detail\n\n| a | b |\n|---|---|\n| one | two \u{4e00} |\n\n");
            src.push_str("> ### Note\n>\n> - kept \u{4e01}\n\n");
        }
        src.push_str("# The end\n\nDone.\n");
        let doc = crate::markdown::parse(&src, crate::doc::Meta::default());
        let fonts = FontSet::bundled().unwrap();
        let opts = LayoutOptions::default();
        let whole = layout_parts(&doc, &opts, &fonts, &[], 1).unwrap();
        assert!(whole.pages.len() > 3);
        assert!(whole.warnings.len() >= 24, "the CJK characters should warn");
        let n = doc.blocks.len();
        let cut_sets = [
            vec![1],
            vec![2],
            vec![n / 2],
            vec![n - 1],
            vec![1, 2, 3, n / 3, n / 2, n - 2, n - 1],
            (1..n).collect(),
            work_parts(&doc.blocks, 2),
        ];
        for cuts in &cut_sets {
            for threads in [1, 2, 3] {
                let parts = layout_parts(&doc, &opts, &fonts, cuts, threads).unwrap();
                let what = format!("cut at {cuts:?} on {threads} threads");
                assert_eq!(parts.pages, whole.pages, "{what}");
                assert_eq!(parts.outline, whole.outline, "{what}");
                assert_eq!(parts.warnings, whole.warnings, "{what}");
            }
        }
    }

    /// Long documents are cut into several parts per thread, each part
    /// holding about the same amount of text.
    #[test]
    fn work_is_cut_into_even_parts() {
        let mut src = String::new();
        for i in 0..400 {
            src.push_str(&format!("Paragraph {i}. {}\n\n", "Word ".repeat(40)));
        }
        let doc = crate::markdown::parse(&src, crate::doc::Meta::default());
        assert!(work_parts(&doc.blocks, 1).is_empty());
        let cuts = work_parts(&doc.blocks, 2);
        assert_eq!(cuts.len(), 15, "{cuts:?}");
        let sizes: Vec<usize> = std::iter::once(0)
            .chain(cuts.iter().copied())
            .zip(
                cuts.iter()
                    .copied()
                    .chain(std::iter::once(doc.blocks.len())),
            )
            .map(|(a, b)| b - a)
            .collect();
        let (min, max) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
        assert!(max - min <= 2, "{sizes:?}");
        let short = crate::markdown::parse("One paragraph.", crate::doc::Meta::default());
        assert!(work_parts(&short.blocks, 2).is_empty());
    }
}

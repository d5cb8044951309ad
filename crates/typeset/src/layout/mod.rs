//! Layout: document tree -> backend-neutral pages.
//!
//! Why backend-neutral: the PDF writer and the desktop preview (a display
//! list painted on a canvas, see [`crate::paint`]) draw the very same
//! [`Page`]s, so the preview cannot disagree with the export.
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
//!
//! The files, one concept each: `page` (what a page holds), `boxes` (the
//! box model between blocks and pages), `blocks` (block builders), `table`
//! (the column solver), `signatures`, `toc`, `cover`, `paginate` (placing
//! flows on pages), `parts` (cutting the work for several threads),
//! `finish` (links, TOC numbers, outline, page chrome) and `warning`;
//! `text` shapes paragraphs and breaks them into lines.

mod blocks;
mod boxes;
mod cover;
mod finish;
mod page;
mod paginate;
mod parts;
mod signatures;
mod table;
mod text;
mod toc;
mod warning;

use crate::doc::Document;
use crate::error::Result;
use crate::fonts::{FontFace, FontSet};
use std::sync::Arc;

pub use page::{Destination, Glyph, Item, LinkTarget, OutlineEntry, Page, Role, TextRun};
pub use warning::{Warning, WarningKind};

use boxes::{VBox, VItem};

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

/// Lays out a document into pages.
pub fn layout(doc: &Document, opts: &LayoutOptions, fonts: &FontSet) -> Result<Layout> {
    let threads = crate::par::cores();
    parts::layout_parts(
        doc,
        opts,
        fonts,
        &parts::work_parts(&doc.blocks, threads),
        threads,
    )
}

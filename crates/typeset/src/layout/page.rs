//! What a laid-out page holds: positioned text runs (shaped glyphs), lines,
//! rectangles and links, with named destinations; and the outline entries
//! that point into the pages.

use super::Color;
use crate::fonts::FontId;

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
    pub(super) fn shift(&mut self, dy: f32) {
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

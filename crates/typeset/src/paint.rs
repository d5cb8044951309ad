//! A page as a display list, for the desktop preview.
//!
//! Why: the preview must draw exactly what the PDF shows, as fast as the
//! user types. This backend consumes the same [`Page`] as the PDF writer
//! and hands over what a 2D canvas needs and nothing else: glyph outlines
//! (path data in font units, drawn at the run's scale, so the web view
//! loads no fonts and re-lays out no text), glyph positions, rules, filled
//! rectangles and link areas. A canvas fills a page of these in a fraction
//! of the time a web view takes to parse and rasterize the same page as an
//! SVG image with thousands of `<use>` elements (see BENCHMARKS.md).
//!
//! With the `ipc` feature (the desktop app) the types serialize as they
//! are and carry their TypeScript declarations (ts-rs).
//!
//! Outlines are keyed by [`PagePaint::fonts`] names, which are stable for
//! a face, so a client can keep the outlines it has built across pages and
//! layouts.

use crate::layout::{Color, Item, Layout, LinkTarget};
use rustybuzz::ttf_parser;
use std::collections::HashMap;
use std::fmt::Write;

/// One page, ready to draw. Coordinates are points, origin top-left.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "ipc", derive(serde::Serialize, ts_rs::TS))]
pub struct PagePaint {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// The faces the page uses, as stable names (`PostScriptName#index`);
    /// runs and outlines refer to them by position.
    pub fonts: Vec<String>,
    /// The outline of every glyph the page draws.
    pub outlines: Vec<GlyphOutline>,
    /// Text runs, in paint order.
    pub runs: Vec<PaintRun>,
    /// Straight lines.
    pub lines: Vec<PaintLine>,
    /// Filled rectangles (drawn before lines and text).
    pub rects: Vec<PaintRect>,
    /// Clickable areas.
    pub links: Vec<PaintLink>,
}

/// A glyph's outline.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ipc", derive(serde::Serialize, ts_rs::TS))]
pub struct GlyphOutline {
    /// Index into [`PagePaint::fonts`].
    pub font: u16,
    /// Glyph id in that face.
    pub glyph: u16,
    /// SVG path data in font units, y pointing down.
    pub path: String,
}

/// Glyphs in one face, size and colour along a baseline.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ipc", derive(serde::Serialize, ts_rs::TS))]
pub struct PaintRun {
    /// Pen start x.
    pub x: f32,
    /// Baseline y.
    pub y: f32,
    /// Counter-clockwise rotation in degrees around (x, y).
    pub angle: f32,
    /// Points per font unit (size / units per em).
    pub scale: f32,
    /// Fill colour, `#rrggbb`.
    pub color: String,
    /// Index into [`PagePaint::fonts`].
    pub font: u16,
    /// Glyph ids, in visual order (glyphs without an outline are left out).
    pub glyphs: Vec<u16>,
    /// Each glyph's x from the run start, in font units.
    pub xs: Vec<f32>,
    /// Each glyph's y offset (down) in font units; empty when all are 0.
    pub ys: Vec<f32>,
}

/// A straight line.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ipc", derive(serde::Serialize, ts_rs::TS))]
pub struct PaintLine {
    /// Start point.
    pub from: [f32; 2],
    /// End point.
    pub to: [f32; 2],
    /// Stroke width.
    pub width: f32,
    /// Stroke colour, `#rrggbb`.
    pub color: String,
}

/// A filled rectangle.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ipc", derive(serde::Serialize, ts_rs::TS))]
pub struct PaintRect {
    /// x, y (top), width, height.
    pub rect: [f32; 4],
    /// Fill colour, `#rrggbb`.
    pub color: String,
}

/// A clickable area.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ipc", derive(serde::Serialize, ts_rs::TS))]
pub struct PaintLink {
    /// x, y (top), width, height.
    pub rect: [f32; 4],
    /// Target page (from 0) of an internal link.
    pub page: Option<u32>,
    /// Target y on that page.
    pub y: Option<f32>,
    /// Target of an external link.
    pub url: Option<String>,
}

/// Page `index` of a layout as a display list, `None` if there is no such
/// page.
pub fn page_paint(layout: &Layout, index: usize) -> Option<PagePaint> {
    let page = layout.pages.get(index)?;
    let mut out = PagePaint {
        width: page.width,
        height: page.height,
        ..PagePaint::default()
    };
    // Layout font id -> (slot in `out.fonts`, parsed face, units per em).
    let mut slots: HashMap<u16, (u16, Option<ttf_parser::Face<'_>>, f32)> = HashMap::new();
    let mut outlined: HashMap<(u16, u16), bool> = HashMap::new();
    for item in &page.items {
        match item {
            Item::Text(run) => {
                let (slot, face, upem) = slots.entry(run.font).or_insert_with(|| {
                    let face = layout.fonts.get(usize::from(run.font));
                    let slot = u16::try_from(out.fonts.len()).unwrap_or(u16::MAX);
                    out.fonts.push(face.map_or_else(
                        || format!("missing#{}", run.font),
                        |f| format!("{}#{}", f.name, f.index),
                    ));
                    (
                        slot,
                        face.and_then(|f| ttf_parser::Face::parse(f.data, f.index).ok()),
                        face.map_or(1000.0, |f| f.units_per_em),
                    )
                });
                let k = run.size / upem.max(1.0);
                if k <= 0.0 || !k.is_finite() {
                    continue;
                }
                let mut paint = PaintRun {
                    x: run.x,
                    y: run.y,
                    angle: run.angle,
                    scale: k,
                    color: hex(run.color),
                    font: *slot,
                    glyphs: Vec::with_capacity(run.glyphs.len()),
                    xs: Vec::with_capacity(run.glyphs.len()),
                    ys: Vec::new(),
                };
                let mut x = 0.0;
                let mut any_y = false;
                let mut ys = Vec::new();
                for (i, g) in run.glyphs.iter().enumerate() {
                    let drawn = *outlined.entry((*slot, g.id)).or_insert_with(|| {
                        let mut pb = PathBuilder(String::new());
                        if let Some(f) = face {
                            let _ = f.outline_glyph(ttf_parser::GlyphId(g.id), &mut pb);
                        }
                        let has = !pb.0.is_empty();
                        if has {
                            out.outlines.push(GlyphOutline {
                                font: *slot,
                                glyph: g.id,
                                path: pb.0,
                            });
                        }
                        has
                    });
                    if drawn {
                        paint.glyphs.push(g.id);
                        let [dx, dy] = run.offset(i);
                        paint.xs.push(((x + dx) / k).round());
                        let y = (-dy / k).round();
                        any_y |= y != 0.0;
                        ys.push(y);
                    }
                    x += g.advance;
                }
                if any_y {
                    paint.ys = ys;
                }
                if !paint.glyphs.is_empty() {
                    out.runs.push(paint);
                }
            }
            Item::Line {
                from,
                to,
                width,
                color,
            } => out.lines.push(PaintLine {
                from: [from.0, from.1],
                to: [to.0, to.1],
                width: *width,
                color: hex(*color),
            }),
            Item::Rect { rect, color } => out.rects.push(PaintRect {
                rect: *rect,
                color: hex(*color),
            }),
            Item::Link { rect, target } => out.links.push(match target {
                LinkTarget::Internal { page, y } => PaintLink {
                    rect: *rect,
                    page: u32::try_from(*page).ok(),
                    y: Some(*y),
                    url: None,
                },
                LinkTarget::Url(u) => PaintLink {
                    rect: *rect,
                    page: None,
                    y: None,
                    url: Some(u.clone()),
                },
            }),
        }
    }
    Some(out)
}

fn hex(c: Color) -> String {
    let v = |x: f32| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", v(c.r), v(c.g), v(c.b))
}

/// Path data in font units with y flipped (canvas y points down).
struct PathBuilder(String);

impl ttf_parser::OutlineBuilder for PathBuilder {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{x} {}", -y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{x} {}", -y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{x1} {} {x} {}", -y1, -y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(self.0, "C{x1} {} {x2} {} {x} {}", -y1, -y2, -y);
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

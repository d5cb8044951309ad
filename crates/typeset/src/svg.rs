//! SVG export of one laid-out page, for the desktop preview.
//!
//! Why: the preview must draw exactly what the PDF shows. This backend
//! consumes the same [`Page`] as the PDF writer and draws glyph outlines as
//! paths (no font loading in the web view, no text re-layout), so what the
//! user sees is what gets exported. Outlines are cached per (font, glyph)
//! as `<symbol>`s and placed with `<use>`.

use crate::layout::{Color, Item, Layout, LinkTarget, Page};
use rustybuzz::ttf_parser;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Renders page `index` of a layout to a standalone SVG document.
/// Returns `None` when the page does not exist.
pub fn page_to_svg(layout: &Layout, index: usize) -> Option<String> {
    let page = layout.pages.get(index)?;
    Some(render(layout, page))
}

fn color(c: Color) -> String {
    let v = |x: f32| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", v(c.r), v(c.g), v(c.b))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

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

fn render(layout: &Layout, page: &Page) -> String {
    let mut body = String::new();
    let mut symbols: BTreeMap<(u16, u16), String> = BTreeMap::new();
    let mut faces: BTreeMap<u16, Option<ttf_parser::Face<'_>>> = BTreeMap::new();
    for item in &page.items {
        match item {
            Item::Text(run) => {
                let face = faces.entry(run.font).or_insert_with(|| {
                    layout
                        .fonts
                        .get(usize::from(run.font))
                        .and_then(|f| ttf_parser::Face::parse(f.data, f.index).ok())
                });
                let upem = layout
                    .fonts
                    .get(usize::from(run.font))
                    .map_or(1000.0, |f| f.units_per_em);
                let k = run.size / upem;
                // One transform per run (position, rotation, scale to font
                // units); each glyph is then placed by integer font-unit
                // coordinates, which keeps the page small for the webview.
                let _ = write!(
                    body,
                    r#"<g fill="{}" transform="translate({:.2} {:.2})"#,
                    color(run.color),
                    run.x,
                    run.y
                );
                if run.angle != 0.0 {
                    let _ = write!(body, " rotate({:.2})", -run.angle);
                }
                let _ = write!(body, r#" scale({k})">"#);
                let mut x = 0.0;
                for g in &run.glyphs {
                    let key = (run.font, g.id);
                    let path = symbols.entry(key).or_insert_with(|| {
                        let mut pb = PathBuilder(String::new());
                        if let Some(f) = face.as_ref() {
                            let _ = f.outline_glyph(ttf_parser::GlyphId(g.id), &mut pb);
                        }
                        pb.0
                    });
                    if !path.is_empty() && k > 0.0 {
                        let _ = write!(
                            body,
                            r##"<use href="#g{}_{}" x="{:.0}""##,
                            run.font,
                            g.id,
                            (x + g.x_offset) / k
                        );
                        if g.y_offset != 0.0 {
                            let _ = write!(body, r#" y="{:.0}""#, -g.y_offset / k);
                        }
                        body.push_str("/>");
                    }
                    x += g.advance;
                }
                body.push_str("</g>\n");
            }
            Item::Line {
                from,
                to,
                width,
                color: c,
            } => {
                let _ = writeln!(
                    body,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{width}"/>"#,
                    from.0,
                    from.1,
                    to.0,
                    to.1,
                    color(*c)
                );
            }
            Item::Rect { rect, color: c } => {
                let _ = writeln!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                    rect[0],
                    rect[1],
                    rect[2],
                    rect[3],
                    color(*c)
                );
            }
            Item::Link { rect, target } => {
                let href = match target {
                    LinkTarget::Url(u) => esc(u),
                    LinkTarget::Internal { page, y } => format!("#page{}-{}", page + 1, y.round()),
                };
                let _ = writeln!(
                    body,
                    r#"<a href="{href}"><rect x="{}" y="{}" width="{}" height="{}" fill="transparent"/></a>"#,
                    rect[0], rect[1], rect[2], rect[3]
                );
            }
        }
    }
    let mut out = String::with_capacity(body.len() + 1024);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}">"#,
        w = page.width,
        h = page.height
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="white"/>"#);
    out.push_str("<defs>\n");
    for ((font, id), path) in &symbols {
        if !path.is_empty() {
            let _ = writeln!(out, r#"<path id="g{font}_{id}" d="{path}"/>"#);
        }
    }
    out.push_str("</defs>\n");
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

//! Emitting a line: the glyph slices of its pieces merged into text runs
//! per font and style (each glyph carrying its cluster's text), and the
//! rectangles of its links.

use super::Deco;
use super::paragraph::{Paragraph, Piece};
use crate::fonts::ShapedGlyph;
use crate::layout::{Color, Glyph, Item, Role, TextRun};

/// A glyph range of one piece, placed on a line.
#[derive(Clone)]
pub(super) struct Slice {
    pub(super) piece: usize,
    pub(super) glyphs: std::ops::Range<usize>,
}

/// Turns the slices of one line into text runs (merged per font/style) and
/// link rectangles (link id, x, width).
pub(super) fn emit_line(
    p: &Paragraph,
    slices: &[Slice],
    x0: f32,
    baseline: f32,
    extra: f32,
    scale: f32,
    role: Role,
) -> (Vec<Item>, Vec<(u32, f32, f32)>) {
    let mut items: Vec<Item> = Vec::new();
    let mut links: Vec<(u32, f32, f32)> = Vec::new();
    // Change marks: (decoration, y, from x, to x, width, colour).
    let mut decos: Vec<(Deco, f32, f32, f32, f32, Color)> = Vec::new();
    let mut x = x0;
    // One run per stretch of slices in the same font, size and colour,
    // allocated at its exact size (a long agreement keeps hundreds of
    // thousands of glyphs: no slack, no reallocation).
    let mut first = 0;
    while first < slices.len() {
        let lead = &p.pieces[slices[first].piece];
        let size = lead.style.size * scale;
        let same = |s: &Slice| {
            let piece = &p.pieces[s.piece];
            piece.font == lead.font
                && piece.style.size * scale == size
                && piece.style.color == lead.style.color
        };
        let end = first + slices[first..].iter().take_while(|s| same(s)).count();
        let group = &slices[first..end];
        let spans: Vec<(usize, usize)> = group
            .iter()
            .map(|s| {
                let piece = &p.pieces[s.piece];
                cluster_span(piece, p.piece_text(piece), s)
            })
            .collect();
        let mut run = TextRun {
            x,
            y: baseline,
            font: lead.font,
            size,
            color: lead.style.color,
            glyphs: Vec::with_capacity(group.iter().map(|s| s.glyphs.len()).sum()),
            offsets: Vec::new(),
            text: String::with_capacity(spans.iter().map(|(lo, hi)| hi - lo).sum()),
            angle: 0.0,
            role,
        };
        for (s, &(lo, hi)) in group.iter().zip(&spans) {
            let piece = &p.pieces[s.piece];
            let ptext = p.piece_text(piece);
            let start_x = x;
            // Source text of the slice: the clusters it covers.
            let glyphs = &piece.glyphs[s.glyphs.clone()];
            let base = run.text.len() as u32;
            run.text.push_str(ptext.get(lo..hi).unwrap_or(""));
            let k = piece.k;
            for sg in glyphs {
                let mut g = Glyph {
                    id: sg.id,
                    advance: sg.advance * k,
                    cluster: base + sg.cluster.saturating_sub(lo as u32),
                };
                g.advance *= scale;
                if piece.space {
                    g.advance += extra / glyphs.len().max(1) as f32;
                }
                let offset = [sg.x_offset * k * scale, sg.y_offset * k * scale];
                if offset != [0.0, 0.0] && run.offsets.is_empty() {
                    run.offsets = vec![[0.0, 0.0]; run.glyphs.len()];
                    run.offsets
                        .reserve_exact(run.glyphs.capacity() - run.glyphs.len());
                }
                if !run.offsets.is_empty() {
                    run.offsets.push(offset);
                }
                x += g.advance;
                run.glyphs.push(g);
            }
            if piece.style.deco != Deco::None {
                let size = piece.style.size * scale;
                let y = match piece.style.deco {
                    Deco::Underline => baseline + size * 0.15,
                    _ => baseline - size * 0.28,
                };
                match decos.last_mut() {
                    Some((d, dy, _, to, _, _))
                        if *d == piece.style.deco
                            && (*dy - y).abs() < 0.01
                            && (*to - start_x).abs() < 0.5 =>
                    {
                        *to = x;
                    }
                    _ => decos.push((
                        piece.style.deco,
                        y,
                        start_x,
                        x,
                        (size * 0.06).max(0.5),
                        piece.style.color,
                    )),
                }
            }
            if let Some(l) = piece.link {
                match links.last_mut() {
                    Some((id, lx, w)) if *id == l && (*lx + *w - start_x).abs() < 0.5 => {
                        *w = x - *lx;
                    }
                    _ => links.push((l, start_x, x - start_x)),
                }
            }
        }
        if !run.glyphs.is_empty() {
            items.push(Item::Text(run));
        }
        first = end;
    }
    items.extend(
        decos
            .into_iter()
            .map(|(_, y, from, to, width, color)| Item::Line {
                from: (from, y),
                to: (to, y),
                width,
                color,
            }),
    );
    (items, links)
}

/// Byte range of piece text covered by a glyph slice.
fn cluster_span(piece: &Piece, text: &str, s: &Slice) -> (usize, usize) {
    if s.glyphs.start == 0 && s.glyphs.end == piece.glyphs.len() {
        return (0, text.len());
    }
    // Clusters are monotonic in visual order: increasing left to right
    // for LTR pieces, decreasing for RTL ones.
    let g = &piece.glyphs;
    let first = g.get(s.glyphs.start).map_or(0, |g| g.cluster as usize);
    let last = g
        .get(s.glyphs.end.saturating_sub(1))
        .map_or(0, |g| g.cluster as usize);
    let lo = first.min(last);
    let hi = if piece.rtl {
        s.glyphs
            .start
            .checked_sub(1)
            .and_then(|i| g.get(i))
            .map_or(text.len(), |g| g.cluster as usize)
    } else {
        g.get(s.glyphs.end)
            .map_or(text.len(), |g| g.cluster as usize)
    };
    (lo.min(text.len()), hi.clamp(lo.min(text.len()), text.len()))
}

/// Total advance in points of shaped glyphs (font units) at `k` (size /
/// units per em).
pub(super) fn advances(shaped: &[ShapedGlyph], k: f32) -> f32 {
    shaped.iter().map(|g| g.advance * k).sum()
}

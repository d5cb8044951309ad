//! Line breaking: a paragraph's segments filled into lines of a width
//! (hyphenating, or breaking over-long words between characters), lines
//! justified or aligned, trailing spaces trimmed and pieces put in visual
//! order (bidi rule L2) before they are emitted.

use super::paragraph::{Paragraph, Piece, is_attaching};
use super::runs::{Slice, advances, emit_line};
use super::shaper::Shaper;
use super::{LineOpts, TextAlign};
use crate::layout::{Item, LinkTarget, VBox, VItem};
use hyphenation::{Hyphenator, Language, Load, Standard};
use std::sync::OnceLock;

fn hyphenator() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| Standard::from_embedded(Language::EnglishUS).ok())
        .as_ref()
}

impl Paragraph {
    /// Breaks into lines of at most `width` and emits one box per line.
    pub fn lines(mut self, sh: &mut Shaper<'_>, x: f32, width: f32, opts: LineOpts) -> Vec<VBox> {
        let width = width.max(1.0);
        let mut lines: Vec<(Vec<Slice>, bool)> = Vec::new();
        let mut cur: Vec<Slice> = Vec::new();
        let mut cur_w = 0.0f32; // including trailing spaces so far
        let mut cur_w_content = 0.0f32; // without trailing spaces
        let mut queue: std::collections::VecDeque<(Vec<usize>, bool)> =
            std::collections::VecDeque::new();
        let seg_count = self.segments.len();
        let mut si = 0;
        // The next segment's pieces (reused: one allocation per paragraph).
        let mut pieces: Vec<usize> = Vec::new();
        loop {
            // Next segment: either a requeued (split) one or the next original.
            let mandatory = if let Some((p, m)) = queue.pop_front() {
                pieces = p;
                m
            } else if si < seg_count {
                let s = &self.segments[si];
                si += 1;
                pieces.clear();
                pieces.extend(s.pieces.clone());
                s.mandatory
            } else {
                break;
            };
            let word_w: f32 = pieces
                .iter()
                .filter(|&&i| !self.pieces[i].space)
                .map(|&i| self.pieces[i].width)
                .sum();
            let total_w: f32 = pieces.iter().map(|&i| self.pieces[i].width).sum();
            if cur_w + word_w <= width + 0.01 {
                for &i in &pieces {
                    cur.push(Slice {
                        piece: i,
                        glyphs: 0..self.pieces[i].glyphs.len(),
                    });
                }
                cur_w += total_w;
                cur_w_content = cur_w - (total_w - word_w);
            } else {
                // Try hyphenating into the remaining space.
                let room = width - cur_w;
                if opts.hyphenate && self.hyphenate {
                    if let Some((head, tail)) = self.hyphenate_word(sh, &pieces, room) {
                        cur.push(Slice {
                            piece: head,
                            glyphs: 0..self.pieces[head].glyphs.len(),
                        });
                        lines.push((std::mem::take(&mut cur), false));
                        cur_w = 0.0;
                        cur_w_content = 0.0;
                        queue.push_front((tail, mandatory));
                        continue;
                    }
                }
                if !cur.is_empty() {
                    lines.push((std::mem::take(&mut cur), false));
                    cur_w = 0.0;
                    cur_w_content = 0.0;
                    queue.push_front((std::mem::take(&mut pieces), mandatory));
                    continue;
                }
                // Alone on a line and still too wide: break by character.
                let mut acc = 0.0f32;
                for &i in &pieces {
                    let p = &self.pieces[i];
                    if p.space {
                        cur.push(Slice {
                            piece: i,
                            glyphs: 0..p.glyphs.len(),
                        });
                        continue;
                    }
                    let n = p.glyphs.len();
                    let mut start = 0;
                    let mut gi = 0;
                    while gi < n {
                        // A cluster = glyphs sharing a cluster value.
                        let c = p.glyphs[gi].cluster;
                        let mut ge = gi + 1;
                        while ge < n && p.glyphs[ge].cluster == c {
                            ge += 1;
                        }
                        // Do not split before an attaching character.
                        while ge < n && {
                            let off = p.start + p.glyphs[ge].cluster as usize;
                            self.text
                                .get(off..)
                                .and_then(|s| s.chars().next())
                                .is_some_and(is_attaching)
                        } {
                            let c2 = p.glyphs[ge].cluster;
                            while ge < n && p.glyphs[ge].cluster == c2 {
                                ge += 1;
                            }
                        }
                        let w = advances(&p.glyphs[gi..ge], p.k);
                        if acc + w > width && acc > 0.0 {
                            cur.push(Slice {
                                piece: i,
                                glyphs: start..gi,
                            });
                            lines.push((std::mem::take(&mut cur), false));
                            acc = 0.0;
                            start = gi;
                        }
                        acc += w;
                        gi = ge;
                    }
                    if start < n {
                        cur.push(Slice {
                            piece: i,
                            glyphs: start..n,
                        });
                    }
                }
                cur_w = acc;
                cur_w_content = acc;
            }
            if mandatory {
                lines.push((std::mem::take(&mut cur), true));
                cur_w = 0.0;
                cur_w_content = 0.0;
            }
        }
        let _ = cur_w_content;
        if !cur.is_empty() || lines.is_empty() {
            lines.push((cur, true));
        }
        if let Some(last) = lines.last_mut() {
            last.1 = true;
        }

        // Emit boxes.
        // Never tighter than the font's own ascent + descent, so glyphs stay
        // inside their line box (and thus inside the page margins).
        let lh = (self.size * opts.leading).max(self.ascent + self.descent);
        let baseline = (lh - (self.ascent + self.descent)) / 2.0 + self.ascent;
        let mut out = Vec::with_capacity(lines.len());
        for (slices, last) in lines {
            let mut slices = trim_trailing_spaces(&self, slices);
            let content_w: f32 = slices.iter().map(|s| self.slice_width(s)).sum();
            reorder_visual(&self, &mut slices);
            let spaces = slices.iter().filter(|s| self.pieces[s.piece].space).count();
            let (x0, extra) = match opts.align {
                TextAlign::Justify if !last && spaces > 0 => {
                    (x, (width - content_w).max(0.0) / spaces as f32)
                }
                TextAlign::Center => (x + ((width - content_w) / 2.0).max(0.0), 0.0),
                TextAlign::Right => (x + (width - content_w).max(0.0), 0.0),
                TextAlign::Left | TextAlign::Justify if self.rtl_base => {
                    (x + (width - content_w).max(0.0), 0.0)
                }
                _ => (x, 0.0),
            };
            // A single cluster wider than the column (a 2 pt table column):
            // shrink it rather than let it cross the edge.
            let scale = if content_w > width + 0.01 {
                width / content_w
            } else {
                1.0
            };
            // Taller fallback fonts (Arabic, CJK) grow the line box.
            let asc = slices
                .iter()
                .map(|s| self.pieces[s.piece].ascent * scale)
                .fold(0.0, f32::max);
            let desc = slices
                .iter()
                .map(|s| self.pieces[s.piece].descent * scale)
                .fold(0.0, f32::max);
            let grow_top = (asc - self.ascent).max(0.0);
            let grow_bottom = (desc - self.descent).max(0.0);
            let baseline = baseline + grow_top;
            let (items, link_rects) =
                emit_line(&self, &slices, x0, baseline, extra, scale, opts.role);
            let mut vb = VBox {
                h: lh + grow_top + grow_bottom,
                items: items.into_iter().map(VItem::Item).collect(),
                baseline: Some(baseline),
            };
            for (link, x, w) in link_rects {
                let target = self.links.get(link as usize).cloned().unwrap_or_default();
                let rect = [x, baseline - self.ascent, w, self.ascent + self.descent];
                if let Some(anchor) = target.strip_prefix('#') {
                    vb.items.push(VItem::InternalLink {
                        rect,
                        anchor: anchor.to_string(),
                    });
                } else if !target.is_empty() {
                    vb.items.push(VItem::Item(Item::Link {
                        rect,
                        target: LinkTarget::Url(target),
                    }));
                }
            }
            out.push(vb);
        }
        out
    }

    fn slice_width(&self, s: &Slice) -> f32 {
        let p = &self.pieces[s.piece];
        advances(&p.glyphs[s.glyphs.clone()], p.k)
    }

    /// Splits the word made of `pieces` at a hyphenation point so that the
    /// head plus a hyphen fits `room`. Returns (head piece, tail pieces).
    fn hyphenate_word(
        &mut self,
        sh: &mut Shaper<'_>,
        pieces: &[usize],
        room: f32,
    ) -> Option<(usize, Vec<usize>)> {
        let dict = hyphenator()?;
        // Only plain single-piece words of letters.
        let word_pieces: Vec<usize> = pieces
            .iter()
            .copied()
            .filter(|&i| !self.pieces[i].space)
            .collect();
        if word_pieces.len() != 1 || room < self.size * 2.0 {
            return None;
        }
        let pi = word_pieces[0];
        let p = &self.pieces[pi];
        if p.rtl || p.own_text.is_some() {
            return None;
        }
        let word = self.text.get(p.start..p.end)?.to_string();
        let core = word.trim_end_matches(|c: char| !c.is_alphabetic());
        if core.chars().count() < 6 || core.len() > 64 || !core.chars().all(char::is_alphabetic) {
            return None;
        }
        let lower = core.to_lowercase();
        if lower.len() != core.len() {
            return None;
        }
        let breaks = dict.hyphenate(&lower).breaks;
        let (font, style, link, start, end) = (p.font, p.style, p.link, p.start, p.end);
        for &b in breaks.iter().rev() {
            if b < 2 || core.len() - b < 3 || !word.is_char_boundary(b) {
                continue;
            }
            let head_text = format!("{}-", &word[..b]);
            let shaped = sh.shape(font, &head_text, false);
            let [upem, ascender, descender] = sh.metrics(font);
            let k = style.size / upem;
            let w = advances(&shaped, k);
            if w <= room {
                let head = self.pieces.len();
                let (ascent, descent) = (ascender * k, -descender * k);
                self.pieces.push(Piece {
                    ascent,
                    descent,
                    start,
                    end: start + b,
                    font,
                    style,
                    link,
                    rtl: false,
                    level: 0,
                    glyphs: shaped,
                    k,
                    width: w,
                    space: false,
                    own_text: Some(head_text),
                });
                let tail = self.pieces.len();
                self.push_piece(sh, start + b, end, font, style, link, 0, false);
                let mut rest = vec![tail];
                rest.extend(pieces.iter().copied().filter(|&i| i != pi));
                return Some((head, rest));
            }
        }
        None
    }
}

fn trim_trailing_spaces(p: &Paragraph, mut slices: Vec<Slice>) -> Vec<Slice> {
    while slices.last().is_some_and(|s| p.pieces[s.piece].space) {
        slices.pop();
    }
    slices
}

/// Unicode bidi rule L2 on the pieces of one line.
fn reorder_visual(p: &Paragraph, slices: &mut [Slice]) {
    let max = slices
        .iter()
        .map(|s| p.pieces[s.piece].level)
        .max()
        .unwrap_or(0);
    if max == 0 {
        return;
    }
    let min_odd = slices
        .iter()
        .map(|s| p.pieces[s.piece].level)
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(1)
        .max(1);
    let mut level = max;
    while level >= min_odd {
        let mut i = 0;
        while i < slices.len() {
            if p.pieces[slices[i].piece].level >= level {
                let mut j = i;
                while j < slices.len() && p.pieces[slices[j].piece].level >= level {
                    j += 1;
                }
                slices[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
}

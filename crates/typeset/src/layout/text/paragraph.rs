//! Paragraphs: inlines flattened into one text with style spans and link
//! ids, a font per character (missing glyphs warned about and drawn as a
//! placeholder), bidi levels, shaped pieces and the segments (words with
//! their trailing spaces) that line breaking works with.

use super::TextStyle;
use super::runs::advances;
use super::shaper::Shaper;
use crate::doc::Inline;
use crate::fonts::{FontId, ShapedGlyph};
use crate::layout::{LINK, Warning, WarningKind};
use std::rc::Rc;
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// A contiguous byte range of paragraph text with one appearance.
#[derive(Debug, Clone)]
pub(super) struct Span {
    pub(super) end: usize,
    pub(super) style: TextStyle,
    pub(super) link: Option<u32>,
}

/// True for characters that attach to the previous one (combining marks,
/// joiners, variation selectors, emoji modifiers).
pub(crate) fn is_attaching(c: char) -> bool {
    let c = c as u32;
    c >= 0x0300
        && matches!(c,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF | 0xE0100..=0xE01EF | 0xE0020..=0xE007F)
}

fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// A shaped, uniformly styled, uniformly directed piece of text.
pub(crate) struct Piece {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) font: FontId,
    pub(super) style: TextStyle,
    pub(super) link: Option<u32>,
    pub(super) rtl: bool,
    pub(super) level: u8,
    /// Glyphs in font units (as shaped, shared with the shaping cache),
    /// visual order, clusters relative to `start`.
    pub(super) glyphs: Rc<[ShapedGlyph]>,
    /// Font units to points at this piece's size.
    pub(super) k: f32,
    pub(super) width: f32,
    pub(super) space: bool,
    /// Font ascent and descent at this size (points, both positive).
    pub(super) ascent: f32,
    pub(super) descent: f32,
    /// Text the glyphs were shaped from when it differs from the
    /// paragraph's (hyphenated prefixes end in "-").
    pub(super) own_text: Option<String>,
}

/// A word with its trailing spaces: the unit of line breaking.
pub(super) struct Segment {
    pub(super) pieces: std::ops::Range<usize>,
    pub(super) mandatory: bool,
}

/// A paragraph's text, styles and shaped pieces.
pub(crate) struct Paragraph {
    pub(super) text: String,
    pub(super) pieces: Vec<Piece>,
    pub(super) segments: Vec<Segment>,
    pub(super) links: Vec<String>,
    pub(super) ascent: f32,
    pub(super) descent: f32,
    pub(super) size: f32,
    pub(super) hyphenate: bool,
    /// Right-to-left paragraph (first strong character is RTL): ragged
    /// lines align right.
    pub(super) rtl_base: bool,
}

fn flatten(
    inlines: &[Inline],
    style: TextStyle,
    link: Option<u32>,
    map: &dyn Fn(&Inline) -> TextStyle,
    text: &mut String,
    spans: &mut Vec<Span>,
    links: &mut Vec<String>,
) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => push_span(text, spans, t, style, link),
            Inline::Code(t) => {
                let s = map(inline);
                push_span(text, spans, t, s, link)
            }
            Inline::Strong(c) => {
                let mut s = style;
                s.font.bold = true;
                flatten(c, s, link, map, text, spans, links)
            }
            Inline::Emphasis(c) => {
                let mut s = style;
                s.font.italic = !s.font.italic;
                flatten(c, s, link, map, text, spans, links)
            }
            Inline::Inserted(c) => {
                let mut s = style;
                s.deco = super::Deco::Underline;
                flatten(c, s, link, map, text, spans, links)
            }
            Inline::Deleted(c) => {
                let mut s = style;
                s.deco = super::Deco::Strike;
                flatten(c, s, link, map, text, spans, links)
            }
            Inline::Link { target, content } => {
                let id = u32::try_from(links.len()).unwrap_or(u32::MAX);
                links.push(target.clone());
                let mut s = style;
                s.color = LINK;
                flatten(content, s, Some(id), map, text, spans, links)
            }
            Inline::LineBreak => push_span(text, spans, "\n", style, link),
        }
    }
}

/// Bytes of text in `inlines` (what [`flatten`] collects, before
/// control characters are dropped).
fn text_len(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) | Inline::Code(t) => t.len(),
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Inserted(c)
            | Inline::Deleted(c)
            | Inline::Link { content: c, .. } => text_len(c),
            Inline::LineBreak => 1,
        })
        .sum()
}

fn push_span(
    text: &mut String,
    spans: &mut Vec<Span>,
    t: &str,
    style: TextStyle,
    link: Option<u32>,
) {
    // Most text holds no control character (nor a C1 one, all of which
    // start with 0xC2 in UTF-8): taken whole.
    if t.bytes().all(|b| b >= 0x20 && b != 0x7F && b != 0xC2) {
        text.push_str(t);
    } else {
        push_clean(text, t);
    }
    match spans.last_mut() {
        Some(last) if last.style == style && last.link == link => last.end = text.len(),
        _ => spans.push(Span {
            end: text.len(),
            style,
            link,
        }),
    }
}

fn push_clean(text: &mut String, t: &str) {
    for c in t.chars() {
        match c {
            '\t' => text.push(' '),
            '\n' => text.push('\n'),
            '\r' => text.push(' '),
            // Drop other control characters (NUL, ESC, ...): they have no
            // glyph and no meaning in print.
            c if c.is_control() => {}
            c => text.push(c),
        }
    }
}

impl Paragraph {
    /// Flattens, resolves fonts, computes bidi levels, segments and shapes.
    pub fn build(
        sh: &mut Shaper<'_>,
        inlines: &[Inline],
        base: TextStyle,
        code_style: impl Fn(&Inline) -> TextStyle,
    ) -> Self {
        let mut text = String::with_capacity(text_len(inlines));
        let mut spans = Vec::new();
        let mut links = Vec::new();
        flatten(
            inlines,
            base,
            None,
            &code_style,
            &mut text,
            &mut spans,
            &mut links,
        );

        // Per-char font resolution; characters no font has become U+FFFD.
        let mut fonts_runs: Vec<(usize, FontId)> = Vec::new();
        let mut clean = String::with_capacity(text.len());
        let mut span_ends = Vec::with_capacity(spans.len());
        let mut si = 0;
        let mut prev_font: Option<FontId> = None;
        let mut any_rtl = false;
        for (i, c) in text.char_indices() {
            while si < spans.len() && spans[si].end <= i {
                span_ends.push(clean.len());
                si += 1;
            }
            let style = spans.get(si).map_or(base, |s| s.style);
            let (font, ch) = if c == ' ' || c == '\n' || (is_attaching(c) && prev_font.is_some()) {
                match prev_font {
                    Some(f) => (f, c),
                    None => (sh.style_face(style.font), c),
                }
            } else {
                match sh.font_for(style.font, c) {
                    Some(f) => (f, c),
                    None => {
                        if sh.warnings.len() < 1000 {
                            sh.warnings.push(Warning {
                                kind: WarningKind::MissingGlyph { ch: c },
                                location: sh.location.clone(),
                            });
                        }
                        let f = match sh.font_for(style.font, '\u{FFFD}') {
                            Some(f) => f,
                            None => sh.style_face(style.font),
                        };
                        (f, '\u{FFFD}')
                    }
                }
            };
            any_rtl |= is_rtl_char(ch);
            // A font run boundary; spaces join the previous run.
            let f = if c == ' ' {
                prev_font.unwrap_or(font)
            } else {
                font
            };
            match fonts_runs.last_mut() {
                Some((end, last)) if *last == f => *end = clean.len() + ch.len_utf8(),
                _ => fonts_runs.push((clean.len() + ch.len_utf8(), f)),
            }
            prev_font = Some(f);
            clean.push(ch);
        }
        while span_ends.len() < spans.len() {
            span_ends.push(clean.len());
        }
        for (s, e) in spans.iter_mut().zip(&span_ends) {
            s.end = *e;
        }
        let text = clean;

        let mut rtl_base = false;
        let levels: Vec<u8> = if any_rtl {
            let info = unicode_bidi::BidiInfo::new(&text, None);
            rtl_base = info.paragraphs.first().is_some_and(|p| p.level.is_rtl());
            info.levels.iter().map(|l| l.number()).collect()
        } else {
            Vec::new()
        };

        let size = base.size;
        let base_face = sh.style_face(base.font);
        let [upem, ascender, descender] = sh.metrics(base_face);
        let k = size / upem;
        // About a word and a space per six bytes of prose.
        let words = text.len() / 6 + 1;
        let mut para = Paragraph {
            pieces: Vec::with_capacity(2 * words),
            segments: Vec::with_capacity(words),
            links,
            ascent: ascender * k,
            descent: -descender * k,
            size,
            hyphenate: base.font.family == crate::fonts::Family::Serif,
            rtl_base,
            text,
        };

        // Boundaries: break opportunities, span, font and level changes.
        let mut seg_start = 0;
        let mut span_i = 0;
        let mut font_i = 0;
        let text_len = para.text.len();
        let mut breaks: Vec<(usize, BreakOpportunity)> = Vec::with_capacity(words);
        breaks.extend(linebreaks(&para.text));
        for (pos, opp) in breaks {
            if pos <= seg_start && pos != text_len {
                continue;
            }
            let first_piece = para.pieces.len();
            // Split [seg_start, pos) into word part and trailing whitespace.
            let seg = &para.text[seg_start..pos];
            let word_end = seg_start + seg.trim_end_matches([' ', '\n', '\u{3000}']).len();
            let spaces_end = seg_start + seg.trim_end_matches('\n').len();
            let ends_nl = seg.ends_with('\n');
            let mut cut = seg_start;
            while cut < word_end {
                while span_i < spans.len() && spans[span_i].end <= cut {
                    span_i += 1;
                }
                while font_i < fonts_runs.len() && fonts_runs[font_i].0 <= cut {
                    font_i += 1;
                }
                let span = spans.get(span_i).cloned().unwrap_or(Span {
                    end: text_len,
                    style: base,
                    link: None,
                });
                let (font_end, font) = fonts_runs.get(font_i).copied().unwrap_or((text_len, 0));
                let mut end = word_end.min(span.end).min(font_end);
                let level = levels.get(cut).copied().unwrap_or(0);
                if !levels.is_empty() {
                    let mut e = cut;
                    while e < end && levels.get(e).copied().unwrap_or(0) == level {
                        e += para.text[e..].chars().next().map_or(1, char::len_utf8);
                    }
                    end = e;
                }
                if end <= cut {
                    end = cut + para.text[cut..].chars().next().map_or(1, char::len_utf8);
                }
                para.push_piece(sh, cut, end, font, span.style, span.link, level, false);
                cut = end;
            }
            // Trailing spaces (not newlines) as a stretchable space piece.
            if spaces_end > word_end {
                let mut w = word_end;
                while w < spaces_end {
                    while span_i < spans.len() && spans[span_i].end <= w {
                        span_i += 1;
                    }
                    let span = spans.get(span_i).cloned().unwrap_or(Span {
                        end: text_len,
                        style: base,
                        link: None,
                    });
                    let end = spaces_end.min(span.end.max(w + 1));
                    let font = sh.style_face(span.style.font);
                    let level = levels.get(w).copied().unwrap_or(0);
                    para.push_piece(sh, w, end, font, span.style, span.link, level, true);
                    w = end;
                }
            }
            para.segments.push(Segment {
                pieces: first_piece..para.pieces.len(),
                mandatory: opp == BreakOpportunity::Mandatory && ends_nl,
            });
            seg_start = pos;
        }
        para
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn push_piece(
        &mut self,
        sh: &mut Shaper<'_>,
        start: usize,
        end: usize,
        font: FontId,
        style: TextStyle,
        link: Option<u32>,
        level: u8,
        space: bool,
    ) {
        let rtl = level % 2 == 1;
        let text = &self.text[start..end];
        let shaped = sh.shape(font, text, rtl);
        let [upem, ascender, descender] = sh.metrics(font);
        let k = style.size / upem;
        let width = advances(&shaped, k);
        let glyphs = shaped;
        let (ascent, descent) = (ascender * k, -descender * k);
        self.pieces.push(Piece {
            ascent,
            descent,
            start,
            end,
            font,
            style,
            link,
            rtl,
            level,
            glyphs,
            k,
            width,
            space,
            own_text: None,
        });
    }

    pub(super) fn piece_text<'s>(&'s self, p: &'s Piece) -> &'s str {
        match &p.own_text {
            Some(t) => t,
            None => self.text.get(p.start..p.end).unwrap_or(""),
        }
    }

    /// Natural widths: (widest unbreakable word, whole text on one line).
    pub fn min_max(&self) -> (f32, f32) {
        let mut min: f32 = 0.0;
        let mut max: f32 = 0.0;
        let mut line: f32 = 0.0;
        for seg in &self.segments {
            let mut word = 0.0;
            for p in &self.pieces[seg.pieces.clone()] {
                if !p.space {
                    word += p.width;
                }
                line += p.width;
            }
            min = min.max(word);
            if seg.mandatory {
                max = max.max(line);
                line = 0.0;
            }
        }
        (min, max.max(line))
    }
}

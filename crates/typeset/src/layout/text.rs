//! Paragraph engine: inlines -> shaped pieces -> broken, justified lines.
//!
//! Why it is separate from pagination: this is where the typography lives
//! (font fallback per character, bidi levels, shaping with rustybuzz, break
//! opportunities from unicode-linebreak, hyphenation, character breaking of
//! over-long words). Everything here is linear in the text length; shaped
//! words are cached per layout so repeated words are shaped once.

use super::{Color, Glyph, Item, LinkTarget, Role, TextRun, VBox, VItem, Warning};
use crate::doc::Inline;
use crate::fonts::{self, FontFace, FontId, FontSet, FontStyle, ShapedGlyph};
use hyphenation::{Hyphenator, Language, Load, Standard};
use rustc_hash::FxHashMap as HashMap;

/// Shaped glyphs of pieces of text in one font and direction.
type ShapeCache = HashMap<Box<str>, Rc<[ShapedGlyph]>>;
use std::rc::Rc;
use std::sync::{Arc, OnceLock};
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Text appearance of a span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub font: FontStyle,
    pub size: f32,
    pub color: Color,
}

/// A contiguous byte range of paragraph text with one appearance.
#[derive(Debug, Clone)]
struct Span {
    end: usize,
    style: TextStyle,
    link: Option<u32>,
}

/// Per-layout shaping state shared by all paragraphs.
pub(crate) struct Shaper<'a> {
    fonts: &'a FontSet,
    faces: Vec<Arc<FontFace>>,
    /// Shaped pieces per (font, right-to-left), looked up by text without
    /// allocating a key.
    cache: HashMap<(FontId, bool), ShapeCache>,
    choice: HashMap<(FontStyle, char), Option<FontId>>,
    /// The same choices for Latin-1 characters, per style, looked up
    /// without hashing (most text is Latin-1).
    latin1: Vec<(FontStyle, Box<[LatinChoice; 256]>)>,
    /// The entry of `latin1` used last (styles change only between spans).
    latin1_last: usize,
    /// The face of each style (see [`FontSet::style_face`]).
    primary: Vec<(FontStyle, FontId)>,
    /// Per face: units per em, ascender, descender.
    metrics: Vec<[f32; 3]>,
    pub warnings: Vec<Warning>,
    pub location: String,
}

/// A cached font choice for a Latin-1 character.
#[derive(Clone, Copy, PartialEq)]
enum LatinChoice {
    Unknown,
    Known(Option<FontId>),
}

fn hyphenator() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| Standard::from_embedded(Language::EnglishUS).ok())
        .as_ref()
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

impl<'a> Shaper<'a> {
    pub fn new(fonts: &'a FontSet) -> Self {
        let faces = fonts.faces();
        Self {
            fonts,
            metrics: faces.iter().map(|f| face_metrics(f)).collect(),
            faces,
            cache: HashMap::default(),
            choice: HashMap::default(),
            latin1: Vec::new(),
            latin1_last: 0,
            primary: Vec::new(),
            warnings: Vec::new(),
            location: String::new(),
        }
    }

    pub fn faces(&self) -> Vec<Arc<FontFace>> {
        self.fonts.faces()
    }

    pub fn face(&mut self, id: FontId) -> Arc<FontFace> {
        if usize::from(id) >= self.faces.len() {
            self.reload_faces();
        }
        match self
            .faces
            .get(usize::from(id))
            .or_else(|| self.faces.first())
        {
            Some(f) => f.clone(),
            None => Arc::new(placeholder_face()),
        }
    }

    /// Fallback faces are added to the set as characters need them.
    fn reload_faces(&mut self) {
        self.faces = self.fonts.faces();
        self.metrics = self.faces.iter().map(|f| face_metrics(f)).collect();
    }

    /// Units per em, ascender and descender of a face (as [`Self::face`]
    /// picks it).
    fn metrics(&mut self, id: FontId) -> [f32; 3] {
        if usize::from(id) >= self.metrics.len() {
            self.reload_faces();
        }
        match self.metrics.get(usize::from(id)).or(self.metrics.first()) {
            Some(m) => *m,
            None => face_metrics(&placeholder_face()),
        }
    }

    /// The face of a style, remembered.
    fn style_face(&mut self, style: FontStyle) -> FontId {
        if let Some(&(_, f)) = self.primary.iter().find(|(s, _)| *s == style) {
            return f;
        }
        let f = self.fonts.style_face(style);
        self.primary.push((style, f));
        f
    }

    fn font_for(&mut self, style: FontStyle, c: char) -> Option<FontId> {
        let Ok(byte) = u8::try_from(c) else {
            return self.font_for_hashed(style, c);
        };
        let table = match self.latin1.get(self.latin1_last) {
            Some((s, _)) if *s == style => self.latin1_last,
            _ => match self.latin1.iter().position(|(s, _)| *s == style) {
                Some(i) => i,
                None => {
                    self.latin1
                        .push((style, Box::new([LatinChoice::Unknown; 256])));
                    self.latin1.len() - 1
                }
            },
        };
        self.latin1_last = table;
        if let LatinChoice::Known(v) = self.latin1[table].1[usize::from(byte)] {
            return v;
        }
        let v = self.font_for_hashed(style, c);
        self.latin1[table].1[usize::from(byte)] = LatinChoice::Known(v);
        v
    }

    fn font_for_hashed(&mut self, style: FontStyle, c: char) -> Option<FontId> {
        if let Some(v) = self.choice.get(&(style, c)) {
            return *v;
        }
        let v = self.fonts.face_for_char(style, c);
        self.choice.insert((style, c), v);
        v
    }

    /// Shapes one piece of text with a face, cached.
    pub fn shape(&mut self, font: FontId, text: &str, rtl: bool) -> Rc<[ShapedGlyph]> {
        if let Some(g) = self.cache.get(&(font, rtl)).and_then(|m| m.get(text)) {
            return g.clone();
        }
        let face = self.face(font);
        let glyphs: Rc<[ShapedGlyph]> = fonts::shape(&face, text, rtl).into();
        // Huge pieces (a 1 MB word) are not worth keeping.
        if text.len() < 256 {
            self.cache
                .entry((font, rtl))
                .or_default()
                .insert(Box::from(text), glyphs.clone());
        }
        glyphs
    }

    /// Width in points of a single-line string.
    pub fn measure(&mut self, text: &str, style: TextStyle) -> f32 {
        let para = Paragraph::build(self, &[Inline::Text(text.into())], style, |_| style);
        para.pieces.iter().map(|p| p.width).sum()
    }

    /// A single line of text as a run starting at `x` on baseline `y`
    /// (no wrapping; use for labels, numbers, header and footer).
    pub fn line_runs(
        &mut self,
        text: &str,
        style: TextStyle,
        x: f32,
        y: f32,
        role: Role,
    ) -> (Vec<Item>, f32) {
        let para = Paragraph::build(self, &[Inline::Text(text.into())], style, |_| style);
        let all: Vec<Slice> = (0..para.pieces.len())
            .map(|i| Slice {
                piece: i,
                glyphs: 0..para.pieces[i].glyphs.len(),
            })
            .collect();
        let width: f32 = para.pieces.iter().map(|p| p.width).sum();
        let (items, _) = emit_line(&para, &all, x, y, 0.0, 1.0, role);
        (items, width)
    }
}

fn face_metrics(face: &FontFace) -> [f32; 3] {
    [face.units_per_em, face.ascender, face.descender]
}

fn placeholder_face() -> FontFace {
    FontFace {
        name: "None".into(),
        data: &[],
        shaping: None,
        plans: Default::default(),
        index: 0,
        units_per_em: 1000.0,
        ascender: 800.0,
        descender: -200.0,
        cap_height: 700.0,
        italic_angle: 0.0,
        bbox: [0.0; 4],
        bold: false,
        italic: false,
        serif: false,
        monospace: false,
    }
}

/// A shaped, uniformly styled, uniformly directed piece of text.
pub(crate) struct Piece {
    start: usize,
    end: usize,
    font: FontId,
    style: TextStyle,
    link: Option<u32>,
    rtl: bool,
    level: u8,
    /// Glyphs in font units (as shaped, shared with the shaping cache),
    /// visual order, clusters relative to `start`.
    glyphs: Rc<[ShapedGlyph]>,
    /// Font units to points at this piece's size.
    k: f32,
    width: f32,
    space: bool,
    /// Font ascent and descent at this size (points, both positive).
    ascent: f32,
    descent: f32,
    /// Text the glyphs were shaped from when it differs from the
    /// paragraph's (hyphenated prefixes end in "-").
    own_text: Option<String>,
}

/// A word with its trailing spaces: the unit of line breaking.
struct Segment {
    pieces: std::ops::Range<usize>,
    mandatory: bool,
}

/// A paragraph's text, styles and shaped pieces.
pub(crate) struct Paragraph {
    text: String,
    pieces: Vec<Piece>,
    segments: Vec<Segment>,
    links: Vec<String>,
    ascent: f32,
    descent: f32,
    size: f32,
    hyphenate: bool,
    /// Right-to-left paragraph (first strong character is RTL): ragged
    /// lines align right.
    rtl_base: bool,
}

/// A glyph range of one piece, placed on a line.
#[derive(Clone)]
struct Slice {
    piece: usize,
    glyphs: std::ops::Range<usize>,
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
            Inline::Link { target, content } => {
                let id = u32::try_from(links.len()).unwrap_or(u32::MAX);
                links.push(target.clone());
                let mut s = style;
                s.color = super::LINK;
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
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                text_len(c)
            }
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
                                message: format!(
                                    "no font has a glyph for U+{:04X}; printed as a placeholder box",
                                    c as u32
                                ),
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
    fn push_piece(
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

    fn piece_text<'s>(&'s self, p: &'s Piece) -> &'s str {
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

/// Line-level options.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineOpts {
    pub align: TextAlign,
    pub leading: f32,
    pub hyphenate: bool,
    pub role: Role,
}

/// Horizontal alignment of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextAlign {
    Left,
    Justify,
    Center,
    Right,
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

/// Turns the slices of one line into text runs (merged per font/style) and
/// link rectangles (link id, x, width).
fn emit_line(
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
fn advances(shaped: &[ShapedGlyph], k: f32) -> f32 {
    shaped.iter().map(|g| g.advance * k).sum()
}

//! The shaping state of one layout: the font for each character (bundled
//! faces, then fallbacks, with caches that skip hashing for Latin-1), the
//! shaping cache of pieces per font and direction, font metrics, and the
//! warnings of the part being laid out.

use super::TextStyle;
use super::paragraph::Paragraph;
use super::runs::{Slice, emit_line};
use crate::doc::Inline;
use crate::fonts::{self, FontFace, FontId, FontSet, FontStyle, ShapedGlyph};
use crate::layout::{Item, Role, Warning};
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// Shaped glyphs of pieces of text in one font and direction.
type ShapeCache = HashMap<Box<str>, Rc<[ShapedGlyph]>>;

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
    pub(super) fn metrics(&mut self, id: FontId) -> [f32; 3] {
        if usize::from(id) >= self.metrics.len() {
            self.reload_faces();
        }
        match self.metrics.get(usize::from(id)).or(self.metrics.first()) {
            Some(m) => *m,
            None => face_metrics(&placeholder_face()),
        }
    }

    /// The face of a style, remembered.
    pub(super) fn style_face(&mut self, style: FontStyle) -> FontId {
        if let Some(&(_, f)) = self.primary.iter().find(|(s, _)| *s == style) {
            return f;
        }
        let f = self.fonts.style_face(style);
        self.primary.push((style, f));
        f
    }

    pub(super) fn font_for(&mut self, style: FontStyle, c: char) -> Option<FontId> {
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

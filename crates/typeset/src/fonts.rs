//! Fonts: the bundled Noto families plus an injected fallback database.
//!
//! Why a module of its own: fonts are part of the injected environment
//! (like the date and the document id). A [`FontSet`] is built once, shared
//! behind `Arc`s, and handed to layout; tests build one with a fixed
//! fallback set (or none) so output never depends on the machine.
//!
//! Lookup order for a character: the requested style's face, the other
//! bundled faces, fallback faces already loaded, then a scan of the
//! injected [`fontdb::Database`] (sorted by family name so the choice is
//! deterministic). Faces are parsed with `ttf-parser` (through rustybuzz).

use crate::error::{Error, Result};
use rustc_hash::FxHashMap as HashMap;
use rustybuzz::ttf_parser;
use std::sync::{Arc, Mutex, RwLock};

/// Index of a face in a [`FontSet`] (and in a layout's font list).
pub type FontId = u16;

/// Type family of a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Body text.
    Serif,
    /// Headings, tables, header and footer.
    Sans,
    /// Code.
    Mono,
}

/// Family plus weight and slant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontStyle {
    /// Family.
    pub family: Family,
    /// Bold weight.
    pub bold: bool,
    /// Italic slant.
    pub italic: bool,
}

impl FontStyle {
    /// Regular style of a family.
    pub const fn regular(family: Family) -> Self {
        Self {
            family,
            bold: false,
            italic: false,
        }
    }
}

/// One parsed font face with the metrics layout and PDF need.
pub struct FontFace {
    /// PostScript-ish name used for PDF `BaseFont` (no spaces).
    pub name: String,
    /// The font file. Bundled faces point into the binary; fallback faces
    /// are loaded once per font set and kept for the life of the process,
    /// which lets the parsed shaping face below be built once, not per call.
    pub data: &'static [u8],
    /// Face index inside a collection file.
    pub index: u32,
    /// Design units per em.
    pub units_per_em: f32,
    /// Ascender (font units, positive).
    pub ascender: f32,
    /// Descender (font units, negative).
    pub descender: f32,
    /// Cap height (font units).
    pub cap_height: f32,
    /// Italic angle in degrees.
    pub italic_angle: f32,
    /// Global bounding box (font units): x0, y0, x1, y1.
    pub bbox: [f32; 4],
    /// Bold face.
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
    /// Serif design (PDF font flag).
    pub serif: bool,
    /// Fixed pitch (PDF font flag).
    pub monospace: bool,
    /// The parsed face for shaping and glyph lookups, built once.
    pub shaping: Option<rustybuzz::Face<'static>>,
    /// Shaping plans by direction and script: building one costs more
    /// than shaping a word, so each is built once per face.
    pub(crate) plans: Mutex<PlanCache>,
}

type PlanCache = HashMap<(rustybuzz::Direction, rustybuzz::Script), Arc<rustybuzz::ShapePlan>>;

impl std::fmt::Debug for FontFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontFace")
            .field("name", &self.name)
            .field("index", &self.index)
            .field("bytes", &self.data.len())
            .finish()
    }
}

impl FontFace {
    /// Parses a face from font file bytes.
    pub fn from_data(data: &'static [u8], index: u32, label: &str) -> Result<Self> {
        let face = ttf_parser::Face::parse(data, index).map_err(|e| Error::Font {
            name: label.to_string(),
            reason: e.to_string(),
        })?;
        let name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| label.to_string())
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>();
        let b = face.global_bounding_box();
        let upem = f32::from(face.units_per_em());
        Ok(Self {
            name: if name.is_empty() { "Font".into() } else { name },
            index,
            units_per_em: upem,
            ascender: f32::from(face.ascender()),
            descender: f32::from(face.descender()),
            cap_height: face.capital_height().map_or(upem * 0.7, f32::from),
            italic_angle: face.italic_angle(),
            bbox: [
                f32::from(b.x_min),
                f32::from(b.y_min),
                f32::from(b.x_max),
                f32::from(b.y_max),
            ],
            bold: face.is_bold(),
            italic: face.is_italic(),
            serif: label.contains("Serif"),
            monospace: face.is_monospaced(),
            data,
            shaping: rustybuzz::Face::from_slice(data, index),
            plans: Mutex::default(),
        })
    }

    /// The rustybuzz face for shaping (also a `ttf_parser::Face`).
    pub fn shaper(&self) -> Option<&rustybuzz::Face<'static>> {
        self.shaping.as_ref()
    }
}

/// Shared, lazily-filled character -> face decisions and loaded fallbacks.
#[derive(Default)]
struct FallbackState {
    /// (style, char) -> chosen face, or `None` when no face has it.
    choice: HashMap<(FontStyle, char), Option<FontId>>,
    /// fontdb faces already checked and rejected, per char is too much
    /// memory; instead remember which db faces are loaded.
    loaded: HashMap<fontdb::ID, FontId>,
    /// Scan order of the database (sorted once).
    order: Option<Vec<fontdb::ID>>,
}

/// The fonts available to layout: bundled faces by style, then fallbacks.
pub struct FontSet {
    faces: RwLock<Vec<Arc<FontFace>>>,
    styles: HashMap<FontStyle, FontId>,
    fallback: Option<fontdb::Database>,
    state: Mutex<FallbackState>,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("faces", &self.faces().len())
            .field("fallback", &self.fallback.as_ref().map(|d| d.len()))
            .finish()
    }
}

/// The bundled faces. `build.rs` includes their files (`fonts/LABEL.ttf`)
/// in the same order; a test checks they match.
const BUNDLED: [(&str, Family, bool, bool); 10] = [
    ("NotoSerif-Regular", Family::Serif, false, false),
    ("NotoSerif-Bold", Family::Serif, true, false),
    ("NotoSerif-Italic", Family::Serif, false, true),
    ("NotoSerif-BoldItalic", Family::Serif, true, true),
    ("NotoSans-Regular", Family::Sans, false, false),
    ("NotoSans-Bold", Family::Sans, true, false),
    ("NotoSans-Italic", Family::Sans, false, true),
    ("NotoSans-BoldItalic", Family::Sans, true, true),
    ("NotoSansMono-Regular", Family::Mono, false, false),
    ("NotoSansMono-Bold", Family::Mono, true, false),
];

/// The bundled font files, as in `fonts/`. With the `compressed-fonts`
/// feature (the desktop app's: a smaller binary that loads faster) they are
/// stored deflated and inflated once, the first time a font set is built;
/// without it (the command line's) they are used in place.
fn bundled_files() -> Result<&'static [&'static [u8]]> {
    #[cfg(not(feature = "compressed-fonts"))]
    {
        const FILES: [&[u8]; 10] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
        Ok(&FILES)
    }
    #[cfg(feature = "compressed-fonts")]
    {
        /// Each file deflated, with its size.
        const FILES: [(&[u8], usize); 10] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
        static INFLATED: std::sync::OnceLock<Result<Vec<&'static [u8]>, String>> =
            std::sync::OnceLock::new();
        let inflated = INFLATED.get_or_init(|| {
            let files = crate::par::in_turns(
                FILES.len(),
                crate::par::cores(),
                1 << 20,
                &mut (),
                || (),
                |(), i| {
                    let (deflated, size) = FILES[i];
                    let mut out = vec![0; size];
                    libdeflater::Decompressor::new()
                        .deflate_decompress(deflated, &mut out)
                        .map_err(|e| format!("{}: {e}", BUNDLED[i].0))?;
                    // Kept for the life of the process, as the files are
                    // without the feature.
                    Ok(&*Box::leak(out.into_boxed_slice()))
                },
            );
            files.into_iter().collect()
        });
        inflated.as_deref().map_err(|reason| Error::Font {
            name: "bundled".to_owned(),
            reason: format!("cannot inflate {reason}"),
        })
    }
}

impl FontSet {
    /// The bundled Noto faces only (no fallback): Latin, Greek, Cyrillic.
    /// Other characters print as a visible box with a warning.
    pub fn bundled() -> Result<Self> {
        let mut faces = Vec::new();
        let mut styles = HashMap::default();
        let files = bundled_files()?;
        for (&(label, family, bold, italic), &bytes) in BUNDLED.iter().zip(files) {
            let id = FontId::try_from(faces.len()).unwrap_or(FontId::MAX);
            let mut face = FontFace::from_data(bytes, 0, label)?;
            face.serif = family == Family::Serif;
            faces.push(Arc::new(face));
            styles.insert(
                FontStyle {
                    family,
                    bold,
                    italic,
                },
                id,
            );
        }
        Ok(Self {
            faces: RwLock::new(faces),
            styles,
            fallback: None,
            state: Mutex::new(FallbackState::default()),
        })
    }

    /// Adds a fallback database (e.g. the system fonts, or a fixed test
    /// set) consulted for characters the bundled faces lack.
    pub fn with_fallback(mut self, db: fontdb::Database) -> Self {
        self.fallback = Some(db);
        self
    }

    /// A database of the machine's installed fonts, for [`Self::with_fallback`].
    pub fn system_database() -> fontdb::Database {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db
    }

    /// Snapshot of all faces loaded so far, indexed by [`FontId`].
    pub fn faces(&self) -> Vec<Arc<FontFace>> {
        match self.faces.read() {
            Ok(f) => f.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// The face for a style (falls back to regular, then to face 0).
    pub fn style_face(&self, style: FontStyle) -> FontId {
        self.styles
            .get(&style)
            .or_else(|| {
                self.styles.get(&FontStyle {
                    italic: false,
                    ..style
                })
            })
            .or_else(|| self.styles.get(&FontStyle::regular(style.family)))
            .copied()
            .unwrap_or(0)
    }

    /// The face to draw `c` with in `style`, or `None` when no face has it.
    pub fn face_for_char(&self, style: FontStyle, c: char) -> Option<FontId> {
        let mut state = match self.state.lock() {
            Ok(s) => s,
            Err(p) => p.into_inner(),
        };
        if let Some(choice) = state.choice.get(&(style, c)) {
            return *choice;
        }
        let choice = self.resolve(style, c, &mut state);
        state.choice.insert((style, c), choice);
        choice
    }

    fn has_glyph(face: &FontFace, c: char) -> bool {
        face.shaper()
            .and_then(|f| {
                let g = f.glyph_index(c)?;
                // Bitmap-only glyphs (color emoji) cannot be embedded as
                // outlines; treat them as missing.
                (c.is_whitespace() || f.glyph_bounding_box(g).is_some()).then_some(())
            })
            .is_some()
    }

    fn resolve(&self, style: FontStyle, c: char, state: &mut FallbackState) -> Option<FontId> {
        let faces = self.faces();
        let primary = self.style_face(style);
        if faces
            .get(usize::from(primary))
            .is_some_and(|f| Self::has_glyph(f, c))
        {
            return Some(primary);
        }
        // Other bundled faces of the same weight first, then the rest.
        let mut order: Vec<FontId> = (0..faces.len())
            .filter_map(|i| FontId::try_from(i).ok())
            .collect();
        order.sort_by_key(|&i| {
            let f = &faces[usize::from(i)];
            (f.bold != style.bold, f.italic != style.italic, i)
        });
        for id in order {
            if Self::has_glyph(&faces[usize::from(id)], c) {
                return Some(id);
            }
        }
        let db = self.fallback.as_ref()?;
        let scan = state.order.get_or_insert_with(|| {
            let mut v: Vec<&fontdb::FaceInfo> = db.faces().collect();
            v.sort_by(|a, b| {
                let fa = a.families.first().map(|f| f.0.as_str()).unwrap_or("");
                let fb = b.families.first().map(|f| f.0.as_str()).unwrap_or("");
                (
                    a.weight.0 != 400,
                    a.style != fontdb::Style::Normal,
                    fa,
                    &a.post_script_name,
                    a.index,
                )
                    .cmp(&(
                        b.weight.0 != 400,
                        b.style != fontdb::Style::Normal,
                        fb,
                        &b.post_script_name,
                        b.index,
                    ))
            });
            v.into_iter().map(|f| f.id).collect()
        });
        for id in scan.clone() {
            if state.loaded.contains_key(&id) {
                continue; // already loaded and checked above
            }
            let found = db
                .with_face_data(id, |data, index| {
                    let face = ttf_parser::Face::parse(data, index).ok()?;
                    let g = face.glyph_index(c)?;
                    face.glyph_bounding_box(g)?;
                    Some((data.to_vec(), index))
                })
                .flatten();
            if let Some((data, index)) = found {
                let label = db
                    .face(id)
                    .map(|f| f.post_script_name.clone())
                    .unwrap_or_else(|| "Fallback".into());
                // Kept for the life of the process: see `FontFace::data`.
                let data: &'static [u8] = Box::leak(data.into_boxed_slice());
                let Ok(face) = FontFace::from_data(data, index, &label) else {
                    continue;
                };
                let mut faces = match self.faces.write() {
                    Ok(f) => f,
                    Err(p) => p.into_inner(),
                };
                let new_id = FontId::try_from(faces.len()).ok()?;
                faces.push(Arc::new(face));
                state.loaded.insert(id, new_id);
                return Some(new_id);
            }
        }
        None
    }
}

/// One shaped glyph, in font units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    /// Glyph id in the face.
    pub id: u16,
    /// Horizontal advance (font units).
    pub advance: f32,
    /// Horizontal offset (font units).
    pub x_offset: f32,
    /// Vertical offset (font units, up).
    pub y_offset: f32,
    /// Byte offset of the glyph's cluster in the shaped text.
    pub cluster: u32,
}

/// Shapes `text` with a face (kerning and ligatures on). Glyphs come back
/// in visual order (reversed for right-to-left).
pub fn shape(face: &FontFace, text: &str, rtl: bool) -> Vec<ShapedGlyph> {
    let Some(rb) = face.shaper() else {
        return Vec::new();
    };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let out = if buffer.language().is_none() {
        let key = (buffer.direction(), buffer.script());
        let plan = {
            let mut plans = match face.plans.lock() {
                Ok(p) => p,
                Err(p) => p.into_inner(),
            };
            plans
                .entry(key)
                .or_insert_with(|| {
                    Arc::new(rustybuzz::ShapePlan::new(rb, key.0, Some(key.1), None, &[]))
                })
                .clone()
        };
        rustybuzz::shape_with_plan(rb, &plan, buffer)
    } else {
        rustybuzz::shape(rb, &[], buffer)
    };
    out.glyph_infos()
        .iter()
        .zip(out.glyph_positions())
        .map(|(info, pos)| ShapedGlyph {
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            advance: pos.x_advance as f32,
            x_offset: pos.x_offset as f32,
            y_offset: pos.y_offset as f32,
            cluster: info.cluster,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_files_are_the_fonts_folders_byte_for_byte() {
        let fonts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fonts");
        let files = bundled_files().expect("the bundled fonts load");
        assert_eq!(files.len(), BUNDLED.len());
        for (&(label, ..), &bytes) in BUNDLED.iter().zip(files) {
            let on_disk = std::fs::read(fonts.join(format!("{label}.ttf"))).expect("font file");
            assert!(bytes == on_disk, "{label} differs from fonts/{label}.ttf");
        }
    }
}

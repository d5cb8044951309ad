//! PDF export: [`Layout`] pages -> PDF bytes, written with `printpdf`.
//!
//! printpdf builds the document: page tree, resources, the Type 0 /
//! CIDFont dictionaries with `/W` widths and `/ToUnicode` (from a glyph
//! inventory: every used glyph once, carrying the source text of its
//! cluster, so copying text is right for ligatures and right-to-left
//! runs), link annotations, and hands us a `lopdf::Document`.
//!
//! The page content streams are written here, directly as bytes: each
//! text run's glyph codes as one binary string in one `TJ` with adjustments only
//! where the laid-out advance differs from the font's, rules and filled
//! rectangles, with font, colour and line width set only when they change.
//! printpdf's own content serializer makes a lopdf object per glyph and
//! then encodes them; for a 178-page agreement that was two thirds of the
//! whole render (170 ms against 52 ms now, same pages to the pixel within
//! rounding to 1/1000 pt).
//!
//! Three things printpdf 0.12 (built without its `text_layout`/`html`
//! features, which would pull in the azul layout engine) does not do the
//! way we need, so this module does them itself:
//!
//! - **Subsetting.** Without `text_layout` printpdf embeds whole fonts and
//!   ignores `subset_fonts`. We subset each used face with `allsorts` (the
//!   font library printpdf itself depends on, and the call printpdf makes
//!   under `text_layout`), write the subset's glyph ids (or CIDs) in our
//!   content streams, and give printpdf a [`ParsedFont`] built from our
//!   already-parsed [`FontFace`] metrics plus the subset bytes. Nothing
//!   re-parses a full font per render, so no cache is needed; the subset
//!   tag (`ABCDEF+Name`) is derived from the glyph set.
//! - **Raw objects through lopdf, after serialization.** printpdf's
//!   bookmarks are flat and point at page tops, so the nested `/Outlines`
//!   tree and the `/Names /Dests` name tree for heading anchors are written
//!   as lopdf objects. The `/Info` dictionary is replaced (printpdf always
//!   writes empty fields, a `GTS_PDFXVersion` and 1970 dates), link
//!   annotations are moved from direct dictionaries into indirect objects
//!   (as ISO 32000 asks), the font descriptors get our flags, italic angle
//!   and cap height, the catalog gets `/PageMode /UseOutlines` and
//!   `/DisplayDocTitle`, and the version is raised to 1.7 (OpenType
//!   `/FontFile3` needs 1.6).
//! - **Determinism and speed.** Font resource ids are fixed (`F0`, `F1`,
//!   ... in order of first use; printpdf's `FontId::new()` is random), the
//!   trailer `/ID` (random in printpdf) is derived from
//!   `Meta::document_id`, and dates come from `Meta::created`, never the
//!   clock. Streams are deflated here with libdeflate, at its fastest
//!   level, instead of lopdf's `Document::compress` (miniz, slowest
//!   level): see [`deflate`].

use crate::doc::{DocDate, Meta};
use crate::error::{Error, Result};
use crate::fonts::FontFace;
use crate::layout::{Color, Glyph, Item, Layout, LinkTarget, OutlineEntry, Page, TextRun};
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, ColorArray, Destination, FontId, FontMetrics, FontType, HighlightingMode,
    LinkAnnotation, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfFontMetricsStub,
    PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Pt, TextItem,
};
use rustybuzz::ttf_parser;
use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;

/// Serializes a layout to PDF bytes. Same layout and meta, same bytes.
pub fn write_pdf(layout: &Layout, meta: &Meta) -> Result<Vec<u8>> {
    let (mut fonts, slots) = prepare_fonts(layout)?;
    let contents = page_contents(&layout.pages, &fonts, &slots);

    let mut doc = PdfDocument::new(&meta.title);
    doc.pages = layout
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| PdfPage {
            media_box: pp_rect(0.0, 0.0, page.width, page.height),
            trim_box: pp_rect(0.0, 0.0, page.width, page.height),
            crop_box: pp_rect(0.0, 0.0, page.width, page.height),
            ops: page_ops(page, layout, (i == 0).then_some(fonts.as_slice())),
        })
        .collect();
    for (slot, font) in fonts.iter_mut().enumerate() {
        if let Some(parsed) = font.parsed.take() {
            doc.resources
                .fonts
                .map
                .insert(font_id(slot), PdfFont::new(parsed));
        }
    }

    let opts = PdfSaveOptions {
        // We compress ourselves (libdeflate, see `deflate`).
        optimize: false,
        // Ignored without printpdf's `text_layout`; the fonts handed over
        // are already our subsets.
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = printpdf::serialize::to_lopdf_doc(&doc, &opts, &mut warnings);
    drop(doc);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(Error::Inconsistent(format!("printpdf: {}", w.msg)));
    }

    post_process(&mut lo, layout, meta, &fonts, contents)?;
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| Error::Inconsistent(format!("writing the PDF: {e}")))?;
    Ok(out)
}

/// How one glyph of a face is used in the document.
#[derive(Debug, Default, Clone)]
struct GlyphUse {
    /// The text the glyph stands for: `None` if unused, empty for glyphs
    /// after the first of a cluster. The first cluster-leading occurrence
    /// in the document decides.
    text: Option<String>,
    /// Glyph id in the subset.
    new: u16,
    /// The glyph's code in content streams: its id in the subset, or for
    /// a CID-keyed CFF subset the CID its charset gives it (as printpdf
    /// keys `/W` and `/ToUnicode`).
    code: u16,
    /// Advance in 1/1000 em exactly as printpdf writes it to `/W`
    /// (truncated), so TJ adjustments land glyphs where layout put them.
    width: f32,
}

/// A face as used in one document: its subset and the glyph id mapping.
struct UsedFont<'a> {
    face: &'a FontFace,
    /// Indexed by original glyph id, up to the highest one used.
    glyphs: Vec<GlyphUse>,
    /// What printpdf embeds (taken when handed over).
    parsed: Option<ParsedFont>,
}

fn font_id(slot: usize) -> FontId {
    FontId(format!("F{slot}"))
}

/// Fonts in order of first use, each subset to the glyphs used.
fn prepare_fonts(layout: &Layout) -> Result<(Vec<UsedFont<'_>>, HashMap<u16, usize>)> {
    let mut order: Vec<u16> = Vec::new();
    let mut slots: HashMap<u16, usize> = HashMap::new();
    let mut uses: Vec<Vec<GlyphUse>> = Vec::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                let slot = *slots.entry(run.font).or_insert_with(|| {
                    order.push(run.font);
                    uses.push(Vec::new());
                    order.len() - 1
                });
                collect_glyph_text(run, &mut uses[slot]);
            }
        }
    }
    let mut jobs = Vec::with_capacity(order.len());
    for (&f, glyphs) in order.iter().zip(uses) {
        let face = layout
            .fonts
            .get(usize::from(f))
            .map(|a| a.as_ref())
            .ok_or_else(|| Error::Inconsistent(format!("text run uses unknown font {f}")))?;
        jobs.push(std::sync::Mutex::new(Some((face, glyphs))));
    }
    // Long documents subset their faces on all cores, each thread taking
    // the next face nobody has taken.
    let threads = if layout.pages.len() < 32 {
        1
    } else {
        crate::cores().min(jobs.len())
    };
    let fonts = crate::in_turns(
        jobs.len(),
        threads,
        2 << 20,
        &mut (),
        || (),
        |_, i| {
            let job = match jobs[i].lock() {
                Ok(mut j) => j.take(),
                Err(poisoned) => poisoned.into_inner().take(),
            };
            let (face, glyphs) =
                job.ok_or_else(|| Error::Inconsistent("a face subset twice".into()))?;
            subset_face(face, glyphs)
        },
    )
    .into_iter()
    .collect::<Result<Vec<_>>>()?;
    Ok((fonts, slots))
}

fn subset_face(face: &FontFace, mut glyphs: Vec<GlyphUse>) -> Result<UsedFont<'_>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};

    let err = |reason: String| Error::Subset {
        name: face.name.clone(),
        reason,
    };
    // .notdef first, then the used glyphs: allsorts numbers the subset's
    // glyphs by their position in this list (composite components are
    // appended after it).
    let gids: Vec<u16> = std::iter::once(0)
        .chain(
            (1..glyphs.len())
                .filter(|&g| glyphs[g].text.is_some())
                .filter_map(|g| u16::try_from(g).ok()),
        )
        .collect();
    let data: &[u8] = face.data;
    let font_file = ReadScope::new(data)
        .read::<FontData<'_>>()
        .map_err(|e| err(e.to_string()))?;
    let provider = font_file
        .table_provider(face.index as usize)
        .map_err(|e| err(e.to_string()))?;
    let bytes = subset(&provider, &gids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| err(e.to_string()))?;

    let parsed_face = ttf_parser::Face::parse(data, face.index).ok();
    let cff = parsed_face
        .as_ref()
        .is_some_and(|f| f.tables().cff.is_some());
    let upem = parsed_face
        .as_ref()
        .map_or(face.units_per_em as u16, ttf_parser::Face::units_per_em)
        .max(1);
    if glyphs.is_empty() {
        glyphs.push(GlyphUse::default());
    }
    let mut glyph_widths = BTreeMap::new();
    for (new, &old) in gids.iter().enumerate() {
        let new = u16::try_from(new).map_err(|_| err("more than 65535 glyphs".into()))?;
        let adv = parsed_face
            .as_ref()
            .and_then(|f| f.glyph_hor_advance(ttf_parser::GlyphId(old)))
            .unwrap_or(0);
        glyph_widths.insert(new, adv);
        let g = &mut glyphs[usize::from(old)];
        g.new = new;
        // Mirrors printpdf's `get_scaled_glyph_width`.
        g.width = (f32::from(adv) * 1000.0 / f32::from(upem)) as i64 as f32;
    }

    // printpdf embeds a CID-keyed CFF subset bare and keys it by CID.
    let cids = printpdf::cff_charset_gid_to_cid_map(&bytes, 0);
    for &old in &gids {
        let g = &mut glyphs[usize::from(old)];
        g.code = cids
            .as_ref()
            .map_or(g.new, |m| m.get(&g.new).copied().unwrap_or(0));
    }

    let tag = subset_tag(&face.name, &gids);
    let clamp = |v: f32| v.round().clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16;
    let parsed = ParsedFont {
        original_bytes: bytes,
        font_index: 0,
        font_name: Some(format!("{tag}+{}", face.name)),
        codepoint_to_glyph: BTreeMap::new(),
        glyph_widths,
        units_per_em: upem,
        font_metrics: FontMetrics {
            ascent: clamp(face.ascender),
            descent: clamp(face.descender),
        },
        font_type: if cff {
            FontType::OpenTypeCFF(())
        } else {
            FontType::TrueType
        },
        pdf_font_metrics: PdfFontMetricsStub {
            units_per_em: upem,
            x_min: clamp(face.bbox[0]),
            y_min: clamp(face.bbox[1]),
            x_max: clamp(face.bbox[2]),
            y_max: clamp(face.bbox[3]),
            caret_slope_rise: 1,
            caret_slope_run: 0,
            us_weight_class: if face.bold { 700 } else { 400 },
        },
    };
    Ok(UsedFont {
        face,
        glyphs,
        parsed: Some(parsed),
    })
}

/// Records a run's glyphs: the first glyph of a cluster stands for the
/// cluster's source text, the others for nothing; the first cluster-leading
/// occurrence of a glyph id in the document decides.
fn collect_glyph_text(run: &TextRun, glyphs: &mut Vec<GlyphUse>) {
    // Most runs hold only glyphs whose text is already known.
    let known = |g: &Glyph| {
        glyphs
            .get(usize::from(g.id))
            .and_then(|u| u.text.as_ref())
            .is_some_and(|t| !t.is_empty())
    };
    if run.glyphs.iter().all(known) {
        return;
    }
    // Cluster boundaries, ascending.
    let mut clusters: Vec<u32> = run.glyphs.iter().map(|g| g.cluster).collect();
    clusters.sort_unstable();
    clusters.dedup();
    let mut seen = vec![false; clusters.len()];
    let len = run.text.len() as u32;
    for g in &run.glyphs {
        let idx = usize::from(g.id);
        if glyphs.len() <= idx {
            glyphs.resize_with(idx + 1, GlyphUse::default);
        }
        let pos = clusters.partition_point(|&c| c < g.cluster);
        let first = seen
            .get_mut(pos)
            .is_some_and(|s| !std::mem::replace(s, true));
        let entry = &mut glyphs[idx];
        match &entry.text {
            Some(t) if !t.is_empty() || !first => continue,
            _ => {}
        }
        if !first {
            entry.text = Some(String::new());
            continue;
        }
        let end = clusters.get(pos + 1).copied().unwrap_or(len).min(len);
        let start = g.cluster.min(end);
        let t = run.text.get(start as usize..end as usize).unwrap_or("");
        entry.text = Some(t.to_string());
    }
}

fn pp_rect(x: f32, y: f32, w: f32, h: f32) -> printpdf::Rect {
    printpdf::Rect {
        x: Pt(x),
        y: Pt(y),
        width: Pt(w),
        height: Pt(h),
        mode: None,
        winding_order: None,
    }
}

/// Page ops for printpdf: only the link annotations (the content stream
/// is ours, see [`content`]); the first page also carries the glyph
/// inventory printpdf builds `/W` and `/ToUnicode` from.
fn page_ops(page: &Page, layout: &Layout, inventory: Option<&[UsedFont<'_>]>) -> Vec<Op> {
    let ph = page.height;
    let mut ops = Vec::new();
    if let Some(fonts) = inventory {
        ops.push(Op::StartTextSection);
        for (slot, font) in fonts.iter().enumerate() {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(slot)),
                size: Pt(1.0),
            });
            let glyphs = font
                .glyphs
                .iter()
                .filter_map(|g| {
                    g.text.as_ref().map(|t| printpdf::Codepoint {
                        gid: g.new,
                        offset: 0.0,
                        cid: Some(t.clone()),
                    })
                })
                .collect();
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(glyphs)],
            });
        }
        ops.push(Op::EndTextSection);
    }
    for item in &page.items {
        let Item::Link { rect, target } = item else {
            continue;
        };
        let actions = match target {
            LinkTarget::Internal { page, y } => {
                let Some(p) = layout.pages.get(*page) else {
                    continue;
                };
                Actions::Goto(Destination::Xyz {
                    // printpdf counts pages from 1.
                    page: page + 1,
                    left: Some(0.0),
                    top: Some(p.height - y + 4.0),
                    zoom: None,
                })
            }
            LinkTarget::Url(url) => Actions::Uri(url.clone()),
        };
        ops.push(Op::LinkAnnotation {
            link: LinkAnnotation {
                rect: pp_rect(rect[0], ph - rect[1] - rect[3], rect[2], rect[3]),
                actions,
                // Zero-width border: no box around TOC entries.
                border: BorderArray::Solid([0.0, 0.0, 0.0]),
                color: ColorArray::Transparent,
                highlighting: HighlightingMode::Invert,
            },
        });
    }
    ops
}

/// Every page's content stream, deflated (as [`compress_streams`]), long
/// documents on all cores: each page is compressed while its bytes are
/// still in the cache, and the uncompressed streams never pile up.
fn page_contents(
    pages: &[Page],
    fonts: &[UsedFont<'_>],
    slots: &HashMap<u16, usize>,
) -> Vec<lopdf::Stream> {
    let threads = crate::cores();
    let page = |p: &Page| {
        let raw = content(p, fonts, slots);
        let mut dict = Dictionary::new();
        match deflate(&raw) {
            Some(data) => {
                dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
                lopdf::Stream::new(dict, data)
            }
            None => lopdf::Stream::new(dict, raw),
        }
    };
    if threads < 2 || pages.len() < 32 {
        return pages.iter().map(page).collect();
    }
    let chunk = pages.len().div_ceil(threads);
    let parts: Vec<&[Page]> = pages.chunks(chunk).collect();
    // In turns on the cores (the calling thread alone when no thread can
    // be started), then back in page order.
    crate::in_turns(
        parts.len(),
        threads,
        2 << 20,
        &mut (),
        || (),
        |_, i| parts[i].iter().map(page).collect::<Vec<_>>(),
    )
    .into_iter()
    .flatten()
    .collect()
}

/// One page's content stream, written directly: text in `BT`/`ET` with
/// each run's glyph codes as binary strings in one `TJ` (split where the
/// laid-out advance differs from the font's `/W`), rules and filled rectangles.
/// Font, size, colours and line width are set only when they change.
fn content(page: &Page, fonts: &[UsedFont<'_>], slots: &HashMap<u16, usize>) -> Vec<u8> {
    let ph = page.height;
    let mut w = ContentWriter {
        buf: Vec::with_capacity(page.items.len() * 48),
        ..ContentWriter::default()
    };
    for item in &page.items {
        match item {
            Item::Text(run) => {
                let Some((slot, font)) = slots
                    .get(&run.font)
                    .and_then(|&s| fonts.get(s).map(|f| (s, f)))
                else {
                    continue;
                };
                w.text_run(run, slot, font, ph);
            }
            Item::Line {
                from,
                to,
                width,
                color,
            } => {
                w.end_text();
                w.stroke_color(*color);
                w.line_width(*width);
                w.nums(&[from.0, ph - from.1]);
                w.op("m");
                w.nums(&[to.0, ph - to.1]);
                w.op("l");
                w.op("S");
            }
            Item::Rect { rect, color } => {
                w.end_text();
                w.fill_color(*color);
                w.nums(&[rect[0], ph - rect[1] - rect[3], rect[2], rect[3]]);
                w.op("re");
                w.op("f");
            }
            Item::Link { .. } => {}
        }
    }
    w.end_text();
    w.buf
}

/// Writes content-stream operators, remembering the graphics state it set.
#[derive(Default)]
struct ContentWriter {
    buf: Vec<u8>,
    in_text: bool,
    font: Option<(usize, f32)>,
    fill: Option<Color>,
    stroke: Option<Color>,
    width: Option<f32>,
}

impl ContentWriter {
    fn op(&mut self, op: &str) {
        self.buf.extend_from_slice(op.as_bytes());
        self.buf.push(b'\n');
    }

    fn nums(&mut self, values: &[f32]) {
        for &v in values {
            write_num(&mut self.buf, v);
            self.buf.push(b' ');
        }
    }

    fn end_text(&mut self) {
        if std::mem::take(&mut self.in_text) {
            self.op("ET");
        }
    }

    fn fill_color(&mut self, c: Color) {
        if self.fill != Some(c) {
            self.nums(&[c.r, c.g, c.b]);
            self.op("rg");
            self.fill = Some(c);
        }
    }

    fn stroke_color(&mut self, c: Color) {
        if self.stroke != Some(c) {
            self.nums(&[c.r, c.g, c.b]);
            self.op("RG");
            self.stroke = Some(c);
        }
    }

    fn line_width(&mut self, width: f32) {
        if self.width != Some(width) {
            self.nums(&[width]);
            self.op("w");
            self.width = Some(width);
        }
    }

    fn text_run(&mut self, run: &TextRun, slot: usize, font: &UsedFont<'_>, ph: f32) {
        let size = run.size;
        if run.glyphs.is_empty() {
            return;
        }
        if !self.in_text {
            self.op("BT");
            self.in_text = true;
        }
        self.fill_color(run.color);
        if self.font != Some((slot, size)) {
            let _ = write!(self.buf, "/F{slot} ");
            self.nums(&[size]);
            self.op("Tf");
            self.font = Some((slot, size));
        }
        let (sin, cos) = run.angle.to_radians().sin_cos();
        // Pen position along the (possibly rotated) baseline, in PDF space.
        let matrix = |w: &mut Self, dx: f32, dy: f32| {
            w.nums(&[
                cos,
                sin,
                -sin,
                cos,
                run.x + dx * cos - dy * sin,
                ph - run.y + dx * sin + dy * cos,
            ]);
            w.op("Tm");
        };
        // Glyphs without offsets go in one TJ with adjustments where the
        // laid out advance differs from the font's; offset glyphs are
        // placed individually with their own text matrix.
        let mut x = 0.0f32;
        let mut i = 0;
        let n = run.glyphs.len();
        while i < n {
            let offset = run.is_offset(i);
            let [dx, dy] = run.offset(i);
            matrix(self, x + dx, dy);
            self.buf.push(b'[');
            let mut open = false;
            while i < n {
                let g = run.glyphs[i];
                let use_ = font.glyphs.get(usize::from(g.id));
                if !open {
                    self.buf.push(b'(');
                    open = true;
                }
                let code = use_.map_or(0, |u| u.code);
                for b in code.to_be_bytes() {
                    // Literal string: escape what ends or escapes it, and CR
                    // (which readers turn into LF).
                    match b {
                        b'(' | b')' | b'\\' => self.buf.extend_from_slice(&[b'\\', b]),
                        b'\r' => self.buf.extend_from_slice(b"\\r"),
                        _ => self.buf.push(b),
                    }
                }
                x += g.advance;
                i += 1;
                if offset {
                    break;
                }
                let natural = use_.map_or(0.0, |u| u.width);
                // TJ adjustment in 1/1000 em: natural advance minus laid out.
                let adjust = if size > 0.0 {
                    natural - g.advance * 1000.0 / size
                } else {
                    0.0
                };
                if (adjust * size / 1000.0).abs() > 0.001 {
                    self.buf.push(b')');
                    open = false;
                    write_num(&mut self.buf, adjust);
                }
                if i < n && run.is_offset(i) {
                    break;
                }
            }
            if open {
                self.buf.push(b')');
            }
            self.buf.extend_from_slice(b"]TJ\n");
        }
    }
}

/// A number with at most three decimals and no trailing zeros (`12`,
/// `-0.5`, `595.276`); anything not finite is written as 0.
fn write_num(buf: &mut Vec<u8>, v: f32) {
    let scaled = (f64::from(v) * 1000.0).round();
    let scaled = if scaled.is_finite() {
        scaled.clamp(-1e15, 1e15) as i64
    } else {
        0
    };
    if scaled < 0 {
        buf.push(b'-');
    }
    let a = scaled.unsigned_abs();
    let (int, frac) = (a / 1000, a % 1000);
    let mut digits = [0u8; 20];
    let mut n = 0;
    let mut rest = int;
    loop {
        digits[n] = b'0' + (rest % 10) as u8;
        n += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    buf.extend(digits[..n].iter().rev());
    if frac != 0 {
        buf.push(b'.');
        let f = [frac / 100, frac / 10 % 10, frac % 10];
        let keep = if f[2] != 0 {
            3
        } else if f[1] != 0 {
            2
        } else {
            1
        };
        buf.extend(f[..keep].iter().map(|&d| b'0' + d as u8));
    }
}

/// Everything printpdf does not write the way we need (see module docs).
fn post_process(
    doc: &mut Document,
    layout: &Layout,
    meta: &Meta,
    fonts: &[UsedFont<'_>],
    contents: Vec<lopdf::Stream>,
) -> Result<()> {
    doc.version = "1.7".into();
    let missing = |what: &str| Error::Inconsistent(format!("printpdf output has no {what}"));
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| missing("catalog"))?;
    let info_id = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|_| missing("info dictionary"))?;
    let pages_id = doc
        .get_dictionary(catalog_id)
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|_| missing("page tree"))?;
    let page_ids: Vec<ObjectId> = doc
        .get_dictionary(pages_id)
        .and_then(|p| p.get(b"Kids"))
        .and_then(Object::as_array)
        .map_err(|_| missing("page list"))?
        .iter()
        .filter_map(|k| k.as_reference().ok())
        .collect();
    if page_ids.len() != layout.pages.len() {
        return Err(missing("page for every layout page"));
    }

    // Link annotations as indirect objects; no empty /Annots arrays.
    for &pid in &page_ids {
        let annots = match doc.get_dictionary_mut(pid) {
            Ok(page) => match page.remove(b"Annots") {
                Some(Object::Array(a)) => a,
                _ => Vec::new(),
            },
            Err(_) => continue,
        };
        if annots.is_empty() {
            continue;
        }
        let refs: Vec<Object> = annots
            .into_iter()
            .map(|a| Object::Reference(doc.add_object(a)))
            .collect();
        if let Ok(page) = doc.get_dictionary_mut(pid) {
            page.set("Annots", Object::Array(refs));
        }
    }

    // Our content streams replace printpdf's (which held only the glyph
    // inventory).
    for (&pid, stream) in page_ids.iter().zip(contents) {
        let id = doc
            .get_dictionary(pid)
            .and_then(|p| p.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(|_| missing("page content stream"))?;
        doc.objects.insert(id, Object::Stream(stream));
    }

    fix_font_descriptors(doc, page_ids.first().copied(), fonts);

    let dest = |page: usize, y: f32| -> Object {
        let h = layout.pages.get(page).map_or(842.0, |p| p.height);
        Object::Array(vec![
            page_ids
                .get(page)
                .copied()
                .map_or(Object::Null, Object::Reference),
            Object::Name(b"XYZ".to_vec()),
            Object::Real(0.0),
            Object::Real(h - y + 4.0),
            Object::Null,
        ])
    };

    // Nested outline mirroring the headings.
    let mut catalog_entries: Vec<(&str, Object)> = Vec::new();
    if !layout.outline.is_empty() {
        let root = doc.new_object_id();
        let (first, last) = write_outline_level(doc, &layout.outline, root, &dest);
        let mut o = Dictionary::new();
        o.set("Type", Object::Name(b"Outlines".to_vec()));
        if let (Some(f), Some(l)) = (first, last) {
            o.set("First", Object::Reference(f));
            o.set("Last", Object::Reference(l));
        }
        o.set("Count", count_all(&layout.outline) as i64);
        doc.objects.insert(root, Object::Dictionary(o));
        catalog_entries.push(("Outlines", Object::Reference(root)));
        catalog_entries.push(("PageMode", Object::Name(b"UseOutlines".to_vec())));
    }

    // Named destinations for every heading anchor (sorted, as the name
    // tree requires), so `file.pdf#anchor` opens at the heading.
    let mut named: BTreeMap<&str, (usize, f32)> = BTreeMap::new();
    for (pi, page) in layout.pages.iter().enumerate() {
        for d in &page.destinations {
            named.entry(d.name.as_str()).or_insert((pi, d.y));
        }
    }
    if !named.is_empty() {
        let mut names = Vec::with_capacity(named.len() * 2);
        for (name, (page, y)) in named {
            names.push(Object::String(
                name.as_bytes().to_vec(),
                StringFormat::Literal,
            ));
            names.push(dest(page, y));
        }
        let mut dests = Dictionary::new();
        dests.set("Names", Object::Array(names));
        let mut tree = Dictionary::new();
        tree.set("Dests", Object::Dictionary(dests));
        catalog_entries.push(("Names", Object::Dictionary(tree)));
    }
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", true);
    catalog_entries.push(("ViewerPreferences", Object::Dictionary(prefs)));
    let catalog = doc
        .get_dictionary_mut(catalog_id)
        .map_err(|_| missing("catalog"))?;
    for (k, v) in catalog_entries {
        catalog.set(k, v);
    }

    doc.objects
        .insert(info_id, Object::Dictionary(info_dict(meta)));

    compress_streams(doc);

    let id = file_id(&meta.document_id);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    Ok(())
}

/// Deflates every stream that is not yet filtered, spread over the
/// machine's cores: it is the largest single cost of writing a long
/// agreement.
fn compress_streams(doc: &mut Document) {
    let mut pending: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|obj| match obj {
            Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => Some(s),
            _ => None,
        })
        .collect();
    let compress = |s: &mut lopdf::Stream| {
        // Left as it is if it cannot be deflated.
        if let Some(data) = deflate(&s.content) {
            s.dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            s.set_content(data);
        }
    };
    let threads = crate::cores();
    let total: usize = pending.iter().map(|s| s.content.len()).sum();
    if threads < 2 || total < 256 * 1024 {
        pending.into_iter().for_each(compress);
        return;
    }
    // Largest first, each to the least loaded share.
    pending.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let mut shares: Vec<(usize, Vec<&mut lopdf::Stream>)> =
        (0..threads).map(|_| (0, Vec::new())).collect();
    for s in pending {
        if let Some(share) = shares.iter_mut().min_by_key(|(load, _)| *load) {
            share.0 += s.content.len();
            share.1.push(s);
        }
    }
    let shares: Vec<std::sync::Mutex<Vec<&mut lopdf::Stream>>> = shares
        .into_iter()
        .map(|(_, share)| std::sync::Mutex::new(share))
        .collect();
    crate::in_turns(
        shares.len(),
        threads,
        2 << 20,
        &mut (),
        || (),
        |_, i| {
            let mut share = shares[i]
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            share.drain(..).for_each(compress);
        },
    );
}

/// zlib-wrapped deflate (libdeflate) at level 1. Writing the 204-page
/// generated agreement (2.85 MB of streams before compression) takes 13.2
/// ms and 783 KB at level 1, 15.4 ms and 737 KB at level 3, about 20 ms
/// and 720 KB at level 6. The fastest level is chosen: 6% more bytes than
/// level 3 are nothing to a sponsor; the time is the largest single cost
/// of writing a long agreement. `None` only if libdeflate fails.
fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    use libdeflater::{CompressionLvl, Compressor};
    use std::cell::RefCell;
    thread_local! {
        // A compressor's tables are sizeable: one per thread, reused.
        static COMPRESSOR: RefCell<Compressor> = RefCell::new(Compressor::new(
            CompressionLvl::new(1).unwrap_or_default(),
        ));
    }
    COMPRESSOR.with_borrow_mut(|c| {
        let mut out = vec![0; c.zlib_compress_bound(data.len())];
        // Fails only if the output does not fit, and it holds the bound.
        let n = c.zlib_compress(data, &mut out).ok()?;
        out.truncate(n);
        Some(out)
    })
}

/// printpdf derives the descriptor's flags from the font's caret slope and
/// its cap height from the ascent; give them what the face says.
fn fix_font_descriptors(doc: &mut Document, page: Option<ObjectId>, fonts: &[UsedFont<'_>]) {
    let Some(page) = page else { return };
    let font_dict = doc
        .get_dictionary(page)
        .and_then(|p| p.get(b"Resources"))
        .and_then(|r| doc.dereference(r))
        .and_then(|(_, r)| r.as_dict())
        .and_then(|r| r.get(b"Font"))
        .and_then(|f| doc.dereference(f))
        .and_then(|(_, f)| f.as_dict())
        .ok()
        .cloned();
    let Some(font_dict) = font_dict else { return };
    for (slot, font) in fonts.iter().enumerate() {
        let descriptor = font_dict
            .get(format!("F{slot}").as_bytes())
            .and_then(|f| doc.dereference(f))
            .and_then(|(_, f)| f.as_dict())
            .and_then(|f| f.get(b"DescendantFonts"))
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|d| d.as_dict().ok())
            .and_then(|d| d.get(b"FontDescriptor").ok())
            .and_then(|r| r.as_reference().ok());
        let Some(descriptor) = descriptor else {
            continue;
        };
        let face = font.face;
        let k = 1000.0 / face.units_per_em;
        let mut flags: i64 = 1 << 2; // symbolic: glyphs outside the standard Latin set
        if face.monospace {
            flags |= 1;
        }
        if face.serif {
            flags |= 1 << 1;
        }
        if face.italic {
            flags |= 1 << 6;
        }
        if let Ok(d) = doc.get_dictionary_mut(descriptor) {
            d.set("Flags", flags);
            d.set("ItalicAngle", Object::Real(face.italic_angle));
            d.set("CapHeight", Object::Real(face.cap_height * k));
            d.set("StemV", if face.bold { 140i64 } else { 80 });
        }
    }
}

/// Writes one level of the outline; returns its first and last item.
fn write_outline_level(
    doc: &mut Document,
    list: &[OutlineEntry],
    parent: ObjectId,
    dest: &impl Fn(usize, f32) -> Object,
) -> (Option<ObjectId>, Option<ObjectId>) {
    let ids: Vec<ObjectId> = list.iter().map(|_| doc.new_object_id()).collect();
    for (k, e) in list.iter().enumerate() {
        let me = ids[k];
        let mut item = Dictionary::new();
        item.set("Title", text_string(&e.title));
        item.set("Parent", Object::Reference(parent));
        if k > 0 {
            item.set("Prev", Object::Reference(ids[k - 1]));
        }
        if let Some(&n) = ids.get(k + 1) {
            item.set("Next", Object::Reference(n));
        }
        let (first, last) = write_outline_level(doc, &e.children, me, dest);
        if let (Some(f), Some(l)) = (first, last) {
            item.set("First", Object::Reference(f));
            item.set("Last", Object::Reference(l));
            item.set("Count", count_all(&e.children) as i64);
        }
        item.set("Dest", dest(e.page, e.y));
        doc.objects.insert(me, Object::Dictionary(item));
    }
    (ids.first().copied(), ids.last().copied())
}

fn count_all(list: &[OutlineEntry]) -> usize {
    list.iter().map(|e| 1 + count_all(&e.children)).sum()
}

/// A PDF text string: PDFDocEncoding-compatible ASCII as is, anything
/// else as UTF-16BE with a byte order mark.
fn text_string(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut v = vec![0xfe, 0xff];
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(v, StringFormat::Hexadecimal)
    }
}

fn info_dict(meta: &Meta) -> Dictionary {
    let mut info = Dictionary::new();
    if !meta.title.is_empty() {
        info.set("Title", text_string(&meta.title));
    }
    if !meta.author.is_empty() {
        info.set("Author", text_string(&meta.author));
    }
    if !meta.subject.is_empty() {
        info.set("Subject", text_string(&meta.subject));
    }
    if !meta.keywords.is_empty() {
        info.set("Keywords", text_string(&meta.keywords.join(", ")));
    }
    info.set("Creator", text_string("Pactwright"));
    info.set("Producer", text_string("pactwright-typeset"));
    if let Some(d) = meta.created {
        let date = pdf_date(d);
        info.set("CreationDate", date.clone());
        info.set("ModDate", date);
    }
    info
}

fn pdf_date(d: DocDate) -> Object {
    let s = format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
        d.year, d.month, d.day, d.hour, d.minute, d.second
    );
    Object::String(s.into_bytes(), StringFormat::Literal)
}

fn fnv(data: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn subset_tag(name: &str, gids: &[u16]) -> String {
    let mut bytes = name.as_bytes().to_vec();
    for g in gids {
        bytes.extend_from_slice(&g.to_be_bytes());
    }
    let mut h = fnv(&bytes, 0);
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (h % 26) as u8);
            h /= 26;
            c
        })
        .collect()
}

fn file_id(document_id: &str) -> Vec<u8> {
    let a = fnv(document_id.as_bytes(), 0);
    let b = fnv(document_id.as_bytes(), 0x9e37_79b9_7f4a_7c15);
    let mut v = a.to_be_bytes().to_vec();
    v.extend_from_slice(&b.to_be_bytes());
    v
}

#[cfg(test)]
mod tests {
    use super::write_num;

    fn num(v: f32) -> String {
        let mut buf = Vec::new();
        write_num(&mut buf, v);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_thousandth() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-0.5), "-0.5");
        assert_eq!(num(595.2756), "595.276");
        assert_eq!(num(0.0004), "0");
        assert_eq!(num(-0.0004), "0");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(1.007), "1.007");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(f32::INFINITY), "0");
    }
}

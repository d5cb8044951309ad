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
//!   level): see the `deflate` file.
//!
//! The files: this one (the printpdf glue: pages, fonts and link
//! annotations handed to printpdf, then serialized), `subset` (the glyph
//! inventory and the font subsets), `content` (page content streams written
//! as bytes), `catalog` (the lopdf post-processing: outline, destinations,
//! metadata, descriptors, ids) and `deflate` (compressing the page streams
//! as they are written and the remaining streams after serialization).

mod catalog;
mod content;
mod deflate;
mod subset;

use crate::doc::Meta;
use crate::error::{Error, Result};
use crate::layout::{Item, Layout, LinkTarget, Page};
use catalog::post_process;
use deflate::page_contents;
use printpdf::{
    Actions, BorderArray, ColorArray, Destination, FontId, HighlightingMode, LinkAnnotation, Op,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Pt,
    TextItem,
};
use subset::{UsedFont, prepare_fonts};

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

fn font_id(slot: usize) -> FontId {
    FontId(format!("F{slot}"))
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

fn fnv(data: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

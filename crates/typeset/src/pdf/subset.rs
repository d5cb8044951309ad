//! Font subsetting: every glyph a document uses, once, with the text of
//! its cluster (for `/ToUnicode`), each used face subset with `allsorts`
//! (on several threads for long documents) and handed to printpdf.

use super::fnv;
use crate::error::{Error, Result};
use crate::fonts::FontFace;
use crate::layout::{Glyph, Item, Layout, TextRun};
use printpdf::{FontMetrics, FontType, ParsedFont, PdfFontMetricsStub};
use rustybuzz::ttf_parser;
use std::collections::{BTreeMap, HashMap};

/// How one glyph of a face is used in the document.
#[derive(Debug, Default, Clone)]
pub(super) struct GlyphUse {
    /// The text the glyph stands for: `None` if unused, empty for glyphs
    /// after the first of a cluster. The first cluster-leading occurrence
    /// in the document decides.
    pub(super) text: Option<String>,
    /// Glyph id in the subset.
    pub(super) new: u16,
    /// The glyph's code in content streams: its id in the subset, or for
    /// a CID-keyed CFF subset the CID its charset gives it (as printpdf
    /// keys `/W` and `/ToUnicode`).
    pub(super) code: u16,
    /// Advance in 1/1000 em exactly as printpdf writes it to `/W`
    /// (truncated), so TJ adjustments land glyphs where layout put them.
    pub(super) width: f32,
}

/// A face as used in one document: its subset and the glyph id mapping.
pub(super) struct UsedFont<'a> {
    pub(super) face: &'a FontFace,
    /// Indexed by original glyph id, up to the highest one used.
    pub(super) glyphs: Vec<GlyphUse>,
    /// What printpdf embeds (taken when handed over).
    pub(super) parsed: Option<ParsedFont>,
}

/// Fonts in order of first use, each subset to the glyphs used.
pub(super) fn prepare_fonts(layout: &Layout) -> Result<(Vec<UsedFont<'_>>, HashMap<u16, usize>)> {
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
        crate::par::cores().min(jobs.len())
    };
    let fonts = crate::par::in_turns(
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

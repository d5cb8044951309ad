//! PDF export: [`Layout`] pages -> PDF bytes.
//!
//! Why not printpdf (the project's first choice): with printpdf 0.12 font
//! subsetting needs its `text_layout` feature, which pulls in the azul
//! layout engine, allsorts and rust-fontconfig (171 crates in our tree vs
//! 46 without; measured with `cargo tree`); its resource ids and trailer
//! /ID come from a global counter; its bookmarks are flat; and we already
//! have shaped glyph ids, so all we need is a thin writer. We therefore
//! write with `pdf-writer` (write-only, zero-dependency, used by Typst)
//! and subset with `subsetter` 0.1 (keeps glyph ids, so content streams
//! need no remapping). lopdf was the other candidate; it is a
//! reader/editor that also pulls in crypto crates we would never use.
//!
//! What the writer guarantees:
//! - fonts are embedded as subset CID TrueType (Identity-H) with a
//!   `/ToUnicode` map built from the glyph clusters, so text extracts;
//! - a nested `/Outlines` tree mirroring the headings; internal links as
//!   `/GoTo` actions with zero-width borders;
//! - deterministic output: object numbers are assigned in page order,
//!   fonts are numbered by first use, the subset tag is derived from the
//!   glyph set, and the trailer `/ID` is derived from `Meta::document_id`.

use crate::doc::Meta;
use crate::error::{Error, Result};
use crate::fonts::FontFace;
use crate::layout::{Item, Layout, LinkTarget, OutlineEntry, TextRun};
use pdf_writer::types::{
    ActionType, AnnotationType, CidFontType, FontFlags, SystemInfo, UnicodeCmap,
};
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use rustybuzz::ttf_parser;
use std::collections::{BTreeMap, HashMap};

/// Serializes a layout to PDF bytes. Same layout and meta, same bytes.
pub fn write_pdf(layout: &Layout, meta: &Meta) -> Result<Vec<u8>> {
    let mut alloc = Ref::new(1);
    let mut next = || alloc.bump();
    let mut pdf = Pdf::new();

    let catalog_id = next();
    let pages_id = next();
    let info_id = next();
    let page_ids: Vec<Ref> = layout.pages.iter().map(|_| next()).collect();

    // Fonts in order of first use, with used glyphs and their text.
    let mut font_order: Vec<u16> = Vec::new();
    let mut font_index: HashMap<u16, usize> = HashMap::new();
    let mut glyph_text: Vec<BTreeMap<u16, String>> = Vec::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                let slot = *font_index.entry(run.font).or_insert_with(|| {
                    font_order.push(run.font);
                    glyph_text.push(BTreeMap::new());
                    font_order.len() - 1
                });
                collect_glyph_text(run, &mut glyph_text[slot]);
            }
        }
    }
    let faces: Vec<&FontFace> = font_order
        .iter()
        .map(|&f| {
            layout
                .fonts
                .get(usize::from(f))
                .map(|a| a.as_ref())
                .ok_or_else(|| Error::Inconsistent(format!("text run uses unknown font {f}")))
        })
        .collect::<Result<_>>()?;
    let parsed: Vec<Option<ttf_parser::Face<'_>>> = faces
        .iter()
        .map(|f| ttf_parser::Face::parse(f.data, f.index).ok())
        .collect();

    // Five objects per font, numbered before the pages' content.
    let font_refs: Vec<Ref> = faces
        .iter()
        .map(|_| {
            let first = next();
            for _ in 0..4 {
                next();
            }
            first
        })
        .collect();

    // Pages.
    for (pi, page) in layout.pages.iter().enumerate() {
        let content_id = next();
        let mut c = Content::new();
        let ph = page.height;
        let mut annots = Vec::new();
        for item in &page.items {
            match item {
                Item::Text(run) => {
                    let slot = font_index.get(&run.font).copied().unwrap_or(0);
                    let face = parsed.get(slot).and_then(|f| f.as_ref());
                    let upem = faces.get(slot).map_or(1000.0, |f| f.units_per_em);
                    write_run(&mut c, run, slot, face, upem, ph);
                }
                Item::Line {
                    from,
                    to,
                    width,
                    color,
                } => {
                    c.save_state();
                    c.set_stroke_rgb(color.r, color.g, color.b);
                    c.set_line_width(*width);
                    c.move_to(from.0, ph - from.1);
                    c.line_to(to.0, ph - to.1);
                    c.stroke();
                    c.restore_state();
                }
                Item::Rect { rect, color } => {
                    c.save_state();
                    c.set_fill_rgb(color.r, color.g, color.b);
                    c.rect(rect[0], ph - rect[1] - rect[3], rect[2], rect[3]);
                    c.fill_nonzero();
                    c.restore_state();
                }
                Item::Link { rect, target } => {
                    let id = next();
                    annots.push(id);
                    let mut a = pdf.annotation(id);
                    a.subtype(AnnotationType::Link)
                        .rect(Rect::new(
                            rect[0],
                            ph - rect[1] - rect[3],
                            rect[0] + rect[2],
                            ph - rect[1],
                        ))
                        .border(0.0, 0.0, 0.0, None);
                    match target {
                        LinkTarget::Internal { page, y } => {
                            let Some(&dest) = page_ids.get(*page) else {
                                continue;
                            };
                            let top = layout.pages.get(*page).map_or(ph, |p| p.height - y + 4.0);
                            a.action()
                                .action_type(ActionType::GoTo)
                                .destination()
                                .page(dest)
                                .xyz(0.0, top, None);
                        }
                        LinkTarget::Url(url) => {
                            a.action()
                                .action_type(ActionType::Uri)
                                .uri(Str(url.as_bytes()));
                        }
                    }
                    a.finish();
                }
            }
        }
        let raw = c.finish();
        let data = compress(&raw);
        pdf.stream(content_id, &data).filter(Filter::FlateDecode);
        let mut p = pdf.page(page_ids[pi]);
        p.parent(pages_id)
            .media_box(Rect::new(0.0, 0.0, page.width, page.height))
            .contents(content_id);
        {
            let mut res = p.resources();
            let mut fonts = res.fonts();
            for (slot, &font_ref) in font_refs.iter().enumerate() {
                // Only fonts used on this page.
                if page
                    .items
                    .iter()
                    .any(|i| matches!(i, Item::Text(t) if font_index.get(&t.font) == Some(&slot)))
                {
                    let name = format!("F{slot}");
                    fonts.pair(Name(name.as_bytes()), font_ref);
                }
            }
        }
        if !annots.is_empty() {
            p.annotations(annots.iter().copied());
        }
        p.finish();
    }

    for (slot, face) in faces.iter().enumerate() {
        write_font(
            &mut pdf,
            face,
            parsed[slot].as_ref(),
            &glyph_text[slot],
            font_refs[slot].get(),
        )?;
    }
    let mut next2 = next;

    // Outline.
    let outline_id = if layout.outline.is_empty() {
        None
    } else {
        let root = next2();
        let mut refs = Vec::new();
        assign_refs(&layout.outline, &mut next2, &mut refs);
        let mut idx = 0;
        write_outline(
            &mut pdf,
            &layout.outline,
            root,
            &refs,
            &mut idx,
            &page_ids,
            layout,
        );
        let top: Vec<Ref> = top_refs(&layout.outline, &refs);
        let mut o = pdf.outline(root);
        if let (Some(f), Some(l)) = (top.first(), top.last()) {
            o.first(*f).last(*l);
        }
        o.count(i32::try_from(count_all(&layout.outline)).unwrap_or(i32::MAX));
        o.finish();
        Some(root)
    };

    // Named destinations for every heading anchor (sorted, as the name
    // tree requires), so `file.pdf#anchor` opens at the heading.
    let mut named: BTreeMap<&str, Ref> = BTreeMap::new();
    for (pi, page) in layout.pages.iter().enumerate() {
        for d in &page.destinations {
            if named.contains_key(d.name.as_str()) {
                continue;
            }
            let r = next2();
            named.insert(&d.name, r);
            pdf.indirect(r)
                .start::<pdf_writer::writers::Destination>()
                .page(page_ids[pi])
                .xyz(0.0, page.height - d.y + 4.0, None);
        }
    }

    pdf.pages(pages_id)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    let mut cat = pdf.catalog(catalog_id);
    cat.pages(pages_id);
    if let Some(o) = outline_id {
        cat.outlines(o);
        cat.pair(Name(b"PageMode"), Name(b"UseOutlines"));
    }
    if !named.is_empty() {
        let mut names = cat.names();
        let mut tree = names.destinations();
        let mut entries = tree.names();
        for (name, r) in &named {
            entries.insert(Str(name.as_bytes()), *r);
        }
    }
    cat.viewer_preferences().display_doc_title(true);
    cat.finish();

    let mut info = pdf.document_info(info_id);
    if !meta.title.is_empty() {
        info.title(TextStr(&meta.title));
    }
    if !meta.author.is_empty() {
        info.author(TextStr(&meta.author));
    }
    if !meta.subject.is_empty() {
        info.subject(TextStr(&meta.subject));
    }
    if !meta.keywords.is_empty() {
        info.keywords(TextStr(&meta.keywords.join(", ")));
    }
    info.creator(TextStr("Pactwright"));
    info.producer(TextStr("pactwright-typeset"));
    if let Some(d) = meta.created {
        let date = Date::new(d.year)
            .month(d.month)
            .day(d.day)
            .hour(d.hour)
            .minute(d.minute)
            .second(d.second)
            .utc_offset_hour(0);
        info.creation_date(date);
        info.modified_date(date);
    }
    info.finish();

    let id = file_id(&meta.document_id);
    pdf.set_file_id((id.clone(), id));
    Ok(pdf.finish())
}

fn collect_glyph_text(run: &TextRun, map: &mut BTreeMap<u16, String>) {
    // Cluster boundaries, ascending.
    let mut clusters: Vec<u32> = run.glyphs.iter().map(|g| g.cluster).collect();
    clusters.sort_unstable();
    clusters.dedup();
    let len = run.text.len() as u32;
    let mut seen_cluster = std::collections::HashSet::new();
    for g in &run.glyphs {
        if map.contains_key(&g.id) {
            continue;
        }
        if !seen_cluster.insert(g.cluster) {
            continue; // only the first glyph of a cluster carries its text
        }
        let pos = clusters.partition_point(|&c| c <= g.cluster);
        let end = clusters.get(pos).copied().unwrap_or(len).min(len);
        let start = g.cluster.min(end);
        if let Some(t) = run.text.get(start as usize..end as usize) {
            map.insert(g.id, t.to_string());
        }
    }
}

fn write_run(
    c: &mut Content,
    run: &TextRun,
    slot: usize,
    face: Option<&ttf_parser::Face<'_>>,
    upem: f32,
    ph: f32,
) {
    let name = format!("F{slot}");
    let size = run.size;
    let (sin, cos) = run.angle.to_radians().sin_cos();
    c.begin_text();
    c.set_fill_rgb(run.color.r, run.color.g, run.color.b);
    c.set_font(Name(name.as_bytes()), size);
    let font_adv = |id: u16| -> f32 {
        face.and_then(|f| f.glyph_hor_advance(ttf_parser::GlyphId(id)))
            .map_or(0.0, |a| f32::from(a) * size / upem)
    };
    // Split into chunks of glyphs without offsets; offset glyphs are placed
    // individually with their own text matrix.
    let mut x = 0.0f32; // pen position along the run
    let mut i = 0;
    let n = run.glyphs.len();
    while i < n {
        let g = run.glyphs[i];
        if g.x_offset != 0.0 || g.y_offset != 0.0 {
            let px = x + g.x_offset;
            let py = g.y_offset;
            set_matrix(c, run, cos, sin, px, py, ph);
            let bytes = g.id.to_be_bytes();
            c.show(Str(&bytes));
            x += g.advance;
            i += 1;
            continue;
        }
        set_matrix(c, run, cos, sin, x, 0.0, ph);
        let mut j = i;
        let mut pos = c.show_positioned();
        let mut items = pos.items();
        let mut buf: Vec<u8> = Vec::new();
        while j < n {
            let g = run.glyphs[j];
            if g.x_offset != 0.0 || g.y_offset != 0.0 {
                break;
            }
            buf.extend_from_slice(&g.id.to_be_bytes());
            let natural = font_adv(g.id);
            let diff = natural - g.advance;
            if diff.abs() > 0.001 {
                items.show(Str(&buf));
                buf.clear();
                items.adjust(diff * 1000.0 / size);
            }
            x += g.advance;
            j += 1;
        }
        if !buf.is_empty() {
            items.show(Str(&buf));
        }
        items.finish();
        pos.finish();
        i = j;
    }
    c.end_text();
}

fn set_matrix(c: &mut Content, run: &TextRun, cos: f32, sin: f32, dx: f32, dy: f32, ph: f32) {
    // Pen position along the (possibly rotated) baseline, in PDF space.
    let x = run.x + dx * cos - dy * sin;
    let y = ph - run.y + dx * sin + dy * cos;
    c.set_text_matrix([cos, sin, -sin, cos, x, y]);
}

fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 3)
}

fn write_font(
    pdf: &mut Pdf,
    face: &FontFace,
    parsed: Option<&ttf_parser::Face<'_>>,
    glyphs: &BTreeMap<u16, String>,
    base: i32,
) -> Result<()> {
    let type0 = Ref::new(base);
    let cid = Ref::new(base + 1);
    let desc = Ref::new(base + 2);
    let file = Ref::new(base + 3);
    let cmap_ref = Ref::new(base + 4);
    let gids: Vec<u16> = std::iter::once(0).chain(glyphs.keys().copied()).collect();
    let subset =
        subsetter::subset(face.data, face.index, subsetter::Profile::pdf(&gids)).map_err(|e| {
            Error::Subset {
                name: face.name.clone(),
                reason: format!("{e:?}"),
            }
        })?;
    let tag = subset_tag(&face.name, &gids);
    let base_font = format!("{tag}+{}", face.name);
    let k = 1000.0 / face.units_per_em;

    pdf.type0_font(type0)
        .base_font(Name(base_font.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap_ref);

    // CFF-flavoured OpenType (e.g. Noto CJK) is embedded as an OpenType
    // FontFile3 with a Type 0 CIDFont; TrueType as FontFile2.
    let cff = parsed.is_some_and(|f| f.tables().cff.is_some());
    let mut cf = pdf.cid_font(cid);
    cf.subtype(if cff {
        CidFontType::Type0
    } else {
        CidFontType::Type2
    })
    .base_font(Name(base_font.as_bytes()))
    .system_info(SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    })
    .font_descriptor(desc)
    .default_width(0.0);
    if !cff {
        cf.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    {
        let mut w = cf.widths();
        for &g in &gids {
            let adv = parsed
                .and_then(|f| f.glyph_hor_advance(ttf_parser::GlyphId(g)))
                .map_or(0.0, |a| f32::from(a) * k);
            w.consecutive(g, [adv]);
        }
    }
    cf.finish();

    let mut flags = FontFlags::SYMBOLIC;
    if face.serif {
        flags |= FontFlags::SERIF;
    }
    if face.italic {
        flags |= FontFlags::ITALIC;
    }
    if face.monospace {
        flags |= FontFlags::FIXED_PITCH;
    }
    let mut fd = pdf.font_descriptor(desc);
    fd.name(Name(base_font.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            face.bbox[0] * k,
            face.bbox[1] * k,
            face.bbox[2] * k,
            face.bbox[3] * k,
        ))
        .italic_angle(face.italic_angle)
        .ascent(face.ascender * k)
        .descent(face.descender * k)
        .cap_height(face.cap_height * k)
        .stem_v(if face.bold { 140.0 } else { 80.0 });
    if cff {
        fd.font_file3(file);
    } else {
        fd.font_file2(file);
    }
    fd.finish();

    let data = compress(&subset);
    let mut stream = pdf.stream(file, &data);
    stream.filter(Filter::FlateDecode);
    if cff {
        stream.pair(Name(b"Subtype"), Name(b"OpenType"));
    } else {
        stream.pair(
            Name(b"Length1"),
            i32::try_from(subset.len()).unwrap_or(i32::MAX),
        );
    }
    stream.finish();

    let mut cmap = UnicodeCmap::new(
        Name(b"Custom"),
        SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"UCS"),
            supplement: 0,
        },
    );
    for (&g, text) in glyphs {
        if !text.is_empty() {
            cmap.pair_with_multiple(g, text.chars());
        }
    }
    let cmap_data = cmap.finish();
    pdf.cmap(cmap_ref, &cmap_data);
    Ok(())
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

fn assign_refs(list: &[OutlineEntry], next: &mut impl FnMut() -> Ref, out: &mut Vec<Ref>) {
    for e in list {
        out.push(next());
        assign_refs(&e.children, next, out);
    }
}

fn count_all(list: &[OutlineEntry]) -> usize {
    list.iter().map(|e| 1 + count_all(&e.children)).sum()
}

fn top_refs(list: &[OutlineEntry], refs: &[Ref]) -> Vec<Ref> {
    let mut out = Vec::new();
    let mut idx = 0;
    for e in list {
        if let Some(r) = refs.get(idx) {
            out.push(*r);
        }
        idx += 1 + count_all(&e.children);
    }
    out
}

fn write_outline(
    pdf: &mut Pdf,
    list: &[OutlineEntry],
    parent: Ref,
    refs: &[Ref],
    idx: &mut usize,
    pages: &[Ref],
    layout: &Layout,
) {
    // Refs of this level's entries, in preorder numbering.
    let mut mine = Vec::new();
    let mut j = *idx;
    for e in list {
        mine.push(refs.get(j).copied());
        j += 1 + count_all(&e.children);
    }
    for (k, e) in list.iter().enumerate() {
        let Some(me) = mine[k] else { return };
        *idx += 1;
        let child_refs = top_refs(&e.children, &refs[(*idx).min(refs.len())..]);
        {
            let mut item = pdf.outline_item(me);
            item.title(TextStr(&e.title)).parent(parent);
            if k > 0 {
                if let Some(p) = mine[k - 1] {
                    item.prev(p);
                }
            }
            if let Some(Some(n)) = mine.get(k + 1) {
                item.next(*n);
            }
            if let (Some(f), Some(l)) = (child_refs.first(), child_refs.last()) {
                item.first(*f).last(*l);
                item.count(i32::try_from(count_all(&e.children)).unwrap_or(i32::MAX));
            }
            if let Some(&page) = pages.get(e.page) {
                let h = layout.pages.get(e.page).map_or(842.0, |p| p.height);
                item.dest().page(page).xyz(0.0, h - e.y + 4.0, None);
            }
            item.finish();
        }
        write_outline(pdf, &e.children, me, refs, idx, pages, layout);
    }
}

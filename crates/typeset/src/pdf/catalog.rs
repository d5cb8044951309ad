//! Post-processing of printpdf's output as raw lopdf objects: our page
//! streams in place of printpdf's, indirect link annotations, font
//! descriptor flags, the nested outline, the `/Dests` name tree, `/Info`,
//! the catalog's display settings and the trailer `/ID`.

use super::deflate::compress_streams;
use super::fnv;
use super::subset::UsedFont;
use crate::doc::{DocDate, Meta};
use crate::error::{Error, Result};
use crate::layout::{Layout, OutlineEntry};
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use std::collections::BTreeMap;

/// Everything printpdf does not write the way we need (see module docs).
pub(super) fn post_process(
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

fn file_id(document_id: &str) -> Vec<u8> {
    let a = fnv(document_id.as_bytes(), 0);
    let b = fnv(document_id.as_bytes(), 0x9e37_79b9_7f4a_7c15);
    let mut v = a.to_be_bytes().to_vec();
    v.extend_from_slice(&b.to_be_bytes());
    v
}

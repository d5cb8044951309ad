//! The finishing pass, once pages are numbered: internal links resolved
//! (or warned about), TOC page numbers, the outline tree, the running
//! header and footer ("Page N of M") and the watermark.

use super::blocks::{Ctx, style};
use super::page::{Item, LinkTarget, OutlineEntry, Page, Role};
use super::paginate::Pager;
use super::text::Shaper;
use super::{Layout, LayoutOptions, MUTED, RULE, VItem, WATERMARK, Warning, WarningKind};
use crate::doc::Document;
use crate::error::Result;
use crate::fonts::Family;
use std::collections::HashMap;

pub(super) fn finish(
    mut ctx: Ctx<'_>,
    pager: Pager,
    doc: &Document,
    opts: &LayoutOptions,
    (pw, ph): (f32, f32),
) -> Result<Layout> {
    let mut pages: Vec<Page> = pager
        .pages
        .into_iter()
        .map(|p| Page {
            width: pw,
            height: ph,
            items: p.items,
            destinations: p.dests,
            cover: p.cover,
        })
        .collect();
    let dests: HashMap<String, (usize, f32)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.destinations
                .iter()
                .map(move |d| (d.name.clone(), (i, d.y)))
        })
        .collect();
    ctx.sh.location = "links".into();
    for pend in pager.pending {
        match pend.item {
            VItem::InternalLink { rect, anchor } => match dests.get(&anchor) {
                Some(&(page, y)) => {
                    if let Some(p) = pages.get_mut(pend.page) {
                        p.items.push(Item::Link {
                            rect,
                            target: LinkTarget::Internal { page, y },
                        });
                    }
                }
                None => ctx.sh.warnings.push(Warning {
                    kind: WarningKind::UnknownAnchor { anchor },
                    location: format!("page {}", pend.page + 1),
                }),
            },
            VItem::TocNumber {
                right,
                baseline,
                anchor,
                style,
            } => {
                let label = dests
                    .get(&anchor)
                    .map_or("?".to_string(), |(p, _)| (p + 1).to_string());
                let w = ctx.sh.measure(&label, style);
                let (runs, _) = ctx
                    .sh
                    .line_runs(&label, style, right - w, baseline, Role::Body);
                if let Some(p) = pages.get_mut(pend.page) {
                    p.items.extend(runs);
                }
            }
            _ => {}
        }
    }

    // Outline tree from the placed headings.
    let mut flat = Vec::new();
    for (idx, page, y) in &pager.headings {
        if let Some(h) = ctx.headings.get(*idx) {
            let title = if h.number.is_empty() {
                h.title.clone()
            } else {
                format!("{} {}", h.number, h.title)
            };
            flat.push(OutlineEntry {
                level: h.level,
                title,
                anchor: h.anchor.clone(),
                page: *page,
                y: *y,
                children: Vec::new(),
            });
        }
    }
    let outline = nest(flat);

    // Page chrome.
    let total = pages.len();
    let [left, top, right, bottom] = opts.content_box();
    let small = style(Family::Sans, false, false, 8.0, MUTED);
    let header_text = if doc.meta.header.is_empty() {
        doc.meta.title.clone()
    } else {
        doc.meta.header.clone()
    };
    for (i, page) in pages.iter_mut().enumerate() {
        let mut chrome = Vec::new();
        if let Some(wm) = doc
            .meta
            .watermark
            .as_deref()
            .filter(|w| !w.trim().is_empty())
        {
            chrome.extend(watermark(&mut ctx.sh, wm, pw, ph));
        }
        if !page.cover {
            let hy = top - 26.0;
            if !header_text.is_empty() {
                let mut t = header_text.clone();
                let (mut runs, mut w) = ctx.sh.line_runs(&t, small, left, hy, Role::Header);
                while w > right - left && t.chars().count() > 1 {
                    let keep = t.chars().count() * 9 / 10;
                    t = t.chars().take(keep).collect::<String>() + "…";
                    (runs, w) = ctx.sh.line_runs(&t, small, left, hy, Role::Header);
                }
                chrome.extend(runs);
            }
            chrome.push(Item::Line {
                from: (left, top - 18.0),
                to: (right, top - 18.0),
                width: 0.5,
                color: RULE,
            });
            let fy = bottom + 30.0;
            chrome.push(Item::Line {
                from: (left, bottom + 16.0),
                to: (right, bottom + 16.0),
                width: 0.5,
                color: RULE,
            });
            let label = format!("Page {} of {}", i + 1, total);
            let w = ctx.sh.measure(&label, small);
            let (runs, _) = ctx.sh.line_runs(&label, small, right - w, fy, Role::Footer);
            chrome.extend(runs);
            if !doc.meta.document_id.is_empty() {
                let mut id = doc.meta.document_id.clone();
                if id.chars().count() > 60 {
                    id = id.chars().take(60).collect::<String>() + "…";
                }
                let (runs, _) = ctx.sh.line_runs(&id, small, left, fy, Role::Footer);
                chrome.extend(runs);
            }
        }
        // Watermark behind everything, header/footer after content.
        let wm_count = chrome
            .iter()
            .filter(|c| matches!(c, Item::Text(t) if t.role == Role::Watermark))
            .count();
        let mut items: Vec<Item> = chrome.drain(..wm_count).collect();
        items.append(&mut page.items);
        items.extend(chrome);
        page.items = items;
    }
    let fonts = ctx.sh.faces();
    // The reader's warnings (nesting flattened) come first: they are about
    // the source, before any page.
    let mut warnings = doc.warnings.clone();
    warnings.append(&mut ctx.sh.warnings);
    Ok(Layout {
        pages,
        outline,
        warnings,
        fonts,
    })
}

fn watermark(sh: &mut Shaper<'_>, text: &str, pw: f32, ph: f32) -> Vec<Item> {
    let text: String = text.chars().take(40).collect();
    let st = style(Family::Sans, true, false, 100.0, WATERMARK);
    let w100 = sh.measure(&text, st).max(1.0);
    let angle = (ph / pw).atan();
    let diag = (pw * pw + ph * ph).sqrt();
    let size = (100.0 * diag * 0.6 / w100).min(140.0);
    let st = style(Family::Sans, true, false, size, WATERMARK);
    let w = w100 * size / 100.0;
    let cap = size * 0.36;
    let (cx, cy) = (pw / 2.0, ph / 2.0);
    // Start so the text's centre lands on the page centre (y grows down).
    let x = cx - angle.cos() * w / 2.0 + angle.sin() * cap;
    let y = cy + angle.sin() * w / 2.0 + angle.cos() * cap;
    let (mut runs, _) = sh.line_runs(&text, st, x, y, Role::Watermark);
    for r in &mut runs {
        if let Item::Text(t) = r {
            t.angle = angle.to_degrees();
        }
    }
    runs
}

fn nest(flat: Vec<OutlineEntry>) -> Vec<OutlineEntry> {
    let mut root: Vec<OutlineEntry> = Vec::new();
    for e in flat {
        insert(&mut root, e);
    }
    root
}

fn insert(list: &mut Vec<OutlineEntry>, e: OutlineEntry) {
    match list.last_mut() {
        Some(last) if last.level < e.level => insert(&mut last.children, e),
        _ => list.push(e),
    }
}

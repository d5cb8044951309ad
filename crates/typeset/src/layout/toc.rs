//! The table of contents: one line per heading to the TOC depth, with dot
//! leaders, a link and a fixed-width page-number column (filled in by the
//! finishing pass, so its length never depends on the numbers).

use super::blocks::{Ctx, style};
use super::boxes::{Flow, VItem};
use super::page::{Item, Role};
use super::text::{LineOpts, TextAlign};
use super::{HEADING, MUTED, TEXT};
use crate::doc::{HeadingInfo, Inline};
use crate::fonts::Family;

impl Ctx<'_> {
    pub(super) fn toc(&mut self, x: f32, w: f32, out: &mut Vec<Flow>) {
        let s = self.opts.body_size / 10.5;
        let title_st = style(Family::Sans, true, false, 15.5 * s, HEADING);
        let lo = LineOpts {
            align: TextAlign::Left,
            leading: 1.3,
            hyphenate: false,
            role: Role::Body,
        };
        let mut title = self.para(
            &[Inline::Text(self.opts.toc_title.clone())],
            title_st,
            x,
            w,
            lo,
        );
        if let Some(last) = title.last_mut() {
            last.h += 8.0;
        }
        out.push(Flow::Boxes {
            boxes: title,
            before: 0.0,
            keep_next: true,
            together: true,
            orphans: false,
        });
        let num_w = 28.0 * s;
        let dot_st = style(Family::Serif, false, false, 9.5 * s, MUTED);
        let dot_w = self.sh.measure(".", dot_st);
        let spacing = 4.5 * s;
        let mut boxes = Vec::new();
        let entries: Vec<HeadingInfo> = self
            .headings
            .iter()
            .filter(|h| h.level <= self.opts.toc_depth)
            .cloned()
            .collect();
        for h in entries {
            let lvl = usize::from(h.level.clamp(1, 4)) - 1;
            let indent = [0.0, 18.0, 36.0, 54.0][lvl] * s;
            let st = if lvl == 0 {
                style(Family::Sans, true, false, 10.0 * s, TEXT)
            } else {
                style(Family::Serif, false, false, 10.0 * s, TEXT)
            };
            let label = if h.number.is_empty() {
                h.title.clone()
            } else {
                format!("{}\u{2002}\u{2002}{}", h.number, h.title)
            };
            let mut lines = self.para(
                &[Inline::Text(label)],
                st,
                x + indent,
                w - indent - num_w - 12.0,
                lo,
            );
            if lvl == 0 {
                if let Some(f) = lines.first_mut() {
                    f.shift(5.0);
                    f.h += 5.0;
                }
            }
            let n = lines.len();
            for (i, mut b) in lines.into_iter().enumerate() {
                let top = b.items.iter().find_map(|it| match it {
                    VItem::Item(Item::Text(t)) => Some(t.y - t.size),
                    _ => None,
                });
                b.items.push(VItem::InternalLink {
                    rect: [
                        x + indent,
                        top.unwrap_or(0.0),
                        w - indent,
                        b.h - top.unwrap_or(0.0),
                    ],
                    anchor: h.anchor.clone(),
                });
                if i + 1 == n {
                    let end = b
                        .items
                        .iter()
                        .filter_map(|it| match it {
                            VItem::Item(Item::Text(t)) => Some(t.x + t.width()),
                            _ => None,
                        })
                        .fold(x + indent, f32::max);
                    let baseline = b.baseline.unwrap_or(b.h * 0.75);
                    let stop = x + w - num_w;
                    let mut dx = ((end + 6.0 - x) / spacing).ceil() * spacing + x;
                    let mut dots = String::new();
                    let mut count = 0;
                    while dx + dot_w <= stop && count < 400 {
                        dots.push('.');
                        count += 1;
                        dx += spacing;
                    }
                    if count > 0 {
                        let start = dx - spacing * count as f32;
                        let (mut runs, _) =
                            self.sh
                                .line_runs(&dots, dot_st, start, baseline, Role::Body);
                        for r in &mut runs {
                            if let Item::Text(t) = r {
                                for g in &mut t.glyphs {
                                    g.advance = spacing;
                                }
                            }
                        }
                        b.items.extend(runs.into_iter().map(VItem::Item));
                    }
                    b.items.push(VItem::TocNumber {
                        right: x + w,
                        baseline,
                        anchor: h.anchor.clone(),
                        style: st,
                    });
                }
                boxes.push(b);
            }
        }
        out.push(Flow::Boxes {
            boxes,
            before: 0.0,
            keep_next: false,
            together: false,
            orphans: false,
        });
        out.push(Flow::PageBreak);
    }
}

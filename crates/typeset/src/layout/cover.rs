//! The cover page: a rule, title and subtitle at about a quarter of the
//! page, key/value facts lower down.

use super::blocks::{Ctx, style};
use super::boxes::{VBox, VItem};
use super::page::{Item, Role};
use super::text::{LineOpts, TextAlign};
use super::{HEADING, MUTED, RULE, TEXT};
use crate::doc::{Cover, Inline};
use crate::fonts::Family;

impl Ctx<'_> {
    /// The cover as a list of boxes: placed on one page when they fit
    /// (title at about a quarter of the page, facts lower down), flowing
    /// onto further cover pages when a value is absurdly long.
    pub(super) fn cover(&mut self, c: &Cover, x: f32, w: f32) -> Vec<VBox> {
        let [_, top, _, bottom] = self.opts.content_box();
        let page_h = bottom - top;
        let lo = LineOpts {
            align: TextAlign::Left,
            leading: 1.2,
            hyphenate: false,
            role: Role::Body,
        };
        let mut head = Vec::new();
        let mut rule = VBox::spacer(25.5);
        rule.items.push(VItem::Item(Item::Rect {
            rect: [x, 0.0, 56.0, 3.5],
            color: HEADING,
        }));
        head.push(rule);
        let title_st = style(Family::Sans, true, false, 26.0, HEADING);
        head.extend(self.para(&[Inline::Text(c.title.clone())], title_st, x, w, lo));
        head.push(VBox::spacer(8.0));
        let sub_st = style(Family::Sans, false, false, 14.0, MUTED);
        head.extend(self.para(&[Inline::Text(c.subtitle.clone())], sub_st, x, w, lo));

        let key_st = style(Family::Sans, true, false, 8.5, MUTED);
        let val_st = style(Family::Serif, false, false, 10.5, TEXT);
        let key_w = (w * 0.32).min(160.0);
        let mut facts = Vec::new();
        for (k, v) in &c.facts {
            let keys = self.para(
                &[Inline::Text(k.to_uppercase())],
                key_st,
                x,
                key_w - 8.0,
                lo,
            );
            let vals = self.para(&[Inline::Text(v.clone())], val_st, x + key_w, w - key_w, lo);
            let n = keys.len().max(vals.len());
            // Key and value share a baseline.
            let key_dy = match (
                keys.first().and_then(|b| b.baseline),
                vals.first().and_then(|b| b.baseline),
            ) {
                (Some(k), Some(v)) => (v - k).max(0.0),
                _ => 0.0,
            };
            for i in 0..n {
                let mut b = VBox::default();
                let pad_top = if i == 0 { 5.0 } else { 0.0 };
                let pad_bottom = if i + 1 == n { 5.0 } else { 0.0 };
                let mut h: f32 = 0.0;
                for (lines, dy) in [(&keys, key_dy), (&vals, 0.0)] {
                    if let Some(line) = lines.get(i) {
                        let mut l = line.clone();
                        l.shift(pad_top + dy);
                        h = h.max(l.h + dy);
                        b.items.extend(l.items);
                    }
                }
                b.h = pad_top + h + pad_bottom;
                if i == 0 {
                    b.items.push(VItem::Item(Item::Line {
                        from: (x, 0.0),
                        to: (x + w, 0.0),
                        width: 0.4,
                        color: RULE,
                    }));
                }
                facts.push(b);
            }
        }
        if let Some(last) = facts.last_mut() {
            let h = last.h;
            last.items.push(VItem::Item(Item::Line {
                from: (x, h),
                to: (x + w, h),
                width: 0.4,
                color: RULE,
            }));
        }
        let head_h: f32 = head.iter().map(|b| b.h).sum();
        let facts_h: f32 = facts.iter().map(|b| b.h).sum();
        let free = (page_h - head_h - facts_h).max(0.0);
        let top_space = (page_h * 0.24).min(free);
        let between = (page_h * 0.58 - top_space - head_h)
            .max(40.0)
            .min(free - top_space)
            .max(0.0);
        let mut out = vec![VBox::spacer(top_space)];
        out.extend(head);
        out.push(VBox::spacer(between));
        out.extend(facts);
        out
    }
}

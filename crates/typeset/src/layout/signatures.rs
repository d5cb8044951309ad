//! The signature block: one stack per signatory (role, space to sign,
//! signature and date lines, name, organization), two side by side when
//! the column is wide enough.

use super::blocks::{Ctx, style};
use super::boxes::{Flow, VBox, VItem};
use super::page::{Item, Role};
use super::text::{LineOpts, TextAlign};
use super::{HEADING, MUTED, RULE_DARK, TEXT};
use crate::doc::{Inline, Signatory};
use crate::fonts::Family;

impl Ctx<'_> {
    /// and date lines with labels, name, organization), `cw` wide at `cx`.
    fn signatory(&mut self, sig: &Signatory, cx: f32, cw: f32) -> Vec<VBox> {
        let s = self.opts.body_size / 10.5;
        let role_st = style(Family::Sans, true, false, 9.5 * s, HEADING);
        let name_st = style(Family::Serif, false, false, 10.0 * s, TEXT);
        let small = style(Family::Sans, false, false, 8.0 * s, MUTED);
        let lo = LineOpts {
            align: TextAlign::Left,
            leading: 1.3,
            hyphenate: false,
            role: Role::Body,
        };
        let sig_w = cw * 0.64;
        let mut boxes = self.para(&[Inline::Text(sig.role.clone())], role_st, cx, cw, lo);
        boxes.push(VBox::spacer(34.0));
        let mut lines = VBox::spacer(14.0);
        lines.items.push(VItem::Item(Item::Line {
            from: (cx, 0.0),
            to: (cx + sig_w, 0.0),
            width: 0.6,
            color: RULE_DARK,
        }));
        lines.items.push(VItem::Item(Item::Line {
            from: (cx + sig_w + 12.0, 0.0),
            to: (cx + cw, 0.0),
            width: 0.6,
            color: RULE_DARK,
        }));
        let (r, _) = self.sh.line_runs("Signature", small, cx, 10.0, Role::Body);
        lines.items.extend(r.into_iter().map(VItem::Item));
        let (r, _) = self
            .sh
            .line_runs("Date", small, cx + sig_w + 12.0, 10.0, Role::Body);
        lines.items.extend(r.into_iter().map(VItem::Item));
        if !sig.date.is_empty() {
            // The date on record, written on its line; set smaller when
            // it is wider than the line, so it never leaves the column.
            let room = (cw - sig_w - 12.0).max(1.0);
            let x = cx + sig_w + 12.0;
            let (mut r, width) = self.sh.line_runs(&sig.date, name_st, x, -3.0, Role::Body);
            if width > room {
                let mut st = name_st;
                st.size = name_st.size * room / width * 0.98;
                r = self.sh.line_runs(&sig.date, st, x, -3.0, Role::Body).0;
            }
            lines.items.extend(r.into_iter().map(VItem::Item));
        }
        boxes.push(lines);
        for (text, st) in [(&sig.name, name_st), (&sig.organization, small)] {
            if !text.is_empty() {
                boxes.extend(self.para(&[Inline::Text(text.clone())], st, cx, sig_w, lo));
            }
        }
        boxes
    }

    pub(super) fn signatures(
        &mut self,
        list: &[Signatory],
        x: f32,
        w: f32,
        gap: f32,
        out: &mut Vec<Flow>,
    ) {
        if list.is_empty() {
            return;
        }
        let col_gap = 28.0;
        let cols = if w > 300.0 { 2 } else { 1 };
        let cw = (w - col_gap * (cols as f32 - 1.0)) / cols as f32;
        let [_, top, _, bottom] = self.opts.content_box();
        let page_h = bottom - top;
        let rows = list.len().div_ceil(cols);
        let mut boxes = Vec::new();
        for (ri, chunk) in list.chunks(cols).enumerate() {
            let stacks: Vec<Vec<VBox>> = chunk
                .iter()
                .enumerate()
                .map(|(ci, sig)| self.signatory(sig, x + ci as f32 * (cw + col_gap), cw))
                .collect();
            let row_h = stacks
                .iter()
                .map(|st| st.iter().map(|b| b.h).sum::<f32>())
                .fold(0.0, f32::max);
            if row_h <= page_h * 0.8 {
                // Side by side in one box.
                let mut row = VBox::default();
                for stack in stacks {
                    let mut y = 0.0;
                    for mut b in stack {
                        b.shift(y);
                        y += b.h;
                        row.items.extend(b.items);
                    }
                }
                row.h = row_h;
                boxes.push(row);
            } else {
                // Absurdly long fields: one after the other, line by line,
                // so pagination can split them.
                for (i, stack) in stacks.into_iter().enumerate() {
                    if i > 0 {
                        boxes.push(VBox::spacer(22.0));
                    }
                    boxes.extend(stack);
                }
            }
            if ri + 1 < rows {
                boxes.push(VBox::spacer(22.0));
            }
        }
        out.push(Flow::Boxes {
            boxes,
            before: gap + 10.0,
            keep_next: false,
            together: true,
            orphans: false,
        });
    }
}

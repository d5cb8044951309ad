//! Tables: cells shaped into paragraphs, the column widths solved from
//! their minimum and natural widths, and rows of line boxes.

use super::blocks::{Ctx, style};
use super::boxes::{Flow, Row};
use super::page::Role;
use super::text::{LineOpts, Paragraph, TextAlign, TextStyle};
use super::{HEADING, TEXT, Warning, WarningKind};
use crate::doc::{Align, Inline, Table};
use crate::fonts::Family;

/// Columns beyond this are dropped with a warning (each would be < 2 pt).
const MAX_COLUMNS: usize = 256;

impl Ctx<'_> {
    pub(super) fn table(&mut self, t: &Table, x: f32, w: f32, gap: f32, out: &mut Vec<Flow>) {
        let ncols = t
            .rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(t.header.len()))
            .max()
            .unwrap_or(0);
        if ncols > MAX_COLUMNS {
            self.sh.warnings.push(Warning {
                kind: WarningKind::TooManyColumns {
                    columns: ncols,
                    printed: MAX_COLUMNS,
                },
                location: self.sh.location.clone(),
            });
        }
        let ncols = ncols.clamp(1, MAX_COLUMNS);
        let s = self.opts.body_size / 10.5;
        let cell_st = style(Family::Sans, false, false, 9.0 * s, TEXT);
        let head_st = style(Family::Sans, true, false, 9.0 * s, HEADING);
        let empty: Vec<Inline> = Vec::new();
        let build = |ctx: &mut Self, cells: &[Vec<Inline>], st: TextStyle| -> Vec<Paragraph> {
            (0..ncols)
                .map(|c| {
                    let inl = cells.get(c).unwrap_or(&empty);
                    let code = style(Family::Mono, st.font.bold, false, st.size * 0.92, st.color);
                    Paragraph::build(&mut ctx.sh, inl, st, move |_| code)
                })
                .collect()
        };
        let header = if t.header.is_empty() {
            None
        } else {
            Some(build(self, &t.header, head_st))
        };
        let body: Vec<Vec<Paragraph>> = t.rows.iter().map(|r| build(self, r, cell_st)).collect();
        let pad_h = 5.0;
        let mut mins = vec![0.0f32; ncols];
        let mut maxs = vec![0.0f32; ncols];
        for row in header.iter().chain(body.iter()) {
            for (c, p) in row.iter().enumerate() {
                let (mn, mx) = p.min_max();
                mins[c] = mins[c].max(mn + 2.0 * pad_h);
                maxs[c] = maxs[c].max(mx + 2.0 * pad_h);
            }
        }
        // A single huge word must not starve the other columns.
        for m in &mut mins {
            *m = m.min(w * 0.4);
        }
        let sum_max: f32 = maxs.iter().sum();
        let mut widths: Vec<f32> = if sum_max <= w {
            let total = sum_max.max(1.0);
            maxs.iter().map(|m| m + (w - sum_max) * m / total).collect()
        } else {
            // Columns whose natural width is below a fair share get it in
            // full (short labels never wrap); the rest share what is left
            // between their minimum and natural widths.
            let mut widths = vec![0.0f32; ncols];
            let mut fixed = vec![false; ncols];
            loop {
                let used: f32 = (0..ncols).filter(|&c| fixed[c]).map(|c| widths[c]).sum();
                let open: Vec<usize> = (0..ncols).filter(|&c| !fixed[c]).collect();
                if open.is_empty() {
                    break;
                }
                let share = (w - used) / open.len() as f32;
                let mut changed = false;
                for &c in &open {
                    if maxs[c] <= share {
                        widths[c] = maxs[c];
                        fixed[c] = true;
                        changed = true;
                    }
                }
                if !changed {
                    let room = w - used;
                    let (lo, hi): (f32, f32) = open
                        .iter()
                        .fold((0.0, 0.0), |(a, b), &c| (a + mins[c], b + maxs[c]));
                    for &c in &open {
                        widths[c] = if lo >= room {
                            mins[c] * room / lo.max(1.0)
                        } else {
                            mins[c] + (maxs[c] - mins[c]) * (room - lo) / (hi - lo).max(1.0)
                        };
                    }
                    break;
                }
            }
            widths
        };
        let total: f32 = widths.iter().sum();
        if total > w {
            for v in &mut widths {
                *v *= w / total;
            }
        }
        let mut col_x = Vec::with_capacity(ncols);
        let mut cx = x;
        for v in &widths {
            col_x.push(cx);
            cx += v;
        }
        let mk_row = |ctx: &mut Self, paras: Vec<Paragraph>, is_header: bool| -> Row {
            let cells = paras
                .into_iter()
                .enumerate()
                .map(|(c, p)| {
                    let cw = widths[c];
                    let pad = pad_h.min(cw / 4.0);
                    let align = match t.align.get(c).copied().unwrap_or_default() {
                        Align::Right => TextAlign::Right,
                        Align::Center => TextAlign::Center,
                        _ => TextAlign::Left,
                    };
                    let lo = LineOpts {
                        align,
                        leading: 1.32,
                        hyphenate: false,
                        role: Role::Body,
                    };
                    p.lines(&mut ctx.sh, col_x[c] + pad, cw - 2.0 * pad, lo)
                })
                .collect();
            Row {
                cells,
                pad: 4.0,
                x,
                w,
                header: is_header,
            }
        };
        let header = header.map(|h| mk_row(self, h, true));
        let rows = body.into_iter().map(|r| mk_row(self, r, false)).collect();
        out.push(Flow::Table {
            header,
            rows,
            before: gap + 3.0,
        });
    }
}

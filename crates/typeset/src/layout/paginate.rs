//! The paginator: places flow elements on pages, with widow and orphan
//! control, keep-with-next, keep-together groups, tables that repeat their
//! header and split over-tall rows by lines, and cover pages.

use super::boxes::{Flow, Row, VBox, VItem, table_start};
use super::page::{Destination, Item};

/// A page under construction.
pub(super) struct PageBuild {
    pub(super) items: Vec<Item>,
    pub(super) dests: Vec<Destination>,
    pub(super) cover: bool,
}

/// Items resolved after pagination: (page index, item).
pub(super) struct Pending {
    pub(super) page: usize,
    pub(super) item: VItem,
}

pub(super) struct Pager {
    pub(super) pages: Vec<PageBuild>,
    pub(super) pending: Vec<Pending>,
    pub(super) headings: Vec<(usize, usize, f32)>,
    y: f32,
    top: f32,
    bottom: f32,
    empty: bool,
}

impl Pager {
    fn new(top: f32, bottom: f32) -> Self {
        Self {
            pages: vec![PageBuild {
                items: Vec::new(),
                dests: Vec::new(),
                cover: false,
            }],
            pending: Vec::new(),
            headings: Vec::new(),
            y: top,
            top,
            bottom,
            empty: true,
        }
    }

    fn mark_cover(&mut self) {
        if let Some(p) = self.pages.last_mut() {
            p.cover = true;
        }
    }

    fn page_h(&self) -> f32 {
        self.bottom - self.top
    }

    fn remaining(&self) -> f32 {
        self.bottom - self.y
    }

    fn new_page(&mut self) {
        self.pages.push(PageBuild {
            items: Vec::new(),
            dests: Vec::new(),
            cover: false,
        });
        self.y = self.top;
        self.empty = true;
    }

    /// Puts a box at the current position, moving its items onto the page
    /// (a long agreement's glyphs exist once, not in the flow and the pages).
    fn place(&mut self, b: VBox) {
        let page = self.pages.len() - 1;
        let dy = self.y;
        for it in b.items {
            match it {
                VItem::Item(mut i) => {
                    i.shift(dy);
                    if let Some(p) = self.pages.last_mut() {
                        p.items.push(i);
                    }
                }
                VItem::Dest(name) => {
                    if let Some(p) = self.pages.last_mut() {
                        p.dests.push(Destination { name, y: dy });
                    }
                }
                VItem::Heading(idx) => self.headings.push((idx, page, dy)),
                VItem::InternalLink { rect, anchor } => self.pending.push(Pending {
                    page,
                    item: VItem::InternalLink {
                        rect: [rect[0], rect[1] + dy, rect[2], rect[3]],
                        anchor,
                    },
                }),
                VItem::TocNumber {
                    right,
                    baseline,
                    anchor,
                    style,
                } => self.pending.push(Pending {
                    page,
                    item: VItem::TocNumber {
                        right,
                        baseline: baseline + dy,
                        anchor,
                        style,
                    },
                }),
            }
        }
        self.y += b.h;
        self.empty = false;
    }

    fn boxes(
        &mut self,
        boxes: Vec<VBox>,
        before: f32,
        together: bool,
        orphans: bool,
        keep_need: f32,
    ) {
        let n = boxes.len();
        if n == 0 {
            return;
        }
        let heights: Vec<f32> = boxes.iter().map(|b| b.h).collect();
        let mut boxes = boxes.into_iter();
        let mut gap = if self.empty { 0.0 } else { before };
        let total: f32 = heights.iter().sum();
        let page_h = self.page_h();
        let first_part = if together && total <= page_h {
            total
        } else {
            heights.iter().take(2).sum()
        };
        if !self.empty
            && gap + first_part + keep_need > self.remaining()
            && first_part + keep_need <= page_h
        {
            self.new_page();
            gap = 0.0;
        }
        if together && !self.empty && gap + total > self.remaining() && total <= page_h {
            self.new_page();
            gap = 0.0;
        }
        self.y += gap;
        let mut i = 0;
        while i < n {
            let rem = self.remaining();
            let mut acc = 0.0;
            let mut fit = 0;
            while i + fit < n && acc + heights[i + fit] <= rem + 0.01 {
                acc += heights[i + fit];
                fit += 1;
            }
            if fit == n - i {
                for b in boxes.by_ref() {
                    self.place(b);
                }
                break;
            }
            let mut k = fit;
            if orphans && n >= 2 {
                if n - i - k < 2 {
                    k = (n - i).saturating_sub(2);
                }
                if k < 2 && i == 0 {
                    k = 0;
                }
            }
            if k == 0 {
                if self.empty {
                    k = fit.max(1);
                } else {
                    self.new_page();
                    continue;
                }
            }
            for b in boxes.by_ref().take(k) {
                self.place(b);
            }
            i += k;
            if i < n {
                self.new_page();
            }
        }
    }

    fn table(&mut self, header: Option<Row>, rows: Vec<Row>, before: f32) {
        let gap = if self.empty { 0.0 } else { before };
        let hh = header.as_ref().map_or(0.0, Row::height);
        let page_h = self.page_h();
        let first = table_start(header.as_ref(), &rows, page_h);
        let head_box = header.map(Row::into_full);
        if !self.empty && gap + first > self.remaining() {
            self.new_page();
        } else {
            self.y += gap;
        }
        if let Some(h) = &head_box {
            self.place(h.clone());
        }
        let fresh = |p: &mut Self| {
            p.new_page();
            if let Some(h) = &head_box {
                p.place(h.clone());
            }
        };
        let heights: Vec<f32> = rows.iter().map(Row::height).collect();
        let n = rows.len();
        // Rows placed on the current page (under its header).
        let mut on_page = 0;
        for (i, row) in rows.into_iter().enumerate() {
            let rh = heights[i];
            // No widowed row: when only the last row would go over, and
            // the page already holds two or more, the last two go over
            // together (as lines of a paragraph do).
            let widow = i + 2 == n
                && on_page >= 2
                && rh <= self.remaining() + 0.01
                && rh + heights[i + 1] > self.remaining() + 0.01
                && rh + heights[i + 1] <= page_h - hh;
            if rh <= self.remaining() + 0.01 && !widow {
                self.place(row.into_full());
                on_page += 1;
                continue;
            }
            if rh <= page_h - hh {
                fresh(self);
                self.place(row.into_full());
                on_page = 1;
                continue;
            }
            on_page = 0;
            // Taller than a page: split by lines.
            let mut starts: Vec<usize> = vec![0; row.cells.len()];
            loop {
                let avail = self.remaining() - 2.0 * row.pad;
                let mut ends = starts.clone();
                let mut done = true;
                let mut progress = false;
                for (c, cell) in row.cells.iter().enumerate() {
                    let mut acc = 0.0;
                    let mut e = starts[c];
                    while e < cell.len() && acc + cell[e].h <= avail + 0.01 {
                        acc += cell[e].h;
                        e += 1;
                    }
                    if e > starts[c] {
                        progress = true;
                    }
                    if e < cell.len() {
                        done = false;
                    }
                    ends[c] = e;
                }
                if !progress && !done {
                    if self.remaining() >= page_h - hh - 0.01 {
                        // Even a fresh page cannot take one line: force one.
                        for (c, cell) in row.cells.iter().enumerate() {
                            ends[c] = (starts[c] + 1).min(cell.len());
                        }
                    } else {
                        fresh(self);
                        continue;
                    }
                }
                let ranges: Vec<_> = starts.iter().zip(&ends).map(|(&a, &b)| a..b).collect();
                self.place(row.render(&ranges));
                if done {
                    break;
                }
                starts = ends;
                fresh(self);
            }
        }
    }
}

/// Places the flows on pages, in order.
pub(super) fn paginate(mut flows: Vec<Flow>, top: f32, bottom: f32) -> Pager {
    let mut pager = Pager::new(top, bottom);
    for i in 0..flows.len() {
        // Looks only at this flow and the ones after it.
        let keep_need = keep_need(&flows, i, pager.page_h());
        // Each flow moves onto the pages; what stays behind is never read.
        match std::mem::replace(&mut flows[i], Flow::PageBreak) {
            Flow::Boxes {
                boxes,
                before,
                together,
                orphans,
                ..
            } => pager.boxes(boxes, before, together, orphans, keep_need),
            Flow::Table {
                header,
                rows,
                before,
            } => pager.table(header, rows, before),
            Flow::PageBreak => {
                if !pager.empty {
                    pager.new_page();
                }
            }
            Flow::Cover(boxes) => {
                if !pager.empty {
                    pager.new_page();
                }
                pager.mark_cover();
                for (i, b) in boxes.into_iter().enumerate() {
                    if b.h > pager.remaining() + 0.01 && !pager.empty {
                        pager.new_page();
                        pager.mark_cover();
                    }
                    // Spacers are dropped at the top of continuation pages.
                    if i == 0 || !(pager.empty && b.items.is_empty()) {
                        pager.place(b);
                    }
                }
                pager.new_page();
            }
        }
    }
    if pager.empty && pager.pages.len() > 1 {
        pager.pages.pop();
    }
    pager
}

/// Extra height the flow at `i` needs after itself (keep-with-next).
fn keep_need(flows: &[Flow], i: usize, page_h: f32) -> f32 {
    let mut need = 0.0;
    let mut j = i;
    for _ in 0..4 {
        let keeps = matches!(
            flows.get(j),
            Some(Flow::Boxes {
                keep_next: true,
                ..
            })
        );
        if !keeps {
            break;
        }
        j += 1;
        let Some(next) = flows.get(j) else { break };
        let chained = matches!(
            next,
            Flow::Boxes {
                keep_next: true,
                ..
            }
        );
        need += if chained {
            match next {
                Flow::Boxes { boxes, before, .. } => {
                    before + boxes.iter().map(|b| b.h).sum::<f32>()
                }
                _ => 0.0,
            }
        } else {
            next.start_height(page_h)
        };
        if !chained {
            break;
        }
    }
    need.min(page_h / 2.0)
}

//! The box model between blocks and pages: vertical boxes of items
//! relative to their top (some resolved only once pages are numbered),
//! table rows, and the flow elements the paginator places.

use super::page::Item;
use super::text::TextStyle;
use super::{RULE, RULE_DARK, SHADE};

/// An item in a box before placement (some need page numbers first).
#[derive(Debug, Clone)]
pub(crate) enum VItem {
    Item(Item),
    InternalLink {
        rect: [f32; 4],
        anchor: String,
    },
    Dest(String),
    Heading(usize),
    TocNumber {
        right: f32,
        baseline: f32,
        anchor: String,
        style: TextStyle,
    },
}

/// A vertical box: items relative to its top.
#[derive(Debug, Clone, Default)]
pub(crate) struct VBox {
    pub h: f32,
    pub items: Vec<VItem>,
    pub baseline: Option<f32>,
}

impl VBox {
    pub(super) fn spacer(h: f32) -> Self {
        Self {
            h,
            ..Self::default()
        }
    }

    pub(super) fn shift(&mut self, dy: f32) {
        for it in &mut self.items {
            match it {
                VItem::Item(i) => i.shift(dy),
                VItem::InternalLink { rect, .. } => rect[1] += dy,
                VItem::TocNumber { baseline, .. } => *baseline += dy,
                VItem::Dest(_) | VItem::Heading(_) => {}
            }
        }
        if let Some(b) = &mut self.baseline {
            *b += dy;
        }
    }
}

pub(super) struct Row {
    /// Lines per cell, with the cell's x and width.
    pub(super) cells: Vec<Vec<VBox>>,
    pub(super) pad: f32,
    pub(super) x: f32,
    pub(super) w: f32,
    pub(super) header: bool,
}

impl Row {
    pub(super) fn height(&self) -> f32 {
        let inner = self
            .cells
            .iter()
            .map(|c| c.iter().map(|b| b.h).sum::<f32>())
            .fold(0.0, f32::max);
        inner + 2.0 * self.pad
    }

    /// A box drawing the lines `ranges[i]` of each cell (copies them: for
    /// rows split across pages).
    pub(super) fn render(&self, ranges: &[std::ops::Range<usize>]) -> VBox {
        let cells = self
            .cells
            .iter()
            .zip(ranges)
            .map(|(cell, r)| cell.get(r.clone()).unwrap_or(&[]).to_vec());
        self.assemble(cells)
    }

    /// The box drawing every line of the row, which it takes.
    pub(super) fn into_full(mut self) -> VBox {
        let cells = std::mem::take(&mut self.cells);
        self.assemble(cells)
    }

    fn assemble(&self, cells: impl IntoIterator<Item = Vec<VBox>>) -> VBox {
        let mut b = VBox::default();
        let mut inner: f32 = 0.0;
        for cell in cells {
            let mut y = self.pad;
            for mut l in cell {
                l.shift(y);
                y += l.h;
                b.items.extend(l.items);
            }
            inner = inner.max(y - self.pad);
        }
        b.h = inner + 2.0 * self.pad;
        if self.header {
            b.items.insert(
                0,
                VItem::Item(Item::Rect {
                    rect: [self.x, 0.0, self.w, b.h],
                    color: SHADE,
                }),
            );
        }
        b.items.push(VItem::Item(Item::Line {
            from: (self.x, b.h),
            to: (self.x + self.w, b.h),
            width: if self.header { 0.8 } else { 0.4 },
            color: if self.header { RULE_DARK } else { RULE },
        }));
        b
    }
}

pub(super) enum Flow {
    Boxes {
        boxes: Vec<VBox>,
        before: f32,
        keep_next: bool,
        together: bool,
        orphans: bool,
    },
    Table {
        header: Option<Row>,
        rows: Vec<Row>,
        before: f32,
    },
    PageBreak,
    Cover(Vec<VBox>),
}

impl Flow {
    pub(super) fn set_before(&mut self, v: f32) {
        match self {
            Flow::Boxes { before, .. } | Flow::Table { before, .. } => *before = v,
            _ => {}
        }
    }

    /// Height needed to start this flow on a page (for keep-with-next).
    pub(super) fn start_height(&self, page_h: f32) -> f32 {
        match self {
            Flow::Boxes {
                boxes,
                before,
                together,
                ..
            } => {
                let total: f32 = boxes.iter().map(|b| b.h).sum();
                if *together && total <= page_h {
                    before + total
                } else {
                    before + boxes.iter().take(2).map(|b| b.h).sum::<f32>()
                }
            }
            Flow::Table {
                header,
                rows,
                before,
            } => before + table_start(header.as_ref(), rows, page_h),
            _ => 0.0,
        }
    }
}

/// A table of at most this many rows is never split (when it fits a page).
pub(super) const KEEP_WHOLE_ROWS: usize = 6;

/// A longer table never splits before this many rows.
pub(super) const FIRST_ROWS: usize = 3;

/// The height a table needs where it starts: all of it when it has at most
/// [`KEEP_WHOLE_ROWS`] rows and fits a page, so a short table (a credit
/// scheme's tiers) is never split; otherwise its header and first
/// [`FIRST_ROWS`] rows (at most half a page of them).
pub(super) fn table_start(header: Option<&Row>, rows: &[Row], page_h: f32) -> f32 {
    let head = header.map_or(0.0, Row::height);
    let all: f32 = rows.iter().map(Row::height).sum();
    if rows.len() <= KEEP_WHOLE_ROWS && head + all <= page_h {
        return head + all;
    }
    head + rows
        .iter()
        .take(FIRST_ROWS)
        .map(Row::height)
        .sum::<f32>()
        .min(page_h / 2.0)
}

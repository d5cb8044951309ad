//! The parallel driver: the top-level blocks cut into parts of about equal
//! work, built into flows on several threads in turns, then paginated and
//! finished in order.

use super::blocks::Ctx;
use super::finish::finish;
use super::paginate::paginate;
use super::text::Shaper;
use super::{Layout, LayoutOptions};
use crate::doc::{Block, Document, Inline, number_headings};
use crate::error::{Error, Result};
use crate::fonts::FontSet;

/// [`layout`], with the top-level blocks cut at `cuts` into parts that
/// `threads` threads shape and break into lines, each taking the next part
/// nobody has taken yet. Blocks are independent until pagination; each
/// part numbers headings and blocks as if it had done the ones before it,
/// and its warnings go back in document order.
pub(super) fn layout_parts(
    doc: &Document,
    opts: &LayoutOptions,
    fonts: &FontSet,
    cuts: &[usize],
    threads: usize,
) -> Result<Layout> {
    if fonts.faces().is_empty() {
        return Err(Error::Inconsistent("the font set has no faces".into()));
    }
    let [left, top, right, bottom] = opts.content_box();
    let (pw, ph) = opts.paper.size();
    let headings = number_headings(&doc.blocks);
    let width = right - left;
    let new_ctx = || Ctx {
        sh: Shaper::new(fonts),
        opts,
        headings: &headings,
        next_heading: 0,
        block_no: 0,
    };

    let blocks = &doc.blocks;
    let mut bounds: Vec<usize> = cuts
        .iter()
        .copied()
        .filter(|&k| k > 0 && k < blocks.len())
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    bounds.insert(0, 0);
    bounds.push(blocks.len());
    let parts: Vec<std::ops::Range<usize>> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
    let mut heading_starts = Vec::with_capacity(parts.len());
    let mut seen = 0;
    for part in &parts {
        heading_starts.push(seen);
        seen += crate::doc::count_headings(&blocks[part.clone()]);
    }
    let mut ctx = new_ctx();
    // Deeply nested blocks recurse: helpers get as much stack as a caller.
    let done = crate::par::in_turns(
        parts.len(),
        threads,
        crate::par::DEEP_STACK,
        &mut ctx,
        new_ctx,
        |ctx, i| {
            let part = parts[i].clone();
            ctx.next_heading = heading_starts[i];
            ctx.block_no = part.start;
            let mut flows = Vec::new();
            ctx.blocks(&blocks[part], left, width, 0, 7.0, &mut flows);
            (flows, std::mem::take(&mut ctx.sh.warnings))
        },
    );
    let mut flows = Vec::new();
    for (mut part_flows, mut warnings) in done {
        flows.append(&mut part_flows);
        ctx.sh.warnings.append(&mut warnings);
    }

    let pager = paginate(flows, top, bottom);

    finish(ctx, pager, doc, opts, (pw, ph))
}

/// Where to cut the top-level blocks into parts of about equal work for
/// `threads` threads: a few parts per thread, so that a thread that is
/// done early takes another. None for short documents (another thread and
/// its cold shaping cache would cost more than they save) or one thread.
pub(super) fn work_parts(blocks: &[Block], threads: usize) -> Vec<usize> {
    const WORTH_SPLITTING: usize = 40_000;
    const PARTS_PER_THREAD: usize = 8;
    let weights: Vec<usize> = blocks.iter().map(weight).collect();
    let total: usize = weights.iter().sum();
    if total < WORTH_SPLITTING || threads < 2 {
        return Vec::new();
    }
    let parts = threads * PARTS_PER_THREAD;
    // Cut where the running total first reaches k/parts of the whole.
    let mut cuts = Vec::new();
    let (mut acc, mut k) = (0, 1);
    for (i, w) in weights.iter().enumerate() {
        acc += w;
        if acc * parts >= k * total && i + 1 < blocks.len() {
            cuts.push(i + 1);
            while acc * parts >= k * total {
                k += 1;
            }
        }
    }
    cuts
}

/// Roughly how much layout work a block is: its text length.
fn weight(block: &Block) -> usize {
    fn inl(v: &[Inline]) -> usize {
        v.iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Code(t) => t.len(),
                Inline::Strong(c)
                | Inline::Emphasis(c)
                | Inline::Inserted(c)
                | Inline::Deleted(c)
                | Inline::Link { content: c, .. } => inl(c),
                Inline::LineBreak => 1,
            })
            .sum()
    }
    // Fixed costs: a block's boxes, a cell's padding and rules.
    16 + match block {
        Block::Heading(h) => inl(&h.content),
        Block::Paragraph(p) => inl(p),
        Block::List { items, .. } => items.iter().flatten().map(weight).sum(),
        Block::Table(t) => t
            .header
            .iter()
            .chain(t.rows.iter().flatten())
            .map(|c| 16 + inl(c))
            .sum(),
        Block::CodeBlock(c) => c.len(),
        Block::Quote(b) | Block::Keep(b) | Block::Changed(b) => b.iter().map(weight).sum(),
        Block::Signatures(s) => 200 * s.len(),
        Block::Cover(_) => 200,
        Block::ThematicBreak | Block::PageBreak | Block::Toc => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pages do not depend on where (or whether) the blocks are cut
    /// into parts, nor on how many threads take them: numbering, links,
    /// TOC and warnings all line up.
    #[test]
    fn splitting_the_work_changes_nothing() {
        let mut src = String::from(":::toc\n:::\n\n");
        for i in 0..12 {
            src.push_str(&format!("# Part {i}\n\nSee [the end](#the-end). "));
            src.push_str(&"Availability is measured monthly in service hours. ".repeat(30));
            src.push_str("\n\n## Detail\n\n| a | b |\n|---|---|\n| one | two \u{4e00} |\n\n");
            src.push_str("> ### Note\n>\n> - kept \u{4e01}\n\n");
        }
        src.push_str("# The end\n\nDone.\n");
        let doc = crate::markdown::parse(&src, crate::doc::Meta::default());
        let fonts = FontSet::bundled().unwrap();
        let opts = LayoutOptions::default();
        let whole = layout_parts(&doc, &opts, &fonts, &[], 1).unwrap();
        assert!(whole.pages.len() > 3);
        assert!(whole.warnings.len() >= 24, "the CJK characters should warn");
        let n = doc.blocks.len();
        let cut_sets = [
            vec![1],
            vec![2],
            vec![n / 2],
            vec![n - 1],
            vec![1, 2, 3, n / 3, n / 2, n - 2, n - 1],
            (1..n).collect(),
            work_parts(&doc.blocks, 2),
        ];
        for cuts in &cut_sets {
            for threads in [1, 2, 3] {
                let parts = layout_parts(&doc, &opts, &fonts, cuts, threads).unwrap();
                let what = format!("cut at {cuts:?} on {threads} threads");
                assert_eq!(parts.pages, whole.pages, "{what}");
                assert_eq!(parts.outline, whole.outline, "{what}");
                assert_eq!(parts.warnings, whole.warnings, "{what}");
            }
        }
    }

    /// Long documents are cut into several parts per thread, each part
    /// holding about the same amount of text.
    #[test]
    fn work_is_cut_into_even_parts() {
        let mut src = String::new();
        for i in 0..400 {
            src.push_str(&format!("Paragraph {i}. {}\n\n", "Word ".repeat(40)));
        }
        let doc = crate::markdown::parse(&src, crate::doc::Meta::default());
        assert!(work_parts(&doc.blocks, 1).is_empty());
        let cuts = work_parts(&doc.blocks, 2);
        assert_eq!(cuts.len(), 15, "{cuts:?}");
        let sizes: Vec<usize> = std::iter::once(0)
            .chain(cuts.iter().copied())
            .zip(
                cuts.iter()
                    .copied()
                    .chain(std::iter::once(doc.blocks.len())),
            )
            .map(|(a, b)| b - a)
            .collect();
        let (min, max) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
        assert!(max - min <= 2, "{sizes:?}");
        let short = crate::markdown::parse("One paragraph.", crate::doc::Meta::default());
        assert!(work_parts(&short.blocks, 2).is_empty());
    }
}

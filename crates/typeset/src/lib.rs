//! Pactwright's document engine: Markdown source -> document tree ->
//! backend-neutral pages -> PDF bytes. Knows nothing about agreements and
//! nothing about Tauri.
//!
//! Stages (each usable alone, e.g. for benchmarks):
//! [`markdown::parse`] -> [`layout::layout`] -> [`pdf::write_pdf`]
//! (or [`paint::page_paint`] for a preview of one page).
//!
//! The PDF is written with `printpdf`; what it is post-processed for
//! through `lopdf` (outline, destinations, metadata, ids) is listed in the
//! [`pdf`] module docs.

pub mod doc;
pub mod error;
pub mod fonts;
pub mod layout;
pub mod markdown;
pub mod paint;
pub mod pdf;

pub use doc::*;

/// Threads worth using for the parallel parts of a render (templates,
/// layout, page streams, compression): the machine's cores, at most 4
/// (more do not pay for their cold caches). Asked of the system once (it
/// reads cgroup limits), not on every render.
pub fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .min(4)
    })
}
/// Runs `work(state, i)` for every job `i` in `0..jobs` on up to `threads`
/// threads, each taking the next job nobody has taken yet (so a thread done
/// early takes more), and returns the results in job order. The calling
/// thread works with `own`, the others each with a state from `init`
/// (shaping caches, for instance). Helper threads get `stack` bytes of
/// stack; when none can be started, the calling thread does every job.
pub(crate) fn in_turns<S, R: Send>(
    jobs: usize,
    threads: usize,
    stack: usize,
    own: &mut S,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize) -> R + Sync,
) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let take = |state: &mut S| {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if i >= jobs {
                return done;
            }
            done.push((i, work(state, i)));
        }
    };
    let mut done = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(jobs))
            .filter_map(|_| {
                std::thread::Builder::new()
                    .stack_size(stack)
                    .spawn_scoped(scope, || take(&mut init()))
                    .ok()
            })
            .collect();
        let mut done = take(own);
        for helper in helpers {
            done.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

pub use error::{Error, Result};
pub use fonts::FontSet;
pub use layout::{Layout, LayoutOptions, Margins, Paper, Warning, WarningKind};

/// Options for [`render_markdown_to_pdf`].
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Metadata (title, header text, watermark, date, document id).
    pub meta: Meta,
    /// Paper, margins and typographic settings.
    pub layout: LayoutOptions,
}

/// Everything a render produces.
#[derive(Debug, Clone)]
pub struct RenderOutput {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub page_count: usize,
    /// Problems found while rendering (content was still rendered).
    pub warnings: Vec<Warning>,
    /// The pages, for previews and tests.
    pub layout: Layout,
    /// The document tree the pages were laid out from.
    pub document: Document,
}

/// Parses, lays out and writes a PDF in one call.
pub fn render_markdown_to_pdf(
    src: &str,
    opts: &RenderOptions,
    fonts: &FontSet,
) -> Result<RenderOutput> {
    render_document_to_pdf(markdown::parse(src, opts.meta.clone()), &opts.layout, fonts)
}

/// Lays out and writes a PDF of a document already parsed (for instance by
/// [`markdown::parse_with`], with fragments).
pub fn render_document_to_pdf(
    doc: Document,
    layout: &LayoutOptions,
    fonts: &FontSet,
) -> Result<RenderOutput> {
    let layout = layout::layout(&doc, layout, fonts)?;
    let pdf = pdf::write_pdf(&layout, &doc.meta)?;
    Ok(RenderOutput {
        pdf,
        page_count: layout.pages.len(),
        warnings: layout.warnings.clone(),
        layout,
        document: doc,
    })
}

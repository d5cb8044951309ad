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
pub use error::{Error, Result};
pub use fonts::FontSet;
pub use layout::{Layout, LayoutOptions, Margins, Paper, Warning};

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
    let doc = markdown::parse(src, opts.meta.clone());
    let layout = layout::layout(&doc, &opts.layout, fonts)?;
    let pdf = pdf::write_pdf(&layout, &doc.meta)?;
    Ok(RenderOutput {
        pdf,
        page_count: layout.pages.len(),
        warnings: layout.warnings.clone(),
        layout,
        document: doc,
    })
}

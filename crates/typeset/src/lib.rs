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
pub mod par;
pub mod pdf;

pub use doc::*;

pub use par::cores;

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

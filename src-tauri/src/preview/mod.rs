//! The live preview: the draft laid out by the same engine as the PDF; each
//! page goes to the UI as a display list (`typeset::paint`: glyph runs with
//! their outlines, rules, fills and links) that the UI paints on a canvas.
//! Layout runs on a blocking worker thread, never on the UI thread; the
//! last layout is kept so the UI fetches only the pages it shows.

pub mod commands;
pub mod error;
pub mod locate;

use std::sync::Arc;

use pactwright_typeset::Layout;
use serde_json::Value;

pub use error::PreviewError;

/// The last layout.
#[derive(Debug, Default)]
pub struct PreviewCache {
    /// Increases with every layout.
    pub revision: u32,
    /// The pages.
    pub layout: Option<Arc<Layout>>,
    /// The draft they were laid out from (to tell which field a piece of
    /// text comes from).
    pub draft: Option<Arc<Value>>,
}

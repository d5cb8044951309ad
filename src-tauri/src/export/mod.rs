//! Export: the draft to PDF, Markdown or HTML through `pactwright::render`,
//! written atomically where the user chose; then open the file or show it
//! in its folder (`open.rs`, through GIO, called from here: the webview
//! has no such permission and can only name a file this session exported).

pub mod commands;
pub mod error;
mod open;

pub use error::ExportError;

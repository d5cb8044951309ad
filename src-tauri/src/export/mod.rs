//! Export: the draft to PDF, Markdown or HTML through `pactwright::render`,
//! written atomically where the user chose; then open the file or show it
//! in its folder (opener plugin, called from here: the webview has no
//! opener permission and can only name a file this session exported).

pub mod commands;
pub mod error;

pub use error::ExportError;

//! Why a preview command failed.

use crate::ipc::GroupError;

/// A failed preview command.
#[derive(Debug, thiserror::Error)]
pub enum PreviewError {
    /// Templates or fonts failed to load.
    #[error("the render engine could not start: {0}")]
    Engine(String),
    /// The draft could not be read at all.
    #[error("the draft cannot be previewed until its values can be read")]
    Unreadable,
    /// The template or the layout failed.
    #[error("{0}")]
    Render(String),
    /// The layout failed inside Pactwright (a panic): the draft is kept.
    #[error(
        "Pactwright failed inside while laying out the preview ({0}). Your draft is unchanged: save it (or a copy), and report the problem with the file."
    )]
    Failed(String),
    /// The page asked for belongs to an older layout, or does not exist.
    #[error("page {0} is not in the current preview")]
    NoPage(u32),
}

impl GroupError for PreviewError {
    const GROUP: &'static str = "preview";
    fn kind(&self) -> &'static str {
        match self {
            PreviewError::Engine(_) => "engine",
            PreviewError::Unreadable => "unreadable",
            PreviewError::Render(_) => "render",
            PreviewError::Failed(_) => "failed",
            PreviewError::NoPage(_) => "no_page",
        }
    }
}

crate::serialize_as_ipc!(PreviewError);

//! Why an export command failed.

use crate::ipc::GroupError;

/// A failed export command.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The draft has values that cannot be read.
    #[error("the agreement cannot be exported yet: {0}")]
    Invalid(String),
    /// Templates or fonts failed to load.
    #[error("the render engine could not start: {0}")]
    Engine(String),
    /// Rendering failed.
    #[error("{0}")]
    Render(String),
    /// Rendering or writing failed inside Pactwright (a panic): nothing
    /// was written, and the draft is kept.
    #[error(
        "Pactwright failed inside while exporting ({0}). Nothing was written and your draft is unchanged: save it (or a copy), and report the problem with the file."
    )]
    Failed(String),
    /// Writing the file failed (the core's message).
    #[error("{0}")]
    Write(#[from] pactwright::file::SaveError),
    /// Not a file exported in this session.
    #[error("{0} was not exported here")]
    NotExported(String),
    /// The system could not open it.
    #[error("cannot open {0}: {1}")]
    Open(String, String),
}

impl GroupError for ExportError {
    const GROUP: &'static str = "export";
    fn kind(&self) -> &'static str {
        match self {
            ExportError::Invalid(_) => "invalid",
            ExportError::Engine(_) => "engine",
            ExportError::Render(_) => "render",
            ExportError::Failed(_) => "failed",
            ExportError::Write(_) => "write",
            ExportError::NotExported(_) => "not_exported",
            ExportError::Open(..) => "open",
        }
    }
}

crate::serialize_as_ipc!(ExportError);

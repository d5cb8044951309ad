//! Why a check command failed.

use crate::ipc::GroupError;

/// A failed check command.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The checks failed inside Pactwright (a panic): the draft could not
    /// be checked, which is not the same as nothing to flag.
    #[error(
        "The checks failed inside Pactwright ({0}), so this draft could not be checked. Your draft is unchanged: save it, and report the problem with the file."
    )]
    Failed(String),
}

impl GroupError for CheckError {
    const GROUP: &'static str = "checks";
    fn kind(&self) -> &'static str {
        match self {
            CheckError::Failed(_) => "failed",
        }
    }
}

crate::serialize_as_ipc!(CheckError);

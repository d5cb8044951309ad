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
    /// The draft cannot be read as an agreement yet, so it cannot be
    /// approved.
    #[error(
        "This draft cannot be approved while a value cannot be read ({0}). Correct the field the review lists first, then approve it."
    )]
    Unreadable(String),
    /// The date given is not a date.
    #[error("The approval date \"{0}\" is not a date. Give it as 2026-04-01.")]
    BadDate(String),
    /// The core refused: who may approve, or the draft has errors.
    #[error("Not approved: {0}.")]
    Refused(String),
}

impl GroupError for CheckError {
    const GROUP: &'static str = "checks";
    fn kind(&self) -> &'static str {
        match self {
            CheckError::Failed(_) => "failed",
            CheckError::Unreadable(_) => "unreadable",
            CheckError::BadDate(_) => "bad_date",
            CheckError::Refused(_) => "refused",
        }
    }
}

crate::serialize_as_ipc!(CheckError);

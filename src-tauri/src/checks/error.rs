//! Why a check command failed.

use crate::ipc::GroupError;

/// A failed check command.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The arithmetic refused the inputs.
    #[error("{0}")]
    Downtime(String),
}

impl GroupError for CheckError {
    const GROUP: &'static str = "checks";
    fn kind(&self) -> &'static str {
        match self {
            CheckError::Downtime(_) => "downtime",
        }
    }
}

crate::serialize_as_ipc!(CheckError);

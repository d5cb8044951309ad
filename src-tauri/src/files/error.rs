//! Why a file command failed.

use crate::ipc::GroupError;

/// A failed file command.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The core could not read the draft (its message names what and where).
    #[error("{0}")]
    Load(#[from] pactwright::file::LoadError),
    /// The core could not save it (the old file is unchanged).
    #[error("{0}")]
    Save(#[from] pactwright::file::SaveError),
    /// The file on disk changed since it was opened or saved here.
    #[error(
        "{0} was changed by another program since you opened it; saving now would overwrite those changes"
    )]
    ChangedOnDisk(String),
    /// A path the user did not choose.
    #[error("{0} is not a file you opened here; choose it with Open")]
    NotAllowed(String),
    /// The draft sent by the UI is not a valid draft.
    #[error("the draft cannot be saved: {0}")]
    Invalid(String),
    /// No such sample.
    #[error("there is no sample called {0}")]
    NoSample(String),
    /// The app-data folder could not be written.
    #[error("{0}")]
    AppData(String),
}

impl GroupError for FileError {
    const GROUP: &'static str = "files";
    fn kind(&self) -> &'static str {
        match self {
            FileError::Load(_) => "load",
            FileError::Save(_) => "save",
            FileError::ChangedOnDisk(_) => "changed_on_disk",
            FileError::NotAllowed(_) => "not_allowed",
            FileError::Invalid(_) => "invalid",
            FileError::NoSample(_) => "no_sample",
            FileError::AppData(_) => "app_data",
        }
    }
}

crate::serialize_as_ipc!(FileError);

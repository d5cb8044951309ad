//! Files: opening drafts (dialog, recent, sample, command line), saving them
//! atomically through the core, the recent list, the recovery copy and
//! the earlier saved versions (for "Compare with…").

pub mod commands;
pub mod error;
pub mod recent;
pub mod recovery;
pub mod samples;
pub mod versions;

pub use error::FileError;

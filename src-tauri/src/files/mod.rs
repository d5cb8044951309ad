//! Files: opening drafts (dialog, recent, sample, command line), saving them
//! atomically through the core, the recent list and the recovery copy.

pub mod commands;
pub mod error;
pub mod recent;
pub mod recovery;
pub mod samples;

pub use error::FileError;

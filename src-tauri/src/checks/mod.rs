//! Checks: the reviewer's findings on the draft being edited, and the
//! downtime budget of its availability target.

pub mod commands;
pub mod error;

pub use error::CheckError;

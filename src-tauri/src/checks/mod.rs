//! Checks: the reviewer's findings on the draft being edited (run in the
//! background for every edit, see [`crate::work`]).

pub mod error;

pub use error::CheckError;

use crate::dto::CheckResult;

/// Every finding on the draft, in document order; the values that cannot
/// be read yet first.
pub fn check(read: &pactwright::file::Lenient) -> CheckResult {
    let checked = read
        .agreement
        .as_ref()
        .map(pactwright::checks::check)
        .unwrap_or_default();
    CheckResult {
        findings: read.unreadable.iter().cloned().chain(checked).collect(),
        invalid: !read.unreadable.is_empty(),
    }
}

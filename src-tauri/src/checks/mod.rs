//! Checks: the reviewer's findings on the draft being edited (run in the
//! background for every edit, see [`crate::work`]).

pub mod approve;
pub mod error;
pub mod holidays;

pub use error::CheckError;

use crate::dto::{ApprovalInfo, CheckResult};
use pactwright::approval;

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
        approval: read
            .agreement
            .as_ref()
            .map(approval_info)
            .unwrap_or_default(),
    }
}

/// Where the draft stands on approval.
pub fn approval_info(a: &pactwright::model::Agreement) -> ApprovalInfo {
    ApprovalInfo {
        edit_warning: approval::edit_warning(a),
        // Only while the status says so: a draft whose text is still the
        // approved one is offered "Approve" again.
        current: match approval::state(a) {
            approval::State::Current(r) if approval::is_approved(a) => Some(r.sentence(a)),
            _ => None,
        },
        approvers: approval::who_may_approve(a)
            .into_iter()
            .map(|s| s.id.clone())
            .collect(),
    }
}

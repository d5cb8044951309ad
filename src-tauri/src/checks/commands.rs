//! Check commands: thin calls into `pactwright::checks` and
//! `pactwright::downtime` (the budget the PDF prints).

use serde_json::Value;

use super::CheckError;
use crate::dto::{CheckResult, DowntimeBudget};

/// Every finding on the draft, in document order; unreadable values first.
pub fn check(draft: Value) -> CheckResult {
    let read = pactwright::file::read_lenient(&draft);
    let invalid = !read.unreadable.is_empty();
    let checked = read
        .agreement
        .as_ref()
        .map(pactwright::checks::check)
        .unwrap_or_default();
    let findings = read.unreadable.into_iter().chain(checked).collect();
    CheckResult { findings, invalid }
}

/// The downtime budget of one availability target of the draft (by its
/// index in `service_levels`; the first availability target when `None`):
/// the core's, the numbers the PDF prints.
pub fn budget(draft: &Value, target: Option<usize>) -> DowntimeBudget {
    DowntimeBudget(pactwright::downtime::draft_budget(draft, target))
}

/// Checks the draft being edited. A failure inside the checks is an
/// error the UI shows, never an empty list of findings.
#[tauri::command(rename_all = "snake_case")]
pub async fn check_draft(draft: Value) -> Result<CheckResult, CheckError> {
    tauri::async_runtime::spawn_blocking(move || pactwright::failure::catch(|| check(draft)))
        .await
        .map_err(|e| CheckError::Failed(failure_text(e)))?
        .map_err(|f| CheckError::Failed(f.to_string()))
}

/// What a task that did not finish says about why.
fn failure_text(e: tauri::Error) -> String {
    let text = e.to_string();
    if text.trim().is_empty() {
        "an unknown failure".to_owned()
    } else {
        text
    }
}

/// The downtime budget of an availability target of the draft (the first
/// one when `target` is not given).
#[tauri::command(rename_all = "snake_case")]
pub fn downtime_budget(draft: Value, target: Option<u32>) -> DowntimeBudget {
    budget(&draft, target.map(|t| t as usize))
}

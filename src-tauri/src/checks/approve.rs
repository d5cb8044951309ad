//! "Approve": records the approval of the draft as it is, through the
//! core (`pactwright::approval::approve`), and hands the approved draft
//! back. Nothing is saved: the UI makes it the draft, one undoable edit.

use serde_json::Value;

use super::CheckError;
use crate::dto::ApprovedDraft;
use pactwright::approval::{self, ApproveError, Approved};
use pactwright::units::Date;

/// Approves `draft` as the stakeholder `by` (an id) on `date` (ISO; today
/// when absent).
#[tauri::command(rename_all = "snake_case")]
pub fn draft_approve(
    draft: Value,
    by: String,
    date: Option<String>,
) -> Result<ApprovedDraft, CheckError> {
    approve(draft, &by, date.as_deref())
}

/// The command's work, without Tauri (tested directly).
pub fn approve(draft: Value, by: &str, date: Option<&str>) -> Result<ApprovedDraft, CheckError> {
    let date = match date.map(str::trim).filter(|d| !d.is_empty()) {
        Some(text) => text
            .parse::<Date>()
            .map_err(|_| CheckError::BadDate(text.to_owned()))?,
        None => Date::today(),
    };
    let mut agreement = crate::files::commands::parse_draft(draft)
        .map_err(|e| CheckError::Unreadable(e.to_string()))?;
    let outcome = pactwright::failure::catch(|| approval::approve(&mut agreement, by, date))
        .map_err(|f| CheckError::Failed(f.to_string()))?;
    let (message, changed) = match outcome {
        Ok(Approved::Recorded { .. }) => {
            let sentence = approval::latest(&agreement)
                .map(|r| r.sentence(&agreement))
                .unwrap_or_else(|| "Approved".to_owned());
            (format!("{sentence}."), true)
        }
        Ok(Approved::Already { sentence, .. }) => (
            format!("Already approved: {sentence}. Nothing changed."),
            false,
        ),
        Err(e) => return Err(CheckError::Refused(refusal(&e))),
    };
    let draft = serde_json::to_value(&agreement).map_err(|e| CheckError::Failed(e.to_string()))?;
    Ok(ApprovedDraft {
        draft,
        message,
        changed,
    })
}

/// Why not, in the app's words (the window has no `--by` and no field paths).
fn refusal(e: &ApproveError) -> String {
    match e {
        ApproveError::NobodyCan => "nobody can approve it yet: choose the approver on Basics, or give a stakeholder the sponsor role".to_owned(),
        ApproveError::HasErrors(errors) => format!(
            "the checks find {} error{} (the review lists {}); fix {} first",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            if errors.len() == 1 { "it" } else { "them" },
            if errors.len() == 1 { "it" } else { "them" },
        ),
        other => other.to_string().replace('`', ""),
    }
}

/// After the user chose to edit an approved or signed draft: the draft as
/// edited, returned to draft by the core (`approval::return_to_draft`:
/// status draft, the signatures of the old text taken off).
#[tauri::command(rename_all = "snake_case")]
pub fn draft_return_to_draft(draft: Value) -> Result<Value, CheckError> {
    return_to_draft(draft)
}

/// The command's work, without Tauri.
pub fn return_to_draft(draft: Value) -> Result<Value, CheckError> {
    let Ok(mut agreement) = crate::files::commands::parse_draft(draft.clone()) else {
        // A value not understood yet is kept as typed: the draft as it is.
        let mut draft = draft;
        approval::return_to_draft_json(&mut draft);
        return Ok(draft);
    };
    if !approval::return_to_draft(&mut agreement) {
        return Ok(draft);
    }
    serde_json::to_value(&agreement).map_err(|e| CheckError::Failed(e.to_string()))
}

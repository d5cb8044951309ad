//! Check commands: thin calls into `pactwright::checks` and the render
//! view's downtime budget (the same numbers the PDF prints).

use pactwright::model::{Agreement, Availability, Kind};
use serde_json::Value;

use super::CheckError;
use crate::dto::{BudgetRow, CheckResult, DowntimeBudget, FindingDto};

/// Every finding on the draft, in document order; unreadable values first.
pub fn check(draft: Value) -> CheckResult {
    let read = pactwright::file::read_lenient(&draft);
    let invalid = !read.unreadable.is_empty();
    let checked = read
        .agreement
        .as_ref()
        .map(pactwright::checks::check)
        .unwrap_or_default();
    let findings = read
        .unreadable
        .into_iter()
        .chain(checked)
        .map(|f| FindingDto {
            severity: f.severity.to_string(),
            code: f.code.to_owned(),
            pointer: f.pointer,
            message: f.message,
            hint: f.hint,
        })
        .collect();
    CheckResult { findings, invalid }
}

/// The downtime budget of one availability target of the draft (by its
/// index in `service_levels`; the first availability target when `None`),
/// through the render view (the numbers the PDF prints).
pub fn budget(draft: &Value, target: Option<usize>) -> Result<DowntimeBudget, CheckError> {
    let empty = |note: &str| DowntimeBudget {
        rows: Vec::new(),
        least: None,
        most: None,
        excluded_maintenance: String::new(),
        note: Some(note.to_owned()),
    };
    // Read only what the budget needs, each part on its own, so a value
    // elsewhere that cannot be read yet does not hide the budget.
    let part = |pointer: &str| draft.pointer(pointer).cloned();
    let mut a = Agreement::empty(Kind::Sla);
    if let Some(d) = part("/document/effective_date") {
        a.document.effective_date = serde_json::from_value(d).unwrap_or(None);
    }
    let unreadable = |what: &str, e: serde_path_to_error::Error<serde_json::Error>| {
        let field = e.path().to_string();
        let field = if field.is_empty() || field == "." {
            what.to_owned()
        } else {
            format!("{what} {}", field.replace('_', " "))
        };
        empty(&format!("The {field} cannot be read yet ({}).", e.inner()))
    };
    if let Some(h) = part("/service_hours") {
        match serde_path_to_error::deserialize(h) {
            Ok(h) => a.service_hours = Some(h),
            Err(e) => return Ok(unreadable("service hours", e)),
        }
    }
    if let Some(av) = part("/warranty/availability") {
        match serde_path_to_error::deserialize::<_, Availability>(av) {
            Ok(av) => a.warranty.availability = Some(av),
            Err(e) => return Ok(unreadable("availability", e)),
        }
    }
    let levels = draft
        .pointer("/service_levels")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let index = match target {
        Some(i) => i,
        None => match levels.iter().position(|t| {
            t.get("metric")
                .and_then(Value::as_str)
                .unwrap_or("availability")
                == "availability"
        }) {
            Some(i) => i,
            None => {
                return Ok(empty(
                    "Add an availability target to see the downtime it allows.",
                ));
            }
        },
    };
    let Some(t) = levels.get(index) else {
        return Ok(empty(
            "Add an availability target to see the downtime it allows.",
        ));
    };
    match serde_path_to_error::deserialize::<_, pactwright::model::ServiceLevelTarget>(t.clone()) {
        Ok(t) => a.service_levels = vec![t],
        Err(e) => return Ok(unreadable("target", e)),
    }
    let view = pactwright::render::view::view(&a);
    let b = &view["availability"]["targets"][0]["budget"];
    if b.is_null() {
        return Ok(empty(
            "Give the target a percentage and choose the period it is measured over to see the downtime it allows.",
        ));
    }
    let row = |v: &Value| -> Option<BudgetRow> {
        Some(BudgetRow {
            period: v.get("period")?.as_str()?.to_owned(),
            allowed: v.get("allowed")?.as_str()?.to_owned(),
            words: v.get("words")?.as_str()?.to_owned(),
            service_hours: v.get("service_hours")?.as_str()?.to_owned(),
        })
    };
    let rows: Vec<BudgetRow> = b["rows"]
        .as_array()
        .map(|r| r.iter().filter_map(row).collect())
        .unwrap_or_default();
    if rows.is_empty() {
        return Err(CheckError::Downtime(
            "the service hours or time zone cannot be used for the arithmetic".to_owned(),
        ));
    }
    Ok(DowntimeBudget {
        rows,
        least: row(&b["least"]),
        most: row(&b["most"]),
        excluded_maintenance: b["excluded_maintenance"].as_str().unwrap_or("").to_owned(),
        note: None,
    })
}

/// Checks the draft being edited. A failure inside the checks is an
/// error the UI shows, never an empty list of findings.
#[tauri::command(rename_all = "snake_case")]
pub async fn check_draft(draft: Value) -> Result<CheckResult, CheckError> {
    tauri::async_runtime::spawn_blocking(move || check(draft))
        .await
        .map_err(|e| CheckError::Failed(failure_text(e)))
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
pub fn downtime_budget(draft: Value, target: Option<u32>) -> Result<DowntimeBudget, CheckError> {
    budget(&draft, target.map(|t| t as usize))
}

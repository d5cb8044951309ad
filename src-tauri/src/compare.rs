//! "Compare with…": the draft being edited compared, by the core
//! (`pactwright::diff`), with a file the user picks or an earlier saved
//! version of the open file; the same changes `pactwright diff` prints,
//! and a change-history entry prefilled from them.

use std::path::Path;

use pactwright::diff::{self, Op, WordOp};
use pactwright::model::Agreement;
use pactwright::units::Date;
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::dto::{
    ChangeEntryDraft, CompareWith, ComparedChange, ComparedSection, ComparedWord, Comparison,
    SavedVersion,
};
use crate::files::recent::file_name;
use crate::ipc::GroupError;
use crate::state::AppState;

/// How many changes of a section are listed before the rest is counted.
const LISTED: usize = diff::COLLAPSE_AFTER;

/// How many changes the prefilled change entry names.
const IN_ENTRY: usize = 6;

/// Why a comparison could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    /// The other file cannot be read.
    #[error("{0} cannot be compared: {1}")]
    Unreadable(String, String),
    /// The draft being edited cannot be read as a whole.
    #[error(
        "The draft cannot be compared while it cannot be read as a whole ({0}). Correct the field the review lists first."
    )]
    Draft(String),
    /// The saved version asked for is not kept (any more).
    #[error("That saved version is no longer kept. Choose another, or a file.")]
    NoVersion,
    /// No file is open, so there are no saved versions.
    #[error(
        "The draft has not been saved yet, so it has no earlier versions. Choose a file to compare with."
    )]
    NotSaved,
    /// The core refused: drafts of different kinds.
    #[error("Not compared: {0}.")]
    Refused(String),
}

impl GroupError for CompareError {
    const GROUP: &'static str = "compare";
    fn kind(&self) -> &'static str {
        match self {
            CompareError::Unreadable(..) => "unreadable",
            CompareError::Draft(_) => "draft",
            CompareError::NoVersion => "no_version",
            CompareError::NotSaved => "not_saved",
            CompareError::Refused(_) => "refused",
        }
    }
}

crate::serialize_as_ipc!(CompareError);

/// The version after `old`: "2.0" -> "2.1", "3" -> "4"; `None` when it
/// does not end in a number.
fn next_version(old: &str) -> Option<String> {
    let old = old.trim();
    let digits = old.len() - old.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let (head, tail) = old.split_at(old.len() - digits);
    let n: u64 = tail.parse().ok()?;
    Some(format!("{head}{}", n + 1))
}

/// The comparison of `new` with `old` as the app shows it; `against`
/// names what `old` is.
pub fn comparison(
    old: &Agreement,
    new: &Agreement,
    against: String,
    today: Date,
) -> Result<Comparison, CompareError> {
    let d = diff::compare(old, new).map_err(|e| CompareError::Refused(e.to_string()))?;
    let op = |o: Op| match o {
        Op::Added => "added",
        Op::Removed => "removed",
        Op::Changed => "changed",
    };
    let sections = d
        .sections
        .iter()
        .map(|s| ComparedSection {
            name: s.name.to_owned(),
            changes: s
                .changes
                .iter()
                .take(LISTED)
                .map(|c| ComparedChange {
                    op: op(c.op).to_owned(),
                    line: diff::plain_line(c),
                    pointer: c.pointer.clone(),
                    words: c
                        .words
                        .iter()
                        .map(|w| ComparedWord {
                            op: match w.op {
                                WordOp::Kept => "kept",
                                WordOp::Inserted => "inserted",
                                WordOp::Deleted => "deleted",
                            }
                            .to_owned(),
                            text: w.text.clone(),
                        })
                        .collect(),
                })
                .collect(),
            more: s.changes.len().saturating_sub(LISTED) as u32,
        })
        .collect();
    let entry = (!d.is_empty()).then(|| {
        let (was, is) = (old.document.version.trim(), new.document.version.trim());
        let version = if is.is_empty() || is == was {
            next_version(was).unwrap_or_else(|| is.to_owned())
        } else {
            is.to_owned()
        };
        ChangeEntryDraft {
            version,
            date: today.to_string(),
            summary: diff::entry_summary(&d, IN_ENTRY),
        }
    });
    Ok(Comparison {
        against,
        heading: diff::heading(&d),
        totals: if d.is_empty() {
            "No changes.".to_owned()
        } else {
            diff::totals(&d)
        },
        sections,
        entry,
    })
}

/// The draft being edited, read (a draft with a value not understood yet
/// compares without it).
fn read_draft(draft: &Value) -> Result<Agreement, CompareError> {
    pactwright::file::read_lenient(draft)
        .agreement
        .ok_or_else(|| CompareError::Draft("the draft as a whole".to_owned()))
}

/// Compares the draft with the file at `path`, named `against`.
pub fn with_file(
    draft: &Value,
    path: &Path,
    against: String,
    today: Date,
) -> Result<Comparison, CompareError> {
    let old = pactwright::file::load(path)
        .map_err(|e| CompareError::Unreadable(file_name(path), e.to_string()))?;
    comparison(&old.agreement, &read_draft(draft)?, against, today)
}

/// The earlier saved versions of the open file, newest first.
#[tauri::command(rename_all = "snake_case")]
pub fn compare_versions(state: State<'_, AppState>) -> Vec<SavedVersion> {
    match state.doc().path {
        Some(path) => state.versions().list(&path),
        None => Vec::new(),
    }
}

/// Compares the draft with a file the user picks (`None` when they
/// cancel) or with an earlier saved version of the open file.
#[tauri::command(rename_all = "snake_case")]
pub async fn draft_compare<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: Value,
    with: CompareWith,
) -> Result<Option<Comparison>, CompareError> {
    let today = Date::today();
    match with {
        CompareWith::Version { id } => {
            let file = state.doc().path.ok_or(CompareError::NotSaved)?;
            let path = state
                .versions()
                .path_of(&file, &id)
                .ok_or(CompareError::NoVersion)?;
            let saved = state
                .versions()
                .list(&file)
                .into_iter()
                .find(|v| v.id == id)
                .ok_or(CompareError::NoVersion)?;
            let version = if saved.version.trim().is_empty() {
                "the version".to_owned()
            } else {
                format!("version {}", saved.version.trim())
            };
            let against = format!("{version} of {} saved earlier", file_name(&file));
            with_file(&draft, &path, against, today).map(Some)
        }
        CompareWith::File => {
            let handle = app.clone();
            let picked = tauri::async_runtime::spawn_blocking(move || {
                dialogs::pick_draft(&handle, "Compare with an earlier version")
            })
            .await
            .ok()
            .flatten();
            let Some(path) = picked else {
                return Ok(None);
            };
            let against = file_name(&path);
            tauri::async_runtime::spawn_blocking(move || with_file(&draft, &path, against, today))
                .await
                .map_err(|e| CompareError::Refused(e.to_string()))?
                .map(Some)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::next_version;

    #[test]
    fn the_next_version_counts_on_from_the_last_number() {
        assert_eq!(next_version("2.0").as_deref(), Some("2.1"));
        assert_eq!(next_version("3").as_deref(), Some("4"));
        assert_eq!(next_version("1.9").as_deref(), Some("1.10"));
        assert_eq!(next_version("draft"), None);
        assert_eq!(next_version(""), None);
    }
}

//! File commands. Paths written are always the open document's (held here)
//! or one the user picked in a save dialog; paths read come from a dialog,
//! the recent list, the samples or the command line.

use std::path::{Path, PathBuf};

use pactwright::file;
use pactwright::model::{Agreement, Kind, SCHEMA_VERSION};
use serde_json::Value;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

use super::{FileError, recent, samples};
use crate::dialogs;
use crate::dto::{Interviewed, Opened, Saved, StartInfo};
use crate::state::{AppState, DocState, stamp_bytes, stamp_file};

/// Reads the draft the UI sends back into the model, naming the field when
/// a value cannot be read.
pub fn parse_draft(draft: Value) -> Result<Agreement, FileError> {
    serde_path_to_error::deserialize(draft)
        .map_err(|e| FileError::Invalid(format!("{}: {}", e.path(), e.inner())))
}

/// Opens a draft file and makes it the open document.
pub fn open_path(state: &AppState, path: &Path) -> Result<Opened, FileError> {
    let loaded = file::load(path)?;
    let draft =
        serde_json::to_value(&loaded.agreement).map_err(|e| FileError::Invalid(e.to_string()))?;
    // The text as opened is a version to compare with later (a failure to
    // keep it must not stop the open).
    let _ = state
        .versions()
        .record(path, &file::to_canonical_json(&loaded.agreement));
    state.set_doc(DocState {
        path: Some(path.to_owned()),
        stamp: stamp_file(path),
    });
    state.set_dirty(false);
    // A failure to update the recent list must not stop the open.
    let _ = state.recent().push(path);
    Ok(Opened {
        path: Some(path.display().to_string()),
        name: recent::file_name(path),
        draft,
        migrated_from: (loaded.file_version < SCHEMA_VERSION).then_some(loaded.file_version),
    })
}

/// Saves the draft to `path` through the core (atomic, canonical), unless
/// the file changed on disk since it was opened here and `force` is false.
pub fn save_to(
    state: &AppState,
    path: &Path,
    draft: Value,
    force: bool,
) -> Result<Saved, FileError> {
    let agreement = parse_draft(draft)?;
    let doc = state.doc();
    let same_file = doc.path.as_deref() == Some(path);
    if !force && path.exists() {
        let on_disk = stamp_file(path);
        let changed = if same_file {
            on_disk != doc.stamp
        } else {
            false
        };
        if changed {
            return Err(FileError::ChangedOnDisk(recent::file_name(path)));
        }
    }
    let text = file::to_canonical_json(&agreement);
    file::write_atomic(path, text.as_bytes())?;
    state.set_doc(DocState {
        path: Some(path.to_owned()),
        stamp: Some(stamp_bytes(text.as_bytes())),
    });
    state.set_dirty(false);
    state.recovery().discard();
    let _ = state.recent().push(path);
    let _ = state.versions().record(path, &text);
    Ok(Saved {
        path: path.display().to_string(),
        name: recent::file_name(path),
    })
}

/// A file name for a draft not yet saved, from its title.
pub fn suggested_name(draft: &Value) -> String {
    let title = draft
        .pointer("/document/title")
        .and_then(Value::as_str)
        .unwrap_or("");
    let slug: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "agreement".to_owned()
    } else {
        slug
    };
    format!("{slug}{}", file::EXTENSION)
}

/// What the UI needs at start: the draft named on the command line, a
/// recovery copy, the recent list and the samples.
#[tauri::command(rename_all = "snake_case")]
pub fn app_start(state: State<'_, AppState>) -> StartInfo {
    let (initial, initial_error) = match state.take_initial() {
        Some(p) => match open_path(&state, &p) {
            Ok(o) => (Some(o), None),
            Err(e) => (None, Some(e.to_string())),
        },
        None => (None, None),
    };
    StartInfo {
        initial,
        initial_error,
        recovery: state.recovery().read(),
        recent: state.recent().list(),
        samples: samples::list(),
        e2e: dialogs::is_e2e(),
    }
}

/// The UI reports the window title and whether there are unsaved changes
/// (so closing the window can ask first).
#[tauri::command(rename_all = "snake_case")]
pub fn app_set_state<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    title: String,
    dirty: bool,
) {
    state.set_dirty(dirty);
    let _ = window.set_title(&title);
}

/// Closes the window after the UI asked about unsaved changes.
#[tauri::command(rename_all = "snake_case")]
pub fn app_close<R: Runtime>(window: WebviewWindow<R>, state: State<'_, AppState>) {
    state.set_dirty(false);
    state.recovery().discard();
    let _ = window.destroy();
}

/// A new draft of a kind, from the core's starter.
#[tauri::command(rename_all = "snake_case")]
pub fn file_new(state: State<'_, AppState>, kind: Kind) -> Result<Opened, FileError> {
    let agreement = pactwright::starter::starter(kind);
    state.set_doc(DocState::default());
    state.set_dirty(false);
    Ok(Opened {
        path: None,
        name: "Untitled".to_owned(),
        draft: serde_json::to_value(&agreement).map_err(|e| FileError::Invalid(e.to_string()))?,
        migrated_from: None,
    })
}

/// A new draft filled from the interview's answers by the core, or each
/// answer that cannot be used, in the core's words.
#[tauri::command(rename_all = "snake_case")]
pub fn file_new_from_answers(
    state: State<'_, AppState>,
    answers: pactwright::interview::Answers,
) -> Result<Interviewed, FileError> {
    match pactwright::interview::interview(&answers) {
        Err(errors) => Ok(Interviewed {
            opened: None,
            errors,
        }),
        Ok(agreement) => {
            state.set_doc(DocState::default());
            state.set_dirty(false);
            Ok(Interviewed {
                opened: Some(Opened {
                    path: None,
                    name: "Untitled".to_owned(),
                    draft: serde_json::to_value(&agreement)
                        .map_err(|e| FileError::Invalid(e.to_string()))?,
                    migrated_from: None,
                }),
                errors: Vec::new(),
            })
        }
    }
}

/// "Start from an existing agreement": asks for a draft and opens a copy
/// of it for another consumer and term (the core's `starter::copy_of`),
/// not yet saved; `None` if cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn file_copy_dialog<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<Opened>, FileError> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        dialogs::pick_draft(&app, "Start from an existing agreement")
    })
    .await
    .ok()
    .flatten();
    let Some(path) = picked else {
        return Ok(None);
    };
    let loaded = file::load(&path)?;
    let copy = pactwright::starter::copy_of(&loaded.agreement);
    state.set_doc(DocState::default());
    state.set_dirty(false);
    Ok(Some(Opened {
        path: None,
        name: "Untitled".to_owned(),
        draft: serde_json::to_value(&copy).map_err(|e| FileError::Invalid(e.to_string()))?,
        migrated_from: None,
    }))
}

/// Shows the open dialog and opens the chosen draft; `None` if cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn file_open_dialog<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<Opened>, FileError> {
    let picked = tauri::async_runtime::spawn_blocking(move || dialogs::pick_open(&app))
        .await
        .ok()
        .flatten();
    match picked {
        Some(p) => open_path(&state, &p).map(Some),
        None => Ok(None),
    }
}

/// Opens a file from the recent list.
#[tauri::command(rename_all = "snake_case")]
pub fn file_open_recent(state: State<'_, AppState>, path: String) -> Result<Opened, FileError> {
    let p = PathBuf::from(&path);
    if !state.recent().contains(&p) {
        return Err(FileError::NotAllowed(path));
    }
    open_path(&state, &p)
}

/// Opens a sample as a new, unsaved draft.
#[tauri::command(rename_all = "snake_case")]
pub fn file_open_sample(state: State<'_, AppState>, id: String) -> Result<Opened, FileError> {
    let p = samples::path(&id).ok_or_else(|| FileError::NoSample(id.clone()))?;
    let loaded = file::load(&p)?;
    state.set_doc(DocState::default());
    state.set_dirty(false);
    Ok(Opened {
        path: None,
        name: format!("{id} (sample)"),
        draft: serde_json::to_value(&loaded.agreement)
            .map_err(|e| FileError::Invalid(e.to_string()))?,
        migrated_from: None,
    })
}

/// Saves to the open file, or asks where when it has none; `None` if the
/// user cancelled. Refuses (kind "changed_on_disk") when someone else
/// changed the file, unless `force`.
#[tauri::command(rename_all = "snake_case")]
pub async fn file_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: Value,
    force: bool,
) -> Result<Option<Saved>, FileError> {
    match state.doc().path {
        Some(p) => save_to(&state, &p, draft, force).map(Some),
        None => file_save_as(app, state, draft).await,
    }
}

/// Asks where to save and saves there; `None` if cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn file_save_as<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: Value,
) -> Result<Option<Saved>, FileError> {
    let doc = state.doc();
    let suggested = doc
        .path
        .as_deref()
        .map(recent::file_name)
        .unwrap_or_else(|| suggested_name(&draft));
    let folder = doc
        .path
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_owned);
    let picked = tauri::async_runtime::spawn_blocking(move || {
        dialogs::pick_save(
            &app,
            "Save the agreement",
            &suggested,
            ("Agreement drafts", "json"),
            folder,
        )
    })
    .await
    .ok()
    .flatten();
    match picked {
        // The user chose this path in the dialog (and confirmed any
        // overwrite there), so it is written even if it exists.
        Some(p) => save_to(&state, &p, draft, true).map(Some),
        None => Ok(None),
    }
}

/// Writes the recovery copy of unsaved edits.
#[tauri::command(rename_all = "snake_case")]
pub fn recovery_write(state: State<'_, AppState>, draft: Value) -> Result<(), FileError> {
    let path = state.doc().path.map(|p| p.display().to_string());
    state
        .recovery()
        .write(path, draft)
        .map_err(FileError::AppData)
}

/// Removes the recovery copy (restored or declined).
#[tauri::command(rename_all = "snake_case")]
pub fn recovery_discard(state: State<'_, AppState>) {
    state.recovery().discard();
}

/// Restores the recovery copy: its file (if it had one) becomes the open
/// document again and its draft is returned, still unsaved.
#[tauri::command(rename_all = "snake_case")]
pub fn recovery_restore(state: State<'_, AppState>) -> Result<Option<Opened>, FileError> {
    let Some(copy) = state.recovery().read() else {
        return Ok(None);
    };
    let path = copy.path.as_ref().map(PathBuf::from);
    state.set_doc(DocState {
        stamp: path.as_deref().and_then(stamp_file),
        path: path.clone(),
    });
    state.set_dirty(true);
    Ok(Some(Opened {
        name: path
            .as_deref()
            .map(recent::file_name)
            .unwrap_or_else(|| "Untitled".to_owned()),
        path: copy.path,
        draft: copy.draft,
        migrated_from: None,
    }))
}

//! Export commands.

use std::path::{Path, PathBuf};

use pactwright_typeset as typeset;
use serde_json::Value;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use super::ExportError;
use crate::dialogs;
use crate::dto::{ExportFormat, ExportProgress, Exported};
use crate::engine::engine;
use crate::files::commands::{parse_draft, suggested_name};
use crate::files::recent::file_name;
use crate::state::AppState;

/// The file name for an export of the open document.
fn export_name(state: &AppState, draft: &Value, format: ExportFormat) -> (String, Option<PathBuf>) {
    let doc = state.doc();
    let base = doc
        .path
        .as_deref()
        .map(file_name)
        .unwrap_or_else(|| suggested_name(draft));
    let stem = base
        .strip_suffix(pactwright::file::EXTENSION)
        .unwrap_or(&base)
        .to_owned();
    let ext = extension(format);
    (
        format!("{stem}.{ext}"),
        doc.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned),
    )
}

fn extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Markdown => "md",
        ExportFormat::Html => "html",
        ExportFormat::Openslo => "openslo.yaml",
    }
}

/// Renders and writes an export to `path`, reporting progress.
pub fn write_export(
    draft: Value,
    format: ExportFormat,
    path: &Path,
    progress: &dyn Fn(&str, f32),
) -> Result<Exported, ExportError> {
    progress("Reading the draft", 0.05);
    let agreement = parse_draft(draft).map_err(|e| ExportError::Invalid(e.to_string()))?;
    let engine = engine().map_err(ExportError::Engine)?;
    let render = |e: pactwright::render::RenderError| ExportError::Render(e.to_string());
    let (bytes, pages, warnings) = match format {
        ExportFormat::Markdown => {
            progress("Filling in the template", 0.4);
            (
                engine.markdown(&agreement).map_err(render)?.into_bytes(),
                None,
                Vec::new(),
            )
        }
        ExportFormat::Html => {
            progress("Filling in the template", 0.4);
            (
                engine.html(&agreement).map_err(render)?.into_bytes(),
                None,
                Vec::new(),
            )
        }
        ExportFormat::Openslo => {
            progress("Writing the targets", 0.4);
            let (yaml, skipped) = pactwright::openslo::to_yaml(&agreement);
            if skipped.len() == agreement.service_levels.len() {
                return Err(ExportError::Invalid(if skipped.is_empty() {
                    "the agreement has no service level targets to export".to_owned()
                } else {
                    format!(
                        "none of its targets can be written as OpenSLO: {}",
                        skipped
                            .iter()
                            .map(|s| s.to_string())
                            .collect::<Vec<_>>()
                            .join("; ")
                    )
                }));
            }
            let warnings = skipped.iter().map(|s| s.to_string()).collect();
            (yaml.into_bytes(), None, warnings)
        }
        ExportFormat::Pdf => {
            progress("Laying out the pages", 0.2);
            let laid = engine.layout(&agreement).map_err(render)?;
            progress(&format!("Writing {} pages", laid.layout.pages.len()), 0.7);
            let pdf = typeset::pdf::write_pdf(&laid.layout, &laid.doc.meta)
                .map_err(|e| ExportError::Render(e.to_string()))?;
            let warnings = laid.layout.warnings.iter().map(|w| w.to_string()).collect();
            (pdf, Some(laid.layout.pages.len() as u32), warnings)
        }
    };
    progress("Saving", 0.9);
    pactwright::file::write_atomic(path, &bytes)?;
    progress("Done", 1.0);
    Ok(Exported {
        path: path.display().to_string(),
        name: file_name(path),
        pages,
        bytes: bytes.len() as u64,
        warnings,
    })
}

/// Asks where to export, then renders and writes; `None` if cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: Value,
    format: ExportFormat,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<Exported>, ExportError> {
    let (name, folder) = export_name(&state, &draft, format);
    // The dialog filters by the last extension ("yaml" of "openslo.yaml").
    let ext = extension(format).rsplit('.').next().unwrap_or("");
    let handle = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        let filter = match format {
            ExportFormat::Pdf => "PDF document",
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Html => "HTML page",
            ExportFormat::Openslo => "OpenSLO YAML",
        };
        dialogs::pick_save(
            &handle,
            "Export the agreement",
            &name,
            (filter, ext),
            folder,
        )
    })
    .await
    .ok()
    .flatten();
    let Some(path) = picked else {
        return Ok(None);
    };
    let target = path.clone();
    let result = tauri::async_runtime::spawn_blocking(move || {
        pactwright::failure::catch(|| {
            write_export(draft, format, &target, &|stage, fraction| {
                let _ = on_progress.send(ExportProgress {
                    stage: stage.to_owned(),
                    fraction,
                });
            })
        })
    })
    .await
    .map_err(|e| ExportError::Failed(e.to_string()))?
    .map_err(|f| ExportError::Failed(f.to_string()))??;
    app.state::<AppState>().add_exported(path);
    Ok(Some(result))
}

/// The path of a file exported in this session; any other path is refused,
/// so the webview cannot open arbitrary files.
fn exported(state: &AppState, path: &str) -> Result<PathBuf, ExportError> {
    let p = PathBuf::from(path);
    if state.was_exported(&p) {
        Ok(p)
    } else {
        Err(ExportError::NotExported(path.to_owned()))
    }
}

/// Opens an exported file with the system's default application.
#[tauri::command(rename_all = "snake_case")]
pub fn export_open(state: State<'_, AppState>, path: String) -> Result<(), ExportError> {
    let p = exported(&state, &path)?;
    super::open::open(&p).map_err(|e| ExportError::Open(path.clone(), e))
}

/// Shows an exported file in its folder.
#[tauri::command(rename_all = "snake_case")]
pub fn export_reveal(state: State<'_, AppState>, path: String) -> Result<(), ExportError> {
    let p = exported(&state, &path)?;
    super::open::reveal(&p).map_err(|e| ExportError::Open(path.clone(), e))
}

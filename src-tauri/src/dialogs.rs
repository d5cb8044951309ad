//! Native open and save dialogs, shown by the shell (never by the webview),
//! so every path the app reads or writes was chosen by the user here, came
//! from the recent list or the command line, or is a sample.
//!
//! Test builds only (`--features e2e`): when `PACTWRIGHT_E2E_DIR` is set,
//! no dialog is shown; "save" picks the suggested name in that folder and
//! "open" picks the newest draft there. WebDriver cannot drive native
//! dialogs; release builds do not contain this code.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Asks for a draft to open.
pub fn pick_open<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    pick_draft(app, "Open an agreement")
}

/// Asks for a draft file to read, under `title`.
pub fn pick_draft<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    #[cfg(feature = "e2e")]
    if let Some(dir) = e2e_dir() {
        let _ = title;
        return newest_draft(&dir);
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter("Agreement drafts", &["json"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks where to save, suggesting a file name.
pub fn pick_save<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    suggested: &str,
    filter: (&str, &str),
    folder: Option<PathBuf>,
) -> Option<PathBuf> {
    #[cfg(feature = "e2e")]
    if let Some(dir) = e2e_dir() {
        let _ = (title, &folder, filter);
        return Some(dir.join(suggested));
    }
    let mut dialog = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(filter.0, &[filter.1]);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    dialog.blocking_save_file().and_then(|p| p.into_path().ok())
}

/// Whether dialogs are replaced for end-to-end tests.
pub fn is_e2e() -> bool {
    #[cfg(feature = "e2e")]
    {
        e2e_dir().is_some()
    }
    #[cfg(not(feature = "e2e"))]
    {
        false
    }
}

#[cfg(feature = "e2e")]
fn e2e_dir() -> Option<PathBuf> {
    std::env::var_os("PACTWRIGHT_E2E_DIR").map(PathBuf::from)
}

#[cfg(feature = "e2e")]
fn newest_draft(dir: &std::path::Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(pactwright::file::EXTENSION))
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
}

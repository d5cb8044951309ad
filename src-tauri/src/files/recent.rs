//! The recent-files list, kept in the app-data folder. It is also the list
//! of paths the webview may ask to reopen without a dialog.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::dto::RecentFile;
use crate::state::lock;

/// How many files the list keeps.
pub const MAX_RECENT: usize = 8;

/// The recent-files list.
#[derive(Debug)]
pub struct Recent {
    file: PathBuf,
    guard: Mutex<()>,
}

impl Recent {
    /// A list stored in `file`.
    pub fn new(file: PathBuf) -> Self {
        Recent {
            file,
            guard: Mutex::new(()),
        }
    }

    /// The paths, newest first.
    pub fn paths(&self) -> Vec<PathBuf> {
        let _g = lock(&self.guard);
        self.read()
    }

    fn read(&self) -> Vec<PathBuf> {
        std::fs::read(&self.file)
            .ok()
            .and_then(|b| serde_json::from_slice::<Vec<PathBuf>>(&b).ok())
            .unwrap_or_default()
    }

    /// Puts a path at the top of the list.
    pub fn push(&self, path: &Path) -> Result<(), String> {
        let _g = lock(&self.guard);
        let mut list = self.read();
        list.retain(|p| p != path);
        list.insert(0, path.to_owned());
        list.truncate(MAX_RECENT);
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let text = serde_json::to_vec_pretty(&list).map_err(|e| e.to_string())?;
        pactwright::file::write_atomic(&self.file, &text).map_err(|e| e.to_string())
    }

    /// Whether a path is on the list.
    pub fn contains(&self, path: &Path) -> bool {
        self.paths().iter().any(|p| p == path)
    }

    /// The list as the start screen shows it.
    pub fn list(&self) -> Vec<RecentFile> {
        self.paths().iter().map(|p| describe(p)).collect()
    }
}

/// Larger files are not read for their title (the list stays quick).
const MAX_PEEK_BYTES: u64 = 4 * 1024 * 1024;

/// The title, kind and reference of the agreement in a file, read loosely
/// (a file that cannot be read, or has none, shows by its name).
fn peek(p: &Path) -> (Option<String>, Option<String>, Option<String>) {
    let small = std::fs::metadata(p).is_ok_and(|m| m.len() <= MAX_PEEK_BYTES);
    let value = small
        .then(|| std::fs::read(p).ok())
        .flatten()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok());
    let text = |ptr: &str| {
        value
            .as_ref()
            .and_then(|v| v.pointer(ptr))
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    (
        text("/document/title"),
        text("/document/kind"),
        text("/document/reference"),
    )
}

/// A path as the UI shows it.
pub fn describe(p: &Path) -> RecentFile {
    let (title, kind, reference) = peek(p);
    let modified_ms = std::fs::metadata(p)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_millis() as f64);
    RecentFile {
        title,
        kind,
        reference,
        modified_ms,
        path: p.display().to_string(),
        name: file_name(p),
        folder: p
            .parent()
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
        exists: p.is_file(),
    }
}

/// The file name of a path, for titles.
pub fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

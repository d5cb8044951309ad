//! The recovery copy: while there are unsaved changes the UI sends the
//! draft every few seconds and it is written (atomically) to the app-data
//! folder; a clean save, discard or close removes it. If it is there at
//! start, the last session ended without saving and the UI offers it back.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::dto::Recovery;

/// Where the recovery copy lives.
#[derive(Debug)]
pub struct RecoveryStore {
    file: PathBuf,
}

impl RecoveryStore {
    /// A store at `file`.
    pub fn new(file: PathBuf) -> Self {
        RecoveryStore { file }
    }

    /// Writes the copy.
    pub fn write(&self, path: Option<String>, draft: Value) -> Result<(), String> {
        let saved_at_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0);
        let copy = Recovery {
            path,
            saved_at_ms,
            draft,
        };
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let bytes = serde_json::to_vec(&copy).map_err(|e| e.to_string())?;
        pactwright::file::write_atomic(&self.file, &bytes).map_err(|e| e.to_string())
    }

    /// The copy, if a session left one.
    pub fn read(&self) -> Option<Recovery> {
        let bytes = std::fs::read(&self.file).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Removes the copy.
    pub fn discard(&self) {
        let _ = std::fs::remove_file(&self.file);
    }
}

//! The app's background work, in one place. Each edit reaches the shell
//! once (`draft_update`) and lands in a watch channel that only ever holds
//! the latest draft. Tokio tasks fed by that channel run the checks, lay
//! out the preview, work out the downtime budgets and keep the recovery
//! copy; one more watches the open file on disk. Each pushes what it found
//! to the UI as a `work` event ([`WorkEvent`]). A task busy with an older
//! draft finishes it, then takes the newest: the drafts typed in between
//! are never worked on, and results arrive in the order of the edits.

pub mod event;
mod tasks;

use std::sync::{Arc, OnceLock};

use serde_json::Value;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tokio::sync::watch;

pub use event::{TargetBudgetOf, WorkEvent};

/// The name of the event every result is pushed as.
pub const EVENT: &str = "work";

/// One edit of the draft.
#[derive(Debug)]
pub struct Edit {
    /// The UI's number for it; increases with every edit, also across
    /// documents, so the UI can tell a result for a document it has left.
    pub id: u64,
    /// The draft after the edit.
    pub draft: Value,
    /// The draft read leniently, once, by whichever task needs it first.
    read: OnceLock<pactwright::file::Lenient>,
}

impl Edit {
    /// An edit of the draft.
    pub fn new(id: u64, draft: Value) -> Self {
        Edit {
            id,
            draft,
            read: OnceLock::new(),
        }
    }

    /// The draft read leniently (values that cannot be read yet set aside).
    pub fn read(&self) -> &pactwright::file::Lenient {
        self.read
            .get_or_init(|| pactwright::file::read_lenient(&self.draft))
    }
}

/// The latest edit, managed by Tauri; its receivers feed the tasks.
#[derive(Debug)]
pub struct Work {
    latest: watch::Sender<Option<Arc<Edit>>>,
}

impl Work {
    /// Starts the tasks on Tauri's async runtime; they end when the app
    /// does.
    pub fn start<R: Runtime>(app: &AppHandle<R>) -> Self {
        let (latest, _) = watch::channel(None);
        tasks::start(app, &latest);
        Work { latest }
    }

    /// Hands an edit to the tasks, replacing any edit they have not taken
    /// yet.
    pub fn update(&self, edit: Edit) {
        self.latest.send_replace(Some(Arc::new(edit)));
    }
}

/// Pushes a result to the UI.
fn emit<R: Runtime>(app: &AppHandle<R>, event: &WorkEvent) {
    let _ = app.emit(EVENT, event);
}

/// The draft after an edit: checked, laid out, budgeted and kept as a
/// recovery copy in the background, the results pushed as `work` events.
/// Returns at once.
#[tauri::command(rename_all = "snake_case")]
pub fn draft_update(work: State<'_, Work>, edit: u64, draft: Value) {
    work.update(Edit::new(edit, draft));
}

/// Registers the shell's state and starts the background work.
pub fn manage<R: Runtime>(app: &AppHandle<R>, state: crate::AppState) {
    app.manage(state);
    app.manage(Work::start(app));
}

//! The window-less test host shared by the app's integration tests: the
//! command handlers on Tauri's mock runtime, through the same IPC layer the
//! webview uses, with the real configuration and capabilities.

#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::sync::mpsc;
use std::time::Duration;

use pactwright_app::AppState;
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{Listener, Manager};

pub struct Host {
    pub _app: tauri::App<MockRuntime>,
    pub webview: tauri::WebviewWindow<MockRuntime>,
    pub dir: tempfile::TempDir,
    /// Every `work` event, as pushed to the UI.
    events: mpsc::Receiver<Value>,
    /// Events received while waiting for another.
    pending: RefCell<Vec<Value>>,
    /// The last edit number handed out.
    edit: Cell<u64>,
}

/// How long a test waits for a result of the background work (a debug
/// build laying out a 50,000-deep clause body on a busy machine).
const PATIENCE: Duration = Duration::from_secs(120);

pub fn host() -> Host {
    // The app's own runtime (its threads' stack), as in `run`.
    pactwright_app::runtime::install();
    let dir = tempfile::tempdir().expect("temp dir");
    let app = pactwright_app::with_commands(mock_builder())
        // The real configuration and capabilities: commands are allowed (or
        // not) exactly as in the app.
        .build(tauri::generate_context!("../tauri.conf.json"))
        .expect("mock app");
    let (tx, events) = mpsc::channel();
    app.listen_any(pactwright_app::work::EVENT, move |event| {
        let _ = tx.send(serde_json::from_str(event.payload()).expect("event payload"));
    });
    pactwright_app::work::manage(
        app.handle(),
        AppState::new(dir.path().join("app-data"), None),
    );
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("mock window");
    Host {
        _app: app,
        webview,
        dir,
        events,
        pending: RefCell::new(Vec::new()),
        edit: Cell::new(0),
    }
}

impl Host {
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().expect("url"),
                body: tauri::ipc::InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|r| r.deserialize::<Value>().expect("json response"))
    }

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        match self.call(cmd, args) {
            Ok(v) => v,
            Err(e) => panic!("{cmd} failed: {e}"),
        }
    }

    /// Hands the draft to the background work as the next edit, as the UI
    /// does on every change; returns the edit's number.
    pub fn update(&self, draft: &Value) -> u64 {
        let edit = self.edit.get() + 1;
        self.edit.set(edit);
        self.ok("draft_update", json!({ "edit": edit, "draft": draft }));
        edit
    }

    /// The first `work` event of `kind` (e.g. "laid") for edit `edit` or a
    /// later one; events of other kinds are kept for later calls.
    pub fn next(&self, kind: &str, edit: u64) -> Value {
        let matches = |e: &Value| e["kind"] == kind && e["edit"].as_u64().unwrap_or(0) >= edit;
        let mut pending = self.pending.borrow_mut();
        if let Some(i) = pending.iter().position(matches) {
            return pending.remove(i);
        }
        loop {
            let event = self
                .events
                .recv_timeout(PATIENCE)
                .unwrap_or_else(|_| panic!("no {kind} event for edit {edit}; had {pending:?}"));
            if matches(&event) {
                return event;
            }
            pending.push(event);
        }
    }

    /// Every event received so far, without waiting.
    pub fn drain(&self) -> Vec<Value> {
        let mut all = std::mem::take(&mut *self.pending.borrow_mut());
        all.extend(self.events.try_iter());
        all
    }

    /// The first event of `kind` of any edit (e.g. "changed_on_disk").
    pub fn next_of(&self, kind: &str) -> Value {
        self.next(kind, 0)
    }

    pub fn state(&self) -> tauri::State<'_, AppState> {
        self.webview.state::<AppState>()
    }
}

pub fn new_sla(h: &Host) -> Value {
    let opened = h.ok("file_new", json!({ "kind": "sla" }));
    assert_eq!(opened["path"], Value::Null);
    opened["draft"].clone()
}

//! The window-less test host shared by the app's integration tests: the
//! command handlers on Tauri's mock runtime, through the same IPC layer the
//! webview uses, with the real configuration and capabilities.

#![allow(dead_code)]

use pactwright_app::AppState;
use serde_json::{Value, json};
use tauri::Manager;
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

pub struct Host {
    pub _app: tauri::App<MockRuntime>,
    pub webview: tauri::WebviewWindow<MockRuntime>,
    pub dir: tempfile::TempDir,
}

pub fn host() -> Host {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = pactwright_app::with_commands(mock_builder())
        // The real configuration and capabilities: commands are allowed (or
        // not) exactly as in the app.
        .build(tauri::generate_context!("../tauri.conf.json"))
        .expect("mock app");
    app.manage(AppState::new(dir.path().join("app-data"), None));
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("mock window");
    Host {
        _app: app,
        webview,
        dir,
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

    pub fn state(&self) -> tauri::State<'_, AppState> {
        self.webview.state::<AppState>()
    }
}

pub fn new_sla(h: &Host) -> Value {
    let opened = h.ok("file_new", json!({ "kind": "sla" }));
    assert_eq!(opened["path"], Value::Null);
    opened["draft"].clone()
}

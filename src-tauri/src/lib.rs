//! The desktop shell: a thin Tauri 2 adapter over the Tauri-free
//! `pactwright` core. Commands are grouped by concern (files, checks,
//! preview, export); each group has its own error type, serialized only at
//! the IPC edge ([`ipc::IpcError`]). The shell holds the state the webview
//! must not: which file is open, where it may be saved, what was exported.

pub mod checks;
pub mod compare;
pub mod dialogs;
pub mod dto;
pub mod engine;
pub mod export;
pub mod files;
pub mod ipc;
pub mod preview;
pub mod runtime;
pub mod state;
pub mod work;

use tauri::{Emitter, Manager, Runtime};

pub use state::AppState;

/// Registers the commands and the state on a builder. Used by [`run`] and by
/// the window-less test host.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        files::commands::app_start,
        files::commands::app_set_state,
        files::commands::app_close,
        files::commands::file_new,
        files::commands::file_open_dialog,
        files::commands::file_open_recent,
        files::commands::file_open_sample,
        files::commands::file_save,
        files::commands::file_save_as,
        files::commands::recovery_write,
        files::commands::recovery_discard,
        files::commands::recovery_restore,
        work::draft_update,
        checks::approve::draft_approve,
        checks::approve::draft_return_to_draft,
        checks::holidays::draft_public_holidays,
        preview::commands::preview_page,
        files::commands::file_new_from_answers,
        files::commands::file_copy_dialog,
        compare::compare_versions,
        compare::draft_compare,
        preview::commands::preview_locate,
        preview::commands::preview_field_at,
        export::commands::export_document,
        export::commands::export_open,
        export::commands::export_reveal,
    ])
}

/// Makes the window (its default or remembered size) fit the screen it is
/// on: on a screen smaller than the default 1360 x 860 (a 1024 x 700
/// laptop), it fills the work area instead of spilling off it.
fn fit_to_screen<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    let (Ok(Some(monitor)), Ok(outer), Ok(inner)) = (
        window.current_monitor(),
        window.outer_size(),
        window.inner_size(),
    ) else {
        return;
    };
    // Without a window manager (Xvfb) the work area is empty: use the screen.
    let work = monitor.work_area();
    let (size, position) = if work.size.width == 0 || work.size.height == 0 {
        (*monitor.size(), *monitor.position())
    } else {
        (work.size, work.position)
    };
    let area = tauri::PhysicalRect { size, position };
    // The frame (title bar, borders) around the web view.
    let frame_w = outer.width.saturating_sub(inner.width);
    let frame_h = outer.height.saturating_sub(inner.height);
    if outer.width <= area.size.width && outer.height <= area.size.height {
        return;
    }
    let width = inner.width.min(area.size.width.saturating_sub(frame_w));
    let height = inner.height.min(area.size.height.saturating_sub(frame_h));
    let _ = window.set_size(tauri::PhysicalSize::new(width, height));
    let _ = window.set_position(tauri::PhysicalPosition::new(
        area.position.x,
        area.position.y,
    ));
}

/// Starts the app. The first command-line argument, if any, is a draft to
/// open at start.
pub fn run() {
    runtime::trace_start("main");
    runtime::install();
    let initial = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init());
    let result = with_commands(builder)
        .setup(move |app| {
            let data_dir = app.path().app_data_dir()?;
            work::manage(app.handle(), AppState::new(data_dir, initial.clone()));
            if let Some(window) = app.get_webview_window("main") {
                fit_to_screen(&window);
            }
            Ok(())
        })
        .on_page_load(|_, page| {
            runtime::trace_start(match page.event() {
                tauri::webview::PageLoadEvent::Started => "page load started",
                tauri::webview::PageLoadEvent::Finished => "page load finished",
            });
            // The templates compile and the fonts load once the UI has
            // loaded, so the first preview does not wait for them. Not
            // sooner: on two cores that work delays the web view's start.
            if page.event() == tauri::webview::PageLoadEvent::Finished {
                static ONCE: std::sync::Once = std::sync::Once::new();
                ONCE.call_once(|| {
                    tauri::async_runtime::spawn_blocking(|| drop(engine::engine()));
                });
            }
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                if state.is_dirty() {
                    // The UI asks the user, then calls `app_close`.
                    api.prevent_close();
                    let _ = window.emit("close-requested", ());
                } else {
                    state.recovery().discard();
                }
            }
        })
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = result {
        eprintln!("pactwright-app: {e}");
        std::process::exit(1);
    }
}

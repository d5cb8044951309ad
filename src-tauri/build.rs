//! Builds the shell with the one configuration at the repository root and
//! a permission per command, so capabilities/default.json can grant
//! exactly the commands the UI uses.

use std::path::Path;

const COMMANDS: &[&str] = &[
    "app_start",
    "app_set_state",
    "app_close",
    "file_new",
    "file_open_dialog",
    "file_open_recent",
    "file_open_sample",
    "file_save",
    "file_save_as",
    "recovery_write",
    "recovery_discard",
    "recovery_restore",
    "draft_update",
    "draft_approve",
    "draft_return_to_draft",
    "draft_public_holidays",
    "preview_page",
    "file_new_from_answers",
    "file_copy_dialog",
    "compare_versions",
    "draft_compare",
    "preview_locate",
    "preview_field_at",
    "export_document",
    "export_open",
    "export_reveal",
];

fn main() {
    // The UI is embedded at compile time from ui/dist. When it has not been
    // built (`npm --prefix ui run build`), embed a page that says so, so the
    // workspace still builds and tests without Node.
    // Read at run time, not with env!(): a build script compiled for one
    // checkout can be reused by another at a different path.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
    let dist = Path::new(&manifest).join("../ui/dist");
    if !dist.join("index.html").exists() {
        let _ = std::fs::create_dir_all(&dist);
        let _ = std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>Pactwright</title><p>The user interface has not been built: run <code>npm --prefix ui ci &amp;&amp; npm --prefix ui run build</code>, then build the app again.</p>\n",
        );
    }
    println!("cargo:rerun-if-changed=../ui/dist");
    println!("cargo:rerun-if-changed=../tauri.conf.json");
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        println!("cargo:warning=tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}

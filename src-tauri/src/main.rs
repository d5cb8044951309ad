//! The Pactwright desktop app. `pactwright-app [DRAFT]` opens a draft at
//! start.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The same allocator as the command line: the preview lays the whole
/// draft out on every edit, which makes and frees many small buffers.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    pactwright_app::run();
}

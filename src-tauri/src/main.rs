//! The Pactwright desktop app. `pactwright-app [DRAFT]` opens a draft at
//! start.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    pactwright_app::run();
}

//! Pactwright's agreement engine: the model of a service agreement, its
//! draft files, the reviewer's checks and the downtime arithmetic. It has no
//! Tauri dependency; the command line and the desktop app are thin adapters
//! over it.

#![recursion_limit = "256"]

pub mod approval;
pub mod checks;
pub mod diff;
pub mod downtime;
pub mod failure;
pub mod file;
pub mod interview;
pub mod locate;
pub mod migrate;
pub mod model;
pub mod openslo;
pub mod render;
pub mod schema;
pub mod starter;
pub mod synthetic;
pub mod units;

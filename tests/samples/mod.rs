//! The bundled samples, loaded, for the tests that read every one.

use std::path::PathBuf;

use pactwright::model::Agreement;

/// Every `samples/*.agreement.json`, sorted, with its file name.
pub fn samples() -> Vec<(String, Agreement)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut list: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".agreement.json"))
        .collect();
    list.sort();
    list.into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, pactwright::file::load(&p).unwrap().agreement)
        })
        .collect()
}

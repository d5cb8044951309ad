//! The sample drafts: `PACTWRIGHT_SAMPLES`, else where the Debian package
//! puts them (`../share/pactwright/samples` from the executable, so an
//! unpacked package works from any folder), else the repository's
//! `samples/` folder in a checkout. Opened as untitled drafts, so saving
//! one asks where.

use std::path::PathBuf;

use crate::dto::Sample;

/// The samples folder, if there is one.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("PACTWRIGHT_SAMPLES") {
        return Some(PathBuf::from(d));
    }
    let exe = std::env::current_exe().ok();
    let mut candidates = Vec::new();
    if let Some(prefix) = exe.as_ref().and_then(|e| e.parent()?.parent()) {
        candidates.push(prefix.join("share/pactwright/samples"));
    }
    candidates.push(PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../samples"
    )));
    if let Some(exe) = &exe {
        candidates.extend(exe.ancestors().skip(1).take(4).map(|a| a.join("samples")));
    }
    candidates.into_iter().find(|d| d.is_dir())
}

/// The samples, sorted by id.
pub fn list() -> Vec<Sample> {
    let Some(dir) = dir() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<Sample> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_owned();
            let id = name.strip_suffix(pactwright::file::EXTENSION)?.to_owned();
            let loaded = pactwright::file::load(&p).ok()?;
            let d = loaded.agreement.document;
            Some(Sample {
                id,
                title: d.title,
                kind: d.kind.title().to_owned(),
                code: d.kind.code().to_owned(),
                reference: d.reference,
            })
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The file of a sample id; `None` for anything that is not a sample's id.
pub fn path(id: &str) -> Option<PathBuf> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let p = dir()?.join(format!("{id}{}", pactwright::file::EXTENSION));
    p.is_file().then_some(p)
}

//! Earlier saved versions of a draft, for "Compare with…": each text a
//! file had when it was opened or saved here is kept in the app-data
//! folder (one folder per file, the newest [`KEEP`] texts), so the user
//! can see what changed since any of them without having kept copies.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::dto::SavedVersion;

/// How many versions are kept per file.
pub const KEEP: usize = 30;

/// Where the versions live.
#[derive(Debug)]
pub struct VersionStore {
    root: PathBuf,
}

/// A stable 64-bit FNV-1a hash (the folder's name must not change with
/// the compiler, as `DefaultHasher`'s may).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

impl VersionStore {
    /// A store in folder `root`.
    pub fn new(root: PathBuf) -> Self {
        VersionStore { root }
    }

    /// The folder of `file`'s versions: its name and a hash of its path.
    fn folder(&self, file: &Path) -> PathBuf {
        let name: String = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .take(60)
            .collect();
        let hash = fnv1a(file.as_os_str().as_encoded_bytes());
        self.root.join(format!("{name}-{hash:016x}"))
    }

    /// The kept texts of `file`, newest first: (id, saved at, path).
    fn entries(&self, file: &Path) -> Vec<(u64, PathBuf)> {
        let Ok(dir) = std::fs::read_dir(self.folder(file)) else {
            return Vec::new();
        };
        let mut out: Vec<(u64, PathBuf)> = dir
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let ms = name.strip_suffix(".agreement.json")?.parse().ok()?;
                Some((ms, e.path()))
            })
            .collect();
        out.sort_by_key(|e| std::cmp::Reverse(e.0));
        out
    }

    /// Keeps `text` as a version of `file` (not when it is the newest kept
    /// already), and lets go of the oldest beyond [`KEEP`].
    pub fn record(&self, file: &Path, text: &str) -> Result<(), String> {
        let entries = self.entries(file);
        if let Some((_, newest)) = entries.first()
            && std::fs::read_to_string(newest).is_ok_and(|t| t == text)
        {
            return Ok(());
        }
        let dir = self.folder(file);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        // Two saves in one millisecond keep both.
        let mut ms = now_ms();
        if let Some((last, _)) = entries.first() {
            ms = ms.max(last + 1);
        }
        let path = dir.join(format!("{ms}.agreement.json"));
        pactwright::file::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
        for (_, old) in entries.iter().skip(KEEP - 1) {
            let _ = std::fs::remove_file(old);
        }
        Ok(())
    }

    /// The kept versions of `file`, newest first, described by what they
    /// say of themselves (a text that no longer reads is left out).
    pub fn list(&self, file: &Path) -> Vec<SavedVersion> {
        self.entries(file)
            .into_iter()
            .filter_map(|(ms, path)| {
                let loaded = pactwright::file::load(&path).ok()?;
                let d = &loaded.agreement.document;
                Some(SavedVersion {
                    id: ms.to_string(),
                    saved_at_ms: ms,
                    version: d.version.clone(),
                    status: d.status.label().to_owned(),
                    title: d.title.clone(),
                })
            })
            .collect()
    }

    /// The file of version `id` of `file`, if it is kept.
    pub fn path_of(&self, file: &Path, id: &str) -> Option<PathBuf> {
        let ms: u64 = id.parse().ok()?;
        self.entries(file)
            .into_iter()
            .find(|(m, _)| *m == ms)
            .map(|(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_each_different_text_once_newest_first_and_at_most_keep() {
        let dir = tempfile::tempdir().expect("temp");
        let store = VersionStore::new(dir.path().join("versions"));
        let file = dir.path().join("desk.agreement.json");
        store.record(&file, "one").expect("record");
        store.record(&file, "one").expect("record");
        store.record(&file, "two").expect("record");
        let kept = store.entries(&file);
        assert_eq!(kept.len(), 2);
        assert_eq!(std::fs::read_to_string(&kept[0].1).expect("read"), "two");
        for i in 0..KEEP + 5 {
            store.record(&file, &format!("text {i}")).expect("record");
        }
        assert_eq!(store.entries(&file).len(), KEEP);
        // Another file's versions are apart.
        assert!(
            store
                .entries(&dir.path().join("other.agreement.json"))
                .is_empty()
        );
        assert_eq!(store.path_of(&file, "not a number"), None);
    }
}

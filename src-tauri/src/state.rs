//! What the shell remembers between commands: the open file and the content
//! it had on disk, whether there are unsaved changes, the recent list, the
//! recovery copy, the files exported this session and the last layout.
//! The webview never names a path to write; it asks for "the open file".

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::files::{recent::Recent, recovery::RecoveryStore, versions::VersionStore};
use crate::preview::PreviewCache;

/// The open document.
#[derive(Debug, Default, Clone)]
pub struct DocState {
    /// Its file, once saved or opened.
    pub path: Option<PathBuf>,
    /// A hash of the file's bytes when it was opened or last saved, to
    /// notice changes made by someone else.
    pub stamp: Option<u64>,
}

/// The shell's state, managed by Tauri.
#[derive(Debug)]
pub struct AppState {
    data_dir: PathBuf,
    initial: Mutex<Option<PathBuf>>,
    doc: Mutex<DocState>,
    dirty: AtomicBool,
    recent: Recent,
    recovery: RecoveryStore,
    versions: VersionStore,
    exported: Mutex<Vec<PathBuf>>,
    /// The last layout, for `preview_page`.
    pub preview: Mutex<PreviewCache>,
}

impl AppState {
    /// State keeping its files (recent list, recovery copy) in `data_dir`;
    /// `initial` is the draft named on the command line.
    pub fn new(data_dir: PathBuf, initial: Option<PathBuf>) -> Self {
        AppState {
            recent: Recent::new(data_dir.join("recent.json")),
            recovery: RecoveryStore::new(data_dir.join("recovery.json")),
            versions: VersionStore::new(data_dir.join("versions")),
            data_dir,
            initial: Mutex::new(initial),
            doc: Mutex::new(DocState::default()),
            dirty: AtomicBool::new(false),
            exported: Mutex::new(Vec::new()),
            preview: Mutex::new(PreviewCache::default()),
        }
    }

    /// The earlier saved versions of files.
    pub fn versions(&self) -> &VersionStore {
        &self.versions
    }

    /// The app-data folder.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The draft named on the command line; given out once.
    pub fn take_initial(&self) -> Option<PathBuf> {
        lock(&self.initial).take()
    }

    /// The open document.
    pub fn doc(&self) -> DocState {
        lock(&self.doc).clone()
    }

    /// Replaces the open document.
    pub fn set_doc(&self, doc: DocState) {
        *lock(&self.doc) = doc;
    }

    /// Whether the UI has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.dirty.load(Ordering::SeqCst)
    }

    /// Set by the UI whenever its unsaved state changes.
    pub fn set_dirty(&self, dirty: bool) {
        self.dirty.store(dirty, Ordering::SeqCst);
    }

    /// The recent-files list.
    pub fn recent(&self) -> &Recent {
        &self.recent
    }

    /// The recovery copy.
    pub fn recovery(&self) -> &RecoveryStore {
        &self.recovery
    }

    /// Remembers a file written by an export, so it may be opened later.
    pub fn add_exported(&self, path: PathBuf) {
        lock(&self.exported).push(path);
    }

    /// Whether the app exported this file in this session.
    pub fn was_exported(&self, path: &Path) -> bool {
        lock(&self.exported).iter().any(|p| p == path)
    }
}

/// Locks a mutex, recovering the data if a panicking thread poisoned it.
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A hash of a file's content.
pub fn stamp_bytes(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// The hash of a file's current content, `None` when it cannot be read.
pub fn stamp_file(path: &Path) -> Option<u64> {
    std::fs::read(path).ok().map(|b| stamp_bytes(&b))
}

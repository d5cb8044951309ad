//! Draft files: reading `NAME.agreement.json` with errors that say what,
//! where and how to fix it; migrating older schema versions; refusing newer
//! ones; and saving atomically in one canonical, byte-stable form. A draft
//! being typed (JSON in the app) is read leniently instead (`lenient.rs`).

pub(crate) mod lenient;

pub use lenient::{Lenient, read_lenient};

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::model::{Agreement, SCHEMA_VERSION};

/// Drafts larger than this are refused: a real agreement is a few hundred
/// kilobytes at most, and a larger file is almost certainly the wrong file.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The file name suffix of drafts.
pub const EXTENSION: &str = ".agreement.json";

/// Why a draft could not be read. Each variant carries where it happened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The operating system refused to read it.
    #[error("{path}: cannot read the file: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The path is a folder.
    #[error("{path}: is a folder, not a draft file; give the path of a .agreement.json file")]
    IsDirectory {
        /// The path.
        path: PathBuf,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error(
        "{path}: the file is {size} bytes, over the limit of {limit} bytes for a draft; check that this is the right file"
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file has no content.
    #[error(
        "{path}: the file is empty; a draft is a JSON object with \"schema_version\" and \"document\" (create one with `pactwright new --kind sla FILE`)"
    )]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The bytes are not UTF-8 text.
    #[error(
        "{path}:{line}:{column}: the file is not UTF-8 text (invalid byte 0x{byte:02X} at offset {offset}); save it as UTF-8 and try again"
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the bad byte.
        line: usize,
        /// 1-based column (in characters) of the bad byte.
        column: usize,
        /// Byte offset of the bad byte.
        offset: usize,
        /// The bad byte.
        byte: u8,
    },
    /// The JSON syntax is broken.
    #[error("{path}:{line}:{column}: invalid JSON: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON parser says.
        message: String,
    },
    /// The schema version is missing or not a number.
    #[error(
        "{path}: field `schema_version` {problem}; a draft starts with \"schema_version\": {current}"
    )]
    BadVersion {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
        /// The version this build writes.
        current: u32,
    },
    /// The file is from a newer Pactwright.
    #[error(
        "{path}: field `schema_version` is {found}, but this Pactwright reads versions up to {supported}; open it with a newer Pactwright (the file was not changed)"
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A field has the wrong type, an unknown name or a bad value.
    #[error("{path}{location}: field `{field}`: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// `":line:column"` when known, else empty.
        location: Location,
        /// The dotted path of the field, e.g. `support.priorities[0].response`.
        field: String,
        /// What is wrong.
        message: String,
    },
}

/// A `:line:column` suffix, empty when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Location(pub Option<(usize, usize)>);

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some((line, column)) => write!(f, ":{line}:{column}"),
            None => Ok(()),
        }
    }
}

/// Why a draft could not be saved. The original file is untouched.
#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot save: {source}; the previous file (if any) is unchanged")]
pub struct SaveError {
    /// The file.
    pub path: PathBuf,
    /// The cause.
    pub source: std::io::Error,
}

/// A draft read from disk, with notes about what was adjusted on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The agreement.
    pub agreement: Agreement,
    /// The schema version the file had (older ones were migrated).
    pub file_version: u32,
}

/// Reads and parses a draft file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_owned(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    parse_bytes(path, &bytes)
}

/// Parses a draft from bytes; `path` is used in messages only.
///
/// A UTF-8 byte order mark and CRLF line ends (as some Windows editors
/// write) are accepted.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.valid_up_to();
            // The prefix up to `offset` is valid UTF-8 by definition.
            let before = String::from_utf8_lossy(&bytes[..offset]);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(LoadError::NotUtf8 {
                path: path.to_owned(),
                line,
                column,
                offset,
                byte: bytes[offset],
            });
        }
    };
    parse_str(path, text)
}

/// Parses a draft from text; `path` is used in messages only.
pub fn parse_str(path: &Path, text: &str) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    // A draft in the current version parses straight into the model; only
    // anything else (a syntax error, an invalid field, an older version to
    // migrate) goes the slower way below that says what and where.
    if let Ok(agreement) = serde_json::from_str::<Agreement>(text) {
        if agreement.schema_version == SCHEMA_VERSION {
            return Ok(Loaded {
                agreement,
                file_version: SCHEMA_VERSION,
            });
        }
    }
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: syntax_message(&e),
    })?;
    let Value::Object(object) = &value else {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            location: Location(Some((1, 1))),
            field: "(top level)".to_owned(),
            message: format!(
                "expected a JSON object holding a draft, found {}",
                kind_of(&value)
            ),
        });
    };
    let version = match object.get("schema_version") {
        None => {
            return Err(LoadError::BadVersion {
                path: path.to_owned(),
                problem: "is missing".to_owned(),
                current: SCHEMA_VERSION,
            });
        }
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or_default(),
        Some(other) => {
            return Err(LoadError::BadVersion {
                path: path.to_owned(),
                problem: format!("must be a whole number, found {}", kind_of(other)),
                current: SCHEMA_VERSION,
            });
        }
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let file_version = version as u32;
    if file_version == SCHEMA_VERSION {
        // Deserialize from the text itself so errors carry line and column.
        let mut de = serde_json::Deserializer::from_str(text);
        let agreement: Agreement =
            serde_path_to_error::deserialize(&mut de).map_err(|e| invalid(path, e))?;
        return Ok(Loaded {
            agreement,
            file_version,
        });
    }
    let migrated =
        crate::migrate::migrate(value, file_version).map_err(|m| LoadError::Invalid {
            path: path.to_owned(),
            location: Location(None),
            field: m.field,
            message: m.message,
        })?;
    let agreement: Agreement =
        serde_path_to_error::deserialize(migrated).map_err(|e| LoadError::Invalid {
            path: path.to_owned(),
            location: Location(None),
            field: field_path(e.path()),
            message: format!(
                "{} (after migrating from version {file_version})",
                e.inner()
            ),
        })?;
    Ok(Loaded {
        agreement,
        file_version,
    })
}

fn invalid(path: &Path, e: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
    let inner = e.inner();
    let location = if inner.line() > 0 {
        Location(Some((inner.line(), inner.column())))
    } else {
        Location(None)
    };
    LoadError::Invalid {
        path: path.to_owned(),
        location,
        field: field_path(e.path()),
        message: strip_position(&inner.to_string()),
    }
}

fn field_path(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    if text == "." || text.is_empty() {
        "(top level)".to_owned()
    } else {
        text
    }
}

/// serde_json appends " at line L column C"; the location is shown
/// separately, so drop it from the message.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn syntax_message(e: &serde_json::Error) -> String {
    let base = strip_position(&e.to_string());
    match e.classify() {
        serde_json::error::Category::Eof => {
            format!("{base}; the file ends before the JSON is complete (was it cut short?)")
        }
        _ => base,
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The canonical text of a draft: two-space indented JSON, fields in model
/// order, empty fields left out, one trailing newline.
pub fn to_canonical_json(agreement: &Agreement) -> String {
    // Serializing plain data types into a String cannot fail.
    let mut text = serde_json::to_string_pretty(agreement).unwrap_or_default();
    text.push('\n');
    text
}

/// Saves a draft atomically: the text is written to a temporary file in the
/// same folder, flushed to disk, then renamed over the target, so a crash
/// leaves either the old file or the new one, never half of either.
pub fn save(path: &Path, agreement: &Agreement) -> Result<(), SaveError> {
    write_atomic(path, to_canonical_json(agreement).as_bytes())
}

/// Temporary files of a write are named `.pactwright-<pid>-<random>.tmp`.
const TEMP_PREFIX: &str = ".pactwright-";
const TEMP_SUFFIX: &str = ".tmp";

/// Removes temporary files of our naming in `dir` that no running write
/// owns: their process is gone (on Linux, no `/proc/<pid>`), or, where
/// that cannot be known (other systems, or names without a process id
/// from older versions), they are more than a day old. Failures are
/// ignored: sweeping is housekeeping, never a reason to refuse a save.
fn sweep_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let Some(middle) = name
            .strip_prefix(TEMP_PREFIX)
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        let pid = middle
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok());
        let stale = match pid {
            Some(pid) if pid == own => false,
            Some(pid) if cfg!(target_os = "linux") => !Path::new(&format!("/proc/{pid}")).exists(),
            _ => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(86_400)),
        };
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes bytes to a file atomically (temporary file, flush, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    crate::failure::test_trigger("write");
    let err = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    // A write killed before it renamed its temporary file (SIGKILL, power
    // loss) leaves that file behind; the next write in the folder removes
    // those of processes that are gone.
    sweep_stale_temporaries(&dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    // The temporary file is private (0600); give the result the
    // permissions the file had, or the usual ones for a new document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(err)?;
    }
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_formats() {
        assert_eq!(Location(Some((3, 4))).to_string(), ":3:4");
        assert_eq!(Location(None).to_string(), "");
    }

    #[test]
    fn strips_serde_positions() {
        assert_eq!(strip_position("bad thing at line 3 column 4"), "bad thing");
    }
}

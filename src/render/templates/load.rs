//! User templates from a folder (`--templates DIR`) or a file
//! (`--template PATH`): a bounded walk of the folder in name order, a size
//! limit per file, UTF-8 only, and template names from relative paths.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Source, TemplateError};

/// User template folders deeper than this are not searched.
const MAX_DEPTH: usize = 8;
/// A template file larger than this is refused.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

pub(super) fn read_template(path: &Path) -> Result<String, TemplateError> {
    let io = |message: String| TemplateError::Io {
        path: path.to_owned(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| io(e.to_string()))?;
    if meta.len() > MAX_TEMPLATE_BYTES {
        return Err(io(format!("larger than {MAX_TEMPLATE_BYTES} bytes")));
    }
    let bytes = std::fs::read(path).map_err(|e| io(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| io("not UTF-8 text".to_owned()))
}

/// Template name of a file: its path under the folder without `.md.hbs` or
/// `.hbs`, with `/` separators.
fn template_name(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let text = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    text.strip_suffix(".md.hbs")
        .or_else(|| text.strip_suffix(".hbs"))
        .map(str::to_owned)
}

pub(super) fn collect(
    root: &Path,
    dir: &Path,
    depth: usize,
    out: &mut BTreeMap<String, Source>,
) -> Result<(), TemplateError> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| TemplateError::Io {
        path: dir.to_owned(),
        message: e.to_string(),
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let meta = std::fs::symlink_metadata(&path).map_err(|e| TemplateError::Io {
            path: path.clone(),
            message: e.to_string(),
        })?;
        if meta.is_dir() {
            collect(root, &path, depth + 1, out)?;
        } else if meta.is_file() {
            if let Some(name) = template_name(root, &path) {
                let text = read_template(&path)?;
                out.insert(
                    name,
                    Source {
                        text,
                        file: path.display().to_string(),
                    },
                );
            }
        }
    }
    Ok(())
}

//! What can be wrong with a template, each with the file and, where
//! known, the line.

use std::path::PathBuf;

/// Something wrong with a template. Each variant says which file and,
/// where known, which line.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// The template text does not parse.
    #[error("{file}:{line}:{column}: template syntax error: {message}")]
    Syntax {
        /// The template file (or `builtin:NAME`).
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Rendering failed, e.g. a field that does not exist (strict mode).
    #[error("{file}{at}: {message}")]
    Render {
        /// The template file.
        file: String,
        /// `":line:column"` when known.
        at: String,
        /// What is wrong.
        message: String,
    },
    /// Partials include each other in a loop.
    #[error("{file}:{line}: partial `{name}` includes itself ({chain}); a template cannot recurse")]
    Cycle {
        /// The file holding the reference that closes the loop.
        file: String,
        /// Its line.
        line: usize,
        /// The partial.
        name: String,
        /// The loop, e.g. `a -> b -> a`.
        chain: String,
    },
    /// A partial name computed at render time.
    #[error(
        "{file}:{line}: partial names must be written out (`{{{{> partials/cover}}}}`), not computed"
    )]
    DynamicPartial {
        /// The file.
        file: String,
        /// The line.
        line: usize,
    },
    /// A partial that no template defines.
    #[error("{file}:{line}: partial `{name}` does not exist; available: {available}")]
    MissingPartial {
        /// The file.
        file: String,
        /// The line.
        line: usize,
        /// The partial.
        name: String,
        /// What exists.
        available: String,
    },
    /// No template of that name.
    #[error("there is no template `{name}`; available: {available}")]
    NotFound {
        /// The name asked for.
        name: String,
        /// What exists.
        available: String,
    },
    /// A template file or folder could not be read.
    #[error("{path}: cannot read templates: {message}")]
    Io {
        /// The path.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

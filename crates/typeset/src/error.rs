//! One error type for the whole engine, so callers (CLI, desktop shell)
//! match on a single enum and every variant says where it happened.

use thiserror::Error;

/// Everything that can go wrong between Markdown source and PDF bytes.
///
/// Bad *content* (a missing glyph, an unknown link target) never becomes an
/// error: it is reported as a [`crate::layout::Warning`] and rendered
/// visibly. Errors are reserved for broken environments (unusable fonts) and
/// writer failures.
#[derive(Debug, Error)]
pub enum Error {
    /// A font file could not be parsed as OpenType/TrueType.
    #[error("font `{name}` could not be parsed: {reason}")]
    Font {
        /// The font's name or path as given to the font set.
        name: String,
        /// What the parser reported.
        reason: String,
    },
    /// Subsetting a font for embedding failed.
    #[error("font `{name}` could not be subset for embedding: {reason}")]
    Subset {
        /// Family and style of the font.
        name: String,
        /// What the subsetter reported.
        reason: String,
    },
    /// The layout refers to something that does not exist (an internal bug
    /// surfaced as an error instead of a panic).
    #[error("layout is inconsistent: {0}")]
    Inconsistent(String),
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

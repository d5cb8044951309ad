//! Warnings: what the reader should know about a render whose content was
//! still printed, each of a typed kind (so a caller can act on the
//! character or anchor it names) that displays as a sentence.

/// Something the reader should know about (content was still rendered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What happened.
    pub kind: WarningKind,
    /// Where: the block it came from (`block 12 (paragraph)`), the page of
    /// a link (`page 3`), or `the document source`.
    pub location: String,
}

/// What a [`Warning`] is about. Displays as the warning's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// No font (bundled or fallback) has a glyph for `ch`: it is printed
    /// as a placeholder box. At most 1000 of these per layout part.
    MissingGlyph {
        /// The character.
        ch: char,
    },
    /// Block quotes, list items or spans nested more than `depth` levels
    /// deep were flattened into level `depth` by the reader.
    NestingFlattened {
        /// The deepest level kept ([`crate::markdown::MAX_NESTING`]).
        depth: usize,
    },
    /// A table has more columns than are printed.
    TooManyColumns {
        /// Columns in the table (its widest row).
        columns: usize,
        /// Columns printed, the first ones.
        printed: usize,
    },
    /// A link names an anchor no heading has.
    UnknownAnchor {
        /// The anchor, without `#`.
        anchor: String,
    },
}

impl std::fmt::Display for WarningKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WarningKind::MissingGlyph { ch } => write!(
                f,
                "no font has a glyph for U+{:04X}; printed as a placeholder box",
                *ch as u32
            ),
            WarningKind::NestingFlattened { depth } => write!(
                f,
                "block quotes, lists or emphasis nested more than {depth} levels deep were flattened: what is deeper is printed at level {depth}"
            ),
            WarningKind::TooManyColumns { columns, printed } => write!(
                f,
                "table has {columns} columns; only the first {printed} are printed"
            ),
            WarningKind::UnknownAnchor { anchor } => {
                write!(f, "link to unknown anchor `#{anchor}`")
            }
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::{Warning, WarningKind};

    /// The messages are the sentences the engine printed before the kinds
    /// were typed (the command line's output and snapshots rely on them).
    #[test]
    fn kinds_display_as_their_sentences() {
        let at = |kind| Warning {
            kind,
            location: "block 3 (paragraph)".to_owned(),
        };
        assert_eq!(
            at(WarningKind::MissingGlyph { ch: '\u{E000}' }).to_string(),
            "block 3 (paragraph): no font has a glyph for U+E000; printed as a placeholder box"
        );
        assert_eq!(
            WarningKind::MissingGlyph { ch: '\u{1F600}' }.to_string(),
            "no font has a glyph for U+1F600; printed as a placeholder box"
        );
        assert_eq!(
            WarningKind::NestingFlattened { depth: 32 }.to_string(),
            "block quotes, lists or emphasis nested more than 32 levels deep were flattened: what is deeper is printed at level 32"
        );
        assert_eq!(
            WarningKind::TooManyColumns {
                columns: 300,
                printed: 256
            }
            .to_string(),
            "table has 300 columns; only the first 256 are printed"
        );
        assert_eq!(
            WarningKind::UnknownAnchor {
                anchor: "nowhere".to_owned()
            }
            .to_string(),
            "link to unknown anchor `#nowhere`"
        );
    }
}

//! Paragraph engine: inlines -> shaped pieces -> broken, justified lines.
//!
//! Why it is separate from pagination: this is where the typography lives
//! (font fallback per character, bidi levels, shaping with rustybuzz, break
//! opportunities from unicode-linebreak, hyphenation, character breaking of
//! over-long words). Everything here is linear in the text length; shaped
//! words are cached per layout so repeated words are shaped once.
//!
//! The files: `shaper` (the per-layout shaping state: font choice per
//! character with its caches, shaped pieces, metrics), `paragraph` (inlines
//! flattened into text and spans, bidi levels, shaped pieces and break
//! opportunities), `breaking` (lines: greedy breaking, hyphenation,
//! character breaking, justification, visual reordering) and `runs` (a
//! line's glyphs emitted as text runs and link rectangles).

mod breaking;
mod paragraph;
mod runs;
mod shaper;

use super::{Color, Role};
use crate::fonts::FontStyle;

pub(crate) use paragraph::Paragraph;
pub(crate) use shaper::Shaper;

/// Text appearance of a span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub font: FontStyle,
    pub size: f32,
    pub color: Color,
    /// A line drawn with the text: change marks.
    pub deco: Deco,
}

/// A line drawn with a span of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Deco {
    /// None.
    #[default]
    None,
    /// Under the baseline: inserted text.
    Underline,
    /// Through the middle of the lower-case letters: deleted text.
    Strike,
}

/// Line-level options.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineOpts {
    pub align: TextAlign,
    pub leading: f32,
    pub hyphenate: bool,
    pub role: Role,
}

/// Horizontal alignment of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextAlign {
    Left,
    Justify,
    Center,
    Right,
}

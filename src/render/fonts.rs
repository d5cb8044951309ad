//! Which fonts a render uses, decided in one place for the command line
//! and the app: the bundled faces, plus the system's fonts as a fallback
//! only when the draft holds characters the bundled faces lack (scanning
//! the system fonts costs more than rendering a contract).

use std::sync::OnceLock;

use pactwright_typeset as typeset;
use typeset::FontSet;

use crate::model::Agreement;

/// The bundled font set, and the set with the system's fonts as a
/// fallback, built the first time a draft needs it and kept.
#[derive(Debug)]
pub struct Fonts {
    bundled: FontSet,
    fallback: OnceLock<Option<FontSet>>,
}

impl Fonts {
    /// The bundled faces (the fallback set is built when first needed).
    pub fn bundled() -> Result<Self, typeset::Error> {
        Ok(Self::new(FontSet::bundled()?))
    }

    /// From a bundled set already loaded (for instance on another thread).
    pub fn new(bundled: FontSet) -> Self {
        Fonts {
            bundled,
            fallback: OnceLock::new(),
        }
    }

    /// The font set to render the agreement's source (from
    /// [`super::to_markdown`]) with, its clause bodies included: the
    /// bundled faces, or, when [`needs_fallback`] says so, the bundled
    /// faces with the system's fonts as a fallback (the bundled set alone
    /// should that set fail to load).
    pub fn for_source(&self, source: &str, agreement: &Agreement) -> &FontSet {
        if !needs_fallback(source, agreement, &self.bundled) {
            return &self.bundled;
        }
        self.fallback
            .get_or_init(|| {
                // The probe cached its answers in the bundled set; start
                // from a fresh one so the fallback is consulted.
                FontSet::bundled()
                    .ok()
                    .map(|f| f.with_fallback(FontSet::system_database()))
            })
            .as_ref()
            .unwrap_or(&self.bundled)
    }
}

/// True when the agreement's source (from [`super::to_markdown`]) or one
/// of its clause bodies holds a character the font set has no glyph for in
/// the body face: then a render should add the system's fonts as a
/// fallback (scanning them costs more than rendering a contract, so only
/// then). [`Fonts::for_source`] asks this.
pub fn needs_fallback(source: &str, agreement: &Agreement, fonts: &typeset::FontSet) -> bool {
    std::iter::once(source)
        .chain(super::clause_bodies(agreement))
        .any(|text| text_needs_fallback(text, fonts))
}

fn text_needs_fallback(text: &str, fonts: &typeset::FontSet) -> bool {
    use typeset::fonts::{Family, FontStyle};
    let style = FontStyle::regular(Family::Serif);
    // Each distinct character once; ASCII (nearly all of a draft) without
    // hashing.
    let mut ascii = [false; 128];
    let mut seen = std::collections::HashSet::new();
    text.chars()
        .filter(|&c| {
            !c.is_control()
                && match ascii.get_mut(c as usize) {
                    Some(done) => !std::mem::replace(done, true),
                    None => seen.insert(c),
                }
        })
        .any(|c| fonts.face_for_char(style, c).is_none())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::Fonts;
    use crate::model::{Clause, Kind};

    /// A draft the bundled faces can print gets them; one holding a
    /// character they lack, in its source or in a clause body, gets the
    /// set with the system's fonts, built once and kept.
    #[test]
    fn fallback_only_when_the_draft_needs_it() {
        let fonts = Fonts::bundled().unwrap();
        let mut a = crate::starter::starter(Kind::Sla);
        assert!(std::ptr::eq(
            fonts.for_source("Plain text.", &a),
            &fonts.bundled
        ));
        let fallback = fonts.for_source("\u{670D}", &a);
        assert!(!std::ptr::eq(fallback, &fonts.bundled));
        a.clauses = vec![Clause {
            title: "CJK".to_owned(),
            body: "\u{670D}".to_owned(),
        }];
        assert!(std::ptr::eq(fonts.for_source("Plain text.", &a), fallback));
    }
}

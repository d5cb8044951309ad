//! Fonts for the command line: the bundled faces, plus the system's fonts
//! as a fallback only when the agreement holds characters the bundled faces
//! lack (scanning the system fonts costs more than rendering a contract).

use pactwright::model::Agreement;
use pactwright_typeset::{FontSet, Warning, WarningKind};

/// The font set for rendering the agreement's source (with its clause
/// bodies), from the bundled set.
pub fn font_set(
    fonts: FontSet,
    source: &str,
    agreement: &Agreement,
) -> Result<FontSet, pactwright_typeset::Error> {
    if pactwright::render::needs_fallback(source, agreement, &fonts) {
        // The probe cached its answers; start from a fresh set so the
        // fallback is consulted.
        Ok(FontSet::bundled()?.with_fallback(FontSet::system_database()))
    } else {
        Ok(fonts)
    }
}

/// A layout warning, with the field of the draft that holds the character
/// it names (found by searching the draft's values), when there is one.
pub fn describe_warning(agreement: &Agreement, warning: &Warning) -> String {
    let base = warning.to_string();
    let WarningKind::MissingGlyph { ch: c } = warning.kind else {
        return base;
    };
    let value = serde_json::to_value(agreement).unwrap_or_default();
    match find_pointer(&value, c, String::new()) {
        Some(pointer) => format!("{base} (in the field {pointer})"),
        None => base,
    }
}

fn find_pointer(value: &serde_json::Value, c: char, at: String) -> Option<String> {
    match value {
        serde_json::Value::String(s) if s.contains(c) => Some(at),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| find_pointer(v, c, format!("{at}/{i}"))),
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            find_pointer(
                v,
                c,
                format!("{at}/{}", pactwright::checks::escape_pointer(k)),
            )
        }),
        _ => None,
    }
}

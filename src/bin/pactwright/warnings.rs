//! Layout warnings as the command line prints them: a missing character
//! with the field of the draft that holds it. (Which fonts a render uses is
//! decided by the core, `pactwright::render::Fonts`.)

use pactwright::model::Agreement;
use pactwright_typeset::{Warning, WarningKind};

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

//! The JSON Schema of draft files, generated from the model's types so it
//! cannot drift from them. A copy is committed at
//! `schema/agreement.schema.json` for editors and other tools; a test fails
//! when that copy is stale.

use crate::model::Agreement;

/// Where the committed copy lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "schema/agreement.schema.json";

/// The schema as pretty-printed JSON with a trailing newline.
pub fn agreement_schema() -> String {
    let schema = schemars::schema_for!(Agreement);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

//! Migrations from older draft formats to the current one, applied to the
//! raw JSON before it is read into the model. Each step takes version N to
//! N + 1, so any older file walks the chain to [`SCHEMA_VERSION`].
//!
//! Version 0 is the pre-release preview format, in which a stakeholder had
//! a single `role` string; version 1 holds a list of `roles`, because one
//! person may hold several.

use serde_json::Value;

use crate::model::SCHEMA_VERSION;

/// A step in the chain could not make sense of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationError {
    /// Dotted path of the field.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

type Step = fn(&mut Value) -> Result<(), MigrationError>;

/// The chain: `STEPS[n]` migrates version n to n + 1.
const STEPS: &[Step] = &[v0_to_v1];

/// Migrates a draft of `from` to the current version.
pub fn migrate(value: Value, from: u32) -> Result<Value, MigrationError> {
    migrate_with(value, from, STEPS)
}

fn migrate_with(mut value: Value, from: u32, steps: &[Step]) -> Result<Value, MigrationError> {
    for (version, step) in steps.iter().enumerate().skip(from as usize) {
        step(&mut value)?;
        if let Value::Object(map) = &mut value {
            map.insert("schema_version".to_owned(), Value::from(version as u32 + 1));
        }
    }
    Ok(value)
}

fn v0_to_v1(value: &mut Value) -> Result<(), MigrationError> {
    let Some(stakeholders) = value.get_mut("stakeholders").and_then(Value::as_array_mut) else {
        return Ok(());
    };
    for (i, s) in stakeholders.iter_mut().enumerate() {
        let Some(object) = s.as_object_mut() else {
            continue;
        };
        if let Some(role) = object.remove("role") {
            match role {
                Value::String(_) => {
                    object.insert("roles".to_owned(), Value::Array(vec![role]));
                }
                Value::Null => {}
                _ => {
                    return Err(MigrationError {
                        field: format!("stakeholders[{i}].role"),
                        message:
                            "in a version 0 draft, `role` must be a string such as \"sponsor\""
                                .to_owned(),
                    });
                }
            }
        }
    }
    Ok(())
}

const _: () = assert!(STEPS.len() == SCHEMA_VERSION as usize);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn version_0_role_becomes_roles() {
        let old = json!({
            "schema_version": 0,
            "document": {"kind": "sla"},
            "stakeholders": [{"id": "cio", "role": "sponsor"}, {"id": "x"}]
        });
        let new = migrate(old, 0).unwrap();
        assert_eq!(new["schema_version"], 1);
        assert_eq!(new["stakeholders"][0]["roles"], json!(["sponsor"]));
        assert!(new["stakeholders"][0].get("role").is_none());
        assert!(new["stakeholders"][1].get("roles").is_none());
    }

    #[test]
    fn current_version_is_untouched() {
        let v = json!({"schema_version": 1, "stakeholders": [{"id": "a", "role": "x"}]});
        assert_eq!(migrate(v.clone(), 1).unwrap(), v);
    }

    #[test]
    fn steps_chain_in_order() {
        fn add_a(v: &mut Value) -> Result<(), MigrationError> {
            v["trail"] = json!(format!("{}a", v["trail"].as_str().unwrap_or("")));
            Ok(())
        }
        fn add_b(v: &mut Value) -> Result<(), MigrationError> {
            v["trail"] = json!(format!("{}b", v["trail"].as_str().unwrap_or("")));
            Ok(())
        }
        let out = migrate_with(json!({"schema_version": 0}), 0, &[add_a, add_b]).unwrap();
        assert_eq!(out, json!({"schema_version": 2, "trail": "ab"}));
        let out = migrate_with(json!({"schema_version": 1}), 1, &[add_a, add_b]).unwrap();
        assert_eq!(out, json!({"schema_version": 2, "trail": "b"}));
    }

    #[test]
    fn bad_old_role_names_the_field() {
        let err = migrate(json!({"stakeholders": [{"role": 5}]}), 0).unwrap_err();
        assert_eq!(err.field, "stakeholders[0].role");
    }
}

//! Migrations from older draft formats to the current one, applied to the
//! raw JSON before it is read into the model. Each step takes version N to
//! N + 1, so any older file walks the chain to [`SCHEMA_VERSION`].
//!
//! Version 0 is the pre-release preview format, in which a stakeholder had
//! a single `role` string; version 1 holds a list of `roles`, because one
//! person may hold several.
//!
//! Version 2 (model v2) says what version 1 could not: any number of credit
//! schemes (`credits` becomes `credit_schemes`), availability per target
//! (the warranty's single figure becomes an availability target unless one
//! already states it; the service hours move to the top level, where the
//! support clock and business days also use them), a priority matrix
//! (`impact` and `urgency` become `matrix` cells), escalation times per
//! priority (`after` becomes a list), and event-driven reviews and reports
//! (a missing cadence, which meant monthly, is written out).

use serde_json::Value;

use crate::model::SCHEMA_VERSION;
use crate::units::Percent;

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
const STEPS: &[Step] = &[v0_to_v1, v1_to_v2];

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

fn v1_to_v2(value: &mut Value) -> Result<(), MigrationError> {
    let Some(root) = value.as_object_mut() else {
        return Ok(());
    };
    let bad = |field: &str, expected: &str| MigrationError {
        field: field.to_owned(),
        message: format!("in a version 1 draft, `{field}` must be {expected}"),
    };
    if let Some(field) = version_2_field(root) {
        return Err(MigrationError {
            message: format!(
                "the file says \"schema_version\": 1 but `{field}` only exists in version 2; if it was written for version 2, set \"schema_version\": 2 (the file was not changed)"
            ),
            field,
        });
    }

    // Availability: the figure becomes a target, the hours move up.
    if let Some(av) = root
        .get_mut("warranty")
        .and_then(|w| w.get_mut("availability"))
    {
        let av = av
            .as_object_mut()
            .ok_or_else(|| bad("warranty.availability", "an object"))?;
        let warranty_target = av.remove("target");
        let hours = av.remove("service_hours");
        let measurement = av.get("measurement").cloned();
        let data_source = av.get("data_source").cloned();
        if let Some(hours) = hours {
            if !root.contains_key("service_hours") {
                root.insert("service_hours".to_owned(), hours);
            }
        }
        if let Some(target) = warranty_target {
            let figure = target.as_str().map(str::trim).map(str::to_owned);
            let levels = root
                .entry("service_levels")
                .or_insert_with(|| Value::Array(Vec::new()))
                .as_array_mut()
                .ok_or_else(|| bad("service_levels", "a list"))?;
            let same_percent = |v: &Value| -> bool {
                let (Some(a), Some(b)) = (v.as_str(), figure.as_deref()) else {
                    return false;
                };
                match (a.parse::<Percent>(), b.parse::<Percent>()) {
                    (Ok(x), Ok(y)) => x == y,
                    _ => a.trim() == b,
                }
            };
            let stated = levels.iter().any(|t| {
                let metric = t
                    .get("metric")
                    .and_then(Value::as_str)
                    .unwrap_or("availability");
                metric == "availability" && t.get("target").is_some_and(same_percent)
            });
            if !stated {
                let taken: Vec<String> = levels
                    .iter()
                    .filter_map(|t| t.get("id").and_then(Value::as_str).map(str::to_owned))
                    .collect();
                let id = std::iter::once("AV".to_owned())
                    .chain((1..).map(|n| format!("AV{n}")))
                    .find(|id| !taken.contains(id))
                    .unwrap_or_default();
                let mut t = serde_json::Map::new();
                t.insert("id".to_owned(), Value::from(id));
                t.insert("name".to_owned(), Value::from("Availability"));
                t.insert("metric".to_owned(), Value::from("availability"));
                t.insert("target".to_owned(), target);
                if let Some(m) = measurement {
                    t.insert("measurement".to_owned(), m);
                }
                if let Some(d) = data_source {
                    t.insert("data_source".to_owned(), d);
                }
                levels.insert(0, Value::Object(t));
            }
        }
    }

    // Priorities: impact and urgency become a matrix cell.
    if let Some(priorities) = root
        .get_mut("support")
        .and_then(|s| s.get_mut("priorities"))
        .and_then(Value::as_array_mut)
    {
        for p in priorities.iter_mut().filter_map(Value::as_object_mut) {
            let impact = p.remove("impact");
            let urgency = p.remove("urgency");
            match (impact, urgency) {
                (Some(i), Some(u)) => {
                    p.insert(
                        "matrix".to_owned(),
                        serde_json::json!([{ "impact": i, "urgency": u }]),
                    );
                }
                (Some(one), None) | (None, Some(one)) => {
                    // Half a cell: keep it in words rather than lose it.
                    let level = one.as_str().unwrap_or_default().to_owned();
                    let def = p
                        .get("definition")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .trim()
                        .to_owned();
                    let note =
                        format!("(Version 1 stated only one of impact or urgency: {level}.)");
                    let text = if def.is_empty() {
                        note
                    } else {
                        format!("{def} {note}")
                    };
                    p.insert("definition".to_owned(), Value::from(text));
                }
                (None, None) => {}
            }
        }
    }

    // Escalation: one time becomes a list of times.
    if let Some(levels) = root
        .get_mut("support")
        .and_then(|s| s.get_mut("escalation"))
        .and_then(Value::as_array_mut)
    {
        for level in levels.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(after) = level.remove("after") {
                if !after.is_null() {
                    level.insert("after".to_owned(), serde_json::json!([{ "after": after }]));
                }
            }
        }
    }

    // Credits: one scheme becomes a list of schemes.
    if let Some(credits) = root.remove("credits") {
        if let Value::Object(mut c) = credits {
            if let Some(applies) = c.remove("applies_to") {
                match applies {
                    Value::String(id) if id.trim().is_empty() => {}
                    Value::String(id) => {
                        c.insert("applies_to".to_owned(), serde_json::json!([id]));
                    }
                    Value::Null => {}
                    _ => return Err(bad("credits.applies_to", "a target id such as \"SL1\"")),
                }
            }
            root.insert(
                "credit_schemes".to_owned(),
                Value::Array(vec![Value::Object(c)]),
            );
        } else if !credits.is_null() {
            return Err(bad("credits", "an object"));
        }
    }

    // Reviews and reports: the implied monthly cadence is written out.
    if let Some(rel) = root.get_mut("relationship").and_then(Value::as_object_mut) {
        for (list, field) in [("reviews", "cadence"), ("reports", "frequency")] {
            if let Some(items) = rel.get_mut(list).and_then(Value::as_array_mut) {
                for item in items.iter_mut().filter_map(Value::as_object_mut) {
                    item.entry(field).or_insert_with(|| Value::from("monthly"));
                }
            }
        }
    }
    Ok(())
}

/// A field that only version 2 has, if a file claiming version 1 holds one.
fn version_2_field(root: &serde_json::Map<String, Value>) -> Option<String> {
    for key in ["credit_schemes", "service_hours"] {
        if root.contains_key(key) {
            return Some(key.to_owned());
        }
    }
    let support = root.get("support");
    let list = |v: Option<&Value>, key: &str| -> Vec<Value> {
        v.and_then(|v| v.get(key))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for (i, p) in list(support, "priorities").iter().enumerate() {
        for key in ["matrix", "clock"] {
            if p.get(key).is_some() {
                return Some(format!("support.priorities[{i}].{key}"));
            }
        }
    }
    for (i, e) in list(support, "escalation").iter().enumerate() {
        if e.get("after").is_some_and(Value::is_array) {
            return Some(format!("support.escalation[{i}].after"));
        }
    }
    let rel = root.get("relationship");
    for kind in ["reviews", "reports"] {
        for (i, r) in list(rel, kind).iter().enumerate() {
            if r.get("on").is_some() {
                return Some(format!("relationship.{kind}[{i}].on"));
            }
        }
    }
    for (i, t) in list(Some(&Value::Object(root.clone())), "service_levels")
        .iter()
        .enumerate()
    {
        for key in ["scope", "period", "service_hours"] {
            if t.get(key).is_some() {
                return Some(format!("service_levels[{i}].{key}"));
            }
        }
    }
    None
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
        assert_eq!(new["schema_version"], 2);
        assert_eq!(new["stakeholders"][0]["roles"], json!(["sponsor"]));
        assert!(new["stakeholders"][0].get("role").is_none());
        assert!(new["stakeholders"][1].get("roles").is_none());
    }

    #[test]
    fn current_version_is_untouched() {
        let v = json!({"schema_version": 2, "stakeholders": [{"id": "a", "role": "x"}]});
        assert_eq!(migrate(v.clone(), 2).unwrap(), v);
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
    fn version_1_becomes_version_2_with_nothing_lost() {
        let old = json!({
            "schema_version": 1,
            "document": {"kind": "sla"},
            "warranty": {"availability": {
                "target": "99.9%", "measurement": "probe", "period": "calendar_month",
                "service_hours": {"schedule": "Mon-Fri 08:00-18:00", "time_zone": "Europe/London"}
            }},
            "support": {
                "priorities": [
                    {"id": "P1", "impact": "high", "urgency": "high"},
                    {"id": "P2", "definition": "One team.", "impact": "medium"}
                ],
                "escalation": [{"contact": "x", "after": "2h", "priorities": ["P1"]}]
            },
            "service_levels": [{"id": "SL1", "metric": "response_time", "target": "15 min"}],
            "credits": {"applies_to": "SL1", "cap": "100%"},
            "relationship": {"reviews": [{"name": "Review"}], "reports": [{"name": "Report", "frequency": "quarterly"}]}
        });
        let new = migrate(old, 1).unwrap();
        assert_eq!(new["schema_version"], 2);
        assert_eq!(new["service_hours"]["schedule"], "Mon-Fri 08:00-18:00");
        assert!(new["warranty"]["availability"].get("target").is_none());
        assert_eq!(new["service_levels"][0]["id"], "AV");
        assert_eq!(new["service_levels"][0]["target"], "99.9%");
        assert_eq!(new["service_levels"][0]["measurement"], "probe");
        assert_eq!(
            new["support"]["priorities"][0]["matrix"],
            json!([{"impact": "high", "urgency": "high"}])
        );
        // Half a cell is kept in words.
        assert_eq!(
            new["support"]["priorities"][1]["definition"],
            "One team. (Version 1 stated only one of impact or urgency: medium.)"
        );
        assert_eq!(
            new["support"]["escalation"][0]["after"],
            json!([{"after": "2h"}])
        );
        assert_eq!(new["credit_schemes"][0]["applies_to"], json!(["SL1"]));
        assert!(new.get("credits").is_none());
        assert_eq!(new["relationship"]["reviews"][0]["cadence"], "monthly");
        assert_eq!(new["relationship"]["reports"][0]["frequency"], "quarterly");
    }

    #[test]
    fn a_stated_availability_figure_is_not_repeated() {
        let old = json!({
            "schema_version": 1,
            "warranty": {"availability": {"target": "99.90%"}},
            "service_levels": [{"id": "SL1", "target": "99.9%"}]
        });
        let new = migrate(old, 1).unwrap();
        assert_eq!(new["service_levels"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn bad_old_role_names_the_field() {
        let err = migrate(json!({"stakeholders": [{"role": 5}]}), 0).unwrap_err();
        assert_eq!(err.field, "stakeholders[0].role");
    }
}

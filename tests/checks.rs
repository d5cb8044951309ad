//! Each check fires on the draft that has the problem, at the right field,
//! and stays quiet on a complete agreement.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use pactwright::checks::{Finding, Severity, check};
use serde_json::{Value, json};

const COMPLETE: &str = include_str!("fixtures/complete-sla.agreement.json");

fn base() -> Value {
    serde_json::from_str(COMPLETE).unwrap()
}

fn findings_of(value: &Value) -> Vec<Finding> {
    let text = serde_json::to_string(value).unwrap();
    let loaded = pactwright::file::parse_str(Path::new("t.agreement.json"), &text).unwrap();
    check(&loaded.agreement)
}

/// Sets (or with `Value::Null`, removes) the field at a JSON pointer.
fn set(v: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = v.pointer_mut(parent).unwrap();
    match target {
        Value::Object(map) => {
            if new.is_null() {
                map.shift_remove(key);
            } else {
                map.insert(key.to_owned(), new);
            }
        }
        Value::Array(items) => {
            let i: usize = key.parse().unwrap();
            if new.is_null() {
                items.remove(i);
            } else {
                items[i] = new;
            }
        }
        _ => panic!("{parent} is not a container"),
    }
}

#[track_caller]
fn fires(edits: &[(&str, Value)], code: &str, pointer: &str, severity: Severity) {
    let mut v = base();
    for (p, new) in edits {
        set(&mut v, p, new.clone());
    }
    let found = findings_of(&v);
    assert!(
        found
            .iter()
            .any(|f| f.code == code && f.pointer == pointer && f.severity == severity),
        "expected {severity} {code} at {pointer}, got {found:#?}"
    );
}

#[test]
fn a_complete_agreement_has_no_findings() {
    assert_eq!(findings_of(&base()), vec![]);
}

#[test]
fn required_fields_per_kind() {
    use Severity::*;
    fires(
        &[("/document/title", json!(""))],
        "required-field",
        "/document/title",
        Error,
    );
    fires(
        &[("/document/version", Value::Null)],
        "missing-version",
        "/document/version",
        Error,
    );
    fires(
        &[("/document/effective_date", Value::Null)],
        "missing-effective-date",
        "/document/effective_date",
        Error,
    );
    fires(
        &[("/parties/consumer/name", Value::Null)],
        "required-field",
        "/parties/consumer/name",
        Error,
    );
    fires(
        &[
            ("/service_levels", Value::Null),
            ("/credit_schemes", Value::Null),
        ],
        "required-field",
        "/service_levels",
        Error,
    );
    fires(
        &[("/document/kind", json!("ola"))],
        "required-field",
        "/document/supports",
        Warning,
    );
    fires(
        &[
            ("/document/kind", json!("offering")),
            ("/offering", json!({})),
        ],
        "required-field",
        "/offering",
        Error,
    );
    fires(
        &[("/document/kind", json!("offering"))],
        "offering-with-targets",
        "/service_levels",
        Info,
    );
    fires(
        &[
            ("/document/approver", Value::Null),
            ("/document/status", json!("approved")),
        ],
        "required-field",
        "/document/approver",
        Error,
    );
}

#[test]
fn references_and_duplicates() {
    use Severity::*;
    fires(
        &[("/offering/actions/0/owner", json!("nobody"))],
        "dangling-reference",
        "/offering/actions/0/owner",
        Error,
    );
    fires(
        &[("/relationship/reviews/0/participants/1", json!("ghost"))],
        "dangling-reference",
        "/relationship/reviews/0/participants/1",
        Error,
    );
    fires(
        &[("/support/escalation/0/contact", json!("ghost"))],
        "dangling-reference",
        "/support/escalation/0/contact",
        Error,
    );
    fires(
        &[("/credit_schemes/0/applies_to/0", json!("SL9"))],
        "dangling-reference",
        "/credit_schemes/0/applies_to/0",
        Error,
    );
    fires(
        &[("/offering/actions/0/channel", json!("Carrier pigeon"))],
        "dangling-reference",
        "/offering/actions/0/channel",
        Warning,
    );
    fires(
        &[("/service_levels/1/priority", json!("P7"))],
        "undefined-priority",
        "/service_levels/1/priority",
        Error,
    );
    fires(
        &[("/support/escalation/0/priorities/0", json!("P9"))],
        "undefined-priority",
        "/support/escalation/0/priorities/0",
        Error,
    );
    fires(
        &[("/stakeholders/1/id", json!("owner"))],
        "duplicate-id",
        "/stakeholders/1/id",
        Error,
    );
    fires(
        &[("/support/priorities/1/id", json!("P1"))],
        "duplicate-id",
        "/support/priorities/1/id",
        Error,
    );
    fires(
        &[("/service_levels/1/id", json!("SL1"))],
        "duplicate-id",
        "/service_levels/1/id",
        Error,
    );
    fires(
        &[("/service_hours/time_zone", json!("Mars/Olympus"))],
        "unknown-time-zone",
        "/service_hours/time_zone",
        Error,
    );
}

#[test]
fn targets_must_be_numbers_that_are_measured() {
    use Severity::*;
    fires(
        &[("/service_levels/0/target", json!("promptly"))],
        "vague-target",
        "/service_levels/0/target",
        Error,
    );
    fires(
        &[("/service_levels/0/target", json!("100.5%"))],
        "target-out-of-range",
        "/service_levels/0/target",
        Error,
    );
    fires(
        &[("/service_levels/0/target", json!("-1%"))],
        "target-out-of-range",
        "/service_levels/0/target",
        Error,
    );
    fires(
        &[("/service_levels/0/target", json!("100.5%"))],
        "target-out-of-range",
        "/service_levels/0/target",
        Error,
    );
    fires(
        &[("/service_levels/0/target", json!("4h"))],
        "target-unit-mismatch",
        "/service_levels/0/target",
        Error,
    );
    fires(
        &[("/service_levels/1/target", json!("95%"))],
        "target-unit-mismatch",
        "/service_levels/1/target",
        Error,
    );
    fires(
        &[("/service_levels/1/measurement", Value::Null)],
        "unmeasured-target",
        "/service_levels/1/measurement",
        Error,
    );
    fires(
        &[("/service_levels/1/data_source", Value::Null)],
        "unmeasured-target",
        "/service_levels/1/data_source",
        Warning,
    );
    fires(
        &[("/service_levels/0/reporting_period", Value::Null)],
        "unmeasured-target",
        "/service_levels/0/reporting_period",
        Warning,
    );
    fires(
        &[("/service_levels/1/priority", Value::Null)],
        "target-without-priority",
        "/service_levels/1/priority",
        Warning,
    );
    fires(
        &[(
            "/responsibilities/provider/0",
            json!("Respond promptly to requests"),
        )],
        "vague-commitment",
        "/responsibilities/provider/0",
        Warning,
    );
}

#[test]
fn response_and_resolution() {
    use Severity::*;
    fires(
        &[("/support/priorities/0/resolution", json!("10 min"))],
        "resolution-before-response",
        "/support/priorities/0/resolution",
        Error,
    );
    fires(
        &[("/support/priorities/0/resolution", json!("15 min"))],
        "resolution-before-response",
        "/support/priorities/0/resolution",
        Warning,
    );
    fires(
        &[("/support/priorities/0/resolution", json!("400d"))],
        "implausible-time",
        "/support/priorities/0/resolution",
        Error,
    );
    fires(
        &[("/support/priorities/0/resolution", json!("100d"))],
        "implausible-time",
        "/support/priorities/0/resolution",
        Warning,
    );
    fires(
        &[("/support/priorities/0/response", Value::Null)],
        "priority-incomplete",
        "/support/priorities/0/response",
        Warning,
    );
    fires(
        &[
            ("/support/priorities/0/definition", Value::Null),
            ("/support/priorities/0/matrix", Value::Null),
        ],
        "priority-undefined",
        "/support/priorities/0/definition",
        Warning,
    );
    fires(
        &[("/offering/actions/0/target", json!("500d"))],
        "implausible-time",
        "/offering/actions/0/target",
        Error,
    );
}

#[test]
fn availability_needs_period_hours_and_honest_maintenance() {
    use Severity::*;
    fires(
        &[("/warranty/availability/period", Value::Null)],
        "availability-period-missing",
        "/service_levels/0/period",
        Error,
    );
    fires(
        &[("/service_hours", Value::Null)],
        "availability-hours-missing",
        "/service_levels/0/service_hours",
        Error,
    );
    fires(
        &[
            ("/warranty/availability/measurement", Value::Null),
            ("/service_levels/0/measurement", Value::Null),
        ],
        "unmeasured-target",
        "/service_levels/0/measurement",
        Error,
    );
    fires(
        &[("/service_levels/0/metric", json!("other"))],
        "availability-missing",
        "/service_levels",
        Warning,
    );
    // 99.99% with 8 hours of excluded maintenance a month, inside service hours.
    fires(
        &[
            ("/service_levels/0/target", json!("99.99%")),
            (
                "/warranty/availability/maintenance/0/when",
                json!("first Saturday"),
            ),
            ("/warranty/availability/maintenance/0/duration", json!("8h")),
        ],
        "maintenance-dwarfs-budget",
        "/warranty/availability/maintenance",
        Warning,
    );
}

#[test]
fn maintenance_outside_service_hours_or_counted_is_fine() {
    let mut v = base();
    set(
        &mut v,
        "/warranty/availability/maintenance/0/duration",
        json!("8h"),
    );
    set(
        &mut v,
        "/warranty/availability/maintenance/0/when",
        json!("Sun 00:00-08:00"),
    );
    assert!(findings_of(&v).is_empty());
    set(
        &mut v,
        "/warranty/availability/maintenance/0/when",
        json!("Wed 10:00-18:00"),
    );
    assert!(!findings_of(&v).is_empty());
    set(
        &mut v,
        "/warranty/availability/maintenance/0/counts_as_downtime",
        json!(true),
    );
    assert!(findings_of(&v).is_empty());
}

#[test]
fn the_relationship_is_a_two_way_street() {
    use Severity::*;
    fires(
        &[("/responsibilities/consumer", Value::Null)],
        "one-way-relationship",
        "/responsibilities/consumer",
        Error,
    );
    fires(
        &[("/relationship/reviews", Value::Null)],
        "no-reviews",
        "/relationship/reviews",
        Warning,
    );
    fires(
        &[("/relationship/reports", Value::Null)],
        "no-reports",
        "/relationship/reports",
        Warning,
    );
    fires(
        &[("/relationship/contacts", Value::Null)],
        "no-contacts",
        "/relationship/contacts",
        Warning,
    );
    fires(
        &[("/relationship/improvement", Value::Null)],
        "no-improvement",
        "/relationship/improvement",
        Info,
    );
}

#[test]
fn credits_need_a_window_and_a_sane_cap() {
    use Severity::*;
    fires(
        &[("/credit_schemes/0/claim_window", Value::Null)],
        "credits-no-claim-window",
        "/credit_schemes/0/claim_window",
        Warning,
    );
    fires(
        &[("/credit_schemes/0/cap", Value::Null)],
        "credits-no-cap",
        "/credit_schemes/0/cap",
        Warning,
    );
    fires(
        &[("/credit_schemes/0/cap", json!("150%"))],
        "credits-cap-over-100",
        "/credit_schemes/0/cap",
        Error,
    );
    fires(
        &[("/credit_schemes/0/cap", json!("7%"))],
        "credits-tier-over-cap",
        "/credit_schemes/0/cap",
        Warning,
    );
    fires(
        &[("/credit_schemes/0/tiers/1/below", json!("99.95%"))],
        "credit-tiers-order",
        "/credit_schemes/0/tiers/1",
        Warning,
    );
    fires(
        &[("/credit_schemes/0/tiers/1/credit", json!("120%"))],
        "target-out-of-range",
        "/credit_schemes/0/tiers/1/credit",
        Error,
    );
}

#[test]
fn underpinning_agreements_must_hold_the_promise() {
    use Severity::*;
    fires(
        &[("/service/dependencies/0/availability", json!("99.5%"))],
        "underpinning-weaker",
        "/service/dependencies/0/availability",
        Warning,
    );
    fires(
        &[(
            "/service/dependencies/0/support_hours",
            json!("Mon-Fri 09:00-17:00"),
        )],
        "underpinning-weaker",
        "/service/dependencies/0/support_hours",
        Warning,
    );
    fires(
        &[("/service/dependencies/0/resolution", json!("8h"))],
        "underpinning-weaker",
        "/service/dependencies/0/resolution",
        Warning,
    );
}

#[test]
fn sponsor_and_signatories() {
    use Severity::*;
    fires(
        &[("/stakeholders/1/roles", json!(["customer"]))],
        "missing-sponsor",
        "/stakeholders",
        Error,
    );
    fires(
        &[("/stakeholders/0/signs", Value::Null)],
        "missing-signatory",
        "/stakeholders",
        Error,
    );
    fires(
        &[("/stakeholders/1/roles", json!([]))],
        "stakeholder-without-role",
        "/stakeholders/1/roles",
        Warning,
    );
}

#[test]
fn findings_come_all_at_once_in_document_order() {
    let mut v = base();
    set(&mut v, "/document/title", json!(""));
    set(&mut v, "/support/priorities/0/resolution", json!("10 min"));
    set(&mut v, "/credit_schemes/0/cap", json!("150%"));
    set(&mut v, "/stakeholders/1/id", json!("owner"));
    let found = findings_of(&v);
    let pointers: Vec<&str> = found.iter().map(|f| f.pointer.as_str()).collect();
    let first = |p: &str| pointers.iter().position(|x| *x == p).unwrap();
    assert!(first("/document/title") < first("/stakeholders/1/id"));
    assert!(first("/stakeholders/1/id") < first("/support/priorities/0/resolution"));
    assert!(first("/support/priorities/0/resolution") < first("/credit_schemes/0/cap"));
    assert_eq!(found, findings_of(&v), "the same draft gives the same list");
}

/// `docs/checks.md` is generated from the code table; run with
/// `UPDATE_DOCS=1` to rewrite it.
#[test]
fn the_checks_document_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks.md");
    let want = pactwright::checks::codes::markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/checks.md is stale: run `UPDATE_DOCS=1 cargo test --test checks`"
    );
}

/// Every committed v1 sample (as on main before model v2) loads, migrates
/// and checks no worse in substance: every figure survives.
#[test]
fn version_1_drafts_migrate_with_nothing_lost() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let old: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(old["schema_version"], 1, "{}", path.display());
        let loaded = pactwright::file::parse_str(&path, &text).unwrap();
        let a = &loaded.agreement;
        assert_eq!(a.schema_version, pactwright::model::SCHEMA_VERSION);
        let saved = pactwright::file::to_canonical_json(a);
        // Every string value of the v1 file appears in the v2 file.
        let mut strings = Vec::new();
        collect_strings(&old, &mut strings);
        let new: Value = serde_json::from_str(&saved).unwrap();
        let mut now = Vec::new();
        collect_strings(&new, &mut now);
        for s in strings {
            assert!(now.contains(&s), "{}: {s:?} was lost", path.display());
        }
        // The warranty's availability figure is now a target.
        if let Some(t) = old.pointer("/service_levels/0/target") {
            assert!(
                a.availability_targets()
                    .any(|(_, x)| x.target.to_string() == t.as_str().unwrap().replace(' ', "")),
                "{}",
                path.display()
            );
        }
        seen += 1;
    }
    assert!(seen >= 5);
}

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| collect_strings(i, out)),
        _ => {}
    }
}

#[test]
fn check_list_names_every_code_once() {
    let text = pactwright::checks::codes::text();
    for c in pactwright::checks::CODES {
        assert_eq!(
            text.matches(&format!("  {} ", c.code)).count(),
            1,
            "{}",
            c.code
        );
    }
}

//! The OpenSLO export: every sample's YAML validates against the JSON
//! Schema written from the OpenSLO v1 specification
//! (`schema/openslo-v1.schema.json`), carries the draft's values, and
//! names each target it cannot express.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use pactwright::model::{Agreement, Metric};
use serde::Deserialize;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> Agreement {
    let path = root().join(format!("samples/{name}.agreement.json"));
    pactwright::file::load(&path).unwrap().agreement
}

fn documents(yaml: &str) -> Vec<Value> {
    yaml_serde::Deserializer::from_str(yaml)
        .map(|d| Value::deserialize(d).unwrap())
        .collect()
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schema/openslo-v1.schema.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

const SAMPLES: &[&str] = &[
    "cloud-hosting",
    "compute-sla",
    "it-service-desk",
    "network-ola",
    "telecom-uc",
    "university-service-desk",
];

#[test]
fn every_sample_exports_yaml_that_validates() {
    let v = validator();
    for name in SAMPLES {
        let a = sample(name);
        let (yaml, skipped) = pactwright::openslo::to_yaml(&a);
        let docs = documents(&yaml);
        assert_eq!(docs[0]["kind"], "Service", "{name}");
        assert_eq!(
            docs.len() - 1 + skipped.len(),
            a.service_levels.len(),
            "{name}: every target is exported or named as skipped"
        );
        for d in &docs {
            let errors: Vec<String> = v
                .iter_errors(d)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{name}: {}\n{errors:#?}",
                d["metadata"]["name"]
            );
            assert_eq!(d["apiVersion"], "openslo/v1");
        }
        let mut names: Vec<&Value> = docs.iter().map(|d| &d["metadata"]["name"]).collect();
        names.sort_by_key(|n| n.to_string());
        names.dedup();
        assert_eq!(names.len(), docs.len(), "{name}: names are unique");
    }
}

#[test]
fn the_schema_refuses_what_openslo_does_not_allow() {
    let v = validator();
    let (yaml, _) = pactwright::openslo::to_yaml(&sample("cloud-hosting"));
    let slo = documents(&yaml).remove(1);
    let mut bad = slo.clone();
    bad["spec"]["objectives"][0]["target"] = Value::from(1.0);
    assert!(!v.is_valid(&bad), "a target of 1 is outside [0, 1)");
    let mut bad = slo.clone();
    bad["spec"]["budgetingMethod"] = Value::from("Minutes");
    assert!(!v.is_valid(&bad));
    let mut bad = slo.clone();
    bad["metadata"]["name"] = Value::from("Not_A_Label");
    assert!(!v.is_valid(&bad));
    let mut bad = slo;
    bad["spec"]["timeWindow"][0]["duration"] = Value::from("1 month");
    assert!(!v.is_valid(&bad));
}

#[test]
fn the_values_are_the_drafts() {
    let a = sample("cloud-hosting");
    let (yaml, _) = pactwright::openslo::to_yaml(&a);
    let docs = documents(&yaml);
    let by_target = |id: &str| {
        docs.iter()
            .find(|d| d["metadata"]["annotations"]["pactwright/target"] == id)
            .unwrap_or_else(|| panic!("{id} exported"))
            .clone()
    };
    // SL1: availability 99.99%, calendar month, UTC, from February 2026.
    let sl1 = by_target("SL1");
    let spec = &sl1["spec"];
    assert_eq!(spec["budgetingMethod"], "Timeslices");
    assert_eq!(spec["objectives"][0]["target"], 0.9999);
    assert_eq!(spec["objectives"][0]["timeSliceWindow"], "1m");
    assert_eq!(spec["timeWindow"][0]["duration"], "1M");
    assert_eq!(spec["timeWindow"][0]["calendar"]["timeZone"], "UTC");
    assert_eq!(
        spec["timeWindow"][0]["calendar"]["startTime"],
        "2026-02-01 00:00:00"
    );
    assert_eq!(
        sl1["metadata"]["annotations"]["pactwright/agreement"],
        "NCS-SLA-CMP-2026-0142"
    );
    // SL3: P1 response within 15 min for 95% of cases.
    let sl3 = by_target("SL3");
    let o = &sl3["spec"]["objectives"][0];
    assert_eq!(sl3["spec"]["budgetingMethod"], "Occurrences");
    assert_eq!(o["op"], "lte");
    assert_eq!(o["value"], 900);
    assert_eq!(o["target"], 0.95);
    assert!(sl3["spec"]["indicator"]["spec"]["thresholdMetric"].is_object());
    // The time zone is the agreement's.
    let (yaml, _) = pactwright::openslo::to_yaml(&sample("network-ola"));
    let docs = documents(&yaml);
    assert_eq!(
        docs[1]["spec"]["timeWindow"][0]["calendar"]["timeZone"],
        "Europe/London"
    );
    // Every exported availability target is the draft's figure.
    for (_, t) in a.availability_targets() {
        let d = by_target(&t.id);
        let want = t
            .target
            .to_string()
            .trim_end_matches('%')
            .parse::<f64>()
            .unwrap()
            / 100.0;
        let got = d["spec"]["objectives"][0]["target"].as_f64().unwrap();
        assert!((got - want).abs() < 1e-12, "{}: {got} vs {want}", t.id);
    }
}

#[test]
fn targets_openslo_cannot_express_are_skipped_by_name() {
    let a = sample("it-service-desk");
    let (_, skipped) = pactwright::openslo::to_yaml(&a);
    let reasons: Vec<String> = skipped.iter().map(|s| s.to_string()).collect();
    insta::assert_snapshot!(reasons.join("\n"));
    // Business-hours availability, business days and a mean score.
    let sl1 = a
        .service_levels
        .iter()
        .find(|t| t.metric == Metric::Availability)
        .unwrap();
    assert!(skipped.iter().any(|s| s.id == sl1.id));
    assert!(skipped.iter().any(|s| s.reason.contains("mean score")));
}

#[test]
fn render_format_openslo_writes_yaml_and_warns_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("samples/it-service-desk.agreement.json"),
        dir.path().join("desk.agreement.json"),
    )
    .unwrap();
    let (code, out, err) = common::cli(
        dir.path(),
        &["render", "desk.agreement.json", "--format", "openslo"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("desk.openslo.yaml"), "{out}");
    assert!(
        err.contains("warning: target SL1 \"") && err.contains("service hours only"),
        "{err}"
    );
    let yaml = std::fs::read_to_string(dir.path().join("desk.openslo.yaml")).unwrap();
    assert!(
        yaml.starts_with("---\napiVersion: openslo/v1\nkind: Service\n"),
        "{yaml}"
    );
    let v = validator();
    assert!(documents(&yaml).iter().all(|d| v.is_valid(d)));
    let _ = Path::new("");
}

//! `pactwright diff` and the redline: realistic edits of the samples, each
//! compared with the original (snapshots of the text a sponsor reads), the
//! JSON and Markdown forms, bad input, and the redline PDF's text.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::cli;
use pactwright::diff;
use pactwright::model::Agreement;
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("samples").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn agreement(v: &Value) -> Agreement {
    let text = serde_json::to_string(v).unwrap();
    pactwright::file::parse_str(Path::new("edit.agreement.json"), &text)
        .unwrap()
        .agreement
}

/// The text `pactwright diff` prints for an edit of the IT service desk
/// sample (through the library, the same function the command calls).
fn edit(change: impl FnOnce(&mut Value)) -> String {
    let old = sample("it-service-desk.agreement.json");
    let mut new = old.clone();
    new["document"]["version"] = json!("3.0");
    change(&mut new);
    let d = diff::compare(&agreement(&old), &agreement(&new)).unwrap();
    diff::text(&d, false)
}

fn item<'a>(list: &'a mut Value, key: &str, value: &str) -> &'a mut Value {
    list.as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i[key] == value)
        .unwrap_or_else(|| panic!("no item {key} = {value}"))
}

#[test]
fn availability_raised_with_its_downtime() {
    insta::assert_snapshot!(edit(|v| {
        item(&mut v["service_levels"], "id", "SL1")["target"] = json!("99.9%");
    }));
}

#[test]
fn p1_resolution_halved_in_the_table_and_the_target() {
    insta::assert_snapshot!(edit(|v| {
        item(&mut v["support"]["priorities"], "id", "P1")["resolution"] = json!("1h");
        item(&mut v["service_levels"], "id", "SL6")["target"] = json!("1h");
    }));
}

#[test]
fn service_action_added_and_one_removed() {
    insta::assert_snapshot!(edit(|v| {
        let actions = v["offering"]["actions"].as_array_mut().unwrap();
        actions.retain(|a| a["action"] != "Install software from the approved catalogue");
        actions.push(json!({
            "action": "Loan a laptop for travel",
            "trigger": "User request",
            "channel": "Service portal",
            "target": "2bd"
        }));
    }));
}

#[test]
fn consumer_duty_removed_and_one_reworded() {
    insta::assert_snapshot!(edit(|v| {
        let duties = v["responsibilities"]["consumer"].as_array_mut().unwrap();
        duties.remove(1);
        let first = duties[0]
            .as_str()
            .unwrap()
            .replace("by telephone only", "by telephone or chat");
        duties[0] = json!(first);
    }));
}

#[test]
fn a_reorder_is_no_change() {
    let text = edit(|v| {
        v["document"]["version"] = json!("2.1");
        for path in [
            "/service_levels",
            "/offering/actions",
            "/stakeholders",
            "/service_hours/holidays",
        ] {
            v.pointer_mut(path)
                .unwrap()
                .as_array_mut()
                .unwrap()
                .reverse();
        }
    });
    insta::assert_snapshot!(text);
    assert!(text.contains("No changes."));
}

#[test]
fn holiday_added_to_the_calendar() {
    insta::assert_snapshot!(edit(|v| {
        v["service_hours"]["holidays"]
            .as_array_mut()
            .unwrap()
            .push(json!({"date": "2026-12-29", "name": "Company day"}));
    }));
}

#[test]
fn longer_service_hours_move_the_downtime_budget() {
    insta::assert_snapshot!(edit(|v| {
        v["service_hours"]["schedule"] = json!("Mon-Fri 07:00-19:00");
    }));
}

#[test]
fn clause_body_edited_word_by_word() {
    insta::assert_snapshot!(edit(|v| {
        let clause = item(&mut v["clauses"], "title", "Disputes about this agreement");
        let body = clause["body"].as_str().unwrap().to_owned();
        let words: Vec<&str> = body.split(' ').collect();
        // Change one word in the middle and add a sentence at the end.
        let mid = words.len() / 2;
        let mut edited: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        edited[mid] = "promptly".to_owned();
        clause["body"] = json!(format!(
            "{} Either side may ask for mediation.",
            edited.join(" ")
        ));
    }));
}

#[test]
fn approver_and_escalation_changed() {
    insta::assert_snapshot!(edit(|v| {
        item(&mut v["stakeholders"], "id", "pl-md")["title"] =
            json!("Chief Operating Officer, Personal Lines");
        let level = &mut v["support"]["escalation"][0];
        item(&mut level["after"], "priority", "P1")["after"] = json!("10 min");
    }));
}

#[test]
fn continuity_and_exclusions_changed() {
    insta::assert_snapshot!(edit(|v| {
        v["warranty"]["continuity"]["rto"] = json!("2h");
        v["warranty"]["continuity"]["test_frequency"] = json!("quarterly");
        v["exclusions"]
            .as_array_mut()
            .unwrap()
            .push(json!("Personal devices not enrolled in device management."));
    }));
}

#[test]
fn credit_scheme_tiers_changed() {
    let old = sample("cloud-hosting.agreement.json");
    let mut new = old.clone();
    new["credit_schemes"][0]["tiers"][0]["credit"] = json!("15%");
    new["credit_schemes"][0]["tiers"]
        .as_array_mut()
        .unwrap()
        .push(json!({"below": "90%", "credit": "100%"}));
    new["credit_schemes"][0]["claim_window"] = json!("60d");
    let d = diff::compare(&agreement(&old), &agreement(&new)).unwrap();
    insta::assert_snapshot!(diff::text(&d, false));
}

/// The redline test's and the command's edit: a version 3.0 a sponsor is
/// asked to sign again.
fn version_3(dir: &Path) -> (PathBuf, PathBuf) {
    let old = sample("it-service-desk.agreement.json");
    let mut new = old.clone();
    new["document"]["version"] = json!("3.0");
    new["document"]["status"] = json!("in_review");
    new["signatures"] = json!([]);
    item(&mut new["service_levels"], "id", "SL1")["target"] = json!("99.9%");
    item(&mut new["support"]["priorities"], "id", "P2")["resolution"] = json!("2h");
    item(&mut new["service_levels"], "id", "SL7")["target"] = json!("2h");
    new["offering"]["actions"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "action": "Loan a laptop for travel", "trigger": "User request", "target": "2bd"
        }));
    let duties = new["responsibilities"]["consumer"].as_array_mut().unwrap();
    duties.remove(1);
    let first = duties[0]
        .as_str()
        .unwrap()
        .replace("by telephone only", "by telephone or chat");
    duties[0] = json!(first);
    let (a, b) = (dir.join("v2.agreement.json"), dir.join("v3.agreement.json"));
    std::fs::write(&a, serde_json::to_string_pretty(&old).unwrap()).unwrap();
    std::fs::write(&b, serde_json::to_string_pretty(&new).unwrap()).unwrap();
    (a, b)
}

#[test]
fn command_formats_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = version_3(dir.path());
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let (code, text, err) = cli(dir.path(), &["diff", a, b]);
    assert_eq!((code, err.as_str()), (0, ""));
    insta::assert_snapshot!("command_text", text);
    let (code, md, _) = cli(dir.path(), &["diff", a, b, "--format", "md"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("command_md", md);
    let (code, json, _) = cli(dir.path(), &["diff", a, b, "--format", "json"]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&json).unwrap();
    insta::assert_json_snapshot!("command_json", json);
    // --exit-code: 1 with changes, 0 without.
    assert_eq!(cli(dir.path(), &["diff", a, b, "--exit-code"]).0, 1);
    assert_eq!(cli(dir.path(), &["diff", a, a, "--exit-code"]).0, 0);
}

#[test]
fn a_draft_with_itself_has_no_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = root().join("samples/it-service-desk.agreement.json");
    let p = path.to_str().unwrap();
    let (code, out, err) = cli(dir.path(), &["diff", p, p]);
    assert_eq!((code, err.as_str()), (0, ""));
    insta::assert_snapshot!(out);
    let (_, json, _) = cli(dir.path(), &["diff", p, p, "--format", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["sections"], json!([]));
}

#[test]
fn two_kinds_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let sla = root().join("samples/it-service-desk.agreement.json");
    let ola = root().join("samples/network-ola.agreement.json");
    let (code, out, err) = cli(
        dir.path(),
        &["diff", sla.to_str().unwrap(), ola.to_str().unwrap()],
    );
    assert_eq!((code, out.as_str()), (2, ""));
    let err = err.replace(root().to_str().unwrap(), "ROOT");
    insta::assert_snapshot!(err);
}

#[test]
fn a_v1_file_compares_with_its_v2_migration() {
    // The v1 sample as it was, and the same agreement saved by this
    // version after migration: nothing but the format differs.
    let dir = tempfile::tempdir().unwrap();
    let v1 = root().join("tests/fixtures/v1/it-service-desk.agreement.json");
    let migrated = pactwright::file::load(&v1).unwrap();
    assert_eq!(migrated.file_version, 1);
    let v2 = dir.path().join("v2.agreement.json");
    pactwright::file::save(&v2, &migrated.agreement).unwrap();
    let (code, out, err) = cli(
        dir.path(),
        &["diff", v1.to_str().unwrap(), v2.to_str().unwrap()],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("No changes."), "{out}");
    // And a v1 file against the current sample: real changes, reported in
    // the same words.
    let sample = root().join("samples/it-service-desk.agreement.json");
    let (code, out, _) = cli(
        dir.path(),
        &["diff", v1.to_str().unwrap(), sample.to_str().unwrap()],
    );
    assert_eq!(code, 0);
    insta::assert_snapshot!("v1_against_the_current_sample", out);
    assert!(
        !out.contains("schema"),
        "the file format is not a change in service terms: {out}"
    );
}

#[test]
fn a_file_that_does_not_parse_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.agreement.json");
    std::fs::write(
        &bad,
        "{\"schema_version\": 2, \"document\": {\"kind\": \"sla\",}",
    )
    .unwrap();
    let good = root().join("samples/it-service-desk.agreement.json");
    for args in [
        ["diff", good.to_str().unwrap(), "broken.agreement.json"],
        ["diff", "broken.agreement.json", good.to_str().unwrap()],
    ] {
        let (code, out, err) = cli(dir.path(), &args);
        assert_eq!((code, out.as_str()), (2, ""));
        assert!(err.contains("broken.agreement.json"), "{err}");
        insta::assert_snapshot!("broken_file", err);
    }
    let (code, _, err) = cli(
        dir.path(),
        &["diff", "missing.agreement.json", "broken.agreement.json"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.agreement.json") && err.contains("broken.agreement.json"),
        "{err}"
    );
}

#[test]
fn two_thousand_changed_actions_collapse() {
    let old = sample("it-service-desk.agreement.json");
    let mut a = old.clone();
    let mut b = old.clone();
    let actions = |n: usize, target: &str| {
        (0..n)
            .map(|i| json!({"action": format!("Provision workstation {i:04}"), "trigger": "User request", "target": target}))
            .collect::<Vec<_>>()
    };
    a["offering"]["actions"] = json!(actions(2000, "2bd"));
    b["offering"]["actions"] = json!(actions(2000, "1bd"));
    let d = diff::compare(&agreement(&a), &agreement(&b)).unwrap();
    assert_eq!(d.changes().count(), 2000);
    let text = diff::text(&d, false);
    insta::assert_snapshot!(text);
    assert!(text.lines().count() < 20, "{text}");
    assert_eq!(
        diff::text(&d, true)
            .lines()
            .filter(|l| l.contains("target 2bd -> 1bd"))
            .count(),
        2000
    );
}

#[test]
fn redline_pdf_holds_old_and_new_values() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = version_3(dir.path());
    let out = dir.path().join("red.pdf");
    let (code, _, err) = cli(
        dir.path(),
        &[
            "render",
            b.to_str().unwrap(),
            "--compare",
            a.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    // The same redline through the library, to read its pages' text.
    let old = pactwright::file::load(&a).unwrap().agreement;
    let new = pactwright::file::load(&b).unwrap().agreement;
    let d = diff::compare(&old, &new).unwrap();
    let mut view = pactwright::render::view::view(&new);
    diff::redline::set(&mut view, &d);
    let templates = pactwright::render::template_set(None).unwrap();
    let source = pactwright::render::view_to_markdown(view, &templates, "sla").unwrap();
    let fonts = pactwright::render::Fonts::bundled().unwrap();
    let pdf = pactwright::render::markdown_to_pdf(
        &new,
        &source,
        pactwright::render::Paper::A4,
        fonts.for_source(&source, &new),
        false,
    )
    .unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(bytes, pdf.pdf, "the command writes the library's redline");
    let text: Vec<String> = pdf.layout.pages.iter().map(|p| p.text()).collect();
    let changes = text
        .iter()
        .position(|t| t.contains("Changes since version 2.1\nThis version (3.0) makes"))
        .expect("a Changes since section");
    let control = text
        .iter()
        .position(|t| t.contains("Document control\nItem"))
        .unwrap_or(usize::MAX);
    assert!(
        changes < control,
        "the changes come before the first section"
    );
    let page = &text[changes];
    for words in [
        "[removed: 99.5%]",
        "[added: 99.9%]",
        "[removed: 4h] [added: 2h]",
        "[removed: only,] [added: or chat,]",
        "Loan a laptop for travel",
        "[removed: Give the information needed",
    ] {
        assert!(
            page.contains(words),
            "{words:?} not in the redline:\n{page}"
        );
    }
}

//! "Compare with…" in the app: every text the file had when opened or
//! saved is kept as a version; the draft compared with one of them gives
//! the core's changes in the document's words and a change-history entry
//! prefilled from them; drafts of different kinds are refused in words.

mod common;

use common::host;
use serde_json::{Value, json};

fn sample() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../samples/it-service-desk.agreement.json"
    ))
    .expect("sample");
    serde_json::from_str(&text).expect("sample json")
}

#[test]
fn the_draft_compared_with_the_version_as_opened_lists_its_changes_and_prefills_an_entry() {
    let h = host();
    let path = h.dir.path().join("desk.agreement.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&sample()).expect("json"),
    )
    .expect("write");
    pactwright_app::files::commands::open_path(&h.state(), &path).expect("open");

    // Opened: one version kept, as it says of itself.
    let versions = h.ok("compare_versions", json!({}));
    let list = versions.as_array().expect("list");
    assert_eq!(list.len(), 1, "{versions}");
    assert_eq!(list[0]["version"], "2.1");
    assert_eq!(list[0]["status"], "Approved");
    let id = list[0]["id"].clone();

    // Nothing changed yet.
    let same = h.ok(
        "draft_compare",
        json!({ "draft": sample(), "with": { "kind": "version", "id": id } }),
    );
    assert_eq!(same["totals"], "No changes.");
    assert_eq!(same["entry"], Value::Null);
    assert_eq!(same["sections"], json!([]));

    let mut draft = sample();
    draft["service_levels"][0]["target"] = json!("99.9%");
    draft["offering"]["actions"][0]["action"] =
        json!("Reset a password or unlock an account (self-service first)");
    let cmp = h.ok(
        "draft_compare",
        json!({ "draft": draft, "with": { "kind": "version", "id": id } }),
    );
    assert_eq!(
        cmp["against"],
        "version 2.1 of desk.agreement.json saved earlier"
    );
    let lines: Vec<String> = cmp["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["changes"].as_array().cloned().unwrap_or_default())
        .map(|c| c["line"].as_str().unwrap_or("").to_owned())
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("99.5% → 99.9%") && l.contains("allowed downtime")),
        "{lines:#?}"
    );
    let entry = &cmp["entry"];
    // The draft still says 2.1: the entry is for the next version.
    assert_eq!(entry["version"], "2.2", "{entry}");
    assert!(
        entry["date"].as_str().is_some_and(|d| d.len() == 10),
        "{entry}"
    );
    let summary = entry["summary"].as_str().expect("summary");
    assert!(
        summary.contains("99.5% → 99.9%") && summary.ends_with('.'),
        "{summary}"
    );

    // Saved: a second version; the same text saved again adds none.
    h.ok("file_save", json!({ "draft": draft, "force": false }));
    h.ok("file_save", json!({ "draft": draft, "force": false }));
    assert_eq!(
        h.ok("compare_versions", json!({})).as_array().map(Vec::len),
        Some(2)
    );
}

#[test]
fn a_draft_of_another_kind_or_a_version_not_kept_is_refused_in_words() {
    let h = host();
    let path = h.dir.path().join("desk.agreement.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&sample()).expect("json"),
    )
    .expect("write");
    // Nothing open: no versions, and asking for one says why.
    assert_eq!(h.ok("compare_versions", json!({})), json!([]));
    let err = h
        .call(
            "draft_compare",
            json!({ "draft": sample(), "with": { "kind": "version", "id": "1" } }),
        )
        .expect_err("refused");
    assert_eq!(err["kind"], "not_saved", "{err}");

    pactwright_app::files::commands::open_path(&h.state(), &path).expect("open");
    let id = h.ok("compare_versions", json!({}))[0]["id"].clone();
    let mut ola = sample();
    ola["document"]["kind"] = json!("ola");
    let err = h
        .call(
            "draft_compare",
            json!({ "draft": ola, "with": { "kind": "version", "id": id } }),
        )
        .expect_err("refused");
    assert_eq!(err["kind"], "refused", "{err}");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("different kinds")),
        "{err}"
    );
    let err = h
        .call(
            "draft_compare",
            json!({ "draft": sample(), "with": { "kind": "version", "id": "12" } }),
        )
        .expect_err("refused");
    assert_eq!(err["kind"], "no_version", "{err}");
}

//! Always savable, nothing lost (issue 10, item 2), through the app's
//! commands: a value the core does not understand yet is one finding on its
//! field, hides neither the preview nor the downtime note, and is saved and
//! reopened exactly as typed.

mod common;

use common::host;
use serde_json::{Value, json};

/// As typed, with what a careless save would lose: spaces around it, two
/// spaces inside, a dash that is not ASCII.
const TYPED: &str = "  Mon–Fri 8 till  late ";

fn sample_draft() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../samples/it-service-desk.agreement.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("sample")).expect("json")
}

#[test]
fn a_schedule_not_understood_is_one_finding_and_hides_nothing() {
    let h = host();
    let mut draft = sample_draft();
    draft["service_hours"]["schedule"] = json!(TYPED);
    let edit = h.update(&draft);
    let checked = h.next("checked", edit)["result"].clone();
    // Nothing set aside: the value is read, as typed.
    assert_eq!(checked["invalid"], false, "{checked}");
    let findings = checked["findings"].as_array().expect("findings");
    let on: Vec<&Value> = findings
        .iter()
        .filter(|f| f["pointer"] == "/service_hours/schedule")
        .collect();
    assert_eq!(on.len(), 1, "{findings:#?}");
    assert_eq!(on[0]["code"], "not-understood");
    assert_eq!(on[0]["severity"], "error");
    assert_eq!(
        on[0]["message"],
        "\"Mon–Fri 8 till late\" for the service hours is not understood yet; write it like \"Monday to Friday 08:00-18:00\" or \"24/7\""
    );
    // The sample has no other error: this is the only one (besides the
    // approval the edit made stale, as any edit of an approved draft does).
    let errors: Vec<&Value> = findings
        .iter()
        .filter(|f| f["severity"] == "error" && f["code"] != "approval-stale")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    for f in findings {
        let message = f["message"].as_str().expect("message");
        assert!(!message.contains("missing field"), "{message}");
    }
    // Still previewed.
    assert!(h.next("laid", edit)["info"]["page_count"].as_u64() >= Some(1));
    // The availability target's budget is a note that says why.
    let budgets = h.next("budgets", edit)["budgets"].clone();
    let note = &budgets[0]["budget"]["Err"];
    assert_eq!(note["kind"], "unreadable", "{budgets}");
    assert_eq!(
        note["message"],
        "The downtime cannot be computed until the service hours can be read: \"Mon–Fri 8 till  late\" is not understood yet.",
    );
}

#[test]
fn a_value_not_understood_is_saved_and_reopened_exactly_as_typed() {
    let h = host();
    let path = h.dir.path().join("desk.agreement.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&sample_draft()).expect("json"),
    )
    .expect("write");
    pactwright_app::files::commands::open_path(&h.state(), &path).expect("open");
    let mut draft = sample_draft();
    draft["service_hours"]["schedule"] = json!(TYPED);
    draft["support"]["priorities"][0]["response"] = json!("15 minuets");
    // Understood, and saved in its canonical form.
    draft["support"]["priorities"][1]["response"] = json!("4 hours");
    let saved = h.ok("file_save", json!({ "draft": draft, "force": false }));
    assert_eq!(saved["name"], "desk.agreement.json");

    let on_disk: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    assert_eq!(on_disk["service_hours"]["schedule"], TYPED);
    assert_eq!(
        on_disk["support"]["priorities"][0]["response"],
        "15 minuets"
    );
    assert_eq!(on_disk["support"]["priorities"][1]["response"], "4h");

    // Closed and opened again (from the recent list, as the UI does).
    let h = host();
    pactwright_app::files::commands::open_path(&h.state(), &path).expect("open");
    let reopened = h.ok(
        "file_open_recent",
        json!({ "path": path.display().to_string() }),
    );
    let again = &reopened["draft"];
    assert_eq!(again["service_hours"]["schedule"], TYPED);
    assert_eq!(again["support"]["priorities"][0]["response"], "15 minuets");
    // Saving it again changes nothing.
    let before = std::fs::read(&path).expect("read");
    h.ok("file_save", json!({ "draft": again, "force": false }));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

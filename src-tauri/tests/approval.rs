//! Approval in the app: the checks say where a draft stands (who may
//! approve it, the warning before editing an approved draft), and
//! "Approve" records the approval through the core, or says why not.

mod common;

use common::host;
use serde_json::{Value, json};

fn sample(h: &common::Host, id: &str) -> Value {
    h.ok("file_open_sample", json!({ "id": id }))["draft"].clone()
}

#[test]
fn an_approved_sample_warns_before_an_edit_and_approving_again_records_it() {
    let h = host();
    let draft = sample(&h, "it-service-desk");
    let edit = h.update(&draft);
    let approval = h.next("checked", edit)["result"]["approval"].clone();
    let warning = approval["edit_warning"]
        .as_str()
        .expect("an approved draft warns");
    assert!(
        warning.starts_with("This agreement is approved."),
        "{warning}"
    );
    assert!(
        warning.contains("Editing it returns it to draft"),
        "{warning}"
    );
    let current = approval["current"]
        .as_str()
        .expect("the approval is current");
    assert!(current.contains("approved version 2.1"), "{current}");
    let approvers = approval["approvers"].as_array().expect("approvers");
    assert_eq!(approvers.len(), 1, "{approval}");
    let approver = approvers[0].as_str().expect("an id").to_owned();

    // Approving the text as it is changes nothing.
    let same = h.ok(
        "draft_approve",
        json!({ "draft": draft, "by": approver, "date": null }),
    );
    assert_eq!(same["changed"], false, "{same}");
    assert!(
        same["message"]
            .as_str()
            .unwrap_or("")
            .starts_with("Already approved"),
        "{same}"
    );

    // Edited and returned to draft, the approval is stale; approving it
    // again records a new entry with today's date and the fingerprint.
    let mut edited = draft.clone();
    edited["document"]["title"] = json!("IT Service Desk SLA");
    edited["document"]["status"] = json!("draft");
    let edit = h.update(&edited);
    let approval = h.next("checked", edit)["result"]["approval"].clone();
    assert_eq!(
        approval["edit_warning"],
        Value::Null,
        "a draft does not warn: {approval}"
    );
    assert_eq!(approval["current"], Value::Null, "{approval}");
    let before = edited["document"]["change_history"]
        .as_array()
        .map_or(0, Vec::len);
    let done = h.ok(
        "draft_approve",
        json!({ "draft": edited, "by": approver, "date": "2026-12-03" }),
    );
    assert_eq!(done["changed"], true, "{done}");
    assert!(
        done["message"]
            .as_str()
            .unwrap_or("")
            .ends_with("approved version 2.1 on 3 December 2026."),
        "{done}"
    );
    let approved = &done["draft"];
    assert_eq!(approved["document"]["status"], "approved");
    let history = approved["document"]["change_history"]
        .as_array()
        .expect("history");
    assert_eq!(history.len(), before + 1);
    let entry = history.last().expect("entry");
    assert_eq!(entry["approval"]["by"], approver.as_str());
    assert!(
        entry["approval"]["fingerprint"]
            .as_str()
            .unwrap_or("")
            .starts_with("sha256:"),
        "{entry}"
    );
    let edit = h.update(approved);
    let result = h.next("checked", edit)["result"].clone();
    assert!(result["approval"]["current"].is_string(), "{result}");
    assert!(
        !result["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["code"] == "approval-stale"),
        "{result}"
    );
}

#[test]
fn approve_refuses_in_words_and_changes_nothing() {
    let h = host();
    let draft = sample(&h, "it-service-desk");
    let mut edited = draft.clone();
    edited["document"]["status"] = json!("draft");
    edited["document"]["title"] = json!("Changed");

    // Someone who is not the approver.
    let other = draft["stakeholders"]
        .as_array()
        .expect("stakeholders")
        .iter()
        .map(|s| s["id"].as_str().unwrap_or("").to_owned())
        .find(|id| *id != draft["document"]["approver"])
        .expect("another stakeholder");
    let e = h
        .call(
            "draft_approve",
            json!({ "draft": edited, "by": other, "date": null }),
        )
        .expect_err("not the approver");
    assert_eq!(e["kind"], "refused", "{e}");
    let m = e["message"].as_str().expect("message");
    assert!(m.starts_with("Not approved: "), "{m}");
    assert!(
        m.contains("only the approver named in document control can approve it"),
        "{m}"
    );
    assert!(!m.contains('`'), "{m}");

    // A draft with an error.
    let mut broken = edited.clone();
    broken["document"]["title"] = json!("");
    let approver = draft["document"]["approver"].clone();
    let e = h
        .call(
            "draft_approve",
            json!({ "draft": broken, "by": approver, "date": null }),
        )
        .expect_err("has errors");
    assert_eq!(e["kind"], "refused", "{e}");
    assert!(
        e["message"]
            .as_str()
            .unwrap_or("")
            .contains("the checks find 1 error"),
        "{e}"
    );

    // A date that is not one.
    let e = h
        .call(
            "draft_approve",
            json!({ "draft": edited, "by": approver, "date": "next Tuesday" }),
        )
        .expect_err("bad date");
    assert_eq!(e["kind"], "bad_date", "{e}");
    assert!(
        e["message"]
            .as_str()
            .unwrap_or("")
            .contains("Give it as 2026-04-01"),
        "{e}"
    );

    // A draft the model cannot read yet.
    let mut unreadable = edited.clone();
    unreadable["service_levels"][0]["target"] = json!({ "nonsense": true });
    let e = h
        .call(
            "draft_approve",
            json!({ "draft": unreadable, "by": approver, "date": null }),
        )
        .expect_err("unreadable");
    assert_eq!(e["kind"], "unreadable", "{e}");
}

#[test]
fn return_to_draft_takes_off_the_old_signatures_also_with_a_value_not_understood() {
    let h = host();
    let draft = sample(&h, "it-service-desk");
    assert!(
        !draft["signatures"]
            .as_array()
            .expect("signatures")
            .is_empty()
    );
    let mut edited = draft.clone();
    edited["document"]["title"] = json!("Changed");
    let back = h.ok("draft_return_to_draft", json!({ "draft": edited }));
    assert_eq!(back["document"]["status"], "draft");
    assert!(
        back["signatures"].as_array().is_none_or(Vec::is_empty),
        "{}",
        back["signatures"]
    );
    assert_eq!(back["document"]["title"], "Changed");

    // Typed as the user typed it, not understood yet: still returned to draft, kept as typed.
    let mut typed = draft.clone();
    typed["service_hours"]["schedule"] = json!("Monday to Friday, roughly office hours");
    typed["service_levels"][0]["target"] = json!("ninety-nine point nine");
    let back = h.ok("draft_return_to_draft", json!({ "draft": typed }));
    assert_eq!(back["document"]["status"], "draft");
    assert_eq!(
        back["service_levels"][0]["target"],
        "ninety-nine point nine"
    );
    assert!(back.get("signatures").is_none(), "{back}");

    // The text as approved, unedited: nothing to do.
    let same = h.ok("draft_return_to_draft", json!({ "draft": draft }));
    assert_eq!(same, draft);
}

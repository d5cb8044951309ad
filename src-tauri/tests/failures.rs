//! A failure inside Pactwright (a panic in the checks or the layout) comes
//! back to the UI as an error of kind "failed" with its message, never as
//! "no findings" or a blank preview, and the app keeps working afterwards.
//! One test in its own binary: the debug-only trigger is process-wide.

mod common;

use common::{host, new_sla};
use serde_json::json;

#[test]
fn failures_inside_are_errors_with_their_message() {
    let h = host();
    let draft = new_sla(&h);

    pactwright::failure::force_failure(Some("checks"));
    let e = h
        .call("check_draft", json!({ "draft": draft }))
        .expect_err("the checks failed inside");
    assert_eq!(e["group"], "checks", "{e}");
    assert_eq!(e["kind"], "failed", "{e}");
    let message = e["message"].as_str().expect("message");
    assert!(
        message.contains("test failure requested in checks"),
        "{message}"
    );
    assert!(message.contains("Your draft is unchanged"), "{message}");
    // The preview still works while the checks fail.
    h.ok("preview_render", json!({ "draft": draft }));

    pactwright::failure::force_failure(Some("layout"));
    let e = h
        .call("preview_render", json!({ "draft": draft }))
        .expect_err("the layout failed inside");
    assert_eq!(e["group"], "preview", "{e}");
    assert_eq!(e["kind"], "failed", "{e}");
    let message = e["message"].as_str().expect("message");
    assert!(
        message.contains("test failure requested in layout"),
        "{message}"
    );

    // Afterwards everything works again: nothing was poisoned.
    pactwright::failure::force_failure(None);
    let checked = h.ok("check_draft", json!({ "draft": draft }));
    assert!(!checked["findings"].as_array().expect("findings").is_empty());
    let info = h.ok("preview_render", json!({ "draft": draft }));
    assert!(info["page_count"].as_u64().expect("pages") >= 1);
}

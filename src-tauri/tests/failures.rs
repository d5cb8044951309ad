//! A failure inside Pactwright (a panic in the checks or the layout) comes
//! back to the UI as an error of kind "failed" with its message, never as
//! "no findings" or a blank preview, and the app keeps working afterwards.
//! One test in its own binary: the debug-only trigger is process-wide.

mod common;

use common::{host, new_sla};

#[test]
fn failures_inside_are_errors_with_their_message() {
    let h = host();
    let draft = new_sla(&h);

    pactwright::failure::force_failure(Some("checks"));
    let edit = h.update(&draft);
    let e = h.next("check_failed", edit)["error"].clone();
    assert_eq!(e["group"], "checks", "{e}");
    assert_eq!(e["kind"], "failed", "{e}");
    let message = e["message"].as_str().expect("message");
    assert!(
        message.contains("test failure requested in checks"),
        "{message}"
    );
    assert!(message.contains("Your draft is unchanged"), "{message}");
    // The preview still works while the checks fail.
    h.next("laid", edit);

    pactwright::failure::force_failure(Some("layout"));
    let edit = h.update(&draft);
    let e = h.next("preview_failed", edit)["error"].clone();
    assert_eq!(e["group"], "preview", "{e}");
    assert_eq!(e["kind"], "failed", "{e}");
    let message = e["message"].as_str().expect("message");
    assert!(
        message.contains("test failure requested in layout"),
        "{message}"
    );

    // Afterwards everything works again: nothing was poisoned, and the
    // background work carries on.
    pactwright::failure::force_failure(None);
    let edit = h.update(&draft);
    let checked = h.next("checked", edit);
    assert!(
        !checked["result"]["findings"]
            .as_array()
            .expect("findings")
            .is_empty()
    );
    let info = h.next("laid", edit)["info"].clone();
    assert!(info["page_count"].as_u64().expect("pages") >= 1);
}

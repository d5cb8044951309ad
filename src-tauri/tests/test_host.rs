//! Runs the command handlers with no window (Tauri's mock runtime), through
//! the same IPC layer the webview uses: the shell is a thin adapter, and
//! everything it does can be exercised without a display.

mod common;

use common::{host, new_sla};
use serde_json::{Value, json};

#[test]
fn new_draft_is_checked_and_previewed() {
    let h = host();
    let draft = new_sla(&h);
    assert_eq!(draft["document"]["kind"], "sla");

    let edit = h.update(&draft);
    let checked = h.next("checked", edit);
    assert_eq!(checked["edit"], edit);
    let findings = checked["result"]["findings"].as_array().expect("findings");
    assert!(!findings.is_empty(), "a starter SLA has findings");
    assert!(findings.iter().all(|f| f["pointer"].as_str().is_some()));
    assert_eq!(checked["result"]["invalid"], false);

    let info = h.next("laid", edit)["info"].clone();
    let pages = info["page_count"].as_u64().expect("page count");
    assert!(pages >= 1);
    let page = h.ok(
        "preview_page",
        json!({ "revision": info["revision"], "index": 0 }),
    );
    // The cover page: its title drawn in glyphs whose outlines come along.
    let runs = page["runs"].as_array().expect("runs");
    assert!(!runs.is_empty());
    assert!(!page["outlines"].as_array().expect("outlines").is_empty());
    assert_eq!(page["width"], info["width"]);
    // A page of an older layout is refused, not mixed up.
    let later = h.update(&draft);
    let again = h.next("laid", later)["info"].clone();
    assert_ne!(again["revision"], info["revision"]);
    let stale = h
        .call(
            "preview_page",
            json!({ "revision": info["revision"], "index": 0 }),
        )
        .expect_err("stale revision");
    assert_eq!(stale["group"], "preview");
    assert_eq!(stale["kind"], "no_page");
}

#[test]
fn unreadable_value_is_a_finding_on_its_field() {
    let h = host();
    let mut draft = new_sla(&h);
    // Of the wrong kind (text the core does not understand yet is kept as
    // typed instead: tests/as_typed.rs).
    draft["service_hours"] = json!({ "schedule": 42, "time_zone": "UTC" });
    let edit = h.update(&draft);
    let checked = h.next("checked", edit)["result"].clone();
    assert_eq!(checked["invalid"], true);
    let first = &checked["findings"][0];
    // The core's Finding, as the UI reads it.
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "invalid-value");
    assert_eq!(first["pointer"], "/service_hours/schedule");
    assert!(
        first["hint"].as_str().is_some_and(|h| h.contains("24x7")),
        "{first}"
    );
    // The rest of the draft is still checked.
    assert!(checked["findings"].as_array().expect("list").len() > 1);
    // And still previewed.
    assert!(h.next("laid", edit)["info"]["page_count"].as_u64() >= Some(1));
}

/// A clause body nested 50,000 levels deep renders through the app's own
/// render path, on the thread it really runs on (the background work's),
/// instead of taking the window down.
#[test]
fn deeply_nested_clause_bodies_preview() {
    let h = host();
    let mut draft = new_sla(&h);
    draft["clauses"] = json!([
        { "title": "Deep quote", "body": format!("{}x", "> ".repeat(50_000)) },
        { "title": "Deep list", "body": format!("{}y", "- ".repeat(50_000)) },
    ]);
    let edit = h.update(&draft);
    let laid = h.next("laid", edit);
    assert!(laid["info"]["page_count"].as_u64().expect("page count") >= 1);
}

#[test]
fn downtime_budgets_follow_the_targets() {
    let h = host();
    let mut draft = new_sla(&h);
    draft["service_hours"] = json!({ "schedule": "24x7", "time_zone": "UTC" });
    draft["warranty"] = json!({ "availability": { "period": "month30_days" } });
    draft["service_levels"] = json!([
        { "id": "SL1", "metric": "availability", "target": "99.9%" },
        { "id": "SL2", "metric": "response_time", "target": "4h" },
        { "id": "SL3", "metric": "availability", "target": "99%", "scope": "single instances" }
    ]);
    // One per availability target, with its index; each the core's own
    // result: { Ok: budget } or { Err: note }.
    let budgets = |edit| h.next("budgets", edit)["budgets"].clone();
    let b = budgets(h.update(&draft));
    assert_eq!(b.as_array().map(Vec::len), Some(2), "{b}");
    assert_eq!(b[0]["index"], 0);
    assert_eq!(b[0]["budget"]["Ok"]["rows"][0]["allowed"], "43m 12s", "{b}");
    assert_eq!(b[1]["index"], 2);
    assert_eq!(b[1]["budget"]["Ok"]["rows"][0]["allowed"], "7h 12m", "{b}");
    draft["service_levels"][0]["target"] = json!("99%");
    let b = budgets(h.update(&draft));
    assert_eq!(b[0]["budget"]["Ok"]["least"]["allowed"], "7h 12m", "{b}");
    draft["service_levels"][0]["target"] = json!("99.");
    let b = budgets(h.update(&draft));
    assert_eq!(b[0]["budget"]["Err"]["kind"], "incomplete", "{b}");
    assert!(b[0]["budget"]["Err"]["message"].as_str().is_some(), "{b}");
    // A value elsewhere that cannot be read yet does not hide the budget.
    draft["service_levels"][0]["target"] = json!("99.9%");
    draft["document"]["status"] = json!("nearly");
    let b = budgets(h.update(&draft));
    assert_eq!(b[0]["budget"]["Ok"]["rows"][0]["allowed"], "43m 12s", "{b}");

    // One whose own hours cannot be read is a note on that target only.
    draft["service_levels"][2]["service_hours"] = json!({ "schedule": "whenever" });
    let b = budgets(h.update(&draft));
    assert_eq!(b[0]["budget"]["Ok"]["rows"][0]["allowed"], "43m 12s", "{b}");
    assert_eq!(b[1]["index"], 2, "{b}");
    assert_eq!(b[1]["budget"]["Err"]["kind"], "unreadable", "{b}");
}

/// Typing fast: every edit reaches the shell once, the work only ever
/// takes the newest draft, and the last results are those of the last
/// edit.
#[test]
fn fast_typing_ends_in_the_final_state_everywhere() {
    let h = host();
    let mut draft = new_sla(&h);
    draft["service_hours"] = json!({ "schedule": "24x7", "time_zone": "UTC" });
    draft["warranty"] = json!({ "availability": { "period": "month30_days" } });
    draft["service_levels"] = json!([{ "id": "SL1", "metric": "availability", "target": "99%" }]);
    let title = "Payroll service level agreement for the finance department";
    let mut last = 0;
    for n in 1..=title.len() {
        draft["document"]["title"] = json!(&title[..n]);
        last = h.update(&draft);
    }
    draft["service_levels"][0]["target"] = json!("99.9%");
    draft["service_hours"]["schedule"] = json!("whenever");
    let edits = h.update(&draft);
    assert!(edits > last);

    let checked = h.next("checked", edits);
    assert_eq!(checked["edit"], edits);
    let findings = checked["result"]["findings"].as_array().expect("findings");
    assert!(
        findings.iter().any(|f| f["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("\"whenever\""))),
        "the final draft: {findings:?}"
    );
    let laid = h.next("laid", edits);
    assert_eq!(laid["edit"], edits);
    let outline = laid["info"]["outline"].to_string();
    assert!(!outline.is_empty());
    let budgets = h.next("budgets", edits);
    assert_eq!(budgets["edit"], edits);
    assert_eq!(
        budgets["budgets"][0]["budget"]["Err"]["kind"], "unreadable",
        "the final service hours: {budgets}"
    );
    // Stale drafts were dropped, not worked through one by one.
    let all = h.drain();
    let count = |kind: &str| all.iter().filter(|e| e["kind"] == kind).count() + 1;
    assert!(
        count("laid") < edits as usize / 2,
        "{} layouts for {edits} edits",
        count("laid")
    );
    assert!(
        count("checked") < edits as usize / 2,
        "{} checks for {edits} edits",
        count("checked")
    );
}

/// Unsaved edits are kept as a recovery copy in the background.
#[test]
fn unsaved_edits_are_kept_as_a_recovery_copy() {
    let h = host();
    let mut draft = new_sla(&h);
    draft["document"]["title"] = json!("Kept while typing");
    // Not dirty: nothing to recover.
    h.update(&draft);
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert_eq!(h.ok("app_start", json!({}))["recovery"], Value::Null);
    h.ok(
        "app_set_state",
        json!({ "title": "• Kept while typing", "dirty": true }),
    );
    h.update(&draft);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let start = h.ok("app_start", json!({}));
        if start["recovery"]["draft"]["document"]["title"] == "Kept while typing" {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no recovery copy: {start}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Another program changing the open file is noticed without saving.
#[test]
fn a_change_on_disk_is_reported() {
    let h = host();
    let path = h.dir.path().join("watched.agreement.json");
    let mut draft = new_sla(&h);
    draft["document"]["title"] = json!("Watched");
    pactwright::file::save(
        &path,
        &serde_json::from_value(draft.clone()).expect("agreement"),
    )
    .expect("save");
    pactwright_app::files::commands::open_path(&h.state(), &path).expect("open");
    // Our own save is not a change by someone else.
    draft["document"]["title"] = json!("Watched v2");
    h.ok("file_save", json!({ "draft": draft, "force": false }));
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        h.drain().iter().all(|e| e["kind"] != "changed_on_disk"),
        "own save reported"
    );
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("Watched v2", "Edited elsewhere")).expect("write");
    let event = h.next_of("changed_on_disk");
    assert_eq!(event["name"], "watched.agreement.json");
    assert_eq!(event["removed"], false);
    std::fs::remove_file(&path).expect("remove");
    let event = h.next_of("changed_on_disk");
    assert_eq!(event["removed"], true);
}

#[test]
fn save_refuses_a_file_changed_on_disk_unless_forced() {
    let h = host();
    let path = h.dir.path().join("desk.agreement.json");
    let mut draft = new_sla(&h);
    draft["document"]["title"] = json!("Desk SLA");
    pactwright::file::save(
        &path,
        &serde_json::from_value(draft.clone()).expect("agreement"),
    )
    .expect("save");
    pactwright_app::files::commands::open_path(&h.state(), &path).expect("open");

    draft["document"]["title"] = json!("Desk SLA v2");
    let saved = h.ok("file_save", json!({ "draft": draft, "force": false }));
    assert_eq!(saved["name"], "desk.agreement.json");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("Desk SLA v2"));

    // Someone else edits the file.
    std::fs::write(&path, text.replace("Desk SLA v2", "Edited elsewhere")).expect("write");
    draft["document"]["title"] = json!("Desk SLA v3");
    let err = h
        .call("file_save", json!({ "draft": draft, "force": false }))
        .expect_err("changed on disk");
    assert_eq!(err["group"], "files");
    assert_eq!(err["kind"], "changed_on_disk");
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("Edited elsewhere")
    );
    h.ok("file_save", json!({ "draft": draft, "force": true }));
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("Desk SLA v3")
    );

    // Saved files are on the recent list and may be reopened from it.
    let start = h.ok("app_start", json!({}));
    assert_eq!(start["recent"][0]["name"], "desk.agreement.json");
    let reopened = h.ok(
        "file_open_recent",
        json!({ "path": path.display().to_string() }),
    );
    assert_eq!(reopened["draft"]["document"]["title"], "Desk SLA v3");
}

#[test]
fn paths_not_chosen_by_the_user_are_refused() {
    let h = host();
    let err = h
        .call("file_open_recent", json!({ "path": "/etc/passwd" }))
        .expect_err("not on the recent list");
    assert_eq!(err["kind"], "not_allowed");
    let err = h
        .call("file_open_sample", json!({ "id": "../../etc/passwd" }))
        .expect_err("not a sample id");
    assert_eq!(err["kind"], "no_sample");
    let err = h
        .call("export_open", json!({ "path": "/etc/passwd" }))
        .expect_err("not exported here");
    assert_eq!(err["kind"], "not_exported");
}

#[test]
fn unreadable_file_gives_the_core_message() {
    let h = host();
    let path = h.dir.path().join("newer.agreement.json");
    std::fs::write(
        &path,
        r#"{"schema_version": 99, "document": {"kind": "sla"}}"#,
    )
    .expect("write");
    let err = pactwright_app::files::commands::open_path(&h.state(), &path).expect_err("newer");
    let core = pactwright::file::load(&path)
        .expect_err("core refuses")
        .to_string();
    assert_eq!(err.to_string(), core);
}

#[test]
fn recovery_copy_survives_until_discarded() {
    let h = host();
    let mut draft = new_sla(&h);
    draft["document"]["title"] = json!("Unsaved title");
    h.ok("recovery_write", json!({ "draft": draft }));
    let start = h.ok("app_start", json!({}));
    assert_eq!(
        start["recovery"]["draft"]["document"]["title"],
        "Unsaved title"
    );
    let restored = h.ok("recovery_restore", json!({}));
    assert_eq!(restored["draft"]["document"]["title"], "Unsaved title");
    h.ok("recovery_discard", json!({}));
    let start = h.ok("app_start", json!({}));
    assert_eq!(start["recovery"], Value::Null);
}

#[test]
fn export_writes_pdf_markdown_and_html() {
    let h = host();
    let mut draft = new_sla(&h);
    draft["document"]["title"] = json!("Export Check Agreement");
    for (format, name) in [("pdf", "a.pdf"), ("markdown", "a.md"), ("html", "a.html")] {
        let path = h.dir.path().join(name);
        let fmt: pactwright_app::dto::ExportFormat =
            serde_json::from_value(json!(format)).expect("format");
        let stages = std::cell::RefCell::new(Vec::new());
        let out =
            pactwright_app::export::commands::write_export(draft.clone(), fmt, &path, &|s, f| {
                stages.borrow_mut().push((s.to_owned(), f))
            })
            .expect("export");
        assert_eq!(stages.borrow().last().map(|s| s.1), Some(1.0));
        assert!(out.bytes > 0);
        let bytes = std::fs::read(&path).expect("written");
        if format == "pdf" {
            assert!(bytes.starts_with(b"%PDF"));
            assert!(out.pages.unwrap_or(0) >= 1);
        } else {
            assert!(String::from_utf8_lossy(&bytes).contains("Export Check Agreement"));
        }
    }
}

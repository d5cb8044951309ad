//! The downtime budget of an availability target (`downtime::target_budget`,
//! and `downtime::draft_budget` for a draft being typed): the numbers the
//! template view prints, and a note in words when there are none.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use pactwright::downtime::{BudgetNoteKind, draft_budget, draft_budgets, target_budget};
use pactwright::model::Agreement;
use serde_json::{Value, json};

fn sample(name: &str) -> (Value, Agreement) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("samples/{name}.agreement.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    let agreement = pactwright::file::parse_str(&path, &text).unwrap().agreement;
    (serde_json::from_str(&text).unwrap(), agreement)
}

/// A draft with service hours, a period and three targets, two of them on
/// availability.
fn draft() -> Value {
    json!({
        "schema_version": 2,
        "document": { "kind": "sla", "title": "T", "version": "1.0" },
        "service_hours": { "schedule": "24x7", "time_zone": "UTC" },
        "warranty": { "availability": { "period": "month30_days" } },
        "service_levels": [
            { "id": "SL1", "metric": "availability", "target": "99.9%" },
            { "id": "SL2", "metric": "response_time", "target": "4h" },
            { "id": "SL3", "metric": "availability", "target": "99%" }
        ]
    })
}

#[test]
fn the_view_prints_the_budget_the_core_computes() {
    for name in ["cloud-hosting", "it-service-desk", "compute-sla"] {
        let (_, a) = sample(name);
        let view = pactwright::render::view::view(&a);
        let printed = &view["availability"]["targets"];
        let mut seen = 0;
        for (n, (i, _)) in a.availability_targets().enumerate() {
            let b = target_budget(&a, i).unwrap();
            assert!(!b.rows.is_empty(), "{name}");
            assert!(b.rows.contains(&b.least) && b.rows.contains(&b.most));
            let shown = &printed[n]["budget"];
            assert_eq!(shown["rows"], serde_json::to_value(&b.rows).unwrap());
            assert_eq!(shown["least"]["words"], json!(b.least.words));
            assert_eq!(shown["varies"], json!(b.varies()));
            seen += 1;
        }
        assert!(seen > 0, "{name} has an availability target");
    }
}

#[test]
fn a_budget_per_target_and_period() {
    let d = draft();
    let b = draft_budget(&d, None).unwrap();
    assert_eq!(b.rows.len(), 1);
    assert_eq!(b.rows[0].period, "30-day month");
    assert_eq!(b.rows[0].allowed, "43m 12s");
    assert_eq!(b.rows[0].service_hours, "720");
    assert!(!b.varies());
    assert_eq!(draft_budget(&d, Some(2)).unwrap().least.allowed, "7h 12m");
    let mut calendar = d.clone();
    calendar["warranty"]["availability"]["period"] = json!("calendar_month");
    calendar["document"]["effective_date"] = json!("2026-02-01");
    let b = draft_budget(&calendar, None).unwrap();
    assert_eq!(b.rows.len(), 12);
    assert_eq!(b.rows[0].period, "February 2026");
    assert_eq!(b.least.period, "February 2026");
    assert!(b.varies());
}

#[test]
fn no_budget_is_a_note_that_says_why() {
    let d = draft();
    let kind = |d: &Value, t: Option<usize>| draft_budget(d, t).unwrap_err().kind;
    assert_eq!(kind(&d, Some(1)), BudgetNoteKind::NoTarget);
    assert_eq!(kind(&d, Some(7)), BudgetNoteKind::NoTarget);
    let mut none = d.clone();
    none["service_levels"] = json!([]);
    let note = draft_budget(&none, None).unwrap_err();
    assert_eq!(
        note.message,
        "Add an availability target to see the downtime it allows."
    );
    let mut no_period = d.clone();
    no_period["warranty"] = json!({});
    assert_eq!(kind(&no_period, None), BudgetNoteKind::Incomplete);
    let mut no_percent = d.clone();
    no_percent["service_levels"][0]["target"] = json!("99.");
    assert_eq!(kind(&no_percent, None), BudgetNoteKind::Incomplete);
    let mut over = d.clone();
    over["service_levels"][0]["target"] = json!("100.5%");
    let note = draft_budget(&over, None).unwrap_err();
    assert_eq!(note.kind, BudgetNoteKind::Unusable);
    assert_eq!(
        note.message,
        "The downtime cannot be computed: the target 100.5% is not between 0% and 100%."
    );
}

#[test]
fn only_a_value_the_budget_reads_hides_it() {
    let mut d = draft();
    // A value elsewhere that cannot be read yet does not hide the budget.
    d["document"]["status"] = json!("nearly");
    assert_eq!(draft_budget(&d, None).unwrap().least.allowed, "43m 12s");
    // One it reads does.
    let mut hours = d.clone();
    hours["service_hours"]["schedule"] = json!("whenever");
    let note = draft_budget(&hours, None).unwrap_err();
    assert_eq!(note.kind, BudgetNoteKind::Unreadable);
    assert_eq!(
        note.message,
        "The downtime cannot be computed until the service hours can be read: \"whenever\" is not understood yet."
    );
    let mut own = d.clone();
    own["service_levels"][2]["service_hours"] = json!({ "schedule": "Mon-Fri 9 till late" });
    assert_eq!(
        draft_budget(&own, Some(2)).unwrap_err().message,
        "The downtime cannot be computed until the target's service hours can be read: \"Mon-Fri 9 till late\" is not understood yet."
    );
    // Hours as people write them are understood.
    let mut written = d.clone();
    written["service_levels"][2]["service_hours"] = json!({ "schedule": "Mon-Fri 9-5" });
    assert!(draft_budget(&written, Some(2)).is_ok());
    assert_eq!(
        draft_budget(&own, Some(0)).unwrap().least.allowed,
        "43m 12s"
    );
    // A target that cannot be read at all is taken out of the list; the
    // ones after it are still found by their place in the draft.
    let mut list = d.clone();
    list["service_levels"][1] = json!("SL2");
    assert_eq!(
        draft_budget(&list, Some(2)).unwrap().least.allowed,
        "7h 12m"
    );
    assert_eq!(
        draft_budget(&list, Some(1)).unwrap_err().kind,
        BudgetNoteKind::Unreadable
    );
}

/// Every availability target's budget at once (the app's budget panel),
/// by the target's place in the draft as typed.
#[test]
fn every_availability_target_at_once() {
    let mut d = draft();
    let all = draft_budgets(&d);
    let indexes: Vec<usize> = all.iter().map(|(i, _)| *i).collect();
    assert_eq!(indexes, [0, 2], "SL2 measures response time");
    assert_eq!(all[0].1.as_ref().unwrap().least.allowed, "43m 12s");
    assert_eq!(all[1].1.as_ref().unwrap().least.allowed, "7h 12m");
    // A target with no metric is an availability target (the default);
    // one that cannot be read yet keeps its place, with a note.
    d["service_levels"][1] = json!({ "id": "SL2", "target": "99.5%" });
    d["service_levels"][2]["service_hours"] = json!({ "schedule": "whenever" });
    let all = draft_budgets(&d);
    assert_eq!(all.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(all[1].1.as_ref().unwrap().least.allowed, "3h 36m");
    assert_eq!(
        all[2].1.as_ref().unwrap_err().kind,
        BudgetNoteKind::Unreadable
    );
    // The same answers as one target at a time.
    for (i, b) in &all {
        assert_eq!(b, &draft_budget(&d, Some(*i)));
    }
    assert!(draft_budgets(&json!({ "schema_version": 2 })).is_empty());
}

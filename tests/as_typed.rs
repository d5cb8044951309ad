//! Always savable, nothing lost (issue 10, item 2): a value the core cannot
//! read yet is kept exactly as typed in the file, is one `not-understood`
//! finding on its field that says what was typed and what is understood,
//! prints as typed and hides no section; common phrasings are understood.
#![allow(clippy::unwrap_used)]

mod common;
use common::cli;

use std::path::Path;

use pactwright::file;
use serde_json::{Value, json};

const COMPLETE: &str = include_str!("fixtures/complete-sla.agreement.json");

/// Text no unit reads, each with something a careless save would lose:
/// spaces around it, a second space, a dash that is not ASCII.
const UNREADABLE: [(&str, &str); 8] = [
    ("/service_hours/schedule", "  Mon–Fri 8 till  late "),
    ("/support/priorities/0/response", "15 minuets"),
    ("/support/priorities/1/resolution", "0bd"),
    ("/document/effective_date", "1st of Jan, next year"),
    ("/service_levels/1/attainment", "most of them"),
    ("/credit_schemes/0/tiers/0/below", "99.9"),
    ("/document/term/notice", "three months"),
    ("/support/channels/0/hours", "office hours"),
];

fn with(edits: &[(&str, &str)]) -> String {
    let mut v: Value = serde_json::from_str(COMPLETE).unwrap();
    for (pointer, text) in edits {
        set(&mut v, pointer, json!(text));
    }
    serde_json::to_string_pretty(&v).unwrap() + "\n"
}

/// Sets the value at a pointer, adding it to its object when absent.
fn set(v: &mut Value, pointer: &str, value: Value) {
    let (parent, field) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent) {
        Some(Value::Object(o)) => {
            o.insert(field.to_owned(), value);
        }
        Some(Value::Array(items)) => items[field.parse::<usize>().unwrap()] = value,
        _ => panic!("{parent} is not in the fixture"),
    }
}

fn at<'v>(v: &'v Value, pointer: &str) -> &'v str {
    v.pointer(pointer).and_then(Value::as_str).unwrap()
}

#[test]
fn unreadable_values_load_and_save_exactly_as_typed() {
    let text = with(&UNREADABLE);
    let loaded = file::parse_str(Path::new("x"), &text).unwrap().agreement;
    let saved = file::to_canonical_json(&loaded);
    let again: Value = serde_json::from_str(&saved).unwrap();
    for (pointer, typed) in UNREADABLE {
        assert_eq!(at(&again, pointer), typed, "{pointer}");
    }
    // Through a file on disk too, and as the same bytes every time.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.agreement.json");
    file::save(&path, &loaded).unwrap();
    let reloaded = file::load(&path).unwrap().agreement;
    assert_eq!(reloaded, loaded);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
    // The fixture is canonical, so nothing else changed either.
    assert_eq!(saved, text);
}

#[test]
fn each_unreadable_value_is_one_finding_on_its_field() {
    let text = with(&UNREADABLE);
    let a = file::parse_str(Path::new("x"), &text).unwrap().agreement;
    let findings = pactwright::checks::check(&a);
    for (pointer, typed) in UNREADABLE {
        let on: Vec<_> = findings.iter().filter(|f| f.pointer == pointer).collect();
        assert_eq!(on.len(), 1, "{pointer}: {on:#?}");
        let f = on[0];
        assert_eq!(f.code, "not-understood", "{pointer}");
        let quoted = format!(
            "\"{}\"",
            typed.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(f.message.starts_with(&quoted), "{pointer}: {}", f.message);
        assert!(
            f.message
                .contains("is not understood yet; write it like \""),
            "{pointer}: {}",
            f.message
        );
    }
    let kept = findings
        .iter()
        .filter(|f| f.code == "not-understood")
        .count();
    assert_eq!(kept, UNREADABLE.len(), "{findings:#?}");
    for f in &findings {
        for bad in ["missing field", "invalid ", "unknown unit", "expected "] {
            assert!(!f.message.contains(bad), "parser text: {}", f.message);
        }
    }
    let messages: Vec<String> = findings
        .iter()
        .filter(|f| f.code == "not-understood")
        .map(|f| format!("{}\n  {}\n  hint: {}", f.pointer, f.message, f.hint))
        .collect();
    insta::assert_snapshot!(messages.join("\n"));
}

#[test]
fn common_phrasings_are_understood_and_saved_in_canonical_form() {
    let phrased = [
        (
            "/service_hours/schedule",
            "Monday to Friday 8am to 6pm",
            "Mon-Fri 08:00-18:00",
        ),
        (
            "/support/channels/0/hours",
            "weekdays 9-5:30",
            "Mon-Fri 09:00-17:30",
        ),
        ("/service_levels/0/service_hours/schedule", "24/7", "24x7"),
        ("/support/priorities/0/resolution", "4 hours", "4h"),
        ("/support/priorities/1/resolution", "2 business days", "2bd"),
        ("/service_levels/1/attainment", "99.9 %", "99.9%"),
        ("/service_levels/0/target", "99.9 %", "99.9%"),
    ];
    let mut draft: Value = serde_json::from_str(COMPLETE).unwrap();
    draft["service_levels"][0]["service_hours"] = json!({});
    for (pointer, typed, _) in phrased {
        set(&mut draft, pointer, json!(typed));
    }
    let a = file::parse_str(Path::new("x"), &draft.to_string())
        .unwrap()
        .agreement;
    let findings = pactwright::checks::check(&a);
    assert!(
        !findings.iter().any(|f| f.code == "not-understood"),
        "{findings:#?}"
    );
    let saved: Value = serde_json::from_str(&file::to_canonical_json(&a)).unwrap();
    for (pointer, typed, canonical) in phrased {
        assert_eq!(at(&saved, pointer), canonical, "{typed}");
    }
}

/// The headings of a Markdown rendering, in order.
fn headings(md: &str) -> Vec<&str> {
    md.lines().filter(|l| l.starts_with('#')).collect()
}

#[test]
fn the_command_line_checks_and_renders_a_schedule_not_understood() {
    let dir = tempfile::tempdir().unwrap();
    let bad = with(&[("/service_hours/schedule", "Mon-Fri 8 till late")]);
    std::fs::write(dir.path().join("bad.agreement.json"), &bad).unwrap();
    std::fs::write(dir.path().join("all.agreement.json"), with(&UNREADABLE)).unwrap();
    std::fs::write(dir.path().join("good.agreement.json"), COMPLETE).unwrap();

    let (code, stdout, stderr) = cli(dir.path(), &["check", "bad.agreement.json"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    insta::assert_snapshot!("check_schedule_not_understood", stdout);
    let (code, json, _) = cli(
        dir.path(),
        &["check", "bad.agreement.json", "--format", "json"],
    );
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&json).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{json}");
    assert_eq!(findings[0]["code"], "not-understood");
    assert_eq!(findings[0]["pointer"], "/service_hours/schedule");

    // Refused without --force, as any draft with errors.
    let (code, _, stderr) = cli(
        dir.path(),
        &[
            "render",
            "bad.agreement.json",
            "--format",
            "md",
            "-o",
            "bad.md",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(!dir.path().join("bad.md").exists());
    for (name, out) in [
        ("bad.agreement.json", "bad.md"),
        ("good.agreement.json", "good.md"),
        ("all.agreement.json", "all.md"),
    ] {
        let (code, _, stderr) = cli(
            dir.path(),
            &["render", name, "--force", "--format", "md", "-o", out],
        );
        assert_eq!(code, 0, "{name}: {stderr}");
    }
    let md = std::fs::read_to_string(dir.path().join("bad.md")).unwrap();
    let good = std::fs::read_to_string(dir.path().join("good.md")).unwrap();
    // Every section is there, availability included, also with every kind
    // of unit field not understood.
    assert_eq!(headings(&md), headings(&good));
    let all = std::fs::read_to_string(dir.path().join("all.md")).unwrap();
    assert_eq!(headings(&all), headings(&good));
    for typed in ["15 minuets", "most of them", "three months", "office hours"] {
        let printed = format!("{typed} \\(as typed\\; not yet understood\\)");
        assert!(all.contains(&printed), "{printed} in\n{all}");
    }
    assert!(headings(&md).iter().any(|h| h.contains("availability")));
    // The schedule as typed, marked, and the budget says why it is missing.
    assert!(
        md.contains("Mon\\-Fri 8 till late \\(as typed\\; not yet understood\\)"),
        "{md}"
    );
    assert!(
        md.contains("The downtime cannot be computed until the service hours can be read"),
        "{md}"
    );
    // Both PDF and HTML render as well.
    for format in ["pdf", "html"] {
        let out = format!("bad.{format}");
        let (code, _, stderr) = cli(
            dir.path(),
            &[
                "render",
                "bad.agreement.json",
                "--force",
                "--format",
                format,
                "-o",
                &out,
            ],
        );
        assert_eq!(code, 0, "{format}: {stderr}");
    }
    let html = std::fs::read_to_string(dir.path().join("bad.html")).unwrap();
    assert!(html.contains("Mon-Fri 8 till late (as typed; not yet understood)"));
}

//! Lenient reading of a half-typed draft (`pactwright::file::read_lenient`):
//! a value that cannot be read is an `invalid-value` finding on its field,
//! set aside, and everything else is read as usual.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use pactwright::checks::{CODES, Severity};
use pactwright::file::read_lenient;
use pactwright::model::Agreement;
use pactwright::units::Typed;
use serde_json::{Value, json};

const SAMPLE: &str = "samples/it-service-desk.agreement.json";

fn sample() -> (Value, Agreement) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    let text = std::fs::read_to_string(&path).unwrap();
    let agreement = pactwright::file::parse_str(&path, &text).unwrap().agreement;
    (serde_json::from_str(&text).unwrap(), agreement)
}

#[test]
fn a_draft_that_reads_has_nothing_set_aside() {
    let (draft, agreement) = sample();
    let read = read_lenient(&draft);
    assert!(read.unreadable.is_empty(), "{:?}", read.unreadable);
    assert_eq!(read.agreement, Some(agreement));
}

#[test]
fn one_unreadable_field_keeps_everything_else() {
    let (mut draft, mut want) = sample();
    draft["support"]["priorities"][1]["response"] = json!(30);
    let read = read_lenient(&draft);
    assert_eq!(read.unreadable.len(), 1, "{:?}", read.unreadable);
    let f = &read.unreadable[0];
    assert_eq!(f.code, "invalid-value");
    assert_eq!(f.severity, Severity::Error);
    assert!(
        CODES.iter().any(|c| c.code == f.code),
        "the code is in the table"
    );
    assert_eq!(f.pointer, "/support/priorities/1/response");
    assert_eq!(
        f.message,
        "Priority 2, response is 30, which cannot be read: it should be text"
    );
    assert!(f.hint.contains("\"4h\""), "an example: {}", f.hint);
    // Everything else is as the strict reader reads it; the field is as
    // if it had not been given.
    want.support.priorities[1].response = None;
    assert_eq!(read.agreement, Some(want));
}

/// Text a unit field does not understand yet is no value set aside: it is
/// read, kept exactly as typed, and is one `not-understood` finding of the
/// checks, on its field, that quotes it and gives an example.
#[test]
fn text_not_understood_is_kept_as_typed_and_one_finding() {
    let (mut draft, mut want) = sample();
    draft["support"]["priorities"][1]["response"] = json!("4 hourz");
    draft["service_hours"]["schedule"] = json!("Mon-Fri 8 till late");
    let read = read_lenient(&draft);
    assert!(read.unreadable.is_empty(), "{:?}", read.unreadable);
    want.support.priorities[1].response = Some(Typed::AsTyped("4 hourz".to_owned()));
    want.service_hours.as_mut().unwrap().schedule =
        Typed::AsTyped("Mon-Fri 8 till late".to_owned());
    let agreement = read.agreement.unwrap();
    assert_eq!(agreement, want);
    let findings = pactwright::checks::check(&agreement);
    let on = |pointer: &str| -> Vec<_> {
        findings
            .iter()
            .filter(|f| f.pointer == pointer)
            .map(|f| (f.code, f.message.as_str()))
            .collect()
    };
    assert_eq!(
        on("/service_hours/schedule"),
        [(
            "not-understood",
            "\"Mon-Fri 8 till late\" for the service hours is not understood yet; write it like \"Monday to Friday 08:00-18:00\" or \"24/7\""
        )]
    );
    assert_eq!(
        on("/support/priorities/1/response"),
        [(
            "not-understood",
            "\"4 hourz\" for the response time of priority P2 is not understood yet; write it like \"4 hours\", \"90 days\" or \"2 business days\""
        )]
    );
    let kept: Vec<_> = findings
        .iter()
        .filter(|f| f.code == "not-understood")
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(
        CODES.iter().any(|c| c.code == "not-understood"),
        "the code is in the table"
    );
    // No other finding quotes the text or reads like a parser.
    for f in &findings {
        assert!(!f.message.contains("missing field"), "{}", f.message);
        if f.code != "not-understood" {
            assert!(!f.message.contains("till late"), "{}", f.message);
            assert!(!f.message.contains("hourz"), "{}", f.message);
        }
    }
}

#[test]
fn several_unreadable_fields_are_each_a_finding_on_the_draft_as_given() {
    let (mut draft, mut want) = sample();
    draft["warranty"]["availability"]["period"] = json!("monthly-ish");
    // Text is kept as typed (see above); only values of the wrong kind
    // are set aside.
    draft["service_hours"]["holidays"][1]["date"] = json!("2026-02-30");
    draft["service_hours"]["holidays"][3]["date"] = json!(20260504);
    draft["service_levels"][0]["comparison"] = json!(true);
    let read = read_lenient(&draft);
    let pointers: Vec<&str> = read.unreadable.iter().map(|f| f.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/service_hours/holidays/3/date",
            "/warranty/availability/period",
            "/service_levels/0/comparison",
        ]
    );
    let by = |p: &str| read.unreadable.iter().find(|f| f.pointer == p).unwrap();
    let number = by("/service_hours/holidays/3/date");
    assert_eq!(
        number.message,
        "Service hours, holiday 4, date is 20260504, which cannot be read: it should be text"
    );
    assert!(number.hint.contains("\"2026-01-01\""), "{}", number.hint);
    let choice = by("/warranty/availability/period");
    assert_eq!(
        choice.message,
        "Availability, period is \"monthly-ish\", which cannot be read: it is not one of the values this field takes"
    );
    assert!(
        choice.hint.contains("\"calendar_month\""),
        "a choice lists what it understands: {}",
        choice.hint
    );
    let hours = want.service_hours.as_mut().unwrap();
    hours.holidays.remove(3);
    hours.holidays[1].date = Typed::AsTyped("2026-02-30".to_owned());
    want.warranty.availability.as_mut().unwrap().period = Default::default();
    want.service_levels[0].comparison = Default::default();
    assert_eq!(read.agreement, Some(want));
}

#[test]
fn a_draft_whose_root_cannot_be_read_has_no_agreement() {
    for draft in [
        json!([1, 2, 3]),
        json!("a draft"),
        Value::Null,
        json!({ "schema_version": 2, "nonsense": 1 }),
    ] {
        let read = read_lenient(&draft);
        assert_eq!(read.agreement, None, "{draft}");
        let f = read.unreadable.last().unwrap();
        assert_eq!((f.code, f.pointer.as_str()), ("invalid-value", ""));
        assert!(
            f.message.starts_with("the draft cannot be read: "),
            "{}",
            f.message
        );
    }
    let list = read_lenient(&json!([1, 2, 3]));
    assert_eq!(
        list.unreadable[0].message,
        "the draft cannot be read: it is a list, not a JSON object"
    );
    // An unknown field is set aside and named; the draft still has no
    // document, which is what cannot be read then.
    let unknown = read_lenient(&json!({ "schema_version": 2, "nonsense": 1 }));
    let pointers: Vec<&str> = unknown
        .unreadable
        .iter()
        .map(|f| f.pointer.as_str())
        .collect();
    assert_eq!(pointers, ["/nonsense", ""]);
    assert!(
        unknown.unreadable[1]
            .message
            .contains("it needs its document")
    );
}

#[test]
fn a_value_its_part_must_have_sets_the_part_aside() {
    let (mut draft, mut want) = sample();
    draft["service_hours"]["schedule"] = json!(["Mon-Fri"]);
    let read = read_lenient(&draft);
    // One finding, on the value: not another on the service hours it
    // leaves without a schedule.
    assert_eq!(read.unreadable.len(), 1, "{:?}", read.unreadable);
    let f = &read.unreadable[0];
    assert_eq!(f.pointer, "/service_hours/schedule");
    assert!(
        f.message
            .starts_with("Service hours, schedule is a list, which cannot be read: "),
        "{}",
        f.message
    );
    assert!(f.hint.contains("\"24x7\""), "{}", f.hint);
    want.service_hours = None;
    assert_eq!(read.agreement, Some(want));
}

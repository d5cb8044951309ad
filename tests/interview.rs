//! "Start with a few questions": the interview's answers fill a starter
//! into an agreement the checks find nearly complete (what is left is what
//! only the service owner can say), and answers that cannot be used are
//! each named with an example of what is understood.

use pactwright::checks::{Severity, check};
use pactwright::interview::{Answers, interview};
use pactwright::model::Kind;

fn answers() -> Answers {
    Answers {
        kind: Kind::Sla,
        service: "Payroll".into(),
        description: "Pays every employee correctly and on time.".into(),
        provider: "Northwind Shared Services".into(),
        consumer: "Northwind Retail".into(),
        owner: "Priya Shah".into(),
        sponsor: "Tom O'Brien".into(),
        hours: "Monday to Friday 8am to 6pm".into(),
        time_zone: "Europe/London".into(),
        availability: "99.5 %".into(),
        p1_response: "15 minutes".into(),
        p1_resolution: "4 hours".into(),
        effective_date: "2027-01-01".into(),
    }
}

#[test]
fn the_answers_make_an_agreement_with_only_the_owner_s_own_words_left_to_add() {
    let a = interview(&answers()).expect("usable answers");
    assert_eq!(a.document.title, "Payroll Service Level Agreement");
    assert_eq!(a.document.reference, "SLA-PAYR-001");
    assert_eq!(a.document.owner, "priya-shah");
    assert_eq!(a.document.approver, "tom-obrien");
    assert_eq!(a.parties.consumer.name, "Northwind Retail");
    assert_eq!(
        a.service_hours
            .as_ref()
            .map(|h| h.schedule.to_string())
            .as_deref(),
        Some("Mon-Fri 08:00-18:00")
    );
    let findings: Vec<String> = check(&a)
        .iter()
        .map(|f| {
            format!(
                "{:?} {} at {}: {}",
                f.severity, f.code, f.pointer, f.message
            )
        })
        .collect();
    // No error is left: the agreement can be exported for discussion at once.
    assert!(
        !check(&a).iter().any(|f| f.severity == Severity::Error),
        "{findings:#?}"
    );
    insta::assert_snapshot!(findings.join("\n"));
}

#[test]
fn each_answer_that_cannot_be_used_is_named_with_an_example() {
    let bad = Answers {
        service: " ".into(),
        hours: "most of the time".into(),
        availability: "high".into(),
        p1_response: "soon".into(),
        time_zone: "London".into(),
        effective_date: "next spring".into(),
        ..answers()
    };
    let errors = interview(&bad).expect_err("refused");
    let text: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    insta::assert_snapshot!(text.join("\n"));
}

#[test]
fn an_offering_needs_no_hours_or_targets() {
    let offering = Answers {
        kind: Kind::Offering,
        hours: String::new(),
        availability: String::new(),
        p1_response: String::new(),
        p1_resolution: String::new(),
        time_zone: String::new(),
        ..answers()
    };
    let a = interview(&offering).expect("an offering starts without targets");
    assert_eq!(a.document.kind, Kind::Offering);
    assert!(a.service_levels.is_empty());
}

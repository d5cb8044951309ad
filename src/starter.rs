//! Starter drafts for `pactwright new` and the app's "new agreement": the
//! structure of each kind, pre-filled with the conventions most agreements
//! start from (the typical P1-P4 priority table, a monthly review and
//! report, the usual duties on both sides), and left empty where only the
//! service owner knows the answer, so the checks point at what to fill in.

use crate::model::*;
use crate::units::{Duration, Percent, Schedule, Typed};

fn s(text: &str) -> String {
    text.to_owned()
}

/// A priority row: impact and urgency, then response, resolution and
/// update frequency.
fn priority(
    id: &str,
    name: &str,
    definition: &str,
    cells: &[(Level, Level)],
    [response, resolution, update]: [Duration; 3],
) -> Priority {
    Priority {
        id: s(id),
        name: s(name),
        definition: s(definition),
        matrix: cells
            .iter()
            .map(|&(impact, urgency)| MatrixCell { impact, urgency })
            .collect(),
        clock: None,
        response: Some(response.into()),
        resolution: Some(resolution.into()),
        update_every: Some(update.into()),
    }
}

/// A new draft of a kind.
pub fn starter(kind: Kind) -> Agreement {
    let mut a = Agreement::empty(kind);
    a.document.title = format!("New {}", kind.title());
    a.document.version = s("0.1");
    a.document.status = Status::Draft;
    a.document.term = Term {
        months: Some(12),
        renewal: Renewal::ByAgreement,
        renewal_months: None,
        notice: Some(Duration::from_days(90).into()),
    };
    a.document.change_history = vec![Change {
        version: s("0.1"),
        date: None,
        author: String::new(),
        summary: s("First draft"),
        approval: None,
    }];
    if kind == Kind::Offering {
        a.utility.purpose = String::new();
        return a;
    }
    a.service_hours = Some(ServiceHours {
        schedule: if kind == Kind::Sla {
            Typed::parse("Mon-Fri 08:00-18:00")
        } else {
            Schedule::always().into()
        },
        time_zone: s("UTC"),
        business_days: None,
        holidays: Vec::new(),
        critical_periods: Vec::new(),
    });
    a.warranty.availability = Some(Availability {
        measurement: String::new(),
        data_source: String::new(),
        period: PeriodConvention::CalendarMonth,
        maintenance: Vec::new(),
    });
    a.service_levels = vec![ServiceLevelTarget {
        id: s("SL1"),
        name: s("Availability"),
        metric: Metric::Availability,
        target: TargetValue::Percent(Percent::from_ten_thousandths(999_000)),
        comparison: Comparison::AtLeast,
        reporting_period: Some(Cadence::Monthly),
        ..ServiceLevelTarget::default()
    }];
    a.support.priorities = vec![
        priority(
            "P1",
            "Critical",
            "The service is unavailable to all users, or a business-critical function has stopped.",
            &[(Level::High, Level::High)],
            [
                Duration::from_mins(15),
                Duration::from_hours(2),
                Duration::from_mins(30),
            ],
        ),
        priority(
            "P2",
            "High",
            "The service is degraded for more than 10 users, or unavailable to one site or team.",
            &[(Level::High, Level::Medium), (Level::Medium, Level::High)],
            [
                Duration::from_mins(30),
                Duration::from_hours(4),
                Duration::from_hours(1),
            ],
        ),
        priority(
            "P3",
            "Medium",
            "One user cannot work normally; a workaround may exist.",
            &[
                (Level::High, Level::Low),
                (Level::Medium, Level::Medium),
                (Level::Low, Level::High),
            ],
            [
                Duration::from_hours(4),
                Duration::from_business_days(3),
                Duration::from_business_days(1),
            ],
        ),
        priority(
            "P4",
            "Low",
            "A fault with no effect on work, or a question.",
            &[
                (Level::Medium, Level::Low),
                (Level::Low, Level::Medium),
                (Level::Low, Level::Low),
            ],
            [
                Duration::from_business_days(1),
                Duration::from_business_days(5),
                Duration::from_business_days(2),
            ],
        ),
    ];
    a.responsibilities.provider = vec![
        s("Manage the resources that deliver the service"),
        s("Give authorised users access to the service"),
        s("Fulfil agreed service actions within their target times"),
        s("Measure and report service levels every month"),
    ];
    a.responsibilities.consumer = vec![
        s("Keep the list of authorised users up to date"),
        s("Use the service only as described in this agreement"),
        s("Request service actions through the agreed channels"),
        s("Provide information and access needed to resolve incidents"),
    ];
    a.relationship.reviews = vec![Review {
        name: s("Service review"),
        cadence: Some(Cadence::Monthly),
        on: None,
        participants: Vec::new(),
        agenda: vec![
            s("Service levels achieved"),
            s("Incidents and problems"),
            s("Improvement actions"),
        ],
    }];
    a.relationship.reports = vec![Report {
        name: s("Service level report"),
        frequency: Some(Cadence::Monthly),
        on: None,
        contents: vec![
            s("Availability against target"),
            s("Response and resolution by priority"),
        ],
        recipients: Vec::new(),
    }];
    a.terms = Terms {
        changes: s(
            "Either party may propose changes at a service review; changes take effect when both parties approve a new version.",
        ),
        termination: s("Either party may end the agreement with 90 days' written notice."),
        end_date: None,
    };
    a
}

/// "Start from an existing agreement": a copy of `a` for another
/// consumer and term. The service, offering, targets, duties and
/// relationship stay; the consumer (its organization and its people, and
/// every reference to them), the dates, the version, the history, the
/// approvals and the signatures go, and the copy is a draft again.
pub fn copy_of(a: &Agreement) -> Agreement {
    let mut c = a.clone();
    let from = if a.document.title.trim().is_empty() {
        String::new()
    } else {
        format!(" from {}", a.document.title.trim())
    };
    c.document.title = format!("Copy of {}", a.document.title.trim())
        .trim()
        .to_owned();
    c.document.reference = String::new();
    c.document.version = s("0.1");
    c.document.status = Status::Draft;
    c.document.effective_date = None;
    c.terms.end_date = None;
    c.document.change_history = vec![Change {
        version: s("0.1"),
        date: None,
        author: String::new(),
        summary: format!("First draft, copied{from}"),
        approval: None,
    }];
    c.signatures.clear();
    c.parties.consumer = Organization::default();
    let gone: Vec<String> = c
        .stakeholders
        .iter()
        .filter(|p| p.side == Side::Consumer)
        .map(|p| p.id.clone())
        .collect();
    c.stakeholders.retain(|p| p.side != Side::Consumer);
    let kept = |id: &String| !gone.contains(id);
    let clear = |id: &mut String| {
        if gone.contains(id) {
            id.clear();
        }
    };
    clear(&mut c.document.owner);
    clear(&mut c.document.approver);
    for action in &mut c.offering.actions {
        clear(&mut action.owner);
    }
    for e in &mut c.support.escalation {
        clear(&mut e.contact);
    }
    for r in &mut c.relationship.reviews {
        r.participants.retain(kept);
    }
    for r in &mut c.relationship.reports {
        r.recipients.retain(kept);
    }
    c.relationship.contacts.retain(|x| kept(&x.stakeholder));
    // Dated holidays belong to the old term.
    if let Some(h) = c.service_hours.as_mut() {
        h.holidays.clear();
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_keeps_the_service_and_drops_the_consumer_the_dates_and_the_signatures() {
        let path = std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/it-service-desk.agreement.json"
        ));
        let a = crate::file::load(path).expect("sample").agreement;
        let c = copy_of(&a);
        assert_eq!(c.document.status, Status::Draft);
        assert_eq!(c.document.version, "0.1");
        assert!(c.document.effective_date.is_none() && c.signatures.is_empty());
        assert_eq!(c.parties.consumer, Organization::default());
        assert_eq!(c.parties.provider, a.parties.provider);
        assert_eq!(c.service_levels, a.service_levels);
        assert!(c.stakeholders.iter().all(|p| p.side == Side::Provider));
        assert!(
            c.document.change_history[0]
                .summary
                .starts_with("First draft, copied from ")
        );
        // No reference points at someone who is gone.
        let ids: Vec<&str> = c.stakeholders.iter().map(|p| p.id.as_str()).collect();
        assert!(
            c.relationship
                .contacts
                .iter()
                .all(|x| ids.contains(&x.stakeholder.as_str()))
        );
        assert!(
            c.relationship
                .reviews
                .iter()
                .flat_map(|r| &r.participants)
                .all(|p| ids.contains(&p.as_str()))
        );
        let dangling: Vec<_> = crate::checks::check(&c)
            .into_iter()
            .filter(|f| f.code == "dangling-reference")
            .collect();
        assert!(dangling.is_empty(), "{dangling:?}");
    }

    #[test]
    fn every_kind_has_a_starter_that_round_trips() {
        for kind in Kind::ALL {
            let a = starter(kind);
            let text = crate::file::to_canonical_json(&a);
            let back = crate::file::parse_str(std::path::Path::new("x"), &text).unwrap();
            assert_eq!(back.agreement, a);
            assert_eq!(a.document.kind, kind);
        }
    }
}

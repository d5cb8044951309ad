//! Relationship management as a two-way street: consumer duties, reviews,
//! reports and contacts that involve both sides, each scheduled by a
//! cadence or an event with a time limit.

use super::Ctx;
use crate::checks::{Code, Findings};
use crate::model::{Kind, Occasion, Side};

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let kind = a.document.kind;
    if !kind.is_signed() {
        return;
    }
    if a.responsibilities.consumer.is_empty() {
        let message = "no consumer responsibilities: the relationship is a one-way street";
        let hint = "list what the consumer must do: manage its own resources, use the service properly, request actions, accept outcomes";
        if kind == Kind::Sla {
            f.error(
                Code::OneWayRelationship,
                "/responsibilities/consumer",
                message,
                hint,
            );
        } else {
            f.warning(
                Code::OneWayRelationship,
                "/responsibilities/consumer",
                message,
                hint,
            );
        }
    }
    let r = &a.relationship;
    if r.reviews.is_empty() {
        f.warning(
            Code::NoReviews,
            "/relationship/reviews",
            "no service reviews are scheduled",
            "add a review meeting with its cadence and participants, e.g. a monthly service review",
        );
    }
    if r.reports.is_empty() {
        f.warning(
            Code::NoReports,
            "/relationship/reports",
            "no service reports are agreed",
            "add a report with its frequency and contents, e.g. a monthly service level report",
        );
    }
    if r.contacts.is_empty() {
        f.warning(
            Code::NoContacts,
            "/relationship/contacts",
            "no named contacts for the relationship",
            "name a contact on each side for day-to-day questions and escalations",
        );
    }
    if r.improvement.is_empty() {
        f.info(
            Code::NoImprovement,
            "/relationship/improvement",
            "no continual improvement commitments",
            "say how the service will get better year after year",
        );
    }
    let side = |id: &String| a.stakeholder(id).map(|s| s.side);
    let consumer_side = |ids: &[String]| ids.iter().any(|id| side(id) == Some(Side::Consumer));
    let known = |ids: &[String]| ids.iter().any(|id| side(id).is_some());
    for (i, rv) in r.reviews.iter().enumerate() {
        if known(&rv.participants) && !consumer_side(&rv.participants) {
            f.warning(
                Code::OneSidedManagement,
                format!("/relationship/reviews/{i}/participants"),
                format!("the review \"{}\" has only provider-side participants: the consumer is not in the room", rv.name),
                "invite the customer or the consumer's service owner",
            );
        }
        schedule(
            f,
            format!("/relationship/reviews/{i}"),
            "cadence",
            "review",
            &rv.name,
            rv.cadence.is_some(),
            rv.on.as_ref(),
        );
    }
    for (i, rp) in r.reports.iter().enumerate() {
        if known(&rp.recipients) && !consumer_side(&rp.recipients) {
            f.warning(
                Code::OneSidedManagement,
                format!("/relationship/reports/{i}/recipients"),
                format!(
                    "the report \"{}\" goes only to the provider side: the consumer never sees it",
                    rp.name
                ),
                "send it to the customer or the consumer's service owner",
            );
        }
        schedule(
            f,
            format!("/relationship/reports/{i}"),
            "frequency",
            "report",
            &rp.name,
            rp.frequency.is_some(),
            rp.on.as_ref(),
        );
    }
    let contacts: Vec<String> = r.contacts.iter().map(|c| c.stakeholder.clone()).collect();
    if known(&contacts) && !consumer_side(&contacts) {
        f.warning(
            Code::OneSidedManagement,
            "/relationship/contacts",
            "every relationship contact is on the provider side: the provider does not know whom to call at the consumer",
            "name the consumer's contact for day-to-day questions and escalations",
        );
    }
}

fn schedule(
    f: &mut Findings,
    base: String,
    field: &str,
    what: &str,
    name: &str,
    recurs: bool,
    on: Option<&Occasion>,
) {
    match on {
        None if !recurs => f.warning(
            Code::UnscheduledManagement,
            format!("{base}/{field}"),
            format!("the {what} \"{name}\" has neither a cadence nor an event that calls for it"),
            "set how often it happens, or the event it follows (e.g. within 5 business days of every P1)",
        ),
        Some(o) if o.within.is_none() => f.warning(
            Code::UnscheduledManagement,
            format!("{base}/on/within"),
            format!("the {what} \"{name}\" follows every {} but with no time limit", o.event.words(&o.priority)),
            "say how soon after, e.g. \"5bd\"",
        ),
        _ => {}
    }
}

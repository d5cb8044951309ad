//! References that point nowhere: stakeholder ids, priorities, channels
//! and targets named where they are not defined, and time zones that do
//! not exist.

use std::collections::HashSet;

use super::hours_with_pointers;
use crate::checks::{Code, Findings};
use crate::model::{Agreement, TargetValue};

pub(super) fn references(a: &Agreement, f: &mut Findings) {
    let ids: HashSet<&str> = a.stakeholders.iter().map(|s| s.id.as_str()).collect();
    let stakeholder = |f: &mut Findings, pointer: String, id: &str, what: &str| {
        if !id.trim().is_empty() && !ids.contains(id) {
            f.error(
                Code::DanglingReference,
                pointer,
                format!("{what} \"{id}\" is not a stakeholder"),
                format!(
                    "add a stakeholder with id \"{id}\", or use one of: {}",
                    list_or_none(a.stakeholders.iter().map(|s| s.id.as_str()))
                ),
            );
        }
    };
    stakeholder(f, "/document/owner".into(), &a.document.owner, "the owner");
    stakeholder(
        f,
        "/document/approver".into(),
        &a.document.approver,
        "the approver",
    );
    for (i, s) in a.offering.actions.iter().enumerate() {
        stakeholder(
            f,
            format!("/offering/actions/{i}/owner"),
            &s.owner,
            "the owner of this service action",
        );
    }
    for (i, e) in a.support.escalation.iter().enumerate() {
        stakeholder(
            f,
            format!("/support/escalation/{i}/contact"),
            &e.contact,
            "the escalation contact",
        );
    }
    for (i, r) in a.relationship.reviews.iter().enumerate() {
        for (j, p) in r.participants.iter().enumerate() {
            stakeholder(
                f,
                format!("/relationship/reviews/{i}/participants/{j}"),
                p,
                "the review participant",
            );
        }
    }
    for (i, r) in a.relationship.reports.iter().enumerate() {
        for (j, p) in r.recipients.iter().enumerate() {
            stakeholder(
                f,
                format!("/relationship/reports/{i}/recipients/{j}"),
                p,
                "the report recipient",
            );
        }
    }
    for (i, c) in a.relationship.contacts.iter().enumerate() {
        stakeholder(
            f,
            format!("/relationship/contacts/{i}/stakeholder"),
            &c.stakeholder,
            "the contact",
        );
    }
    for (i, s) in a.signatures.iter().enumerate() {
        stakeholder(
            f,
            format!("/signatures/{i}/stakeholder"),
            &s.stakeholder,
            "the signatory",
        );
        if let Some(who) = a.stakeholder(&s.stakeholder) {
            if !who.signs {
                f.warning(
                    Code::SignatureByNonSignatory,
                    format!("/signatures/{i}/stakeholder"),
                    format!(
                        "\"{}\" signed but is not marked as a signatory",
                        s.stakeholder
                    ),
                    format!("mark stakeholder \"{}\" as a signatory", s.stakeholder),
                );
            }
        }
    }

    let priorities: HashSet<&str> = a.support.priorities.iter().map(|p| p.id.as_str()).collect();
    let defined = || list_or_none(a.support.priorities.iter().map(|p| p.id.as_str()));
    for (i, t) in a.service_levels.iter().enumerate() {
        if let Some(p) = &t.priority {
            if !priorities.contains(p.as_str()) {
                f.error(
                    Code::UndefinedPriority,
                    format!("/service_levels/{i}/priority"),
                    format!(
                        "target \"{}\" uses priority \"{p}\", which is not defined",
                        t.id
                    ),
                    format!(
                        "define \"{p}\" under support priorities, or use one of: {}",
                        defined()
                    ),
                );
            }
        }
    }
    for (i, e) in a.support.escalation.iter().enumerate() {
        for (j, t) in e.after.iter().enumerate() {
            let p = &t.priority;
            if !p.is_empty() && !priorities.contains(p.as_str()) {
                f.error(
                    Code::UndefinedPriority,
                    format!("/support/escalation/{i}/after/{j}/priority"),
                    format!(
                        "escalation step {} gives a time for priority \"{p}\", which is not defined",
                        i + 1
                    ),
                    format!(
                        "define \"{p}\" under support priorities, or use one of: {}",
                        defined()
                    ),
                );
            }
        }
        for (j, p) in e.priorities.iter().enumerate() {
            if !priorities.contains(p.as_str()) {
                f.error(
                    Code::UndefinedPriority,
                    format!("/support/escalation/{i}/priorities/{j}"),
                    format!(
                        "escalation step {} uses priority \"{p}\", which is not defined",
                        i + 1
                    ),
                    format!(
                        "define \"{p}\" under support priorities, or use one of: {}",
                        defined()
                    ),
                );
            }
        }
    }

    let rel = &a.relationship;
    let occasions = rel
        .reviews
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            r.on.as_ref()
                .map(|o| (format!("/relationship/reviews/{i}/on/priority"), o))
        })
        .chain(rel.reports.iter().enumerate().filter_map(|(i, r)| {
            r.on.as_ref()
                .map(|o| (format!("/relationship/reports/{i}/on/priority"), o))
        }));
    for (pointer, o) in occasions {
        if !o.priority.is_empty() && !priorities.contains(o.priority.as_str()) {
            f.error(
                Code::UndefinedPriority,
                pointer,
                format!(
                    "the event \"every {}\" names a priority that is not defined",
                    o.event.words(&o.priority)
                ),
                format!("use one of: {}", defined()),
            );
        }
    }

    if !a.support.channels.is_empty() {
        let channels: HashSet<&str> = a.support.channels.iter().map(|c| c.name.as_str()).collect();
        for (i, s) in a.offering.actions.iter().enumerate() {
            if !s.channel.trim().is_empty() && !channels.contains(s.channel.as_str()) {
                f.warning(
                    Code::DanglingReference,
                    format!("/offering/actions/{i}/channel"),
                    format!("service action \"{}\" is requested through \"{}\", which is not a support channel", s.action, s.channel),
                    format!(
                        "use one of the channels: {}",
                        list_or_none(a.support.channels.iter().map(|c| c.name.as_str()))
                    ),
                );
            }
        }
    }

    for (i, c) in a.credit_schemes.iter().enumerate() {
        let name = c.label();
        if c.applies_to.is_empty() {
            f.error(
                Code::CreditsWithoutTarget,
                format!("/credit_schemes/{i}/applies_to"),
                format!("the credit scheme \"{name}\" is tied to no target, so nothing says when it pays"),
                format!(
                    "list the target(s) it pays on: {}",
                    list_or_none(a.service_levels.iter().map(|t| t.id.as_str()))
                ),
            );
        }
        for (j, id) in c.applies_to.iter().enumerate() {
            let pointer = format!("/credit_schemes/{i}/applies_to/{j}");
            match a.target(id) {
                None => f.error(
                    Code::DanglingReference,
                    pointer,
                    format!("the credit scheme \"{name}\" pays on target \"{id}\", which does not exist"),
                    format!(
                        "use the id of a service level target: {}",
                        list_or_none(a.service_levels.iter().map(|t| t.id.as_str()))
                    ),
                ),
                Some(t) if !matches!(t.target, TargetValue::Percent(_)) && t.attainment.is_none() => f.error(
                    Code::CreditsOnUnlevelledMetric,
                    pointer,
                    format!(
                        "the credit scheme \"{name}\" pays below a percentage, but target \"{}\" ({}) is {}, not a percentage",
                        t.id,
                        t.metric.label().to_lowercase(),
                        if t.target.to_string().trim().is_empty() { "empty".to_owned() } else { t.target.to_string() }
                    ),
                    "tie the scheme to a target measured as a percentage (availability, first-contact resolution), or state that target as a share, e.g. \"95% of P1 incidents responded to within 15 min\"",
                ),
                Some(_) => {}
            }
        }
    }

    for (base, hours) in hours_with_pointers(a) {
        let tz = hours.time_zone.trim();
        if !tz.is_empty() && crate::downtime::time_zone(tz).is_none() {
            f.error(
                Code::UnknownTimeZone,
                format!("{base}/time_zone"),
                format!("\"{tz}\" is not a known time zone"),
                "use an IANA time zone name such as \"Europe/London\" or \"America/New_York\"",
            );
        }
    }
}

fn list_or_none<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut list: Vec<String> = Vec::new();
    for item in items {
        let quoted = format!("\"{item}\"");
        if !list.contains(&quoted) {
            list.push(quoted);
        }
    }
    if list.is_empty() {
        "(none defined yet)".to_owned()
    } else {
        list.join(", ")
    }
}

//! Structural checks: the content each kind of agreement needs, references
//! to stakeholders, priorities, channels and targets that point nowhere,
//! duplicate ids, and time zones that do not exist.

use std::collections::{HashMap, HashSet};

use super::{Code, Findings};
use crate::model::{Agreement, Kind, Level, MatrixCell, ServiceHours, TargetValue};

pub(crate) fn check(a: &Agreement, f: &mut Findings) {
    required(a, f);
    duplicates(a, f);
    references(a, f);
}

fn required(a: &Agreement, f: &mut Findings) {
    let kind = a.document.kind;
    let signed = kind.is_signed();
    let d = &a.document;
    if d.title.trim().is_empty() {
        f.error(
            Code::RequiredField,
            "/document/title",
            "the agreement has no title",
            "give it a title a sponsor recognises, e.g. \"IT Service Desk SLA\"",
        );
    }
    if d.reference.trim().is_empty() {
        f.warning(
            Code::RequiredField,
            "/document/reference",
            "the agreement has no document reference",
            "give it a reference other agreements can cite, e.g. \"SLA-ITSD-001\"",
        );
    }
    if d.version.trim().is_empty() {
        f.error(
            Code::MissingVersion,
            "/document/version",
            "the agreement has no version",
            "set a version such as \"1.0\" and record it in the change history",
        );
    }
    if d.effective_date.is_none() {
        let message = "the agreement has no effective date";
        let hint = "set the day it takes effect, as YYYY-MM-DD";
        if signed {
            f.error(
                Code::MissingEffectiveDate,
                "/document/effective_date",
                message,
                hint,
            );
        } else {
            f.warning(
                Code::MissingEffectiveDate,
                "/document/effective_date",
                message,
                hint,
            );
        }
    }
    if d.owner.trim().is_empty() {
        f.warning(
            Code::RequiredField,
            "/document/owner",
            "the document has no owner",
            "set `owner` to the stakeholder id of the service owner who maintains it",
        );
    }
    if d.approver.trim().is_empty() && signed {
        let message = "the agreement names no approver";
        let hint =
            "set `approver` to the stakeholder id of whoever approves it (usually the sponsor)";
        if d.status == crate::model::Status::Approved {
            f.error(
                Code::RequiredField,
                "/document/approver",
                format!("{message}, yet its status is approved"),
                hint,
            );
        } else {
            f.warning(Code::RequiredField, "/document/approver", message, hint);
        }
    }
    if matches!(kind, Kind::Ola | Kind::Uc) && d.supports.is_empty() {
        f.warning(
            Code::RequiredField,
            "/document/supports",
            format!("an {} names no agreement it supports", kind.title()),
            "list the reference of the SLA it underpins in `supports`, e.g. \"SLA-ITSD-001\"",
        );
    }
    if a.parties.provider.name.trim().is_empty() {
        f.error(
            Code::RequiredField,
            "/parties/provider/name",
            "the service provider is not named",
            "name the organization or team that provides the service",
        );
    }
    if signed && a.parties.consumer.name.trim().is_empty() {
        f.error(
            Code::RequiredField,
            "/parties/consumer/name",
            "the consumer is not named",
            "name the organization or team that consumes the service",
        );
    }
    if a.service.name.trim().is_empty() {
        f.error(
            Code::RequiredField,
            "/service/name",
            "the service has no name",
            "name the service, e.g. \"IT Service Desk\"",
        );
    }
    if a.service.description.trim().is_empty() {
        f.warning(
            Code::RequiredField,
            "/service/description",
            "the service has no description",
            "say in a paragraph what the service is and who it is for",
        );
    }
    if a.service.outcomes.is_empty() {
        f.warning(
            Code::RequiredField,
            "/service/outcomes",
            "no outcomes are stated for the consumer",
            "list the outcomes the consumer wants that the service facilitates",
        );
    }
    let o = &a.offering;
    if o.goods.is_empty() && o.access.is_empty() && o.actions.is_empty() {
        let message = "the offering has no goods, access to resources or service actions";
        let hint = "describe at least one component of the offering";
        if kind == Kind::Offering {
            f.error(Code::RequiredField, "/offering", message, hint);
        } else {
            f.warning(Code::RequiredField, "/offering", message, hint);
        }
    }
    if kind == Kind::Offering && a.utility.purpose.trim().is_empty() {
        f.warning(
            Code::RequiredField,
            "/utility/purpose",
            "the offering states no purpose (utility)",
            "say what the service does for the consumer, fit for purpose",
        );
    }
    if signed && a.service_levels.is_empty() {
        f.error(
            Code::RequiredField,
            "/service_levels",
            "the agreement has no service level targets",
            "add measurable targets, e.g. availability 99.9% per calendar month",
        );
    }
    if signed && a.support.priorities.is_empty() {
        f.warning(
            Code::RequiredField,
            "/support/priorities",
            "no incident priorities are defined",
            "define priorities by impact and urgency with response and resolution times",
        );
    }
    if signed && a.responsibilities.provider.is_empty() {
        f.error(
            Code::RequiredField,
            "/responsibilities/provider",
            "the provider's responsibilities are not stated",
            "list what the provider does: manage resources, give access, fulfil actions, manage service levels",
        );
    }
    if kind == Kind::Offering && !a.service_levels.is_empty() {
        f.info(
            Code::OfferingWithTargets,
            "/service_levels",
            "a service offering description lists targets, but nobody signs them",
            "present them as indicative, or draft an SLA to commit to them",
        );
    }
}

fn duplicates(a: &Agreement, f: &mut Findings) {
    let mut seen = HashMap::new();
    for (i, s) in a.stakeholders.iter().enumerate() {
        if s.id.trim().is_empty() {
            f.error(
                Code::RequiredField,
                format!("/stakeholders/{i}/id"),
                format!("stakeholder {} has no id", i + 1),
                "give each stakeholder a short unique id, e.g. \"cio\"",
            );
        } else if let Some(first) = seen.insert(s.id.as_str(), i) {
            f.error(
                Code::DuplicateId,
                format!("/stakeholders/{i}/id"),
                format!(
                    "stakeholder id \"{}\" is used twice (also stakeholder {})",
                    s.id,
                    first + 1
                ),
                "give each stakeholder its own id; merge the entries if they are the same person",
            );
        }
        if s.roles.is_empty() {
            f.warning(
                Code::StakeholderWithoutRole,
                format!("/stakeholders/{i}/roles"),
                format!("stakeholder \"{}\" holds no role", s.id),
                "give them a role: customer, user, sponsor, service_provider or organization_contact",
            );
        }
    }
    let mut seen = HashMap::new();
    for (i, p) in a.support.priorities.iter().enumerate() {
        if let Some(first) = seen.insert(p.id.as_str(), i) {
            f.error(
                Code::DuplicateId,
                format!("/support/priorities/{i}/id"),
                format!(
                    "priority \"{}\" is defined twice (also priority {})",
                    p.id,
                    first + 1
                ),
                "give each priority its own id, e.g. P1 to P4",
            );
        }
    }
    let mut seen = HashMap::new();
    for (i, t) in a.service_levels.iter().enumerate() {
        if t.id.trim().is_empty() {
            f.error(
                Code::RequiredField,
                format!("/service_levels/{i}/id"),
                format!("service level target {} has no id", i + 1),
                "give each target a short id, e.g. \"SL1\"",
            );
        } else if let Some(first) = seen.insert(t.id.as_str(), i) {
            f.error(
                Code::DuplicateId,
                format!("/service_levels/{i}/id"),
                format!(
                    "service level target \"{}\" is defined twice (also target {})",
                    t.id,
                    first + 1
                ),
                "give each target its own id",
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, c) in a.support.channels.iter().enumerate() {
        if !seen.insert(c.name.as_str()) {
            f.warning(
                Code::DuplicateId,
                format!("/support/channels/{i}/name"),
                format!("support channel \"{}\" is listed twice", c.name),
                "remove the duplicate or give the channels distinct names",
            );
        }
    }
    for (base, hours) in hours_with_pointers(a) {
        let mut seen = HashSet::new();
        for (i, h) in hours.holidays.iter().enumerate() {
            if !seen.insert(h.date) {
                f.info(
                    Code::DuplicateHoliday,
                    format!("{base}/holidays/{i}"),
                    format!("holiday {} is listed twice", h.date),
                    "remove the duplicate",
                );
            }
        }
    }
    matrix(a, f);
}

/// The agreement's service hours and every target's own, with pointers.
pub(crate) fn hours_with_pointers(a: &Agreement) -> Vec<(String, &ServiceHours)> {
    let mut list = Vec::new();
    if let Some(h) = &a.service_hours {
        list.push(("/service_hours".to_owned(), h));
    }
    for (i, t) in a.service_levels.iter().enumerate() {
        if let Some(h) = &t.service_hours {
            list.push((format!("/service_levels/{i}/service_hours"), h));
        }
    }
    list
}

/// The priority matrix: each impact and urgency pair under one priority;
/// once a matrix is used, every pair somewhere.
fn matrix(a: &Agreement, f: &mut Findings) {
    let mut seen: HashMap<MatrixCell, &str> = HashMap::new();
    let mut any = false;
    for (i, p) in a.support.priorities.iter().enumerate() {
        for (j, cell) in p.matrix.iter().enumerate() {
            any = true;
            if let Some(first) = seen.get(cell) {
                if *first != p.id {
                    f.error(
                        Code::PriorityMatrixOverlap,
                        format!("/support/priorities/{i}/matrix/{j}"),
                        format!(
                            "{} impact and {} urgency is listed under both {first} and {}",
                            cell.impact.label().to_lowercase(),
                            cell.urgency.label().to_lowercase(),
                            p.id
                        ),
                        "an incident must map to exactly one priority: keep the pair under one of them",
                    );
                }
            } else {
                seen.insert(*cell, p.id.as_str());
            }
        }
    }
    if !any {
        return;
    }
    let levels = [Level::High, Level::Medium, Level::Low];
    let missing: Vec<String> = levels
        .iter()
        .flat_map(|i| levels.iter().map(move |u| (*i, *u)))
        .filter(|(impact, urgency)| {
            !seen.contains_key(&MatrixCell {
                impact: *impact,
                urgency: *urgency,
            })
        })
        .map(|(i, u)| {
            format!(
                "{} impact and {} urgency",
                i.label().to_lowercase(),
                u.label().to_lowercase()
            )
        })
        .collect();
    if !missing.is_empty() {
        f.warning(
            Code::PriorityMatrixGap,
            "/support/priorities",
            format!(
                "the priority matrix gives no priority for {}",
                missing.join("; ")
            ),
            "add each missing pair to the priority it should get, so every incident has one",
        );
    }
}

fn references(a: &Agreement, f: &mut Findings) {
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
                    format!("set `signs: true` on stakeholder \"{}\"", s.stakeholder),
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

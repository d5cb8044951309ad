//! "Start with a few questions": a short interview (the service, the two
//! sides and who speaks for each, the hours, the availability promised and
//! the P1 clock) that fills a starter draft into a nearly complete
//! agreement: parties, the owner, the sponsor who approves and signs,
//! contacts, review participants, report recipients, signatories, the
//! service hours and the availability target with how it is measured.
//! What only the service owner can say (the offering, outcomes, the data
//! source) is left for the steps, where the checks point at it.
//!
//! Each answer is read by the same units as the file ([`Typed`]); an
//! answer that cannot be read is named with an example of what is.

use serde::Deserialize;

use crate::model::*;
use crate::starter::starter;
use crate::units::{Date, Duration, Percent, Schedule, Typed};

/// The interview's answers, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "ipc", derive(ts_rs::TS))]
pub struct Answers {
    /// The kind of agreement.
    #[cfg_attr(
        feature = "ipc",
        ts(type = "\"sla\" | \"ola\" | \"uc\" | \"offering\"")
    )]
    pub kind: Kind,
    /// The service's name, e.g. "Payroll".
    pub service: String,
    /// What it does for the consumer, in a sentence (may be empty).
    #[serde(default)]
    pub description: String,
    /// The organization or team that provides it.
    pub provider: String,
    /// The organization or team that consumes it.
    pub consumer: String,
    /// The service owner's name (on the provider's side; owns and signs).
    pub owner: String,
    /// The sponsor's name (on the consumer's side; approves and signs).
    pub sponsor: String,
    /// The service hours, e.g. "Mon-Fri 08:00-18:00" or "24/7".
    pub hours: String,
    /// The time zone of the hours (IANA), e.g. "Europe/London".
    pub time_zone: String,
    /// The availability promised, e.g. "99.9%".
    pub availability: String,
    /// How soon a P1 incident is responded to, e.g. "15 min".
    pub p1_response: String,
    /// How soon a P1 incident is resolved, e.g. "4h".
    pub p1_resolution: String,
    /// The day it takes effect, ISO.
    pub effective_date: String,
}

/// An answer that cannot be used, and what would be.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ipc", derive(ts_rs::TS))]
pub struct AnswerError {
    /// The answer's name, as in [`Answers`].
    pub field: String,
    /// What is wrong, with an example of what is understood.
    pub message: String,
}

/// A short id from a name, unique among `taken`: "Ann O'Neill" ->
/// "ann-oneill".
pub fn id_from_name(name: &str, taken: &[String]) -> String {
    let mut base = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let mut base: String = base.trim_end_matches('-').chars().take(40).collect();
    if base.is_empty() {
        base = "person".to_owned();
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A short code for a name, upper case: its words' initials ("Payroll
/// service desk" -> "PSD"), or the start of a one-word name ("Payroll" ->
/// "PAYR").
fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let code: String = if words.len() > 1 {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .take(5)
            .collect()
    } else {
        words
            .first()
            .map(|w| w.chars().take(4).collect())
            .unwrap_or_default()
    };
    code.to_uppercase()
}

/// A draft filled from the answers, or every answer that cannot be used.
pub fn interview(answers: &Answers) -> Result<Agreement, Vec<AnswerError>> {
    let mut errors = Vec::new();
    let mut need = |field: &str, value: &str, what: &str| {
        if value.trim().is_empty() {
            errors.push(AnswerError {
                field: field.to_owned(),
                message: format!("{what} is needed to start the agreement"),
            });
        }
    };
    need("service", &answers.service, "the service's name");
    need("provider", &answers.provider, "the provider's name");
    need("consumer", &answers.consumer, "the consumer's name");
    need("owner", &answers.owner, "the service owner's name");
    need("sponsor", &answers.sponsor, "the sponsor's name");
    let offering = answers.kind == Kind::Offering;
    let hours: Option<Typed<Schedule>> = (!offering).then(|| Typed::parse(answers.hours.trim()));
    let percent: Option<Typed<Percent>> =
        (!offering).then(|| Typed::parse(answers.availability.trim()));
    let response: Typed<Duration> = Typed::parse(answers.p1_response.trim());
    let resolution: Typed<Duration> = Typed::parse(answers.p1_resolution.trim());
    let date: Typed<Date> = Typed::parse(answers.effective_date.trim());
    let mut unread = |field: &str, ok: bool, text: &str, example: &str| {
        if !ok {
            errors.push(AnswerError {
                field: field.to_owned(),
                message: format!(
                    "\"{}\" cannot be read; write it like {example}",
                    text.trim()
                ),
            });
        }
    };
    if !offering {
        unread(
            "hours",
            hours.as_ref().is_some_and(|h| h.read().is_some()),
            &answers.hours,
            "\"Mon-Fri 08:00-18:00\" or \"24/7\"",
        );
        unread(
            "availability",
            percent.as_ref().is_some_and(|p| p.read().is_some()),
            &answers.availability,
            "\"99.9%\"",
        );
        unread(
            "p1_response",
            response.read().is_some(),
            &answers.p1_response,
            "\"15 min\" or \"1h\"",
        );
        unread(
            "p1_resolution",
            resolution.read().is_some(),
            &answers.p1_resolution,
            "\"4h\" or \"1 business day\"",
        );
    }
    unread(
        "effective_date",
        date.read().is_some(),
        &answers.effective_date,
        "\"2026-04-01\"",
    );
    if !offering && crate::downtime::time_zone(answers.time_zone.trim()).is_none() {
        errors.push(AnswerError {
            field: "time_zone".to_owned(),
            message: format!(
                "\"{}\" is not a time zone; write it as a region and city, like \"Europe/London\"",
                answers.time_zone.trim()
            ),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut a = starter(answers.kind);
    let service = answers.service.trim();
    let (provider, consumer) = (answers.provider.trim(), answers.consumer.trim());
    a.document.title = format!("{service} {}", answers.kind.title());
    a.document.reference = format!(
        "{}-{}-001",
        answers.kind.code().to_uppercase(),
        initials(service)
    );
    a.document.effective_date = Some(date);
    a.parties.provider.name = provider.to_owned();
    a.parties.consumer.name = consumer.to_owned();
    a.service.name = service.to_owned();
    a.service.description = answers.description.trim().to_owned();

    let owner_id = id_from_name(&answers.owner, &[]);
    let sponsor_id = id_from_name(&answers.sponsor, std::slice::from_ref(&owner_id));
    a.stakeholders = vec![
        Stakeholder {
            id: owner_id.clone(),
            name: answers.owner.trim().to_owned(),
            title: format!("Service owner, {service}"),
            side: Side::Provider,
            roles: vec![Role::ServiceProvider],
            signs: true,
            ..Stakeholder::default()
        },
        Stakeholder {
            id: sponsor_id.clone(),
            name: answers.sponsor.trim().to_owned(),
            title: format!("Sponsor, {consumer}"),
            side: Side::Consumer,
            roles: vec![Role::Sponsor, Role::Customer],
            signs: true,
            ..Stakeholder::default()
        },
    ];
    a.document.owner = owner_id.clone();
    a.document.approver = sponsor_id.clone();
    if let Some(first) = a.document.change_history.first_mut() {
        first.author = answers.owner.trim().to_owned();
    }
    a.relationship.contacts = vec![
        Contact {
            stakeholder: owner_id.clone(),
            purpose: "Day-to-day questions about the service and this agreement".to_owned(),
        },
        Contact {
            stakeholder: sponsor_id.clone(),
            purpose: format!("Priorities, approvals and escalations for {consumer}"),
        },
    ];
    for review in &mut a.relationship.reviews {
        review.participants = vec![owner_id.clone(), sponsor_id.clone()];
    }
    for report in &mut a.relationship.reports {
        report.recipients = vec![sponsor_id.clone()];
    }
    if offering {
        return Ok(a);
    }
    if let Some(h) = a.service_hours.as_mut() {
        if let Some(hours) = hours {
            h.schedule = hours;
        }
        h.time_zone = answers.time_zone.trim().to_owned();
    }
    if let Some(av) = a.warranty.availability.as_mut() {
        av.measurement = format!(
            "The share of service-hour minutes in each calendar month in which {service} is available to its users, less agreed maintenance."
        );
    }
    if let (Some(level), Some(Some(p))) = (
        a.service_levels.first_mut(),
        percent.map(|p| p.read().copied()),
    ) {
        level.name = format!("{service} availability");
        level.target = TargetValue::Percent(p);
        level.measurement = "As defined under availability.".to_owned();
    }
    if let Some(p1) = a.support.priorities.iter_mut().find(|p| p.id == "P1") {
        p1.response = Some(response);
        p1.resolution = Some(resolution);
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_made_from_names_and_kept_unique() {
        assert_eq!(id_from_name("Ann O'Neill", &[]), "ann-oneill");
        assert_eq!(id_from_name("  ", &[]), "person");
        assert_eq!(
            id_from_name("Ann O'Neill", &["ann-oneill".to_owned()]),
            "ann-oneill-2"
        );
        assert_eq!(initials("Payroll service desk"), "PSD");
        assert_eq!(initials("Payroll"), "PAYR");
    }
}

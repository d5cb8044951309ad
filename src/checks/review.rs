//! What a reviewer flags (domain.md section 4): vague or unmeasured targets,
//! response and resolution confused, priorities without criteria,
//! availability without a period or service hours, maintenance that dwarfs
//! the downtime budget, one-way relationships, missing reviews, reports and
//! contacts, credits without a claim window or cap, promises the
//! underpinning agreements cannot hold, and missing sponsor or signatory.

use super::Findings;
use crate::downtime::{self, Calendar, Period};
use crate::model::{
    Agreement, DependencyKind, Kind, Metric, PeriodConvention, Role, Side, TargetValue,
};
use crate::units::{Duration, Percent, Schedule};

/// Words that promise nothing measurable on their own.
const VAGUE: &[&str] = &[
    "promptly",
    "reasonable",
    "reasonably",
    "best effort",
    "best efforts",
    "as soon as possible",
    "asap",
    "timely",
    "in a timely manner",
    "where possible",
    "adequate",
    "appropriate",
    "quickly",
    "regularly",
    "high availability",
];

pub(crate) fn check(a: &Agreement, f: &mut Findings) {
    targets(a, f);
    priorities(a, f);
    availability(a, f);
    relationship(a, f);
    credits(a, f);
    underpinning(a, f);
    people(a, f);
    vague_commitments(a, f);
}

fn vague_word(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    if lower.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    VAGUE.iter().copied().find(|w| {
        lower
            .match_indices(w)
            .any(|(i, _)| is_word_boundary(&lower, i, i + w.len()))
    })
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn targets(a: &Agreement, f: &mut Findings) {
    for (i, t) in a.service_levels.iter().enumerate() {
        let at = |field: &str| format!("/service_levels/{i}/{field}");
        let label = if t.name.is_empty() {
            t.id.clone()
        } else {
            t.name.clone()
        };
        match &t.target {
            TargetValue::Text(text) if text.trim().is_empty() => f.error(
                "vague-target",
                at("target"),
                format!("target \"{label}\" has no value"),
                "state a number: a percentage (\"99.9%\"), a duration (\"4h\") or a score (\"4.5\")",
            ),
            TargetValue::Text(text) => f.error(
                "vague-target",
                at("target"),
                format!("target \"{label}\" is \"{text}\", which has no number to measure against"),
                "replace it with a measurable value, e.g. \"99.9%\" or \"4h\"",
            ),
            TargetValue::Percent(p) if !p.is_proportion() => f.error(
                "target-out-of-range",
                at("target"),
                format!("target \"{label}\" is {p}, outside 0%-100%"),
                "a percentage target must be between 0% and 100%",
            ),
            TargetValue::Duration(d) => {
                if matches!(t.metric, Metric::Availability | Metric::FirstContactResolution) {
                    f.error(
                        "target-unit-mismatch",
                        at("target"),
                        format!("target \"{label}\" measures {} but its value {d} is a duration", t.metric.label().to_lowercase()),
                        "give a percentage such as \"99.9%\"",
                    );
                }
                implausible(f, at("target"), &label, *d);
            }
            TargetValue::Percent(_) | TargetValue::Number(_) => {
                if matches!(t.metric, Metric::ResponseTime | Metric::ResolutionTime | Metric::FulfilmentTime) {
                    f.error(
                        "target-unit-mismatch",
                        at("target"),
                        format!("target \"{label}\" measures {} but its value {} is not a duration", t.metric.label().to_lowercase(), t.target),
                        "give a duration such as \"4h\" or \"30 min\"",
                    );
                }
            }
        }
        if let Some(p) = t.attainment {
            if !p.is_proportion() {
                f.error(
                    "target-out-of-range",
                    at("attainment"),
                    format!("attainment {p} of target \"{label}\" is outside 0%-100%"),
                    "attainment is the share of cases that must meet the target, e.g. \"95%\"",
                );
            }
        }
        if t.measurement.trim().is_empty() {
            f.error(
                "unmeasured-target",
                at("measurement"),
                format!("target \"{label}\" does not say how it is measured"),
                "describe the measurement, e.g. \"time from ticket logged to first response by an agent\"",
            );
        }
        if t.data_source.trim().is_empty() {
            f.warning(
                "unmeasured-target",
                at("data_source"),
                format!("target \"{label}\" names no data source"),
                "name where the data comes from, e.g. \"ITSM tool ticket timestamps\"",
            );
        }
        if t.reporting_period.is_none() {
            f.warning(
                "unmeasured-target",
                at("reporting_period"),
                format!("target \"{label}\" has no reporting period"),
                "set how often it is reported: monthly, quarterly, ...",
            );
        }
        if matches!(t.metric, Metric::ResponseTime | Metric::ResolutionTime) && t.priority.is_none()
        {
            f.warning(
                "target-without-priority",
                at("priority"),
                format!(
                    "{} target \"{label}\" applies to no priority",
                    t.metric.label().to_lowercase()
                ),
                "set the priority it applies to, e.g. \"P1\"",
            );
        }
    }
}

/// Times over 90 days are unusual; over a year, almost certainly a typo.
fn implausible(f: &mut Findings, pointer: String, what: &str, d: Duration) {
    if d > Duration::from_days(365) {
        f.error(
            "implausible-time",
            pointer,
            format!("{what} is {d}, more than a year"),
            "check the unit: \"4d\" is four days, \"4h\" four hours",
        );
    } else if d > Duration::from_days(90) {
        f.warning(
            "implausible-time",
            pointer,
            format!("{what} is {d}, more than 90 days"),
            "check the unit: \"4d\" is four days, \"4h\" four hours",
        );
    }
}

fn priorities(a: &Agreement, f: &mut Findings) {
    for (i, p) in a.support.priorities.iter().enumerate() {
        let at = |field: &str| format!("/support/priorities/{i}/{field}");
        let id = &p.id;
        if p.definition.trim().is_empty() && (p.impact.is_none() || p.urgency.is_none()) {
            f.warning(
                "priority-undefined",
                at("definition"),
                format!("priority {id} has no definition by impact and urgency"),
                "say what makes an incident this priority, and set its impact and urgency",
            );
        }
        match (p.response, p.resolution) {
            (Some(resp), Some(res)) if res < resp => f.error(
                "resolution-before-response",
                at("resolution"),
                format!("priority {id} must be resolved in {res} but only responded to in {resp}"),
                "resolution comes after response: swap them, or check the units",
            ),
            (Some(resp), Some(res)) if res == resp => f.warning(
                "resolution-before-response",
                at("resolution"),
                format!("priority {id} has the same response and resolution time ({res})"),
                "response is the acknowledgement, resolution the fix: they are rarely equal",
            ),
            (None, _) => f.warning(
                "priority-incomplete",
                at("response"),
                format!("priority {id} has no response time"),
                "set the time to respond, e.g. \"15 min\"",
            ),
            (_, None) => f.warning(
                "priority-incomplete",
                at("resolution"),
                format!("priority {id} has no resolution time"),
                "set the time to resolve, e.g. \"4h\"",
            ),
            _ => {}
        }
        for (field, d) in [
            ("response", p.response),
            ("resolution", p.resolution),
            ("update_every", p.update_every),
        ] {
            if let Some(d) = d {
                implausible(
                    f,
                    at(field),
                    &format!("the {} time of priority {id}", field.replace('_', " ")),
                    d,
                );
            }
        }
    }
    for (i, s) in a.offering.actions.iter().enumerate() {
        if let Some(d) = s.target {
            implausible(
                f,
                format!("/offering/actions/{i}/target"),
                &format!("the target time of \"{}\"", s.action),
                d,
            );
        }
    }
}

fn availability(a: &Agreement, f: &mut Findings) {
    let Some(av) = &a.warranty.availability else {
        if a.document.kind == Kind::Sla {
            f.warning(
                "availability-missing",
                "/warranty/availability",
                "the SLA states no availability commitment",
                "add an availability target with its period convention and service hours",
            );
        }
        return;
    };
    let base = "/warranty/availability";
    if !av.target.is_proportion() {
        f.error(
            "target-out-of-range",
            format!("{base}/target"),
            format!("the availability target {} is outside 0%-100%", av.target),
            "an availability target is a percentage such as \"99.9%\"",
        );
    }
    if av.period == PeriodConvention::Unspecified {
        f.error(
            "availability-period-missing",
            format!("{base}/period"),
            "availability has no stated period convention",
            "state the period: calendar_month, month_30_days, average_month, calendar_quarter or year_365_days; the downtime budget depends on it",
        );
    }
    if av.service_hours.is_none() {
        f.error(
            "availability-hours-missing",
            format!("{base}/service_hours"),
            "availability has no stated service hours",
            "state when the service is to be available, e.g. \"24x7\" or \"Mon-Fri 08:00-18:00\", with a time zone",
        );
    } else if av
        .service_hours
        .as_ref()
        .is_some_and(|h| h.time_zone.trim().is_empty())
    {
        f.warning(
            "availability-hours-missing",
            format!("{base}/service_hours/time_zone"),
            "the service hours have no time zone",
            "set an IANA time zone such as \"Europe/London\"",
        );
    }
    if av.measurement.trim().is_empty() {
        f.error(
            "unmeasured-target",
            format!("{base}/measurement"),
            "availability does not say how it is measured",
            "describe the measurement, e.g. \"share of minutes in which the health probe succeeds\"",
        );
    }
    if av.data_source.trim().is_empty() {
        f.warning(
            "unmeasured-target",
            format!("{base}/data_source"),
            "availability names no data source",
            "name the monitoring system the figures come from",
        );
    }
    // Excluded maintenance against the budget, over an average month.
    if !av.target.is_proportion() {
        return;
    }
    let service_schedule = av.service_hours.as_ref().map(|h| &h.schedule);
    let excluded_secs: f64 = av
        .maintenance
        .iter()
        .filter(|m| m.excluded_within(service_schedule))
        .map(|m| m.duration.as_secs() as f64 * m.frequency.per_average_month())
        .sum();
    if excluded_secs <= 0.0 {
        return;
    }
    let calendar = match &av.service_hours {
        Some(h) => Calendar {
            schedule: h.schedule.clone(),
            time_zone: Some(h.time_zone.clone()),
            holidays: Vec::new(),
        },
        None => Calendar::always(),
    };
    let Ok(budget) = downtime::budget(
        av.target,
        Period::AverageMonth,
        &calendar,
        Duration::default(),
    ) else {
        return;
    };
    let budget_secs = budget.allowed_ms as f64 / 1000.0;
    if excluded_secs > budget_secs {
        let excluded = Duration::from_secs(excluded_secs.round() as u64);
        f.warning(
            "maintenance-dwarfs-budget",
            format!("{base}/maintenance"),
            format!(
                "about {excluded} of maintenance a month is excluded from downtime, {:.0} times the {} downtime budget of {}",
                excluded_secs / budget_secs.max(1.0),
                av.target,
                downtime::format_ms(budget.allowed_ms),
            ),
            "shorten or count the maintenance windows, or lower the target so the promise is honest",
        );
    }
}

fn relationship(a: &Agreement, f: &mut Findings) {
    let kind = a.document.kind;
    if !kind.is_signed() {
        return;
    }
    if a.responsibilities.consumer.is_empty() {
        let message = "no consumer responsibilities: the relationship is a one-way street";
        let hint = "list what the consumer must do: manage its own resources, use the service properly, request actions, accept outcomes";
        if kind == Kind::Sla {
            f.error(
                "one-way-relationship",
                "/responsibilities/consumer",
                message,
                hint,
            );
        } else {
            f.warning(
                "one-way-relationship",
                "/responsibilities/consumer",
                message,
                hint,
            );
        }
    }
    let r = &a.relationship;
    if r.reviews.is_empty() {
        f.warning(
            "no-reviews",
            "/relationship/reviews",
            "no service reviews are scheduled",
            "add a review meeting with its cadence and participants, e.g. a monthly service review",
        );
    }
    if r.reports.is_empty() {
        f.warning(
            "no-reports",
            "/relationship/reports",
            "no service reports are agreed",
            "add a report with its frequency and contents, e.g. a monthly service level report",
        );
    }
    if r.contacts.is_empty() {
        f.warning(
            "no-contacts",
            "/relationship/contacts",
            "no named contacts for the relationship",
            "name a contact on each side for day-to-day questions and escalations",
        );
    }
    if r.improvement.is_empty() {
        f.info(
            "no-improvement",
            "/relationship/improvement",
            "no continual improvement commitments",
            "say how the service will get better year after year",
        );
    }
}

fn credits(a: &Agreement, f: &mut Findings) {
    let Some(c) = &a.credits else {
        return;
    };
    if c.claim_window.is_none() {
        f.warning(
            "credits-no-claim-window",
            "/credits/claim_window",
            "service credits have no claim window",
            "say by when a credit must be claimed, e.g. \"60d\" (two billing cycles)",
        );
    }
    match c.cap {
        None => f.warning(
            "credits-no-cap",
            "/credits/cap",
            "service credits have no cap",
            "set the most that can be credited in one period, e.g. \"100%\" of the monthly charge",
        ),
        Some(cap) if cap > Percent::whole(100) => f.error(
            "credits-cap-over-100",
            "/credits/cap",
            format!("the credit cap is {cap}, more than the whole charge"),
            "a cap above 100% pays the consumer more than it paid; use 100% or less",
        ),
        Some(cap) if cap < Percent::whole(0) => f.error(
            "target-out-of-range",
            "/credits/cap",
            format!("the credit cap is {cap}"),
            "use a percentage between 0% and 100%",
        ),
        Some(_) => {}
    }
    if c.tiers.is_empty() {
        f.warning(
            "credits-no-tiers",
            "/credits/tiers",
            "service credits have no tiers",
            "add tiers: below which level, how much credit",
        );
    }
    for (i, t) in c.tiers.iter().enumerate() {
        if !t.below.is_proportion() {
            f.error(
                "target-out-of-range",
                format!("/credits/tiers/{i}/below"),
                format!(
                    "credit tier {} applies below {}, outside 0%-100%",
                    i + 1,
                    t.below
                ),
                "use a percentage between 0% and 100%",
            );
        }
        if !t.credit.is_proportion() {
            f.error(
                "target-out-of-range",
                format!("/credits/tiers/{i}/credit"),
                format!("credit tier {} pays {}, outside 0%-100%", i + 1, t.credit),
                "use a percentage between 0% and 100%",
            );
        }
        if let Some(prev) = i.checked_sub(1).and_then(|p| c.tiers.get(p)) {
            if t.below >= prev.below || t.credit <= prev.credit {
                f.warning(
                    "credit-tiers-order",
                    format!("/credits/tiers/{i}"),
                    format!("credit tier {} does not follow on from tier {}", i + 1, i),
                    "list tiers from the highest level down, each paying more than the one before",
                );
            }
        }
    }
    if let (Some(cap), Some(top)) = (c.cap, c.tiers.iter().map(|t| t.credit).max()) {
        if top > cap && cap <= Percent::whole(100) {
            f.warning(
                "credits-tier-over-cap",
                "/credits/cap",
                format!("a credit tier pays {top}, more than the cap of {cap}"),
                "raise the cap or lower the tier",
            );
        }
    }
}

fn underpinning(a: &Agreement, f: &mut Findings) {
    let av = a.warranty.availability.as_ref();
    let hours = av.and_then(|av| av.service_hours.as_ref());
    let fastest = a
        .support
        .priorities
        .iter()
        .filter_map(|p| p.resolution)
        .min();
    for (i, d) in a.service.dependencies.iter().enumerate() {
        if !matches!(d.kind, DependencyKind::Ola | DependencyKind::Uc) {
            continue;
        }
        let at = |field: &str| format!("/service/dependencies/{i}/{field}");
        if let (Some(av), Some(dep)) = (av, d.availability) {
            if dep < av.target {
                f.warning(
                    "underpinning-weaker",
                    at("availability"),
                    format!("\"{}\" commits to {dep} availability, less than the {} this agreement promises", d.name, av.target),
                    "raise the underpinning commitment, add redundancy, or lower this agreement's target",
                );
            }
        }
        if let (Some(h), Some(dep_hours)) = (hours, &d.support_hours) {
            if covers_less(dep_hours, &h.schedule) {
                f.warning(
                    "underpinning-weaker",
                    at("support_hours"),
                    format!("\"{}\" is supported {dep_hours}, which does not cover this agreement's service hours ({})", d.name, h.schedule),
                    "a service with these hours needs support underneath it for at least the same hours",
                );
            }
        }
        if let (Some(fast), Some(dep)) = (fastest, d.resolution) {
            if dep > fast {
                f.warning(
                    "underpinning-weaker",
                    at("resolution"),
                    format!("\"{}\" resolves in {dep}, slower than this agreement's fastest resolution time of {fast}", d.name),
                    "tighten the underpinning resolution time or relax this agreement's",
                );
            }
        }
    }
}

/// True when some minute of `needed` is not covered by `offered`.
fn covers_less(offered: &Schedule, needed: &Schedule) -> bool {
    (0..7).any(|day| {
        let have = offered.intervals_on(day);
        needed
            .intervals_on(day)
            .iter()
            .any(|&(s, e)| !have.iter().any(|&(hs, he)| hs <= s && e <= he))
    })
}

fn people(a: &Agreement, f: &mut Findings) {
    let kind = a.document.kind;
    if !kind.is_signed() {
        return;
    }
    if a.with_role(Role::Sponsor).next().is_none() {
        f.error(
            "missing-sponsor",
            "/stakeholders",
            "no stakeholder is the sponsor",
            "give the role \"sponsor\" to whoever authorises the budget and approves the agreement",
        );
    }
    for (side, label) in [(Side::Provider, "provider"), (Side::Consumer, "consumer")] {
        if !a.stakeholders.iter().any(|s| s.signs && s.side == side) {
            f.error(
                "missing-signatory",
                "/stakeholders",
                format!("nobody signs for the {label}"),
                format!(
                    "set `signs: true` on a {label}-side stakeholder who can commit the {label}"
                ),
            );
        }
    }
}

fn vague_commitments(a: &Agreement, f: &mut Findings) {
    let mut flag = |pointer: String, text: &str| {
        if let Some(word) = vague_word(text) {
            f.warning(
                "vague-commitment",
                pointer,
                format!(
                    "\"{word}\" promises nothing measurable: \"{}\"",
                    shorten(text)
                ),
                "add a number or a definition, e.g. \"within 2 business days\"",
            );
        }
    };
    for (i, t) in a.responsibilities.provider.iter().enumerate() {
        flag(format!("/responsibilities/provider/{i}"), t);
    }
    for (i, t) in a.responsibilities.consumer.iter().enumerate() {
        flag(format!("/responsibilities/consumer/{i}"), t);
    }
    for (i, c) in a.warranty.capacity.iter().enumerate() {
        flag(format!("/warranty/capacity/{i}/commitment"), &c.commitment);
    }
    if let Some(s) = &a.warranty.security {
        for (i, t) in s.commitments.iter().enumerate() {
            flag(format!("/warranty/security/commitments/{i}"), t);
        }
    }
    for (i, t) in a.relationship.improvement.iter().enumerate() {
        flag(format!("/relationship/improvement/{i}"), t);
    }
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_words_need_word_boundaries_and_no_number() {
        assert_eq!(vague_word("Respond promptly"), Some("promptly"));
        assert_eq!(vague_word("Best effort support"), Some("best effort"));
        assert_eq!(vague_word("Respond promptly, within 4 hours"), None);
        assert_eq!(vague_word("Keep inappropriately named things"), None);
    }
}

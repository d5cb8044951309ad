//! Targets: measurable, in range, in the right unit and direction,
//! measured from named data and reported; availability with its period,
//! hours and a maintenance allowance that leaves the budget meaningful.

use super::{Ctx, said};
use crate::checks::{Code, Findings};
use crate::downtime::{self, Calendar, Period};
use crate::model::{Comparison, Kind, Metric, PeriodConvention, TargetValue};
use crate::units::{Duration, Given};

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    for (i, t) in a.service_levels.iter().enumerate() {
        let at = |field: &str| format!("/service_levels/{i}/{field}");
        let label = t.label().to_owned();
        let metric = t.metric.label().to_lowercase();
        match &t.target {
            TargetValue::Text(text) if text.trim().is_empty() => f.error(
                Code::VagueTarget,
                at("target"),
                format!("target \"{label}\" has no value"),
                "state a number: a percentage (\"99.9%\"), a duration (\"4h\") or a score (\"4.5\")",
            ),
            TargetValue::Text(text) => f.error(
                Code::VagueTarget,
                at("target"),
                format!("target \"{label}\" is \"{text}\", which has no number to measure against"),
                "replace it with a measurable value, e.g. \"99.9%\" or \"4h\"",
            ),
            TargetValue::Percent(p) if !p.is_proportion() => f.error(
                Code::TargetOutOfRange,
                at("target"),
                format!("target \"{label}\" is {p}, outside 0%-100%"),
                "a percentage target must be between 0% and 100%",
            ),
            TargetValue::Duration(d) => {
                if matches!(t.metric, Metric::Availability | Metric::FirstContactResolution) {
                    f.error(
                        Code::TargetUnitMismatch,
                        at("target"),
                        format!("target \"{label}\" measures {metric} but its value {d} is a duration"),
                        "give a percentage such as \"99.9%\"",
                    );
                }
                implausible(f, at("target"), &format!("target \"{label}\""), *d);
            }
            TargetValue::Percent(_) | TargetValue::Number(_) => {
                if matches!(
                    t.metric,
                    Metric::ResponseTime | Metric::ResolutionTime | Metric::FulfilmentTime
                ) {
                    f.error(
                        Code::TargetUnitMismatch,
                        at("target"),
                        format!("target \"{label}\" measures {metric} but its value {} is not a duration", t.target),
                        "give a duration such as \"4h\" or \"30 min\"",
                    );
                }
            }
        }
        // Direction: more is better for shares and scores, less for times.
        let wants_at_least = matches!(
            t.metric,
            Metric::Availability | Metric::FirstContactResolution | Metric::Satisfaction
        );
        let wants_at_most = matches!(
            t.metric,
            Metric::ResponseTime | Metric::ResolutionTime | Metric::FulfilmentTime
        );
        if wants_at_least && t.comparison == Comparison::AtMost {
            f.error(
                Code::TargetWrongDirection,
                at("comparison"),
                format!("target \"{label}\" promises {metric} of at most {}, a ceiling rather than a floor", t.target),
                format!("{metric} should be at least the target: set the comparison to \"at_least\""),
            );
        }
        if wants_at_most && t.comparison == Comparison::AtLeast {
            f.error(
                Code::TargetWrongDirection,
                at("comparison"),
                format!("target \"{label}\" promises a {metric} of at least {}, which any delay would meet", t.target),
                format!("a {metric} should be at most the target: set the comparison to \"at_most\""),
            );
        }
        if let TargetValue::Number(n) = t.target {
            if t.unit.trim().is_empty() {
                f.warning(
                    Code::ScoreWithoutScale,
                    at("unit"),
                    format!("target \"{label}\" is {n} with no scale: 4.2 out of 5 and 4.2 out of 10 are different promises"),
                    "set the unit, e.g. \"points out of 5\"",
                );
            }
        }
        if let Some(p) = t.attainment.get() {
            if !p.is_proportion() {
                f.error(
                    Code::TargetOutOfRange,
                    at("attainment"),
                    format!("attainment {p} of target \"{label}\" is outside 0%-100%"),
                    "attainment is the share of cases that must meet the target, e.g. \"95%\"",
                );
            }
        }
        let inherited = a.warranty.availability.as_ref();
        let is_availability = t.metric == Metric::Availability;
        if t.measurement.trim().is_empty()
            && !(is_availability && inherited.is_some_and(|av| !av.measurement.trim().is_empty()))
        {
            f.error(
                Code::UnmeasuredTarget,
                at("measurement"),
                format!("target \"{label}\" does not say how it is measured"),
                "describe the measurement, e.g. \"time from ticket logged to first response by an agent\"",
            );
        }
        if t.data_source.trim().is_empty()
            && !(is_availability && inherited.is_some_and(|av| !av.data_source.trim().is_empty()))
        {
            f.warning(
                Code::UnmeasuredTarget,
                at("data_source"),
                format!("target \"{label}\" names no data source"),
                "name where the data comes from, e.g. \"ITSM tool ticket timestamps\"",
            );
        }
        if t.reporting_period.is_none() {
            f.warning(
                Code::UnmeasuredTarget,
                at("reporting_period"),
                format!("target \"{label}\" has no reporting period"),
                "set how often it is reported: monthly, quarterly, ...",
            );
        }
        if matches!(t.metric, Metric::ResponseTime | Metric::ResolutionTime) && t.priority.is_none()
        {
            f.warning(
                Code::TargetWithoutPriority,
                at("priority"),
                format!("{metric} target \"{label}\" applies to no priority"),
                "set the priority it applies to, e.g. \"P1\"",
            );
        }
        if is_availability {
            availability_target(ctx, i, f);
        }
    }
    if a.document.kind == Kind::Sla && a.availability_targets().next().is_none() {
        f.warning(
            Code::AvailabilityMissing,
            "/service_levels",
            "the SLA states no availability target",
            "add an availability target with its period convention and service hours",
        );
    }
    for (i, p) in a.support.priorities.iter().enumerate() {
        for (field, d) in [
            ("response", &p.response),
            ("resolution", &p.resolution),
            ("update_every", &p.update_every),
        ] {
            if let Some(d) = d.get() {
                implausible(
                    f,
                    format!("/support/priorities/{i}/{field}"),
                    &format!("the {} time of priority {}", field.replace('_', " "), p.id),
                    d,
                );
            }
        }
    }
    for (i, s) in a.offering.actions.iter().enumerate() {
        if let Some(d) = s.target.get() {
            implausible(
                f,
                format!("/offering/actions/{i}/target"),
                &format!("the target time of \"{}\"", s.action),
                d,
            );
        }
    }
}

/// An availability target: period, hours, and maintenance against its
/// budget.
fn availability_target(ctx: &Ctx, i: usize, f: &mut Findings) {
    let a = ctx.a;
    let t = &a.service_levels[i];
    let label = t.label();
    let at = |field: &str| format!("/service_levels/{i}/{field}");
    if a.period_of(t) == PeriodConvention::Unspecified {
        f.error(
            Code::AvailabilityPeriodMissing,
            at("period"),
            format!("availability target \"{label}\" has no period convention, so its downtime budget is unknown"),
            "state the period on the target or under warranty availability: calendar_month, month_30_days, average_month, calendar_quarter or year_365_days",
        );
    }
    match a.hours_of(t) {
        None => f.error(
            Code::AvailabilityHoursMissing,
            at("service_hours"),
            format!("availability target \"{label}\" has no service hours: {} of what?", t.target),
            "state the agreement's service hours (e.g. \"24x7\" or \"Mon-Fri 08:00-18:00\", with a time zone), or the target's own",
        ),
        Some(h) if h.time_zone.trim().is_empty() => f.warning(
            Code::AvailabilityHoursMissing,
            if t.service_hours.is_some() {
                at("service_hours/time_zone")
            } else {
                "/service_hours/time_zone".to_owned()
            },
            format!("the service hours of \"{label}\" ({}) have no time zone", h.schedule),
            "set an IANA time zone such as \"Europe/London\"",
        ),
        Some(_) => {}
    }
    let TargetValue::Percent(target) = t.target else {
        return;
    };
    if !target.is_proportion() {
        return;
    }
    let Some(av) = &a.warranty.availability else {
        return;
    };
    let hours = a.hours_of(t);
    let schedule = hours.and_then(|h| h.schedule.read());
    let Some(calendar) = Calendar::of(hours) else {
        return;
    };
    let excluded_secs: f64 = av
        .maintenance
        .iter()
        .filter(|m| m.excluded_within(schedule))
        .filter_map(|m| {
            Some(
                m.duration
                    .get()?
                    .secs_with(calendar.business_day_service_secs()) as f64
                    * m.frequency.per_average_month(),
            )
        })
        .sum();
    if excluded_secs <= 0.0 {
        return;
    }
    let calendar = Calendar {
        holidays: Vec::new(),
        ..calendar
    };
    let Ok(budget) = downtime::budget(target, Period::AverageMonth, &calendar, Duration::default())
    else {
        return;
    };
    let budget_secs = budget.allowed_ms as f64 / 1000.0;
    if excluded_secs > budget_secs {
        let excluded = downtime::format_ms((excluded_secs * 1000.0).round() as u64);
        f.warning(
            Code::MaintenanceDwarfsBudget,
            "/warranty/availability/maintenance",
            format!(
                "about {} of maintenance a month is excluded from downtime, {:.0} times the downtime budget of \"{label}\" ({target}: {} a month)",
                excluded,
                excluded_secs / budget_secs.max(1.0),
                downtime::format_ms(budget.allowed_ms),
            ),
            "shorten or count the maintenance windows, or lower the target so the promise is honest",
        );
    }
}

/// Times over 90 days are unusual; over a year, almost certainly a typo.
fn implausible(f: &mut Findings, pointer: String, what: &str, d: Duration) {
    let days = d.secs_with(86_400 * 7 / 5) / 86_400;
    if days > 365 {
        f.error(
            Code::ImplausibleTime,
            pointer,
            format!("{what} is {}, more than a year", said(d)),
            "check the unit: \"4d\" is four days, \"4h\" four hours",
        );
    } else if days > 90 {
        f.warning(
            Code::ImplausibleTime,
            pointer,
            format!("{what} is {}, more than 90 days", said(d)),
            "check the unit: \"4d\" is four days, \"4h\" four hours",
        );
    }
}

//! Support in the view: channels, priorities with their clocks, the
//! priority matrix as a grid, escalation, and what a business day means
//! with a worked due-date example.

use serde_json::{Value, json};

use super::parties::person;
use super::{dur, dur_words, hours};
use crate::downtime::Calendar;
use crate::model::*;
use crate::units::{Duration, Given, Typed};

pub(super) fn support(a: &Agreement) -> Value {
    let s = &a.support;
    let levels = [Level::High, Level::Medium, Level::Low];
    let has_matrix = s.priorities.iter().any(|p| !p.matrix.is_empty());
    let grid: Vec<Value> = if has_matrix {
        levels
            .iter()
            .map(|impact| {
                let cells: Vec<String> = levels
                    .iter()
                    .map(|urgency| {
                        let cell = MatrixCell {
                            impact: *impact,
                            urgency: *urgency,
                        };
                        let ids: Vec<&str> = s
                            .priorities
                            .iter()
                            .filter(|p| p.matrix.contains(&cell))
                            .map(|p| p.id.as_str())
                            .collect();
                        ids.join(", ")
                    })
                    .collect();
                json!({"impact": impact.label(), "cells": cells})
            })
            .collect()
    } else {
        Vec::new()
    };
    let clocks_differ = s
        .priorities
        .iter()
        .any(|p| p.clock.is_some_and(|c| c != s.clock));
    json!({
        "channels": s.channels.iter().map(|c| json!({
            "name": c.name, "kind": c.kind.label(), "address": c.address, "hours": hours(&c.hours),
        })).collect::<Vec<_>>(),
        "priorities": s.priorities.iter().map(|p| json!({
            "id": p.id,
            "name": p.name,
            "definition": p.definition,
            "matrix": p.matrix.iter().map(|c| format!("{} / {}", c.impact.label(), c.urgency.label())).collect::<Vec<_>>(),
            "response": dur(&p.response),
            "resolution": dur(&p.resolution),
            "update_every": dur(&p.update_every),
            "clock": if clocks_differ {
                match s.clock_of(p) {
                    Clock::ServiceHours => "Service hours",
                    Clock::Calendar => "24x7",
                }
            } else {
                ""
            },
        })).collect::<Vec<_>>(),
        "matrix": grid,
        "urgencies": levels.iter().map(|l| l.label()).collect::<Vec<_>>(),
        "clock": match (s.clock, clocks_differ) {
            (_, true) => "Response and resolution times count time on each priority's clock, shown in the table: 24x7 counts every hour, around the clock; service hours count time within the service hours only.",
            (Clock::ServiceHours, false) => "Response and resolution times count time within the service hours only.",
            (Clock::Calendar, false) => "Response and resolution times count every hour, around the clock.",
        },
        "business_days": if !uses_business_days(a) {
            String::new()
        } else if let Some((cal, days)) = Calendar::of(a.service_hours.as_ref()).map(|cal| {
            let days = cal.business_days;
            (cal, days)
        }) {
            let hours = cal.business_day_service_secs() as f64 / 3600.0;
            let holidays = if a.service_hours.as_ref().is_some_and(|h| !h.holidays.is_empty()) {
                " that is not a listed holiday"
            } else {
                ""
            };
            let rule = if cal.schedule.is_always() {
                format!(
                    "A business day is {}{holidays}; a time in business days ends at midnight at the end of the last of them.",
                    days.to_words()
                )
            } else {
                format!(
                    "A business day is {}{holidays}; a time in business days ends at the close of the service hours on the last of them, and a business day counts as {} service hours on the service-hours clock.",
                    days.to_words(),
                    format!("{hours:.1}").trim_end_matches(".0")
                )
            };
            match due_example(a, &cal) {
                Some(example) => format!("{rule} {example}"),
                None => rule,
            }
        } else {
            "Business days are counted on the service hours, which are not understood yet.".to_owned()
        },
        "clock_stops": s.clock_stops,
        "escalation": s.escalation.iter().enumerate().map(|(i, e)| json!({
            "level": i + 1,
            "contact": person(a, &e.contact),
            "when": e.when,
            "priorities": e.priorities.join(", "),
            "after": e.after.iter().map(|t| if t.priority.is_empty() {
                format!("after {}", dur_words(&t.after))
            } else {
                format!("{}: after {}", t.priority, dur_words(&t.after))
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// True when any time in the support arrangements is in business days.
fn uses_business_days(a: &Agreement) -> bool {
    let s = &a.support;
    let bd = |d: &Option<Typed<Duration>>| d.read().is_some_and(|d| d.business_days().is_some());
    s.priorities
        .iter()
        .any(|p| bd(&p.response) || bd(&p.resolution) || bd(&p.update_every))
        || a.offering.actions.iter().any(|x| bd(&x.target))
        || s.escalation.iter().any(|e| {
            e.after
                .iter()
                .any(|t| t.after.read().is_some_and(|d| d.business_days().is_some()))
        })
        || a.relationship
            .reports
            .iter()
            .chain(std::iter::empty())
            .any(|r| r.on.as_ref().is_some_and(|o| bd(&o.within)))
        || a.relationship
            .reviews
            .iter()
            .any(|r| r.on.as_ref().is_some_and(|o| bd(&o.within)))
        || a.service_levels
            .iter()
            .any(|t| matches!(t.target, TargetValue::Duration(d) if d.business_days().is_some()))
}

/// A worked example of a due date for the least urgent priority whose
/// resolution is in business days: logged on the first Thursday of the
/// term at 16:00, due when `Calendar::due` says.
fn due_example(a: &Agreement, cal: &Calendar) -> Option<String> {
    let s = &a.support;
    let p = s.priorities.iter().rev().find(|p| {
        p.resolution
            .read()
            .is_some_and(|d| d.business_days().is_some())
    })?;
    let resolution = p.resolution.get()?;
    let mut day = a.document.effective_date.get()?.0;
    while day.weekday() != jiff::civil::Weekday::Thursday {
        day = day.tomorrow().ok()?;
    }
    let start = day.to_datetime(jiff::civil::Time::new(16, 0, 0, 0).ok()?);
    let due = cal.due(start, resolution, s.clock_of(p)).ok()?;
    let when = |t: jiff::civil::DateTime| {
        format!("{} on {}", t.strftime("%H:%M"), t.strftime("%A %-d %B %Y"))
    };
    Some(format!(
        "For example, a {} incident logged at {} is due for resolution ({}) by {}.",
        p.id,
        when(start),
        resolution.to_words(),
        when(due)
    ))
}

//! The view: what templates see. A JSON tree built from the agreement with
//! every key always present (strict mode then catches typos in templates),
//! references resolved (stakeholder ids become names and titles), and the
//! derived facts a reader needs (downtime budgets, signatories, side-by-side
//! duties) computed here rather than in template logic.
//!
//! Values keep their canonical forms (`"4h"`, `"99.9%"`, `"2026-01-01"`);
//! templates format them with the helpers (`{{duration x}}`,
//! `{{percent x}}`, `{{date x}}`). Absent values are empty strings or empty
//! lists, so `{{#if x}}` hides what is not there. The full list of keys is
//! in `templates/README.md`.

use serde_json::{Value, json};

use crate::downtime::{self, Calendar, Period};
use crate::model::*;
use crate::units::{Duration, Percent};

/// A duration as printed: canonical ("4h", "30 min"), business days in
/// words ("3 business days"), so a template's `duration` helper and plain
/// insertion both read right.
fn dur(value: &Option<Duration>) -> String {
    match value {
        Some(d) if d.business_days().is_some() => d.to_words(),
        Some(d) => d.to_string(),
        None => String::new(),
    }
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn person(a: &Agreement, id: &str) -> Value {
    match a.stakeholder(id) {
        Some(s) => stakeholder(a, s),
        None => json!({
            "id": id, "name": id, "title": "", "kind": "", "side": "", "side_label": "",
            "organization": "", "roles": [], "roles_text": "", "email": "", "phone": "", "signs": false,
        }),
    }
}

fn side_org(a: &Agreement, side: Side) -> String {
    match side {
        Side::Provider => a.parties.provider.name.clone(),
        Side::Consumer => a.parties.consumer.name.clone(),
        Side::ThirdParty => String::new(),
    }
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Provider => "Provider",
        Side::Consumer => "Consumer",
        Side::ThirdParty => "Third party",
    }
}

fn stakeholder(a: &Agreement, s: &Stakeholder) -> Value {
    let roles: Vec<&str> = s.roles.iter().map(|r| r.label()).collect();
    json!({
        "id": s.id,
        "name": if s.name.is_empty() { s.id.clone() } else { s.name.clone() },
        "title": s.title,
        "kind": match s.kind { StakeholderKind::Person => "person", StakeholderKind::Team => "team" },
        "side": match s.side { Side::Provider => "provider", Side::Consumer => "consumer", Side::ThirdParty => "third_party" },
        "side_label": side_label(s.side),
        "organization": side_org(a, s.side),
        "roles": roles,
        "roles_text": roles.join(", "),
        "email": s.email,
        "phone": s.phone,
        "signs": s.signs,
    })
}

fn names(a: &Agreement, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| match a.stakeholder(id) {
            Some(s) if !s.name.is_empty() => s.name.clone(),
            _ => id.clone(),
        })
        .collect()
}

fn organization(o: &Organization) -> Value {
    json!({
        "name": o.name,
        "legal_name": o.legal_name,
        "address": o.address,
        "registration": o.registration,
    })
}

/// Builds the template view of an agreement.
pub fn view(a: &Agreement) -> Value {
    let d = &a.document;
    let stakeholders: Vec<Value> = a.stakeholders.iter().map(|s| stakeholder(a, s)).collect();
    let signatories: Vec<Value> = signatories(a);
    let sponsors: Vec<Value> = a
        .with_role(Role::Sponsor)
        .map(|s| stakeholder(a, s))
        .collect();
    let offering = offering(a);
    let availability = availability(a);
    let support = support(a);
    let relationship = relationship(a);
    let service = &a.service;
    let dependencies: Vec<Value> = service
        .dependencies
        .iter()
        .map(|dep| {
            json!({
                "name": dep.name,
                "kind": match dep.kind {
                    DependencyKind::Ola => "OLA",
                    DependencyKind::Uc => "Underpinning contract",
                    DependencyKind::Internal => "Internal service",
                    DependencyKind::External => "External",
                },
                "reference": dep.reference,
                "provider": dep.provider,
                "description": dep.description,
                "availability": opt(&dep.availability),
                "support_hours": opt(&dep.support_hours),
                "resolution": opt(&dep.resolution),
            })
        })
        .collect();
    let levels: Vec<Value> = a
        .service_levels
        .iter()
        .map(|t| {
            json!({
                "id": t.id,
                "name": if t.name.is_empty() { t.metric.label().to_owned() } else { t.name.clone() },
                "metric": t.metric.label(),
                "priority": opt(&t.priority),
                "target": t.target.to_string(),
                "target_kind": match t.target {
                    TargetValue::Percent(_) => "percent",
                    TargetValue::Duration(_) => "duration",
                    TargetValue::Number(_) => "number",
                    TargetValue::Text(_) => "text",
                },
                "comparison": match t.comparison { Comparison::AtLeast => "at least", Comparison::AtMost => "at most" },
                "unit": t.unit,
                "attainment": opt(&t.attainment),
                "measurement": t.measurement,
                "data_source": t.data_source,
                "reporting_period": t.reporting_period.map(|c| c.label()).unwrap_or(""),
                "scope": t.scope,
                // The priority in brackets, unless the name already says it.
                "show_priority": t.priority.as_ref().is_some_and(|p| !t.name.contains(p.as_str())),
            })
        })
        .collect();
    let credit_schemes: Vec<Value> = a
        .credit_schemes
        .iter()
        .map(|c| {
            let targets: Vec<String> = c
                .applies_to
                .iter()
                .map(|id| a.target(id).map_or_else(|| id.clone(), |t| t.label().to_owned()))
                .collect();
            json!({
                "name": c.label(),
                "applies_to": c.applies_to,
                "applies_to_names": targets,
                "basis": c.basis,
                "tiers": c.tiers.iter().map(|t| json!({"below": t.below.to_string(), "credit": t.credit.to_string()})).collect::<Vec<_>>(),
                "claim_window": c.claim_window.map(|w| w.to_words()).unwrap_or_default(),
                "evidence": c.evidence,
                "cap": opt(&c.cap),
                "sole_remedy": c.sole_remedy,
                "usable": c.usable.map(|u| u.words()).unwrap_or_default(),
                "several": a.credit_schemes.len() > 1,
            })
        })
        .collect();
    let w = &a.warranty;
    let continuity = match &w.continuity {
        None => Value::Null,
        Some(c) => json!({
            "rto": opt(&c.rto),
            "rpo": opt(&c.rpo),
            "arrangements": c.arrangements,
            "test_frequency": c.test_frequency.map(|f| f.label()).unwrap_or(""),
        }),
    };
    let security = match &w.security {
        None => Value::Null,
        Some(s) => json!({
            "commitments": s.commitments,
            "standards": s.standards,
            "data_location": s.data_location,
            "breach_notification": opt(&s.breach_notification),
        }),
    };
    let capacity: Vec<Value> = w
        .capacity
        .iter()
        .map(|c| json!({"metric": c.metric, "commitment": c.commitment}))
        .collect();
    let provider_duties = &a.responsibilities.provider;
    let consumer_duties = &a.responsibilities.consumer;
    let rows: Vec<Value> = (0..provider_duties.len().max(consumer_duties.len()))
        .map(|i| {
            json!({
                "provider": provider_duties.get(i).cloned().unwrap_or_default(),
                "consumer": consumer_duties.get(i).cloned().unwrap_or_default(),
            })
        })
        .collect();
    let history: Vec<Value> = d
        .change_history
        .iter()
        .map(|c| json!({"version": c.version, "date": opt(&c.date), "author": c.author, "summary": c.summary}))
        .collect();
    let glossary: Vec<Value> = a
        .glossary
        .iter()
        .map(|g| json!({"term": g.term, "definition": g.definition}))
        .collect();
    let clauses: Vec<Value> = a
        .clauses
        .iter()
        .enumerate()
        // The body itself is parsed on its own and spliced in by
        // `render::to_document` (see `render::clause_bodies`).
        .map(|(i, c)| json!({"title": c.title, "body": format!("::: include {i}")}))
        .collect();
    let has_warranty = w.availability.is_some()
        || a.availability_targets().next().is_some()
        || !w.capacity.is_empty()
        || w.continuity.is_some()
        || w.security.is_some();
    let utility = &a.utility;
    let has_utility = !utility.purpose.is_empty()
        || !utility.capabilities.is_empty()
        || !utility.constraints_removed.is_empty();
    let has_costs_risks = !service.costs_removed.is_empty()
        || !service.risks_removed.is_empty()
        || !service.costs_imposed.is_empty()
        || !service.risks_imposed.is_empty();
    let has_service = !service.name.is_empty()
        || !service.description.is_empty()
        || !service.outcomes.is_empty()
        || has_costs_risks
        || !service.in_scope.is_empty()
        || !service.out_of_scope.is_empty()
        || !service.dependencies.is_empty();
    let terms = &a.terms;
    let has_terms = !terms.changes.is_empty()
        || !terms.termination.is_empty()
        || terms.end_date.is_some()
        || d.term.months.is_some()
        || d.term.notice.is_some()
        || d.term.renewal_months.is_some()
        || d.term.renewal != Renewal::Unspecified;
    let o = &a.offering;
    let r = &a.relationship;
    let s = &a.support;
    json!({
        "kind": {
            "code": d.kind.code(),
            "title": d.kind.title(),
            "signed": d.kind.is_signed(),
            "is_sla": d.kind == Kind::Sla,
            "is_ola": d.kind == Kind::Ola,
            "is_uc": d.kind == Kind::Uc,
            "is_offering": d.kind == Kind::Offering,
        },
        "document": {
            "title": if d.title.is_empty() { d.kind.title().to_owned() } else { d.title.clone() },
            "reference": d.reference,
            "version": d.version,
            "status": d.status.label(),
            "approved": d.status == Status::Approved,
            "effective_date": opt(&d.effective_date),
            "term_months": d.term.months.map(|m| m.to_string()).unwrap_or_default(),
            "renewal": match (d.term.renewal, d.term.renewal_months) {
                (Renewal::Unspecified, _) => String::new(),
                (Renewal::Automatic, Some(m)) => format!("renews automatically for further terms of {m} month{} unless either party gives notice", if m == 1 { "" } else { "s" }),
                (Renewal::Automatic, None) => "renews automatically for a further term of the same length unless either party gives notice".to_owned(),
                (Renewal::ByAgreement, Some(m)) => format!("renews for a further {m} month{} only when both parties agree in writing", if m == 1 { "" } else { "s" }),
                (Renewal::ByAgreement, None) => "renews only when both parties agree in writing".to_owned(),
                (Renewal::None, _) => "ends at the end of the term".to_owned(),
            },
            "notice_sentence": match (d.term.notice, d.term.renewal) {
                (None, _) => String::new(),
                (Some(n), Renewal::Automatic) => format!("A party that does not want it to renew gives written notice at least {} before the end of the current term.", n.to_words()),
                (Some(n), _) => format!("Either party may end it by giving written notice at least {} before the end of the term.", n.to_words()),
            },
            "notice": dur(&d.term.notice),
            "renewal_months": d.term.renewal_months.map(|m| m.to_string()).unwrap_or_default(),
            "owner": if d.owner.is_empty() { Value::Null } else { person(a, &d.owner) },
            "approver": if d.approver.is_empty() { Value::Null } else { person(a, &d.approver) },
            "supports": d.supports,
            "history": history,
        },
        "provider": organization(&a.parties.provider),
        "consumer": organization(&a.parties.consumer),
        "stakeholders": stakeholders,
        "sponsors": sponsors,
        "signatories": signatories,
        "glossary": glossary,
        "service": {
            "name": service.name,
            "description": service.description,
            "outcomes": service.outcomes,
            "costs_removed": service.costs_removed,
            "risks_removed": service.risks_removed,
            "costs_imposed": service.costs_imposed,
            "risks_imposed": service.risks_imposed,
            "in_scope": service.in_scope,
            "out_of_scope": service.out_of_scope,
            "dependencies": dependencies,
        },
        "offering": offering,
        "utility": {
            "purpose": utility.purpose,
            "capabilities": utility.capabilities,
            "constraints_removed": utility.constraints_removed,
        },
        "availability": availability,
        "capacity": capacity,
        "continuity": continuity,
        "security": security,
        "support": support,
        "responsibilities": {
            "provider": provider_duties,
            "consumer": consumer_duties,
            "rows": rows,
        },
        "relationship": relationship,
        "service_levels": levels,
        "credit_schemes": credit_schemes,
        "exclusions": a.exclusions,
        "terms": {
            "changes": terms.changes,
            "termination": terms.termination,
            "end_date": opt(&terms.end_date),
        },
        "clauses": clauses,
        "has": {
            "service": has_service,
            "glossary": !a.glossary.is_empty(),
            "history": !d.change_history.is_empty(),
            "costs_risks": has_costs_risks,
            "scope": !service.in_scope.is_empty() || !service.out_of_scope.is_empty(),
            "dependencies": !service.dependencies.is_empty(),
            "offering": !o.goods.is_empty() || !o.access.is_empty() || !o.actions.is_empty(),
            "utility": has_utility,
            "warranty": has_warranty,
            "support": !s.channels.is_empty() || !s.priorities.is_empty() || !s.escalation.is_empty() || !s.clock_stops.is_empty(),
            "responsibilities": !provider_duties.is_empty() || !consumer_duties.is_empty(),
            "relationship": !r.reviews.is_empty() || !r.reports.is_empty() || !r.contacts.is_empty() || !r.improvement.is_empty(),
            "service_levels": !a.service_levels.is_empty(),
            "credits": !a.credit_schemes.is_empty(),
            "exclusions": !a.exclusions.is_empty(),
            "terms": has_terms,
            "clauses": !a.clauses.is_empty(),
            "signatures": d.kind.is_signed() && !a.stakeholders.iter().all(|s| !s.signs),
        },
    })
}

fn signatories(a: &Agreement) -> Vec<Value> {
    // Provider side first, then consumer, then others; in stakeholder order.
    let mut list: Vec<&Stakeholder> = a.stakeholders.iter().filter(|s| s.signs).collect();
    list.sort_by_key(|s| match s.side {
        Side::Provider => 0,
        Side::Consumer => 1,
        Side::ThirdParty => 2,
    });
    list.into_iter()
        .map(|s| {
            let signed = a.signatures.iter().find(|g| g.stakeholder == s.id);
            let mut v = stakeholder(a, s);
            v["signed_on"] = json!(signed.map(|g| opt(&g.date)).unwrap_or_default());
            v["capacity"] = json!(format!(
                "For the {}{}",
                side_label(s.side).to_lowercase(),
                match side_org(a, s.side) {
                    org if org.is_empty() => String::new(),
                    org => format!(", {org}"),
                }
            ));
            v
        })
        .collect()
}

fn offering(a: &Agreement) -> Value {
    let o = &a.offering;
    json!({
        "goods": o.goods.iter().map(|g| json!({
            "name": g.name, "description": g.description, "owner_after_handover": g.owner_after_handover,
        })).collect::<Vec<_>>(),
        "access": o.access.iter().map(|r| json!({
            "resource": r.resource, "who": r.who, "how": r.how, "limits": r.limits, "data_boundaries": r.data_boundaries,
        })).collect::<Vec<_>>(),
        "actions": o.actions.iter().map(|s| json!({
            "action": s.action,
            "trigger": s.trigger,
            "channel": s.channel,
            "hours": s.hours.label(),
            "owner": if s.owner.is_empty() { Value::Null } else { person(a, &s.owner) },
            "owner_name": names(a, std::slice::from_ref(&s.owner)).join(""),
            "target": dur(&s.target),
        })).collect::<Vec<_>>(),
    })
}

fn availability(a: &Agreement) -> Value {
    let av = a.warranty.availability.as_ref();
    if av.is_none() && a.service_hours.is_none() && a.availability_targets().next().is_none() {
        return Value::Null;
    }
    let hours_json = |hours: Option<&ServiceHours>| {
        json!({
            "schedule": hours.map(|h| h.schedule.to_string()).unwrap_or_default(),
            "stated": hours.is_some(),
            "always": hours.is_none_or(|h| h.schedule.is_always()),
            "time_zone": hours.map(|h| h.time_zone.clone()).unwrap_or_default(),
            "holidays": hours.map(|h| h.holidays.iter().map(|d| json!({"date": d.date.to_string(), "name": d.name})).collect::<Vec<_>>()).unwrap_or_default(),
            "critical_periods": hours.map(|h| h.critical_periods.clone()).unwrap_or_default(),
            "business_days": hours.map(|h| h.business_days().to_string()).unwrap_or_default(),
        })
    };
    let maintenance = av.map(|av| av.maintenance.as_slice()).unwrap_or_default();
    let targets: Vec<Value> = a
        .availability_targets()
        .map(|(_, t)| {
            let hours = a.hours_of(t);
            let calendar = Calendar::of(hours);
            // Excluded maintenance inside these hours, per average month.
            let excluded: f64 = maintenance
                .iter()
                .filter(|m| m.excluded_within(hours.map(|h| &h.schedule)))
                .map(|m| {
                    m.duration.secs_with(calendar.business_day_service_secs()) as f64
                        * m.frequency.per_average_month()
                })
                .sum();
            let excluded = Duration::from_secs(excluded.round() as u64);
            let period = a.period_of(t);
            let budget = match t.target {
                TargetValue::Percent(p) => budgets(a, p, period, &calendar, excluded),
                _ => Value::Null,
            };
            let measurement = if t.measurement.trim().is_empty() {
                av.map(|v| v.measurement.clone()).unwrap_or_default()
            } else {
                t.measurement.clone()
            };
            let data_source = if t.data_source.trim().is_empty() {
                av.map(|v| v.data_source.clone()).unwrap_or_default()
            } else {
                t.data_source.clone()
            };
            json!({
                "id": t.id,
                "name": t.label(),
                "scope": t.scope,
                "target": t.target.to_string(),
                "period": period.label(),
                "period_stated": period != PeriodConvention::Unspecified,
                "own_hours": t.service_hours.is_some(),
                "hours": hours_json(hours),
                "measurement": measurement,
                "data_source": data_source,
                "budget": budget,
            })
        })
        .collect();
    let hours = a.service_hours.as_ref();
    let mut out = hours_json(hours);
    let period = av.map(|v| v.period).unwrap_or_default();
    out["measurement"] = json!(av.map(|v| v.measurement.clone()).unwrap_or_default());
    out["data_source"] = json!(av.map(|v| v.data_source.clone()).unwrap_or_default());
    out["period"] = json!(period.label());
    out["period_stated"] = json!(period != PeriodConvention::Unspecified);
    out["maintenance"] = json!(
        maintenance
            .iter()
            .map(|m| json!({
                "when": m.when,
                "frequency": m.frequency.label(),
                "duration": dur(&Some(m.duration)),
                "notice": dur(&m.notice),
                "counts_as_downtime": m.counts_as_downtime,
            }))
            .collect::<Vec<_>>()
    );
    out["budget"] = targets
        .first()
        .map(|t| t["budget"].clone())
        .unwrap_or(Value::Null);
    // The first target's figure, as version 1 templates printed it.
    out["target"] = targets
        .first()
        .map(|t| t["target"].clone())
        .unwrap_or(json!(""));
    out["several_targets"] = json!(targets.len() > 1);
    out["targets"] = json!(targets);
    out
}

/// The downtime budget under the agreement's own period convention, in
/// numbers and words; for calendar months, the shortest and longest month
/// of the year the agreement takes effect.
fn budgets(
    a: &Agreement,
    target: Percent,
    convention: PeriodConvention,
    calendar: &Calendar,
    excluded: Duration,
) -> Value {
    let row = |period: Period| -> Option<Value> {
        let b = downtime::budget(target, period, calendar, excluded).ok()?;
        Some(json!({
            "period": period.to_string(),
            "allowed": downtime::format_ms(b.allowed_ms),
            "allowed_ms": b.allowed_ms,
            "words": downtime::ms_in_words(b.allowed_ms),
            "service_hours": format!("{:.1}", (b.service_ms - b.excluded_ms) as f64 / 3_600_000.0).trim_end_matches(".0").to_owned(),
        }))
    };
    let fixed = match convention {
        PeriodConvention::Unspecified => return Value::Null,
        PeriodConvention::Month30Days => Some(Period::Month30),
        PeriodConvention::AverageMonth => Some(Period::AverageMonth),
        PeriodConvention::Year365Days => Some(Period::Year365),
        PeriodConvention::CalendarMonth | PeriodConvention::CalendarQuarter => None,
    };
    let rows: Vec<Value> = match fixed {
        Some(p) => row(p).into_iter().collect(),
        None => {
            // The first twelve months (four quarters) of the term.
            let (year, month) = a
                .document
                .effective_date
                .map_or((2026, 1), |d| (d.0.year(), d.0.month()));
            let periods: Vec<Period> = if convention == PeriodConvention::CalendarMonth {
                (0..12)
                    .map(|i| {
                        let m = i16::from(month - 1) + i;
                        Period::CalendarMonth {
                            year: year + m / 12,
                            month: (m % 12 + 1) as i8,
                        }
                    })
                    .collect()
            } else {
                let q = i16::from((month - 1) / 3);
                (0..4)
                    .map(|i| {
                        let n = q + i;
                        Period::CalendarQuarter {
                            year: year + n / 4,
                            quarter: (n % 4 + 1) as i8,
                        }
                    })
                    .collect()
            };
            periods.into_iter().filter_map(row).collect()
        }
    };
    let (least, most) = match (
        rows.iter().min_by_key(|r| ms_of(r)),
        rows.iter().max_by_key(|r| ms_of(r)),
    ) {
        (Some(l), Some(m)) => (l.clone(), m.clone()),
        _ => return Value::Null,
    };
    json!({
        "rows": rows,
        "least": least,
        "most": most,
        "varies": least["allowed"] != most["allowed"],
        "excluded_maintenance": if excluded.is_zero() { String::new() } else { excluded.to_string() },
    })
}

fn ms_of(row: &Value) -> u64 {
    row["allowed_ms"].as_u64().unwrap_or(0)
}

fn support(a: &Agreement) -> Value {
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
            "name": c.name, "kind": c.kind.label(), "address": c.address, "hours": c.hours.label(),
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
        "business_days": if uses_business_days(a) {
            let cal = Calendar::of(a.service_hours.as_ref());
            let days = a.service_hours.as_ref().map(|h| h.business_days()).unwrap_or(crate::units::Days::WEEKDAYS);
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
            String::new()
        },
        "clock_stops": s.clock_stops,
        "escalation": s.escalation.iter().enumerate().map(|(i, e)| json!({
            "level": i + 1,
            "contact": person(a, &e.contact),
            "when": e.when,
            "priorities": e.priorities.join(", "),
            "after": e.after.iter().map(|t| if t.priority.is_empty() {
                format!("after {}", t.after.to_words())
            } else {
                format!("{}: after {}", t.priority, t.after.to_words())
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// True when any time in the support arrangements is in business days.
fn uses_business_days(a: &Agreement) -> bool {
    let s = &a.support;
    let bd = |d: &Option<Duration>| d.is_some_and(|d| d.business_days().is_some());
    s.priorities
        .iter()
        .any(|p| bd(&p.response) || bd(&p.resolution) || bd(&p.update_every))
        || a.offering.actions.iter().any(|x| bd(&x.target))
        || s.escalation
            .iter()
            .any(|e| e.after.iter().any(|t| t.after.business_days().is_some()))
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

fn relationship(a: &Agreement) -> Value {
    let r = &a.relationship;
    json!({
        "reviews": r.reviews.iter().map(|v| json!({
            "name": v.name,
            "cadence": when(v.cadence, v.on.as_ref()),
            "participants": names(a, &v.participants),
            "agenda": v.agenda,
        })).collect::<Vec<_>>(),
        "reports": r.reports.iter().map(|v| json!({
            "name": v.name,
            "frequency": when(v.frequency, v.on.as_ref()),
            "contents": v.contents,
            "recipients": names(a, &v.recipients),
        })).collect::<Vec<_>>(),
        "contacts": r.contacts.iter().map(|c| {
            let mut p = person(a, &c.stakeholder);
            p["purpose"] = json!(c.purpose);
            p
        }).collect::<Vec<_>>(),
        "improvement": r.improvement,
    })
}

/// When a review or report happens: "Monthly", "Within 5 business days of
/// every P1 incident", or both.
fn when(cadence: Option<Cadence>, on: Option<&Occasion>) -> String {
    let mut out = cadence.map(|c| c.label().to_owned()).unwrap_or_default();
    if let Some(o) = on {
        let words = o.to_words();
        if out.is_empty() {
            let mut chars = words.chars();
            out = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default();
        } else {
            out = format!("{out}, and {words}");
        }
    }
    out
}

/// A worked example of a due date for the least urgent priority whose
/// resolution is in business days: logged on the first Thursday of the
/// term at 16:00, due when `Calendar::due` says.
fn due_example(a: &Agreement, cal: &Calendar) -> Option<String> {
    let s = &a.support;
    let p = s
        .priorities
        .iter()
        .rev()
        .find(|p| p.resolution.is_some_and(|d| d.business_days().is_some()))?;
    let resolution = p.resolution?;
    let mut day = a.document.effective_date?.0;
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

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

mod availability;
mod glance;
mod offering;
mod parties;
mod relationship;
mod support;

use std::fmt;

use serde_json::{Value, json};

use self::availability::availability;
use self::glance::glance;
use self::offering::offering;
use self::parties::{organization, person, signatories, stakeholder};
use self::relationship::relationship;
use self::support::support;
use crate::model::*;
use crate::units::{Duration, Hours, Typed};

/// A value as printed: its canonical form ("4h", "99.9%"), or the text as
/// typed with a note that it is not understood yet.
fn shown<T: fmt::Display>(value: &Typed<T>) -> String {
    value.printed(ToString::to_string)
}

/// An optional value as printed; empty when absent.
fn shown_opt<T: fmt::Display>(value: &Option<Typed<T>>) -> String {
    value.as_ref().map(shown).unwrap_or_default()
}

/// A duration as printed: canonical ("4h", "30 min"), business days in
/// words ("3 business days"), so a template's `duration` helper and plain
/// insertion both read right.
fn dur(value: &Option<Typed<Duration>>) -> String {
    let printed = |d: &Duration| match d.business_days() {
        Some(_) => d.to_words(),
        None => d.to_string(),
    };
    value
        .as_ref()
        .map(|d| d.printed(printed))
        .unwrap_or_default()
}

/// A duration in words ("1 hour 30 minutes").
fn dur_words(value: &Typed<Duration>) -> String {
    value.printed(|d| d.to_words())
}

/// Hours as printed: "Service hours", "24x7", "Mon-Fri 09:00-17:30".
fn hours(value: &Typed<Hours>) -> String {
    value.printed(Hours::label)
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
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
                "availability": shown_opt(&dep.availability),
                "support_hours": shown_opt(&dep.support_hours),
                "resolution": dur(&dep.resolution),
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
                "attainment": shown_opt(&t.attainment),
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
                "tiers": c.tiers.iter().map(|t| json!({"below": shown(&t.below), "credit": shown(&t.credit)})).collect::<Vec<_>>(),
                "claim_window": c.claim_window.as_ref().map(|w| w.printed(|w| w.to_words())).unwrap_or_default(),
                "evidence": c.evidence,
                "cap": shown_opt(&c.cap),
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
            "rto": shown_opt(&c.rto),
            "rpo": shown_opt(&c.rpo),
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
            "breach_notification": shown_opt(&s.breach_notification),
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
        .map(|c| json!({"version": c.version, "date": shown_opt(&c.date), "author": c.author, "summary": c.summary}))
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
            "approved": crate::approval::is_approved(a),
            "approval": approval_record(a),
            "effective_date": shown_opt(&d.effective_date),
            "term_months": d.term.months.map(|m| m.to_string()).unwrap_or_default(),
            "renewal": match (d.term.renewal, d.term.renewal_months) {
                (Renewal::Unspecified, _) => String::new(),
                (Renewal::Automatic, Some(m)) => format!("renews automatically for further terms of {m} month{} unless either party gives notice", if m == 1 { "" } else { "s" }),
                (Renewal::Automatic, None) => "renews automatically for a further term of the same length unless either party gives notice".to_owned(),
                (Renewal::ByAgreement, Some(m)) => format!("renews for a further {m} month{} only when both parties agree in writing", if m == 1 { "" } else { "s" }),
                (Renewal::ByAgreement, None) => "renews only when both parties agree in writing".to_owned(),
                (Renewal::None, _) => "ends at the end of the term".to_owned(),
            },
            "notice_sentence": match (&d.term.notice, d.term.renewal) {
                (None, _) => String::new(),
                (Some(n), Renewal::Automatic) => format!("A party that does not want it to renew gives written notice at least {} before the end of the current term.", dur_words(n)),
                (Some(n), _) => format!("Either party may end it by giving written notice at least {} before the end of the term.", dur_words(n)),
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
        "parties_share_legal_name": !a.parties.provider.legal_name.trim().is_empty()
            && a.parties.provider.legal_name.trim() == a.parties.consumer.legal_name.trim(),
        "parties_share_address": !a.parties.provider.address.trim().is_empty()
            && a.parties.provider.address.trim() == a.parties.consumer.address.trim(),
        "stakeholders": stakeholders,
        "sponsors": sponsors,
        "signatories": signatories,
        "glossary": glossary,
        "service": {
            "name": service.name,
            "description": service.description,
            // "Nimbara Compute provides ..." already names the service.
            "description_names_it": !service.name.trim().is_empty()
                && service.description.trim_start().starts_with(service.name.trim()),
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
            "end_date": shown_opt(&terms.end_date),
        },
        "clauses": clauses,
        "glance": glance(a),
        // Set by a comparison (`render --compare`): `diff::redline::view`.
        "changes": null,
        "has": {
            "changes": false,
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
            "approval": crate::approval::latest(a).is_some(),
        },
    })
}

/// The latest approval on record, as the signature page prints it: who,
/// their title, the version, the date, the fingerprint, and whether the
/// text has changed since.
fn approval_record(a: &Agreement) -> Value {
    let Some(r) = crate::approval::latest(a) else {
        return Value::Null;
    };
    let title = a
        .stakeholder(&r.approval.by)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    json!({
        "name": r.approver_name(a),
        "title": title,
        "version": r.change.version,
        "date": shown_opt(&r.change.date),
        "fingerprint": r.approval.fingerprint,
        "stale": !matches!(crate::approval::state(a), crate::approval::State::Current(_)),
    })
}

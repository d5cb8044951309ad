//! Availability in the view: the service hours, maintenance windows, and
//! every availability target with its own hours, period and downtime
//! budget.

use serde_json::{Value, json};

use super::{dur, shown};
use crate::downtime::{self, BudgetNoteKind, TargetBudget};
use crate::model::*;
use crate::units::Schedule;

pub(super) fn availability(a: &Agreement) -> Value {
    let av = a.warranty.availability.as_ref();
    if av.is_none() && a.service_hours.is_none() && a.availability_targets().next().is_none() {
        return Value::Null;
    }
    let hours_json = |hours: Option<&ServiceHours>| {
        json!({
            "schedule": hours.map(|h| shown(&h.schedule)).unwrap_or_default(),
            "stated": hours.is_some(),
            "always": hours.is_none_or(|h| h.schedule.read().is_some_and(Schedule::is_always)),
            "time_zone": hours.map(|h| h.time_zone.clone()).unwrap_or_default(),
            "holidays": hours.map(|h| h.holidays.iter().map(|d| json!({"date": shown(&d.date), "name": d.name})).collect::<Vec<_>>()).unwrap_or_default(),
            "critical_periods": hours.map(|h| h.critical_periods.clone()).unwrap_or_default(),
            "business_days": hours.and_then(ServiceHours::business_days).map(|d| d.to_string()).unwrap_or_default(),
        })
    };
    let maintenance = av.map(|av| av.maintenance.as_slice()).unwrap_or_default();
    let targets: Vec<Value> = a
        .availability_targets()
        .map(|(i, t)| {
            let hours = a.hours_of(t);
            let period = a.period_of(t);
            // The same budget the app shows (downtime::target_budget); when
            // it waits for a value still as typed, the note that says so.
            let (budget, budget_note) = match downtime::target_budget(a, i) {
                Ok(b) => (budget(&b), String::new()),
                Err(note) if note.kind == BudgetNoteKind::Unreadable => (Value::Null, note.message),
                Err(_) => (Value::Null, String::new()),
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
                "budget_note": budget_note,
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
                "duration": dur(&Some(m.duration.clone())),
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

/// A target's downtime budget as templates see it.
fn budget(b: &TargetBudget) -> Value {
    json!({
        "rows": b.rows,
        "least": b.least,
        "most": b.most,
        "varies": b.varies(),
        "excluded_maintenance": b.excluded_maintenance,
    })
}

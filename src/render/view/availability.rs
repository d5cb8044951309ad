//! Availability in the view: the service hours, maintenance windows, and
//! every availability target with its own hours, period and downtime
//! budget.

use serde_json::{Value, json};

use super::dur;
use crate::downtime::{self, TargetBudget};
use crate::model::*;

pub(super) fn availability(a: &Agreement) -> Value {
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
        .map(|(i, t)| {
            let hours = a.hours_of(t);
            let period = a.period_of(t);
            // The same budget the app shows (downtime::target_budget).
            let budget = downtime::target_budget(a, i).map_or(Value::Null, |b| budget(&b));
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

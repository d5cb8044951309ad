//! Availability in the view: the service hours, maintenance windows, and
//! every availability target with its own hours, period and downtime
//! budget.

use serde_json::{Value, json};

use super::dur;
use crate::downtime::{self, Calendar, Period};
use crate::model::*;
use crate::units::{Duration, Percent};

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

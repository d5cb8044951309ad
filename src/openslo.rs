//! The service level targets as OpenSLO v1 (`apiVersion: openslo/v1`), the
//! open format monitoring tools read, so the monitoring team need not
//! re-type the targets by hand.
//!
//! One `Service` for the agreement's service, then one `SLO` (with its SLI
//! inline) per target OpenSLO can express, as multi-document YAML:
//!
//! - availability (a percentage, at least): a calendar-aligned window of
//!   the target's period (`1M`, `1Q`, or a fixed `30d`/`43830m`/`365d`
//!   from the effective date) in the service hours' time zone, budgeted
//!   by 1-minute time slices (`Timeslices`): a minute is good when the
//!   service was available throughout it, as the agreement counts minutes;
//! - response, resolution, fulfilment and other times (a duration, at
//!   most, for a share of cases): a threshold objective (`op: lte`, the
//!   time in seconds of the clock it runs on) budgeted by occurrences,
//!   each case an event, over the reporting period;
//! - first contact resolution and other shares (a percentage, at least):
//!   a ratio of good to all events (`Occurrences`).
//!
//! What OpenSLO cannot express is skipped, each with a [`Skipped`] that
//! names the target and says why: availability promised in service hours
//! that are not around the clock (an OpenSLO window counts every minute),
//! a share of 100% (OpenSLO targets are below 1), times in business days,
//! mean scores, values with no number, targets with no period or
//! reporting period. The rest of the export is still written.

use serde_json::{Map, Value, json};

use crate::downtime::Calendar;
use crate::model::{
    Agreement, Cadence, Comparison, Metric, PeriodConvention, ServiceLevelTarget, TargetValue,
};
use crate::units::{Given, Percent};

/// A target left out of the export, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The target's id.
    pub id: String,
    /// Its name (or id).
    pub label: String,
    /// Why OpenSLO cannot express it.
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "target {} \"{}\" is not in the OpenSLO export: {}",
            self.id, self.label, self.reason
        )
    }
}

/// The export: the OpenSLO objects, and the targets left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// The objects in order: the Service, then one SLO per target.
    pub documents: Vec<Value>,
    /// The targets OpenSLO cannot express.
    pub skipped: Vec<Skipped>,
}

impl Export {
    /// The objects as multi-document YAML (each document starts with
    /// `---`).
    pub fn to_yaml(&self) -> String {
        let mut out = String::new();
        for d in &self.documents {
            out.push_str("---\n");
            // Plain JSON values always serialize.
            out.push_str(&yaml_serde::to_string(d).unwrap_or_default());
        }
        out
    }
}

/// The agreement's targets as OpenSLO v1 YAML, with the targets left out
/// (for the caller to warn about): what `render --format openslo` writes,
/// the app exports and the PDF carries as an associated file.
pub fn to_yaml(agreement: &Agreement) -> (String, Vec<Skipped>) {
    let export = export(agreement);
    (export.to_yaml(), export.skipped)
}

/// The OpenSLO objects of the agreement's targets.
pub fn export(a: &Agreement) -> Export {
    let d = &a.document;
    let service_label = if a.service.name.trim().is_empty() {
        if d.title.trim().is_empty() {
            d.kind.title().to_owned()
        } else {
            d.title.trim().to_owned()
        }
    } else {
        a.service.name.trim().to_owned()
    };
    let service = name(&service_label, "service");
    let mut annotations = Map::new();
    if !d.reference.trim().is_empty() {
        annotations.insert("pactwright/agreement".into(), json!(d.reference.trim()));
    }
    if !d.version.trim().is_empty() {
        annotations.insert("pactwright/version".into(), json!(d.version.trim()));
    }
    let mut metadata = json!({"name": service, "displayName": service_label});
    if !annotations.is_empty() {
        metadata["annotations"] = Value::Object(annotations.clone());
    }
    let description = format!(
        "{} {}{}",
        d.kind.title(),
        if d.reference.trim().is_empty() {
            d.title.trim()
        } else {
            d.reference.trim()
        },
        if d.version.trim().is_empty() {
            String::new()
        } else {
            format!(" version {}", d.version.trim())
        }
    );
    let mut documents = vec![json!({
        "apiVersion": "openslo/v1",
        "kind": "Service",
        "metadata": metadata,
        "spec": {"description": cut(&description)},
    })];
    let mut skipped = Vec::new();
    let mut used = vec![service.clone()];
    for t in &a.service_levels {
        match slo(a, t, &service) {
            Ok(mut doc) => {
                let mut n = name(&format!("{service}-{}", t.id), "slo");
                let mut k = 2;
                while used.contains(&n) {
                    n = name(&format!("{service}-{}-{k}", t.id), "slo");
                    k += 1;
                }
                used.push(n.clone());
                doc["metadata"]["name"] = json!(n);
                let mut ann = annotations.clone();
                ann.insert("pactwright/target".into(), json!(t.id));
                doc["metadata"]["annotations"] = Value::Object(ann);
                doc["spec"]["indicator"]["metadata"]["name"] =
                    json!(name(&format!("{n}-sli"), "sli"));
                documents.push(doc);
            }
            Err(reason) => skipped.push(Skipped {
                id: t.id.clone(),
                label: t.label().to_owned(),
                reason,
            }),
        }
    }
    Export { documents, skipped }
}

/// An RFC 1123 label: lowercase letters, digits and `-`, at most 63,
/// starting and ending with a letter or digit.
fn name(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.truncate(63);
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// Descriptions hold at most 1050 characters.
fn cut(text: &str) -> String {
    if text.chars().count() <= 1050 {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(1049).collect();
    s.push('…');
    s
}

fn fraction(p: Percent) -> f64 {
    p.as_fraction()
}

fn slo(a: &Agreement, t: &ServiceLevelTarget, service: &str) -> Result<Value, String> {
    let label = t.label();
    let what = if t.measurement.trim().is_empty() {
        label.to_owned()
    } else {
        t.measurement.trim().to_owned()
    };
    let mut metric_spec = json!({"measurement": what});
    if !t.data_source.trim().is_empty() {
        metric_spec["dataSource"] = json!(t.data_source.trim());
    }
    let source = json!({"metricSource": {"spec": metric_spec}});
    let hours = a.hours_of(t);
    let zone = hours
        .map(|h| h.time_zone.trim())
        .filter(|z| !z.is_empty())
        .unwrap_or("UTC")
        .to_owned();
    let start = a.document.effective_date.get();
    match (&t.target, t.comparison, t.metric) {
        (TargetValue::Percent(p), Comparison::AtLeast, Metric::Availability) => {
            let calendar = Calendar::of(hours)
                .ok_or("its service hours are not understood yet, so its window is unknown")?;
            if calendar.schedule != crate::units::Schedule::always()
                || !calendar.holidays.is_empty()
            {
                return Err(format!(
                    "it is promised in service hours only ({}), and an OpenSLO time window counts every minute",
                    hours.map(|h| h.schedule.to_string()).unwrap_or_default()
                ));
            }
            let window = period_window(a.period_of(t), start, &zone)?;
            Ok(json!({
                "apiVersion": "openslo/v1",
                "kind": "SLO",
                "metadata": {"name": "", "displayName": label},
                "spec": {
                    "description": cut(&what),
                    "service": service,
                    "indicator": {
                        "metadata": {"name": "", "displayName": format!("{label}: minutes available")},
                        "spec": {
                            "description": "Each minute: the share of the minute the service was available, as the measurement says.",
                            "ratioMetric": {"counter": false, "good": source, "total": source},
                        },
                    },
                    "timeWindow": [window],
                    "budgetingMethod": "Timeslices",
                    "objectives": [{
                        "displayName": format!("{label} at least {p}"),
                        "target": fraction(*p),
                        "timeSliceTarget": 1,
                        "timeSliceWindow": "1m",
                    }],
                },
            }))
        }
        (
            TargetValue::Percent(p),
            Comparison::AtLeast,
            Metric::FirstContactResolution | Metric::Other,
        ) => {
            let f = fraction(*p);
            if f >= 1.0 {
                return Err(
                    "a share of 100% leaves no error budget, and OpenSLO targets are below 1"
                        .to_owned(),
                );
            }
            let window = cadence_window(t.reporting_period, start, &zone)?;
            Ok(json!({
                "apiVersion": "openslo/v1",
                "kind": "SLO",
                "metadata": {"name": "", "displayName": label},
                "spec": {
                    "description": cut(&what),
                    "service": service,
                    "indicator": {
                        "metadata": {"name": "", "displayName": format!("{label}: good and all cases")},
                        "spec": {
                            "description": "Good cases against all cases, as the measurement says.",
                            "ratioMetric": {"counter": true, "good": source, "total": source},
                        },
                    },
                    "timeWindow": [window],
                    "budgetingMethod": "Occurrences",
                    "objectives": [{"displayName": format!("{label} at least {p}"), "target": f}],
                },
            }))
        }
        (TargetValue::Duration(dur), Comparison::AtMost, _) => {
            if dur.business_days().is_some() {
                return Err(format!(
                    "{dur} is counted in business days (due at the close of a business day), which a threshold in seconds cannot state"
                ));
            }
            let share = match t.attainment.get() {
                Some(p) => fraction(p),
                None => 1.0,
            };
            if share >= 1.0 {
                return Err("it holds for every case (100%), which leaves no error budget, and OpenSLO targets are below 1".to_owned());
            }
            let clock = t
                .priority
                .as_deref()
                .and_then(|id| a.priority(id))
                .map(|p| a.support.clock_of(p))
                .unwrap_or(a.support.clock);
            let seconds = dur.secs_with(0);
            let window = cadence_window(t.reporting_period, start, &zone)?;
            let threshold = json!({"metricSource": {"spec": metric_spec_with_clock(&t.measurement, &t.data_source, clock.label())}});
            let attain = t
                .attainment
                .get()
                .map(|p| p.to_string())
                .unwrap_or_default();
            Ok(json!({
                "apiVersion": "openslo/v1",
                "kind": "SLO",
                "metadata": {"name": "", "displayName": label},
                "spec": {
                    "description": cut(&what),
                    "service": service,
                    "indicator": {
                        "metadata": {"name": "", "displayName": format!("{label}: seconds per case")},
                        "spec": {
                            "description": format!("The time each case takes, in seconds counted on the {} clock.", clock.label()),
                            "thresholdMetric": threshold,
                        },
                    },
                    "timeWindow": [window],
                    "budgetingMethod": "Occurrences",
                    "objectives": [{
                        "displayName": format!("{attain} of cases within {dur}"),
                        "op": "lte",
                        "value": seconds,
                        "target": share,
                    }],
                },
            }))
        }
        (TargetValue::Number(_), _, Metric::Satisfaction) => Err(
            "it is a mean score, and OpenSLO objectives are shares of good events or time slices"
                .to_owned(),
        ),
        (TargetValue::Text(_), _, _) => Err("its target has no number".to_owned()),
        (v, c, m) => Err(format!(
            "{} {} {v} has no OpenSLO form (objectives are shares of good events or time slices)",
            m.label().to_lowercase(),
            match c {
                Comparison::AtLeast => "at least",
                Comparison::AtMost => "at most",
            }
        )),
    }
}

fn metric_spec_with_clock(measurement: &str, data_source: &str, clock: &str) -> Value {
    let mut spec = json!({"measurement": measurement.trim(), "clock": clock});
    if !data_source.trim().is_empty() {
        spec["dataSource"] = json!(data_source.trim());
    }
    spec
}

fn calendar_window(duration: &str, start: jiff::civil::Date, zone: &str) -> Value {
    json!({
        "duration": duration,
        "isRolling": false,
        "calendar": {"startTime": format!("{start} 00:00:00"), "timeZone": zone},
    })
}

fn first_of_month(d: jiff::civil::Date) -> jiff::civil::Date {
    d.first_of_month()
}

fn period_window(
    period: PeriodConvention,
    start: Option<crate::units::Date>,
    zone: &str,
) -> Result<Value, String> {
    let start = start
        .ok_or("the agreement has no effective date to start its window on")?
        .0;
    Ok(match period {
        PeriodConvention::Unspecified => {
            return Err("it states no period convention, so its window is unknown".to_owned());
        }
        PeriodConvention::CalendarMonth => calendar_window("1M", first_of_month(start), zone),
        PeriodConvention::CalendarQuarter => {
            let m = (start.month() - 1) / 3 * 3 + 1;
            let q = jiff::civil::date(start.year(), m, 1);
            calendar_window("1Q", q, zone)
        }
        PeriodConvention::Month30Days => calendar_window("30d", start, zone),
        // 30.4375 days are 43,830 minutes exactly.
        PeriodConvention::AverageMonth => calendar_window("43830m", start, zone),
        PeriodConvention::Year365Days => calendar_window("365d", start, zone),
    })
}

fn cadence_window(
    cadence: Option<Cadence>,
    start: Option<crate::units::Date>,
    zone: &str,
) -> Result<Value, String> {
    let cadence = cadence.ok_or("it has no reporting period, so its window is unknown")?;
    let start = start
        .ok_or("the agreement has no effective date to start its window on")?
        .0;
    Ok(match cadence {
        Cadence::Weekly => calendar_window("1w", start, zone),
        Cadence::Monthly => calendar_window("1M", first_of_month(start), zone),
        Cadence::Quarterly => calendar_window("1Q", first_of_month(start), zone),
        Cadence::HalfYearly => calendar_window("2Q", first_of_month(start), zone),
        Cadence::Yearly => calendar_window("1Y", first_of_month(start), zone),
    })
}

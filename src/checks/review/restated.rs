//! The same figure stated twice with different values: two targets on the
//! same metric, priority and scope; the priority table against response
//! and resolution targets; an availability target reported on another
//! period than it is measured over.

use super::{Ctx, said};
use crate::checks::{Code, Findings};
use crate::model::{Cadence, Metric, PeriodConvention, TargetValue};
use crate::units::Given;

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let levels = &a.service_levels;
    for (i, t) in levels.iter().enumerate() {
        // Two targets on the same thing.
        let same = |u: &crate::model::ServiceLevelTarget| {
            u.metric == t.metric
                && t.metric != Metric::Other
                && u.priority == t.priority
                && u.scope.trim().eq_ignore_ascii_case(t.scope.trim())
                && u.attainment == t.attainment
                && a.period_of(u) == a.period_of(t)
        };
        if let Some(first) = levels[..i].iter().find(|u| same(u)) {
            if first.target != t.target {
                let scope = if t.scope.trim().is_empty() {
                    String::new()
                } else {
                    format!(" for {}", t.scope.trim())
                };
                let priority = t
                    .priority
                    .as_deref()
                    .map(|p| format!(" {p}"))
                    .unwrap_or_default();
                f.error(
                    Code::DuplicateTarget,
                    format!("/service_levels/{i}/target"),
                    format!(
                        "{}{priority}{scope} is stated twice: {} in \"{}\" and {} in \"{}\"",
                        t.metric.label(),
                        first.target,
                        first.label(),
                        t.target,
                        t.label()
                    ),
                    "keep one figure, or give each target its own scope (e.g. \"multi-zone deployments\" and \"single instances\")",
                );
            }
        }
        // The priority table against a response or resolution target.
        if let (Some(pid), TargetValue::Duration(d)) = (&t.priority, &t.target) {
            let Some(p) = a.priority(pid) else {
                continue;
            };
            let (stated, field) = match t.metric {
                Metric::ResponseTime => (p.response.get(), "response"),
                Metric::ResolutionTime => (p.resolution.get(), "resolution"),
                _ => continue,
            };
            if let Some(stated) = stated {
                if stated != *d {
                    f.error(
                        Code::PriorityTargetConflict,
                        format!("/service_levels/{i}/target"),
                        format!(
                            "target \"{}\" says {pid} {field} within {}, but the priority table says {}",
                            t.label(),
                            said(*d),
                            said(stated)
                        ),
                        "state the same time in both places, or drop one",
                    );
                }
            }
        }
        // Reporting period against measurement period.
        if t.metric == Metric::Availability {
            if let Some(report) = t.reporting_period {
                let period = a.period_of(t);
                let matches = match period {
                    PeriodConvention::Unspecified => true,
                    PeriodConvention::CalendarMonth
                    | PeriodConvention::Month30Days
                    | PeriodConvention::AverageMonth => report == Cadence::Monthly,
                    PeriodConvention::CalendarQuarter => report == Cadence::Quarterly,
                    PeriodConvention::Year365Days => report == Cadence::Yearly,
                };
                if !matches {
                    f.warning(
                        Code::ReportingPeriodMismatch,
                        format!("/service_levels/{i}/reporting_period"),
                        format!(
                            "availability target \"{}\" is measured per {} but reported {}: the report cannot show the figure the target is judged on",
                            t.label(),
                            period.label(),
                            report.label().to_lowercase()
                        ),
                        "report on the period the target is measured over",
                    );
                }
            }
        }
    }
}

//! Warranty coherence: a recovery time that fits in the availability
//! budget, recovery point and breach notice a consumer could sign.

use super::{Ctx, said};
use crate::checks::{Code, Findings};
use crate::downtime::{self, Calendar, Period};
use crate::model::TargetValue;
use crate::units::{Duration, Given};

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    if let Some(c) = &a.warranty.continuity {
        // A declared disaster excluded from the availability figures takes
        // the recovery out of the budget.
        let disaster_excluded = a
            .exclusions
            .iter()
            .any(|e| e.to_lowercase().contains("disaster"));
        if let Some(rto) = c.rto.get().filter(|_| !disaster_excluded) {
            // The strictest availability target's monthly budget.
            let strictest = a
                .availability_targets()
                .filter_map(|(_, t)| match t.target {
                    TargetValue::Percent(p) if p.is_proportion() => Some((t, p)),
                    _ => None,
                })
                .filter_map(|(t, p)| {
                    let cal = Calendar::of(a.hours_of(t))?;
                    let b = downtime::budget(p, Period::AverageMonth, &cal, Duration::default())
                        .ok()?;
                    Some((t, p, b.allowed_ms))
                })
                .min_by_key(|(_, _, ms)| *ms);
            let rto_secs = ctx.around_the_clock(rto);
            if let (Some((t, p, ms)), Some(rto_secs)) = (strictest, rto_secs) {
                if rto_secs * 1000 > ms {
                    f.warning(
                        Code::RtoExceedsBudget,
                        "/warranty/continuity/rto",
                        format!(
                            "a recovery within the RTO of {} uses more than the whole monthly downtime budget of \"{}\" ({p}: {})",
                            said(rto),
                            t.label(),
                            downtime::format_ms(ms)
                        ),
                        "one disaster would miss the target for the month: shorten the RTO, or say that a declared disaster is excluded",
                    );
                }
            }
        }
        if let Some(rpo) = c.rpo.get() {
            if ctx
                .around_the_clock(rpo)
                .is_some_and(|secs| secs > 7 * 86_400)
            {
                f.warning(
                    Code::ImplausibleObjective,
                    "/warranty/continuity/rpo",
                    format!(
                        "an RPO of {} means up to that much of the consumer's data can be lost",
                        said(rpo)
                    ),
                    "check the unit; most services promise hours, not weeks",
                );
            }
        }
    }
    if let Some(s) = &a.warranty.security {
        if let Some(n) = s.breach_notification.get() {
            if ctx.around_the_clock(n).is_some_and(|secs| secs > 72 * 3600) {
                f.warning(
                    Code::ImplausibleObjective,
                    "/warranty/security/breach_notification",
                    format!(
                        "the consumer hears of a security breach only after {}; data protection law (GDPR art. 33) gives the controller 72 hours to notify",
                        said(n)
                    ),
                    "notify within 24-48 hours, so the consumer can meet its own 72 hours",
                );
            }
        }
    }
}

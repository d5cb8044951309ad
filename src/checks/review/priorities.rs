//! Priorities: defined, complete, resolution after response, the more
//! urgent never slower than the less urgent (compared as elapsed time on
//! each priority's clock), updates and escalation sooner than resolution.

use super::{Ctx, said};
use crate::checks::{Code, Findings};
use crate::model::Clock;
use crate::units::{Duration, Given};

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let list = &a.support.priorities;
    for (i, p) in list.iter().enumerate() {
        let at = |field: &str| format!("/support/priorities/{i}/{field}");
        let id = &p.id;
        if p.definition.trim().is_empty() && p.matrix.is_empty() {
            f.warning(
                Code::PriorityUndefined,
                at("definition"),
                format!("priority {id} has no definition and no impact and urgency"),
                "say what makes an incident this priority, and list its impact and urgency pairs",
            );
        }
        let (response, resolution) = (p.response.read().copied(), p.resolution.read().copied());
        if let (Some(resp), Some(res)) = (response, resolution) {
            if let (Some(r1), Some(r2)) = (ctx.elapsed(p, resp), ctx.elapsed(p, res)) {
                if r2 < r1 {
                    f.error(
                        Code::ResolutionBeforeResponse,
                        at("resolution"),
                        format!(
                            "priority {id} must be resolved in {} but only responded to in {}",
                            said(res),
                            said(resp)
                        ),
                        "resolution comes after response: swap them, or check the units",
                    );
                } else if r2 == r1 {
                    f.warning(
                        Code::ResolutionBeforeResponse,
                        at("resolution"),
                        format!("priority {id} has the same response and resolution time ({})", said(res)),
                        "response is the acknowledgement, resolution the fix: they are rarely equal",
                    );
                }
            }
        }
        // A time typed in a form not read yet is given: its own finding
        // says so.
        match (&p.response, &p.resolution) {
            (None, _) => f.warning(
                Code::PriorityIncomplete,
                at("response"),
                format!("priority {id} has no response time"),
                "set the time to respond, e.g. \"15 min\"",
            ),
            (_, None) => f.warning(
                Code::PriorityIncomplete,
                at("resolution"),
                format!("priority {id} has no resolution time"),
                "set the time to resolve, e.g. \"4h\"",
            ),
            _ => {}
        }
        if let (Some(u), Some(res)) = (p.update_every.read().copied(), resolution) {
            let (eu, eres) = (ctx.elapsed(p, u), ctx.elapsed(p, res));
            if eu.is_some() && eres.is_some() && eu >= eres {
                f.warning(
                    Code::UpdateSlowerThanResolution,
                    at("update_every"),
                    format!(
                        "priority {id} is updated every {} but resolved within {}: the consumer hears nothing until it is fixed",
                        said(u),
                        said(res)
                    ),
                    "update more often than the resolution time, e.g. every quarter of it",
                );
            }
        }
        // Against every less urgent priority (listed later).
        for later in &list[i + 1..] {
            for (field, mine, theirs) in [
                ("response", &p.response, &later.response),
                ("resolution", &p.resolution, &later.resolution),
            ] {
                let (Some(&mine), Some(&theirs)) = (mine.read(), theirs.read()) else {
                    continue;
                };
                let (Some(e_mine), Some(e_theirs)) =
                    (ctx.elapsed(p, mine), ctx.elapsed(later, theirs))
                else {
                    continue;
                };
                if e_mine > e_theirs {
                    let on = |q: &crate::model::Priority, d: Duration| {
                        if a.support.clock_of(p) == a.support.clock_of(later) {
                            said(d)
                        } else {
                            match a.support.clock_of(q) {
                                Clock::Calendar => format!("{}, counted around the clock", said(d)),
                                Clock::ServiceHours => format!("{} of service hours", said(d)),
                            }
                        }
                    };
                    f.error(
                        Code::PriorityOrder,
                        at(field),
                        format!(
                            "{id} {field} ({}) is slower than {} {field} ({}): the more urgent incident waits longer",
                            on(p, mine),
                            later.id,
                            on(later, theirs)
                        ),
                        format!("priorities are listed most urgent first: make {id} at least as fast as {}", later.id),
                    );
                    break;
                }
            }
        }
    }
    // Escalation against resolution.
    for (i, e) in a.support.escalation.iter().enumerate() {
        for (j, t) in e.after.iter().enumerate() {
            let targets: Vec<_> = if t.priority.is_empty() {
                list.iter()
                    .filter(|p| e.priorities.is_empty() || e.priorities.contains(&p.id))
                    .collect()
            } else {
                a.priority(&t.priority).into_iter().collect()
            };
            for p in targets {
                let (Some(&after), Some(&res)) = (t.after.read(), p.resolution.read()) else {
                    continue;
                };
                let (Some(e_after), Some(e_res)) = (ctx.elapsed(p, after), ctx.elapsed(p, res))
                else {
                    continue;
                };
                if e_after > e_res {
                    f.warning(
                        Code::EscalationAfterResolution,
                        format!("/support/escalation/{i}/after/{j}/after"),
                        format!(
                            "escalation step {} for {} comes after {}, later than its resolution time of {}: the target is missed before anyone escalates",
                            i + 1,
                            p.id,
                            said(after),
                            said(res)
                        ),
                        format!("escalate {} before its resolution time runs out", p.id),
                    );
                    break;
                }
            }
        }
    }
}

//! Dependencies: OLAs and UCs at least as strong as what they underpin and
//! named by reference; maintenance excluded from downtime only with notice.

use super::{Ctx, said};
use crate::checks::{Code, Findings};
use crate::model::{DependencyKind, TargetValue};
use crate::units::Given;

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let strictest = a
        .availability_targets()
        .filter_map(|(_, t)| match t.target {
            TargetValue::Percent(p) if p.is_proportion() => Some((t, p)),
            _ => None,
        })
        .max_by_key(|(_, p)| *p);
    let hours = a.schedule();
    let fastest = a
        .support
        .priorities
        .iter()
        .filter_map(|p| {
            let r = p.resolution.get()?;
            Some((p, r, ctx.elapsed(p, r)?))
        })
        .min_by_key(|(_, _, e)| *e);
    for (i, d) in a.service.dependencies.iter().enumerate() {
        if !matches!(d.kind, DependencyKind::Ola | DependencyKind::Uc) {
            continue;
        }
        let at = |field: &str| format!("/service/dependencies/{i}/{field}");
        if d.reference.trim().is_empty() {
            f.warning(
                Code::DependencyWithoutReference,
                at("reference"),
                format!("\"{}\" is an {} but names no document reference, so nobody can check what it promises", d.name, if d.kind == DependencyKind::Ola { "OLA" } else { "underpinning contract" }),
                "give the reference of the agreement, e.g. \"OLA-NET-004\"",
            );
        }
        if let (Some((t, target)), Some(dep)) = (strictest, d.availability.get()) {
            if dep < target {
                f.warning(
                    Code::UnderpinningWeaker,
                    at("availability"),
                    format!("\"{}\" commits to {dep} availability, less than the {target} of \"{}\"", d.name, t.label()),
                    "raise the underpinning commitment, add redundancy, or lower this agreement's target",
                );
            }
        }
        if let (Some(h), Some(dep_hours)) = (hours, d.support_hours.read()) {
            if super::hours::covers_less(dep_hours, h) {
                f.warning(
                    Code::UnderpinningWeaker,
                    at("support_hours"),
                    format!("\"{}\" is supported {dep_hours}, which does not cover this agreement's service hours ({h})", d.name),
                    "a service with these hours needs support underneath it for at least the same hours",
                );
            }
        }
        if let (Some((p, fast, fast_elapsed)), Some(dep)) = (fastest, d.resolution.get()) {
            let elapsed = ctx.elapsed_on(crate::model::Clock::Calendar, dep);
            if elapsed.is_some_and(|e| e > fast_elapsed) {
                f.warning(
                    Code::UnderpinningWeaker,
                    at("resolution"),
                    format!(
                        "\"{}\" resolves in {}, slower than this agreement's {} resolution of {}",
                        d.name,
                        said(dep),
                        p.id,
                        said(fast)
                    ),
                    "tighten the underpinning resolution time or relax this agreement's",
                );
            }
        }
    }
    if let Some(av) = &a.warranty.availability {
        for (i, m) in av.maintenance.iter().enumerate() {
            if !m.counts_as_downtime && m.notice.is_none() {
                f.warning(
                    Code::MaintenanceWithoutNotice,
                    format!("/warranty/availability/maintenance/{i}/notice"),
                    format!(
                        "maintenance \"{}\" is excluded from downtime but comes with no notice: the consumer cannot plan around it",
                        if m.when.trim().is_empty() { m.frequency.label() } else { m.when.trim() }
                    ),
                    "give the notice, e.g. \"5d\", or count the window as downtime",
                );
            }
        }
    }
}

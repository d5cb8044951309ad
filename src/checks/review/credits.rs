//! Service credits against the targets they pay on: no tier that pays
//! while the target is met, no gap between the target and the first tier,
//! tiers in order, a cap above every tier, a basis, and a claim window a
//! consumer can actually use.

use std::collections::HashMap;

use super::{Ctx, said};
use crate::checks::{Code, Findings};
use crate::model::{ClaimWindow, CreditScheme, ServiceLevelTarget, TargetValue};
use crate::units::{Given, Percent, Typed};

/// The level a credit tier is compared with: a percentage target, or the
/// attainment of a time target ("95% within 15 min").
fn level(t: &ServiceLevelTarget) -> Option<Percent> {
    match t.target {
        TargetValue::Percent(p) => Some(p),
        _ => t.attainment.get(),
    }
}

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let mut paid_by: HashMap<&str, usize> = HashMap::new();
    for (i, c) in a.credit_schemes.iter().enumerate() {
        scheme(ctx, i, c, f);
        for id in &c.applies_to {
            if let Some(first) = paid_by.insert(id.as_str(), i) {
                if first != i {
                    f.warning(
                        Code::CreditSchemesOverlap,
                        format!("/credit_schemes/{i}/applies_to"),
                        format!(
                            "target \"{id}\" is paid on by two schemes, \"{}\" and \"{}\": a missed month could earn credits twice",
                            a.credit_schemes[first].label(),
                            c.label()
                        ),
                        "tie each target to one scheme, or say in the schemes which one applies",
                    );
                }
            }
        }
    }
}

fn scheme(ctx: &Ctx, i: usize, c: &CreditScheme, f: &mut Findings) {
    let a = ctx.a;
    let at = |field: &str| format!("/credit_schemes/{i}/{field}");
    let name = c.label();
    match &c.claim_window {
        None => f.warning(
            Code::CreditsNoClaimWindow,
            at("claim_window"),
            format!("the credit scheme \"{name}\" does not say by when a credit must be claimed"),
            "say by when, e.g. \"60d\" or \"2 billing cycles\"",
        ),
        Some(Typed::Read(ClaimWindow::Within(d))) => {
            let d = *d;
            let days = ctx.around_the_clock(d).map(|secs| secs / 86_400);
            if days.is_some_and(|days| days < 7) {
                f.error(
                    Code::ClaimWindowUnusable,
                    at("claim_window"),
                    format!(
                        "the credit scheme \"{name}\" must be claimed within {} of the period's end, before the service report that shows the miss has usually arrived",
                        said(d)
                    ),
                    "allow at least 30 days, or \"1 billing cycle\"",
                );
            }
        }
        Some(Typed::Read(ClaimWindow::BillingCycles(_)) | Typed::AsTyped(_)) => {}
    }
    if c.basis.trim().is_empty() {
        f.warning(
            Code::CreditsNoBasis,
            at("basis"),
            format!("the credit scheme \"{name}\" does not say what its percentages are of"),
            "state the basis, e.g. \"the monthly charge for the affected service\"",
        );
    }
    match c.cap.as_ref().map(Typed::get) {
        None => f.warning(
            Code::CreditsNoCap,
            at("cap"),
            format!("the credit scheme \"{name}\" has no cap"),
            "set the most that can be credited in one period, e.g. \"100%\" of the monthly charge",
        ),
        Some(Some(cap)) if cap > Percent::whole(100) => f.error(
            Code::CreditsCapOver100,
            at("cap"),
            format!("the credit cap of \"{name}\" is {cap}, more than the whole charge"),
            "a cap above 100% pays the consumer more than it paid; use 100% or less",
        ),
        Some(Some(cap)) if cap < Percent::whole(0) => f.error(
            Code::TargetOutOfRange,
            at("cap"),
            format!("the credit cap of \"{name}\" is {cap}"),
            "use a percentage between 0% and 100%",
        ),
        Some(_) => {}
    }
    if c.tiers.is_empty() {
        f.warning(
            Code::CreditsNoTiers,
            at("tiers"),
            format!("the credit scheme \"{name}\" has no tiers"),
            "add tiers: below which level, how much credit",
        );
    }
    for (j, t) in c.tiers.iter().enumerate() {
        let (below, credit) = (t.below.get(), t.credit.get());
        if let Some(below) = below.filter(|b| !b.is_proportion()) {
            f.error(
                Code::TargetOutOfRange,
                at(&format!("tiers/{j}/below")),
                format!(
                    "credit tier {} of \"{name}\" applies below {}, outside 0%-100%",
                    j + 1,
                    below
                ),
                "use a percentage between 0% and 100%",
            );
        }
        if let Some(credit) = credit.filter(|c| !c.is_proportion()) {
            f.error(
                Code::TargetOutOfRange,
                at(&format!("tiers/{j}/credit")),
                format!(
                    "credit tier {} of \"{name}\" pays {}, outside 0%-100%",
                    j + 1,
                    credit
                ),
                "use a percentage between 0% and 100%",
            );
        }
        let prev = j.checked_sub(1).and_then(|p| c.tiers.get(p));
        let prev = prev.and_then(|p| Some((p.below.get()?, p.credit.get()?)));
        if let (Some(below), Some(credit), Some((prev_below, prev_credit))) = (below, credit, prev)
        {
            if below >= prev_below || credit <= prev_credit {
                f.warning(
                    Code::CreditTiersOrder,
                    at(&format!("tiers/{j}")),
                    format!(
                        "credit tier {} of \"{name}\" (below {}: {}) does not follow on from tier {} (below {}: {})",
                        j + 1, below, credit, j, prev_below, prev_credit
                    ),
                    "list tiers from the highest level down, each paying more than the one before",
                );
            }
        }
    }
    if let (Some(cap), Some(top)) = (
        c.cap.get(),
        c.tiers.iter().filter_map(|t| t.credit.get()).max(),
    ) {
        if top > cap && cap <= Percent::whole(100) {
            f.warning(
                Code::CreditsTierOverCap,
                at("cap"),
                format!("a tier of \"{name}\" pays {top}, but the cap is {cap}: the tier can never be paid in full"),
                "raise the cap or lower the tier",
            );
        }
    }
    // Against each target the scheme pays on (not while a tier's level is
    // as typed: it could be the highest).
    if c.tiers.iter().any(|t| t.below.as_typed().is_some()) {
        return;
    }
    let Some(highest) = c.tiers.iter().filter_map(|t| t.below.get()).max() else {
        return;
    };
    for id in &c.applies_to {
        let Some(target) = a.target(id) else {
            continue;
        };
        let Some(level) = level(target) else {
            continue;
        };
        if !level.is_proportion() {
            continue;
        }
        let j = c
            .tiers
            .iter()
            .position(|t| t.below.get() == Some(highest))
            .unwrap_or(0);
        if highest > level {
            f.error(
                Code::CreditTierPaysWhenMet,
                at(&format!("tiers/{j}/below")),
                format!(
                    "credit tier {} of \"{name}\" pays {} below {highest}, but target \"{}\" is {level}: a month at {} meets the target and still earns a credit",
                    j + 1,
                    c.tiers[j].credit,
                    target.id,
                    between(level, highest)
                ),
                format!("start the first tier at the target: \"below\": \"{level}\""),
            );
        } else if highest < level {
            f.warning(
                Code::CreditGap,
                at(&format!("tiers/{j}/below")),
                format!(
                    "target \"{}\" is {level} but the first credit tier of \"{name}\" starts below {highest}: a month at {} misses the target and earns nothing",
                    target.id,
                    between(highest, level)
                ),
                format!("start the first tier at the target (\"below\": \"{level}\"), or say why a small miss earns no credit"),
            );
        }
    }
}

/// A percentage between two others, for an example in a message.
fn between(low: Percent, high: Percent) -> Percent {
    Percent::from_ten_thousandths((low.ten_thousandths() + high.ten_thousandths()) / 2)
}

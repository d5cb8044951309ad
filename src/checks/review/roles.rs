//! Stakeholder roles and sides: a sponsor who commits (signs or approves),
//! a customer when there are users, signatories on both sides, customers
//! and approvers on the consumer side, escalation and action owners on the
//! provider side.

use super::Ctx;
use crate::checks::{Code, Findings};
use crate::model::{Kind, Role, Side};

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let kind = a.document.kind;
    if !kind.is_signed() {
        return;
    }
    let sponsors: Vec<_> = a.with_role(Role::Sponsor).collect();
    if sponsors.is_empty() {
        f.error(
            Code::MissingSponsor,
            "/stakeholders",
            "no stakeholder is the sponsor",
            "give the role \"sponsor\" to whoever authorises the budget and approves the agreement",
        );
    } else if !sponsors
        .iter()
        .any(|s| s.signs || s.id == a.document.approver)
    {
        let names: Vec<String> = sponsors
            .iter()
            .map(|s| format!("\"{}\"", name(s)))
            .collect();
        let i = a
            .stakeholders
            .iter()
            .position(|s| s.id == sponsors[0].id)
            .unwrap_or(0);
        f.warning(
            Code::SponsorNotCommitted,
            format!("/stakeholders/{i}"),
            format!(
                "the sponsor {} neither signs nor approves the agreement, so nobody who pays for it commits to it",
                names.join(" and ")
            ),
            "make the sponsor the approver, or mark them as a signatory",
        );
    }
    let customers = a.with_role(Role::Customer).count();
    if customers == 0 && matches!(kind, Kind::Sla | Kind::Ola) {
        let users = a.with_role(Role::User).count();
        f.error(
            Code::NoCustomer,
            "/stakeholders",
            if users > 0 {
                format!("{users} stakeholder(s) are users, but nobody is the customer who defines their requirements and answers for the outcomes")
            } else {
                "no stakeholder is the customer".to_owned()
            },
            "give the role \"customer\" to the consumer-side person who defines the requirements",
        );
    }
    for (side, label) in [(Side::Provider, "provider"), (Side::Consumer, "consumer")] {
        if !a.stakeholders.iter().any(|s| s.signs && s.side == side) {
            f.error(
                Code::MissingSignatory,
                "/stakeholders",
                format!("nobody signs for the {label}"),
                format!(
                    "mark a {label}-side stakeholder who can commit the {label} as a signatory"
                ),
            );
        }
    }
    for (i, s) in a.stakeholders.iter().enumerate() {
        if s.side == Side::Provider && s.roles.contains(&Role::Customer) {
            f.error(
                Code::RoleOnWrongSide,
                format!("/stakeholders/{i}/side"),
                format!(
                    "\"{}\" is the customer but sits on the provider side",
                    name(s)
                ),
                "the customer is on the consumer side: change the side, or the role",
            );
        }
    }
    if let Some(s) = a.stakeholders.iter().find(|s| s.id == a.document.approver) {
        // Between teams of one organization (an OLA) the approver is often
        // the head of both.
        if s.side == Side::Provider && kind != Kind::Ola {
            f.error(
                Code::RoleOnWrongSide,
                "/document/approver",
                format!(
                    "the approver \"{}\" is on the provider side: the provider would approve its own promises",
                    name(s)
                ),
                "the approver is the consumer's sponsor or customer",
            );
        }
    }
    for (i, e) in a.support.escalation.iter().enumerate() {
        if let Some(s) = a.stakeholder(&e.contact) {
            if s.side == Side::Consumer {
                f.warning(
                    Code::OwnerOnWrongSide,
                    format!("/support/escalation/{i}/contact"),
                    format!(
                        "escalation step {} goes to \"{}\", on the consumer side: escalation is to the provider's people",
                        i + 1,
                        name(s)
                    ),
                    "name a provider-side manager for this step",
                );
            }
        }
    }
    for (i, act) in a.offering.actions.iter().enumerate() {
        if let Some(s) = a.stakeholder(&act.owner) {
            if s.side == Side::Consumer {
                f.warning(
                    Code::OwnerOnWrongSide,
                    format!("/offering/actions/{i}/owner"),
                    format!(
                        "the service action \"{}\" is owned by \"{}\", on the consumer side",
                        act.action,
                        name(s)
                    ),
                    "a service action is work the provider does: name a provider-side owner, or list it as a consumer responsibility",
                );
            }
        }
    }
}

fn name(s: &crate::model::Stakeholder) -> &str {
    if s.name.trim().is_empty() {
        &s.id
    } else {
        &s.name
    }
}

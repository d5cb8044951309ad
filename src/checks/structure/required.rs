//! The content each kind of agreement needs: a title, a version, an
//! effective date, an owner and approver, the service, the parties, what
//! an OLA or UC supports, an offering's purpose, and no signed targets in
//! a service offering description.

use crate::checks::{Code, Findings};
use crate::model::{Agreement, Kind};

pub(super) fn required(a: &Agreement, f: &mut Findings) {
    let kind = a.document.kind;
    let signed = kind.is_signed();
    let d = &a.document;
    if d.title.trim().is_empty() {
        f.error(
            Code::RequiredField,
            "/document/title",
            "the agreement has no title",
            "give it a title a sponsor recognises, e.g. \"IT Service Desk SLA\"",
        );
    }
    if d.reference.trim().is_empty() {
        f.warning(
            Code::RequiredField,
            "/document/reference",
            "the agreement has no document reference",
            "give it a reference other agreements can cite, e.g. \"SLA-ITSD-001\"",
        );
    }
    if d.version.trim().is_empty() {
        f.error(
            Code::MissingVersion,
            "/document/version",
            "the agreement has no version",
            "set a version such as \"1.0\" and record it in the change history",
        );
    }
    if d.effective_date.is_none() {
        let message = "the agreement has no effective date";
        let hint = "set the day it takes effect, as YYYY-MM-DD";
        if signed {
            f.error(
                Code::MissingEffectiveDate,
                "/document/effective_date",
                message,
                hint,
            );
        } else {
            f.warning(
                Code::MissingEffectiveDate,
                "/document/effective_date",
                message,
                hint,
            );
        }
    }
    if d.owner.trim().is_empty() {
        f.warning(
            Code::RequiredField,
            "/document/owner",
            "the document has no owner",
            "choose the service owner who maintains it as the owner",
        );
    }
    if d.approver.trim().is_empty() && signed {
        let message = "the agreement names no approver";
        let hint = "choose whoever approves it (usually the sponsor) as the approver";
        if d.status.claims_approval() {
            f.error(
                Code::RequiredField,
                "/document/approver",
                format!(
                    "{message}, yet its status is {}",
                    d.status.label().to_lowercase()
                ),
                hint,
            );
        } else {
            f.warning(Code::RequiredField, "/document/approver", message, hint);
        }
    }
    if matches!(kind, Kind::Ola | Kind::Uc) && d.supports.is_empty() {
        f.warning(
            Code::RequiredField,
            "/document/supports",
            format!("an {} names no agreement it supports", kind.title()),
            "list the reference of the SLA it underpins under \"Supports\", e.g. \"SLA-ITSD-001\"",
        );
    }
    if a.parties.provider.name.trim().is_empty() {
        f.error(
            Code::RequiredField,
            "/parties/provider/name",
            "the service provider is not named",
            "name the organization or team that provides the service",
        );
    }
    if signed && a.parties.consumer.name.trim().is_empty() {
        f.error(
            Code::RequiredField,
            "/parties/consumer/name",
            "the consumer is not named",
            "name the organization or team that consumes the service",
        );
    }
    if a.service.name.trim().is_empty() {
        f.error(
            Code::RequiredField,
            "/service/name",
            "the service has no name",
            "name the service, e.g. \"IT Service Desk\"",
        );
    }
    if a.service.description.trim().is_empty() {
        f.warning(
            Code::RequiredField,
            "/service/description",
            "the service has no description",
            "say in a paragraph what the service is and who it is for",
        );
    }
    if a.service.outcomes.is_empty() {
        f.warning(
            Code::RequiredField,
            "/service/outcomes",
            "no outcomes are stated for the consumer",
            "list the outcomes the consumer wants that the service facilitates",
        );
    }
    let o = &a.offering;
    if o.goods.is_empty() && o.access.is_empty() && o.actions.is_empty() {
        let message = "the offering has no goods, access to resources or service actions";
        let hint = "describe at least one component of the offering";
        if kind == Kind::Offering {
            f.error(Code::RequiredField, "/offering", message, hint);
        } else {
            f.warning(Code::RequiredField, "/offering", message, hint);
        }
    }
    if kind == Kind::Offering && a.utility.purpose.trim().is_empty() {
        f.warning(
            Code::RequiredField,
            "/utility/purpose",
            "the offering states no purpose (utility)",
            "say what the service does for the consumer, fit for purpose",
        );
    }
    if signed && a.service_levels.is_empty() {
        f.error(
            Code::RequiredField,
            "/service_levels",
            "the agreement has no service level targets",
            "add measurable targets, e.g. availability 99.9% per calendar month",
        );
    }
    if signed && a.support.priorities.is_empty() {
        f.warning(
            Code::RequiredField,
            "/support/priorities",
            "no incident priorities are defined",
            "define priorities by impact and urgency with response and resolution times",
        );
    }
    if signed && a.responsibilities.provider.is_empty() {
        f.error(
            Code::RequiredField,
            "/responsibilities/provider",
            "the provider's responsibilities are not stated",
            "list what the provider does: manage resources, give access, fulfil actions, manage service levels",
        );
    }
    if kind == Kind::Offering && !a.service_levels.is_empty() {
        f.info(
            Code::OfferingWithTargets,
            "/service_levels",
            "a service offering description lists targets, but nobody signs them",
            "present them as indicative, or draft an SLA to commit to them",
        );
    }
}

//! The people and organizations in the view: stakeholders with their
//! names, titles, sides and roles resolved, the parties' organizations,
//! and the signatories in signing order.

use serde_json::{Value, json};

use super::opt;
use crate::model::*;

pub(super) fn person(a: &Agreement, id: &str) -> Value {
    match a.stakeholder(id) {
        Some(s) => stakeholder(a, s),
        None => json!({
            "id": id, "name": id, "title": "", "kind": "", "side": "", "side_label": "",
            "organization": "", "roles": [], "roles_text": "", "email": "", "phone": "", "signs": false,
        }),
    }
}

fn side_org(a: &Agreement, side: Side) -> String {
    match side {
        Side::Provider => a.parties.provider.name.clone(),
        Side::Consumer => a.parties.consumer.name.clone(),
        Side::ThirdParty => String::new(),
    }
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Provider => "Provider",
        Side::Consumer => "Consumer",
        Side::ThirdParty => "Third party",
    }
}

pub(super) fn stakeholder(a: &Agreement, s: &Stakeholder) -> Value {
    let roles: Vec<&str> = s.roles.iter().map(|r| r.label()).collect();
    json!({
        "id": s.id,
        "name": if s.name.is_empty() { s.id.clone() } else { s.name.clone() },
        "title": s.title,
        "kind": match s.kind { StakeholderKind::Person => "person", StakeholderKind::Team => "team" },
        "side": match s.side { Side::Provider => "provider", Side::Consumer => "consumer", Side::ThirdParty => "third_party" },
        "side_label": side_label(s.side),
        "organization": side_org(a, s.side),
        "roles": roles,
        "roles_text": roles.join(", "),
        "email": s.email,
        "phone": s.phone,
        "signs": s.signs,
    })
}

pub(super) fn names(a: &Agreement, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| match a.stakeholder(id) {
            Some(s) if !s.name.is_empty() => s.name.clone(),
            _ => id.clone(),
        })
        .collect()
}

pub(super) fn organization(o: &Organization) -> Value {
    json!({
        "name": o.name,
        "legal_name": o.legal_name,
        "address": o.address,
        "registration": o.registration,
    })
}

pub(super) fn signatories(a: &Agreement) -> Vec<Value> {
    // Provider side first, then consumer, then others; in stakeholder order.
    let mut list: Vec<&Stakeholder> = a.stakeholders.iter().filter(|s| s.signs).collect();
    list.sort_by_key(|s| match s.side {
        Side::Provider => 0,
        Side::Consumer => 1,
        Side::ThirdParty => 2,
    });
    list.into_iter()
        .map(|s| {
            let signed = a.signatures.iter().find(|g| g.stakeholder == s.id);
            let mut v = stakeholder(a, s);
            v["signed_on"] = json!(signed.map(|g| opt(&g.date)).unwrap_or_default());
            v["capacity"] = json!(format!(
                "For the {}{}",
                side_label(s.side).to_lowercase(),
                match side_org(a, s.side) {
                    org if org.is_empty() => String::new(),
                    org => format!(", {org}"),
                }
            ));
            v
        })
        .collect()
}

//! The service offering in the view: goods, access to resources and
//! service actions, with their owners resolved.

use serde_json::{Value, json};

use super::parties::{names, person};
use super::{dur, hours};
use crate::model::*;

pub(super) fn offering(a: &Agreement) -> Value {
    let o = &a.offering;
    json!({
        "goods": o.goods.iter().map(|g| json!({
            "name": g.name, "description": g.description, "owner_after_handover": g.owner_after_handover,
        })).collect::<Vec<_>>(),
        "access": o.access.iter().map(|r| json!({
            "resource": r.resource, "who": r.who, "how": r.how, "limits": r.limits, "data_boundaries": r.data_boundaries,
        })).collect::<Vec<_>>(),
        "actions": o.actions.iter().map(|s| json!({
            "action": s.action,
            "trigger": s.trigger,
            "channel": s.channel,
            "hours": hours(&s.hours),
            "owner": if s.owner.is_empty() { Value::Null } else { person(a, &s.owner) },
            "owner_name": names(a, std::slice::from_ref(&s.owner)).join(""),
            "target": dur(&s.target),
        })).collect::<Vec<_>>(),
    })
}

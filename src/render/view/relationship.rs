//! Relationship management in the view: reviews, reports, contacts and
//! improvement, with participants and recipients named and their timing
//! in words.

use serde_json::{Value, json};

use super::parties::{names, person};
use crate::model::*;

pub(super) fn relationship(a: &Agreement) -> Value {
    let r = &a.relationship;
    json!({
        "reviews": r.reviews.iter().map(|v| json!({
            "name": v.name,
            "cadence": when(v.cadence, v.on.as_ref()),
            "participants": names(a, &v.participants),
            "agenda": v.agenda,
        })).collect::<Vec<_>>(),
        "reports": r.reports.iter().map(|v| json!({
            "name": v.name,
            "frequency": when(v.frequency, v.on.as_ref()),
            "contents": v.contents,
            "recipients": names(a, &v.recipients),
        })).collect::<Vec<_>>(),
        "contacts": r.contacts.iter().map(|c| {
            let mut p = person(a, &c.stakeholder);
            p["purpose"] = json!(c.purpose);
            p
        }).collect::<Vec<_>>(),
        "improvement": r.improvement,
    })
}

/// When a review or report happens: "Monthly", "Within 5 business days of
/// every P1 incident", or both.
fn when(cadence: Option<Cadence>, on: Option<&Occasion>) -> String {
    let mut out = cadence.map(|c| c.label().to_owned()).unwrap_or_default();
    if let Some(o) = on {
        let words = o.to_words();
        if out.is_empty() {
            let mut chars = words.chars();
            out = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default();
        } else {
            out = format!("{out}, and {words}");
        }
    }
    out
}

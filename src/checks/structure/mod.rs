//! Structural checks: values kept as typed that cannot be read yet, the
//! content each kind of agreement needs, references to stakeholders,
//! priorities, channels and targets that point nowhere, duplicate ids, and
//! time zones that do not exist.

mod as_typed;
mod duplicates;
mod matrix;
mod references;
mod required;

use crate::checks::Findings;
use crate::model::{Agreement, ServiceHours};

pub(crate) fn check(a: &Agreement, f: &mut Findings) {
    as_typed::as_typed(a, f);
    required::required(a, f);
    duplicates::duplicates(a, f);
    references::references(a, f);
}

/// The agreement's service hours and every target's own, with pointers.
pub(crate) fn hours_with_pointers(a: &Agreement) -> Vec<(String, &ServiceHours)> {
    let mut list = Vec::new();
    if let Some(h) = &a.service_hours {
        list.push(("/service_hours".to_owned(), h));
    }
    for (i, t) in a.service_levels.iter().enumerate() {
        if let Some(h) = &t.service_hours {
            list.push((format!("/service_levels/{i}/service_hours"), h));
        }
    }
    list
}

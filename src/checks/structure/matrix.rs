//! The priority matrix: each impact and urgency pair under one priority;
//! once a matrix is used, every pair somewhere.

use std::collections::HashMap;

use crate::checks::{Code, Findings};
use crate::model::{Agreement, Level, MatrixCell};

/// The priority matrix: each impact and urgency pair under one priority;
/// once a matrix is used, every pair somewhere.
pub(super) fn matrix(a: &Agreement, f: &mut Findings) {
    let mut seen: HashMap<MatrixCell, &str> = HashMap::new();
    let mut any = false;
    for (i, p) in a.support.priorities.iter().enumerate() {
        for (j, cell) in p.matrix.iter().enumerate() {
            any = true;
            if let Some(first) = seen.get(cell) {
                if *first != p.id {
                    f.error(
                        Code::PriorityMatrixOverlap,
                        format!("/support/priorities/{i}/matrix/{j}"),
                        format!(
                            "{} impact and {} urgency is listed under both {first} and {}",
                            cell.impact.label().to_lowercase(),
                            cell.urgency.label().to_lowercase(),
                            p.id
                        ),
                        "an incident must map to exactly one priority: keep the pair under one of them",
                    );
                }
            } else {
                seen.insert(*cell, p.id.as_str());
            }
        }
    }
    if !any {
        return;
    }
    let levels = [Level::High, Level::Medium, Level::Low];
    let missing: Vec<String> = levels
        .iter()
        .flat_map(|i| levels.iter().map(move |u| (*i, *u)))
        .filter(|(impact, urgency)| {
            !seen.contains_key(&MatrixCell {
                impact: *impact,
                urgency: *urgency,
            })
        })
        .map(|(i, u)| {
            format!(
                "{} impact and {} urgency",
                i.label().to_lowercase(),
                u.label().to_lowercase()
            )
        })
        .collect();
    if !missing.is_empty() {
        f.warning(
            Code::PriorityMatrixGap,
            "/support/priorities",
            format!(
                "the priority matrix gives no priority for {}",
                missing.join("; ")
            ),
            "add each missing pair to the priority it should get, so every incident has one",
        );
    }
}

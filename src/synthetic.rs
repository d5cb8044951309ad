//! Synthetic agreements of any size, built from a complete base, for
//! benchmarks, load tests and performance checks of the app's preview. The
//! content is plausible contract prose, so line breaking, tables and page
//! breaks behave as they would on a real agreement.

use crate::model::*;
use crate::units::{Duration, Hours, Schedule};

/// How big to make it.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Service actions in the offering.
    pub actions: usize,
    /// Support priorities.
    pub priorities: usize,
    /// Additional clauses.
    pub clauses: usize,
    /// Paragraphs in each clause.
    pub paragraphs: usize,
}

impl Size {
    /// About 200 pages on A4: 150 service actions, 40 priorities and long
    /// clauses.
    pub const PAGES_200: Size = Size {
        actions: 150,
        priorities: 40,
        clauses: 70,
        paragraphs: 14,
    };

    /// Scales the clause count, which dominates page count (for checking
    /// that time grows linearly with pages).
    pub fn with_clauses(self, clauses: usize) -> Size {
        Size { clauses, ..self }
    }
}

const PROSE: [&str; 6] = [
    "The provider maintains the service in line with the agreed service levels and notifies the consumer without delay of any event that could affect them.",
    "Where the consumer requests a change that affects the service levels, both parties assess its impact together and record the outcome at the next service review.",
    "Each party bears its own costs of performing its responsibilities under this agreement, unless a service action states a charge in the catalogue.",
    "Measurements are taken from the monitoring platform named in this agreement; either party may ask for the underlying data within thirty days of a report.",
    "Nothing in this clause limits the obligations of either party under the data protection terms agreed between them, which prevail in case of conflict.",
    "The parties review this clause at least once a year and may agree improvements, which take effect when both parties approve a new version of the agreement.",
];

/// A large agreement of the given size, built on `base` (its parties,
/// stakeholders and targets are kept).
pub fn large(base: &Agreement, size: Size) -> Agreement {
    let mut a = base.clone();
    a.document.title = format!("{} (extended)", a.document.title);
    let owner = a
        .stakeholders
        .first()
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let channel = a
        .support
        .channels
        .first()
        .map(|c| c.name.clone())
        .unwrap_or_default();
    a.offering.actions = (0..size.actions)
        .map(|i| ServiceAction {
            action: format!("Service action {}: {}", i + 1, ACTIONS[i % ACTIONS.len()]),
            trigger: TRIGGERS[i % TRIGGERS.len()].to_owned(),
            channel: channel.clone(),
            hours: if i % 3 == 0 {
                Hours::Schedule(Schedule::always()).into()
            } else {
                Hours::ServiceHours.into()
            },
            owner: owner.clone(),
            target: Some(Duration::from_hours(1 + (i as u64 % 48)).into()),
        })
        .collect();
    a.support.priorities = (0..size.priorities)
        .map(|i| {
            let response = Duration::from_mins(15 * (1 + i as u64));
            Priority {
                id: format!("P{}", i + 1),
                name: format!("Class {}", i + 1),
                definition: format!(
                    "Incidents of class {} affecting {} with {} urgency.",
                    i + 1,
                    ["all users", "one site", "one team", "one user"][i % 4],
                    ["high", "medium", "low"][i % 3]
                ),
                matrix: vec![MatrixCell {
                    impact: [Level::High, Level::Medium, Level::Low][i % 3],
                    urgency: [Level::High, Level::Medium, Level::Low][(i / 3) % 3],
                }],
                clock: None,
                response: Some(response.into()),
                resolution: Some(Duration::from_mins(15 * (1 + i as u64) * 8).into()),
                update_every: Some(Duration::from_mins(15 * (1 + i as u64) * 2).into()),
            }
        })
        .collect();
    a.clauses = (0..size.clauses)
        .map(|i| Clause {
            title: format!("Supplementary clause {}", i + 1),
            body: (0..size.paragraphs)
                .map(|p| {
                    let mut paragraph = String::new();
                    for k in 0..4 {
                        paragraph.push_str(PROSE[(i + p + k) % PROSE.len()]);
                        paragraph.push(' ');
                    }
                    paragraph.trim_end().to_owned()
                })
                .collect::<Vec<_>>()
                .join("\n\n"),
        })
        .collect();
    a
}

const ACTIONS: [&str; 8] = [
    "reset a password",
    "provision a laptop",
    "grant access to a shared folder",
    "restore a deleted file",
    "install approved software",
    "set up a new starter",
    "remove access for a leaver",
    "replace a faulty peripheral",
];

const TRIGGERS: [&str; 4] = [
    "Request in the service portal",
    "Call to the service desk",
    "Approved change record",
    "Monitoring alert",
];

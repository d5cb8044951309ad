//! The agreement model: domain.md made into types.
//!
//! One [`Agreement`] is one draft file. Every concept a reviewer or a
//! calculation needs is a typed field (durations, percentages, schedules,
//! stakeholder references); prose is kept for what only a human reads.
//!
//! Nearly every field has a default, so a draft in progress (a title and a
//! kind, nothing else) is still a valid file: what is missing is reported by
//! the checks as findings, not refused as a broken file. Empty fields are
//! left out when saving, so saved files stay short and byte-stable.

mod control;
mod levels;
mod offering;
mod parties;
mod relationship;
mod service;
mod support;
mod warranty;

pub use control::*;
pub use levels::*;
pub use offering::*;
pub use parties::*;
pub use relationship::*;
pub use service::*;
pub use support::*;
pub use warranty::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 2;

/// A service agreement draft: SLA, OLA, underpinning contract or service
/// offering description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// The version of this file format; Pactwright migrates older versions
    /// and refuses newer ones.
    pub schema_version: u32,
    /// Document control: kind, title, reference, version, status, dates,
    /// owner, approver and change history.
    pub document: DocumentControl,
    /// The organizations on each side of the agreement.
    #[serde(default, skip_serializing_if = "control::is_default")]
    pub parties: Parties,
    /// People and teams named in the agreement, with their roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stakeholders: Vec<Stakeholder>,
    /// Terms defined for this agreement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryEntry>,
    /// The service-hours calendar: when the service is to be available,
    /// which days are business days, holidays. Availability targets,
    /// channels, actions, the support clock and business-day durations use
    /// it unless they say otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_hours: Option<ServiceHours>,
    /// The service: what it is for and what it takes away from the consumer.
    #[serde(default, skip_serializing_if = "control::is_default")]
    pub service: Service,
    /// The offering: goods, access to resources and service actions.
    #[serde(default, skip_serializing_if = "control::is_default")]
    pub offering: Offering,
    /// Utility: fit for purpose.
    #[serde(default, skip_serializing_if = "control::is_default")]
    pub utility: Utility,
    /// Warranty: fit for use (availability, capacity, continuity, security).
    #[serde(default, skip_serializing_if = "control::is_default")]
    pub warranty: Warranty,
    /// Support: channels, priorities, the clock, escalation.
    #[serde(default, skip_serializing_if = "control::is_default")]
    pub support: Support,
    /// What each side must do: value is co-created.
    #[serde(default, skip_serializing_if = "control::is_default")]
    pub responsibilities: Responsibilities,
    /// How the relationship is kept going: reviews, reports, contacts,
    /// improvement.
    #[serde(default, skip_serializing_if = "control::is_default")]
    pub relationship: RelationshipManagement,
    /// Service level targets, each measured.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_levels: Vec<ServiceLevelTarget>,
    /// Service credits owed when targets are missed: one scheme per group
    /// of targets with its own tiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credit_schemes: Vec<CreditScheme>,
    /// What the targets and duties do not cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<String>,
    /// Changes to the agreement and its termination.
    #[serde(default, skip_serializing_if = "control::is_default")]
    pub terms: Terms,
    /// Signatures given so far (who signs is set on each stakeholder).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<Signature>,
    /// Additional clauses for what the structure does not cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Clause>,
}

impl Agreement {
    /// An empty draft of a kind, with nothing but the kind set.
    pub fn empty(kind: Kind) -> Self {
        Agreement {
            schema_version: SCHEMA_VERSION,
            document: DocumentControl {
                kind,
                ..DocumentControl::default()
            },
            parties: Parties::default(),
            stakeholders: Vec::new(),
            glossary: Vec::new(),
            service_hours: None,
            service: Service::default(),
            offering: Offering::default(),
            utility: Utility::default(),
            warranty: Warranty::default(),
            support: Support::default(),
            responsibilities: Responsibilities::default(),
            relationship: RelationshipManagement::default(),
            service_levels: Vec::new(),
            credit_schemes: Vec::new(),
            exclusions: Vec::new(),
            terms: Terms::default(),
            signatures: Vec::new(),
            clauses: Vec::new(),
        }
    }

    /// The stakeholder with this id.
    pub fn stakeholder(&self, id: &str) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// The service level target with this id.
    pub fn target(&self, id: &str) -> Option<&ServiceLevelTarget> {
        self.service_levels.iter().find(|t| t.id == id)
    }

    /// The priority with this id.
    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.support.priorities.iter().find(|p| p.id == id)
    }

    /// The weekly schedule of the agreement's service hours, if stated and
    /// read (`None` too while it is as typed).
    pub fn schedule(&self) -> Option<&crate::units::Schedule> {
        self.service_hours.as_ref().and_then(|h| h.schedule.read())
    }

    /// The service hours an availability target is promised in: its own,
    /// or the agreement's.
    pub fn hours_of<'a>(&'a self, target: &'a ServiceLevelTarget) -> Option<&'a ServiceHours> {
        target
            .service_hours
            .as_ref()
            .or(self.service_hours.as_ref())
    }

    /// The period an availability target is measured over: its own, or
    /// the warranty's.
    pub fn period_of(&self, target: &ServiceLevelTarget) -> PeriodConvention {
        target.period.unwrap_or_else(|| {
            self.warranty
                .availability
                .as_ref()
                .map(|a| a.period)
                .unwrap_or_default()
        })
    }

    /// The availability targets.
    pub fn availability_targets(&self) -> impl Iterator<Item = (usize, &ServiceLevelTarget)> {
        self.service_levels
            .iter()
            .enumerate()
            .filter(|(_, t)| t.metric == Metric::Availability)
    }

    /// Stakeholders holding a role.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Stakeholder> {
        self.stakeholders
            .iter()
            .filter(move |s| s.roles.contains(&role))
    }
}

/// A term defined for the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The term, e.g. "Business day".
    pub term: String,
    /// What it means in this agreement.
    pub definition: String,
}

/// A clause the structure does not cover, e.g. data protection or
/// governing law.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// The clause heading.
    pub title: String,
    /// The clause text, in Markdown (paragraphs, lists, emphasis).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
}

//! The service relationship as a two-way street: what each side must do
//! (provision and consumption), and how the relationship is managed
//! (reviews, reports, contacts, continual improvement).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Duties of each side.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Responsibilities {
    /// Service provision: what the provider does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provider: Vec<String>,
    /// Service consumption: what the consumer does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consumer: Vec<String>,
}

/// How often something happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// Every week.
    Weekly,
    /// Every month.
    #[default]
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Twice a year.
    HalfYearly,
    /// Once a year.
    Yearly,
}

impl Cadence {
    /// As printed: "Monthly".
    pub fn label(self) -> &'static str {
        match self {
            Cadence::Weekly => "Weekly",
            Cadence::Monthly => "Monthly",
            Cadence::Quarterly => "Quarterly",
            Cadence::HalfYearly => "Half-yearly",
            Cadence::Yearly => "Yearly",
        }
    }
}

/// Relationship management: the joint activities that keep value
/// co-creation going.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelationshipManagement {
    /// Review meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// Reports the provider sends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<Report>,
    /// Named contacts for the relationship.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Continual improvement commitments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub improvement: Vec<String>,
}

/// What calls for an event-driven report or review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// An incident (of the priority given, or of any priority).
    #[default]
    Incident,
    /// A major incident.
    MajorIncident,
    /// A security incident affecting the consumer.
    SecurityIncident,
    /// A service level target missed in a reporting period.
    MissedTarget,
    /// A significant change to the service.
    MajorChange,
}

impl Event {
    /// As printed after "every": "P1 incident", "major incident".
    pub fn words(self, priority: &str) -> String {
        let p = priority.trim();
        match self {
            Event::Incident if p.is_empty() => "incident".to_owned(),
            Event::Incident => format!("{p} incident"),
            Event::MajorIncident => "major incident".to_owned(),
            Event::SecurityIncident => "security incident affecting the consumer".to_owned(),
            Event::MissedTarget => "missed service level target".to_owned(),
            Event::MajorChange => "major change to the service".to_owned(),
        }
    }
}

/// The event a report or review follows, and how soon.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Occasion {
    /// What happened.
    pub event: Event,
    /// For incidents: the priority id, e.g. "P1"; empty for any priority.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub priority: String,
    /// How soon after the event (for an incident: after it is resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<crate::units::Typed<crate::units::Duration>>,
}

impl Occasion {
    /// As printed: "within 5 business days of every P1 incident".
    pub fn to_words(&self) -> String {
        let event = self.event.words(&self.priority);
        match &self.within {
            Some(d) => format!("within {} of every {event}", d.printed(|d| d.to_words())),
            None => format!("after every {event}"),
        }
    }
}

/// A recurring review.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The meeting, e.g. "Service review".
    pub name: String,
    /// How often it happens, when it recurs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<Cadence>,
    /// The event that calls it, e.g. within 5 business days of every P1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<Occasion>,
    /// Stakeholder ids of the participants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// What is covered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<String>,
}

/// A recurring report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The report, e.g. "Monthly service report".
    pub name: String,
    /// How often it is sent, when it recurs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Cadence>,
    /// The event that calls for it, e.g. a root-cause report within 5
    /// business days of every P1 incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<Occasion>,
    /// What it contains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contents: Vec<String>,
    /// Stakeholder ids of the recipients.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
}

/// A named contact for the relationship.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Stakeholder id.
    pub stakeholder: String,
    /// What to contact them for, e.g. "Commercial questions".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
}

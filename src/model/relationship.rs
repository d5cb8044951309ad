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

/// A recurring review.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The meeting, e.g. "Service review".
    pub name: String,
    /// How often it happens.
    #[serde(default)]
    pub cadence: Cadence,
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
    /// How often it is sent.
    #[serde(default)]
    pub frequency: Cadence,
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

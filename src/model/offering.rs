//! The service offering's three kinds of component: goods (ownership
//! passes), access to resources (ownership stays), and service actions
//! (work performed for the consumer). Plus utility: fit for purpose.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::units::{Duration, Hours, Typed};

/// The components of the offering.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offering {
    /// Goods: things whose ownership passes to the consumer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goods: Vec<Good>,
    /// Access to resources the provider keeps owning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access: Vec<ResourceAccess>,
    /// Service actions the provider performs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ServiceAction>,
}

/// A good handed over to the consumer, who then looks after it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Good {
    /// What it is, e.g. "Laptop".
    pub name: String,
    /// Details, e.g. model and configuration.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Who owns and looks after it after handover.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner_after_handover: String,
}

/// Access granted to a resource the provider keeps owning.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceAccess {
    /// The resource, e.g. "Self-service portal".
    pub resource: String,
    /// Who gets access, e.g. "All staff of the consumer".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// How access is given, e.g. "Single sign-on".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub how: String,
    /// Limits: seats, quotas, rate limits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<String>,
    /// Data boundaries: what the consumer may see and what it may not.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data_boundaries: String,
}

/// Work the provider performs for the consumer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceAction {
    /// What is done, e.g. "Reset a password".
    pub action: String,
    /// What sets it off, e.g. "User request".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub trigger: String,
    /// The support channel used to ask for it (a channel name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel: String,
    /// When it is available: the service hours, "24x7" or a schedule.
    #[serde(default, skip_serializing_if = "super::control::is_default")]
    pub hours: Typed<Hours>,
    /// Stakeholder id of the owner.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// The target time to complete it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Typed<Duration>>,
}

/// Utility: what the service does, fit for purpose.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Utility {
    /// The purpose statement.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// Capabilities the consumer can use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<String>,
    /// Constraints the service removes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints_removed: Vec<String>,
}

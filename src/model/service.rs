//! The service itself: what it enables, which costs and risks it takes away
//! from the consumer and which it imposes, its scope and what it relies on.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::units::{Duration, Percent, Schedule, Typed};

/// The service the agreement is about.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The service name, e.g. "IT Service Desk".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What the service is, in a paragraph.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Outcomes the consumer wants and the service facilitates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<String>,
    /// Costs the consumer no longer carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs_removed: Vec<String>,
    /// Risks the consumer no longer carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks_removed: Vec<String>,
    /// Costs the service brings to the consumer (charges, effort).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs_imposed: Vec<String>,
    /// Risks the service brings to the consumer (lock-in, data held
    /// elsewhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks_imposed: Vec<String>,
    /// What is in scope.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_scope: Vec<String>,
    /// What is explicitly out of scope.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub out_of_scope: Vec<String>,
    /// What the service relies on, including the OLAs and UCs beneath it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<Dependency>,
}

/// How a dependency is held to account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DependencyKind {
    /// An operational level agreement with an internal team.
    Ola,
    /// An underpinning contract with an external supplier.
    Uc,
    /// Another internal service with no agreement of its own.
    #[default]
    Internal,
    /// Something external with no contract (a public network, a regulator).
    External,
}

/// Something the service relies on, with what it commits to, so a reviewer
/// can see whether the agreement promises more than its underpinnings hold.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dependency {
    /// What it is, e.g. "Corporate network".
    pub name: String,
    /// OLA, UC, internal or external.
    #[serde(default)]
    pub kind: DependencyKind,
    /// The reference of its agreement, e.g. "OLA-NET-004".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// Who provides it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    /// Why the service needs it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The availability it commits to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Typed<Percent>>,
    /// The hours it is supported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_hours: Option<Typed<Schedule>>,
    /// Its committed resolution time for the most urgent incidents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Typed<Duration>>,
}

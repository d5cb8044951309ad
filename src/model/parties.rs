//! The parties and stakeholders: who is on each side, and who plays which
//! ITIL 4 role (customer, user, sponsor, service provider, organization).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::units::{Date, Typed};

/// The two sides of the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parties {
    /// The service provider's organization (or team, for an OLA; the
    /// supplier, for an underpinning contract).
    #[serde(default)]
    pub provider: Organization,
    /// The consumer's organization (or team).
    #[serde(default)]
    pub consumer: Organization,
}

/// An organization or team that is party to the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The name used throughout the document, e.g. "Northwind IT".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The full legal name, where it differs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub legal_name: String,
    /// Registered or postal address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// Company registration or internal cost-centre number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub registration: String,
}

/// Which side a stakeholder is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The provider's side.
    #[default]
    Provider,
    /// The consumer's side.
    Consumer,
    /// Neither: an auditor, a supplier named for reference.
    ThirdParty,
}

/// A role a stakeholder holds in the service relationship.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Defines requirements and owns the outcomes; the key judge of value.
    Customer,
    /// Uses the service day to day.
    User,
    /// Authorises the budget; reads and approves the agreement.
    Sponsor,
    /// Delivers the service and carries its costs and risks.
    ServiceProvider,
    /// Speaks for one of the legal entities.
    OrganizationContact,
}

impl Role {
    /// As printed: "Customer", "Service provider".
    pub fn label(self) -> &'static str {
        match self {
            Role::Customer => "Customer",
            Role::User => "User",
            Role::Sponsor => "Sponsor",
            Role::ServiceProvider => "Service provider",
            Role::OrganizationContact => "Organization contact",
        }
    }
}

/// Whether a stakeholder is a person or a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StakeholderKind {
    /// A named person.
    #[default]
    Person,
    /// A team, group or mailbox.
    Team,
}

/// A person or team named in the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    /// A short id other fields refer to, e.g. "cio" or "service-desk".
    pub id: String,
    /// Full name of the person or team.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Person or team.
    #[serde(default, skip_serializing_if = "super::control::is_default")]
    pub kind: StakeholderKind,
    /// Job title or function, e.g. "Chief Information Officer".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The side they are on.
    #[serde(default)]
    pub side: Side,
    /// Roles held; one person may hold several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Email address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// True when they sign the agreement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signs: bool,
}

/// A signature given.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Stakeholder id of the signatory.
    pub stakeholder: String,
    /// The date signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Typed<Date>>,
}

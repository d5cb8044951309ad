//! Support: how the consumer reaches the provider, how incidents are
//! prioritised by impact and urgency, the response and resolution clock,
//! and the escalation path.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::units::{Duration, Hours, Typed};

/// The support arrangements.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// Ways to reach support.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Priorities, most urgent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<Priority>,
    /// Whether response and resolution times count service hours only or
    /// every hour; a priority can set its own.
    #[serde(default, skip_serializing_if = "super::control::is_default")]
    pub clock: Clock,
    /// What stops the clock, e.g. "Waiting for the user to reply".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clock_stops: Vec<String>,
    /// The escalation path, first level first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalation: Vec<EscalationLevel>,
}

/// What the response and resolution clock counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    /// Only time inside the service hours counts.
    #[default]
    ServiceHours,
    /// Every hour counts, around the clock.
    Calendar,
}

impl Clock {
    /// As printed: "service hours", "around the clock".
    pub fn label(self) -> &'static str {
        match self {
            Clock::ServiceHours => "service hours",
            Clock::Calendar => "around the clock (24x7)",
        }
    }
}

/// The kind of a support channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// A web portal.
    #[default]
    Portal,
    /// Email.
    Email,
    /// Telephone.
    Phone,
    /// Chat.
    Chat,
    /// In person, e.g. a walk-up desk.
    InPerson,
}

impl ChannelKind {
    /// As printed.
    pub fn label(self) -> &'static str {
        match self {
            ChannelKind::Portal => "Portal",
            ChannelKind::Email => "Email",
            ChannelKind::Phone => "Phone",
            ChannelKind::Chat => "Chat",
            ChannelKind::InPerson => "In person",
        }
    }
}

/// A way to reach support.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// The name used elsewhere, e.g. "Service portal".
    pub name: String,
    /// Portal, email, phone, chat or in person.
    #[serde(default)]
    pub kind: ChannelKind,
    /// The address, number or URL.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// When the channel is staffed: the service hours, "24x7" or a schedule.
    #[serde(default, skip_serializing_if = "super::control::is_default")]
    pub hours: Typed<Hours>,
}

/// A level of impact or urgency.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// High.
    High,
    /// Medium.
    Medium,
    /// Low.
    Low,
}

impl Level {
    /// As printed.
    pub fn label(self) -> &'static str {
        match self {
            Level::High => "High",
            Level::Medium => "Medium",
            Level::Low => "Low",
        }
    }
}

/// A priority with its targets.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// The id used elsewhere, e.g. "P1".
    pub id: String,
    /// The name, e.g. "Critical".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What makes an incident this priority, e.g. "Service down for all
    /// users".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
    /// Every impact and urgency pair that maps to this priority (its cells
    /// of the priority matrix).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matrix: Vec<MatrixCell>,
    /// The clock its response and resolution times run on, when it differs
    /// from the support clock (e.g. P1 around the clock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<Clock>,
    /// Time to respond (acknowledge and start work).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Typed<Duration>>,
    /// Time to resolve (restore service or give a workaround).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Typed<Duration>>,
    /// How often the consumer is updated while it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_every: Option<Typed<Duration>>,
}

/// One cell of the priority matrix: an impact and an urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatrixCell {
    /// How widely the incident affects the consumer.
    pub impact: Level,
    /// How soon the consumer needs it resolved.
    pub urgency: Level,
}

impl Support {
    /// The clock a priority's times run on.
    pub fn clock_of(&self, priority: &Priority) -> Clock {
        priority.clock.unwrap_or(self.clock)
    }
}

/// One step of the escalation path.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationLevel {
    /// Stakeholder id of who is escalated to.
    pub contact: String,
    /// When to escalate, e.g. "P1 not resolved within 2h".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub when: String,
    /// The priorities this step applies to (ids); empty for all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<String>,
    /// When to escalate: after this long without resolution, for every
    /// priority or for one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<EscalationTime>,
}

/// How long an incident waits before it is escalated to a level.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationTime {
    /// The priority id this time is for; empty for every priority the step
    /// applies to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub priority: String,
    /// Escalate after this long without resolution.
    pub after: Typed<Duration>,
}

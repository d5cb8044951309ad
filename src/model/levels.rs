//! Service level targets (measured, with a data source and a reporting
//! period), the service credits owed when they are missed, and the terms
//! for changing and ending the agreement.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::relationship::Cadence;
use crate::units::{Date, Duration, Percent};

/// What a service level target measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Share of service time the service is available.
    #[default]
    Availability,
    /// Time to respond to an incident of a priority.
    ResponseTime,
    /// Time to resolve an incident of a priority.
    ResolutionTime,
    /// Time to fulfil a service request.
    FulfilmentTime,
    /// Share of contacts resolved at first contact.
    FirstContactResolution,
    /// Customer satisfaction score.
    Satisfaction,
    /// Anything else (name says what).
    Other,
}

impl Metric {
    /// As printed.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Availability => "Availability",
            Metric::ResponseTime => "Response time",
            Metric::ResolutionTime => "Resolution time",
            Metric::FulfilmentTime => "Fulfilment time",
            Metric::FirstContactResolution => "First contact resolution",
            Metric::Satisfaction => "Satisfaction",
            Metric::Other => "Other",
        }
    }
}

/// A target value: a percentage, a duration, a plain number, or text that
/// holds no number (which a check reports as vague).
#[derive(Debug, Clone, PartialEq)]
pub enum TargetValue {
    /// E.g. "99.9%".
    Percent(Percent),
    /// E.g. "4h".
    Duration(Duration),
    /// E.g. "4.5" (a score).
    Number(f64),
    /// Text with no measurable number, e.g. "promptly".
    Text(String),
}

impl FromStr for TargetValue {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let t = text.trim();
        if t.ends_with('%') {
            if let Ok(p) = t.parse() {
                return Ok(TargetValue::Percent(p));
            }
        }
        if let Ok(d) = t.parse() {
            return Ok(TargetValue::Duration(d));
        }
        if let Ok(n) = t.parse::<f64>() {
            if n.is_finite() {
                return Ok(TargetValue::Number(n));
            }
        }
        Ok(TargetValue::Text(text.to_owned()))
    }
}

impl fmt::Display for TargetValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetValue::Percent(p) => p.fmt(f),
            TargetValue::Duration(d) => d.fmt(f),
            TargetValue::Number(n) => n.fmt(f),
            TargetValue::Text(t) => f.write_str(t),
        }
    }
}

impl Default for TargetValue {
    fn default() -> Self {
        TargetValue::Text(String::new())
    }
}

impl Serialize for TargetValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TargetValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        match text.parse() {
            Ok(v) => Ok(v),
            Err(never) => match never {},
        }
    }
}

impl JsonSchema for TargetValue {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("TargetValue")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A measurable target: a percentage (\"99.9%\"), a duration (\"4h\") or a number (\"4.5\").",
            "examples": ["99.9%", "4h", "4.5"]
        })
    }
}

/// Whether the measured value must stay above or below the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// At least the target (availability, satisfaction).
    #[default]
    AtLeast,
    /// At most the target (times).
    AtMost,
}

/// A service level target.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceLevelTarget {
    /// A short id, e.g. "SL1".
    pub id: String,
    /// What it is called, e.g. "Portal availability".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What is measured.
    #[serde(default)]
    pub metric: Metric,
    /// The priority it applies to, for response and resolution targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// The target.
    pub target: TargetValue,
    /// At least or at most the target.
    #[serde(default)]
    pub comparison: Comparison,
    /// The unit, for plain numbers (e.g. "points out of 5").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Share of cases that must meet the target, e.g. "95%" of P2
    /// incidents resolved within 4h.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attainment: Option<Percent>,
    /// How it is measured.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measurement: String,
    /// Where the data comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data_source: String,
    /// How often it is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting_period: Option<Cadence>,
}

/// Service credits owed when a target is missed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceCredits {
    /// Id of the service level target the tiers apply to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub applies_to: String,
    /// What the percentage is of, e.g. "the monthly charge for the
    /// affected service".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
    /// The tiers: below each level, the credit owed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<CreditTier>,
    /// How long after the month the consumer has to claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_window: Option<Duration>,
    /// What a claim must include.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// The most that can be credited in one period, as a share of the basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Percent>,
    /// True when credits are the consumer's only remedy for missed targets.
    #[serde(default)]
    pub sole_remedy: bool,
}

/// One credit tier.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreditTier {
    /// Applies when the measured value is below this.
    pub below: Percent,
    /// The credit owed, as a share of the basis.
    pub credit: Percent,
}

/// Changing and ending the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// How the agreement is changed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changes: String,
    /// When and how either side may end it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub termination: String,
    /// The date the agreement ends, where fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
}

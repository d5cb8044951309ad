//! Service level targets (measured, with a data source and a reporting
//! period), the service credits owed when they are missed, and the terms
//! for changing and ending the agreement.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::relationship::Cadence;
use super::warranty::{PeriodConvention, ServiceHours};
use crate::units::{Date, Duration, Example, Percent, Typed, UnitError};

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
/// holds no number (which a check reports as vague). It is never as typed
/// in the sense of `units::Typed`: any text is a value, and text with no
/// number is a finding of its own (`vague-target`), kept as written.
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
        // "99.9%", "99.9 percent" (the percentage reader knows the forms).
        if let Ok(p) = t.parse() {
            return Ok(TargetValue::Percent(p));
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
    pub attainment: Option<Typed<Percent>>,
    /// How it is measured.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measurement: String,
    /// Where the data comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data_source: String,
    /// How often it is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting_period: Option<Cadence>,
    /// What the target covers, when not the whole service, e.g.
    /// "Multi-zone deployments" or "Each single instance".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    /// For availability: the period it is measured over, when it differs
    /// from the warranty's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodConvention>,
    /// For availability: the hours it is promised in, when they differ from
    /// the agreement's service hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_hours: Option<ServiceHours>,
}

impl ServiceLevelTarget {
    /// The name, or the id when it has none.
    pub fn label(&self) -> &str {
        if self.name.trim().is_empty() {
            &self.id
        } else {
            &self.name
        }
    }
}

/// A scheme of service credits owed when the targets it is tied to are
/// missed. An agreement may have several (e.g. one for multi-zone
/// deployments, one for single instances), each with its own tiers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreditScheme {
    /// What it is called, e.g. "Multi-zone credits".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Ids of the service level targets the tiers apply to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<String>,
    /// What the percentage is of, e.g. "the monthly charge for the
    /// affected service".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
    /// The tiers: below each level, the credit owed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<CreditTier>,
    /// By when the consumer must claim: a time after the end of the
    /// period measured ("60d"), or "by the end of the 2nd billing cycle".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_window: Option<Typed<ClaimWindow>>,
    /// What a claim must include.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// The most that can be credited in one period, as a share of the basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Typed<Percent>>,
    /// True when credits are the consumer's only remedy for missed targets.
    #[serde(default)]
    pub sole_remedy: bool,
    /// How a credit can be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usable: Option<CreditUse>,
}

impl CreditScheme {
    /// The name, or "Service credits" when it has none.
    pub fn label(&self) -> &str {
        if self.name.trim().is_empty() {
            "Service credits"
        } else {
            &self.name
        }
    }
}

/// How a service credit can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CreditUse {
    /// Only against future invoices for the service; never paid out.
    FutureInvoices,
    /// Against future invoices, or refunded when the agreement ends.
    InvoicesOrRefund,
    /// Paid as a refund.
    Refund,
}

impl CreditUse {
    /// As printed, completing "Credits can be used ...".
    pub fn words(self) -> &'static str {
        match self {
            CreditUse::FutureInvoices => {
                "only against future invoices for the service; they are never paid out in cash"
            }
            CreditUse::InvoicesOrRefund => {
                "against future invoices, and are refunded when the agreement ends"
            }
            CreditUse::Refund => "as a refund paid to the consumer",
        }
    }
}

/// By when a credit must be claimed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimWindow {
    /// Within this long after the end of the period measured.
    Within(Duration),
    /// By the end of the Nth billing cycle after the period measured.
    BillingCycles(u32),
}

impl ClaimWindow {
    /// As printed, completing "A claim must be made ...".
    pub fn to_words(self) -> String {
        match self {
            ClaimWindow::Within(d) => {
                format!(
                    "within {} after the end of the period measured",
                    d.to_words()
                )
            }
            ClaimWindow::BillingCycles(1) => {
                "by the end of the billing cycle after the period measured".to_owned()
            }
            ClaimWindow::BillingCycles(n) => {
                const WORDS: [&str; 6] = ["second", "third", "fourth", "fifth", "sixth", "seventh"];
                let nth = (n as usize)
                    .checked_sub(2)
                    .and_then(|i| WORDS.get(i))
                    .map_or_else(|| ordinal(n), |w| (*w).to_owned());
                format!("by the end of the {nth} billing cycle after the period measured")
            }
        }
    }
}

/// "2nd", "3rd", "11th".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl Example for ClaimWindow {
    const EXAMPLE: &'static str = "\"60 days\" or \"2 billing cycles\"";
}

impl FromStr for ClaimWindow {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.contains("billing cycle") {
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let n = words.iter().find_map(|w| {
                let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                if let Ok(n) = digits.parse::<u32>() {
                    return Some(n);
                }
                Some(match *w {
                    "next" | "first" | "one" => 1,
                    "second" | "two" => 2,
                    "third" | "three" => 3,
                    "fourth" | "four" => 4,
                    "fifth" | "five" => 5,
                    "sixth" | "six" => 6,
                    _ => return None,
                })
            });
            return match n {
                Some(0) => Err(UnitError::new(format!(
                    "invalid claim window \"{text}\": the 0th billing cycle leaves no time to claim; write e.g. \"2 billing cycles\""
                ))),
                Some(n) if n <= 24 => Ok(ClaimWindow::BillingCycles(n)),
                Some(n) => Err(UnitError::new(format!(
                    "invalid claim window \"{text}\": {n} billing cycles is more than two years; write e.g. \"2 billing cycles\""
                ))),
                None => Err(UnitError::new(format!(
                    "invalid claim window \"{text}\": say which billing cycle, e.g. \"2 billing cycles\" (by the end of the second billing cycle)"
                ))),
            };
        }
        text.parse().map(ClaimWindow::Within).map_err(|e: UnitError| {
            UnitError::new(format!(
                "{}; a claim window is a time (\"60d\") or billing cycles (\"2 billing cycles\")",
                e.message
            ))
        })
    }
}

impl fmt::Display for ClaimWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClaimWindow::Within(d) => d.fmt(f),
            ClaimWindow::BillingCycles(1) => f.write_str("1 billing cycle"),
            ClaimWindow::BillingCycles(n) => write!(f, "{n} billing cycles"),
        }
    }
}

crate::units::string_form!(
    ClaimWindow,
    "ClaimWindow",
    r"^.+$",
    "By when a credit must be claimed: a time after the end of the period measured (\"60d\", \"30 business days\"), or billing cycles (\"2 billing cycles\": by the end of the second billing cycle).",
    ["60d", "2 billing cycles"]
);

/// One credit tier.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreditTier {
    /// Applies when the measured value is below this.
    pub below: Typed<Percent>,
    /// The credit owed, as a share of the basis.
    pub credit: Typed<Percent>,
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
    pub end_date: Option<Typed<Date>>,
}

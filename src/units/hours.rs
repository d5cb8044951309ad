//! The hours of a support channel or a service action: the agreement's
//! service hours, or any weekly schedule.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Schedule, Typed, UnitError, string_form};

/// When a support channel is staffed or a service action is available: the
/// agreement's service hours, or any weekly schedule (`"24x7"`,
/// `"Mon-Fri 09:00-17:30"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Hours {
    /// The agreement's service hours.
    #[default]
    ServiceHours,
    /// Its own weekly schedule.
    Schedule(Schedule),
}

impl Hours {
    /// The schedule these hours stand for, given the agreement's service
    /// hours (`None` when those are not stated).
    pub fn resolve<'a>(&'a self, service: Option<&'a Schedule>) -> Option<&'a Schedule> {
        match self {
            Hours::ServiceHours => service,
            Hours::Schedule(s) => Some(s),
        }
    }

    /// As printed: "Service hours", "24x7", "Mon-Fri 09:00-17:30".
    pub fn label(&self) -> String {
        match self {
            Hours::ServiceHours => "Service hours".to_owned(),
            Hours::Schedule(s) => s.to_string(),
        }
    }
}

impl Typed<Hours> {
    /// The schedule these hours stand for, given the agreement's service
    /// hours (`None` when those are not stated or not read yet); `None` too
    /// while these hours are as typed.
    pub fn resolve<'a>(&'a self, service: Option<&'a Schedule>) -> Option<&'a Schedule> {
        self.read().and_then(|h| h.resolve(service))
    }
}

impl FromStr for Hours {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("service_hours") || t.eq_ignore_ascii_case("service hours") {
            return Ok(Hours::ServiceHours);
        }
        t.parse().map(Hours::Schedule).map_err(|e: UnitError| {
            UnitError::new(format!(
                "{}; or \"service_hours\" for the agreement's service hours",
                e.message
            ))
        })
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hours::ServiceHours => f.write_str("service_hours"),
            Hours::Schedule(s) => s.fmt(f),
        }
    }
}

string_form!(
    Hours,
    "Hours",
    r"^.+$",
    "When a channel is staffed or an action is available: \"service_hours\" (the agreement's), \"24x7\", or a weekly schedule like \"Mon-Fri 09:00-17:30\".",
    ["service_hours", "24x7", "Mon-Fri 09:00-17:30"]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours() {
        assert_eq!(
            "service_hours".parse::<Hours>().unwrap(),
            Hours::ServiceHours
        );
        assert_eq!(
            "24x7".parse::<Hours>().unwrap(),
            Hours::Schedule(Schedule::always())
        );
        let h: Hours = "Mon-Fri 09:00-17:30".parse().unwrap();
        assert_eq!(h.to_string(), "Mon-Fri 09:00-17:30");
        assert!("whenever".parse::<Hours>().is_err());
    }
}

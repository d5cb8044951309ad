//! Times of day to the minute on a 24-hour clock, `"08:00"`; `"24:00"` is
//! the end of a day.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{UnitError, string_form};

/// A time of day to the minute, `"08:00"`; `"24:00"` marks the end of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TimeOfDay {
    minutes: u16,
}

impl TimeOfDay {
    /// Midnight at the start of a day.
    pub const MIDNIGHT: TimeOfDay = TimeOfDay { minutes: 0 };
    /// Midnight at the end of a day (`"24:00"`).
    pub const END_OF_DAY: TimeOfDay = TimeOfDay { minutes: 24 * 60 };

    /// A time from hours and minutes; `None` outside 00:00-24:00.
    pub const fn new(hour: u16, minute: u16) -> Option<Self> {
        if minute >= 60 || hour > 24 || (hour == 24 && minute != 0) {
            None
        } else {
            Some(Self {
                minutes: hour * 60 + minute,
            })
        }
    }

    /// Minutes since midnight.
    pub const fn minutes(self) -> u16 {
        self.minutes
    }
}

impl FromStr for TimeOfDay {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || {
            UnitError::new(format!(
                "invalid time of day \"{text}\": write it as HH:MM on a 24-hour clock, like \"08:00\" or \"17:30\""
            ))
        };
        let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(bad());
        }
        let hour: u16 = h.parse().map_err(|_| bad())?;
        let minute: u16 = m.parse().map_err(|_| bad())?;
        TimeOfDay::new(hour, minute).ok_or_else(bad)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

string_form!(
    TimeOfDay,
    "TimeOfDay",
    r"^\s*[0-9]{1,2}:[0-9]{2}\s*$",
    "A time of day on a 24-hour clock, \"HH:MM\"; \"24:00\" is the end of the day.",
    ["08:00", "18:00"]
);

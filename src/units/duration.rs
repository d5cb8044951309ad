//! Lengths of time: elapsed seconds (`"4h"`, `"30 min"`, `"1h 30 min"`,
//! `"3d"`) or whole business days (`"3bd"`), which only a service-hours
//! calendar can turn into time.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{UnitError, string_form};

/// A length of time: elapsed time stored to the second (response and
/// resolution times, RTO and RPO, maintenance window lengths), or a whole
/// number of business days, which only the agreement's service-hours
/// calendar (its business days and holidays) can turn into time.
///
/// Written as `"4h"`, `"30 min"`, `"1h 30 min"`, `"3d"`, `"45s"` or `"3bd"`;
/// read also from `"30 minutes"`, `"2 days"`, `"1 week"`, `"1.5h"`, `"90m"`,
/// `"3 business days"`, `"3 bd"`. Business days are never mixed with other
/// units, and a calendar day (`"3d"`) is never a business day.
///
/// There is no ordering: whether `"1bd"` is longer than `"12h"` depends on the
/// calendar and the clock (see `downtime::Calendar::elapsed_secs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Duration {
    /// Seconds, or business days when `business` is set.
    amount: u64,
    business: bool,
}

impl Duration {
    /// A duration of this many seconds.
    pub const fn from_secs(seconds: u64) -> Self {
        Self {
            amount: seconds,
            business: false,
        }
    }

    /// A duration of this many minutes.
    pub const fn from_mins(minutes: u64) -> Self {
        Self::from_secs(minutes * 60)
    }

    /// A duration of this many hours.
    pub const fn from_hours(hours: u64) -> Self {
        Self::from_secs(hours * 3600)
    }

    /// A duration of this many days of 24 hours.
    pub const fn from_days(days: u64) -> Self {
        Self::from_secs(days * 86_400)
    }

    /// A duration of this many business days.
    pub const fn from_business_days(days: u32) -> Self {
        Self {
            amount: days as u64,
            business: true,
        }
    }

    /// The number of business days, for a duration written in them.
    pub const fn business_days(self) -> Option<u32> {
        if self.business {
            Some(self.amount as u32)
        } else {
            None
        }
    }

    /// The elapsed seconds, for a duration that is not in business days.
    pub const fn elapsed_secs(self) -> Option<u64> {
        if self.business {
            None
        } else {
            Some(self.amount)
        }
    }

    /// True for no time at all.
    pub const fn is_zero(self) -> bool {
        self.amount == 0
    }

    /// The seconds this duration stands for, counting a business day as
    /// `business_day_secs` (what one business day is worth on the clock in
    /// use: its service time, or the elapsed time it spans on average).
    pub const fn secs_with(self, business_day_secs: u64) -> u64 {
        if self.business {
            self.amount * business_day_secs
        } else {
            self.amount
        }
    }

    /// Spelled out for a reader: `"1 hour 30 minutes"`, `"3 days"`,
    /// `"3 business days"`.
    pub fn to_words(self) -> String {
        if self.business {
            return match self.amount {
                1 => "1 business day".to_owned(),
                n => format!("{n} business days"),
            };
        }
        if self.amount == 0 {
            return "0 minutes".to_owned();
        }
        let mut parts = Vec::new();
        let mut rest = self.amount;
        for (size, one, many) in [
            (86_400u64, "day", "days"),
            (3600, "hour", "hours"),
            (60, "minute", "minutes"),
            (1, "second", "seconds"),
        ] {
            let n = rest / size;
            rest %= size;
            if n > 0 {
                parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        parts.join(" ")
    }
}

/// Seconds per unit for every spelling the parser accepts.
fn duration_unit(unit: &str) -> Option<u64> {
    Some(match unit {
        "s" | "sec" | "secs" | "second" | "seconds" => 1,
        "m" | "min" | "mins" | "minute" | "minutes" => 60,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86_400,
        "w" | "wk" | "week" | "weeks" => 604_800,
        _ => return None,
    })
}

/// Splits `"1.5h 30 min"` into `[("1.5", "h"), ("30", "min")]`.
fn number_unit_pairs(text: &str) -> Result<Vec<(&str, &str)>, String> {
    let mut pairs = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if num_end == 0 {
            return Err(format!("expected a number at `{rest}`"));
        }
        let number = &rest[..num_end];
        rest = rest[num_end..].trim_start();
        let unit_end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        if unit_end == 0 {
            return Err(format!("`{number}` has no unit"));
        }
        let mut unit = &rest[..unit_end];
        rest = rest[unit_end..].trim_start_matches([' ', ',']);
        // "3 business days": the unit is two words.
        if unit == "business" || unit == "working" {
            let next_end = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            if matches!(&rest[..next_end], "day" | "days") {
                unit = "bd";
                rest = rest[next_end..].trim_start_matches([' ', ',']);
            }
        }
        pairs.push((number, unit));
    }
    Ok(pairs)
}

impl FromStr for Duration {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let hint =
            "write it like \"4h\", \"30 min\", \"1h 30 min\", \"3d\" or \"3bd\" (business days)";
        let lowered = text.trim().to_ascii_lowercase();
        if lowered.is_empty() {
            return Err(UnitError::new(format!("empty duration; {hint}")));
        }
        if lowered.starts_with('-') {
            return Err(UnitError::new(format!(
                "invalid duration \"{text}\": a duration cannot be negative; {hint}"
            )));
        }
        let pairs = number_unit_pairs(&lowered)
            .map_err(|e| UnitError::new(format!("invalid duration \"{text}\": {e}; {hint}")))?;
        let business: Vec<_> = pairs
            .iter()
            .filter(|(_, u)| matches!(*u, "bd" | "bday" | "bdays"))
            .collect();
        if !business.is_empty() {
            if pairs.len() > 1 {
                return Err(UnitError::new(format!(
                    "invalid duration \"{text}\": business days cannot be combined with other units; write whole business days (\"3bd\") or elapsed time (\"4h\")"
                )));
            }
            let number = pairs[0].0;
            let days: u32 = number.parse().map_err(|_| {
                UnitError::new(format!(
                    "invalid duration \"{text}\": business days are counted whole, `{number}` is not a whole number; write e.g. \"3bd\", or give the time in hours"
                ))
            })?;
            if days == 0 {
                return Err(UnitError::new(format!(
                    "invalid duration \"{text}\": 0 business days is no time at all; write at least \"1bd\", or a time in hours or minutes"
                )));
            }
            if days > 2600 {
                return Err(UnitError::new(format!(
                    "duration \"{text}\" is longer than ten years; {hint}"
                )));
            }
            return Ok(Duration::from_business_days(days));
        }
        let mut total: f64 = 0.0;
        for (number, unit) in pairs {
            let size = duration_unit(unit).ok_or_else(|| {
                UnitError::new(format!(
                    "invalid duration \"{text}\": unknown unit `{unit}` (use s, min, h, d, w or bd for business days); {hint}"
                ))
            })?;
            let value: f64 = number.parse().map_err(|_| {
                UnitError::new(format!(
                    "invalid duration \"{text}\": `{number}` is not a number; {hint}"
                ))
            })?;
            total += value * size as f64;
        }
        // Ten years is far beyond any agreement; it also keeps the
        // arithmetic below exact in f64.
        if total > 10.0 * 366.0 * 86_400.0 {
            return Err(UnitError::new(format!(
                "duration \"{text}\" is longer than ten years; {hint}"
            )));
        }
        let rounded = total.round();
        if (total - rounded).abs() > 1e-6 {
            return Err(UnitError::new(format!(
                "duration \"{text}\" is not a whole number of seconds; {hint}"
            )));
        }
        Ok(Duration::from_secs(rounded as u64))
    }
}

impl fmt::Display for Duration {
    /// The canonical form: `"3d"`, `"4h"`, `"1h 30 min"`, `"45s"`, `"3bd"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.business {
            return write!(f, "{}bd", self.amount);
        }
        if self.amount == 0 {
            return f.write_str("0 min");
        }
        let mut rest = self.amount;
        let mut first = true;
        for (size, unit) in [(86_400u64, "d"), (3600, "h"), (60, " min"), (1, "s")] {
            let n = rest / size;
            rest %= size;
            if n > 0 {
                if !first {
                    f.write_str(" ")?;
                }
                write!(f, "{n}{unit}")?;
                first = false;
            }
        }
        Ok(())
    }
}

string_form!(
    Duration,
    "Duration",
    r"^\s*([0-9]+(\.[0-9]+)?\s*[A-Za-z]+(\s+[Dd]ays?)?[\s,]*)+$",
    "A length of time: a number and a unit (s, min, h, d, w), e.g. \"4h\", \"30 min\", \"1h 30 min\", \"3d\"; or whole business days on the agreement's calendar, \"3bd\" (also read, and saved in that form: \"4 hours\", \"4 hrs\", \"30 mins\", \"2 business days\", \"2 working days\").",
    ["4h", "30 min", "1h 30 min", "3d", "3bd"]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_in_human_forms_and_write_canonically() {
        for (input, canonical, secs) in [
            ("4h", "4h", 14_400),
            ("30 min", "30 min", 1800),
            ("30 minutes", "30 min", 1800),
            ("1h 30m", "1h 30 min", 5400),
            ("1.5h", "1h 30 min", 5400),
            ("3 days", "3d", 259_200),
            ("1 week", "7d", 604_800),
            ("45s", "45s", 45),
            ("400d", "400d", 400 * 86_400),
        ] {
            let d: Duration = input.parse().unwrap();
            assert_eq!(d.elapsed_secs().unwrap(), secs, "{input}");
            assert_eq!(d.to_string(), canonical, "{input}");
            assert_eq!(canonical.parse::<Duration>().unwrap(), d);
        }
    }

    #[test]
    fn durations_as_people_write_them() {
        for (text, canonical) in [
            ("4 hours", "4h"),
            ("4 hrs", "4h"),
            ("4 Hours", "4h"),
            ("30 mins", "30 min"),
            ("30 minutes", "30 min"),
            ("2 business days", "2bd"),
            ("2 working days", "2bd"),
            ("2 Working Days", "2bd"),
        ] {
            let d: Duration = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(d.to_string(), canonical, "{text}");
            assert_eq!(d, canonical.parse().unwrap(), "{text}");
        }
        for text in ["soon", "4", "a few hours", "2 business", "4 hourz"] {
            assert!(text.parse::<Duration>().is_err(), "{text}");
        }
    }

    #[test]
    fn bad_durations_say_what_is_wrong() {
        let err = "4 hourz".parse::<Duration>().unwrap_err();
        assert!(err.message.contains("unknown unit `hourz`"), "{err}");
        let err = "soon".parse::<Duration>().unwrap_err();
        assert!(err.message.contains("expected a number"), "{err}");
        let err = "15".parse::<Duration>().unwrap_err();
        assert!(err.message.contains("has no unit"), "{err}");
        assert!("0.3s".parse::<Duration>().is_err());
        assert!("".parse::<Duration>().is_err());
        assert!("99999999999999999999d".parse::<Duration>().is_err());
    }

    #[test]
    fn durations_in_words() {
        assert_eq!(Duration::from_mins(90).to_words(), "1 hour 30 minutes");
        assert_eq!(Duration::from_days(1).to_words(), "1 day");
    }

    #[test]
    fn business_days() {
        for (input, canonical, days) in [
            ("3bd", "3bd", 3),
            ("3 bd", "3bd", 3),
            ("3 business days", "3bd", 3),
            ("1 business day", "1bd", 1),
            ("3 business day", "3bd", 3),
            ("2 working days", "2bd", 2),
        ] {
            let d: Duration = input.parse().unwrap();
            assert_eq!(d.business_days(), Some(days), "{input}");
            assert_eq!(d.to_string(), canonical, "{input}");
            assert_eq!(d.elapsed_secs(), None);
        }
        assert_eq!(
            Duration::from_business_days(3).to_words(),
            "3 business days"
        );
        assert_eq!(Duration::from_days(3).to_words(), "3 days");
        for bad in ["0bd", "-3bd", "1.5bd", "1bd 4h"] {
            let err = bad.parse::<Duration>().unwrap_err();
            assert!(err.message.contains(bad), "{bad}: {err}");
        }
    }
}

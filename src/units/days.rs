//! Sets of weekdays: `"Mon-Fri"`, `"Sat-Sun"`, `"Mon,Wed,Fri"`,
//! `"Mon-Sun"`.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{UnitError, string_form};

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A set of weekdays, written `"Mon-Fri"`, `"Sat-Sun"`, `"Mon,Wed,Fri"` or
/// `"Mon-Sun"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Days {
    /// Bit 0 is Monday, bit 6 is Sunday.
    pub(super) mask: u8,
}

impl Days {
    /// Every day of the week.
    pub const ALL: Days = Days { mask: 0b111_1111 };
    /// Monday to Friday.
    pub const WEEKDAYS: Days = Days { mask: 0b001_1111 };

    /// True when the set holds this weekday (0 = Monday ... 6 = Sunday).
    pub const fn contains(self, monday_zero: u8) -> bool {
        monday_zero < 7 && self.mask & (1 << monday_zero) != 0
    }

    /// True when the set holds this weekday.
    pub fn contains_weekday(self, day: jiff::civil::Weekday) -> bool {
        self.contains(day.to_monday_zero_offset() as u8)
    }

    /// The days for which `keep` (0 = Monday) is true.
    pub fn from_fn(keep: impl Fn(u8) -> bool) -> Days {
        Days {
            mask: (0..7u8).filter(|d| keep(*d)).fold(0, |m, d| m | 1 << d),
        }
    }

    /// In words, as a day is described: "a weekday (Monday to Friday)",
    /// "a Monday, Wednesday or Friday", "any day of the week".
    pub fn to_words(self) -> String {
        const FULL: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        if self == Days::WEEKDAYS {
            return "a weekday (Monday to Friday)".to_owned();
        }
        if self == Days::ALL {
            return "any day of the week".to_owned();
        }
        let names: Vec<&str> = (0..7u8)
            .filter(|d| self.contains(*d))
            .map(|d| FULL[d as usize])
            .collect();
        match names.as_slice() {
            [] => "no day".to_owned(),
            [one] => format!("a {one}"),
            [rest @ .., last] => format!("a {} or {last}", rest.join(", ")),
        }
    }

    /// How many days the set holds.
    pub const fn count(self) -> u32 {
        self.mask.count_ones()
    }

    /// True when no day is in the set.
    pub const fn is_empty(self) -> bool {
        self.mask == 0
    }

    /// True when the two sets share a day.
    pub const fn overlaps(self, other: Days) -> bool {
        self.mask & other.mask != 0
    }
}

pub(super) fn day_index(name: &str) -> Option<u8> {
    let lower = name.trim().to_ascii_lowercase();
    let full = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    // "Mondays" as well as "Monday", "Mon" and "mon".
    let find = |name: &str| {
        full.iter()
            .position(|f| name.len() >= 3 && f.starts_with(name))
            .map(|i| i as u8)
    };
    find(&lower).or_else(|| lower.strip_suffix('s').and_then(find))
}

impl FromStr for Days {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = |what: &str| {
            UnitError::new(format!(
                "invalid days \"{text}\": {what}; write them like \"Mon-Fri\", \"Sat,Sun\" or \"Mon-Sun\""
            ))
        };
        let lower = text.trim().to_ascii_lowercase();
        if lower == "daily" || lower == "every day" {
            return Ok(Days::ALL);
        }
        if lower == "weekdays" || lower == "weekday" {
            return Ok(Days::WEEKDAYS);
        }
        if lower == "weekends" || lower == "weekend" {
            return Ok(Days { mask: 0b110_0000 });
        }
        let mut mask = 0u8;
        for part in lower.split(',') {
            let part = part.trim();
            if part.is_empty() {
                return Err(bad("a day is missing between commas"));
            }
            if let Some((from, to)) = part.split_once('-') {
                let a = day_index(from).ok_or_else(|| bad(&format!("`{from}` is not a day")))?;
                let b = day_index(to).ok_or_else(|| bad(&format!("`{to}` is not a day")))?;
                if a > b {
                    return Err(bad(&format!("the range `{part}` runs backwards")));
                }
                for d in a..=b {
                    mask |= 1 << d;
                }
            } else {
                let d = day_index(part).ok_or_else(|| bad(&format!("`{part}` is not a day")))?;
                mask |= 1 << d;
            }
        }
        Ok(Days { mask })
    }
}

impl fmt::Display for Days {
    /// Canonical form: runs of three or more days as ranges (`"Mon-Fri"`),
    /// others listed (`"Sat,Sun"`, `"Mon,Wed,Fri"`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        let mut d = 0u8;
        while d < 7 {
            if self.contains(d) {
                let start = d;
                while d + 1 < 7 && self.contains(d + 1) {
                    d += 1;
                }
                if d - start >= 2 {
                    parts.push(format!(
                        "{}-{}",
                        DAY_NAMES[start as usize], DAY_NAMES[d as usize]
                    ));
                } else {
                    for i in start..=d {
                        parts.push(DAY_NAMES[i as usize].to_owned());
                    }
                }
            }
            d += 1;
        }
        f.write_str(&parts.join(","))
    }
}

string_form!(
    Days,
    "Days",
    r"^[A-Za-z ,\-]+$",
    "Days of the week, e.g. \"Mon-Fri\", \"Sat,Sun\", \"Mon-Sun\".",
    ["Mon-Fri", "Sat,Sun"]
);

//! Calendar dates, `"2026-01-01"`, and how a reader sees them
//! (`"1 January 2026"`).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{UnitError, string_form};

/// A calendar date, `"2026-01-01"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub jiff::civil::Date);

impl Date {
    /// A date from year, month and day; `None` when no such date exists.
    pub fn new(year: i16, month: i8, day: i8) -> Option<Self> {
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }

    /// Written out for a reader: `"1 January 2026"`.
    pub fn to_words(self) -> String {
        self.0.strftime("%-d %B %Y").to_string()
    }
}

impl FromStr for Date {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let well_formed = trimmed.len() == 10
            && trimmed.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !well_formed {
            return Err(UnitError::new(format!(
                "invalid date \"{text}\": write it as YYYY-MM-DD, like \"2026-01-31\""
            )));
        }
        trimmed
            .parse::<jiff::civil::Date>()
            .map(Date)
            .map_err(|_| UnitError::new(format!("invalid date \"{text}\": there is no such day")))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

string_form!(
    Date,
    "Date",
    r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$",
    "A calendar date, \"YYYY-MM-DD\".",
    ["2026-01-01"]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(Date::new(2026, 1, 1).unwrap().to_words(), "1 January 2026");
        assert!("2026-02-30".parse::<Date>().is_err());
        assert!("01/02/2026".parse::<Date>().is_err());
    }
}

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
    /// Today, in the system's time zone.
    pub fn today() -> Self {
        Date(jiff::Zoned::now().date())
    }

    /// A date from year, month and day; `None` when no such date exists.
    pub fn new(year: i16, month: i8, day: i8) -> Option<Self> {
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }

    /// Written out for a reader: `"1 January 2026"`.
    pub fn to_words(self) -> String {
        self.0.strftime("%-d %B %Y").to_string()
    }
}

/// A date written out, `"1 April 2026"`, `"1st April 2026"`, `"April 1,
/// 2026"`, `"Apr 1 2026"`; `None` when the text is not of that form,
/// `Some(Err)` when it is but there is no such day.
fn in_words(text: &str) -> Option<Result<Date, UnitError>> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = text.trim().to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [a, b, year] = words.as_slice() else {
        return None;
    };
    let month_of = |w: &str| {
        let w = w.trim_end_matches('.');
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && m.starts_with(w))
            .map(|i| i as i8 + 1)
    };
    let day_of = |w: &str| {
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| w.strip_suffix(s))
            .unwrap_or(w);
        (digits.len() <= 2)
            .then(|| digits.parse::<i8>().ok())
            .flatten()
    };
    let (day, month) = match (day_of(a), month_of(b), month_of(a), day_of(b)) {
        (Some(d), Some(m), _, _) | (_, _, Some(m), Some(d)) => (d, m),
        _ => return None,
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i16 = year.parse().ok()?;
    Some(
        Date::new(year, month, day).ok_or_else(|| {
            UnitError::new(format!("invalid date \"{text}\": there is no such day"))
        }),
    )
}

impl FromStr for Date {
    type Err = UnitError;

    /// Reads `"2026-04-01"`, and dates written out: `"1 April 2026"`,
    /// `"April 1, 2026"`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Some(date) = in_words(text) {
            return date;
        }
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
                "invalid date \"{text}\": write it as YYYY-MM-DD, like \"2026-01-31\", or as \"31 January 2026\""
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
    "A calendar date, \"YYYY-MM-DD\" (also read, and saved in that form: \"1 April 2026\", \"April 1, 2026\").",
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

    #[test]
    fn dates_as_people_write_them() {
        let want = Date::new(2026, 4, 1).unwrap();
        for text in [
            "1 April 2026",
            "April 1, 2026",
            "1st April 2026",
            "Apr 1 2026",
            "1 apr. 2026",
            " 2026-04-01 ",
        ] {
            let d: Date = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(d, want, "{text}");
            // Written back in the canonical ISO form.
            assert_eq!(d.to_string(), "2026-04-01");
        }
        for text in [
            "31 April 2026",
            "April 2026",
            "1 Aprel 2026",
            "1 April 26",
            "next Tuesday",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
        let err = "31 April 2026".parse::<Date>().unwrap_err();
        assert!(err.message.contains("no such day"), "{err}");
    }
}

//! Typed values with units, read from and written as the human forms a
//! service owner types: `"4h"`, `"30 min"`, `"99.95%"`, `"08:00"`,
//! `"Mon-Fri"`, `"2026-01-01"`.
//!
//! Every type here has one canonical written form, so a draft that was saved
//! by Pactwright loads and saves back to the same bytes. Parsing is lenient
//! about spacing and unit spellings (`"30 minutes"`, `"1h 30m"`), and every
//! parse error says what was expected with an example.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value that could not be read from its human form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct UnitError {
    /// What was wrong and what was expected.
    pub message: String,
}

impl UnitError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

/// Implements `Serialize`, `Deserialize` and `JsonSchema` for a type that
/// has `FromStr` and `Display`, so it is stored as its human string form.
macro_rules! string_form {
    ($ty:ty, $name:literal, $pattern:expr, $description:literal, [$($example:literal),*]) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = Cow::<str>::deserialize(deserializer)?;
                text.parse().map_err(|e: UnitError| serde::de::Error::custom(e.message))
            }
        }

        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description,
                    "examples": [$($example),*]
                })
            }
        }
    };
}
pub(crate) use string_form;

// ---------------------------------------------------------------------------
// Duration

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
    "A length of time: a number and a unit (s, min, h, d, w), e.g. \"4h\", \"30 min\", \"1h 30 min\", \"3d\"; or whole business days on the agreement's calendar, \"3bd\".",
    ["4h", "30 min", "1h 30 min", "3d", "3bd"]
);

// ---------------------------------------------------------------------------
// Percent

/// A percentage with up to four decimal places, held exactly: availability
/// targets (`"99.95%"`), credit tiers (`"10%"`), caps.
///
/// Values outside 0-100 are representable (a credit cap of 150% is a
/// mistake a check reports, not a file that cannot be opened).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent {
    /// Ten-thousandths of a percent: 99.95% is 999_500.
    ten_thousandths: i64,
}

impl Percent {
    /// The number of ten-thousandths of a percent in 100%.
    const SCALE: i64 = 10_000;

    /// A whole percentage.
    pub const fn whole(percent: i64) -> Self {
        Self {
            ten_thousandths: percent * Self::SCALE,
        }
    }

    /// A percentage from ten-thousandths of a percent (`999_500` is 99.95%).
    pub const fn from_ten_thousandths(value: i64) -> Self {
        Self {
            ten_thousandths: value,
        }
    }

    /// Ten-thousandths of a percent.
    pub const fn ten_thousandths(self) -> i64 {
        self.ten_thousandths
    }

    /// The value as a fraction of one (99.95% is 0.9995).
    pub fn as_fraction(self) -> f64 {
        self.ten_thousandths as f64 / (100 * Self::SCALE) as f64
    }

    /// The complement as an exact ratio of ten-thousandths of a percent:
    /// for 99.95% this is 500 (out of 1_000_000).
    pub const fn shortfall_parts_per_million(self) -> i64 {
        100 * Self::SCALE - self.ten_thousandths
    }

    /// True when 0% <= value <= 100%.
    pub const fn is_proportion(self) -> bool {
        self.ten_thousandths >= 0 && self.ten_thousandths <= 100 * Self::SCALE
    }
}

impl FromStr for Percent {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let hint = "write it like \"99.95%\"";
        let trimmed = text.trim();
        let Some(number) = trimmed.strip_suffix('%') else {
            return Err(UnitError::new(format!(
                "invalid percentage \"{text}\": it must end with `%`; {hint}"
            )));
        };
        let number = number.trim_end();
        let (negative, digits) = match number.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, number),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let is_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !is_digits(whole) || !is_digits(fraction) {
            return Err(UnitError::new(format!(
                "invalid percentage \"{text}\": `{number}` is not a number; {hint}"
            )));
        }
        if fraction.len() > 4 {
            return Err(UnitError::new(format!(
                "invalid percentage \"{text}\": at most four decimal places are supported; {hint}"
            )));
        }
        if whole.len() > 9 {
            return Err(UnitError::new(format!(
                "invalid percentage \"{text}\": the number is too large; {hint}"
            )));
        }
        let whole: i64 = whole
            .parse()
            .map_err(|_| UnitError::new(format!("invalid percentage \"{text}\"; {hint}")))?;
        let mut frac_value: i64 = 0;
        for i in 0..4 {
            let digit = fraction
                .as_bytes()
                .get(i)
                .map_or(0, |b| i64::from(b - b'0'));
            frac_value = frac_value * 10 + digit;
        }
        let magnitude = whole * Self::SCALE + frac_value;
        Ok(Percent {
            ten_thousandths: if negative { -magnitude } else { magnitude },
        })
    }
}

impl fmt::Display for Percent {
    /// The canonical form: `"99.95%"`, `"100%"`, `"-1%"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.ten_thousandths < 0 { "-" } else { "" };
        let magnitude = self.ten_thousandths.unsigned_abs();
        let whole = magnitude / Self::SCALE as u64;
        let fraction = magnitude % Self::SCALE as u64;
        if fraction == 0 {
            write!(f, "{sign}{whole}%")
        } else {
            let digits = format!("{fraction:04}");
            write!(f, "{sign}{whole}.{}%", digits.trim_end_matches('0'))
        }
    }
}

string_form!(
    Percent,
    "Percent",
    r"^\s*-?[0-9]+(\.[0-9]{1,4})?\s*%\s*$",
    "A percentage with up to four decimals, e.g. \"99.95%\".",
    ["99.95%", "10%"]
);

// ---------------------------------------------------------------------------
// Time of day

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

// ---------------------------------------------------------------------------
// Dates

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

// ---------------------------------------------------------------------------
// Days of the week

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A set of weekdays, written `"Mon-Fri"`, `"Sat-Sun"`, `"Mon,Wed,Fri"` or
/// `"Mon-Sun"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Days {
    /// Bit 0 is Monday, bit 6 is Sunday.
    mask: u8,
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

fn day_index(name: &str) -> Option<u8> {
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
    full.iter()
        .position(|f| lower.len() >= 3 && f.starts_with(&lower))
        .map(|i| i as u8)
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
        if lower == "weekdays" {
            return Ok(Days::WEEKDAYS);
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

// ---------------------------------------------------------------------------
// Weekly schedule

/// One stretch of hours on a set of weekdays: `"Mon-Fri 08:00-18:00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Window {
    /// The days the window applies on.
    pub days: Days,
    /// When it opens, local time.
    pub start: TimeOfDay,
    /// When it closes, local time (after `start`; `24:00` for end of day).
    pub end: TimeOfDay,
}

/// A weekly calendar of service hours: `"24x7"`, or windows separated by
/// semicolons, `"Mon-Fri 08:00-18:00; Sat 09:00-13:00"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Schedule {
    windows: Vec<Window>,
}

impl Schedule {
    /// Around the clock, every day.
    pub fn always() -> Self {
        Schedule {
            windows: vec![Window {
                days: Days::ALL,
                start: TimeOfDay::MIDNIGHT,
                end: TimeOfDay::END_OF_DAY,
            }],
        }
    }

    /// A schedule from its windows.
    pub fn from_windows(windows: Vec<Window>) -> Self {
        Schedule { windows }
    }

    /// The windows, in the order written.
    pub fn windows(&self) -> &[Window] {
        &self.windows
    }

    /// True for a 24x7 schedule.
    pub fn is_always(&self) -> bool {
        self.weekly_minutes() == 7 * 24 * 60
    }

    /// Minutes of service per day for a weekday (0 = Monday), counting
    /// overlapping windows once.
    pub fn minutes_on(&self, monday_zero: u8) -> u32 {
        let mut covered = [false; 24 * 60];
        for w in self.windows.iter().filter(|w| w.days.contains(monday_zero)) {
            for slot in covered
                .iter_mut()
                .take(w.end.minutes() as usize)
                .skip(w.start.minutes() as usize)
            {
                *slot = true;
            }
        }
        covered.iter().filter(|c| **c).count() as u32
    }

    /// The open intervals on a weekday, merged and sorted, as minutes since
    /// midnight.
    pub fn intervals_on(&self, monday_zero: u8) -> Vec<(u16, u16)> {
        let mut spans: Vec<(u16, u16)> = self
            .windows
            .iter()
            .filter(|w| w.days.contains(monday_zero))
            .map(|w| (w.start.minutes(), w.end.minutes()))
            .collect();
        spans.sort_unstable();
        let mut merged: Vec<(u16, u16)> = Vec::new();
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    /// True when the two schedules share any minute of the week.
    pub fn overlaps(&self, other: &Schedule) -> bool {
        (0..7).any(|day| {
            let theirs = other.intervals_on(day);
            self.intervals_on(day)
                .iter()
                .any(|&(s, e)| theirs.iter().any(|&(ts, te)| s < te && ts < e))
        })
    }

    /// Minutes of service in a week with no holidays.
    pub fn weekly_minutes(&self) -> u32 {
        (0..7).map(|d| self.minutes_on(d)).sum()
    }
}

/// A window that runs from one day to another, `"Fri 18:00-Mon 08:00"`,
/// as the windows of each day it covers (Fri 18:00-24:00; Sat-Sun
/// 00:00-24:00; Mon 00:00-08:00). `None` when `part` is not of that form.
fn spanning_window(part: &str) -> Result<Option<Vec<Window>>, UnitError> {
    let Some((from, to)) = part.split_once('-') else {
        return Ok(None);
    };
    let (Some((d1, t1)), Some((d2, t2))) = (from.trim().split_once(' '), to.trim().split_once(' '))
    else {
        return Ok(None);
    };
    let (Some(first), Some(last)) = (day_index(d1), day_index(d2)) else {
        return Ok(None);
    };
    let start: TimeOfDay = t1.parse()?;
    let end: TimeOfDay = t2.parse()?;
    let one = |d: u8| Days { mask: 1 << d };
    let mut windows = Vec::new();
    if first == last {
        if end > start {
            windows.push(Window {
                days: one(first),
                start,
                end,
            });
            return Ok(Some(windows));
        }
        return Err(UnitError::new(format!(
            "invalid service hours \"{part}\": a window from a day back to the same day would last a week; write it as \"{d1} {start}-{end}\""
        )));
    }
    if start < TimeOfDay::END_OF_DAY {
        windows.push(Window {
            days: one(first),
            start,
            end: TimeOfDay::END_OF_DAY,
        });
    }
    let mut mask = 0u8;
    let mut d = (first + 1) % 7;
    while d != last {
        mask |= 1 << d;
        d = (d + 1) % 7;
    }
    if mask != 0 {
        windows.push(Window {
            days: Days { mask },
            start: TimeOfDay::MIDNIGHT,
            end: TimeOfDay::END_OF_DAY,
        });
    }
    if end > TimeOfDay::MIDNIGHT {
        windows.push(Window {
            days: one(last),
            start: TimeOfDay::MIDNIGHT,
            end,
        });
    }
    Ok(Some(windows))
}

impl FromStr for Schedule {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let hint = "write it like \"24x7\" or \"Mon-Fri 08:00-18:00; Sat 09:00-13:00\"";
        let trimmed = text.trim();
        if trimmed.eq_ignore_ascii_case("24x7") || trimmed.eq_ignore_ascii_case("24/7") {
            return Ok(Schedule::always());
        }
        if trimmed.is_empty() {
            return Err(UnitError::new(format!("empty service hours; {hint}")));
        }
        let mut windows = Vec::new();
        for part in trimmed.split(';') {
            let part = part.trim();
            if let Some(spanning) = spanning_window(part)? {
                windows.extend(spanning);
                continue;
            }
            let (days, hours) = part.rsplit_once(' ').ok_or_else(|| {
                UnitError::new(format!(
                    "invalid service hours \"{part}\": expected days then hours; {hint}"
                ))
            })?;
            let days: Days = days.parse()?;
            let (start, end) = hours.split_once('-').ok_or_else(|| {
                UnitError::new(format!(
                    "invalid service hours \"{part}\": expected a range of times like 08:00-18:00; {hint}"
                ))
            })?;
            let start: TimeOfDay = start.parse()?;
            let end: TimeOfDay = end.parse()?;
            if end <= start {
                return Err(UnitError::new(format!(
                    "invalid service hours \"{part}\": {end} is not after {start}; a window that runs past midnight is written with its days, e.g. \"Fri 18:00-Mon 08:00\", or as two windows, \"Mon-Fri 22:00-24:00; Tue-Sat 00:00-06:00\""
                )));
            }
            windows.push(Window { days, start, end });
        }
        Ok(Schedule { windows })
    }
}

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.windows.len() == 1 && self.is_always() {
            return f.write_str("24x7");
        }
        let parts: Vec<String> = self
            .windows
            .iter()
            .map(|w| format!("{} {}-{}", w.days, w.start, w.end))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

string_form!(
    Schedule,
    "Schedule",
    r"^.+$",
    "Weekly service hours: \"24x7\", or windows separated by semicolons like \"Mon-Fri 08:00-18:00; Sat 09:00-13:00\".",
    ["24x7", "Mon-Fri 08:00-18:00"]
);

// ---------------------------------------------------------------------------
// Hours of a channel or a service action

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
    fn percents_are_exact() {
        for (input, canonical, tt) in [
            ("99.95%", "99.95%", 999_500),
            ("99.999 %", "99.999%", 999_990),
            ("100%", "100%", 1_000_000),
            ("100.5%", "100.5%", 1_005_000),
            ("-1%", "-1%", -10_000),
            ("10.0%", "10%", 100_000),
        ] {
            let p: Percent = input.parse().unwrap();
            assert_eq!(p.ten_thousandths(), tt, "{input}");
            assert_eq!(p.to_string(), canonical);
        }
        assert!("99.95".parse::<Percent>().is_err());
        assert!("abc%".parse::<Percent>().is_err());
        assert!("99.123456%".parse::<Percent>().is_err());
        assert!(!"100.5%".parse::<Percent>().unwrap().is_proportion());
    }

    #[test]
    fn times_days_and_schedules() {
        assert_eq!("8:05".parse::<TimeOfDay>().unwrap().to_string(), "08:05");
        assert!("24:01".parse::<TimeOfDay>().is_err());
        assert!("7pm".parse::<TimeOfDay>().is_err());
        assert_eq!(
            "monday-friday".parse::<Days>().unwrap().to_string(),
            "Mon-Fri"
        );
        assert_eq!("Sat,Sun".parse::<Days>().unwrap().to_string(), "Sat,Sun");
        assert!("Fri-Mon".parse::<Days>().is_err());
        let s: Schedule = "Mon-Fri 08:00-18:00; Sat 09:00-13:00".parse().unwrap();
        assert_eq!(s.weekly_minutes(), 5 * 600 + 240);
        assert_eq!(s.to_string(), "Mon-Fri 08:00-18:00; Sat 09:00-13:00");
        let always: Schedule = "24x7".parse().unwrap();
        assert!(always.is_always());
        assert_eq!(always.to_string(), "24x7");
        assert!("Mon-Fri 18:00-08:00".parse::<Schedule>().is_err());
        let weekend: Schedule = "Fri 18:00-Mon 08:00".parse().unwrap();
        assert_eq!(weekend.weekly_minutes(), 6 * 60 + 2 * 1440 + 8 * 60);
        assert_eq!(
            weekend.to_string(),
            "Fri 18:00-24:00; Sat,Sun 00:00-24:00; Mon 00:00-08:00"
        );
        assert!("Fri 18:00-Fri 08:00".parse::<Schedule>().is_err());
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

    #[test]
    fn dates() {
        assert_eq!(Date::new(2026, 1, 1).unwrap().to_words(), "1 January 2026");
        assert!("2026-02-30".parse::<Date>().is_err());
        assert!("01/02/2026".parse::<Date>().is_err());
    }
}

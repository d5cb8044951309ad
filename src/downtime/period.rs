//! The periods availability is measured over: fixed lengths (a day, a
//! week, a 30-day or average month, a quarter, a 365-day year) and given
//! calendar months and quarters, with how each is written and read.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;

use super::DAY_MS;
use crate::units::UnitError;

/// A period over which availability is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// 24 hours.
    Day,
    /// 7 days.
    Week,
    /// A fixed 30-day month.
    Month30,
    /// An average month of 30.4375 days (365.25 / 12).
    AverageMonth,
    /// A given calendar month.
    CalendarMonth {
        /// The year.
        year: i16,
        /// The month, 1-12.
        month: i8,
    },
    /// A quarter of a 365-day year (91.25 days).
    Quarter,
    /// A given calendar quarter.
    CalendarQuarter {
        /// The year.
        year: i16,
        /// The quarter, 1-4.
        quarter: i8,
    },
    /// A 365-day year.
    Year365,
}

impl Period {
    /// The standard conventions, shown when no period is asked for.
    pub const STANDARD: [Period; 6] = [
        Period::Day,
        Period::Week,
        Period::Month30,
        Period::AverageMonth,
        Period::Quarter,
        Period::Year365,
    ];

    /// The dates the period covers, for calendar periods.
    pub(super) fn dates(self) -> Option<(Date, Date)> {
        match self {
            Period::CalendarMonth { year, month } => {
                let first = Date::new(year, month, 1).ok()?;
                Some((first, first.last_of_month().tomorrow().ok()?))
            }
            Period::CalendarQuarter { year, quarter } => {
                let first = Date::new(year, (quarter - 1) * 3 + 1, 1).ok()?;
                let end = first.checked_add(jiff::Span::new().months(3)).ok()?;
                Some((first, end))
            }
            _ => None,
        }
    }

    /// Length in milliseconds, for periods of fixed length.
    pub(super) fn fixed_ms(self) -> Option<u64> {
        Some(match self {
            Period::Day => DAY_MS,
            Period::Week => 7 * DAY_MS,
            Period::Month30 => 30 * DAY_MS,
            Period::AverageMonth => 30 * DAY_MS + DAY_MS * 4375 / 10_000,
            Period::Quarter => 91 * DAY_MS + DAY_MS / 4,
            Period::Year365 => 365 * DAY_MS,
            Period::CalendarMonth { .. } | Period::CalendarQuarter { .. } => return None,
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day => f.write_str("day"),
            Period::Week => f.write_str("week"),
            Period::Month30 => f.write_str("30-day month"),
            Period::AverageMonth => f.write_str("30.4375-day month"),
            Period::CalendarMonth { year, month } => {
                let name = Date::new(*year, *month, 1)
                    .map(|d| d.strftime("%B %Y").to_string())
                    .unwrap_or_else(|_| format!("{year}-{month:02}"));
                f.write_str(&name)
            }
            Period::Quarter => f.write_str("quarter (91.25 days)"),
            Period::CalendarQuarter { year, quarter } => write!(f, "Q{quarter} {year}"),
            Period::Year365 => f.write_str("365-day year"),
        }
    }
}

impl FromStr for Period {
    type Err = UnitError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let t = text.trim().to_ascii_lowercase();
        let fixed = match t.as_str() {
            "day" => Some(Period::Day),
            "week" => Some(Period::Week),
            "month" | "month30" | "30d" | "30-day-month" => Some(Period::Month30),
            "avg-month" | "average-month" | "30.4375d" => Some(Period::AverageMonth),
            "quarter" => Some(Period::Quarter),
            "year" | "365d" => Some(Period::Year365),
            _ => None,
        };
        if let Some(p) = fixed {
            return Ok(p);
        }
        let bad = || UnitError {
            message: format!(
                "unknown period \"{text}\": use day, week, month (30 days), avg-month (30.4375 days), quarter, year (365 days), a calendar month like 2026-02 or a calendar quarter like 2026-Q1"
            ),
        };
        let (y, rest) = t.split_once('-').ok_or_else(bad)?;
        let year: i16 = y.parse().map_err(|_| bad())?;
        if !(1900..=2200).contains(&year) {
            return Err(bad());
        }
        if let Some(q) = rest.strip_prefix('q') {
            let quarter: i8 = q.parse().map_err(|_| bad())?;
            if !(1..=4).contains(&quarter) {
                return Err(bad());
            }
            return Ok(Period::CalendarQuarter { year, quarter });
        }
        let month: i8 = rest.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || rest.len() != 2 {
            return Err(bad());
        }
        Ok(Period::CalendarMonth { year, month })
    }
}

//! Weekly calendars of service hours: `"24x7"`, or windows of hours on
//! sets of weekdays separated by semicolons (`"Mon-Fri 08:00-18:00;
//! Sat 09:00-13:00"`, `"Fri 18:00-Mon 08:00"`).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::days::day_index;
use super::{Days, TimeOfDay, UnitError, string_form};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}

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
    let clock = |t: &str| match Clock::read(t).and_then(Clock::time) {
        Some(time) => Ok(time),
        None => t.parse::<TimeOfDay>(),
    };
    let (start, end) = (clock(t1)?, clock(t2)?);
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

/// A time of day as people write it: `"08:00"`, `"8"`, `"8am"`, `"5:30"`,
/// `"6 pm"`, `"8.30am"`, `"noon"`, `"midnight"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Clock {
    /// Minutes since midnight on a 24-hour clock (1440 for `"24:00"`).
    minutes: u16,
    /// True when it could be an afternoon hour written on a 12-hour clock
    /// without am or pm: `"5"`, `"5:30"` (not `"05:00"`, `"17:00"`, `"5pm"`).
    bare_12h: bool,
    /// True when written with am or pm (or as noon or midnight).
    meridiem: bool,
}

impl Clock {
    fn read(text: &str) -> Option<Clock> {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "noon" | "midday" => {
                return Some(Clock {
                    minutes: 12 * 60,
                    bare_12h: false,
                    meridiem: true,
                });
            }
            "midnight" => {
                return Some(Clock {
                    minutes: 0,
                    bare_12h: false,
                    meridiem: true,
                });
            }
            _ => {}
        }
        let (number, pm) = match ["am", "a.m.", "pm", "p.m."].iter().find_map(|m| {
            t.strip_suffix(m)
                .map(|n| (n.trim_end(), m.starts_with('p')))
        }) {
            Some((n, pm)) => (n, Some(pm)),
            None => (t.as_str(), None),
        };
        let (h, m) = match number.split_once([':', '.']) {
            Some((h, m)) if m.len() == 2 => (h, m),
            Some(_) => return None,
            None => (number, "00"),
        };
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(h) || !digits(m) {
            return None;
        }
        let (hour, minute): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        if minute >= 60 {
            return None;
        }
        let hour = match pm {
            Some(_) if !(1..=12).contains(&hour) => return None,
            Some(false) => hour % 12,
            Some(true) => hour % 12 + 12,
            None => hour,
        };
        let minutes = TimeOfDay::new(hour, minute)?.minutes();
        Some(Clock {
            minutes,
            bare_12h: pm.is_none() && (1..=12).contains(&hour) && !h.starts_with('0'),
            meridiem: pm.is_some(),
        })
    }

    fn time(self) -> Option<TimeOfDay> {
        TimeOfDay::new(self.minutes / 60, self.minutes % 60)
    }
}

/// A range of times as people write it, `"08:00-18:00"`, `"8am to 6pm"`,
/// `"9-5:30"`: an end on a 12-hour clock without am or pm that comes
/// before a morning start is in the afternoon (`"9-5"` is 09:00-17:00), and
/// an end at midnight is the end of the day.
fn time_range(text: &str) -> Option<(TimeOfDay, TimeOfDay)> {
    let lower = text.trim().to_ascii_lowercase().replace(['–', '—'], "-");
    let (from, to) = [" to ", " until ", " till ", "-"]
        .iter()
        .find_map(|sep| lower.split_once(sep))?;
    let (start, mut end) = (Clock::read(from)?, Clock::read(to)?);
    let morning_start = start.meridiem || start.bare_12h;
    if end.bare_12h
        && morning_start
        && end.minutes < start.minutes
        && end.minutes + 720 > start.minutes
    {
        end.minutes += 720;
    }
    if end.minutes == 0 && start.minutes > 0 {
        end.minutes = 24 * 60;
    }
    Some((start.time()?, end.time()?))
}

/// The days of a window as people write them: `"Mon-Fri"`, `"Monday to
/// Friday"`, `"weekdays"`, `"Mondays through Fridays"`.
fn days_phrase(text: &str) -> Result<Days, UnitError> {
    let mut lower = text.trim().to_ascii_lowercase().replace(['–', '—'], "-");
    for sep in [" to ", " through ", " thru ", " until "] {
        lower = lower.replace(sep, "-");
    }
    let lower = lower
        .trim_end_matches([',', ':'])
        .trim_end()
        .trim_end_matches(" from")
        .trim_end_matches(',')
        .trim();
    lower.parse()
}

/// One window of days and hours, as written canonically (`"Mon-Fri
/// 08:00-18:00"`) or as people write it (`"Monday to Friday 8am to 6pm"`,
/// `"Mon-Fri, 8am-6pm"`, `"weekdays 9-5:30"`).
fn window(part: &str, hint: &str) -> Result<Window, UnitError> {
    let Some(at) = part.find(|c: char| c.is_ascii_digit()).filter(|&i| i > 0) else {
        return Err(UnitError::new(format!(
            "invalid service hours \"{part}\": expected days then hours; {hint}"
        )));
    };
    let (days, hours) = part.split_at(at);
    let days = days_phrase(days)?;
    let (start, end) = time_range(hours).ok_or_else(|| {
        UnitError::new(format!(
            "invalid service hours \"{part}\": `{}` is not a range of times like 08:00-18:00 or 8am-6pm; {hint}",
            hours.trim()
        ))
    })?;
    if end <= start {
        return Err(UnitError::new(format!(
            "invalid service hours \"{part}\": {end} is not after {start}; a window that runs past midnight is written with its days, e.g. \"Fri 18:00-Mon 08:00\", or as two windows, \"Mon-Fri 22:00-24:00; Tue-Sat 00:00-06:00\""
        )));
    }
    Ok(Window { days, start, end })
}

/// Every hour of every day, as people write it.
fn always_phrase(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(compact.as_str(), "24x7" | "24/7" | "24*7")
        || matches!(
            lower.trim_end_matches('.'),
            "around the clock" | "round the clock" | "all day every day"
        )
}

impl FromStr for Schedule {
    type Err = UnitError;

    /// Reads the canonical form (`"24x7"`, `"Mon-Fri 08:00-18:00; Sat
    /// 09:00-13:00"`, `"Fri 18:00-Mon 08:00"`) and the common ways of
    /// writing it: `"24/7"`, `"around the clock"`, `"Monday to Friday 8am to
    /// 6pm"`, `"Mon-Fri 8am-6pm"`, `"weekdays 9-5:30"`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let hint = "write it like \"24x7\" or \"Mon-Fri 08:00-18:00; Sat 09:00-13:00\"";
        let trimmed = text.trim();
        if always_phrase(trimmed) {
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
            windows.push(window(part, hint)?);
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
    "Weekly service hours: \"24x7\", or windows separated by semicolons like \"Mon-Fri 08:00-18:00; Sat 09:00-13:00\" (also read, and saved in that form: \"24/7\", \"around the clock\", \"Monday to Friday 8am to 6pm\", \"weekdays 9-5:30\").",
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

    #[test]
    fn schedules_as_people_write_them() {
        let read = |text: &str| {
            text.parse::<Schedule>()
                .unwrap_or_else(|e| panic!("{text}: {e}"))
                .to_string()
        };
        for (text, canonical) in [
            ("Monday to Friday 8am to 6pm", "Mon-Fri 08:00-18:00"),
            ("Mon-Fri 8am-6pm", "Mon-Fri 08:00-18:00"),
            ("Mon–Fri 8 am – 6 pm", "Mon-Fri 08:00-18:00"),
            (
                "Monday through Friday, 8:00am - 6:00pm",
                "Mon-Fri 08:00-18:00",
            ),
            (
                "Mondays to Fridays from 8.30am to 5.30pm",
                "Mon-Fri 08:30-17:30",
            ),
            ("weekdays 9-5:30", "Mon-Fri 09:00-17:30"),
            ("weekdays 9-5", "Mon-Fri 09:00-17:00"),
            (
                "Mon-Fri 9-5; Sat 10-2",
                "Mon-Fri 09:00-17:00; Sat 10:00-14:00",
            ),
            ("Sat 8pm-midnight", "Sat 20:00-24:00"),
            ("Sat 9am-noon", "Sat 09:00-12:00"),
            ("Mon-Fri 8-18", "Mon-Fri 08:00-18:00"),
            ("Mon-Fri 8am-6", "Mon-Fri 08:00-18:00"),
            ("24/7", "24x7"),
            ("24x7", "24x7"),
            ("24 x 7", "24x7"),
            ("around the clock", "24x7"),
            ("Round the clock", "24x7"),
            (
                "Mon 9am-Fri 5pm",
                "Mon 09:00-24:00; Tue-Thu 00:00-24:00; Fri 00:00-17:00",
            ),
        ] {
            assert_eq!(read(text), canonical, "{text}");
            // Read to the same value as its canonical form.
            assert_eq!(
                text.parse::<Schedule>().unwrap(),
                canonical.parse::<Schedule>().unwrap(),
                "{text}"
            );
        }
        // Near misses stay unreadable: they are kept as typed, never
        // guessed.
        for text in [
            "whenever",
            "9 to 5ish",
            "Monday to Fridya 8am-6pm",
            "Mon-Fri 18:00-8:00",
            "Mon-Fri 13pm-6pm",
            "business hours",
        ] {
            assert!(text.parse::<Schedule>().is_err(), "{text}");
        }
        let err = "Monday to Fridya 8am-6pm".parse::<Schedule>().unwrap_err();
        assert!(err.message.contains("`fridya` is not a day"), "{err}");
    }
}

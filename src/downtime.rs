//! Downtime arithmetic: allowed downtime = (1 - target) x service time in
//! the period, less any maintenance excluded from the calculation.
//!
//! The period convention changes the answer (domain.md section 3), so every
//! convention is explicit: a day, a week, a 30-day month, an average month of
//! 30.4375 days, a given calendar month, a quarter (of a 365-day year or a
//! given calendar quarter), a 365-day year. Service time is either every
//! hour (24x7) or the hours of a weekly schedule in a time zone, with
//! holidays taken out on calendar periods. All arithmetic is in integer
//! milliseconds, so results are exact to the millisecond.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;

use crate::units::{Duration, Percent, Schedule, UnitError};

/// Milliseconds in a day.
const DAY_MS: u64 = 86_400_000;

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
    fn dates(self) -> Option<(Date, Date)> {
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
    fn fixed_ms(self) -> Option<u64> {
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

/// When the service is expected to be available.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    /// The weekly schedule.
    pub schedule: Schedule,
    /// The time zone the schedule is in; `None` is UTC.
    pub time_zone: Option<String>,
    /// Dates on which there is no service time.
    pub holidays: Vec<Date>,
}

impl Calendar {
    /// Every hour of every day, UTC.
    pub fn always() -> Self {
        Calendar {
            schedule: Schedule::always(),
            time_zone: None,
            holidays: Vec::new(),
        }
    }
}

/// Something wrong with the inputs to the arithmetic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DowntimeError {
    /// The target is not between 0% and 100%.
    #[error("the target {0} is not between 0% and 100%")]
    TargetOutOfRange(Percent),
    /// The time zone is not a known IANA name.
    #[error(
        "unknown time zone \"{0}\": use an IANA name such as \"Europe/London\" or \"America/New_York\""
    )]
    UnknownTimeZone(String),
    /// The period has no valid dates.
    #[error("the period {0} has no valid dates")]
    BadPeriod(String),
}

/// The downtime budget for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// The period.
    pub period: Period,
    /// Service time in the period before exclusions.
    pub service_ms: u64,
    /// Maintenance excluded from the calculation.
    pub excluded_ms: u64,
    /// The allowed downtime.
    pub allowed_ms: u64,
}

/// Computes the allowed downtime for a target over a period of a calendar,
/// with `excluded` maintenance taken out of the service time first.
pub fn budget(
    target: Percent,
    period: Period,
    calendar: &Calendar,
    excluded: Duration,
) -> Result<Budget, DowntimeError> {
    if !target.is_proportion() {
        return Err(DowntimeError::TargetOutOfRange(target));
    }
    let service_ms = service_time_ms(period, calendar)?;
    let excluded_ms = (excluded.as_secs() * 1000).min(service_ms);
    let measured = u128::from(service_ms - excluded_ms);
    // shortfall is out of 1_000_000 (ten-thousandths of a percent).
    let shortfall = target.shortfall_parts_per_million() as u128;
    let allowed_ms = (measured * shortfall + 500_000) / 1_000_000;
    Ok(Budget {
        period,
        service_ms,
        excluded_ms,
        allowed_ms: allowed_ms as u64,
    })
}

/// An IANA time zone by name, from the time zone database built into
/// Pactwright: the same draft gives the same service hours and downtime
/// budget on every machine (and nothing scans `/usr/share/zoneinfo`).
pub fn time_zone(name: &str) -> Option<TimeZone> {
    static DB: std::sync::OnceLock<jiff::tz::TimeZoneDatabase> = std::sync::OnceLock::new();
    DB.get_or_init(jiff::tz::TimeZoneDatabase::bundled)
        .get(name)
        .ok()
}

/// The service time in a period: every hour for a 24x7 calendar; for a
/// weekly schedule, the average share of the week on fixed-length periods,
/// or the real hours of each day (in the time zone, with holidays and
/// daylight-saving changes) on calendar periods.
pub fn service_time_ms(period: Period, calendar: &Calendar) -> Result<u64, DowntimeError> {
    let tz = match &calendar.time_zone {
        None => TimeZone::UTC,
        Some(name) if name.trim().is_empty() => TimeZone::UTC,
        Some(name) => {
            time_zone(name.trim()).ok_or_else(|| DowntimeError::UnknownTimeZone(name.clone()))?
        }
    };
    if let Some(length) = period.fixed_ms() {
        if calendar.schedule.is_always() {
            return Ok(length);
        }
        let weekly = u128::from(calendar.schedule.weekly_minutes()) * 60_000;
        return Ok((weekly * u128::from(length) / u128::from(7 * DAY_MS)) as u64);
    }
    let (first, end) = period
        .dates()
        .ok_or_else(|| DowntimeError::BadPeriod(period.to_string()))?;
    let mut total: i64 = 0;
    let mut day = first;
    while day < end {
        if !calendar.holidays.contains(&day) {
            let weekday = day.weekday().to_monday_zero_offset() as u8;
            for (start, stop) in calendar.schedule.intervals_on(weekday) {
                total += local_span_ms(&tz, day, start, stop);
            }
        }
        day = match day.tomorrow() {
            Ok(d) => d,
            Err(_) => break,
        };
    }
    Ok(total.max(0) as u64)
}

/// Real elapsed milliseconds between two local times of a day (minutes
/// since midnight; 1440 is the next midnight), so a 24-hour day across a
/// daylight-saving change is 23 or 25 hours long.
fn local_span_ms(tz: &TimeZone, day: Date, start: u16, stop: u16) -> i64 {
    let instant = |minutes: u16| {
        let (date, minutes) = if minutes >= 1440 {
            (day.tomorrow().unwrap_or(day), minutes - 1440)
        } else {
            (day, minutes)
        };
        let time = Time::new((minutes / 60) as i8, (minutes % 60) as i8, 0, 0).unwrap_or(Time::MIN);
        date.to_datetime(time)
            .to_zoned(tz.clone())
            .map(|z| z.timestamp().as_millisecond())
    };
    match (instant(start), instant(stop)) {
        (Ok(a), Ok(b)) => (b - a).max(0),
        _ => i64::from(stop - start) * 60_000,
    }
}

/// A length of time for a downtime table: `"3d 15h 36m"`, `"43m 49.8s"`,
/// `"25.9s"`; seconds show one decimal unless they are whole.
pub fn format_ms(ms: u64) -> String {
    let tenths = (ms + 50) / 100;
    let whole_seconds = ms % 1000 == 0;
    let total_secs = tenths / 10;
    let days = total_secs / 86_400;
    let hours = total_secs % 86_400 / 3600;
    let minutes = total_secs % 3600 / 60;
    let secs = total_secs % 60;
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days}d"));
    }
    if hours > 0 {
        parts.push(format!("{hours}h"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes}m"));
    }
    if whole_seconds {
        if secs > 0 || parts.is_empty() {
            parts.push(format!("{secs}s"));
        }
    } else {
        parts.push(format!("{secs}.{}s", tenths % 10));
    }
    parts.join(" ")
}

/// A length of time in words, to the second: `"43 minutes 50 seconds"`.
pub fn ms_in_words(ms: u64) -> String {
    let secs = (ms + 500) / 1000;
    if secs == 0 {
        return "less than a second".to_owned();
    }
    Duration::from_secs(secs).to_words()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(s: &str) -> Percent {
        s.parse().unwrap()
    }

    fn allowed(target: &str, period: Period) -> String {
        format_ms(
            budget(
                pct(target),
                period,
                &Calendar::always(),
                Duration::default(),
            )
            .unwrap()
            .allowed_ms,
        )
    }

    /// domain.md section 3, to the second (and the printed tenths).
    #[test]
    fn reproduces_the_domain_table() {
        let table = [
            ("99%", "7h 12m", "7h 18m 18s", "3d 15h 36m"),
            ("99.5%", "3h 36m", "3h 39m 9s", "1d 19h 48m"),
            ("99.9%", "43m 12s", "43m 49.8s", "8h 45m 36s"),
            ("99.95%", "21m 36s", "21m 54.9s", "4h 22m 48s"),
            ("99.99%", "4m 19.2s", "4m 23.0s", "52m 33.6s"),
            ("99.999%", "25.9s", "26.3s", "5m 15.4s"),
        ];
        for (target, m30, avg, year) in table {
            assert_eq!(allowed(target, Period::Month30), m30, "{target} 30-day");
            assert_eq!(allowed(target, Period::AverageMonth), avg, "{target} avg");
            assert_eq!(allowed(target, Period::Year365), year, "{target} year");
        }
    }

    #[test]
    fn calendar_months_count_real_days() {
        let feb = Period::CalendarMonth {
            year: 2026,
            month: 2,
        };
        let jan = Period::CalendarMonth {
            year: 2026,
            month: 1,
        };
        let b = |p| budget(pct("99.9%"), p, &Calendar::always(), Duration::default()).unwrap();
        assert_eq!(b(feb).allowed_ms / 1000, 40 * 60 + 19);
        assert_eq!(b(jan).allowed_ms / 1000, 44 * 60 + 38);
        assert_eq!(b(Period::Day).allowed_ms, 86_400);
        assert_eq!(b(Period::Week).allowed_ms, 604_800);
        assert_eq!(b(Period::Quarter).service_ms, 7_884_000_000);
    }

    #[test]
    fn business_hours_example() {
        let cal = Calendar {
            schedule: "Mon-Fri 08:00-18:00".parse().unwrap(),
            time_zone: Some("Europe/London".into()),
            holidays: vec![],
        };
        let avg = budget(
            pct("99.9%"),
            Period::AverageMonth,
            &cal,
            Duration::default(),
        )
        .unwrap();
        // ~217 business hours, about 13 minutes.
        assert_eq!(avg.service_ms / 3_600_000, 217);
        assert_eq!(format_ms(avg.allowed_ms), "13m 2.7s");
        // March 2026 has 22 weekdays: 220 hours; the DST change on Sunday
        // 29 March does not touch business hours.
        let march = Period::CalendarMonth {
            year: 2026,
            month: 3,
        };
        let b = budget(pct("99.9%"), march, &cal, Duration::default()).unwrap();
        assert_eq!(b.service_ms, 220 * 3_600_000);
        assert_eq!(format_ms(b.allowed_ms), "13m 12s");
    }

    #[test]
    fn holidays_and_daylight_saving() {
        let mut cal = Calendar {
            schedule: Schedule::always(),
            time_zone: Some("Europe/London".into()),
            holidays: vec![],
        };
        // March 2026 in London loses an hour to daylight saving.
        let march = Period::CalendarMonth {
            year: 2026,
            month: 3,
        };
        assert_eq!(
            service_time_ms(march, &cal).unwrap(),
            (31 * 24 - 1) * 3_600_000
        );
        cal.schedule = "Mon-Fri 09:00-17:00".parse().unwrap();
        let dec = Period::CalendarMonth {
            year: 2026,
            month: 12,
        };
        let before = service_time_ms(dec, &cal).unwrap();
        cal.holidays = vec![
            Date::new(2026, 12, 25).unwrap(),
            Date::new(2026, 12, 26).unwrap(),
        ];
        // 25 Dec is a Friday (8h); 26 Dec is a Saturday (no hours anyway).
        assert_eq!(before - service_time_ms(dec, &cal).unwrap(), 8 * 3_600_000);
    }

    #[test]
    fn excluded_maintenance_is_subtracted() {
        let b = budget(
            pct("99.9%"),
            Period::Month30,
            &Calendar::always(),
            Duration::from_hours(4),
        )
        .unwrap();
        assert_eq!(b.excluded_ms, 4 * 3_600_000);
        assert_eq!(b.allowed_ms, (30 * 24 - 4) * 3_600);
    }

    #[test]
    fn bad_inputs() {
        let cal = Calendar::always();
        assert!(budget(pct("100.5%"), Period::Day, &cal, Duration::default()).is_err());
        assert!(budget(pct("-1%"), Period::Day, &cal, Duration::default()).is_err());
        let bad_tz = Calendar {
            time_zone: Some("Mars/Olympus".into()),
            ..Calendar::always()
        };
        assert!(matches!(
            budget(pct("99%"), Period::Day, &bad_tz, Duration::default()),
            Err(DowntimeError::UnknownTimeZone(_))
        ));
        assert_eq!(
            "2026-02".parse::<Period>().unwrap(),
            Period::CalendarMonth {
                year: 2026,
                month: 2
            }
        );
        assert_eq!(
            "2026-q3".parse::<Period>().unwrap(),
            Period::CalendarQuarter {
                year: 2026,
                quarter: 3
            }
        );
        assert!("2026-13".parse::<Period>().is_err());
        assert!("fortnight".parse::<Period>().is_err());
    }

    #[test]
    fn formats() {
        assert_eq!(format_ms(0), "0s");
        assert_eq!(format_ms(1_000), "1s");
        assert_eq!(format_ms(3_600_000), "1h");
        assert_eq!(ms_in_words(2_629_800), "43 minutes 50 seconds");
    }
}

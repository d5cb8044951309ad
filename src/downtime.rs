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

use crate::model::{Clock, ServiceHours};
use crate::units::{Days, Duration, Percent, Schedule, UnitError};

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
    /// The weekdays that count as business days.
    pub business_days: Days,
}

impl Calendar {
    /// Every hour of every day, UTC; business days Monday to Friday.
    pub fn always() -> Self {
        Calendar {
            schedule: Schedule::always(),
            time_zone: None,
            holidays: Vec::new(),
            business_days: Days::WEEKDAYS,
        }
    }

    /// The calendar of an agreement's service hours (24x7 when none are
    /// stated).
    pub fn of(hours: Option<&ServiceHours>) -> Self {
        match hours {
            None => Calendar::always(),
            Some(h) => Calendar {
                schedule: h.schedule.clone(),
                time_zone: Some(h.time_zone.clone()).filter(|t| !t.trim().is_empty()),
                holidays: h.holidays.iter().map(|d| d.date.0).collect(),
                business_days: h.business_days(),
            },
        }
    }

    /// Service seconds in an average business day: what "1bd" is worth on
    /// a service-hours clock (10 hours on Mon-Fri 08:00-18:00).
    pub fn business_day_service_secs(&self) -> u64 {
        let days: Vec<u8> = (0..7).filter(|d| self.business_days.contains(*d)).collect();
        if days.is_empty() {
            return 0;
        }
        let minutes: u64 = days
            .iter()
            .map(|d| u64::from(self.schedule.minutes_on(*d)))
            .sum();
        minutes * 60 / days.len() as u64
    }

    /// Elapsed seconds an average business day spans: a week over the
    /// business days in it (33.6 hours for Monday to Friday).
    pub fn business_day_elapsed_secs(&self) -> u64 {
        match u64::from(self.business_days.count()) {
            0 => 7 * 86_400,
            n => 7 * 86_400 / n,
        }
    }

    /// What a duration is worth on a clock: service time on a
    /// service-hours clock, elapsed time on a calendar clock. Business days
    /// count as the service time or the elapsed time of one business day.
    pub fn clock_secs(&self, d: Duration, clock: Clock) -> u64 {
        match clock {
            Clock::ServiceHours => d.secs_with(self.business_day_service_secs()),
            Clock::Calendar => d.secs_with(self.business_day_elapsed_secs()),
        }
    }

    /// The elapsed time a duration on a clock takes on average: four
    /// service hours on a 50-hour week take 4 x 168 / 50 hours. Durations
    /// on different clocks compare by this.
    pub fn elapsed_secs(&self, d: Duration, clock: Clock) -> u64 {
        if let Some(n) = d.business_days() {
            return u64::from(n) * self.business_day_elapsed_secs();
        }
        let secs = d.secs_with(0);
        match clock {
            Clock::Calendar => secs,
            Clock::ServiceHours => {
                let weekly = u64::from(self.schedule.weekly_minutes()) * 60;
                if weekly == 0 {
                    return u64::MAX;
                }
                (u128::from(secs) * 7 * 86_400 / u128::from(weekly)) as u64
            }
        }
    }

    fn is_business_day(&self, day: Date) -> bool {
        self.business_days
            .contains(day.weekday().to_monday_zero_offset() as u8)
            && !self.holidays.contains(&day)
    }

    fn is_holiday(&self, day: Date) -> bool {
        self.holidays.contains(&day)
    }

    /// When something started at `start` (local time) is due, `d` later on
    /// a clock: on a calendar clock, elapsed time; on a service-hours
    /// clock, only the open hours of non-holidays count; business days end
    /// at the close of the last open hours of the Nth business day after
    /// the start's day (at midnight on a day with no hours). Local wall
    /// time: a daylight-saving change is not counted.
    pub fn due(
        &self,
        start: jiff::civil::DateTime,
        d: Duration,
        clock: Clock,
    ) -> Result<jiff::civil::DateTime, DowntimeError> {
        let too_far = || DowntimeError::BadPeriod(format!("{d} after {start}"));
        if let Some(n) = d.business_days() {
            let mut day = start.date();
            let mut left = n;
            let mut steps = 0;
            while left > 0 {
                day = day.tomorrow().map_err(|_| too_far())?;
                if self.is_business_day(day) {
                    left -= 1;
                }
                steps += 1;
                if steps > 20 * 366 {
                    return Err(too_far());
                }
            }
            let weekday = day.weekday().to_monday_zero_offset() as u8;
            let close = self
                .schedule
                .intervals_on(weekday)
                .last()
                .map_or(1440, |&(_, e)| e);
            return at_minute(day, close).ok_or_else(too_far);
        }
        let mut left = d.secs_with(0);
        if clock == Clock::Calendar || self.schedule.is_always() && self.holidays.is_empty() {
            let span = jiff::SignedDuration::from_secs(left as i64);
            return start.checked_add(span).map_err(|_| too_far());
        }
        let mut day = start.date();
        let mut from = u64::from(start.hour() as u16 * 60 + start.minute() as u16) * 60
            + start.second() as u64;
        for _ in 0..(20 * 366) {
            if !self.is_holiday(day) {
                let weekday = day.weekday().to_monday_zero_offset() as u8;
                for (s, e) in self.schedule.intervals_on(weekday) {
                    let (s, e) = (u64::from(s) * 60, u64::from(e) * 60);
                    let begin = s.max(from);
                    if begin >= e {
                        continue;
                    }
                    if e - begin >= left {
                        let at = begin + left;
                        let base = day.to_datetime(Time::MIN);
                        return base
                            .checked_add(jiff::SignedDuration::from_secs(at as i64))
                            .map_err(|_| too_far());
                    }
                    left -= e - begin;
                }
            }
            day = day.tomorrow().map_err(|_| too_far())?;
            from = 0;
        }
        Err(too_far())
    }
}

/// A local date and a minute of the day (1440 is the next midnight).
fn at_minute(day: Date, minute: u16) -> Option<jiff::civil::DateTime> {
    day.to_datetime(Time::MIN)
        .checked_add(jiff::SignedDuration::from_mins(i64::from(minute)))
        .ok()
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
    let excluded_ms =
        (excluded.secs_with(calendar.business_day_service_secs()) * 1000).min(service_ms);
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
            business_days: Days::WEEKDAYS,
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
            business_days: Days::WEEKDAYS,
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
    fn business_days_on_the_calendar() {
        let dt = |s: &str| s.parse::<jiff::civil::DateTime>().unwrap();
        let cal = Calendar {
            schedule: "Mon-Fri 08:00-18:00".parse().unwrap(),
            time_zone: Some("Europe/London".into()),
            holidays: vec![Date::new(2026, 4, 6).unwrap()],
            business_days: Days::WEEKDAYS,
        };
        let bd3 = Duration::from_business_days(3);
        // Thursday 2 April 2026, 16:00: Fri 3, (weekend), Mon 6 is a
        // holiday, Tue 7, Wed 8: due at the close of Wednesday.
        assert_eq!(
            cal.due(dt("2026-04-02T16:00"), bd3, Clock::ServiceHours)
                .unwrap(),
            dt("2026-04-08T18:00")
        );
        // 4 service hours from Friday 16:00: 2h on Friday, Monday is a
        // holiday, 2h on Tuesday.
        assert_eq!(
            cal.due(
                dt("2026-04-03T16:00"),
                Duration::from_hours(4),
                Clock::ServiceHours
            )
            .unwrap(),
            dt("2026-04-07T10:00")
        );
        assert_eq!(
            cal.due(
                dt("2026-04-03T16:00"),
                Duration::from_hours(4),
                Clock::Calendar
            )
            .unwrap(),
            dt("2026-04-03T20:00")
        );
        // What a business day is worth on each clock.
        assert_eq!(cal.clock_secs(bd3, Clock::ServiceHours), 30 * 3600);
        assert_eq!(cal.business_day_elapsed_secs(), 7 * 86_400 / 5);
        assert!(
            cal.elapsed_secs(Duration::from_hours(12), Clock::ServiceHours)
                > cal.elapsed_secs(Duration::from_business_days(1), Clock::ServiceHours)
        );
        // One business day of maintenance on this calendar is 10 hours.
        let b = budget(
            pct("99%"),
            Period::Month30,
            &cal,
            Duration::from_business_days(1),
        )
        .unwrap();
        assert_eq!(b.excluded_ms, 10 * 3_600_000);
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

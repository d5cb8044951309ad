//! The service-hours calendar the arithmetic runs on: a weekly schedule
//! in a time zone, holidays and business days; what a business day is
//! worth on each clock, and when something started at a given time is
//! due.

use jiff::civil::{Date, Time};

use super::DowntimeError;
use crate::model::{Clock, ServiceHours};
use crate::units::{Days, Duration, Schedule};

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
    /// stated); `None` while its schedule or business days are as typed
    /// (not read yet). A holiday whose date is not read yet is left out.
    pub fn of(hours: Option<&ServiceHours>) -> Option<Self> {
        let Some(h) = hours else {
            return Some(Calendar::always());
        };
        Some(Calendar {
            schedule: h.schedule.read()?.clone(),
            time_zone: Some(h.time_zone.clone()).filter(|t| !t.trim().is_empty()),
            holidays: h
                .holidays
                .iter()
                .filter_map(|d| d.date.get())
                .map(|d| d.0)
                .collect(),
            business_days: h.business_days()?,
        })
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

#[cfg(test)]
mod tests {
    use super::super::tests::pct;
    use super::*;
    use crate::downtime::{Period, budget};

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
}

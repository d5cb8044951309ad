//! Service time in a period: every hour for 24x7, the average share of the
//! week for a weekly schedule on fixed-length periods, or the real hours
//! of each day (time zone, holidays, daylight-saving changes) on calendar
//! periods; and the bundled time zone database it reads.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;

use super::{Calendar, DAY_MS, DowntimeError, Period};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::{Days, Schedule};

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
}

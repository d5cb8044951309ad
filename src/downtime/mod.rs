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

mod calendar;
mod format;
pub mod holidays;
mod period;
mod service_time;
mod target;

pub use calendar::Calendar;
pub use format::{format_ms, ms_in_words};
pub use period::Period;
pub use service_time::{service_time_ms, time_zone};
pub use target::{
    BudgetNote, BudgetNoteKind, BudgetRow, TargetBudget, draft_budget, draft_budgets, target_budget,
};

use crate::units::{Duration, Percent};

/// Milliseconds in a day.
const DAY_MS: u64 = 86_400_000;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Days;

    pub(super) fn pct(s: &str) -> Percent {
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
}

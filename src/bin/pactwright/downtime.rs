//! `pactwright downtime`: the allowed downtime for a target over one or more
//! periods, on 24x7 or a weekly calendar, less excluded maintenance.

use pactwright::downtime::{self, Calendar, Period};
use pactwright::units::{Date, Duration, Percent, Schedule};

fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("error: {message}");
    2
}

pub fn run(
    target: &str,
    periods: &[String],
    hours: &str,
    tz: Option<String>,
    holidays: &[String],
    maintenance: Option<&str>,
) -> u8 {
    // "99.9" on the command line is a percentage (the shell makes `%` a
    // nuisance); "99.9%", "99.9 %" and "99.9 percent" are too.
    let target: Percent = match target
        .parse()
        .or_else(|_| format!("{}%", target.trim()).parse())
    {
        Ok(t) => t,
        Err(e) => return fail(format!("TARGET: {e}")),
    };
    if !target.is_proportion() {
        return fail(format!("TARGET: {target} is not between 0% and 100%"));
    }
    let schedule: Schedule = match hours.parse() {
        Ok(s) => s,
        Err(e) => return fail(format!("--hours: {e}")),
    };
    let mut holiday_dates = Vec::new();
    for h in holidays {
        match h.parse::<Date>() {
            Ok(d) => holiday_dates.push(d.0),
            Err(e) => return fail(format!("--holiday: {e}")),
        }
    }
    let excluded = match maintenance.map(str::parse::<Duration>) {
        None => Duration::default(),
        Some(Ok(d)) => d,
        Some(Err(e)) => return fail(format!("--maintenance: {e}")),
    };
    let mut list = Vec::new();
    for p in periods {
        match p.parse::<Period>() {
            Ok(p) => list.push(p),
            Err(e) => return fail(format!("--period: {e}")),
        }
    }
    if list.is_empty() {
        list = Period::STANDARD.to_vec();
    }
    let tz_label = tz.clone().unwrap_or_else(|| "UTC".to_owned());
    // The schedule was read, so the business days are known.
    let business_days = pactwright::model::ServiceHours {
        schedule: schedule.clone().into(),
        ..Default::default()
    }
    .business_days()
    .unwrap_or(pactwright::units::Days::WEEKDAYS);
    let calendar = Calendar {
        schedule: schedule.clone(),
        time_zone: tz,
        holidays: holiday_dates,
        business_days,
    };
    let mut rows = Vec::new();
    for period in list {
        match downtime::budget(target, period, &calendar, excluded) {
            Ok(b) => rows.push(b),
            Err(e) => return fail(e),
        }
    }
    println!("Allowed downtime at {target} availability");
    println!("Service hours: {schedule} ({tz_label})");
    if !excluded.is_zero() {
        let worth = match excluded.business_days() {
            Some(_) => format!(
                " ({} of service time on {business_days})",
                downtime::format_ms(
                    excluded.secs_with(calendar.business_day_service_secs()) * 1000
                )
            ),
            None => String::new(),
        };
        println!(
            "Excluded maintenance: {}{worth} per period, taken out of the service time first",
            if excluded.business_days().is_some() {
                excluded.to_words()
            } else {
                excluded.to_string()
            }
        );
    }
    if !calendar.schedule.is_always()
        && rows.iter().any(|b| {
            !matches!(
                b.period,
                Period::CalendarMonth { .. } | Period::CalendarQuarter { .. }
            )
        })
    {
        println!(
            "Fixed-length periods use the weekly hours' average share; holidays count on calendar periods only."
        );
    }
    println!();
    let header = ("Period", "Service time", "Allowed downtime", "In words");
    let lines: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|b| {
            (
                b.period.to_string(),
                in_hours(b.service_ms - b.excluded_ms),
                downtime::format_ms(b.allowed_ms),
                downtime::ms_in_words(b.allowed_ms),
            )
        })
        .collect();
    let w0 = lines
        .iter()
        .map(|l| l.0.len())
        .max()
        .unwrap_or(0)
        .max(header.0.len());
    let w1 = lines
        .iter()
        .map(|l| l.1.len())
        .max()
        .unwrap_or(0)
        .max(header.1.len());
    let w2 = lines
        .iter()
        .map(|l| l.2.len())
        .max()
        .unwrap_or(0)
        .max(header.2.len());
    println!(
        "{:<w0$}  {:>w1$}  {:>w2$}  {}",
        header.0, header.1, header.2, header.3
    );
    for (a, b, c, d) in &lines {
        println!("{a:<w0$}  {b:>w1$}  {c:>w2$}  {d}");
    }
    0
}

/// Service time in hours, to a tenth: "720h", "217.4h".
fn in_hours(ms: u64) -> String {
    let tenths = (ms + 180_000) / 360_000;
    if tenths % 10 == 0 {
        format!("{}h", tenths / 10)
    } else {
        format!("{}.{}h", tenths / 10, tenths % 10)
    }
}

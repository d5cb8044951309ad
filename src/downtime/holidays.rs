//! Public holidays of the countries whose service hours Pactwright can
//! prefill: the dates a service-hours calendar usually takes out, offered
//! as a start the user then edits (a contract may add or drop days).
//!
//! Known: England and Wales, Scotland, Northern Ireland, Ireland, Germany
//! (the nationwide days only; each state adds its own), the Netherlands,
//! and the United States (federal holidays). Each rule is a fixed day, a
//! day counted from Easter Sunday (Gregorian computus), or the n-th or last
//! weekday of a month; days that fall on a weekend move to the next working
//! day where the country substitutes them.

use jiff::civil::{Date, Weekday};

/// A country (or a part of one with its own holidays) this calendar knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Country {
    /// England and Wales (bank holidays).
    EnglandWales,
    /// Scotland (bank holidays).
    Scotland,
    /// Northern Ireland (bank holidays).
    NorthernIreland,
    /// Ireland (public holidays).
    Ireland,
    /// Germany: the nationwide public holidays.
    Germany,
    /// The Netherlands (national holidays).
    Netherlands,
    /// The United States: federal holidays.
    UnitedStates,
}

impl Country {
    /// Every known country, in menu order.
    pub const ALL: [Country; 7] = [
        Country::EnglandWales,
        Country::Scotland,
        Country::NorthernIreland,
        Country::Ireland,
        Country::Germany,
        Country::Netherlands,
        Country::UnitedStates,
    ];

    /// As shown to the user.
    pub fn name(self) -> &'static str {
        match self {
            Country::EnglandWales => "England and Wales",
            Country::Scotland => "Scotland",
            Country::NorthernIreland => "Northern Ireland",
            Country::Ireland => "Ireland",
            Country::Germany => "Germany (nationwide holidays)",
            Country::Netherlands => "the Netherlands",
            Country::UnitedStates => "the United States (federal holidays)",
        }
    }

    /// The country a time zone most likely means, when it names one this
    /// calendar knows. Europe/London is taken as England and Wales, the
    /// most common case; Scotland and Northern Ireland are chosen by hand.
    pub fn of_time_zone(tz: &str) -> Option<Country> {
        let tz = tz.trim();
        match tz {
            "Europe/London" | "GB" | "Europe/Belfast" => Some(Country::EnglandWales),
            "Europe/Dublin" | "Eire" => Some(Country::Ireland),
            "Europe/Berlin" | "Europe/Busingen" => Some(Country::Germany),
            "Europe/Amsterdam" => Some(Country::Netherlands),
            _ if tz.starts_with("US/") => Some(Country::UnitedStates),
            "America/New_York"
            | "America/Chicago"
            | "America/Denver"
            | "America/Phoenix"
            | "America/Los_Angeles"
            | "America/Anchorage"
            | "America/Detroit"
            | "America/Boise"
            | "Pacific/Honolulu" => Some(Country::UnitedStates),
            _ if tz.starts_with("America/Indiana/") || tz.starts_with("America/Kentucky/") => {
                Some(Country::UnitedStates)
            }
            _ => None,
        }
    }

    /// The public holidays from `from` to `to` (both included), by date.
    pub fn holidays(self, from: Date, to: Date) -> Vec<(Date, &'static str)> {
        let mut out = Vec::new();
        for year in from.year()..=to.year() {
            for (d, name) in self.of_year(year) {
                if d >= from && d <= to {
                    out.push((d, name));
                }
            }
        }
        out.sort();
        out
    }

    /// The public holidays of one year, by date.
    pub fn of_year(self, year: i16) -> Vec<(Date, &'static str)> {
        let easter = easter(year);
        let e = |days: i64, name: &'static str| (easter + jiff::Span::new().days(days), name);
        let d = |m: i8, day: i8| Date::new(year, m, day).expect("a real date");
        let mut out = match self {
            Country::EnglandWales | Country::NorthernIreland | Country::Scotland => {
                let mut v = vec![
                    e(-2, "Good Friday"),
                    (first(year, 5, Weekday::Monday), "Early May bank holiday"),
                    (last(year, 5, Weekday::Monday), "Spring bank holiday"),
                ];
                v.extend(substituted(&[
                    (d(1, 1), "New Year's Day"),
                    (d(12, 25), "Christmas Day"),
                    (d(12, 26), "Boxing Day"),
                ]));
                match self {
                    Country::Scotland => {
                        v.extend(substituted(&[(d(1, 2), "2nd January")]));
                        v.extend(substituted(&[(d(11, 30), "St Andrew's Day")]));
                        v.push((first(year, 8, Weekday::Monday), "Summer bank holiday"));
                    }
                    Country::NorthernIreland => {
                        v.push(e(1, "Easter Monday"));
                        v.extend(substituted(&[(d(3, 17), "St Patrick's Day")]));
                        v.extend(substituted(&[(d(7, 12), "Battle of the Boyne")]));
                        v.push((last(year, 8, Weekday::Monday), "Summer bank holiday"));
                    }
                    _ => {
                        v.push(e(1, "Easter Monday"));
                        v.push((last(year, 8, Weekday::Monday), "Summer bank holiday"));
                    }
                }
                v
            }
            Country::Ireland => {
                let mut v = vec![
                    e(1, "Easter Monday"),
                    (first(year, 5, Weekday::Monday), "May bank holiday"),
                    (first(year, 6, Weekday::Monday), "June bank holiday"),
                    (first(year, 8, Weekday::Monday), "August bank holiday"),
                    (last(year, 10, Weekday::Monday), "October bank holiday"),
                ];
                // St Brigid's Day (from 2023): the first Monday of
                // February, or 1 February when that is a Friday.
                if year >= 2023 {
                    let feb1 = d(2, 1);
                    v.push((
                        if feb1.weekday() == Weekday::Friday {
                            feb1
                        } else {
                            first(year, 2, Weekday::Monday)
                        },
                        "St Brigid's Day",
                    ));
                }
                v.extend(substituted(&[(d(1, 1), "New Year's Day")]));
                v.extend(substituted(&[(d(3, 17), "St Patrick's Day")]));
                v.extend(substituted(&[
                    (d(12, 25), "Christmas Day"),
                    (d(12, 26), "St Stephen's Day"),
                ]));
                v
            }
            Country::Germany => vec![
                (d(1, 1), "Neujahr (New Year's Day)"),
                e(-2, "Karfreitag (Good Friday)"),
                e(1, "Ostermontag (Easter Monday)"),
                (d(5, 1), "Tag der Arbeit (Labour Day)"),
                e(39, "Christi Himmelfahrt (Ascension Day)"),
                e(50, "Pfingstmontag (Whit Monday)"),
                (d(10, 3), "Tag der Deutschen Einheit (German Unity Day)"),
                (d(12, 25), "1. Weihnachtstag (Christmas Day)"),
                (d(12, 26), "2. Weihnachtstag (St Stephen's Day)"),
            ],
            Country::Netherlands => {
                // King's Day: 27 April, the 26th when the 27th is a Sunday.
                let kings = if d(4, 27).weekday() == Weekday::Sunday {
                    d(4, 26)
                } else {
                    d(4, 27)
                };
                let mut v = vec![
                    (d(1, 1), "Nieuwjaarsdag (New Year's Day)"),
                    e(-2, "Goede Vrijdag (Good Friday)"),
                    e(0, "Eerste Paasdag (Easter Sunday)"),
                    e(1, "Tweede Paasdag (Easter Monday)"),
                    (kings, "Koningsdag (King's Day)"),
                    e(39, "Hemelvaartsdag (Ascension Day)"),
                    e(49, "Eerste Pinksterdag (Whit Sunday)"),
                    e(50, "Tweede Pinksterdag (Whit Monday)"),
                    (d(12, 25), "Eerste Kerstdag (Christmas Day)"),
                    (d(12, 26), "Tweede Kerstdag (Boxing Day)"),
                ];
                // Liberation Day is a day off every fifth year (2025, 2030).
                if year % 5 == 0 {
                    v.push((d(5, 5), "Bevrijdingsdag (Liberation Day)"));
                }
                v
            }
            Country::UnitedStates => {
                let observed = |date: Date, name| {
                    // A Saturday holiday is observed on the Friday before,
                    // a Sunday one on the Monday after.
                    let shift = match date.weekday() {
                        Weekday::Saturday => -1,
                        Weekday::Sunday => 1,
                        _ => 0,
                    };
                    (date + jiff::Span::new().days(shift), name)
                };
                let mut v = vec![
                    observed(d(1, 1), "New Year's Day"),
                    (
                        nth(year, 1, Weekday::Monday, 3),
                        "Birthday of Martin Luther King, Jr.",
                    ),
                    (nth(year, 2, Weekday::Monday, 3), "Washington's Birthday"),
                    (last(year, 5, Weekday::Monday), "Memorial Day"),
                    observed(d(7, 4), "Independence Day"),
                    (first(year, 9, Weekday::Monday), "Labor Day"),
                    (nth(year, 10, Weekday::Monday, 2), "Columbus Day"),
                    observed(d(11, 11), "Veterans Day"),
                    (nth(year, 11, Weekday::Thursday, 4), "Thanksgiving Day"),
                    observed(d(12, 25), "Christmas Day"),
                ];
                if year >= 2021 {
                    v.push(observed(d(6, 19), "Juneteenth National Independence Day"));
                }
                v
            }
        };
        out.sort();
        out
    }
}

/// The public holidays offered for an agreement's service hours: of the
/// country of their time zone, over the agreement's term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicHolidays {
    /// The country, as shown ("England and Wales").
    pub country: &'static str,
    /// The first day of the term.
    pub from: Date,
    /// The last day of the term.
    pub to: Date,
    /// The holidays, by date.
    pub holidays: Vec<crate::model::Holiday>,
}

/// Why no public holidays can be offered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoHolidays {
    /// The service hours have no time zone, so the country is not known.
    #[error(
        "The service hours have no time zone, so Pactwright cannot tell which country's public holidays apply. Set the time zone (e.g. \"Europe/London\") first."
    )]
    NoTimeZone,
    /// The time zone is of a country this calendar does not know.
    #[error(
        "Pactwright does not know the public holidays for the time zone \"{0}\". It knows {1}; add this country's holidays by hand."
    )]
    UnknownCountry(String, String),
}

/// The public holidays of the country of the agreement's service hours,
/// for its term: from the effective date (or `today` while there is none)
/// for the term's months (12 while not stated).
pub fn public_holidays(
    a: &crate::model::Agreement,
    today: Date,
) -> Result<PublicHolidays, NoHolidays> {
    public_holidays_of(a, None, today)
}

/// The country the service hours' time zone most likely means, when it
/// names one this calendar knows.
pub fn country_of(a: &crate::model::Agreement) -> Option<Country> {
    a.service_hours
        .as_ref()
        .and_then(|h| Country::of_time_zone(&h.time_zone))
}

impl Country {
    /// The country of a name as [`Country::name`] gives it.
    pub fn named(name: &str) -> Option<Country> {
        Country::ALL.into_iter().find(|c| c.name() == name.trim())
    }
}

/// [`public_holidays`] of `country` when given (Scotland for a service in
/// Europe/London, say), else of the time zone's country.
pub fn public_holidays_of(
    a: &crate::model::Agreement,
    country: Option<Country>,
    today: Date,
) -> Result<PublicHolidays, NoHolidays> {
    let country = match country {
        Some(c) => c,
        None => {
            let tz = a
                .service_hours
                .as_ref()
                .map(|h| h.time_zone.trim())
                .filter(|t| !t.is_empty())
                .ok_or(NoHolidays::NoTimeZone)?;
            Country::of_time_zone(tz).ok_or_else(|| {
                let names: Vec<_> = Country::ALL.iter().map(|c| c.name()).collect();
                NoHolidays::UnknownCountry(tz.to_owned(), words(&names))
            })?
        }
    };
    let from = a
        .document
        .effective_date
        .as_ref()
        .and_then(|d| d.read())
        .map(|d| d.0)
        .unwrap_or(today);
    let months = i64::from(a.document.term.months.unwrap_or(12).clamp(1, 1200));
    let to = from
        .checked_add(jiff::Span::new().months(months))
        .and_then(|d| d.yesterday())
        .unwrap_or(from);
    let holidays = country
        .holidays(from, to)
        .into_iter()
        .map(|(d, name)| crate::model::Holiday {
            date: crate::units::Typed::Read(crate::units::Date(d)),
            name: name.to_owned(),
        })
        .collect();
    Ok(PublicHolidays {
        country: country.name(),
        from,
        to,
        holidays,
    })
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
pub fn easter(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // Month is 3 or 4 and day 1..=31 by construction.
    Date::new(year, month as i8, day as i8).expect("Easter is a real date")
}

/// The first `weekday` of a month.
fn first(year: i16, month: i8, weekday: Weekday) -> Date {
    nth(year, month, weekday, 1)
}

/// The `n`-th `weekday` of a month (n from 1).
fn nth(year: i16, month: i8, weekday: Weekday, n: i8) -> Date {
    let start = Date::new(year, month, 1).expect("a real month");
    let ahead =
        (weekday.to_monday_zero_offset() - start.weekday().to_monday_zero_offset()).rem_euclid(7);
    start + jiff::Span::new().days(i64::from(ahead) + 7 * i64::from(n - 1))
}

/// The last `weekday` of a month.
fn last(year: i16, month: i8, weekday: Weekday) -> Date {
    let end = Date::new(year, month, 1)
        .expect("a real month")
        .last_of_month();
    let back =
        (end.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
    end - jiff::Span::new().days(i64::from(back))
}

/// Days that move to the next working day not already a holiday when they
/// fall on a weekend (the UK and Irish rule: Christmas on a Saturday gives
/// Monday, and Boxing Day then Tuesday). `days` are in date order.
fn substituted(days: &[(Date, &'static str)]) -> Vec<(Date, &'static str)> {
    let mut taken: Vec<Date> = days
        .iter()
        .map(|(d, _)| *d)
        .filter(|d| !is_weekend(*d))
        .collect();
    let mut out = Vec::new();
    for &(date, name) in days {
        if !is_weekend(date) {
            out.push((date, name));
            continue;
        }
        let mut day = date;
        while is_weekend(day) || taken.contains(&day) {
            day = day.tomorrow().expect("not the end of time");
        }
        taken.push(day);
        out.push((
            day,
            match name {
                "Christmas Day" => "Christmas Day (substitute day)",
                "Boxing Day" => "Boxing Day (substitute day)",
                "New Year's Day" => "New Year's Day (substitute day)",
                "St Stephen's Day" => "St Stephen's Day (substitute day)",
                "St Patrick's Day" => "St Patrick's Day (substitute day)",
                "2nd January" => "2nd January (substitute day)",
                "St Andrew's Day" => "St Andrew's Day (substitute day)",
                "Battle of the Boyne" => "Battle of the Boyne (substitute day)",
                other => other,
            },
        ));
    }
    out
}

/// "a, b and c".
fn words(names: &[&str]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn dates(c: Country, year: i16) -> Vec<String> {
        c.of_year(year)
            .into_iter()
            .map(|(d, n)| format!("{d} {n}"))
            .collect()
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(easter(2024), date(2024, 3, 31));
        assert_eq!(easter(2025), date(2025, 4, 20));
        assert_eq!(easter(2026), date(2026, 4, 5));
        assert_eq!(easter(2027), date(2027, 3, 28));
        assert_eq!(easter(2038), date(2038, 4, 25));
        assert_eq!(easter(2285), date(2285, 3, 22));
    }

    #[test]
    fn england_and_wales_2026_as_gov_uk_lists_them() {
        assert_eq!(
            dates(Country::EnglandWales, 2026),
            [
                "2026-01-01 New Year's Day",
                "2026-04-03 Good Friday",
                "2026-04-06 Easter Monday",
                "2026-05-04 Early May bank holiday",
                "2026-05-25 Spring bank holiday",
                "2026-08-31 Summer bank holiday",
                "2026-12-25 Christmas Day",
                "2026-12-28 Boxing Day (substitute day)",
            ]
        );
    }

    #[test]
    fn christmas_on_a_saturday_moves_both_days() {
        // 2027: Christmas is a Saturday, Boxing Day a Sunday.
        let v = dates(Country::EnglandWales, 2027);
        assert!(v.contains(&"2027-12-27 Christmas Day (substitute day)".to_owned()));
        assert!(v.contains(&"2027-12-28 Boxing Day (substitute day)".to_owned()));
        // 2022: New Year's Day a Saturday gives Monday 3 January.
        assert!(
            dates(Country::EnglandWales, 2022)
                .contains(&"2022-01-03 New Year's Day (substitute day)".to_owned())
        );
    }

    #[test]
    fn germany_and_the_netherlands() {
        assert_eq!(
            dates(Country::Germany, 2026),
            [
                "2026-01-01 Neujahr (New Year's Day)",
                "2026-04-03 Karfreitag (Good Friday)",
                "2026-04-06 Ostermontag (Easter Monday)",
                "2026-05-01 Tag der Arbeit (Labour Day)",
                "2026-05-14 Christi Himmelfahrt (Ascension Day)",
                "2026-05-25 Pfingstmontag (Whit Monday)",
                "2026-10-03 Tag der Deutschen Einheit (German Unity Day)",
                "2026-12-25 1. Weihnachtstag (Christmas Day)",
                "2026-12-26 2. Weihnachtstag (St Stephen's Day)",
            ]
        );
        // King's Day 2025 is a Sunday: kept on Saturday the 26th.
        assert!(
            dates(Country::Netherlands, 2025)
                .contains(&"2025-04-26 Koningsdag (King's Day)".to_owned())
        );
        assert!(
            dates(Country::Netherlands, 2025)
                .contains(&"2025-05-05 Bevrijdingsdag (Liberation Day)".to_owned())
        );
    }

    #[test]
    fn united_states_observed_days() {
        let v = dates(Country::UnitedStates, 2026);
        assert!(v.contains(&"2026-01-19 Birthday of Martin Luther King, Jr.".to_owned()));
        // 4 July 2026 is a Saturday: observed Friday 3 July.
        assert!(v.contains(&"2026-07-03 Independence Day".to_owned()));
        assert!(v.contains(&"2026-11-26 Thanksgiving Day".to_owned()));
        assert_eq!(v.len(), 11);
    }

    #[test]
    fn ireland_2026() {
        let v = dates(Country::Ireland, 2026);
        assert!(v.contains(&"2026-02-02 St Brigid's Day".to_owned()));
        assert!(v.contains(&"2026-10-26 October bank holiday".to_owned()));
        assert_eq!(v.len(), 10);
    }

    #[test]
    fn a_term_spanning_two_years() {
        let v = Country::EnglandWales.holidays(date(2026, 12, 1), date(2027, 1, 31));
        let names: Vec<_> = v.iter().map(|(d, _)| d.to_string()).collect();
        assert_eq!(names, ["2026-12-25", "2026-12-28", "2027-01-01"]);
    }

    #[test]
    fn time_zones_to_countries() {
        assert_eq!(
            Country::of_time_zone("Europe/London"),
            Some(Country::EnglandWales)
        );
        assert_eq!(
            Country::of_time_zone("America/Chicago"),
            Some(Country::UnitedStates)
        );
        assert_eq!(Country::of_time_zone("Asia/Tokyo"), None);
        assert_eq!(Country::of_time_zone("UTC"), None);
    }
}

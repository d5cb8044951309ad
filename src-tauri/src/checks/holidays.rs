//! "Add public holidays": the public holidays of the service's country for
//! the agreement's term, worked out by the core
//! (`pactwright::downtime::holidays`), offered as a start the user edits.

use serde_json::Value;

use super::CheckError;
use crate::dto::HolidaysOffer;
use pactwright::downtime::holidays::{self, Country};
use pactwright::units::Date;

/// The public holidays offered for the draft's service hours: of `country`
/// (a name as the offer lists them) or else of the time zone's country.
#[tauri::command(rename_all = "snake_case")]
pub fn draft_public_holidays(
    draft: Value,
    country: Option<String>,
) -> Result<HolidaysOffer, CheckError> {
    offer(&draft, country.as_deref(), Date::today())
}

/// The command's work, without Tauri (and with today given).
pub fn offer(
    draft: &Value,
    country: Option<&str>,
    today: Date,
) -> Result<HolidaysOffer, CheckError> {
    // Values not understood yet are set aside: the holidays need only the
    // time zone, the effective date and the term.
    let read = pactwright::file::read_lenient(draft);
    let agreement = read
        .agreement
        .ok_or_else(|| CheckError::Unreadable("the draft as a whole".to_owned()))?;
    let chosen = match country.map(str::trim).filter(|c| !c.is_empty()) {
        Some(name) => Some(Country::named(name).ok_or_else(|| {
            CheckError::Refused(format!(
                "Pactwright does not know the public holidays of \"{name}\""
            ))
        })?),
        None => None,
    };
    let countries = Country::ALL.iter().map(|c| c.name().to_owned()).collect();
    let listed: Vec<Date> = agreement
        .service_hours
        .as_ref()
        .map(|h| {
            h.holidays
                .iter()
                .filter_map(|d| d.date.read().copied())
                .collect()
        })
        .unwrap_or_default();
    match holidays::public_holidays_of(&agreement, chosen, today.0) {
        Ok(found) => {
            let mut fresh = Vec::new();
            for h in &found.holidays {
                if !h.date.read().is_some_and(|d| listed.contains(d)) {
                    fresh.push(
                        serde_json::to_value(h).map_err(|e| CheckError::Failed(e.to_string()))?,
                    );
                }
            }
            let already = found.holidays.len() - fresh.len();
            Ok(HolidaysOffer {
                country: Some(found.country.to_owned()),
                countries,
                from: Date(found.from).to_words(),
                to: Date(found.to).to_words(),
                found: found.holidays.len() as u32,
                already: already as u32,
                holidays: fresh,
                note: None,
            })
        }
        Err(why) => Ok(HolidaysOffer {
            country: holidays::country_of(&agreement).map(|c| c.name().to_owned()),
            countries,
            from: String::new(),
            to: String::new(),
            found: 0,
            already: 0,
            holidays: Vec::new(),
            note: Some(why.to_string()),
        }),
    }
}

//! "Add public holidays" in the app: the core's calendar of the service's
//! country for the term, the days already listed left out, another country
//! chosen by hand, and why none can be offered in the core's words.

mod common;

use common::{host, new_sla};
use serde_json::{Value, json};

fn dates(offer: &Value) -> Vec<String> {
    offer["holidays"]
        .as_array()
        .expect("holidays")
        .iter()
        .map(|h| {
            format!(
                "{} {}",
                h["date"].as_str().unwrap_or(""),
                h["name"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn the_term_s_holidays_of_the_time_zone_s_country_not_yet_listed() {
    let h = host();
    let mut draft = new_sla(&h);
    draft["service_hours"] = json!({ "schedule": "Monday to Friday 08:00-18:00", "time_zone": "Europe/London",
        "holidays": [{ "date": "2026-12-25", "name": "Christmas" }] });
    draft["document"]["effective_date"] = json!("2026-01-01");
    draft["document"]["term"] = json!({ "months": 12 });
    let offer = h.ok(
        "draft_public_holidays",
        json!({ "draft": draft, "country": null }),
    );
    assert_eq!(offer["country"], "England and Wales", "{offer}");
    assert_eq!(offer["from"], "1 January 2026");
    assert_eq!(offer["to"], "31 December 2026");
    assert_eq!(offer["found"], 8, "{offer}");
    assert_eq!(offer["already"], 1, "{offer}");
    assert_eq!(
        dates(&offer),
        [
            "2026-01-01 New Year's Day",
            "2026-04-03 Good Friday",
            "2026-04-06 Easter Monday",
            "2026-05-04 Early May bank holiday",
            "2026-05-25 Spring bank holiday",
            "2026-08-31 Summer bank holiday",
            "2026-12-28 Boxing Day (substitute day)",
        ]
    );
    assert!(offer["countries"].as_array().expect("countries").len() >= 7);

    // Scotland, chosen by hand for a service in Europe/London.
    let offer = h.ok(
        "draft_public_holidays",
        json!({ "draft": draft, "country": "Scotland" }),
    );
    assert_eq!(offer["country"], "Scotland");
    let got = dates(&offer);
    assert!(
        got.iter().any(|d| d.starts_with("2026-01-02")),
        "2 January is a Scottish bank holiday: {got:?}"
    );
    assert!(
        got.iter().any(|d| d.starts_with("2026-11-30")),
        "St Andrew's Day: {got:?}"
    );

    // A country Pactwright does not know, by name: refused in words.
    let e = h
        .call(
            "draft_public_holidays",
            json!({ "draft": draft, "country": "Atlantis" }),
        )
        .expect_err("unknown country");
    assert_eq!(e["kind"], "refused");
    assert!(
        e["message"].as_str().unwrap_or("").contains("\"Atlantis\""),
        "{e}"
    );
}

#[test]
fn no_time_zone_or_one_not_known_says_why_and_still_offers_the_countries() {
    let h = host();
    let mut draft = new_sla(&h);
    draft["service_hours"] = json!({ "schedule": "24/7" });
    let offer = h.ok(
        "draft_public_holidays",
        json!({ "draft": draft, "country": null }),
    );
    assert_eq!(offer["holidays"], json!([]));
    assert!(
        offer["note"]
            .as_str()
            .unwrap_or("")
            .contains("no time zone"),
        "{offer}"
    );
    assert!(offer["countries"].as_array().is_some_and(|c| !c.is_empty()));

    draft["service_hours"]["time_zone"] = json!("Asia/Tokyo");
    let offer = h.ok(
        "draft_public_holidays",
        json!({ "draft": draft, "country": null }),
    );
    assert!(
        offer["note"]
            .as_str()
            .unwrap_or("")
            .contains("\"Asia/Tokyo\""),
        "{offer}"
    );
    // Chosen by hand, the term's holidays come even so (12 months from today
    // while there is no effective date).
    let offer = h.ok(
        "draft_public_holidays",
        json!({ "draft": draft, "country": "Germany (nationwide holidays)" }),
    );
    assert!(offer["found"].as_u64().unwrap_or(0) >= 9, "{offer}");

    // A value not understood elsewhere does not stop it.
    draft["service_levels"] = json!([{ "id": "a", "name": "Availability", "metric": "availability", "target": "ninety-nine" }]);
    let offer = h.ok(
        "draft_public_holidays",
        json!({ "draft": draft, "country": "Ireland" }),
    );
    assert_eq!(offer["country"], "Ireland");
}

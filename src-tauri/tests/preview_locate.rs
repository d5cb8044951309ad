//! The preview follows the user: a field's text is found on the pages (in
//! the section being edited first), a value the templates rewrite is
//! found through the part it belongs to, and a click on a page's text
//! names the field it comes from, or the heading above template text.

mod common;

use common::host;
use serde_json::{Value, json};

fn sample() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../samples/it-service-desk.agreement.json"
    ))
    .expect("sample");
    serde_json::from_str(&text).expect("sample json")
}

/// The layout of `draft`, as the UI gets it.
fn laid(h: &common::Host, draft: &Value) -> Value {
    let edit = h.update(draft);
    h.next("laid", edit)["info"].clone()
}

/// The page index of the first outline entry whose title matches.
fn page_of(info: &Value, title: &str) -> u64 {
    info["outline"]
        .as_array()
        .expect("outline")
        .iter()
        .find(|o| o["title"].as_str().is_some_and(|t| t.contains(title)))
        .and_then(|o| o["page"].as_u64())
        .unwrap_or_else(|| panic!("no heading {title}"))
}

/// The pages of the section whose heading matches: from its page to the
/// page of the next heading of its level or higher (as the UI works out).
fn section(info: &Value, title: &str) -> (u64, u64) {
    let outline = info["outline"].as_array().expect("outline");
    let at = outline
        .iter()
        .position(|o| o["title"].as_str().is_some_and(|t| t.contains(title)))
        .unwrap_or_else(|| panic!("no heading {title}"));
    let level = outline[at]["level"].as_u64().expect("level");
    let from = outline[at]["page"].as_u64().expect("page");
    let to = outline[at + 1..]
        .iter()
        .find(|o| o["level"].as_u64().is_some_and(|l| l <= level))
        .and_then(|o| o["page"].as_u64())
        .unwrap_or(from);
    (from, to.max(from))
}

#[test]
fn a_field_s_text_is_found_where_it_is_printed_and_a_click_there_names_the_field() {
    let h = host();
    let draft = sample();
    let info = laid(&h, &draft);
    let rev = info["revision"].clone();
    let (offering, offering_end) = section(&info, "service offering");

    // An action's own words, in the section of the step being edited.
    let ptr = "/offering/actions/0/action";
    let spot = h.ok(
        "preview_locate",
        json!({ "revision": rev, "pointer": ptr, "from_page": offering, "to_page": offering_end }),
    );
    assert_eq!(spot["pointer"], ptr, "{spot}");
    let page = spot["page"].as_u64().expect("page");
    assert!(
        page >= offering && page <= offering_end,
        "found on page {page}, the section is pages {offering}-{offering_end}"
    );
    let rect: Vec<f64> = serde_json::from_value(spot["rect"].clone()).expect("rect");
    assert!(rect[2] > 20.0 && rect[3] > 5.0, "{rect:?}");

    // Clicking the middle of that phrase names the same field.
    let at = h.ok(
        "preview_field_at",
        json!({ "revision": rev, "index": page, "x": rect[0] + rect[2] / 2.0, "y": rect[1] + rect[3] / 2.0 }),
    );
    assert_eq!(at["pointer"], ptr, "{at}");
    assert!(
        at["heading"].as_str().is_some_and(|t| !t.is_empty()),
        "{at}"
    );

    // A short value printed as typed, in the same table.
    let target = h.ok(
        "preview_locate",
        json!({ "revision": rev, "pointer": "/offering/actions/0/target", "from_page": offering, "to_page": offering_end }),
    );
    assert_eq!(target["pointer"], "/offering/actions/0/target", "{target}");
    assert_eq!(target["page"], spot["page"]);

    // "at_least" is printed in words: the target is found through its name.
    let (levels, levels_end) = section(&info, "Service level targets");
    let cmp = h.ok(
        "preview_locate",
        json!({ "revision": rev, "pointer": "/service_levels/0/comparison", "from_page": levels, "to_page": levels_end }),
    );
    assert_eq!(cmp["pointer"], "/service_levels/0", "{cmp}");
    let cmp_page = cmp["page"].as_u64().expect("page");
    assert!(cmp_page >= levels && cmp_page <= levels_end, "{cmp}");
}

#[test]
fn a_click_between_lines_or_on_template_words_names_no_field_but_the_heading() {
    let h = host();
    let draft = sample();
    let info = laid(&h, &draft);
    let rev = info["revision"].clone();
    let page = page_of(&info, "service offering");
    // The very top of the page, above the body (the running header is chrome).
    let at = h.ok(
        "preview_field_at",
        json!({ "revision": rev, "index": page, "x": 2.0, "y": 2.0 }),
    );
    assert_eq!(at["pointer"], Value::Null, "{at}");
    assert_eq!(at["text"], Value::Null, "{at}");
    // An older layout is refused, not mixed up.
    let later = laid(&h, &draft);
    assert_ne!(later["revision"], rev);
    let stale = h.call(
        "preview_field_at",
        json!({ "revision": rev, "index": page, "x": 100.0, "y": 100.0 }),
    );
    assert!(stale.is_err(), "{stale:?}");
    let gone = h.ok(
        "preview_locate",
        json!({ "revision": rev, "pointer": "/document/title" }),
    );
    assert_eq!(gone, Value::Null);
}

#[test]
fn the_title_is_found_and_a_typed_change_is_found_in_the_next_layout() {
    let h = host();
    let mut draft = sample();
    draft["document"]["title"] = json!("Payroll desk agreement for the Northwind finance team");
    let info = laid(&h, &draft);
    let spot = h.ok(
        "preview_locate",
        json!({ "revision": info["revision"], "pointer": "/document/title" }),
    );
    assert_eq!(spot["pointer"], "/document/title", "{spot}");
    assert_eq!(spot["page"], 0, "the cover holds the title: {spot}");
}

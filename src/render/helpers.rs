//! Template helpers for the values agreements print: durations in words,
//! percentages, dates, lists and plurals. Each returns a plain string,
//! which the registry's escape function then makes literal in Markdown.

use handlebars::{Handlebars, handlebars_helper};
use serde_json::Value;

use crate::units::{Date, Duration, Percent};

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// `"4h"` -> `"4 hours"`; anything that is not a duration is printed as is.
pub fn duration_words(v: &Value) -> String {
    let t = text(v);
    match t.parse::<Duration>() {
        Ok(d) if !t.is_empty() => d.to_words(),
        _ => t,
    }
}

/// `"2026-01-01"` -> `"1 January 2026"`.
pub fn date_words(v: &Value) -> String {
    let t = text(v);
    match t.parse::<Date>() {
        Ok(d) => d.to_words(),
        Err(_) => t,
    }
}

/// `"99.90%"` -> `"99.9%"`.
pub fn percent_text(v: &Value) -> String {
    let t = text(v);
    match t.parse::<Percent>() {
        Ok(p) => p.to_string(),
        Err(_) => t,
    }
}

/// `["a", "b", "c"]` -> `"a, b and c"`.
pub fn list_words(v: &Value) -> String {
    let items: Vec<String> = match v {
        Value::Array(items) => items.iter().map(text).filter(|s| !s.is_empty()).collect(),
        other => vec![text(other)],
    };
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

handlebars_helper!(duration: |v: Value| duration_words(&v));
handlebars_helper!(date: |v: Value| date_words(&v));
handlebars_helper!(percent: |v: Value| percent_text(&v));
handlebars_helper!(list: |v: Value| list_words(&v));
handlebars_helper!(plural: |n: Value, one: str, many: str| {
    let count = match &n {
        Value::Array(a) => a.len() as u64,
        Value::Number(x) => x.as_u64().unwrap_or(0),
        Value::String(s) => s.trim().parse().unwrap_or(0),
        _ => 0,
    };
    if count == 1 { one.to_owned() } else { many.to_owned() }
});
handlebars_helper!(lower: |v: Value| text(&v).to_lowercase());
handlebars_helper!(capitalize: |v: Value| {
    let t = text(&v);
    let mut chars = t.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
});

/// A phrase placed mid-sentence: a leading article or determiner is
/// lower-cased ("The charges for..." reads "the charges for..."); any other
/// first word (a name, an acronym) is kept as typed; a closing full stop
/// is dropped.
pub fn inline_text(v: &Value) -> String {
    const WORDS: &[&str] = &[
        "The", "A", "An", "Each", "Every", "All", "Any", "This", "That", "These", "Those", "Our",
        "Your", "Its", "Their", "One", "Two", "Both",
    ];
    let t = text(v);
    let t = t.trim().trim_end_matches(['.', ';', ',']);
    let first = t.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if WORDS.contains(&first) {
        let mut chars = t.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().collect::<String>() + chars.as_str(),
            None => String::new(),
        }
    } else {
        t.to_owned()
    }
}

handlebars_helper!(inline: |v: Value| inline_text(&v));

/// A place placed after a preposition: the countries English names with
/// an article get it ("in the United Kingdom"); a closing full stop is
/// dropped.
pub fn place_text(v: &Value) -> String {
    const WITH_THE: &[&str] = &[
        "United Kingdom",
        "United States",
        "Netherlands",
        "Czech Republic",
        "Philippines",
        "United Arab Emirates",
        "European Union",
        "European Economic Area",
        "Republic of Ireland",
    ];
    let t = text(v);
    let t = t.trim().trim_end_matches(['.', ';', ',']);
    if WITH_THE.iter().any(|c| t.starts_with(c)) {
        format!("the {t}")
    } else {
        t.to_owned()
    }
}

handlebars_helper!(place: |v: Value| place_text(&v));
handlebars_helper!(br: | | "\n");
handlebars_helper!(nodot: |v: Value| text(&v).trim_end().trim_end_matches(['.', ';', ',']).to_owned());

/// Registers every helper.
pub fn register(registry: &mut Handlebars<'_>) {
    registry.register_helper("duration", Box::new(duration));
    registry.register_helper("date", Box::new(date));
    registry.register_helper("percent", Box::new(percent));
    registry.register_helper("list", Box::new(list));
    registry.register_helper("plural", Box::new(plural));
    registry.register_helper("lower", Box::new(lower));
    registry.register_helper("capitalize", Box::new(capitalize));
    // A line break inside a paragraph or table cell: the newline is escaped
    // into a hard break.
    registry.register_helper("br", Box::new(br));
    // A value without its closing full stop, for templates that end the
    // sentence themselves: `{{nodot measurement}}.`
    registry.register_helper("nodot", Box::new(nodot));
    // A value placed mid-sentence: `a share of {{inline basis}}`.
    registry.register_helper("inline", Box::new(inline));
    registry.register_helper("place", Box::new(place));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn helpers_format_values() {
        assert_eq!(duration_words(&json!("1h 30 min")), "1 hour 30 minutes");
        assert_eq!(duration_words(&json!("")), "");
        assert_eq!(date_words(&json!("2026-03-01")), "1 March 2026");
        assert_eq!(percent_text(&json!("99.90%")), "99.9%");
        assert_eq!(list_words(&json!(["a", "b", "c"])), "a, b and c");
        assert_eq!(list_words(&json!(["a"])), "a");
        assert_eq!(list_words(&json!([])), "");
        assert_eq!(
            inline_text(&json!("The charges for May.")),
            "the charges for May"
        );
        assert_eq!(inline_text(&json!("A support case")), "a support case");
        assert_eq!(
            inline_text(&json!("Nimbara probe data")),
            "Nimbara probe data"
        );
        assert_eq!(inline_text(&json!("ISO 27001")), "ISO 27001");
    }
}

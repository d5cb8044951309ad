//! A field's name in words, as the guided steps show it: the pointer
//! `/relationship/reviews/0/participants/0` is "Review 1, participant 1",
//! `/service_hours/schedule` is "Service hours, schedule". Every finding
//! carries it (the pointer stays, for the details view and machine
//! output), so the app and `pactwright check` name fields the same way.
//!
//! Each step of a pointer is a field of the model (named from its key, or
//! from the label the form gives it where that differs) or an item of a
//! list (the list's noun in the singular, counted from 1). Groups that are
//! a step of their own in the app (`document`, `relationship`, `support`,
//! `warranty`, `terms`, `parties`) add no words.

/// The field at `pointer` in words; "The agreement" for the whole draft.
pub fn field_name(pointer: &str) -> String {
    let keys: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|k| k.replace("~1", "/").replace("~0", "~"))
        .collect();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let key = keys[i].as_str();
        // The field this one belongs to (a list item's list).
        let parent = keys[..i]
            .iter()
            .rev()
            .find(|k| k.parse::<usize>().is_err())
            .map(String::as_str);
        let next_index = keys.get(i + 1).and_then(|k| k.parse::<usize>().ok());
        if i == 0 && keys.len() > 1 && GROUPS.contains(&key) {
            i += 1;
            continue;
        }
        if let Some(index) = next_index {
            parts.push(format!("{} {}", item_noun(parent, key), index + 1));
            i += 2;
            continue;
        }
        if let Ok(index) = key.parse::<usize>() {
            // An item of a list that is not itself a field (a list of lists).
            parts.push(format!("item {}", index + 1));
            i += 1;
            continue;
        }
        parts.push(field_label(parent, key));
        i += 1;
    }
    if parts.is_empty() {
        return "The agreement".to_owned();
    }
    let mut text = parts.join(", ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

/// Top-level groups that are a step of their own and add no words.
const GROUPS: [&str; 7] = [
    "responsibilities",
    "document",
    "relationship",
    "support",
    "warranty",
    "terms",
    "parties",
];

/// A field's label where the form's differs from its key in words.
fn field_label(parent: Option<&str>, key: &str) -> String {
    let label = match (parent, key) {
        (Some("support"), "clock") => "support clock",
        (Some("support"), "clock_stops") => "what stops the clock",
        (_, "update_every") => "update interval",
        (_, "rto") => "RTO",
        (_, "rpo") => "RPO",
        (_, "id") => "short id",
        (Some("stakeholders"), "title") => "job title",
        (_, "signs") => "signatory",
        (_, "on") => "event",
        (_, "schema_version") => "file format version",
        (Some("responsibilities"), "provider") => "provider's duties",
        (Some("responsibilities"), "consumer") => "consumer's duties",
        (Some("relationship"), "improvement") => "improvement commitments",
        _ => return words(key),
    };
    label.to_owned()
}

/// The noun of one item of the list `key` (whose parent is `parent`).
fn item_noun(parent: Option<&str>, key: &str) -> String {
    let noun = match (parent, key) {
        (Some("responsibilities"), "provider") => "provider's duty",
        (Some("responsibilities"), "consumer") => "consumer's duty",
        (_, "escalation") => "escalation step",
        (_, "change_history") => "change",
        (_, "glossary") => "glossary entry",
        (_, "maintenance") => "maintenance window",
        (_, "goods") => "good",
        (_, "access") => "access",
        (_, "applies_to") => "target",
        (_, "supports") => "supported agreement",
        (_, "participants") => "participant",
        (_, "after") => "step",
        (_, "matrix") => "matrix cell",
        _ => return singular(&words(key)),
    };
    noun.to_owned()
}

/// A key in words: `effective_date` is "effective date".
fn words(key: &str) -> String {
    key.replace(['_', '-'], " ")
}

/// The singular of a plural noun phrase (its last word).
fn singular(phrase: &str) -> String {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), phrase),
    };
    let one = if let Some(stem) = last.strip_suffix("ies") {
        format!("{stem}y")
    } else if last.ends_with("sses") || last.ends_with("ches") || last.ends_with("shes") {
        last[..last.len() - 2].to_owned()
    } else if let Some(stem) = last.strip_suffix('s') {
        if stem.ends_with('s') {
            last.to_owned()
        } else {
            stem.to_owned()
        }
    } else {
        last.to_owned()
    };
    format!("{head}{one}")
}

#[cfg(test)]
mod tests {
    use super::field_name;

    #[test]
    fn names_read_as_the_steps_show_them() {
        let cases = [
            ("", "The agreement"),
            (
                "/relationship/reviews/0/participants/0",
                "Review 1, participant 1",
            ),
            ("/service_hours/schedule", "Service hours, schedule"),
            ("/document/title", "Title"),
            ("/document/effective_date", "Effective date"),
            ("/document", "Document"),
            ("/parties/provider/name", "Provider, name"),
            ("/service/name", "Service, name"),
            ("/support/priorities/0/resolution", "Priority 1, resolution"),
            (
                "/support/priorities/2/update_every",
                "Priority 3, update interval",
            ),
            ("/service_levels/1/target", "Service level 2, target"),
            (
                "/credit_schemes/0/tiers/1/below",
                "Credit scheme 1, tier 2, below",
            ),
            (
                "/credit_schemes/0/applies_to/0",
                "Credit scheme 1, target 1",
            ),
            ("/stakeholders/3/title", "Stakeholder 4, job title"),
            ("/warranty/availability/period", "Availability, period"),
            ("/warranty/continuity/rto", "Continuity, RTO"),
            (
                "/support/escalation/1/after/0/priority",
                "Escalation step 2, step 1, priority",
            ),
            ("/responsibilities/provider/0", "Provider's duty 1"),
            (
                "/service/dependencies/0/resolution",
                "Service, dependency 1, resolution",
            ),
            (
                "/service_hours/holidays/3/date",
                "Service hours, holiday 4, date",
            ),
            ("/glossary/0/term", "Glossary entry 1, term"),
            ("/offering/actions/0/target", "Offering, action 1, target"),
            ("/support/channels/0/hours", "Channel 1, hours"),
            ("/a~1b", "A/b"),
        ];
        for (pointer, name) in cases {
            assert_eq!(field_name(pointer), name, "{pointer}");
        }
    }
}

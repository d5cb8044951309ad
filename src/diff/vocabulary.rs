//! The words a comparison speaks: which section of the rendered document
//! each part of the model is printed in (titled as the templates title
//! it), what names each list's items (the key a reorder keeps) and what an
//! item is called, and the phrases for fields whose JSON names read badly.

use serde_json::Value;

/// The sections in the order the document prints them.
const SECTIONS: [&str; 16] = [
    "Document control",
    "Parties and stakeholders",
    "The service",
    "The service offering",
    "Utility and warranty",
    "Service hours and availability",
    "Service level targets",
    "Support",
    "Responsibilities",
    "Relationship management",
    "Service credits",
    "Exclusions",
    "Changes, term and termination",
    "Additional clauses",
    "Signatures",
    "Other",
];

/// The section a top-level field of the model is printed in.
pub(super) fn section_of(key: &str) -> &'static str {
    match key {
        "document" => "Document control",
        "parties" | "stakeholders" | "glossary" => "Parties and stakeholders",
        "service" => "The service",
        "offering" => "The service offering",
        "utility" | "warranty" => "Utility and warranty",
        "service_hours" => "Service hours and availability",
        "service_levels" => "Service level targets",
        "support" => "Support",
        "responsibilities" => "Responsibilities",
        "relationship" => "Relationship management",
        "credit_schemes" => "Service credits",
        "exclusions" => "Exclusions",
        "terms" => "Changes, term and termination",
        "clauses" => "Additional clauses",
        "signatures" => "Signatures",
        _ => "Other",
    }
}

/// Where a section comes in the document.
pub(super) fn section_rank(name: &str) -> usize {
    SECTIONS
        .iter()
        .position(|s| *s == name)
        .unwrap_or(SECTIONS.len())
}

/// How a list's items are told apart.
pub(super) enum ListKind {
    /// Objects named by a field (empty: by their whole content).
    Keyed {
        key: &'static str,
        noun: &'static str,
    },
    /// Sentences (or other plain values), aligned as a sequence.
    Sentences { noun: &'static str },
}

/// Item keys and nouns per list (schema paths, items as `*`).
const KEYED: &[(&str, &str, &str)] = &[
    ("document.change_history", "version", "change history entry"),
    ("stakeholders", "id", "stakeholder"),
    ("glossary", "term", "glossary term"),
    ("service_hours.holidays", "date", "holiday"),
    ("service_levels.*.service_hours.holidays", "date", "holiday"),
    ("service.dependencies", "name", "dependency"),
    ("offering.goods", "name", "good"),
    ("offering.access", "resource", "access to"),
    ("offering.actions", "action", "service action"),
    ("warranty.capacity", "metric", "capacity commitment"),
    (
        "warranty.availability.maintenance",
        "when",
        "maintenance window",
    ),
    ("support.channels", "name", "channel"),
    ("support.priorities", "id", "priority"),
    ("support.priorities.*.matrix", "", "matrix cell"),
    ("support.escalation", "contact", "escalation to"),
    ("support.escalation.*.after", "priority", "escalation time"),
    ("relationship.reviews", "name", "review"),
    ("relationship.reports", "name", "report"),
    ("relationship.contacts", "stakeholder", "contact"),
    ("service_levels", "id", "service level target"),
    ("credit_schemes", "name", "credit scheme"),
    ("credit_schemes.*.tiers", "below", "credit tier below"),
    ("signatures", "stakeholder", "signature of"),
    ("clauses", "title", "clause"),
];

/// Nouns for one item of a list of sentences.
const SENTENCES: &[(&str, &str)] = &[
    ("document.supports", "supported agreement"),
    ("service.outcomes", "outcome"),
    ("service.costs_removed", "cost removed"),
    ("service.risks_removed", "risk removed"),
    ("service.costs_imposed", "cost imposed"),
    ("service.risks_imposed", "risk imposed"),
    ("service.in_scope", "in scope"),
    ("service.out_of_scope", "out of scope"),
    ("utility.capabilities", "capability"),
    ("utility.constraints_removed", "constraint removed"),
    ("warranty.security.commitments", "security commitment"),
    ("warranty.security.standards", "security standard"),
    ("service_hours.critical_periods", "critical period"),
    ("support.clock_stops", "clock stop"),
    ("support.escalation.*.priorities", "priority"),
    ("responsibilities.provider", "provider duty"),
    ("responsibilities.consumer", "consumer duty"),
    ("relationship.improvement", "improvement commitment"),
    ("relationship.reviews.*.participants", "participant"),
    ("relationship.reviews.*.agenda", "agenda item"),
    ("relationship.reports.*.contents", "report content"),
    ("relationship.reports.*.recipients", "recipient"),
    ("offering.access.*.limits", "limit"),
    ("credit_schemes.*.applies_to", "target covered"),
    ("stakeholders.*.roles", "role"),
    ("exclusions", "exclusion"),
];

/// Phrases for fields (by schema path or by field name), where the JSON
/// name does not read as the document says it. An empty phrase adds no
/// words: a target's value is the target ("Availability (SL1) 99.5% ->
/// 99.9%").
const FIELDS: &[(&str, &str)] = &[
    ("service_levels.*.target", ""),
    ("service_levels.*.service_hours", "own service hours"),
    ("document.term", "term"),
    ("document.term.months", "length in months"),
    ("document.term.renewal_months", "renewal length in months"),
    ("document.term.notice", "notice"),
    ("parties.provider", "provider"),
    ("parties.consumer", "consumer"),
    ("warranty.availability", "availability"),
    ("support.clock", "support clock"),
    ("rto", "recovery time objective (RTO)"),
    ("rpo", "recovery point objective (RPO)"),
    ("update_every", "update interval"),
    ("on", "on every"),
    ("owner_after_handover", "owner after handover"),
];

/// What is not a change in service terms.
const IGNORED: &[&str] = &["schema_version"];

pub(super) struct Vocabulary {
    /// Stakeholder names by id (the later draft's over the earlier's): a
    /// change names people, never their ids.
    people: std::collections::HashMap<String, String>,
}

/// Fields that hold a stakeholder's id (schema paths, items as `*`).
const PERSON_FIELDS: &[&str] = &[
    "document.owner",
    "document.approver",
    "offering.actions.*.owner",
    "support.escalation.*.contact",
    "relationship.contacts.*.stakeholder",
    "signatures.*.stakeholder",
];

/// Lists of stakeholder ids.
const PERSON_LISTS: &[&str] = &[
    "relationship.reviews.*.participants",
    "relationship.reports.*.recipients",
];

/// Fields of an item, by name, that hold stakeholder ids (for an item
/// added or removed whole).
pub(super) const PERSON_KEYS: &[&str] = &[
    "owner",
    "approver",
    "contact",
    "stakeholder",
    "participants",
    "recipients",
];

impl Vocabulary {
    pub(super) fn new(old: &crate::model::Agreement, new: &crate::model::Agreement) -> Self {
        let mut people = std::collections::HashMap::new();
        for s in old.stakeholders.iter().chain(&new.stakeholders) {
            let name = if s.name.trim().is_empty() {
                s.title.trim()
            } else {
                s.name.trim()
            };
            if !name.is_empty() {
                people.insert(s.id.clone(), name.to_owned());
            }
        }
        Vocabulary { people }
    }

    /// A stakeholder as a reader knows them: by name (the id only when
    /// they have no name, or are not a stakeholder).
    pub(super) fn person(&self, id: &str) -> String {
        self.people
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    }

    /// True for a field holding a stakeholder's id, or a list of them.
    pub(super) fn holds_people(&self, schema: &str) -> bool {
        PERSON_FIELDS.contains(&schema) || PERSON_LISTS.contains(&schema)
    }

    pub(super) fn ignored(&self, schema: &str) -> bool {
        IGNORED.contains(&schema)
    }

    /// A part printed in another section than its top-level field's.
    pub(super) fn section_override(&self, schema: &str) -> Option<&'static str> {
        match schema {
            "warranty.availability" => Some("Service hours and availability"),
            _ => None,
        }
    }

    /// The words a field adds to the subject.
    pub(super) fn field_words(&self, schema: &str, key: &str) -> String {
        if let Some((_, w)) = FIELDS.iter().find(|(p, _)| *p == schema) {
            return (*w).to_owned();
        }
        // Top-level parts are the section itself.
        if !schema.contains('.') {
            return String::new();
        }
        // The first level below a section names nothing new when the
        // section says it ("support.channels" in "Support": "channels").
        if let Some((_, w)) = FIELDS.iter().find(|(p, _)| *p == key) {
            return (*w).to_owned();
        }
        key.replace('_', " ")
    }

    pub(super) fn list(&self, schema: &str) -> ListKind {
        if let Some((_, key, noun)) = KEYED.iter().find(|(p, _, _)| *p == schema) {
            return ListKind::Keyed { key, noun };
        }
        let noun = SENTENCES
            .iter()
            .find(|(p, _)| *p == schema)
            .map_or("item", |(_, n)| *n);
        ListKind::Sentences { noun }
    }

    /// How an item is named: "P1", "Availability (SL1)", "service action
    /// 'Laptop swap'", "holiday 2026-12-25 'Christmas Day'".
    pub(super) fn item_name(&self, list: &str, noun: &str, key: &str, item: &Value) -> String {
        let field = |k: &str| item.get(k).and_then(Value::as_str).unwrap_or("").trim();
        match list {
            "service_levels" => target_name(field("id"), field("name")),
            "support.priorities" => {
                let id = field("id");
                if id.is_empty() {
                    format!("priority '{}'", field("name"))
                } else {
                    id.to_owned()
                }
            }
            "support.priorities.*.matrix" => {
                format!(
                    "matrix cell {} impact, {} urgency",
                    field("impact"),
                    field("urgency")
                )
            }
            "stakeholders" => {
                let (id, name) = (field("id"), field("name"));
                if name.is_empty() {
                    format!("stakeholder {id}")
                } else {
                    format!("stakeholder '{name}'")
                }
            }
            _ if list.ends_with("holidays") => {
                let (date, name) = (field("date"), field("name"));
                if name.is_empty() {
                    format!("holiday {date}")
                } else {
                    format!("holiday {date} '{name}'")
                }
            }
            _ => {
                let name = if key.is_empty() { "" } else { field(key) };
                let person;
                let name = if ["stakeholder", "contact"].contains(&key) && !name.is_empty() {
                    person = self.person(name);
                    person.as_str()
                } else {
                    name
                };
                if name.is_empty() {
                    noun.to_owned()
                } else {
                    format!("{noun} '{name}'")
                }
            }
        }
    }
}

/// A service level target as the document names it: "Availability (SL1)".
pub(super) fn target_name(id: &str, name: &str) -> String {
    match (id.trim(), name.trim()) {
        ("", "") => "service level target".to_owned(),
        (id, "") => id.to_owned(),
        ("", name) => name.to_owned(),
        (id, name) => format!("{name} ({id})"),
    }
}

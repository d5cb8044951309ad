//! The built-in templates: one document template per agreement kind and
//! the shared partials in `templates/partials/`, compiled into the binary.

use std::collections::BTreeMap;

use super::Source;

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("sla", include_str!("../../../templates/sla.md.hbs")),
    ("ola", include_str!("../../../templates/ola.md.hbs")),
    ("uc", include_str!("../../../templates/uc.md.hbs")),
    (
        "offering",
        include_str!("../../../templates/offering.md.hbs"),
    ),
    (
        "partials/cover",
        include_str!("../../../templates/partials/cover.md.hbs"),
    ),
    (
        "partials/glance",
        include_str!("../../../templates/partials/glance.md.hbs"),
    ),
    (
        "partials/changes",
        include_str!("../../../templates/partials/changes.md.hbs"),
    ),
    (
        "partials/contents",
        include_str!("../../../templates/partials/contents.md.hbs"),
    ),
    (
        "partials/control",
        include_str!("../../../templates/partials/control.md.hbs"),
    ),
    (
        "partials/parties",
        include_str!("../../../templates/partials/parties.md.hbs"),
    ),
    (
        "partials/service",
        include_str!("../../../templates/partials/service.md.hbs"),
    ),
    (
        "partials/offering",
        include_str!("../../../templates/partials/offering.md.hbs"),
    ),
    (
        "partials/warranty",
        include_str!("../../../templates/partials/warranty.md.hbs"),
    ),
    (
        "partials/hours",
        include_str!("../../../templates/partials/hours.md.hbs"),
    ),
    (
        "partials/support",
        include_str!("../../../templates/partials/support.md.hbs"),
    ),
    (
        "partials/responsibilities",
        include_str!("../../../templates/partials/responsibilities.md.hbs"),
    ),
    (
        "partials/relationship",
        include_str!("../../../templates/partials/relationship.md.hbs"),
    ),
    (
        "partials/levels",
        include_str!("../../../templates/partials/levels.md.hbs"),
    ),
    (
        "partials/credits",
        include_str!("../../../templates/partials/credits.md.hbs"),
    ),
    (
        "partials/exclusions",
        include_str!("../../../templates/partials/exclusions.md.hbs"),
    ),
    (
        "partials/terms",
        include_str!("../../../templates/partials/terms.md.hbs"),
    ),
    (
        "partials/clauses",
        include_str!("../../../templates/partials/clauses.md.hbs"),
    ),
    (
        "partials/signatures",
        include_str!("../../../templates/partials/signatures.md.hbs"),
    ),
];

pub(super) fn builtin_sources() -> BTreeMap<String, Source> {
    BUILTIN
        .iter()
        .map(|(name, text)| {
            (
                (*name).to_owned(),
                Source {
                    text: (*text).to_owned(),
                    file: format!("templates/{name}.md.hbs"),
                },
            )
        })
        .collect()
}

//! Values kept as typed: a unit field (a duration, a percentage, a date,
//! hours, days) whose text cannot be read yet is kept exactly as typed
//! (`units::Typed`), and is one `not-understood` finding on its field. The
//! finding quotes the text, names the field as a reader would ("the
//! response time of priority P1") and gives an example of what its type
//! understands (`units::Example`); the parser's own account of what is
//! wrong is left out. The other checks leave such a value out.

use crate::checks::{Code, Findings};
use crate::model::{Agreement, Occasion, ServiceHours};
use crate::units::{Example, Typed};

pub(super) fn as_typed(a: &Agreement, f: &mut Findings) {
    let mut v = Visit { f };
    let d = &a.document;
    v.opt(
        "/document/effective_date",
        || "the effective date".into(),
        &d.effective_date,
    );
    v.opt(
        "/document/term/notice",
        || "the notice period".into(),
        &d.term.notice,
    );
    for (i, c) in d.change_history.iter().enumerate() {
        let name = || match c.version.trim() {
            "" => format!("the date of change {}", i + 1),
            version => format!("the date of version {version}"),
        };
        v.opt(&format!("/document/change_history/{i}/date"), name, &c.date);
    }
    if let Some(h) = &a.service_hours {
        v.hours("/service_hours", "the service hours", h);
    }
    for (i, dep) in a.service.dependencies.iter().enumerate() {
        let at = |field: &str| format!("/service/dependencies/{i}/{field}");
        let of = |what: &str| format!("the {what} of \"{}\"", dep.name);
        v.opt(
            &at("availability"),
            || of("availability"),
            &dep.availability,
        );
        v.opt(
            &at("support_hours"),
            || of("support hours"),
            &dep.support_hours,
        );
        v.opt(&at("resolution"), || of("resolution time"), &dep.resolution);
    }
    for (i, act) in a.offering.actions.iter().enumerate() {
        let at = |field: &str| format!("/offering/actions/{i}/{field}");
        let of = |what: &str| format!("the {what} of \"{}\"", act.action);
        v.one(&at("hours"), || of("hours"), &act.hours);
        v.opt(&at("target"), || of("target time"), &act.target);
    }
    let w = &a.warranty;
    if let Some(av) = &w.availability {
        for (i, m) in av.maintenance.iter().enumerate() {
            let at = |field: &str| format!("/warranty/availability/maintenance/{i}/{field}");
            let of = |what: &str| match m.when.trim() {
                "" => format!("the {what} of maintenance window {}", i + 1),
                when => format!("the {what} of the maintenance \"{when}\""),
            };
            v.one(&at("duration"), || of("duration"), &m.duration);
            v.opt(&at("notice"), || of("notice"), &m.notice);
        }
    }
    if let Some(c) = &w.continuity {
        v.opt("/warranty/continuity/rto", || "the RTO".into(), &c.rto);
        v.opt("/warranty/continuity/rpo", || "the RPO".into(), &c.rpo);
    }
    if let Some(s) = &w.security {
        let name = || "the time to notify a security breach".into();
        v.opt(
            "/warranty/security/breach_notification",
            name,
            &s.breach_notification,
        );
    }
    let s = &a.support;
    for (i, c) in s.channels.iter().enumerate() {
        let name = || format!("the hours of the channel \"{}\"", c.name);
        v.one(&format!("/support/channels/{i}/hours"), name, &c.hours);
    }
    for (i, p) in s.priorities.iter().enumerate() {
        let at = |field: &str| format!("/support/priorities/{i}/{field}");
        let of = |what: &str| format!("the {what} of priority {}", p.id);
        v.opt(&at("response"), || of("response time"), &p.response);
        v.opt(&at("resolution"), || of("resolution time"), &p.resolution);
        v.opt(
            &at("update_every"),
            || of("update interval"),
            &p.update_every,
        );
    }
    for (i, e) in s.escalation.iter().enumerate() {
        for (j, t) in e.after.iter().enumerate() {
            let name = || match t.priority.as_str() {
                "" => format!("the time before escalation step {}", i + 1),
                p => format!("the time before escalation step {} for {p}", i + 1),
            };
            v.one(
                &format!("/support/escalation/{i}/after/{j}/after"),
                name,
                &t.after,
            );
        }
    }
    let r = &a.relationship;
    for (i, x) in r.reviews.iter().enumerate() {
        v.occasion(
            &format!("/relationship/reviews/{i}"),
            "review",
            &x.name,
            &x.on,
        );
    }
    for (i, x) in r.reports.iter().enumerate() {
        v.occasion(
            &format!("/relationship/reports/{i}"),
            "report",
            &x.name,
            &x.on,
        );
    }
    for (i, t) in a.service_levels.iter().enumerate() {
        let at = |field: &str| format!("/service_levels/{i}/{field}");
        let name = || format!("the attainment of target \"{}\"", t.label());
        v.opt(&at("attainment"), name, &t.attainment);
        if let Some(h) = &t.service_hours {
            let whose = format!("the service hours of target \"{}\"", t.label());
            v.hours(&at("service_hours"), &whose, h);
        }
    }
    for (i, c) in a.credit_schemes.iter().enumerate() {
        let at = |field: &str| format!("/credit_schemes/{i}/{field}");
        let of = |what: &str| format!("the {what} of \"{}\"", c.label());
        v.opt(&at("claim_window"), || of("claim window"), &c.claim_window);
        v.opt(&at("cap"), || of("credit cap"), &c.cap);
        for (j, t) in c.tiers.iter().enumerate() {
            let tier =
                |what: &str| format!("the {what} of credit tier {} of \"{}\"", j + 1, c.label());
            v.one(&at(&format!("tiers/{j}/below")), || tier("level"), &t.below);
            v.one(
                &at(&format!("tiers/{j}/credit")),
                || tier("credit"),
                &t.credit,
            );
        }
    }
    v.opt(
        "/terms/end_date",
        || "the end date".into(),
        &a.terms.end_date,
    );
    for (i, s) in a.signatures.iter().enumerate() {
        let who = a
            .stakeholder(&s.stakeholder)
            .map(|p| p.name.trim())
            .filter(|n| !n.is_empty())
            .unwrap_or(&s.stakeholder);
        let name = || format!("the date of {who}'s signature");
        v.opt(&format!("/signatures/{i}/date"), name, &s.date);
    }
}

/// What every such finding adds: what happens to the value meanwhile.
const HINT: &str = "it is saved and printed as typed; the checks and the downtime budget leave it out until it is written in a form that is understood";

/// Walks the unit fields, a finding for each one kept as typed.
struct Visit<'f> {
    f: &'f mut Findings,
}

impl Visit<'_> {
    /// A field that is always there.
    fn one<T: Example>(&mut self, pointer: &str, name: impl FnOnce() -> String, value: &Typed<T>) {
        let Some(text) = value.as_typed() else {
            return;
        };
        let message = if text.trim().is_empty() {
            format!("{} is empty; write it like {}", name(), T::EXAMPLE)
        } else {
            format!(
                "\"{}\" for {} is not understood yet; write it like {}",
                shown(text),
                name(),
                T::EXAMPLE
            )
        };
        self.f.error(Code::NotUnderstood, pointer, message, HINT);
    }

    /// A field that may be absent.
    fn opt<T: Example>(
        &mut self,
        pointer: &str,
        name: impl FnOnce() -> String,
        value: &Option<Typed<T>>,
    ) {
        if let Some(value) = value {
            self.one(pointer, name, value);
        }
    }

    /// The unit fields of service hours: the schedule, business days and
    /// holiday dates.
    fn hours(&mut self, at: &str, whose: &str, h: &ServiceHours) {
        self.one(&format!("{at}/schedule"), || whose.to_owned(), &h.schedule);
        let name = || format!("the business days of {}", whose.trim_start_matches("the "));
        self.opt(&format!("{at}/business_days"), name, &h.business_days);
        for (i, d) in h.holidays.iter().enumerate() {
            let name = || match d.name.trim() {
                "" => format!("the date of holiday {}", i + 1),
                holiday => format!("the date of {holiday}"),
            };
            self.one(&format!("{at}/holidays/{i}/date"), name, &d.date);
        }
    }

    /// How soon after its event a review or report is held.
    fn occasion(&mut self, at: &str, what: &str, name: &str, on: &Option<Occasion>) {
        if let Some(o) = on {
            let name = || format!("how soon the {what} \"{name}\" follows its event");
            self.opt(&format!("{at}/on/within"), name, &o.within);
        }
    }
}

/// The text as typed, as quoted in a message: trimmed, on one line, and
/// cut short when long.
fn shown(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= MAX_CHARS {
        line
    } else {
        let cut: String = line.chars().take(MAX_CHARS).collect();
        format!("{}...", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn text_is_quoted_on_one_line_and_cut_short() {
        assert_eq!(shown("  Mon-Fri\n 8 till late "), "Mon-Fri 8 till late");
        let long = "x".repeat(100);
        assert_eq!(shown(&long), format!("{}...", "x".repeat(60)));
    }
}

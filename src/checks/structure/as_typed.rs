//! Values kept as typed: a unit field (a duration, a percentage, a date,
//! hours, days) whose text cannot be read yet is kept exactly as typed
//! (`units::Typed`), and is one `invalid-value` finding on its field. The
//! finding names the field as a reader would ("the response time of
//! priority P1"), quotes the text and says why it cannot be read; the hint
//! shows the field's examples from the JSON Schema, as the lenient reader's
//! hints do. The other checks leave such a value out.

use std::str::FromStr;

use crate::checks::{Code, Findings};
use crate::file::lenient::hint_at;
use crate::model::{Agreement, Occasion, ServiceHours};
use crate::units::{Typed, UnitError};

pub(super) fn as_typed(a: &Agreement, f: &mut Findings) {
    let mut v = Visit { f };
    let d = &a.document;
    v.opt("/document/effective_date", || "the effective date".into(), &d.effective_date);
    v.opt("/document/term/notice", || "the notice period".into(), &d.term.notice);
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
        v.opt(&at("availability"), || of("availability"), &dep.availability);
        v.opt(&at("support_hours"), || of("support hours"), &dep.support_hours);
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
        v.opt("/warranty/security/breach_notification", name, &s.breach_notification);
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
        v.opt(&at("update_every"), || of("update interval"), &p.update_every);
    }
    for (i, e) in s.escalation.iter().enumerate() {
        for (j, t) in e.after.iter().enumerate() {
            let name = || match t.priority.as_str() {
                "" => format!("the time before escalation step {}", i + 1),
                p => format!("the time before escalation step {} for {p}", i + 1),
            };
            v.one(&format!("/support/escalation/{i}/after/{j}/after"), name, &t.after);
        }
    }
    let r = &a.relationship;
    for (i, x) in r.reviews.iter().enumerate() {
        v.occasion(&format!("/relationship/reviews/{i}"), "review", &x.name, &x.on);
    }
    for (i, x) in r.reports.iter().enumerate() {
        v.occasion(&format!("/relationship/reports/{i}"), "report", &x.name, &x.on);
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
            let tier = |what: &str| format!("the {what} of credit tier {} of \"{}\"", j + 1, c.label());
            v.one(&at(&format!("tiers/{j}/below")), || tier("level"), &t.below);
            v.one(&at(&format!("tiers/{j}/credit")), || tier("credit"), &t.credit);
        }
    }
    v.opt("/terms/end_date", || "the end date".into(), &a.terms.end_date);
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

/// Walks the unit fields, a finding for each one kept as typed.
struct Visit<'f> {
    f: &'f mut Findings,
}

impl Visit<'_> {
    /// A field that is always there.
    fn one<T>(&mut self, pointer: &str, name: impl FnOnce() -> String, value: &Typed<T>)
    where
        T: FromStr<Err = UnitError>,
    {
        let (Some(text), Some(why)) = (value.as_typed(), value.why_not()) else {
            return;
        };
        let message = if text.trim().is_empty() {
            format!("{} is empty", name())
        } else {
            format!(
                "{} \"{}\" cannot be read yet: {}",
                name(),
                text.trim(),
                reason(&why.message)
            )
        };
        self.f
            .error(Code::UnreadableValue, pointer, message, hint_at(pointer));
    }

    /// A field that may be absent.
    fn opt<T>(&mut self, pointer: &str, name: impl FnOnce() -> String, value: &Option<Typed<T>>)
    where
        T: FromStr<Err = UnitError>,
    {
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

/// Why a text cannot be read, in fewer words: the parser's message without
/// its leading `invalid duration "x": ` (the finding quotes the text
/// itself) and without its closing `; write it like ...` (the hint shows
/// the examples).
fn reason(message: &str) -> String {
    let mut rest = message.trim();
    // Nested messages (hours around a schedule around days) each lead with
    // their own "invalid ...": keep the innermost reason.
    while let Some(after) = rest
        .strip_prefix("invalid ")
        .and_then(|r| r.split_once("\": "))
        .map(|(_, after)| after)
    {
        // "invalid time of day "8": write it as HH:MM" says it all.
        if after.starts_with("write ") {
            break;
        }
        rest = after;
    }
    let cut = ["; write", "; or \"service_hours\"", "; a claim window is"]
        .iter()
        .filter_map(|end| rest.find(end))
        .min();
    let short = cut.map_or(rest, |i| &rest[..i]).trim();
    if short.is_empty() {
        message.trim().to_owned()
    } else {
        short.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::reason;

    #[test]
    fn reasons_leave_out_what_the_finding_says_itself() {
        assert_eq!(
            reason("invalid percentage \"99.9\": it must end with `%`; write it like \"99.95%\""),
            "it must end with `%`"
        );
        assert_eq!(
            reason(
                "invalid duration \"4 hourz\": unknown unit `hourz` (use s, min, h, d, w or bd for business days); write it like \"4h\""
            ),
            "unknown unit `hourz` (use s, min, h, d, w or bd for business days)"
        );
        assert_eq!(
            reason("invalid time of day \"8\": write it as HH:MM on a 24-hour clock"),
            "invalid time of day \"8\": write it as HH:MM on a 24-hour clock"
        );
    }
}

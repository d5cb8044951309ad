//! "At a glance": the one-page summary a sponsor reads first. What is
//! promised in numbers and words, what happens when it is missed, what the
//! consumer takes on and must do, and, for a draft, what is still open.
//!
//! The page must never spill onto a second one, whatever the draft holds,
//! so the summary is bounded here by construction: at most [`MAX_TARGETS`]
//! availability promises, [`MAX_LIST`] items of each list, [`MAX_CREDITS`]
//! credit schemes and [`MAX_FINDINGS`] findings, each shortened to its first
//! sentence or at most [`MAX_CHARS`] characters, with the rest counted and
//! referred to by the section that holds it. `tests/glance.rs` renders the
//! largest summary these bounds allow, on A4 and Letter, and checks it
//! fits on one page.

use serde_json::{Value, json};

use super::dur_words;
use crate::checks::{self, Severity};
use crate::downtime::{self, TargetBudget};
use crate::model::*;

/// Availability promises shown; more are counted.
pub const MAX_TARGETS: usize = 3;
/// Credit levels of a scheme shown; more are counted.
pub const MAX_TIERS: usize = 3;
/// Items of each list (duties, costs and risks) shown; more are counted.
pub const MAX_LIST: usize = 3;
/// Credit schemes summarised; more are counted.
pub const MAX_CREDITS: usize = 2;
/// Findings of a draft shown; more are counted.
pub const MAX_FINDINGS: usize = 2;
/// The longest text an item keeps before it is shortened.
pub const MAX_CHARS: usize = 85;

/// The summary of an agreement as templates see it.
pub(super) fn glance(a: &Agreement) -> Value {
    let d = &a.document;
    let mut promises: Vec<Value> = Vec::new();
    let targets: Vec<_> = a.availability_targets().collect();
    for (i, t) in targets.iter().take(MAX_TARGETS) {
        let period = a.period_of(t);
        let meaning = match downtime::target_budget(a, *i) {
            Ok(b) => budget_words(&b),
            Err(_) => String::new(),
        };
        promises.push(json!({
            "what": if t.name.trim().is_empty() { format!("Availability ({})", t.id) } else { format!("{} ({})", brief(&t.name, 40), t.id) },
            "target": format!("{} {}", comparison(t.comparison), t.target),
            "per": "",
            "meaning": match (per(period), meaning.is_empty()) {
                ("", _) => meaning,
                (p, true) => p.to_owned(),
                (p, false) => format!("{p}: {meaning}"),
            },
        }));
    }
    let more_targets = targets.len().saturating_sub(MAX_TARGETS);
    // The most urgent priority: the first in the list, as the support
    // section orders them.
    if let Some(p) = a.support.priorities.first() {
        let label = if p.name.trim().is_empty() || p.name == p.id {
            p.id.clone()
        } else {
            format!("{} ({})", brief(&p.name, 40), p.id)
        };
        let clock = match a.support.clock_of(p) {
            Clock::ServiceHours => "counted in service hours",
            Clock::Calendar => "counted around the clock",
        };
        let times: Vec<(&str, String)> = [("response", &p.response), ("resolution", &p.resolution)]
            .into_iter()
            .filter_map(|(what, d)| d.as_ref().map(|d| (what, dur_words(d))))
            .collect();
        if !times.is_empty() {
            let what: Vec<&str> = times.iter().map(|(w, _)| *w).collect();
            let when: Vec<&str> = times.iter().map(|(_, d)| d.as_str()).collect();
            promises.push(json!({
                "what": format!("{label} {}", what.join(" and ")),
                "target": format!("within {}", when.join(" and ")),
                "per": "",
                "meaning": clock,
            }));
        }
    }
    if let Some(h) = &a.service_hours {
        let zone = if h.time_zone.is_empty() {
            String::new()
        } else {
            format!(" ({})", h.time_zone)
        };
        promises.push(json!({
            "what": "Support hours",
            "target": format!("{}{zone}", super::shown(&h.schedule)),
            "per": "",
            "meaning": if h.holidays.is_empty() { String::new() } else { format!("except {} listed holiday{}", h.holidays.len(), if h.holidays.len() == 1 { "" } else { "s" }) },
        }));
    }

    let credits: Vec<Value> = a
        .credit_schemes
        .iter()
        .take(MAX_CREDITS)
        .map(|c| {
            let mut tiers: Vec<String> = c
                .tiers
                .iter()
                .take(MAX_TIERS)
                .map(|t| {
                    format!(
                        "{} below {}",
                        super::shown(&t.credit),
                        super::shown(&t.below)
                    )
                })
                .collect();
            if c.tiers.len() > MAX_TIERS {
                tiers.push(format!("{} more levels", c.tiers.len() - MAX_TIERS));
            }
            let mut terms = Vec::new();
            if let Some(cap) = &c.cap {
                terms.push(format!("capped at {}", super::shown(cap)));
            }
            if c.sole_remedy {
                terms.push("the sole remedy".to_owned());
            }
            json!({
                "name": brief(c.label(), 40),
                "tiers": tiers,
                "terms": terms,
            })
        })
        .collect();
    let more_credits = a.credit_schemes.len().saturating_sub(MAX_CREDITS);

    let service = &a.service;
    let takes_on_all: Vec<String> = service
        .costs_imposed
        .iter()
        .map(|c| brief(&format!("Cost: {c}"), MAX_CHARS))
        .chain(
            service
                .risks_imposed
                .iter()
                .map(|r| brief(&format!("Risk: {r}"), MAX_CHARS)),
        )
        .collect();
    let (takes_on, more_takes_on) = bounded(takes_on_all);
    let (duties, more_duties) = bounded(
        a.responsibilities
            .consumer
            .iter()
            .map(|c| brief(c, MAX_CHARS))
            .collect(),
    );

    let open = !matches!(d.status, Status::Approved | Status::Signed);
    // A failure inside the checks must not take the summary (and with it
    // the preview and the PDF) down: the summary then says so.
    let checked = if open {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| checks::check(a))).ok()
    } else {
        Some(Vec::new())
    };
    let (findings, errors, warnings) = if let Some(all) = checked.as_ref().filter(|_| open) {
        let errors = all.iter().filter(|f| f.severity == Severity::Error).count();
        let warnings = all
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        let shown: Vec<Value> = all
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .take(MAX_FINDINGS)
            .map(|f| {
                json!({
                    "severity": match f.severity { Severity::Error => "Error", Severity::Warning => "Warning", Severity::Info => "Note" },
                    "message": brief(&f.message, MAX_CHARS),
                })
            })
            .collect();
        (shown, errors, warnings)
    } else {
        (Vec::new(), 0, 0)
    };
    let open_count = errors + warnings;
    json!({
        "provider": brief(&a.parties.provider.name, 50),
        "consumer": brief(&a.parties.consumer.name, 50),
        "service": brief(&a.service.name, 50),
        "renewal": match d.term.renewal {
            Renewal::Unspecified => "",
            Renewal::Automatic => ", renewing automatically",
            Renewal::ByAgreement => ", renewable by agreement",
            Renewal::None => ", not renewed",
        },
        "promises": promises,
        "more_targets": more_targets,
        "credits": credits,
        "more_credits": more_credits,
        "takes_on": takes_on,
        "more_takes_on": more_takes_on,
        "duties": duties,
        "more_duties": more_duties,
        "findings": findings,
        "more_findings": open_count.saturating_sub(findings.len()),
        "shown_findings": findings.len(),
        "open": open && open_count > 0,
        "unchecked": checked.is_none(),
        "open_summary": open_summary(errors, warnings),
    })
}

/// "2 errors and 1 warning".
fn open_summary(errors: usize, warnings: usize) -> String {
    let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => String::new(),
        (e, 0) => n(e, "error"),
        (0, w) => n(w, "warning"),
        (e, w) => format!("{} and {}", n(e, "error"), n(w, "warning")),
    }
}

fn comparison(c: Comparison) -> &'static str {
    match c {
        Comparison::AtLeast => "at least",
        Comparison::AtMost => "at most",
    }
}

/// "each calendar month", as the promise's period reads after its figure.
fn per(period: PeriodConvention) -> &'static str {
    match period {
        PeriodConvention::Unspecified => "",
        PeriodConvention::CalendarMonth => "each calendar month",
        PeriodConvention::Month30Days => "each 30-day month",
        PeriodConvention::AverageMonth => "each month",
        PeriodConvention::CalendarQuarter => "each calendar quarter",
        PeriodConvention::Year365Days => "each year",
    }
}

/// The downtime a target allows in each period: "at most 43m 50s of
/// downtime" (a range when periods differ in length).
fn budget_words(b: &TargetBudget) -> String {
    if b.varies() {
        format!(
            "{} to {} of downtime",
            short(b.least.allowed_ms),
            short(b.most.allowed_ms)
        )
    } else {
        format!("at most {} of downtime", short(b.least.allowed_ms))
    }
}

/// Downtime to the second, short: "4m 2s".
fn short(ms: u64) -> String {
    downtime::format_ms((ms + 500) / 1000 * 1000)
}

/// At most [`MAX_LIST`] items, and how many more there are.
fn bounded(mut items: Vec<String>) -> (Vec<String>, usize) {
    let more = items.len().saturating_sub(MAX_LIST);
    items.truncate(MAX_LIST);
    (items, more)
}

/// A text shortened for the summary: its first sentence when that is
/// short enough, else cut at a word boundary before `max` characters with
/// an ellipsis. Text already short is kept whole.
pub(crate) fn brief(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    // The first sentence: ". " after at least a few words.
    if let Some(end) = text.match_indices(". ").map(|(i, _)| i).find(|&i| i > 20)
        && text[..=end].chars().count() <= max
    {
        return text[..=end].to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One word longer than the limit: cut it.
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.', ' ']);
    format!("{trimmed}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brief_keeps_short_text_and_cuts_long_text_at_a_word() {
        assert_eq!(brief("Keep   it short.", 40), "Keep it short.");
        assert_eq!(
            brief(
                "Report incidents through the portal. Then wait for the call back.",
                45
            ),
            "Report incidents through the portal."
        );
        let cut = brief("one two three four five six seven eight nine ten", 20);
        assert_eq!(cut, "one two three four…");
        assert!(cut.chars().count() <= 20);
        assert_eq!(brief(&"x".repeat(30), 10).chars().count(), 10);
    }

    #[test]
    fn open_findings_are_counted_in_words() {
        assert_eq!(open_summary(1, 0), "1 error");
        assert_eq!(open_summary(2, 1), "2 errors and 1 warning");
        assert_eq!(open_summary(0, 3), "3 warnings");
    }
}

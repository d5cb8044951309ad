//! Dates and term: an end date after the effective date and in step with
//! the term, notice shorter than the term, signatures dated between the
//! version they sign and the effective date, signatures only on an
//! approved version, the current version in the change history, holidays
//! inside the term.

use jiff::ToSpan;

use super::Ctx;
use crate::checks::{Code, Findings};
use crate::units::{Date, Given};

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let d = &a.document;
    let effective = d.effective_date.get();
    let end_by_term = effective.and_then(|e| {
        let months = d.term.months?;
        e.0.checked_add((months as i64).months()).ok()
    });
    if let (Some(start), Some(end)) = (effective, a.terms.end_date.get()) {
        if end.0 <= start.0 {
            f.error(
                Code::EndBeforeEffective,
                "/terms/end_date",
                format!(
                    "the agreement ends on {} but takes effect on {}",
                    end.to_words(),
                    start.to_words()
                ),
                "check both dates: the end date comes after the effective date",
            );
        } else if let Some(expected) = end_by_term {
            let day_before = expected.yesterday().unwrap_or(expected);
            if end.0 != expected && end.0 != day_before {
                f.warning(
                    Code::EndDateNotTerm,
                    "/terms/end_date",
                    format!(
                        "the agreement ends on {}, but {} months from {} is {}",
                        end.to_words(),
                        d.term.months.unwrap_or_default(),
                        start.to_words(),
                        Date(day_before).to_words()
                    ),
                    "make the end date the last day of the term, or correct the term's length",
                );
            }
        }
    }
    let notice = d.term.notice.get();
    if let Some((notice, secs)) = notice.and_then(|n| Some((n, ctx.around_the_clock(n)?))) {
        let notice_days = secs / 86_400;
        for (months, field, what) in [
            (d.term.months, "months", "term"),
            (d.term.renewal_months, "renewal_months", "renewal term"),
        ] {
            if let Some(m) = months {
                // A month is at least 28 days: notice of 28 x months days or
                // more cannot be given within the term.
                if notice_days >= u64::from(m) * 28 {
                    f.error(
                        Code::NoticeLongerThanTerm,
                        "/document/term/notice",
                        format!(
                            "notice of {} cannot be given within a {what} of {m} month{} (/document/term/{field})",
                            notice.to_words(),
                            if m == 1 { "" } else { "s" }
                        ),
                        "shorten the notice or lengthen the term",
                    );
                }
            }
        }
    }
    // The current version and its history.
    let version = d.version.trim();
    let current = d
        .change_history
        .iter()
        .find(|c| c.version.trim() == version);
    if !version.is_empty() && !d.change_history.is_empty() && current.is_none() {
        f.warning(
            Code::VersionNotInHistory,
            "/document/change_history",
            format!(
                "version {version} is not in the change history (the latest entry is {})",
                d.change_history
                    .last()
                    .map(|c| c.version.as_str())
                    .unwrap_or_default()
            ),
            format!("add an entry for version {version} saying what changed"),
        );
    }
    let written = current.and_then(|c| c.date.get());
    if !a.signatures.is_empty() && !d.status.claims_approval() {
        f.error(
            Code::SignedNotApproved,
            "/signatures",
            format!(
                "{} signature{} recorded on version {version}, which is {}, not approved",
                a.signatures.len(),
                if a.signatures.len() == 1 {
                    " is"
                } else {
                    "s are"
                },
                d.status.label().to_lowercase()
            ),
            "approve the version before it is signed, or remove the signatures",
        );
    }
    for (i, s) in a.signatures.iter().enumerate() {
        let Some(date) = s.date.get() else {
            continue;
        };
        let who = a
            .stakeholder(&s.stakeholder)
            .map(|p| p.name.clone())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| s.stakeholder.clone());
        if let Some(w) = written {
            if date.0 < w.0 {
                f.error(
                    Code::SignatureBeforeVersion,
                    format!("/signatures/{i}/date"),
                    format!(
                        "{who} signed on {}, before version {version} was written on {}",
                        date.to_words(),
                        w.to_words()
                    ),
                    "a signature can only be on a version that exists: check the date, or the version signed",
                );
            }
        }
        if let Some(e) = effective {
            if date.0 > e.0 {
                f.warning(
                    Code::SignatureAfterEffective,
                    format!("/signatures/{i}/date"),
                    format!(
                        "{who} signed on {}, after the agreement took effect on {}",
                        date.to_words(),
                        e.to_words()
                    ),
                    "sign before the effective date, or move the effective date",
                );
            }
        }
    }
    // Holidays inside the term.
    let end = a.terms.end_date.get().map(|e| e.0).or(end_by_term);
    for (base, hours) in crate::checks::structure::hours_with_pointers(a) {
        for (i, h) in hours.holidays.iter().enumerate() {
            let Some(date) = h.date.get() else {
                continue;
            };
            let before = effective.is_some_and(|e| date.0 < e.0);
            let after = end.is_some_and(|e| date.0 > e);
            if before || after {
                f.warning(
                    Code::HolidayOutsideTerm,
                    format!("{base}/holidays/{i}"),
                    format!(
                        "holiday {} ({}) falls {} the agreement's term",
                        date.to_words(),
                        if h.name.trim().is_empty() {
                            "unnamed"
                        } else {
                            h.name.trim()
                        },
                        if before { "before" } else { "after" }
                    ),
                    "list the holidays of the term (check the year), or remove this one",
                );
            }
        }
    }
}

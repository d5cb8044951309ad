//! What a reviewer flags (domain.md section 4), one file per family of
//! findings, written the way a service level manager reads a draft: vague
//! or unmeasured targets, credits out of step with their targets, figures
//! stated twice, dates and term, roles and sides, priority ordering, hours
//! against promises, warranty coherence, one-sided relationship management,
//! weak dependencies and vague words.

mod approval;
mod credits;
mod dates;
mod dependencies;
mod hours;
mod priorities;
mod relationship;
mod restated;
mod roles;
mod targets;
mod vague;
mod warranty;

use super::Findings;
use crate::downtime::Calendar;
use crate::model::{Agreement, Clock, Priority};
use crate::units::Duration;

/// What every family needs: the draft and its service-hours calendar
/// (`None` while the service hours are as typed, not read yet).
pub(crate) struct Ctx<'a> {
    pub a: &'a Agreement,
    pub calendar: Option<Calendar>,
}

impl Ctx<'_> {
    /// The average elapsed time a priority's duration takes on its clock,
    /// so that times on different clocks and in business days compare;
    /// `None` when that depends on service hours not read yet.
    pub fn elapsed(&self, p: &Priority, d: Duration) -> Option<u64> {
        self.elapsed_on(self.a.support.clock_of(p), d)
    }

    /// The same for a duration on a clock.
    pub fn elapsed_on(&self, clock: Clock, d: Duration) -> Option<u64> {
        match &self.calendar {
            Some(c) => Some(c.elapsed_secs(d, clock)),
            None => self
                .around_the_clock(d)
                .filter(|_| clock == Clock::Calendar),
        }
    }

    /// What a duration is worth counted around the clock (business days
    /// as the elapsed time they span); `None` when that depends on service
    /// hours not read yet.
    pub fn around_the_clock(&self, d: Duration) -> Option<u64> {
        match &self.calendar {
            Some(c) => Some(c.clock_secs(d, Clock::Calendar)),
            None => d.elapsed_secs(),
        }
    }
}

pub(crate) fn check(a: &Agreement, f: &mut Findings) {
    let ctx = Ctx {
        a,
        calendar: Calendar::of(a.service_hours.as_ref()),
    };
    targets::check(&ctx, f);
    credits::check(&ctx, f);
    restated::check(&ctx, f);
    dates::check(&ctx, f);
    approval::check(&ctx, f);
    roles::check(&ctx, f);
    priorities::check(&ctx, f);
    hours::check(&ctx, f);
    warranty::check(&ctx, f);
    relationship::check(&ctx, f);
    dependencies::check(&ctx, f);
    vague::check(&ctx, f);
}

/// Text cut to 60 characters for a message.
pub(crate) fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// A duration in a message: "3 business days", "4h".
pub(crate) fn said(d: Duration) -> String {
    if d.business_days().is_some() {
        d.to_words()
    } else {
        d.to_string()
    }
}

//! Hours against promises: round-the-clock targets need a channel open
//! around the clock, an action is promised only when its channel is open,
//! and a priority's clock runs only when someone can take the incident.

use super::Ctx;
use crate::checks::{Code, Findings};
use crate::model::Clock;
use crate::units::{Hours, Schedule, Typed};

/// True when some minute of `needed` is not covered by `offered`.
pub(crate) fn covers_less(offered: &Schedule, needed: &Schedule) -> bool {
    (0..7).any(|day| {
        let have = offered.intervals_on(day);
        needed
            .intervals_on(day)
            .iter()
            .any(|&(s, e)| !have.iter().any(|&(hs, he)| hs <= s && e <= he))
    })
}

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let service = a.schedule();
    let channels = &a.support.channels;
    if channels.is_empty() {
        return;
    }
    let round_the_clock = |s: Option<&Schedule>| s.is_some_and(Schedule::is_always);
    let open_24x7 = channels
        .iter()
        .any(|c| round_the_clock(c.hours.resolve(service)));
    // Hours not read yet (a channel's, or the service hours a channel
    // keeps) could be 24x7: what depends on them is not judged.
    let service_unread = a
        .service_hours
        .as_ref()
        .is_some_and(|h| h.schedule.as_typed().is_some());
    let unread = channels.iter().any(|c| match &c.hours {
        Typed::AsTyped(_) => true,
        Typed::Read(Hours::ServiceHours) => service_unread,
        Typed::Read(Hours::Schedule(_)) => false,
    });
    if unread && !open_24x7 {
        return;
    }
    // Targets promised around the clock.
    let always_targets: Vec<String> = a
        .availability_targets()
        .filter(|(_, t)| round_the_clock(a.hours_of(t).and_then(|h| h.schedule.read())))
        .map(|(_, t)| format!("\"{}\"", t.label()))
        .collect();
    if !open_24x7 && !always_targets.is_empty() {
        let hours: Vec<String> = channels
            .iter()
            .map(|c| {
                format!(
                    "{} ({})",
                    c.name,
                    c.hours
                        .resolve(service)
                        .map_or("hours not stated".to_owned(), |s| s.to_string())
                )
            })
            .collect();
        f.error(
            Code::NoRoundTheClockChannel,
            "/support/channels",
            format!(
                "{} {} promised 24x7, but every channel keeps limited hours: {}; an outage at night cannot be reported",
                always_targets.join(", "),
                if always_targets.len() == 1 { "is" } else { "are" },
                hours.join(", ")
            ),
            "open one channel (e.g. the phone line for P1) 24x7, or promise availability in the hours someone answers",
        );
    }
    // A clock that runs when nobody is there.
    for (i, p) in a.support.priorities.iter().enumerate() {
        if a.support.clock_of(p) != Clock::Calendar || open_24x7 {
            continue;
        }
        let pointer = if p.clock.is_some() {
            format!("/support/priorities/{i}/clock")
        } else {
            "/support/clock".to_owned()
        };
        f.warning(
            Code::ClockRunsWhenClosed,
            pointer,
            format!(
                "{} runs on a 24x7 clock, but no channel is open 24x7: its response time ({}) can lapse overnight before anyone can answer",
                p.id,
                match &p.response {
                    None => "not set".to_owned(),
                    Some(Typed::Read(d)) => super::said(*d),
                    Some(Typed::AsTyped(text)) => format!("\"{text}\""),
                }
            ),
            "put the priority on the service-hours clock, or open a channel around the clock",
        );
    }
    // Actions against their channel's hours.
    for (i, act) in a.offering.actions.iter().enumerate() {
        let Some(ch) = channels.iter().find(|c| c.name == act.channel) else {
            continue;
        };
        let (Some(promised), Some(open)) = (act.hours.resolve(service), ch.hours.resolve(service))
        else {
            continue;
        };
        if covers_less(open, promised) {
            f.warning(
                Code::ActionOutsideChannelHours,
                format!("/offering/actions/{i}/hours"),
                format!(
                    "\"{}\" is promised {promised}, but it is asked for through {} which is open {open}",
                    act.action, ch.name
                ),
                "offer the action in the channel's hours, or name a channel open when the action is",
            );
        }
    }
}

//! The downtime budget of one availability target of an agreement, as the
//! PDF prints it and the app shows it: a row per period of its convention
//! (the first twelve months, or four quarters, of the term for calendar
//! periods), the periods allowing least and most, and the maintenance
//! excluded. The template view and the app both call [`target_budget`], so
//! they cannot disagree; [`draft_budget`] reads a draft being typed first.
//! With the `ipc` feature (the desktop app) the types carry their
//! TypeScript declarations and cross IPC as they are.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::{Calendar, DowntimeError, Period, budget, format_ms, ms_in_words};
use crate::file::lenient;
use crate::model::{
    Agreement, MaintenanceWindow, Metric, PeriodConvention, ServiceHours, TargetValue,
};
use crate::units::{Duration, Given, Percent};

/// One period of a downtime budget, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ipc", derive(ts_rs::TS))]
pub struct BudgetRow {
    /// The period, e.g. "30.4375-day month" or "February 2026".
    pub period: String,
    /// Allowed downtime, e.g. "43m 12s".
    pub allowed: String,
    /// The same in milliseconds.
    #[cfg_attr(feature = "ipc", ts(type = "number"))]
    pub allowed_ms: u64,
    /// The same in words, e.g. "43 minutes 12 seconds".
    pub words: String,
    /// Service hours in the period after exclusions, e.g. "720" or "217.4".
    pub service_hours: String,
}

/// The downtime budget of an availability target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ipc", derive(ts_rs::TS))]
pub struct TargetBudget {
    /// One row per period (twelve for calendar months, four for calendar
    /// quarters, else one).
    pub rows: Vec<BudgetRow>,
    /// The period allowing least downtime (the first of equals).
    pub least: BudgetRow,
    /// The period allowing most (the last of equals).
    pub most: BudgetRow,
    /// Maintenance excluded from the calculation, per average month
    /// ("4h"); empty when there is none.
    pub excluded_maintenance: String,
}

impl TargetBudget {
    /// True when periods allow different downtime (calendar months).
    pub fn varies(&self) -> bool {
        self.least.allowed != self.most.allowed
    }
}

/// Why there is no downtime budget to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ipc", derive(ts_rs::TS))]
pub struct BudgetNote {
    /// What is missing.
    pub kind: BudgetNoteKind,
    /// What to do about it, in a sentence for the user.
    pub message: String,
}

/// The kinds of [`BudgetNote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ipc", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum BudgetNoteKind {
    /// There is no availability target (at that place).
    NoTarget,
    /// A value the budget needs cannot be read yet.
    Unreadable,
    /// The target has no percentage, or no period is chosen.
    Incomplete,
    /// The arithmetic refuses the inputs (a target over 100%, an unknown
    /// time zone).
    Unusable,
}

impl BudgetNote {
    fn no_target() -> Self {
        BudgetNote {
            kind: BudgetNoteKind::NoTarget,
            message: "Add an availability target to see the downtime it allows.".to_owned(),
        }
    }

    fn incomplete() -> Self {
        BudgetNote {
            kind: BudgetNoteKind::Incomplete,
            message: "Give the target a percentage and choose the period it is measured over to see the downtime it allows.".to_owned(),
        }
    }

    fn unusable(error: &DowntimeError) -> Self {
        BudgetNote {
            kind: BudgetNoteKind::Unusable,
            message: format!("The downtime cannot be computed: {error}."),
        }
    }

    fn waiting(what: &str, text: &str) -> Self {
        BudgetNote {
            kind: BudgetNoteKind::Unreadable,
            message: format!(
                "The downtime cannot be computed until the {what} can be read: \"{}\" is not understood yet.",
                text.trim()
            ),
        }
    }

    fn unreadable(what: &str, field: &str, reason: &str) -> Self {
        let field = if field.is_empty() {
            what.to_owned()
        } else {
            format!("{what} {}", field.replace('_', " "))
        };
        BudgetNote {
            kind: BudgetNoteKind::Unreadable,
            message: format!("The {field} cannot be read yet ({reason})."),
        }
    }
}

impl fmt::Display for BudgetNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The downtime budget of the availability target at `index` of the
/// agreement's service levels: under its period convention, on its service
/// hours, less the maintenance excluded within them.
pub fn target_budget(a: &Agreement, index: usize) -> Result<TargetBudget, BudgetNote> {
    let t = a
        .service_levels
        .get(index)
        .filter(|t| t.metric == Metric::Availability)
        .ok_or_else(BudgetNote::no_target)?;
    let TargetValue::Percent(target) = t.target else {
        return Err(BudgetNote::incomplete());
    };
    let hours = a.hours_of(t);
    let maintenance = a
        .warranty
        .availability
        .as_ref()
        .map(|av| av.maintenance.as_slice())
        .unwrap_or_default();
    let schedule = hours.and_then(|h| h.schedule.read());
    let excluded: Vec<_> = maintenance
        .iter()
        .filter(|m| m.excluded_within(schedule))
        .collect();
    if let Some(note) = waiting(hours, t.service_hours.is_some(), &excluded) {
        return Err(note);
    }
    let calendar = Calendar::of(hours).ok_or_else(BudgetNote::incomplete)?;
    // Excluded maintenance inside these hours, per average month.
    let excluded: f64 = excluded
        .iter()
        .filter_map(|m| {
            Some(
                m.duration
                    .get()?
                    .secs_with(calendar.business_day_service_secs()) as f64
                    * m.frequency.per_average_month(),
            )
        })
        .sum();
    let excluded = Duration::from_secs(excluded.round() as u64);
    budgets(a, target, a.period_of(t), &calendar, excluded)
}

/// The note for a budget that reads a value still as typed: the schedule,
/// business days or a holiday of its hours (`own`: the target's own), or
/// the duration of a maintenance window excluded from it.
fn waiting(
    hours: Option<&ServiceHours>,
    own: bool,
    excluded: &[&MaintenanceWindow],
) -> Option<BudgetNote> {
    let whose = if own {
        "target's service hours"
    } else {
        "service hours"
    };
    let in_hours = hours.and_then(|h| {
        let holiday = || h.holidays.iter().find_map(|d| d.date.as_typed());
        h.schedule
            .as_typed()
            .map(|text| (whose, text))
            .or_else(|| {
                h.business_days
                    .as_typed()
                    .map(|text| ("business days", text))
            })
            .or_else(|| holiday().map(|text| ("holiday dates", text)))
    });
    let maintenance = || {
        excluded
            .iter()
            .find_map(|m| m.duration.as_typed())
            .map(|text| ("maintenance windows' durations", text))
    };
    in_hours
        .or_else(maintenance)
        .map(|(what, text)| BudgetNote::waiting(what, text))
}

/// The downtime budget under the agreement's own period convention, in
/// numbers and words; for calendar months, the shortest and longest month
/// of the year the agreement takes effect.
fn budgets(
    a: &Agreement,
    target: Percent,
    convention: PeriodConvention,
    calendar: &Calendar,
    excluded: Duration,
) -> Result<TargetBudget, BudgetNote> {
    let mut refused = None;
    let mut row = |period: Period| -> Option<BudgetRow> {
        let b = match budget(target, period, calendar, excluded) {
            Ok(b) => b,
            Err(e) => {
                refused.get_or_insert(e);
                return None;
            }
        };
        Some(BudgetRow {
            period: period.to_string(),
            allowed: format_ms(b.allowed_ms),
            allowed_ms: b.allowed_ms,
            words: ms_in_words(b.allowed_ms),
            service_hours: format!("{:.1}", (b.service_ms - b.excluded_ms) as f64 / 3_600_000.0)
                .trim_end_matches(".0")
                .to_owned(),
        })
    };
    let fixed = match convention {
        PeriodConvention::Unspecified => return Err(BudgetNote::incomplete()),
        PeriodConvention::Month30Days => Some(Period::Month30),
        PeriodConvention::AverageMonth => Some(Period::AverageMonth),
        PeriodConvention::Year365Days => Some(Period::Year365),
        PeriodConvention::CalendarMonth | PeriodConvention::CalendarQuarter => None,
    };
    let rows: Vec<BudgetRow> = match fixed {
        Some(p) => row(p).into_iter().collect(),
        None => {
            // The first twelve months (four quarters) of the term.
            let (year, month) = a
                .document
                .effective_date
                .get()
                .map_or((2026, 1), |d| (d.0.year(), d.0.month()));
            let periods: Vec<Period> = if convention == PeriodConvention::CalendarMonth {
                (0..12)
                    .map(|i| {
                        let m = i16::from(month - 1) + i;
                        Period::CalendarMonth {
                            year: year + m / 12,
                            month: (m % 12 + 1) as i8,
                        }
                    })
                    .collect()
            } else {
                let q = i16::from((month - 1) / 3);
                (0..4)
                    .map(|i| {
                        let n = q + i;
                        Period::CalendarQuarter {
                            year: year + n / 4,
                            quarter: (n % 4 + 1) as i8,
                        }
                    })
                    .collect()
            };
            periods.into_iter().filter_map(&mut row).collect()
        }
    };
    let (least, most) = match (
        rows.iter().min_by_key(|r| r.allowed_ms),
        rows.iter().max_by_key(|r| r.allowed_ms),
    ) {
        (Some(l), Some(m)) => (l.clone(), m.clone()),
        _ => {
            return Err(refused.map_or_else(BudgetNote::incomplete, |e| BudgetNote::unusable(&e)));
        }
    };
    Ok(TargetBudget {
        rows,
        least,
        most,
        excluded_maintenance: if excluded.is_zero() {
            String::new()
        } else {
            excluded.to_string()
        },
    })
}

/// The parts of a draft a budget reads besides its target, and how a note
/// names them. (An effective date that cannot be read yet counts as none:
/// calendar months then start in January 2026.)
const INPUTS: [(&str, &str); 2] = [
    ("/service_hours", "service hours"),
    ("/warranty/availability", "availability"),
];

/// The downtime budget of an availability target of a draft being typed:
/// the one at `target` in its service levels, or the first availability
/// target when `None`. The draft is read leniently, so a value elsewhere
/// that cannot be read yet does not hide the budget; one the budget reads
/// is the note.
pub fn draft_budget(draft: &Value, target: Option<usize>) -> Result<TargetBudget, BudgetNote> {
    budget_in(&lenient::read(draft), target)
}

/// The downtime budget of every availability target of a draft being
/// typed, with each target's index in the draft's `service_levels`, in
/// order; the draft is read leniently once. A target that cannot be read
/// yet counts as an availability target unless it names another metric;
/// its budget is the note that says what cannot be read.
pub fn draft_budgets(draft: &Value) -> Vec<(usize, Result<TargetBudget, BudgetNote>)> {
    let reading = lenient::read(draft);
    let Some(levels) = draft.get("service_levels").and_then(Value::as_array) else {
        return Vec::new();
    };
    let is_availability = |index: usize, level: &Value| match (
        &reading.agreement,
        reading.index_in_agreement("/service_levels", index),
    ) {
        (Some(a), Some(i)) => a
            .service_levels
            .get(i)
            .is_some_and(|t| t.metric == Metric::Availability),
        _ => level
            .get("metric")
            .is_none_or(|m| m.is_null() || m == "availability"),
    };
    levels
        .iter()
        .enumerate()
        .filter(|(index, level)| is_availability(*index, level))
        .map(|(index, _)| (index, budget_in(&reading, Some(index))))
        .collect()
}

fn budget_in(
    reading: &lenient::Reading,
    target: Option<usize>,
) -> Result<TargetBudget, BudgetNote> {
    let unreadable_in = |part: &str, what: &str| {
        reading.unreadable.iter().find_map(|u| {
            u.within(part)
                .map(|field| BudgetNote::unreadable(what, &field, &u.reason))
        })
    };
    for (part, what) in INPUTS {
        if let Some(note) = unreadable_in(part, what) {
            return Err(note);
        }
    }
    let Some(a) = &reading.agreement else {
        let root = reading.unreadable.iter().rfind(|u| u.path.is_empty());
        return Err(root.map_or_else(BudgetNote::no_target, |u| {
            BudgetNote::unreadable("draft", "", &u.reason)
        }));
    };
    let index = match target {
        Some(i) => i,
        None => {
            let (first, _) = a
                .availability_targets()
                .next()
                .ok_or_else(BudgetNote::no_target)?;
            reading.index_in_draft("/service_levels", first)
        }
    };
    if let Some(note) = unreadable_in(&format!("/service_levels/{index}"), "target") {
        return Err(note);
    }
    let index = reading
        .index_in_agreement("/service_levels", index)
        .ok_or_else(BudgetNote::no_target)?;
    target_budget(a, index)
}

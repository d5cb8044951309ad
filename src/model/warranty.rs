//! Warranty: fit for use. Availability (with the service-hours calendar and
//! maintenance windows the downtime arithmetic needs), capacity, continuity
//! and security.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::units::{Date, Days, Duration, Schedule, Typed};

/// The four usual aspects of warranty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Warranty {
    /// Availability commitment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// Capacity commitments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capacity: Vec<CapacityCommitment>,
    /// Continuity: recovery time and point objectives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuity: Option<Continuity>,
    /// Security commitments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security: Option<Security>,
}

/// The period over which availability is measured; it changes the downtime
/// budget, so the agreement must state it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodConvention {
    /// Not stated yet (a reviewer flags this).
    #[default]
    Unspecified,
    /// The real length of each calendar month (28-31 days), as public cloud
    /// SLAs count.
    CalendarMonth,
    /// A fixed 30-day month.
    Month30Days,
    /// An average month of 30.4375 days (365.25 / 12).
    AverageMonth,
    /// A calendar quarter.
    CalendarQuarter,
    /// A 365-day year.
    Year365Days,
}

impl PeriodConvention {
    /// As printed.
    pub fn label(self) -> &'static str {
        match self {
            PeriodConvention::Unspecified => "unspecified",
            PeriodConvention::CalendarMonth => "calendar month",
            PeriodConvention::Month30Days => "30-day month",
            PeriodConvention::AverageMonth => "average month of 30.4375 days",
            PeriodConvention::CalendarQuarter => "calendar quarter",
            PeriodConvention::Year365Days => "365-day year",
        }
    }
}

/// How availability is measured and maintained. The figures themselves
/// are availability targets among the service levels, each with its own
/// scope; these are the defaults they inherit.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    /// How availability is measured, e.g. "Synthetic login probe every
    /// minute from two locations".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measurement: String,
    /// Where the measurements come from, e.g. "Monitoring platform".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data_source: String,
    /// The period convention.
    #[serde(default)]
    pub period: PeriodConvention,
    /// Planned maintenance windows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maintenance: Vec<MaintenanceWindow>,
}

impl ServiceHours {
    /// The business days: as stated, else the days the schedule is open,
    /// else Mon-Fri for a 24x7 schedule; `None` while what they come from
    /// is as typed (not read yet).
    pub fn business_days(&self) -> Option<Days> {
        if let Some(d) = &self.business_days {
            return d.get();
        }
        let schedule = self.schedule.read()?;
        if schedule.is_always() {
            return Some(Days::WEEKDAYS);
        }
        Some(Days::from_fn(|d| schedule.minutes_on(d) > 0))
    }
}

/// The service-hours calendar.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceHours {
    /// Weekly hours, e.g. "24x7" or "Mon-Fri 08:00-18:00".
    pub schedule: Typed<Schedule>,
    /// IANA time zone the hours are in, e.g. "Europe/London".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time_zone: String,
    /// The days that count as business days (for durations such as "3bd");
    /// when not given, the days the schedule is open, or Mon-Fri when the
    /// schedule is 24x7.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_days: Option<Typed<Days>>,
    /// Days the service hours do not apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<Holiday>,
    /// Critical business periods with heightened attention, e.g. "Month-end
    /// close, last 3 working days".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub critical_periods: Vec<String>,
}

/// A holiday on which service hours do not apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The date.
    pub date: Typed<Date>,
    /// Its name, e.g. "Christmas Day".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

/// How often a maintenance window recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every week.
    Weekly,
    /// Every month.
    #[default]
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every year.
    Yearly,
}

impl Frequency {
    /// Occurrences in an average month of 30.4375 days.
    pub fn per_average_month(self) -> f64 {
        match self {
            Frequency::Weekly => 30.4375 / 7.0,
            Frequency::Monthly => 1.0,
            Frequency::Quarterly => 1.0 / 3.0,
            Frequency::Yearly => 1.0 / 12.0,
        }
    }

    /// As printed: "weekly".
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Yearly => "yearly",
        }
    }
}

/// A planned maintenance window.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MaintenanceWindow {
    /// When it happens. Written as days and hours ("Sun 02:00-04:00") it is
    /// understood: a window wholly outside the service hours costs no
    /// service time. Free text ("first Sunday of the month") is kept as is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub when: String,
    /// How often.
    #[serde(default)]
    pub frequency: Frequency,
    /// How long each window lasts.
    pub duration: Typed<Duration>,
    /// Notice given before each window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Typed<Duration>>,
    /// True when time in the window counts as downtime; false when it is
    /// excluded from the availability calculation.
    #[serde(default)]
    pub counts_as_downtime: bool,
}

impl MaintenanceWindow {
    /// True when time in this window is excluded from the availability
    /// calculation and falls in the service hours (a window written as
    /// days and hours wholly outside them costs no service time).
    pub fn excluded_within(&self, service: Option<&Schedule>) -> bool {
        if self.counts_as_downtime {
            return false;
        }
        match (self.when.parse::<Schedule>(), service) {
            (Ok(when), Some(service)) => when.overlaps(service),
            _ => true,
        }
    }
}

/// A capacity commitment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CapacityCommitment {
    /// What is sized, e.g. "Concurrent users".
    pub metric: String,
    /// The commitment, e.g. "up to 2,000".
    pub commitment: String,
}

/// Continuity: recovery objectives after a major disruption.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Continuity {
    /// Recovery time objective.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rto: Option<Typed<Duration>>,
    /// Recovery point objective.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpo: Option<Typed<Duration>>,
    /// Backup and recovery arrangements.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub arrangements: String,
    /// How often recovery is tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_frequency: Option<Frequency>,
}

/// Security commitments.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Security {
    /// Commitments, e.g. "Data encrypted at rest with AES-256".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<String>,
    /// Standards complied with, e.g. "ISO/IEC 27001".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<String>,
    /// Where data is held.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data_location: String,
    /// How soon the consumer is told of a security incident affecting it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breach_notification: Option<Typed<Duration>>,
}

//! Every finding code the reviewer can give: its stable name, its usual
//! severity, the family it belongs to, and one line on what it means.
//!
//! This table is the one source for `pactwright check --list`, the app's
//! help and `docs/checks.md`; a check refers to a code only through
//! [`Code`], so a code cannot be given that the table does not describe.

use super::Severity;

/// The families of findings, in the order `--list` prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Content the kind of agreement needs, references, duplicates.
    Structure,
    /// Targets that cannot be measured or are stated wrongly.
    Targets,
    /// Service credits out of step with their targets.
    Credits,
    /// The same figure stated twice with different values.
    Restated,
    /// Dates, the term and notice, signatures against versions.
    Dates,
    /// Stakeholder roles and sides.
    Roles,
    /// Priority ordering, updates and escalation.
    Priorities,
    /// Hours against promises.
    Hours,
    /// Warranty coherence: continuity, security, availability budget.
    Warranty,
    /// Relationship management on both sides.
    Relationship,
    /// Underpinning agreements and maintenance.
    Dependencies,
    /// Words that promise nothing measurable.
    Vague,
}

impl Family {
    /// As printed.
    pub fn label(self) -> &'static str {
        match self {
            Family::Structure => "Structure and references",
            Family::Targets => "Targets",
            Family::Credits => "Service credits",
            Family::Restated => "Figures stated twice",
            Family::Dates => "Dates, term and notice",
            Family::Roles => "Stakeholder roles",
            Family::Priorities => "Priorities and escalation",
            Family::Hours => "Hours against promises",
            Family::Warranty => "Warranty coherence",
            Family::Relationship => "Relationship management",
            Family::Dependencies => "Dependencies and maintenance",
            Family::Vague => "Vague wording",
        }
    }
}

/// What the table says about one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CodeInfo {
    /// The stable code, e.g. `credit-tier-pays-when-met`.
    pub code: &'static str,
    /// The usual severity (a few codes are lower for some kinds of
    /// agreement; the line says so).
    pub severity: Severity,
    /// The family.
    pub family: Family,
    /// What it flags, in one line.
    pub summary: &'static str,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $sev:ident, $family:ident, $summary:literal;)*) => {
        /// A finding code; see [`CODES`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $(
                #[doc = $summary]
                $variant,
            )*
        }

        /// Every code, in the order of the table.
        pub const CODES: &[CodeInfo] = &[
            $(CodeInfo {
                code: $code,
                severity: Severity::$sev,
                family: Family::$family,
                summary: $summary,
            },)*
        ];

        impl Code {
            /// Every code, in table order.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            /// The stable code string.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }
        }
    };
}

codes! {
    NotUnderstood = "not-understood", Error, Structure, "A value is not understood yet (\"Mon-Fri 8 till late\" as service hours, \"99.9\" with no %); it is kept, saved and printed exactly as typed, and the other checks leave it out.";
    UnreadableValue = "invalid-value", Error, Structure, "A value is of the wrong kind for its field (a number where text goes, a choice that is not on the list); the app sets it aside and checks the rest.";
    RequiredField = "required-field", Error, Structure, "Content this kind of agreement needs is missing (some are warnings: a reference, a description, outcomes).";
    MissingVersion = "missing-version", Error, Structure, "The agreement has no version.";
    MissingEffectiveDate = "missing-effective-date", Error, Structure, "The agreement has no effective date (a warning for a service offering description).";
    OfferingWithTargets = "offering-with-targets", Info, Structure, "A service offering description lists targets that nobody signs.";
    DuplicateId = "duplicate-id", Error, Structure, "Two stakeholders, priorities or targets share an id (a warning for two channels of one name).";
    StakeholderWithoutRole = "stakeholder-without-role", Warning, Structure, "A stakeholder holds no role.";
    DuplicateHoliday = "duplicate-holiday", Info, Structure, "A holiday is listed twice.";
    DanglingReference = "dangling-reference", Error, Structure, "A reference to a stakeholder, channel or target points nowhere (a warning for a channel name).";
    UndefinedPriority = "undefined-priority", Error, Structure, "A target, escalation step or event names a priority that is not defined.";
    SignatureByNonSignatory = "signature-by-non-signatory", Warning, Structure, "A signature is recorded for someone who does not sign.";
    UnknownTimeZone = "unknown-time-zone", Error, Structure, "The time zone of the service hours is not an IANA name.";
    PriorityMatrixOverlap = "priority-matrix-overlap", Error, Structure, "One impact and urgency pair is listed under two priorities.";
    PriorityMatrixGap = "priority-matrix-gap", Warning, Structure, "Some impact and urgency pair maps to no priority.";
    VagueTarget = "vague-target", Error, Targets, "A target has no number to measure against.";
    TargetOutOfRange = "target-out-of-range", Error, Targets, "A percentage is outside 0%-100%.";
    TargetUnitMismatch = "target-unit-mismatch", Error, Targets, "A target's value has the wrong kind of unit for what it measures.";
    TargetWrongDirection = "target-wrong-direction", Error, Targets, "A target is stated in the wrong direction: availability at most, a response time at least.";
    ScoreWithoutScale = "score-without-scale", Warning, Targets, "A score (e.g. satisfaction 4.2) has no scale to read it on.";
    UnmeasuredTarget = "unmeasured-target", Error, Targets, "A target does not say how it is measured (a warning when only its data source or reporting period is missing).";
    TargetWithoutPriority = "target-without-priority", Warning, Targets, "A response or resolution target applies to no priority.";
    ImplausibleTime = "implausible-time", Warning, Targets, "A time is over 90 days (an error over a year): probably the wrong unit.";
    AvailabilityMissing = "availability-missing", Warning, Targets, "An SLA states no availability target.";
    AvailabilityPeriodMissing = "availability-period-missing", Error, Targets, "An availability target has no period convention, so its downtime budget is unknown.";
    AvailabilityHoursMissing = "availability-hours-missing", Error, Targets, "An availability target has no service hours (a warning when only the time zone is missing).";
    MaintenanceDwarfsBudget = "maintenance-dwarfs-budget", Warning, Targets, "Maintenance excluded from downtime is many times the downtime budget.";
    CreditsWithoutTarget = "credits-without-target", Error, Credits, "A credit scheme is tied to no target.";
    CreditsOnUnlevelledMetric = "credits-on-unlevelled-metric", Error, Credits, "A credit scheme's tiers are percentages but its target is not measured as one.";
    CreditTierPaysWhenMet = "credit-tier-pays-when-met", Error, Credits, "A credit tier pays while the target is still met.";
    CreditGap = "credit-gap", Warning, Credits, "Between the target and the first tier a missed target earns no credit.";
    CreditTiersOrder = "credit-tiers-order", Warning, Credits, "Credit tiers do not step down in level and up in credit.";
    CreditsNoTiers = "credits-no-tiers", Warning, Credits, "A credit scheme has no tiers.";
    CreditsNoCap = "credits-no-cap", Warning, Credits, "A credit scheme has no cap.";
    CreditsCapOver100 = "credits-cap-over-100", Error, Credits, "A credit cap above 100% pays more than the charge.";
    CreditsTierOverCap = "credits-tier-over-cap", Warning, Credits, "A credit tier pays more than the scheme's cap.";
    CreditsNoClaimWindow = "credits-no-claim-window", Warning, Credits, "A credit scheme does not say by when to claim.";
    ClaimWindowUnusable = "claim-window-unusable", Error, Credits, "The claim window closes before a consumer could gather the evidence.";
    CreditsNoBasis = "credits-no-basis", Warning, Credits, "A credit scheme does not say what its percentages are of.";
    CreditSchemesOverlap = "credit-schemes-overlap", Warning, Credits, "Two credit schemes pay on the same target.";
    DuplicateTarget = "duplicate-target", Error, Restated, "Two targets on the same metric, priority and scope state different figures.";
    PriorityTargetConflict = "priority-target-conflict", Error, Restated, "The priority table and a response or resolution target state different times.";
    ReportingPeriodMismatch = "reporting-period-mismatch", Warning, Restated, "An availability target is reported on a different period than it is measured over.";
    EndBeforeEffective = "end-before-effective", Error, Dates, "The end date is before the effective date.";
    EndDateNotTerm = "end-date-not-term", Warning, Dates, "The end date does not match the effective date plus the term.";
    NoticeLongerThanTerm = "notice-longer-than-term", Error, Dates, "The notice period is as long as the term (or the renewal term) or longer.";
    SignatureBeforeVersion = "signature-before-version", Error, Dates, "A signature is dated before the version it signs was written.";
    SignatureAfterEffective = "signature-after-effective", Warning, Dates, "A signature is dated after the agreement took effect.";
    SignedNotApproved = "signed-not-approved", Error, Dates, "Signatures are recorded on a version that is not approved.";
    ApprovalStale = "approval-stale", Error, Dates, "The status says approved or signed, but the text has changed since the approval on record (who approved which version when); an info once it is back in draft or in review.";
    ApprovalNotRecorded = "approval-not-recorded", Warning, Dates, "The status says approved or signed, but no approval is on record in the change history (`pactwright approve` records one).";
    SignedIncomplete = "signed-incomplete", Error, Dates, "The status says signed, but a signatory's signature is not recorded.";
    VersionNotInHistory = "version-not-in-history", Warning, Dates, "The current version is missing from the change history.";
    HolidayOutsideTerm = "holiday-outside-term", Warning, Dates, "A holiday falls outside the agreement's term.";
    MissingSponsor = "missing-sponsor", Error, Roles, "No stakeholder is the sponsor.";
    MissingSignatory = "missing-signatory", Error, Roles, "Nobody signs for one side.";
    NoCustomer = "no-customer", Error, Roles, "No stakeholder is the customer (the users are named, but not who defines their requirements).";
    SponsorNotCommitted = "sponsor-not-committed", Warning, Roles, "The sponsor neither signs nor approves.";
    RoleOnWrongSide = "role-on-wrong-side", Error, Roles, "A customer or approver sits on the provider side.";
    OwnerOnWrongSide = "owner-on-wrong-side", Warning, Roles, "Escalation goes to, or a service action is owned by, someone on the consumer side.";
    ResolutionBeforeResponse = "resolution-before-response", Error, Priorities, "A priority must be resolved before it is responded to (a warning when the two times are equal).";
    PriorityIncomplete = "priority-incomplete", Warning, Priorities, "A priority has no response or no resolution time.";
    PriorityUndefined = "priority-undefined", Warning, Priorities, "A priority has no definition and no cells of the priority matrix.";
    PriorityOrder = "priority-order", Error, Priorities, "A more urgent priority is slower than a less urgent one.";
    UpdateSlowerThanResolution = "update-slower-than-resolution", Warning, Priorities, "Updates come no sooner than the resolution, so the consumer hears nothing while it is open.";
    EscalationAfterResolution = "escalation-after-resolution", Warning, Priorities, "An escalation only happens after the resolution time has passed.";
    NoRoundTheClockChannel = "no-round-the-clock-channel", Error, Hours, "Targets run around the clock but every channel keeps business hours.";
    ActionOutsideChannelHours = "action-outside-channel-hours", Warning, Hours, "A service action is promised at hours its channel is closed.";
    ClockRunsWhenClosed = "clock-runs-when-closed", Warning, Hours, "A priority's clock runs when no channel is open to take or work the incident.";
    RtoExceedsBudget = "rto-exceeds-budget", Warning, Warranty, "Recovering within the RTO uses more than the whole availability budget.";
    ImplausibleObjective = "implausible-objective", Warning, Warranty, "An RPO or breach notice no one would sign (more than a week; breach notice over 72 hours).";
    OneWayRelationship = "one-way-relationship", Error, Relationship, "No consumer responsibilities (a warning for OLAs and UCs).";
    NoReviews = "no-reviews", Warning, Relationship, "No service reviews are scheduled.";
    NoReports = "no-reports", Warning, Relationship, "No service reports are agreed.";
    NoContacts = "no-contacts", Warning, Relationship, "No named contacts.";
    NoImprovement = "no-improvement", Info, Relationship, "No continual improvement commitments.";
    OneSidedManagement = "one-sided-management", Warning, Relationship, "A review, report or the contacts involve only the provider side.";
    UnscheduledManagement = "unscheduled-management", Warning, Relationship, "A review or report has neither a cadence nor an event, or an event with no time limit.";
    UnderpinningWeaker = "underpinning-weaker", Warning, Dependencies, "An OLA or UC commits to less than what it underpins.";
    DependencyWithoutReference = "dependency-without-reference", Warning, Dependencies, "An OLA or UC dependency names no document reference.";
    MaintenanceWithoutNotice = "maintenance-without-notice", Warning, Dependencies, "A maintenance window is excluded from downtime but given without notice.";
    VagueCommitment = "vague-commitment", Warning, Vague, "A duty, exclusion, termination clause or priority definition promises nothing measurable.";
}

/// The table as Markdown: `docs/checks.md`.
pub fn markdown() -> String {
    let mut out = String::from(
        "# What the reviewer checks\n\n\
         Generated from the code table in `src/checks/codes.rs` (`pactwright check --list`);\n\
         a test fails when this file is stale. Each finding names the field (a JSON\n\
         pointer), the values involved and a hint.\n",
    );
    let mut families: Vec<Family> = CODES.iter().map(|c| c.family).collect();
    families.dedup();
    for family in families {
        out.push_str(&format!(
            "\n## {}\n\n| code | severity | what it flags |\n|---|---|---|\n",
            family.label()
        ));
        for c in CODES.iter().filter(|c| c.family == family) {
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                c.code, c.severity, c.summary
            ));
        }
    }
    out
}

/// The table as text for a terminal: one code per line.
pub fn text() -> String {
    let width = CODES.iter().map(|c| c.code.len()).max().unwrap_or(0);
    let mut out = String::new();
    let mut last = None;
    for c in CODES {
        if last != Some(c.family) {
            if last.is_some() {
                out.push('\n');
            }
            out.push_str(c.family.label());
            out.push('\n');
            last = Some(c.family);
        }
        out.push_str(&format!(
            "  {:width$}  {:7}  {}\n",
            c.code,
            c.severity.to_string(),
            c.summary
        ));
    }
    out
}

/// What the table says about a code.
pub fn info(code: Code) -> &'static CodeInfo {
    &CODES[Code::ALL.iter().position(|c| *c == code).unwrap_or(0)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for (c, info) in Code::ALL.iter().zip(CODES) {
            assert_eq!(c.as_str(), info.code);
            assert!(seen.insert(info.code), "{} twice", info.code);
            assert!(
                info.code
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '-' || ch.is_ascii_digit()),
                "{}",
                info.code
            );
        }
    }
}

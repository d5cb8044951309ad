// DO NOT EDIT. Generated from schema/agreement.schema.json (itself generated
// from the Rust model in src/model) by ui/scripts/gen-agreement-types.mjs.
// Regenerate: npm --prefix ui run bindings

/**
 * A calendar date, "YYYY-MM-DD" (also read, and saved in that form: "1 April 2026", "April 1, 2026").
 */
export type Date = string;
/**
 * A value in a form Pactwright cannot read yet, kept exactly as typed; `pactwright check` reports it as `not-understood` until it is written in a form the field understands.
 */
export type AsTyped = string;
/**
 * A length of time: a number and a unit (s, min, h, d, w), e.g. "4h", "30 min", "1h 30 min", "3d"; or whole business days on the agreement's calendar, "3bd" (also read, and saved in that form: "4 hours", "4 hrs", "30 mins", "2 business days", "2 working days").
 */
export type Duration = string;
/**
 * A role a stakeholder holds in the service relationship.
 */
export type Role = "customer" | "user" | "sponsor" | "service_provider" | "organization_contact";
/**
 * Weekly service hours: "24x7", or windows separated by semicolons like "Mon-Fri 08:00-18:00; Sat 09:00-13:00" (also read, and saved in that form: "24/7", "around the clock", "Monday to Friday 8am to 6pm", "weekdays 9-5:30").
 */
export type Schedule = string;
/**
 * Days of the week, e.g. "Mon-Fri", "Sat,Sun", "Mon-Sun".
 */
export type Days = string;
/**
 * A percentage with up to four decimals, e.g. "99.95%" (also read, and saved in that form: "99.95 %", "99.95 percent").
 */
export type Percent = string;
/**
 * When a channel is staffed or an action is available: "service_hours" (the agreement's), "24x7", or a weekly schedule like "Mon-Fri 09:00-17:30".
 */
export type Hours = string;
/**
 * How often a maintenance window recurs.
 */
export type Frequency = "weekly" | "monthly" | "quarterly" | "yearly";
/**
 * What the response and resolution clock counts.
 */
export type Clock = "service_hours" | "calendar";
/**
 * How often something happens.
 */
export type Cadence = "weekly" | "monthly" | "quarterly" | "half_yearly" | "yearly";
/**
 * The period over which availability is measured; it changes the downtime
 * budget, so the agreement must state it.
 */
export type PeriodConvention =
  | "unspecified"
  | "calendar_month"
  | "month30_days"
  | "average_month"
  | "calendar_quarter"
  | "year365_days";
/**
 * By when a credit must be claimed: a time after the end of the period measured ("60d", "30 business days"), or billing cycles ("2 billing cycles": by the end of the second billing cycle).
 */
export type ClaimWindow = string;
/**
 * How a service credit can be used.
 */
export type CreditUse = "future_invoices" | "invoices_or_refund" | "refund";

/**
 * A service agreement draft: SLA, OLA, underpinning contract or service
 * offering description.
 */
export interface Agreement {
  /**
   * The version of this file format; Pactwright migrates older versions
   * and refuses newer ones.
   */
  schema_version: number;
  document: DocumentControl;
  parties?: Parties;
  /**
   * People and teams named in the agreement, with their roles.
   */
  stakeholders?: Stakeholder[];
  /**
   * Terms defined for this agreement.
   */
  glossary?: GlossaryEntry[];
  /**
   * The service-hours calendar: when the service is to be available,
   * which days are business days, holidays. Availability targets,
   * channels, actions, the support clock and business-day durations use
   * it unless they say otherwise.
   */
  service_hours?: ServiceHours | null;
  service?: Service;
  offering?: Offering;
  utility?: Utility;
  warranty?: Warranty;
  support?: Support;
  responsibilities?: Responsibilities;
  relationship?: RelationshipManagement;
  /**
   * Service level targets, each measured.
   */
  service_levels?: ServiceLevelTarget[];
  /**
   * Service credits owed when targets are missed: one scheme per group
   * of targets with its own tiers.
   */
  credit_schemes?: CreditScheme[];
  /**
   * What the targets and duties do not cover.
   */
  exclusions?: string[];
  terms?: Terms;
  /**
   * Signatures given so far (who signs is set on each stakeholder).
   */
  signatures?: Signature[];
  /**
   * Additional clauses for what the structure does not cover.
   */
  clauses?: Clause[];
}
/**
 * Document control: kind, title, reference, version, status, dates,
 * owner, approver and change history.
 */
export interface DocumentControl {
  /**
   * SLA, OLA, underpinning contract or service offering description.
   */
  kind: "sla" | "ola" | "uc" | "offering";
  /**
   * The title, e.g. "IT Service Desk SLA".
   */
  title?: string;
  /**
   * The document reference, e.g. "SLA-ITSD-001".
   */
  reference?: string;
  /**
   * The document version, e.g. "1.2".
   */
  version?: string;
  /**
   * Draft, in review, approved or signed. Approved and signed hold only
   * while the change history records an approval of the text as it is
   * (see `pactwright::approval`).
   */
  status?: "draft" | "in_review" | "approved" | "signed";
  /**
   * The day the agreement takes effect.
   */
  effective_date?: (Date | AsTyped) | null;
  term?: Term;
  /**
   * Stakeholder id of the document owner (usually the service owner).
   */
  owner?: string;
  /**
   * Stakeholder id of the approver.
   */
  approver?: string;
  /**
   * References of the agreements this one supports (for an OLA or UC:
   * the SLA it underpins).
   */
  supports?: string[];
  /**
   * The change history, oldest first.
   */
  change_history?: Change[];
}
/**
 * How long it runs and how it renews.
 */
export interface Term {
  /**
   * Length of the initial term in months.
   */
  months?: number | null;
  /**
   * How it renews.
   */
  renewal?: "unspecified" | "automatic" | "by_agreement" | "none";
  /**
   * Length of each renewal term in months, when it differs from the
   * initial term.
   */
  renewal_months?: number | null;
  /**
   * Notice needed to stop a renewal or to terminate, e.g. "90d".
   */
  notice?: (Duration | AsTyped) | null;
}
/**
 * One entry of the change history.
 */
export interface Change {
  /**
   * The version this change produced.
   */
  version: string;
  /**
   * When.
   */
  date?: (Date | AsTyped) | null;
  /**
   * Who made it.
   */
  author?: string;
  /**
   * What changed.
   */
  summary?: string;
  /**
   * Set when this entry records an approval: of its version, on its
   * date, by a stakeholder, of the text whose fingerprint it holds.
   */
  approval?: Approval | null;
}
/**
 * An approval on record: who approved, and the fingerprint of exactly
 * what they approved (`pactwright::approval::fingerprint`). The version
 * and date are those of the change history entry that holds it.
 */
export interface Approval {
  /**
   * Stakeholder id of the approver.
   */
  by: string;
  /**
   * `sha256:` and 64 lowercase hex digits: the SHA-256 of the draft's
   * canonical text without its status, signatures and approvals.
   */
  fingerprint: string;
}
/**
 * The organizations on each side of the agreement.
 */
export interface Parties {
  provider?: Organization;
  consumer?: Organization1;
}
/**
 * The service provider's organization (or team, for an OLA; the
 * supplier, for an underpinning contract).
 */
export interface Organization {
  /**
   * The name used throughout the document, e.g. "Northwind IT".
   */
  name?: string;
  /**
   * The full legal name, where it differs.
   */
  legal_name?: string;
  /**
   * Registered or postal address.
   */
  address?: string;
  /**
   * Company registration or internal cost-centre number.
   */
  registration?: string;
}
/**
 * The consumer's organization (or team).
 */
export interface Organization1 {
  /**
   * The name used throughout the document, e.g. "Northwind IT".
   */
  name?: string;
  /**
   * The full legal name, where it differs.
   */
  legal_name?: string;
  /**
   * Registered or postal address.
   */
  address?: string;
  /**
   * Company registration or internal cost-centre number.
   */
  registration?: string;
}
/**
 * A person or team named in the agreement.
 */
export interface Stakeholder {
  /**
   * A short id other fields refer to, e.g. "cio" or "service-desk".
   */
  id: string;
  /**
   * Full name of the person or team.
   */
  name?: string;
  /**
   * Person or team.
   */
  kind?: "person" | "team";
  /**
   * Job title or function, e.g. "Chief Information Officer".
   */
  title?: string;
  /**
   * The side they are on.
   */
  side?: "provider" | "consumer" | "third_party";
  /**
   * Roles held; one person may hold several.
   */
  roles?: Role[];
  /**
   * Email address.
   */
  email?: string;
  /**
   * Telephone number.
   */
  phone?: string;
  /**
   * True when they sign the agreement.
   */
  signs?: boolean;
}
/**
 * A term defined for the agreement.
 */
export interface GlossaryEntry {
  /**
   * The term, e.g. "Business day".
   */
  term: string;
  /**
   * What it means in this agreement.
   */
  definition: string;
}
/**
 * The service-hours calendar.
 */
export interface ServiceHours {
  /**
   * Weekly hours, e.g. "24x7" or "Mon-Fri 08:00-18:00".
   */
  schedule: Schedule | AsTyped;
  /**
   * IANA time zone the hours are in, e.g. "Europe/London".
   */
  time_zone?: string;
  /**
   * The days that count as business days (for durations such as "3bd");
   * when not given, the days the schedule is open, or Mon-Fri when the
   * schedule is 24x7.
   */
  business_days?: (Days | AsTyped) | null;
  /**
   * Days the service hours do not apply.
   */
  holidays?: Holiday[];
  /**
   * Critical business periods with heightened attention, e.g. "Month-end
   * close, last 3 working days".
   */
  critical_periods?: string[];
}
/**
 * A holiday on which service hours do not apply.
 */
export interface Holiday {
  /**
   * The date.
   */
  date: Date | AsTyped;
  /**
   * Its name, e.g. "Christmas Day".
   */
  name?: string;
}
/**
 * The service: what it is for and what it takes away from the consumer.
 */
export interface Service {
  /**
   * The service name, e.g. "IT Service Desk".
   */
  name?: string;
  /**
   * What the service is, in a paragraph.
   */
  description?: string;
  /**
   * Outcomes the consumer wants and the service facilitates.
   */
  outcomes?: string[];
  /**
   * Costs the consumer no longer carries.
   */
  costs_removed?: string[];
  /**
   * Risks the consumer no longer carries.
   */
  risks_removed?: string[];
  /**
   * Costs the service brings to the consumer (charges, effort).
   */
  costs_imposed?: string[];
  /**
   * Risks the service brings to the consumer (lock-in, data held
   * elsewhere).
   */
  risks_imposed?: string[];
  /**
   * What is in scope.
   */
  in_scope?: string[];
  /**
   * What is explicitly out of scope.
   */
  out_of_scope?: string[];
  /**
   * What the service relies on, including the OLAs and UCs beneath it.
   */
  dependencies?: Dependency[];
}
/**
 * Something the service relies on, with what it commits to, so a reviewer
 * can see whether the agreement promises more than its underpinnings hold.
 */
export interface Dependency {
  /**
   * What it is, e.g. "Corporate network".
   */
  name: string;
  /**
   * OLA, UC, internal or external.
   */
  kind?: "ola" | "uc" | "internal" | "external";
  /**
   * The reference of its agreement, e.g. "OLA-NET-004".
   */
  reference?: string;
  /**
   * Who provides it.
   */
  provider?: string;
  /**
   * Why the service needs it.
   */
  description?: string;
  /**
   * The availability it commits to.
   */
  availability?: (Percent | AsTyped) | null;
  /**
   * The hours it is supported.
   */
  support_hours?: (Schedule | AsTyped) | null;
  /**
   * Its committed resolution time for the most urgent incidents.
   */
  resolution?: (Duration | AsTyped) | null;
}
/**
 * The offering: goods, access to resources and service actions.
 */
export interface Offering {
  /**
   * Goods: things whose ownership passes to the consumer.
   */
  goods?: Good[];
  /**
   * Access to resources the provider keeps owning.
   */
  access?: ResourceAccess[];
  /**
   * Service actions the provider performs.
   */
  actions?: ServiceAction[];
}
/**
 * A good handed over to the consumer, who then looks after it.
 */
export interface Good {
  /**
   * What it is, e.g. "Laptop".
   */
  name: string;
  /**
   * Details, e.g. model and configuration.
   */
  description?: string;
  /**
   * Who owns and looks after it after handover.
   */
  owner_after_handover?: string;
}
/**
 * Access granted to a resource the provider keeps owning.
 */
export interface ResourceAccess {
  /**
   * The resource, e.g. "Self-service portal".
   */
  resource: string;
  /**
   * Who gets access, e.g. "All staff of the consumer".
   */
  who?: string;
  /**
   * How access is given, e.g. "Single sign-on".
   */
  how?: string;
  /**
   * Limits: seats, quotas, rate limits.
   */
  limits?: string[];
  /**
   * Data boundaries: what the consumer may see and what it may not.
   */
  data_boundaries?: string;
}
/**
 * Work the provider performs for the consumer.
 */
export interface ServiceAction {
  /**
   * What is done, e.g. "Reset a password".
   */
  action: string;
  /**
   * What sets it off, e.g. "User request".
   */
  trigger?: string;
  /**
   * The support channel used to ask for it (a channel name).
   */
  channel?: string;
  /**
   * When it is available: the service hours, "24x7" or a schedule.
   */
  hours?: Hours | AsTyped;
  /**
   * Stakeholder id of the owner.
   */
  owner?: string;
  /**
   * The target time to complete it.
   */
  target?: (Duration | AsTyped) | null;
}
/**
 * Utility: fit for purpose.
 */
export interface Utility {
  /**
   * The purpose statement.
   */
  purpose?: string;
  /**
   * Capabilities the consumer can use.
   */
  capabilities?: string[];
  /**
   * Constraints the service removes.
   */
  constraints_removed?: string[];
}
/**
 * Warranty: fit for use (availability, capacity, continuity, security).
 */
export interface Warranty {
  /**
   * Availability commitment.
   */
  availability?: Availability | null;
  /**
   * Capacity commitments.
   */
  capacity?: CapacityCommitment[];
  /**
   * Continuity: recovery time and point objectives.
   */
  continuity?: Continuity | null;
  /**
   * Security commitments.
   */
  security?: Security | null;
}
/**
 * How availability is measured and maintained. The figures themselves
 * are availability targets among the service levels, each with its own
 * scope; these are the defaults they inherit.
 */
export interface Availability {
  /**
   * How availability is measured, e.g. "Synthetic login probe every
   * minute from two locations".
   */
  measurement?: string;
  /**
   * Where the measurements come from, e.g. "Monitoring platform".
   */
  data_source?: string;
  /**
   * The period convention.
   */
  period?:
    | "unspecified"
    | "calendar_month"
    | "month30_days"
    | "average_month"
    | "calendar_quarter"
    | "year365_days";
  /**
   * Planned maintenance windows.
   */
  maintenance?: MaintenanceWindow[];
}
/**
 * A planned maintenance window.
 */
export interface MaintenanceWindow {
  /**
   * When it happens. Written as days and hours ("Sun 02:00-04:00") it is
   * understood: a window wholly outside the service hours costs no
   * service time. Free text ("first Sunday of the month") is kept as is.
   */
  when?: string;
  /**
   * How often.
   */
  frequency?: "weekly" | "monthly" | "quarterly" | "yearly";
  /**
   * How long each window lasts.
   */
  duration: Duration | AsTyped;
  /**
   * Notice given before each window.
   */
  notice?: (Duration | AsTyped) | null;
  /**
   * True when time in the window counts as downtime; false when it is
   * excluded from the availability calculation.
   */
  counts_as_downtime?: boolean;
}
/**
 * A capacity commitment.
 */
export interface CapacityCommitment {
  /**
   * What is sized, e.g. "Concurrent users".
   */
  metric: string;
  /**
   * The commitment, e.g. "up to 2,000".
   */
  commitment: string;
}
/**
 * Continuity: recovery objectives after a major disruption.
 */
export interface Continuity {
  /**
   * Recovery time objective.
   */
  rto?: (Duration | AsTyped) | null;
  /**
   * Recovery point objective.
   */
  rpo?: (Duration | AsTyped) | null;
  /**
   * Backup and recovery arrangements.
   */
  arrangements?: string;
  /**
   * How often recovery is tested.
   */
  test_frequency?: Frequency | null;
}
/**
 * Security commitments.
 */
export interface Security {
  /**
   * Commitments, e.g. "Data encrypted at rest with AES-256".
   */
  commitments?: string[];
  /**
   * Standards complied with, e.g. "ISO/IEC 27001".
   */
  standards?: string[];
  /**
   * Where data is held.
   */
  data_location?: string;
  /**
   * How soon the consumer is told of a security incident affecting it.
   */
  breach_notification?: (Duration | AsTyped) | null;
}
/**
 * Support: channels, priorities, the clock, escalation.
 */
export interface Support {
  /**
   * Ways to reach support.
   */
  channels?: Channel[];
  /**
   * Priorities, most urgent first.
   */
  priorities?: Priority[];
  /**
   * What the response and resolution clock counts.
   */
  clock?: "service_hours" | "calendar";
  /**
   * What stops the clock, e.g. "Waiting for the user to reply".
   */
  clock_stops?: string[];
  /**
   * The escalation path, first level first.
   */
  escalation?: EscalationLevel[];
}
/**
 * A way to reach support.
 */
export interface Channel {
  /**
   * The name used elsewhere, e.g. "Service portal".
   */
  name: string;
  /**
   * Portal, email, phone, chat or in person.
   */
  kind?: "portal" | "email" | "phone" | "chat" | "in_person";
  /**
   * The address, number or URL.
   */
  address?: string;
  /**
   * When the channel is staffed: the service hours, "24x7" or a schedule.
   */
  hours?: Hours | AsTyped;
}
/**
 * A priority with its targets.
 */
export interface Priority {
  /**
   * The id used elsewhere, e.g. "P1".
   */
  id: string;
  /**
   * The name, e.g. "Critical".
   */
  name?: string;
  /**
   * What makes an incident this priority, e.g. "Service down for all
   * users".
   */
  definition?: string;
  /**
   * Every impact and urgency pair that maps to this priority (its cells
   * of the priority matrix).
   */
  matrix?: MatrixCell[];
  /**
   * The clock its response and resolution times run on, when it differs
   * from the support clock (e.g. P1 around the clock).
   */
  clock?: Clock | null;
  /**
   * Time to respond (acknowledge and start work).
   */
  response?: (Duration | AsTyped) | null;
  /**
   * Time to resolve (restore service or give a workaround).
   */
  resolution?: (Duration | AsTyped) | null;
  /**
   * How often the consumer is updated while it is open.
   */
  update_every?: (Duration | AsTyped) | null;
}
/**
 * One cell of the priority matrix: an impact and an urgency.
 */
export interface MatrixCell {
  /**
   * How widely the incident affects the consumer.
   */
  impact: "high" | "medium" | "low";
  /**
   * How soon the consumer needs it resolved.
   */
  urgency: "high" | "medium" | "low";
}
/**
 * One step of the escalation path.
 */
export interface EscalationLevel {
  /**
   * Stakeholder id of who is escalated to.
   */
  contact: string;
  /**
   * When to escalate, e.g. "P1 not resolved within 2h".
   */
  when?: string;
  /**
   * The priorities this step applies to (ids); empty for all.
   */
  priorities?: string[];
  /**
   * When to escalate: after this long without resolution, for every
   * priority or for one.
   */
  after?: EscalationTime[];
}
/**
 * How long an incident waits before it is escalated to a level.
 */
export interface EscalationTime {
  /**
   * The priority id this time is for; empty for every priority the step
   * applies to.
   */
  priority?: string;
  /**
   * Escalate after this long without resolution.
   */
  after: Duration | AsTyped;
}
/**
 * What each side must do: value is co-created.
 */
export interface Responsibilities {
  /**
   * Service provision: what the provider does.
   */
  provider?: string[];
  /**
   * Service consumption: what the consumer does.
   */
  consumer?: string[];
}
/**
 * How the relationship is kept going: reviews, reports, contacts,
 * improvement.
 */
export interface RelationshipManagement {
  /**
   * Review meetings.
   */
  reviews?: Review[];
  /**
   * Reports the provider sends.
   */
  reports?: Report[];
  /**
   * Named contacts for the relationship.
   */
  contacts?: Contact[];
  /**
   * Continual improvement commitments.
   */
  improvement?: string[];
}
/**
 * A recurring review.
 */
export interface Review {
  /**
   * The meeting, e.g. "Service review".
   */
  name: string;
  /**
   * How often it happens, when it recurs.
   */
  cadence?: Cadence | null;
  /**
   * The event that calls it, e.g. within 5 business days of every P1.
   */
  on?: Occasion | null;
  /**
   * Stakeholder ids of the participants.
   */
  participants?: string[];
  /**
   * What is covered.
   */
  agenda?: string[];
}
/**
 * The event a report or review follows, and how soon.
 */
export interface Occasion {
  /**
   * What happened.
   */
  event: "incident" | "major_incident" | "security_incident" | "missed_target" | "major_change";
  /**
   * For incidents: the priority id, e.g. "P1"; empty for any priority.
   */
  priority?: string;
  /**
   * How soon after the event (for an incident: after it is resolved).
   */
  within?: (Duration | AsTyped) | null;
}
/**
 * A recurring report.
 */
export interface Report {
  /**
   * The report, e.g. "Monthly service report".
   */
  name: string;
  /**
   * How often it is sent, when it recurs.
   */
  frequency?: Cadence | null;
  /**
   * The event that calls for it, e.g. a root-cause report within 5
   * business days of every P1 incident.
   */
  on?: Occasion | null;
  /**
   * What it contains.
   */
  contents?: string[];
  /**
   * Stakeholder ids of the recipients.
   */
  recipients?: string[];
}
/**
 * A named contact for the relationship.
 */
export interface Contact {
  /**
   * Stakeholder id.
   */
  stakeholder: string;
  /**
   * What to contact them for, e.g. "Commercial questions".
   */
  purpose?: string;
}
/**
 * A service level target.
 */
export interface ServiceLevelTarget {
  /**
   * A short id, e.g. "SL1".
   */
  id: string;
  /**
   * What it is called, e.g. "Portal availability".
   */
  name?: string;
  /**
   * What is measured.
   */
  metric?:
    | "availability"
    | "response_time"
    | "resolution_time"
    | "fulfilment_time"
    | "first_contact_resolution"
    | "satisfaction"
    | "other";
  /**
   * The priority it applies to, for response and resolution targets.
   */
  priority?: string | null;
  /**
   * The target.
   */
  target: string;
  /**
   * At least or at most the target.
   */
  comparison?: "at_least" | "at_most";
  /**
   * The unit, for plain numbers (e.g. "points out of 5").
   */
  unit?: string;
  /**
   * Share of cases that must meet the target, e.g. "95%" of P2
   * incidents resolved within 4h.
   */
  attainment?: (Percent | AsTyped) | null;
  /**
   * How it is measured.
   */
  measurement?: string;
  /**
   * Where the data comes from.
   */
  data_source?: string;
  /**
   * How often it is reported.
   */
  reporting_period?: Cadence | null;
  /**
   * What the target covers, when not the whole service, e.g.
   * "Multi-zone deployments" or "Each single instance".
   */
  scope?: string;
  /**
   * For availability: the period it is measured over, when it differs
   * from the warranty's.
   */
  period?: PeriodConvention | null;
  /**
   * For availability: the hours it is promised in, when they differ from
   * the agreement's service hours.
   */
  service_hours?: ServiceHours | null;
}
/**
 * A scheme of service credits owed when the targets it is tied to are
 * missed. An agreement may have several (e.g. one for multi-zone
 * deployments, one for single instances), each with its own tiers.
 */
export interface CreditScheme {
  /**
   * What it is called, e.g. "Multi-zone credits".
   */
  name?: string;
  /**
   * Ids of the service level targets the tiers apply to.
   */
  applies_to?: string[];
  /**
   * What the percentage is of, e.g. "the monthly charge for the
   * affected service".
   */
  basis?: string;
  /**
   * The tiers: below each level, the credit owed.
   */
  tiers?: CreditTier[];
  /**
   * By when the consumer must claim: a time after the end of the
   * period measured ("60d"), or "by the end of the 2nd billing cycle".
   */
  claim_window?: (ClaimWindow | AsTyped) | null;
  /**
   * What a claim must include.
   */
  evidence?: string;
  /**
   * The most that can be credited in one period, as a share of the basis.
   */
  cap?: (Percent | AsTyped) | null;
  /**
   * True when credits are the consumer's only remedy for missed targets.
   */
  sole_remedy?: boolean;
  /**
   * How a credit can be used.
   */
  usable?: CreditUse | null;
}
/**
 * One credit tier.
 */
export interface CreditTier {
  /**
   * Applies when the measured value is below this.
   */
  below: Percent | AsTyped;
  /**
   * The credit owed, as a share of the basis.
   */
  credit: Percent | AsTyped;
}
/**
 * Changes to the agreement and its termination.
 */
export interface Terms {
  /**
   * How the agreement is changed.
   */
  changes?: string;
  /**
   * When and how either side may end it.
   */
  termination?: string;
  /**
   * The date the agreement ends, where fixed.
   */
  end_date?: (Date | AsTyped) | null;
}
/**
 * A signature given.
 */
export interface Signature {
  /**
   * Stakeholder id of the signatory.
   */
  stakeholder: string;
  /**
   * The date signed.
   */
  date?: (Date | AsTyped) | null;
}
/**
 * A clause the structure does not cover, e.g. data protection or
 * governing law.
 */
export interface Clause {
  /**
   * The clause heading.
   */
  title: string;
  /**
   * The clause text, in Markdown (paragraphs, lists, emphasis).
   */
  body?: string;
}

// Choices for the enumerations of the model, with their labels.
export const KINDS: [string, string][] = [
  ["sla", "Service level agreement (SLA)"],
  ["ola", "Operational level agreement (OLA)"],
  ["uc", "Underpinning contract (UC)"],
  ["offering", "Service offering description"],
];
export const STATUSES: [string, string][] = [
  ["draft", "Draft"],
  ["in_review", "In review"],
  ["approved", "Approved"],
  ["signed", "Signed"],
];
export const RENEWALS: [string, string][] = [
  ["unspecified", "Not stated"],
  ["automatic", "Renews automatically"],
  ["by_agreement", "Renewed by agreement"],
  ["none", "Does not renew"],
];
export const SIDES: [string, string][] = [
  ["provider", "Provider"],
  ["consumer", "Consumer"],
  ["third_party", "Third party"],
];
export const ROLES: [string, string][] = [
  ["customer", "Customer"],
  ["user", "User"],
  ["sponsor", "Sponsor"],
  ["service_provider", "Service provider"],
  ["organization_contact", "Organization contact"],
];
export const STAKEHOLDER_KINDS: [string, string][] = [
  ["person", "Person"],
  ["team", "Team"],
];
/** Suggestions for when a channel is staffed or an action performed; any schedule may be typed. */
export const HOURS: [string, string][] = [
  ["service_hours", "The agreement's service hours"],
  ["24x7", "Around the clock"],
  ["Mon-Fri 09:00-17:30", "Office hours"],
];
export const PERIODS: [string, string][] = [
  ["calendar_month", "Calendar month"],
  ["month30_days", "30-day month"],
  ["average_month", "Average month (30.4375 days)"],
  ["calendar_quarter", "Calendar quarter"],
  ["year365_days", "365-day year"],
];
export const FREQUENCIES: [string, string][] = [
  ["weekly", "Weekly"],
  ["monthly", "Monthly"],
  ["quarterly", "Quarterly"],
  ["yearly", "Yearly"],
];
export const LEVELS: [string, string][] = [
  ["high", "High"],
  ["medium", "Medium"],
  ["low", "Low"],
];
export const CLOCKS: [string, string][] = [
  ["service_hours", "Runs in service hours"],
  ["calendar", "Runs around the clock"],
];
/** A priority's own clock; empty is the support clock. */
export const PRIORITY_CLOCKS: [string, string][] = [
  ["service_hours", "Service hours"],
  ["calendar", "24x7"],
];
export const CHANNEL_KINDS: [string, string][] = [
  ["portal", "Portal"],
  ["email", "Email"],
  ["phone", "Phone"],
  ["chat", "Chat"],
  ["in_person", "In person"],
];
export const CADENCES: [string, string][] = [
  ["weekly", "Weekly"],
  ["monthly", "Monthly"],
  ["quarterly", "Quarterly"],
  ["half_yearly", "Half-yearly"],
  ["yearly", "Yearly"],
];
export const METRICS: [string, string][] = [
  ["availability", "Availability"],
  ["response_time", "Response time"],
  ["resolution_time", "Resolution time"],
  ["fulfilment_time", "Fulfilment time"],
  ["first_contact_resolution", "First-contact resolution"],
  ["satisfaction", "Satisfaction"],
  ["other", "Other"],
];
export const COMPARISONS: [string, string][] = [
  ["at_least", "At least"],
  ["at_most", "At most"],
];
/** The events a review or report can follow. */
export const EVENTS: [string, string][] = [
  ["incident", "An incident"],
  ["major_incident", "A major incident"],
  ["security_incident", "A security incident"],
  ["missed_target", "A missed target"],
  ["major_change", "A major change"],
];
export const CREDIT_USES: [string, string][] = [
  ["future_invoices", "Against future invoices"],
  ["invoices_or_refund", "Against invoices, or refunded"],
  ["refund", "Refunded"],
];

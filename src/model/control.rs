//! Document control: what kind of agreement this is, its identity and
//! version, its status in review, its dates and its history.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::units::{Date, Duration, Typed};

/// The kind of agreement, which decides the template and the required
/// content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Service level agreement: provider and customer, targets and duties
    /// on both sides.
    #[default]
    Sla,
    /// Operational level agreement: between teams of one organization,
    /// supporting an SLA.
    Ola,
    /// Underpinning contract: with an external supplier, supporting an SLA.
    Uc,
    /// Service offering description: the catalogue entry, no targets signed.
    Offering,
}

impl Kind {
    /// Every kind, in menu order.
    pub const ALL: [Kind; 4] = [Kind::Sla, Kind::Ola, Kind::Uc, Kind::Offering];

    /// The short name used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Sla => "sla",
            Kind::Ola => "ola",
            Kind::Uc => "uc",
            Kind::Offering => "offering",
        }
    }

    /// The full name, as printed on a cover page.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Sla => "Service Level Agreement",
            Kind::Ola => "Operational Level Agreement",
            Kind::Uc => "Underpinning Contract",
            Kind::Offering => "Service Offering Description",
        }
    }

    /// True for kinds whose targets are signed by both sides.
    pub fn is_signed(self) -> bool {
        !matches!(self, Kind::Offering)
    }
}

/// Where the draft is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being written; printed with a DRAFT watermark.
    #[default]
    Draft,
    /// Sent to reviewers; still watermarked.
    InReview,
    /// Approved by the approver (recorded in the change history with a
    /// fingerprint of the text approved); printed clean, ready to sign.
    Approved,
    /// Signed by every signatory, on the version approved.
    Signed,
}

impl Status {
    /// As printed: "Draft", "In review", "Approved", "Signed".
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::InReview => "In review",
            Status::Approved => "Approved",
            Status::Signed => "Signed",
        }
    }

    /// True for approved and signed: the status claims an approval, which
    /// the change history must hold for the text as it is.
    pub fn claims_approval(self) -> bool {
        matches!(self, Status::Approved | Status::Signed)
    }
}

/// Identity, version and status of the document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentControl {
    /// SLA, OLA, underpinning contract or service offering description.
    pub kind: Kind,
    /// The title, e.g. "IT Service Desk SLA".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The document reference, e.g. "SLA-ITSD-001".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// The document version, e.g. "1.2".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// Draft, in review, approved or signed. Approved and signed hold only
    /// while the change history records an approval of the text as it is
    /// (see `pactwright::approval`).
    #[serde(default)]
    pub status: Status,
    /// The day the agreement takes effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_date: Option<Typed<Date>>,
    /// How long it runs and how it renews.
    #[serde(default, skip_serializing_if = "is_default")]
    pub term: Term,
    /// Stakeholder id of the document owner (usually the service owner).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Stakeholder id of the approver.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approver: String,
    /// References of the agreements this one supports (for an OLA or UC:
    /// the SLA it underpins).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    /// The change history, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub change_history: Vec<Change>,
}

/// How renewal works at the end of the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Renewal {
    /// Not stated yet.
    #[default]
    Unspecified,
    /// Renews for another term unless either side gives notice.
    Automatic,
    /// Renews only when both sides agree in writing.
    ByAgreement,
    /// Ends at the end of the term.
    None,
}

/// The term of the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Length of the initial term in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// How it renews.
    #[serde(default, skip_serializing_if = "is_default")]
    pub renewal: Renewal,
    /// Length of each renewal term in months, when it differs from the
    /// initial term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_months: Option<u32>,
    /// Notice needed to stop a renewal or to terminate, e.g. "90d".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Typed<Duration>>,
}

/// One entry of the change history.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The version this change produced.
    pub version: String,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Typed<Date>>,
    /// Who made it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// What changed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Set when this entry records an approval: of its version, on its
    /// date, by a stakeholder, of the text whose fingerprint it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
}

/// An approval on record: who approved, and the fingerprint of exactly
/// what they approved (`pactwright::approval::fingerprint`). The version
/// and date are those of the change history entry that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Stakeholder id of the approver.
    pub by: String,
    /// `sha256:` and 64 lowercase hex digits: the SHA-256 of the draft's
    /// canonical text without its status, signatures and approvals.
    pub fingerprint: String,
}

pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

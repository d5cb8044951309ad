//! Approval on record: who approved which version when, of exactly which
//! text.
//!
//! The status moves draft -> in review -> approved -> signed. Approving
//! appends an entry to the change history that holds an [`Approval`]: the
//! approver's stakeholder id and the [`fingerprint`] of the draft as
//! approved; the entry's version and date are the version approved and
//! the day. The status "approved" or "signed" then holds only while the
//! latest approval's fingerprint is that of the draft as it is: edit the
//! text afterwards and the checks say so (`approval-stale`), the PDF is
//! marked DRAFT again, and the app returns the draft to draft
//! ([`return_to_draft`]) after warning first ([`edit_warning`]).
//!
//! # The fingerprint
//!
//! `sha256:` and the 64 lowercase hex digits of the SHA-256 of the UTF-8
//! bytes of the draft's canonical text (`file::to_canonical_json`: what
//! Pactwright saves) with three things taken out first, so that approving
//! and signing do not change what was approved:
//!
//! - the status (`document.status` set to `draft`);
//! - the signatures (`signatures` emptied);
//! - every change history entry that records an approval.
//!
//! Everything else counts, down to a comma in a clause, the change history
//! and the named approver. A file saved by hand in another layout has the
//! same fingerprint, since the model is serialized afresh.
//!
//! # Who may approve
//!
//! The approver named in document control (`document.approver`), and only
//! them. When nobody is named, a stakeholder with the sponsor role (who
//! authorises the budget and approves the agreement) may approve, and
//! becomes the named approver as part of the text approved. An agreement
//! whose checks find errors cannot be approved.

use sha2::{Digest, Sha256};

use crate::checks::{self, Finding, Severity};
use crate::model::{Agreement, Approval, Change, Role, Stakeholder, Status};
use crate::units::{Date, Typed};

/// What every fingerprint starts with.
pub const FINGERPRINT_PREFIX: &str = "sha256:";

/// The text that is fingerprinted: the canonical text of the draft without
/// its status, signatures and approvals (see the module notes).
pub fn fingerprinted_text(agreement: &Agreement) -> String {
    let mut a = agreement.clone();
    a.document.status = Status::Draft;
    a.signatures.clear();
    a.document.change_history.retain(|c| c.approval.is_none());
    crate::file::to_canonical_json(&a)
}

/// The fingerprint of a draft: `sha256:` and 64 lowercase hex digits.
pub fn fingerprint(agreement: &Agreement) -> String {
    let digest = Sha256::digest(fingerprinted_text(agreement).as_bytes());
    let mut out = String::with_capacity(FINGERPRINT_PREFIX.len() + 64);
    out.push_str(FINGERPRINT_PREFIX);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// A fingerprint cut short for people: `sha256:1a2b3c4d5e6f`.
pub fn short(fingerprint: &str) -> &str {
    let end = (FINGERPRINT_PREFIX.len() + 12).min(fingerprint.len());
    fingerprint.get(..end).unwrap_or(fingerprint)
}

/// An approval on record, with the change history entry that holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record<'a> {
    /// Its position in the change history.
    pub index: usize,
    /// The entry: version approved, date, author.
    pub change: &'a Change,
    /// Who, and the fingerprint.
    pub approval: &'a Approval,
}

impl Record<'_> {
    /// The approver's name (their id when they have none, or are not a
    /// stakeholder any more).
    pub fn approver_name(&self, agreement: &Agreement) -> String {
        agreement
            .stakeholder(&self.approval.by)
            .map(|s| s.name.trim())
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.approval.by)
            .to_owned()
    }

    /// The date approved, as printed ("3 December 2026"), or "an unknown
    /// date".
    pub fn date_words(&self) -> String {
        match &self.change.date {
            Some(Typed::Read(d)) => d.to_words(),
            Some(Typed::AsTyped(t)) => t.clone(),
            None => "an unknown date".to_owned(),
        }
    }

    /// "Dana Whitfield approved version 2.1 on 3 December 2026".
    pub fn sentence(&self, agreement: &Agreement) -> String {
        format!(
            "{} approved version {} on {}",
            self.approver_name(agreement),
            self.change.version,
            self.date_words()
        )
    }
}

/// The latest approval on record: the last change history entry that
/// holds one.
pub fn latest(agreement: &Agreement) -> Option<Record<'_>> {
    let history = &agreement.document.change_history;
    history
        .iter()
        .enumerate()
        .rev()
        .find_map(|(index, change)| {
            change.approval.as_ref().map(|approval| Record {
                index,
                change,
                approval,
            })
        })
}

/// Whether the draft as it is has been approved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum State<'a> {
    /// No approval on record.
    Unapproved,
    /// The latest approval is of this very text.
    Current(Record<'a>),
    /// The text has changed since the latest approval.
    Stale(Record<'a>),
}

/// The approval state of a draft, whatever its status says.
pub fn state(agreement: &Agreement) -> State<'_> {
    match latest(agreement) {
        None => State::Unapproved,
        Some(r) if r.approval.fingerprint == fingerprint(agreement) => State::Current(r),
        Some(r) => State::Stale(r),
    }
}

/// True when the draft is approved (or signed) and the approval on record
/// is of the text as it is: what prints without the DRAFT watermark.
pub fn is_approved(agreement: &Agreement) -> bool {
    agreement.document.status.claims_approval() && matches!(state(agreement), State::Current(_))
}

/// What the app says before the first edit of an approved or signed draft
/// (`None` when the draft is not approved): editing returns it to draft.
pub fn edit_warning(agreement: &Agreement) -> Option<String> {
    let status = agreement.document.status;
    if !status.claims_approval() {
        return None;
    }
    let what = match state(agreement) {
        State::Current(r) => format!("{}.", r.sentence(agreement)),
        _ => "It is marked approved.".to_owned(),
    };
    let signed = agreement.signatures.len();
    Some(format!(
        "This agreement is {}. {what} Editing it returns it to draft, and it must be approved again{}.{}",
        status.label().to_lowercase(),
        if status == Status::Signed || signed > 0 {
            " and signed again"
        } else {
            ""
        },
        match signed {
            0 => String::new(),
            1 => " The signature recorded is taken off.".to_owned(),
            n => format!(" The {n} signatures recorded are taken off."),
        }
    ))
}

/// After an edit: an approved or signed draft whose text no longer matches
/// its approval goes back to draft, and the signatures recorded (of the
/// text as it was) are taken off: they must be given again on the new
/// text. Returns true when it did.
pub fn return_to_draft(agreement: &mut Agreement) -> bool {
    if agreement.document.status.claims_approval() && !matches!(state(agreement), State::Current(_))
    {
        agreement.document.status = Status::Draft;
        agreement.signatures.clear();
        return true;
    }
    false
}

/// [`return_to_draft`] for a draft the model cannot read yet (a value
/// typed that is not understood): it cannot be the text approved, so an
/// approved or signed one goes back to draft and its signatures come off.
/// Returns true when it did.
pub fn return_to_draft_json(draft: &mut serde_json::Value) -> bool {
    let claims = matches!(
        draft.pointer("/document/status").and_then(|v| v.as_str()),
        Some("approved" | "signed")
    );
    if !claims {
        return false;
    }
    if let Some(document) = draft.get_mut("document").and_then(|d| d.as_object_mut()) {
        document.insert("status".to_owned(), serde_json::Value::from("draft"));
    }
    if let Some(o) = draft.as_object_mut() {
        o.remove("signatures");
    }
    true
}

/// "Dana Whitfield (pl-md)".
pub fn describe(s: &Stakeholder) -> String {
    if s.name.trim().is_empty() {
        s.id.clone()
    } else {
        format!("{} ({})", s.name.trim(), s.id)
    }
}

/// Who may approve the draft: the named approver when document control
/// names one who is a stakeholder, else every sponsor.
pub fn who_may_approve(agreement: &Agreement) -> Vec<&Stakeholder> {
    let named = agreement.document.approver.trim();
    if !named.is_empty() {
        return agreement.stakeholder(named).into_iter().collect();
    }
    agreement.with_role(Role::Sponsor).collect()
}

/// Why a draft could not be approved. The file is not changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApproveError {
    /// `--by` names nobody.
    #[error("no stakeholder has the id or name \"{query}\"; the stakeholders are: {known}")]
    UnknownStakeholder {
        /// What was asked for.
        query: String,
        /// Every stakeholder, described.
        known: String,
    },
    /// `--by` names several by name.
    #[error(
        "\"{query}\" is the name of more than one stakeholder ({matches}); give the id instead"
    )]
    Ambiguous {
        /// What was asked for.
        query: String,
        /// The stakeholders of that name.
        matches: String,
    },
    /// The stakeholder may not approve.
    #[error("{who} cannot approve this agreement: {reason}")]
    NotAnApprover {
        /// Who was named.
        who: String,
        /// Who can, and why.
        reason: String,
    },
    /// Nobody may approve.
    #[error(
        "nobody can approve this agreement yet: document control names no approver and no stakeholder is the sponsor; set `document.approver` to the stakeholder id of whoever approves it"
    )]
    NobodyCan,
    /// The agreement, approved, would still have errors.
    #[error(
        "an agreement whose checks find errors cannot be approved: {} error{} found; fix {}, then approve it",
        .0.len(), if .0.len() == 1 { "" } else { "s" }, if .0.len() == 1 { "it" } else { "them" }
    )]
    HasErrors(Vec<Finding>),
}

/// What approving did.
#[derive(Debug, Clone, PartialEq)]
pub enum Approved {
    /// A new approval is on record.
    Recorded {
        /// The fingerprint approved.
        fingerprint: String,
        /// What it replaces: the sentence of an earlier approval of
        /// another text, when there was one.
        replaces: Option<String>,
        /// True when the approver became the named approver.
        named_approver: bool,
    },
    /// The text as it is was approved already: nothing changed.
    Already {
        /// Who approved which version when.
        sentence: String,
        /// The fingerprint.
        fingerprint: String,
    },
}

/// Finds a stakeholder by id, or by name (case-insensitive) when no id
/// matches and the name is unique.
pub fn find_stakeholder<'a>(
    agreement: &'a Agreement,
    query: &str,
) -> Result<&'a Stakeholder, ApproveError> {
    let q = query.trim();
    if let Some(s) = agreement.stakeholder(q) {
        return Ok(s);
    }
    let lower = q.to_lowercase();
    let by_name: Vec<&Stakeholder> = agreement
        .stakeholders
        .iter()
        .filter(|s| !s.name.trim().is_empty() && s.name.trim().to_lowercase() == lower)
        .collect();
    match by_name.as_slice() {
        [one] => Ok(one),
        [] => Err(ApproveError::UnknownStakeholder {
            query: q.to_owned(),
            known: if agreement.stakeholders.is_empty() {
                "none (the draft names no stakeholders)".to_owned()
            } else {
                list(agreement.stakeholders.iter())
            },
        }),
        many => Err(ApproveError::Ambiguous {
            query: q.to_owned(),
            matches: list(many.iter().copied()),
        }),
    }
}

fn list<'a>(people: impl Iterator<Item = &'a Stakeholder>) -> String {
    people.map(describe).collect::<Vec<_>>().join(", ")
}

/// Approves the draft as `by` (a stakeholder id or name) on `date`:
/// checks that they may, that the approved agreement has no errors, then
/// records the approval in the change history and sets the status to
/// approved. On an error the draft is unchanged.
pub fn approve(agreement: &mut Agreement, by: &str, date: Date) -> Result<Approved, ApproveError> {
    let who = find_stakeholder(agreement, by)?.clone();
    let may = who_may_approve(agreement);
    let named = agreement.document.approver.trim().to_owned();
    if may.is_empty() {
        if named.is_empty() {
            return Err(ApproveError::NobodyCan);
        }
        // The named approver is not a stakeholder: the checks say so too.
        return Err(ApproveError::NotAnApprover {
            who: describe(&who),
            reason: format!(
                "document control names \"{named}\" as the approver, but no stakeholder has that id; correct `document.approver`"
            ),
        });
    }
    if !may.iter().any(|s| s.id == who.id) {
        let reason = if named.is_empty() {
            format!(
                "document control names no approver, so a sponsor approves, and only {} {} the sponsor role",
                list(may.iter().copied()),
                if may.len() == 1 { "holds" } else { "hold" }
            )
        } else {
            format!(
                "only the approver named in document control can approve it: {}",
                list(may.iter().copied())
            )
        };
        return Err(ApproveError::NotAnApprover {
            who: describe(&who),
            reason,
        });
    }
    if let State::Current(r) = state(agreement) {
        if agreement.document.status.claims_approval() {
            return Ok(Approved::Already {
                sentence: r.sentence(agreement),
                fingerprint: r.approval.fingerprint.clone(),
            });
        }
    }
    let replaces = match state(agreement) {
        State::Stale(r) => Some(r.sentence(agreement)),
        _ => None,
    };
    let mut approved = agreement.clone();
    let named_approver = named.is_empty();
    if named_approver {
        approved.document.approver = who.id.clone();
    }
    let fingerprint = fingerprint(&approved);
    approved.document.change_history.push(Change {
        version: approved.document.version.clone(),
        date: Some(date.into()),
        author: if who.name.trim().is_empty() {
            who.id.clone()
        } else {
            who.name.trim().to_owned()
        },
        summary: "Approved".to_owned(),
        approval: Some(Approval {
            by: who.id.clone(),
            fingerprint: fingerprint.clone(),
        }),
    });
    approved.document.status = Status::Approved;
    let errors: Vec<Finding> = checks::check(&approved)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        return Err(ApproveError::HasErrors(errors));
    }
    *agreement = approved;
    Ok(Approved::Recorded {
        fingerprint,
        replaces,
        named_approver,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Agreement {
        let text = include_str!("../samples/network-ola.agreement.json");
        let mut a = crate::file::parse_str(std::path::Path::new("x"), text)
            .map(|l| l.agreement)
            .unwrap_or_else(|e| panic!("{e}"));
        a.document.status = Status::InReview;
        a.document.change_history.retain(|c| c.approval.is_none());
        a
    }

    fn day() -> Date {
        Date::new(2025, 12, 5).unwrap_or_else(|| panic!("a date"))
    }

    #[test]
    fn the_fingerprint_changes_with_the_text_and_not_with_status_or_signatures() {
        let a = draft();
        let fp = fingerprint(&a);
        assert!(fp.starts_with("sha256:") && fp.len() == 71, "{fp}");
        assert!(
            fp[7..]
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        let mut b = a.clone();
        b.document.status = Status::Signed;
        b.signatures.clear();
        assert_eq!(fingerprint(&b), fp);
        let mut c = a.clone();
        c.exclusions.push("Acts of God".to_owned());
        assert_ne!(fingerprint(&c), fp);
        let mut d = a.clone();
        d.document.title.push('.');
        assert_ne!(fingerprint(&d), fp);
    }

    #[test]
    fn approving_records_who_when_and_what_and_keeps_the_fingerprint() {
        let mut a = draft();
        let before = fingerprint(&a);
        let approver = a.document.approver.clone();
        let out = approve(&mut a, &approver, day()).unwrap_or_else(|e| panic!("{e}"));
        let Approved::Recorded {
            fingerprint: fp, ..
        } = out
        else {
            panic!("{out:?}")
        };
        assert_eq!(fp, before);
        assert_eq!(
            fingerprint(&a),
            before,
            "approving does not change what was approved"
        );
        assert_eq!(a.document.status, Status::Approved);
        assert!(is_approved(&a));
        let r = latest(&a).unwrap_or_else(|| panic!("a record"));
        assert_eq!(r.approval.by, approver);
        assert_eq!(r.change.version, a.document.version);
        assert_eq!(r.change.date, Some(day().into()));
        // Signing does not make it stale either.
        a.document.status = Status::Signed;
        assert!(is_approved(&a));
        // An edit does.
        a.exclusions.push("Anything on a Tuesday".to_owned());
        assert!(matches!(state(&a), State::Stale(_)));
        assert!(!is_approved(&a));
        assert!(edit_warning(&a).is_some());
        let had = a.signatures.len();
        a.signatures.push(crate::model::Signature {
            stakeholder: a.document.approver.clone(),
            date: Some(day().into()),
        });
        let warning = edit_warning(&a).expect("a warning");
        assert!(
            warning.contains("approved again and signed again."),
            "{warning}"
        );
        let taken = if had == 0 {
            " The signature recorded is taken off.".to_owned()
        } else {
            format!(" The {} signatures recorded are taken off.", had + 1)
        };
        assert!(warning.ends_with(&taken), "{warning}");
        assert!(return_to_draft(&mut a));
        assert_eq!(a.document.status, Status::Draft);
        assert!(
            a.signatures.is_empty(),
            "the signatures of the old text are taken off"
        );
        // Already a draft: nothing more to do.
        assert!(!return_to_draft(&mut a));
    }

    #[test]
    fn only_the_named_approver_may_approve() {
        let mut a = draft();
        let other = a
            .stakeholders
            .iter()
            .find(|s| s.id != a.document.approver)
            .map(|s| s.id.clone())
            .unwrap_or_default();
        let err = approve(&mut a, &other, day()).unwrap_err();
        assert!(matches!(err, ApproveError::NotAnApprover { .. }), "{err}");
        assert!(err.to_string().contains("only the approver named"), "{err}");
    }
}

//! Approval on record: a status of approved or signed needs an approval in
//! the change history of the text as it is (`crate::approval`), and a
//! signed agreement the signature of every signatory.

use super::Ctx;
use crate::approval::{self, State};
use crate::checks::{Code, Findings};
use crate::model::Status;

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let status = a.document.status;
    let claims = status.claims_approval();
    match approval::state(a) {
        State::Stale(r) => {
            let pointer = format!("/document/change_history/{}/approval", r.index);
            let message = format!(
                "{} (fingerprint {}), but the text has changed since",
                r.sentence(a),
                approval::short(&r.approval.fingerprint)
            );
            if claims {
                f.error(
                    Code::ApprovalStale,
                    "/document/status",
                    format!(
                        "the agreement says {}: {message}, so the approval is not of this text",
                        status.label().to_lowercase()
                    ),
                    "set the status back to draft and have it approved again (`pactwright approve FILE --by APPROVER`), or undo the change",
                );
            } else {
                f.info(
                    Code::ApprovalStale,
                    pointer,
                    message,
                    "it needs approving again before it is signed",
                );
            }
        }
        State::Unapproved if claims => {
            f.warning(
                Code::ApprovalNotRecorded,
                "/document/status",
                format!(
                    "the agreement says {}, but no approval is on record: the change history does not say who approved which version when",
                    status.label().to_lowercase()
                ),
                "record the approval with `pactwright approve FILE --by APPROVER` (it adds an entry with the approver, the date and a fingerprint of the text)",
            );
        }
        _ => {}
    }
    if status == Status::Signed && a.document.kind.is_signed() {
        for s in a.stakeholders.iter().filter(|s| s.signs) {
            if !a.signatures.iter().any(|g| g.stakeholder == s.id) {
                f.error(
                    Code::SignedIncomplete,
                    "/signatures",
                    format!(
                        "the agreement says signed, but {} has not signed: no signature of theirs is recorded",
                        approval::describe(s)
                    ),
                    format!(
                        "record their signature in `signatures` (stakeholder \"{}\" and the date), or set the status back to approved",
                        s.id
                    ),
                );
            }
        }
    }
}

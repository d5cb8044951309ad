//! `pactwright approve`: record an approval in the draft's change history
//! (the approver, the date, the fingerprint of the text approved) and set
//! its status to approved, written back atomically in canonical form.
//! Refused (exit 1) when the stakeholder may not approve or the approved
//! agreement would have errors; the file is then not changed.

use std::path::Path;

use pactwright::approval::{self, ApproveError, Approved};
use pactwright::units::Date;

pub fn run(file: &Path, by: &str, date: Option<&str>) -> u8 {
    let date = match date {
        Some(text) => match text.parse::<Date>() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: --date \"{text}\": {e}");
                return 2;
            }
        },
        // The one place the clock is read: the day of approval, in the
        // time zone of the machine approving.
        None => Date::today(),
    };
    let loaded = match pactwright::file::load(file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let mut agreement = loaded.agreement;
    let outcome = match approval::approve(&mut agreement, by, date) {
        Ok(o) => o,
        Err(e) => {
            let code = match &e {
                ApproveError::UnknownStakeholder { .. } | ApproveError::Ambiguous { .. } => 2,
                ApproveError::HasErrors(errors) => {
                    for f in errors {
                        eprintln!("error[{}]: {} (at {})", f.code, f.message, f.pointer);
                    }
                    1
                }
                ApproveError::NotAnApprover { .. } | ApproveError::NobodyCan => 1,
            };
            eprintln!("error: {}: not approved: {e}", file.display());
            eprintln!("The file was not changed.");
            return code;
        }
    };
    match outcome {
        Approved::Already {
            sentence,
            fingerprint,
        } => {
            println!(
                "{}: already approved: {sentence} (fingerprint {fingerprint}), and the text has not changed since. The file was not changed.",
                file.display()
            );
            0
        }
        Approved::Recorded {
            fingerprint,
            replaces,
            named_approver,
        } => {
            if let Err(e) = pactwright::file::save(file, &agreement) {
                eprintln!("error: {e}");
                return 2;
            }
            let Some(record) = approval::latest(&agreement) else {
                return 2;
            };
            let d = &agreement.document;
            let what = if d.reference.trim().is_empty() {
                d.title.trim().to_owned()
            } else {
                d.reference.trim().to_owned()
            };
            println!(
                "Approved {what} version {} on {}, by {}.",
                d.version,
                record.date_words(),
                agreement
                    .stakeholder(&record.approval.by)
                    .map(approval::describe)
                    .unwrap_or_else(|| record.approval.by.clone())
            );
            println!("Fingerprint: {fingerprint}");
            if named_approver {
                println!(
                    "note: document control named no approver; {} is now the approver, as a sponsor",
                    record.approver_name(&agreement)
                );
            }
            if let Some(earlier) = replaces {
                println!("note: this replaces an approval of an earlier text ({earlier})");
            }
            if loaded.file_version < pactwright::model::SCHEMA_VERSION {
                println!(
                    "note: the file was version {} and is now saved as version {}",
                    loaded.file_version,
                    pactwright::model::SCHEMA_VERSION
                );
            }
            println!(
                "Wrote {} (status: approved; the approval is entry {} of the change history).",
                file.display(),
                record.index + 1
            );
            0
        }
    }
}

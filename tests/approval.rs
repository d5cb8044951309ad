//! `pactwright approve` through the real binary: the approval on record,
//! the refusals (exit 1, saying who can), the fingerprint changing with
//! the text, and the watermark following the approval.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::cli;
use pactwright::approval::{self, State};
use pactwright::model::Status;

fn setup(status: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/network-ola.agreement.json");
    let mut a = pactwright::file::load(&src).unwrap().agreement;
    a.document.change_history.retain(|c| c.approval.is_none());
    a.document.status = match status {
        "draft" => Status::Draft,
        _ => Status::InReview,
    };
    a.signatures.clear();
    let path = dir.path().join("ola.agreement.json");
    pactwright::file::save(&path, &a).unwrap();
    (dir, path)
}

fn transcript(run: &(i32, String, String)) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        run.0, run.1, run.2
    )
}

#[test]
fn approve_records_the_approver_date_and_fingerprint() {
    let (dir, path) = setup("in_review");
    let before = pactwright::file::load(&path).unwrap().agreement;
    let fp = approval::fingerprint(&before);
    let run = cli(
        dir.path(),
        &[
            "approve",
            "ola.agreement.json",
            "--by",
            "simon hargreaves",
            "--date",
            "2025-12-05",
        ],
    );
    assert_eq!(run.0, 0, "{}", transcript(&run));
    assert!(run.1.contains(&fp), "{}", run.1);
    insta::assert_snapshot!(transcript(&run).replace(&fp, "FINGERPRINT"));
    let text = std::fs::read_to_string(&path).unwrap();
    let after = pactwright::file::parse_str(&path, &text).unwrap().agreement;
    assert_eq!(
        text,
        pactwright::file::to_canonical_json(&after),
        "saved canonically"
    );
    assert_eq!(after.document.status, Status::Approved);
    let State::Current(r) = approval::state(&after) else {
        panic!("not current")
    };
    assert_eq!(r.approval.by, "ops-head");
    assert_eq!(r.approval.fingerprint, fp);
    assert_eq!(r.change.version, after.document.version);
    // Approved: checks are clean and the PDF carries no watermark.
    assert!(pactwright::checks::check(&after).is_empty());
    assert!(pactwright::render::meta(&after, false).watermark.is_none());
    // Again: nothing to do, the file is not changed.
    let again = cli(
        dir.path(),
        &[
            "approve",
            "ola.agreement.json",
            "--by",
            "ops-head",
            "--date",
            "2025-12-06",
        ],
    );
    assert_eq!(again.0, 0);
    assert!(again.1.contains("already approved"), "{}", again.1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn an_edit_after_approval_changes_the_fingerprint_and_is_a_finding() {
    let (dir, path) = setup("in_review");
    let run = cli(
        dir.path(),
        &[
            "approve",
            "ola.agreement.json",
            "--by",
            "ops-head",
            "--date",
            "2025-12-05",
        ],
    );
    assert_eq!(run.0, 0, "{}", transcript(&run));
    let mut a = pactwright::file::load(&path).unwrap().agreement;
    let approved = approval::fingerprint(&a);
    a.exclusions
        .push("Faults caused by building works".to_owned());
    assert_ne!(
        approval::fingerprint(&a),
        approved,
        "the fingerprint changes with the text"
    );
    pactwright::file::save(&path, &a).unwrap();
    let check = cli(dir.path(), &["check", "ola.agreement.json"]);
    assert_eq!(check.0, 1);
    assert!(check.1.contains("error[approval-stale]"), "{}", check.1);
    assert!(
        check
            .1
            .contains("Simon Hargreaves approved version 1.3 on 5 December 2025"),
        "{}",
        check.1
    );
    // Marked DRAFT again.
    assert_eq!(
        pactwright::render::meta(&a, false).watermark.as_deref(),
        Some("DRAFT")
    );
    // Back in draft it is an info, and approving again records a new one.
    assert!(approval::return_to_draft(&mut a));
    pactwright::file::save(&path, &a).unwrap();
    let f = pactwright::checks::check(&a);
    assert!(f.iter().any(|f| f.code == "approval-stale" && f.severity == pactwright::checks::Severity::Info));
    let run = cli(
        dir.path(),
        &[
            "approve",
            "ola.agreement.json",
            "--by",
            "ops-head",
            "--date",
            "2025-12-07",
        ],
    );
    assert_eq!(run.0, 0, "{}", transcript(&run));
    assert!(
        run.1.contains("replaces an approval of an earlier text"),
        "{}",
        run.1
    );
}

#[test]
fn bad_input_approve_by_someone_who_is_not_the_approver() {
    let (dir, path) = setup("in_review");
    let before = std::fs::read(&path).unwrap();
    let run = cli(
        dir.path(),
        &[
            "approve",
            "ola.agreement.json",
            "--by",
            "desk-head",
            "--date",
            "2025-12-05",
        ],
    );
    assert_eq!(run.0, 1);
    assert!(
        run.2.contains("Simon Hargreaves (ops-head)"),
        "says who can: {}",
        run.2
    );
    insta::assert_snapshot!(transcript(&run));
    assert_eq!(std::fs::read(&path).unwrap(), before, "not changed");
}

#[test]
fn bad_input_approve_refuses_errors_unknown_people_and_bad_dates() {
    let (dir, path) = setup("in_review");
    let mut a = pactwright::file::load(&path).unwrap().agreement;
    a.document.version.clear();
    pactwright::file::save(&path, &a).unwrap();
    let mut all = String::new();
    for args in [
        &[
            "approve",
            "ola.agreement.json",
            "--by",
            "ops-head",
            "--date",
            "2025-12-05",
        ][..],
        &[
            "approve",
            "ola.agreement.json",
            "--by",
            "Nobody Here",
            "--date",
            "2025-12-05",
        ][..],
        &[
            "approve",
            "ola.agreement.json",
            "--by",
            "ops-head",
            "--date",
            "2025-13-40",
        ][..],
    ] {
        let run = cli(dir.path(), args);
        all.push_str(&format!(
            "$ pactwright {}\n{}\n",
            args.join(" "),
            transcript(&run)
        ));
    }
    insta::assert_snapshot!(all);
}

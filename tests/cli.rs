//! The command line as a user meets it: exit codes, messages (snapshotted
//! with insta, so their wording is reviewed like output), and bad input that
//! must give a clear message, never a panic, and never change the file.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

const COMPLETE: &str = include_str!("fixtures/complete-sla.agreement.json");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Exit code, stdout and stderr as one text for a snapshot.
    fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

fn pactwright(dir: &Path, args: &[&str]) -> Run {
    let (code, stdout, stderr) = common::cli(dir, args);
    Run {
        code,
        stdout,
        stderr,
    }
}

/// Writes `bytes` as NAME in a fresh folder, runs `check`, asserts no panic
/// and that the file is unchanged.
fn check_bytes(name: &str, bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let run = pactwright(dir.path(), &["check", name]);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(
        std::fs::read(dir.path().join(name)).unwrap(),
        bytes,
        "input changed"
    );
    run
}

fn complete_with(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_str(COMPLETE).unwrap();
    edit(&mut v);
    serde_json::to_vec_pretty(&v).unwrap()
}

#[test]
fn check_a_complete_agreement() {
    let run = check_bytes("payroll.agreement.json", COMPLETE.as_bytes());
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn check_reports_errors_with_exit_1_in_text_and_json() {
    let bytes = complete_with(|v| {
        v["support"]["priorities"][0]["resolution"] = "10 min".into();
        v["credit_schemes"][0]["cap"] = "150%".into();
        v["service_levels"][0]["target"] = "best effort".into();
    });
    let run = check_bytes("bad.agreement.json", &bytes);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("check_errors_text", run.transcript());

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.agreement.json"), &bytes).unwrap();
    let json = pactwright(
        dir.path(),
        &["check", "bad.agreement.json", "--format", "json"],
    );
    assert_eq!(json.code, 1);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["errors"], 5);
    insta::assert_snapshot!("check_errors_json", json.stdout);
}

#[test]
fn new_writes_a_starter_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let first = pactwright(dir.path(), &["new", "--kind", "ola", "net.agreement.json"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let written = std::fs::read_to_string(dir.path().join("net.agreement.json")).unwrap();
    assert!(written.contains("\"kind\": \"ola\""));
    insta::assert_snapshot!("new_ola_file", written);

    std::fs::write(dir.path().join("net.agreement.json"), "mine").unwrap();
    let again = pactwright(dir.path(), &["new", "--kind", "sla", "net.agreement.json"]);
    assert_eq!(again.code, 2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("net.agreement.json")).unwrap(),
        "mine"
    );
    insta::assert_snapshot!("new_refuses_overwrite", again.transcript());

    let forced = pactwright(
        dir.path(),
        &["new", "--kind", "sla", "net.agreement.json", "--force"],
    );
    assert_eq!(forced.code, 0);
    let replaced = std::fs::read_to_string(dir.path().join("net.agreement.json")).unwrap();
    assert!(replaced.contains("\"kind\": \"sla\""));
    // The starter loads and its findings are what is left to fill in.
    let check = pactwright(dir.path(), &["check", "net.agreement.json"]);
    assert_eq!(check.code, 1);
    assert!(check.stdout.contains("missing-sponsor"));
}

#[test]
fn starters_of_every_kind_load() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["sla", "ola", "uc", "offering"] {
        let name = format!("{kind}.agreement.json");
        assert_eq!(
            pactwright(dir.path(), &["new", "--kind", kind, &name]).code,
            0
        );
        let check = pactwright(dir.path(), &["check", &name]);
        assert!(
            check.code == 0 || check.code == 1,
            "{kind}: {}",
            check.stderr
        );
    }
}

#[test]
fn downtime_table_and_calendars() {
    let dir = tempfile::tempdir().unwrap();
    let run = pactwright(dir.path(), &["downtime", "99.9%"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("downtime_standard", run.transcript());
    let run = pactwright(
        dir.path(),
        &[
            "downtime",
            "99.9%",
            "--hours",
            "Mon-Fri 08:00-18:00",
            "--tz",
            "Europe/London",
            "--period",
            "2026-12",
            "--period",
            "avg-month",
            "--holiday",
            "2026-12-25",
            "--maintenance",
            "1h",
        ],
    );
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("downtime_business_hours", run.transcript());
    let run = pactwright(
        dir.path(),
        &[
            "downtime", "99.99%", "--period", "2026-02", "--period", "2026-Q1",
        ],
    );
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("February 2026"));
    assert!(run.stdout.contains("Q1 2026"));
}

/// Maintenance in business days is worth the service time of a business
/// day on the calendar given, never 24 hours.
#[test]
fn downtime_with_business_days() {
    let dir = tempfile::tempdir().unwrap();
    let run = pactwright(
        dir.path(),
        &[
            "downtime",
            "99.9%",
            "--hours",
            "Mon-Fri 08:00-18:00",
            "--tz",
            "Europe/London",
            "--maintenance",
            "1bd",
            "--period",
            "month",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("1 business day (10h of service time on Mon-Fri)"),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!(run.transcript());
    let bad = pactwright(dir.path(), &["downtime", "99.9%", "--maintenance", "0bd"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("--maintenance"), "{}", bad.stderr);
}

/// Business days print as business days in the agreement, never as days.
#[test]
fn business_days_print_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/it-service-desk.agreement.json");
    std::fs::copy(&src, dir.path().join("desk.agreement.json")).unwrap();
    let run = pactwright(
        dir.path(),
        &["render", "desk.agreement.json", "--format", "md"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let md = std::fs::read_to_string(dir.path().join("desk.md")).unwrap();
    assert!(md.contains("| 3 business days |"), "P3 resolution");
    assert!(md.contains("after 2 business days"), "escalation");
    assert!(
        !md.contains("3bd") && !md.contains("| 3 days |"),
        "a business-day value printed as days"
    );
}

#[test]
fn downtime_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut all = String::new();
    for args in [
        &["downtime", "100.5%"][..],
        &["downtime", "-1%"],
        &["downtime", "lots"],
        &["downtime", "99.9%", "--period", "fortnight"],
        &["downtime", "99.9%", "--hours", "Mon-Fri 18:00-08:00"],
        &["downtime", "99.9%", "--tz", "Mars/Olympus"],
        &["downtime", "99.9%", "--holiday", "2026-02-30"],
        &["downtime", "99.9%", "--maintenance", "4 hourz"],
    ] {
        let run = pactwright(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}");
        all.push_str(&format!("$ {}\n{}\n", args.join(" "), run.transcript()));
    }
    insta::assert_snapshot!("downtime_bad_input", all);
}

#[test]
fn help_shows_an_example_on_every_command() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["new", "check", "downtime", "schema"] {
        let run = pactwright(dir.path(), &[cmd, "--help"]);
        assert_eq!(run.code, 0);
        assert!(
            run.stdout.contains("Example"),
            "{cmd} --help has no example"
        );
        assert!(run.stdout.contains(&format!("pactwright {cmd}")), "{cmd}");
    }
}

// ---------------------------------------------------------------------------
// Bad input: each one gives exit 2 with what and where, or exit 1 with
// findings when the JSON is a valid draft but the agreement is not.

#[test]
fn bad_input_truncated_json() {
    let cut = &COMPLETE.as_bytes()[..COMPLETE.len() / 2];
    let run = check_bytes("cut.agreement.json", cut);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_wrong_types() {
    let run = check_bytes(
        "types.agreement.json",
        &complete_with(|v| v["support"]["priorities"][1]["response"] = 30.into()),
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("support.priorities[1].response"));
    insta::assert_snapshot!(run.transcript());
    let run = check_bytes(
        "types2.agreement.json",
        &complete_with(|v| v["stakeholders"][0]["roles"] = "sponsor".into()),
    );
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("bad_input_wrong_types_roles", run.transcript());
}

#[test]
fn bad_input_bad_unit_value() {
    let run = check_bytes(
        "unit.agreement.json",
        &complete_with(|v| v["support"]["priorities"][0]["response"] = "15 minuets".into()),
    );
    // Read and kept as typed: one finding on the field, exit 1.
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert_eq!(run.stdout.matches("[not-understood]").count(), 1);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_bom_and_crlf_are_read_like_plain_files() {
    let plain = check_bytes("plain.agreement.json", COMPLETE.as_bytes());
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(COMPLETE.as_bytes());
    let with_bom = check_bytes("plain.agreement.json", &bom);
    assert_eq!(with_bom.code, plain.code);
    assert_eq!(with_bom.stdout, plain.stdout);
    let crlf = COMPLETE.replace('\n', "\r\n");
    let with_crlf = check_bytes("plain.agreement.json", crlf.as_bytes());
    assert_eq!(with_crlf.code, plain.code);
    assert_eq!(with_crlf.stdout, plain.stdout);
    // Line numbers still point at the right line with CRLF and a BOM.
    let broken = complete_with(|v| v["support"]["priorities"][0]["resolution"] = "10 min".into());
    let broken = String::from_utf8(broken).unwrap();
    let lf = check_bytes("b.agreement.json", broken.as_bytes());
    let mut bom_crlf = b"\xEF\xBB\xBF".to_vec();
    bom_crlf.extend_from_slice(broken.replace('\n', "\r\n").as_bytes());
    let both = check_bytes("b.agreement.json", &bom_crlf);
    assert_eq!(both.code, 1);
    assert_eq!(both.stdout, lf.stdout);
}

#[test]
fn bad_input_invalid_utf8() {
    let mut bytes = COMPLETE.as_bytes().to_vec();
    let at = COMPLETE.find("Payroll Service").unwrap();
    bytes[at] = 0xFF;
    let run = check_bytes("latin1.agreement.json", &bytes);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_empty_file() {
    let run = check_bytes("empty.agreement.json", b"");
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.transcript());
    let run = check_bytes("blank.agreement.json", b"  \n\n");
    assert_eq!(run.code, 2);
}

#[test]
fn bad_input_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("folder.agreement.json")).unwrap();
    let run = pactwright(dir.path(), &["check", "folder.agreement.json"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = pactwright(dir.path(), &["check", "nowhere.agreement.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("nowhere.agreement.json"));
}

#[test]
fn bad_input_50_mb_file() {
    let mut big = COMPLETE.trim_end().trim_end_matches('}').to_owned();
    big.push_str(",\"clauses\": [{\"title\": \"Padding\", \"body\": \"");
    big.push_str(&"x".repeat(50 * 1024 * 1024));
    big.push_str("\"}]}");
    let run = check_bytes("huge.agreement.json", big.as_bytes());
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_targets_out_of_range() {
    let run = check_bytes(
        "range.agreement.json",
        &complete_with(|v| {
            v["service_levels"][0]["target"] = "100.5%".into();
            v["credit_schemes"][0]["tiers"][0]["credit"] = "-1%".into();
        }),
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_resolution_shorter_than_response() {
    let run = check_bytes(
        "fast.agreement.json",
        &complete_with(|v| v["support"]["priorities"][1]["resolution"] = "20 min".into()),
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_resolution_of_400_days() {
    let run = check_bytes(
        "slow.agreement.json",
        &complete_with(|v| v["support"]["priorities"][1]["resolution"] = "400 days".into()),
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_unknown_enum_value() {
    let run = check_bytes(
        "enum.agreement.json",
        &complete_with(|v| v["document"]["status"] = "sealed".into()),
    );
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_duplicate_stakeholder_ids() {
    let run = check_bytes(
        "dup.agreement.json",
        &complete_with(|v| v["stakeholders"][1]["id"] = "owner".into()),
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_newer_schema_version() {
    let run = check_bytes(
        "future.agreement.json",
        &complete_with(|v| v["schema_version"] = 7.into()),
    );
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_unknown_field() {
    let run = check_bytes(
        "unknown.agreement.json",
        &complete_with(|v| v["warranty"]["availability"]["uptime"] = "99.9%".into()),
    );
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn bad_input_not_an_object_and_no_version() {
    let run = check_bytes("array.agreement.json", b"[1, 2, 3]");
    assert_eq!(run.code, 2);
    let run2 = check_bytes(
        "nover.agreement.json",
        b"{\"document\": {\"kind\": \"sla\"}}",
    );
    assert_eq!(run2.code, 2);
    insta::assert_snapshot!(format!("{}\n{}", run.transcript(), run2.transcript()));
}

#[test]
fn old_version_is_migrated_not_refused() {
    // The complete draft as version 1 wrote it, turned into version 0.
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/v1/complete-sla.agreement.json")).unwrap();
    v["schema_version"] = 0.into();
    for s in v["stakeholders"].as_array_mut().unwrap() {
        let s = s.as_object_mut().unwrap();
        if let Some(serde_json::Value::Array(roles)) = s.shift_remove("roles") {
            s.insert("role".into(), roles[0].clone());
        }
    }
    v["stakeholders"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!(
            {"id": "buyer", "name": "Pat Buyer", "side": "consumer", "role": "customer"}
        ));
    let bytes = serde_json::to_vec_pretty(&v).unwrap();
    let run = check_bytes("old.agreement.json", &bytes);
    assert_eq!(run.code, 0, "{}", run.transcript());
}

/// Model v2's bad input: each is accepted and explained, or refused with
/// exit 2 and a message naming the field; the file is never changed.
#[test]
fn bad_input_model_v2() {
    let mut out = String::new();
    let mut case = |name: &str, bytes: Vec<u8>, code: i32| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.agreement.json");
        std::fs::write(&path, &bytes).unwrap();
        let run = pactwright(dir.path(), &["check", "case.agreement.json"]);
        assert_eq!(run.code, code, "{name}: {}", run.transcript());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{name}: the file changed"
        );
        out.push_str(&format!("## {name}\n{}\n", run.transcript()));
    };
    for (text, code) in [
        ("0bd", 1),
        ("-3bd", 1),
        ("1.5bd", 1),
        ("3 bd", 0),
        ("3 business day", 0),
    ] {
        case(
            &format!("P2 resolution \"{text}\""),
            complete_with(|v| v["support"]["priorities"][1]["resolution"] = text.into()),
            code,
        );
    }
    case(
        "a version 2 file claiming version 1",
        complete_with(|v| v["schema_version"] = 1.into()),
        2,
    );
    case(
        "a credit scheme pointing at no target",
        complete_with(|v| v["credit_schemes"][0]["applies_to"] = serde_json::json!(["SL9"])),
        1,
    );
    case(
        "a credit scheme moved to a response time target (95% within 30 min)",
        complete_with(|v| v["credit_schemes"][0]["applies_to"] = serde_json::json!(["SL2"])),
        1,
    );
    case(
        "one impact and urgency pair under two priorities",
        complete_with(|v| {
            v["support"]["priorities"][1]["matrix"][0] =
                serde_json::json!({"impact": "high", "urgency": "high"})
        }),
        1,
    );
    case(
        "service hours across the weekend",
        complete_with(|v| v["service_hours"]["schedule"] = "Fri 18:00-Mon 08:00".into()),
        0,
    );
    case(
        "service hours that end before they start",
        complete_with(|v| v["service_hours"]["schedule"] = "Mon-Fri 18:00-08:00".into()),
        1,
    );
    insta::assert_snapshot!(out);
}

/// The weekend window is read as the days it covers, and the render says so.
#[test]
fn a_window_across_midnight_is_understood() {
    let a: pactwright::model::Agreement = pactwright::file::parse_str(
        Path::new("w.agreement.json"),
        &String::from_utf8(complete_with(|v| {
            v["service_hours"]["schedule"] = "Fri 18:00-Mon 08:00".into()
        }))
        .unwrap(),
    )
    .unwrap()
    .agreement;
    let s = a.service_hours.unwrap().schedule.read().cloned().unwrap();
    assert_eq!(s.weekly_minutes(), (6 + 48 + 8) * 60);
    assert_eq!(
        s.to_string(),
        "Fri 18:00-24:00; Sat,Sun 00:00-24:00; Mon 00:00-08:00"
    );
}

/// A failure inside Pactwright (in the checks, the layout or the writing)
/// is an error with its message and exit 2, not a crash that leaves the
/// user guessing, and no file is written.
#[test]
fn a_failure_inside_is_an_error_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("desk.agreement.json");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/it-service-desk.agreement.json"),
        &draft,
    )
    .unwrap();
    for (stage, args) in [
        ("checks", vec!["check", "desk.agreement.json"]),
        (
            "layout",
            vec!["render", "desk.agreement.json", "-o", "out.pdf"],
        ),
        (
            "write",
            vec!["render", "desk.agreement.json", "-o", "out.pdf"],
        ),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pactwright"))
            .args(&args)
            .env("PACTWRIGHT_TEST_PANIC", stage)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stage}: {stderr}");
        let expected = format!(
            "error: Pactwright failed inside: test failure requested in {stage} (src/failure.rs:"
        );
        assert!(stderr.starts_with(&expected), "{stage}: {stderr}");
        assert!(stderr.contains("No file was changed"), "{stage}: {stderr}");
        assert_eq!(
            stderr.lines().count(),
            1,
            "one message, no backtrace noise: {stderr}"
        );
        assert!(
            !dir.path().join("out.pdf").exists(),
            "{stage}: no PDF written"
        );
    }
}

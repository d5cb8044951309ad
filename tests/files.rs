//! Draft files: the model round trip, byte-stable saving, atomic writes,
//! the committed JSON Schema, and the samples.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use pactwright::file;

const COMPLETE: &str = include_str!("fixtures/complete-sla.agreement.json");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(file::EXTENSION))
        .collect();
    list.sort();
    list
}

#[test]
fn load_then_save_gives_the_same_bytes() {
    let loaded = file::parse_str(Path::new("x"), COMPLETE).unwrap();
    assert_eq!(file::to_canonical_json(&loaded.agreement), COMPLETE);
    for path in samples() {
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = file::load(&path).unwrap();
        assert_eq!(
            file::to_canonical_json(&loaded.agreement),
            text,
            "{} is not in canonical form",
            path.display()
        );
    }
}

#[test]
fn save_is_atomic_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.agreement.json");
    let loaded = file::parse_str(Path::new("x"), COMPLETE).unwrap();
    file::save(&path, &loaded.agreement).unwrap();
    let again = file::load(&path).unwrap();
    assert_eq!(again.agreement, loaded.agreement);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), COMPLETE);
    // Overwriting leaves no temporary files behind.
    file::save(&path, &loaded.agreement).unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_failed_save_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-folder").join("a.agreement.json");
    let loaded = file::parse_str(Path::new("x"), COMPLETE).unwrap();
    let err = file::save(&path, &loaded.agreement).unwrap_err();
    assert!(err.to_string().contains("cannot save"));
    assert!(!path.exists());
}

#[test]
fn committed_schema_is_current() {
    let committed =
        std::fs::read_to_string(root().join(pactwright::schema::SCHEMA_PATH)).unwrap_or_default();
    assert!(
        committed == pactwright::schema::agreement_schema(),
        "schema/agreement.schema.json is stale: run `cargo run --bin pactwright -- schema > schema/agreement.schema.json`"
    );
}

#[test]
fn schema_describes_the_format() {
    let schema: serde_json::Value =
        serde_json::from_str(&pactwright::schema::agreement_schema()).unwrap();
    assert_eq!(
        schema["required"],
        serde_json::json!(["schema_version", "document"])
    );
    assert_eq!(schema["additionalProperties"], false);
    let duration = &schema["$defs"]["Duration"];
    assert_eq!(duration["type"], "string");
    // The kinds are listed, so an editor offers them.
    let kind = schema["$defs"]["Kind"].to_string();
    for k in ["sla", "ola", "uc", "offering"] {
        assert!(kind.contains(k), "{kind}");
    }
}

#[test]
fn there_are_samples_of_every_kind_and_they_pass_check() {
    use pactwright::model::Kind;
    let list = samples();
    assert!(
        list.len() >= 4,
        "expected at least four samples, found {}",
        list.len()
    );
    let mut kinds = Vec::new();
    for path in &list {
        let loaded = file::load(path).unwrap();
        let findings = pactwright::checks::check(&loaded.agreement);
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == pactwright::checks::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        kinds.push(loaded.agreement.document.kind);
    }
    for kind in [Kind::Sla, Kind::Ola, Kind::Uc] {
        assert!(kinds.contains(&kind), "no sample of kind {kind:?}");
    }
}

/// Writes killed with SIGKILL leave at most their own temporary file, and
/// the next write sweeps those of processes that are gone; the target is
/// always a whole file, the old one or the new one.
#[cfg(target_os = "linux")]
#[test]
fn killed_writes_leave_nothing_behind() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("desk.agreement.json");
    std::fs::copy(
        root().join("samples/it-service-desk.agreement.json"),
        &draft,
    )
    .unwrap();
    let pdf = dir.path().join("desk.pdf");
    let render = || {
        Command::new(env!("CARGO_BIN_EXE_pactwright"))
            .args(["render", "desk.agreement.json", "-o", "desk.pdf"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    assert!(render().wait().unwrap().success());
    let whole = std::fs::read(&pdf).unwrap();
    let temporaries = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with(".pactwright-"))
            .count()
    };
    // A temporary of a process that is gone, as a kill would leave it.
    let mut gone = Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    gone.wait().unwrap();
    std::fs::write(
        dir.path()
            .join(format!(".pactwright-{gone_pid}-abc123.tmp")),
        b"half",
    )
    .unwrap();
    // Kill renders at staggered moments, some inside the write.
    for i in 0..60u64 {
        let mut child = render();
        std::thread::sleep(std::time::Duration::from_micros(500 * (i % 40)));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&pdf).unwrap();
        assert_eq!(now, whole, "after kill {i} the PDF is not the whole file");
    }
    assert!(render().wait().unwrap().success());
    assert_eq!(temporaries(), 0, "temporary files were left behind");
    assert_eq!(std::fs::read(&pdf).unwrap(), whole);
}

//! The planted-inconsistency corpus (`tests/planted/corpus.json`): each
//! entry takes a clean sample, plants one inconsistency a service level
//! manager would flag, and names the code that should catch it. The
//! reviewer must catch at least 90% of them; every code in the table must
//! be caught by some entry; and no code fires on the clean samples.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pactwright::checks::{CODES, Finding, check};
use pactwright::file::read_lenient;
use serde_json::Value;

#[derive(serde::Deserialize)]
struct Entry {
    name: String,
    base: String,
    set: Vec<(String, Value)>,
    expect: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn base_path(base: &str) -> PathBuf {
    match base.strip_prefix("v1/") {
        Some(name) => root().join(format!("tests/fixtures/v1/{name}.agreement.json")),
        None => root().join(format!("samples/{base}.agreement.json")),
    }
}

/// Sets the field at a JSON pointer: `null` removes it, a last segment of
/// `-` appends to a list.
fn set(v: &mut Value, pointer: &str, new: Value) -> Result<(), String> {
    let (parent, key) = pointer.rsplit_once('/').ok_or("no parent")?;
    let target = v
        .pointer_mut(parent)
        .ok_or_else(|| format!("{parent} does not exist"))?;
    match target {
        Value::Object(map) => {
            if new.is_null() {
                map.shift_remove(key)
                    .ok_or_else(|| format!("{pointer} does not exist"))?;
            } else {
                map.insert(key.to_owned(), new);
            }
        }
        Value::Array(items) if key == "-" => items.push(new),
        Value::Array(items) => {
            let i: usize = key.parse().map_err(|_| format!("{pointer}: bad index"))?;
            if i >= items.len() {
                return Err(format!("{pointer} does not exist"));
            }
            if new.is_null() {
                items.remove(i);
            } else {
                items[i] = new;
            }
        }
        _ => return Err(format!("{parent} is not a container")),
    }
    Ok(())
}

/// Every finding on a draft: the checks' on the file as loaded, or, for a
/// draft with a value that cannot be read (which a file cannot be loaded
/// with), the unreadable values and the checks' on the rest, as the app
/// reads a draft being typed.
fn all_findings(value: &Value, name: &str) -> Vec<Finding> {
    let text = serde_json::to_string(value).unwrap();
    match pactwright::file::parse_str(Path::new(name), &text) {
        Ok(loaded) => check(&loaded.agreement),
        Err(e) => {
            let read = read_lenient(value);
            assert!(
                !read.unreadable.is_empty(),
                "{name}: the planted draft does not load: {e}"
            );
            let rest = read.agreement.as_ref().map(check).unwrap_or_default();
            read.unreadable.into_iter().chain(rest).collect()
        }
    }
}

/// The (code, pointer) pairs of a draft's findings.
fn findings(value: &Value, name: &str) -> BTreeSet<(String, String)> {
    all_findings(value, name)
        .into_iter()
        .map(|f| (f.code.to_owned(), f.pointer))
        .collect()
}

/// Every finding has the severity the code table gives it, unless the
/// table's line says when it differs ("a warning for ...", "an error over
/// ...").
fn severities(value: &Value, name: &str) {
    for f in all_findings(value, name) {
        let info = CODES.iter().find(|c| c.code == f.code).unwrap();
        let says = f.severity.to_string();
        assert!(
            info.severity == f.severity || info.summary.contains(says.as_str()),
            "{name}: {} is a {} in the table but was given as {}",
            f.code,
            info.severity,
            f.severity
        );
    }
}

fn corpus() -> Vec<Entry> {
    let text = std::fs::read_to_string(root().join("tests/planted/corpus.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_reviewer_catches_the_planted_inconsistencies() {
    let entries = corpus();
    assert!(
        entries.len() >= 40,
        "the corpus has {} entries",
        entries.len()
    );
    let mut caught = 0;
    let mut missed = Vec::new();
    let mut caught_codes = BTreeSet::new();
    for e in &entries {
        assert!(
            CODES.iter().any(|c| c.code == e.expect),
            "{}: {} is not a code",
            e.name,
            e.expect
        );
        let base: Value =
            serde_json::from_str(&std::fs::read_to_string(base_path(&e.base)).unwrap()).unwrap();
        let before = findings(&base, &e.base);
        let mut planted = base.clone();
        for (pointer, value) in &e.set {
            set(&mut planted, pointer, value.clone())
                .unwrap_or_else(|err| panic!("{}: {err}", e.name));
        }
        let after = findings(&planted, &e.name);
        let new: Vec<_> = after.difference(&before).collect();
        severities(&planted, &e.name);
        if new.iter().any(|(code, _)| *code == e.expect) {
            caught += 1;
            caught_codes.insert(e.expect.clone());
        } else {
            missed.push(format!("{} (expected {}, got {new:?})", e.name, e.expect));
        }
    }
    let share = caught * 100 / entries.len();
    assert!(
        share >= 90,
        "caught {caught} of {} ({share}%); missed:\n{}",
        entries.len(),
        missed.join("\n")
    );
    let uncaught: Vec<&str> = CODES
        .iter()
        .map(|c| c.code)
        .filter(|c| !caught_codes.contains(*c))
        .collect();
    assert!(
        uncaught.is_empty(),
        "codes no planted inconsistency fires: {uncaught:?}; missed:\n{}",
        missed.join("\n")
    );
    // All of them, in fact; a miss is a defect to fix, not a margin.
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn no_code_fires_on_the_clean_samples() {
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("samples")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        let found = findings(&value, &path.display().to_string());
        assert!(found.is_empty(), "{}: {found:?}", path.display());
        seen += 1;
    }
    assert!(seen >= 5);
}

/// The words of every planted finding, as a reviewer reads them.
#[test]
fn planted_findings_read_well() {
    let mut out = String::new();
    for e in corpus() {
        let base: Value =
            serde_json::from_str(&std::fs::read_to_string(base_path(&e.base)).unwrap()).unwrap();
        let text = serde_json::to_string(&base).unwrap();
        let before: BTreeSet<_> = check(
            &pactwright::file::parse_str(Path::new("b"), &text)
                .unwrap()
                .agreement,
        )
        .into_iter()
        .map(|f| (f.code, f.pointer))
        .collect();
        let mut planted = base;
        for (pointer, value) in &e.set {
            set(&mut planted, pointer, value.clone()).unwrap();
        }
        out.push_str(&format!("## {}\n", e.name));
        for f in all_findings(&planted, "p") {
            if f.code == e.expect && !before.contains(&(f.code, f.pointer.clone())) {
                out.push_str(&format!(
                    "{}[{}] at {}\n  {}\n  hint: {}\n",
                    f.severity, f.code, f.pointer, f.message, f.hint
                ));
            }
        }
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}

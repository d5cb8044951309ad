//! The reviewer's checks: everything domain.md section 4 says a careful
//! reviewer flags, plus structure (required content per kind, references
//! that point nowhere, duplicates).
//!
//! Checks never stop at the first problem: [`check`] returns every finding
//! at once, each with a severity, a stable code, a JSON pointer to the field,
//! a message and a hint, in document order.

pub mod codes;
mod naming;
mod review;
mod structure;

pub use codes::{CODES, Code, CodeInfo, Family};
pub use naming::field_name;

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::model::Agreement;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "ipc", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Must be fixed before the agreement is sent for signature.
    Error,
    /// A reviewer would ask about it.
    Warning,
    /// Worth knowing.
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// One thing a reviewer would flag. With the `ipc` feature (the desktop
/// app) it carries its TypeScript declaration and crosses IPC as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ipc", derive(ts_rs::TS))]
pub struct Finding {
    /// Error, warning or info.
    pub severity: Severity,
    /// A stable code, e.g. `resolution-before-response`.
    pub code: &'static str,
    /// JSON pointer to the field, e.g. `/support/priorities/0/resolution`.
    pub pointer: String,
    /// The field in words, as the app's steps show it, e.g. "Priority 1,
    /// resolution" ([`field_name`] of the pointer).
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Collects findings while the checks run.
#[derive(Default)]
pub(crate) struct Findings(Vec<Finding>);

impl Findings {
    fn push(
        &mut self,
        severity: Severity,
        code: Code,
        pointer: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let pointer = pointer.into();
        self.0.push(Finding {
            severity,
            code: code.as_str(),
            field: field_name(&pointer),
            pointer,
            message: message.into(),
            hint: hint.into(),
        });
    }

    pub(crate) fn error(
        &mut self,
        code: Code,
        pointer: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(Severity::Error, code, pointer, message, hint);
    }

    pub(crate) fn warning(
        &mut self,
        code: Code,
        pointer: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(Severity::Warning, code, pointer, message, hint);
    }

    pub(crate) fn info(
        &mut self,
        code: Code,
        pointer: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(Severity::Info, code, pointer, message, hint);
    }
}

/// Runs every check and returns the findings in document order (then by
/// severity and code), so the same draft always gives the same list.
pub fn check(agreement: &Agreement) -> Vec<Finding> {
    crate::failure::test_trigger("checks");
    let mut findings = Findings::default();
    structure::check(agreement, &mut findings);
    review::check(agreement, &mut findings);
    let order = document_order(agreement);
    let mut list = findings.0;
    list.sort_by_cached_key(|f| {
        (
            position(&order, &f.pointer),
            f.pointer.clone(),
            f.severity,
            f.code,
            f.message.clone(),
        )
    });
    list.dedup();
    list
}

/// True when any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Counts of findings by severity: (errors, warnings, infos).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}

/// The position of every field of the saved draft, in file order, plus the
/// place of every field the model knows even when it is empty (so a missing
/// field sorts where it would be written).
fn document_order(agreement: &Agreement) -> HashMap<String, usize> {
    let mut order = HashMap::new();
    let value = serde_json::to_value(agreement).unwrap_or(Value::Null);
    let mut next = 0usize;
    walk(&value, String::new(), &mut order, &mut next);
    order
}

fn walk(value: &Value, pointer: String, order: &mut HashMap<String, usize>, next: &mut usize) {
    order.insert(pointer.clone(), *next);
    *next += 1;
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                walk(v, format!("{pointer}/{}", escape_pointer(k)), order, next);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, format!("{pointer}/{i}"), order, next);
            }
        }
        _ => {}
    }
}

/// The order key of a pointer: its own position, or just after its deepest
/// ancestor that exists in the file.
fn position(order: &HashMap<String, usize>, pointer: &str) -> (usize, usize) {
    let mut p = pointer;
    let mut depth = 0;
    loop {
        if let Some(i) = order.get(p) {
            return (*i, depth);
        }
        match p.rfind('/') {
            Some(cut) => {
                p = &p[..cut];
                depth += 1;
            }
            None => return (usize::MAX, depth),
        }
    }
}

/// Escapes a key for a JSON pointer (RFC 6901).
pub fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

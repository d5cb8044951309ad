//! `pactwright check`: every finding, as text for people or JSON for tools.

use std::path::Path;

use pactwright::checks::{self, Finding};
use serde::Serialize;

use crate::Format;

#[derive(Serialize)]
struct Located<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Serialize)]
struct Report<'a> {
    file: String,
    errors: usize,
    warnings: usize,
    infos: usize,
    findings: Vec<Located<'a>>,
}

pub fn run(file: &Path, format: Format) -> u8 {
    let loaded = match pactwright::file::load(file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    // The file parsed, so it is readable UTF-8 text (a BOM is allowed).
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let findings = checks::check(&loaded.agreement);
    let (errors, warnings, infos) = checks::counts(&findings);
    let located: Vec<Located> = findings
        .iter()
        .map(|f| {
            let at = pactwright::locate::locate(&text, &f.pointer);
            Located {
                finding: f,
                line: at.map(|a| a.0),
                column: at.map(|a| a.1),
            }
        })
        .collect();
    match format {
        Format::Json => {
            let report = Report {
                file: file.display().to_string(),
                errors,
                warnings,
                infos,
                findings: located,
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
        }
        Format::Text => {
            for l in &located {
                let f = l.finding;
                let place = match (l.line, l.column) {
                    (Some(line), Some(col)) => format!("{}:{line}:{col}", file.display()),
                    _ => file.display().to_string(),
                };
                println!("{}[{}]: {}", f.severity, f.code, f.message);
                println!(
                    "  --> {place} at {} ({})",
                    f.field,
                    if f.pointer.is_empty() {
                        "/"
                    } else {
                        &f.pointer
                    }
                );
                println!("  hint: {}", f.hint);
                println!();
            }
            let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
            let verdict = if errors > 0 {
                "not ready to sign"
            } else if warnings > 0 {
                "no errors"
            } else {
                "no findings"
            };
            println!(
                "{}: {}, {}, {} ({verdict})",
                file.display(),
                plural(errors, "error"),
                plural(warnings, "warning"),
                plural(infos, "info"),
            );
        }
    }
    u8::from(errors > 0)
}

/// `pactwright check --list`: every code the reviewer can give.
pub fn list(format: Format) -> u8 {
    match format {
        Format::Text => print!("{}", pactwright::checks::codes::text()),
        Format::Json => match serde_json::to_string_pretty(pactwright::checks::CODES) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
    }
    0
}

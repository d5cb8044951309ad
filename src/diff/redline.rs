//! A comparison as the templates see it (`changes` in the view), for the
//! redline's "Changes since version X" section.
//!
//! Each change is a subject and `parts`: stretches of text each `kept`,
//! `added` or `removed`. The template prints every part's `text` through
//! the registry's escaping like any other value and wraps the added and
//! removed ones in the engine's change marks (`<ins>`, `<del>`) and in
//! words ("[added: ...]") that a black-and-white printout keeps; it never
//! inserts unescaped text.

use serde_json::{Value, json};

use super::{Change, Diff, Op, WordOp};

/// The `changes` of the view: `since` ("version 2.1"), `since_version`,
/// `version`, `count` (a phrase: "7 changes in 5 sections"), `sections`
/// (`name`, `changes`: `subject`, `added`, `removed`, `parts` (`text`,
/// `kept`, `added`, `removed`), `downtime` (a phrase or "")).
pub fn view(diff: &Diff) -> Value {
    let count = diff.changes().count();
    let sections: Vec<Value> = diff
        .sections
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "changes": s.changes.iter().map(change).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "since": diff.old.label(),
        "since_version": diff.old.version,
        "version": diff.new.version,
        "count": format!(
            "{count} {} in {} {}",
            if count == 1 { "change" } else { "changes" },
            diff.sections.len(),
            if diff.sections.len() == 1 { "section" } else { "sections" }
        ),
        "none": diff.is_empty(),
        "sections": sections,
    })
}

/// Puts a comparison into a view built by [`crate::render::view::view`]:
/// `changes` and `has.changes`, which the "Changes since" partial reads.
pub fn set(view: &mut Value, diff: &Diff) {
    view["changes"] = self::view(diff);
    view["has"]["changes"] = Value::Bool(true);
}

fn part(text: &str, op: WordOp) -> Value {
    json!({
        "text": text,
        "kept": op == WordOp::Kept,
        "added": op == WordOp::Inserted,
        "removed": op == WordOp::Deleted,
    })
}

fn change(c: &Change) -> Value {
    let mut parts = Vec::new();
    match c.op {
        Op::Changed if !c.words.is_empty() => {
            for (i, w) in c.words.iter().enumerate() {
                // "[removed: only,] [added: or chat,]": a space between a
                // deletion and the insertion that replaces it.
                if i > 0 && w.op == WordOp::Inserted && c.words[i - 1].op == WordOp::Deleted {
                    parts.push(part(" ", WordOp::Kept));
                }
                parts.push(part(&w.text, w.op));
            }
        }
        _ => {
            if let Some(old) = c.old.as_deref().filter(|s| !s.is_empty()) {
                parts.push(part(old, WordOp::Deleted));
            }
            if let Some(new) = c.new.as_deref().filter(|s| !s.is_empty()) {
                if !parts.is_empty() {
                    parts.push(part(" ", WordOp::Kept));
                }
                parts.push(part(new, WordOp::Inserted));
            }
        }
    }
    let downtime = c.downtime.as_ref().map_or(String::new(), |d| {
        let standalone = c.old.is_none() && c.new.is_none();
        let text = match (&d.old, &d.new) {
            (Some(old), Some(new)) => format!("was {old}, now {new}"),
            (None, Some(new)) => new.clone(),
            (Some(old), None) => format!("was {old}, now not computed yet"),
            (None, None) => String::new(),
        };
        if standalone {
            text
        } else {
            format!("allowed downtime {text}")
        }
    });
    json!({
        "subject": c.subject,
        "added": c.op == Op::Added,
        "removed": c.op == Op::Removed,
        "parts": parts,
        "downtime": downtime,
    })
}

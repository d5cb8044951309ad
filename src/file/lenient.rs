//! Lenient reading of a half-typed draft. The desktop app holds the draft
//! as JSON while the user types, and a value that cannot be read (a
//! number where text goes, a choice that is not on the list) must not hide
//! the rest: each such value becomes an `invalid-value` finding on its field
//! and is set aside (read as if it had not been given), and the rest of
//! the draft is read, checked and previewed as usual. Text a unit field
//! cannot read yet is no such value: it is kept as typed (`units::Typed`)
//! and the checks report it as `not-understood`.
//!
//! The draft is read as it is, borrowed; only when something cannot be
//! read is it copied, once, and values are set aside in that copy: an
//! object's field is removed, a list's item taken out. Pointers always
//! name the draft as given, also for the items after one taken out.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use serde_json::Value;
use serde_path_to_error::Segment;

use crate::checks::{Code, Finding, codes, escape_pointer};
use crate::model::Agreement;

/// How many values are set aside (each unreadable value, and any parent
/// it leaves without a field it must have) before the draft as a whole is
/// given up on.
const MAX_SET_ASIDE: usize = 40;

/// A string value longer than this is cut short in a message.
const MAX_SHOWN_CHARS: usize = 60;

/// A draft read leniently.
#[derive(Debug, Clone, PartialEq)]
pub struct Lenient {
    /// The agreement with every unreadable value set aside; `None` when
    /// the draft as a whole cannot be read.
    pub agreement: Option<Agreement>,
    /// One `invalid-value` finding per value that cannot be read, in the
    /// order the draft was read.
    pub unreadable: Vec<Finding>,
}

/// Reads a draft, setting aside every value that cannot be read; each of
/// those is an `invalid-value` finding on its field that names the field
/// and the value given, with a hint of what the field understands.
pub fn read_lenient(draft: &Value) -> Lenient {
    let reading = read(draft);
    Lenient {
        unreadable: reading
            .unreadable
            .iter()
            .map(|u| u.finding(draft))
            .collect(),
        agreement: reading.agreement,
    }
}

/// One step of a path into the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// An object's field.
    Field(String),
    /// A list's item.
    Item(usize),
}

/// A value that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unreadable {
    /// Where it is in the draft as given.
    pub(crate) path: Vec<Step>,
    /// Why it cannot be read.
    pub(crate) reason: String,
}

impl Unreadable {
    /// Its JSON pointer in the draft as given.
    pub(crate) fn pointer(&self) -> String {
        pointer_of(&self.path)
    }

    /// Its field below `part` (a pointer) as a dotted path, empty for
    /// `part` itself; `None` when it is not inside `part`.
    pub(crate) fn within(&self, part: &str) -> Option<String> {
        let pointer = self.pointer();
        let inside = pointer == part
            || pointer
                .strip_prefix(part)
                .is_some_and(|rest| rest.starts_with('/'));
        // A pointer's steps are the `/`s in it.
        let depth = part.matches('/').count();
        inside.then(|| dotted(self.path.get(depth..).unwrap_or_default()))
    }

    fn finding(&self, draft: &Value) -> Finding {
        let code = Code::UnreadableValue;
        let pointer = self.pointer();
        let field = crate::checks::field_name(&pointer);
        let message = if self.path.is_empty() {
            format!("the draft cannot be read: {}", self.reason)
        } else {
            match draft.pointer(&pointer).map(shown) {
                // The reason already quotes the text given ("invalid
                // percentage "99.9": ...").
                Some(given) if given.starts_with('"') && self.reason.contains(&given) => {
                    format!("{field} cannot be read: {}", self.reason)
                }
                Some(given) => format!("{field} is {given}, which cannot be read: {}", self.reason),
                None => format!("{field} cannot be read: {}", self.reason),
            }
        };
        Finding {
            severity: codes::info(code).severity,
            code: code.as_str(),
            pointer,
            field,
            message,
            hint: hint(&self.path),
        }
    }
}

/// The whole of a lenient reading.
#[derive(Debug)]
pub(crate) struct Reading {
    /// The agreement, if the draft as a whole could be read.
    pub(crate) agreement: Option<Agreement>,
    /// What could not be read.
    pub(crate) unreadable: Vec<Unreadable>,
    set_aside: SetAside,
}

impl Reading {
    /// Where an item of a list of the draft (`list` a pointer, `index` in
    /// the draft as given) is in the agreement: `None` when it was set
    /// aside.
    pub(crate) fn index_in_agreement(&self, list: &str, index: usize) -> Option<usize> {
        let gone = self.set_aside.items.get(list);
        if gone.is_some_and(|g| g.contains(&index)) {
            return None;
        }
        Some(index - gone.map_or(0, |g| g.range(..index).count()))
    }

    /// Where an item of a list of the agreement is in the draft as given.
    pub(crate) fn index_in_draft(&self, list: &str, index: usize) -> usize {
        self.set_aside.item_in_draft(list, index)
    }
}

/// Reads a draft, setting aside what cannot be read.
pub(crate) fn read(draft: &Value) -> Reading {
    if !draft.is_object() {
        // serde would read a list as a struct's fields in order.
        return Reading {
            agreement: None,
            unreadable: vec![Unreadable {
                path: Vec::new(),
                reason: format!("it is {}, not a JSON object", shown(draft)),
            }],
            set_aside: SetAside::default(),
        };
    }
    let mut error = match serde_path_to_error::deserialize::<_, Agreement>(draft) {
        Ok(agreement) => {
            return Reading {
                agreement: Some(agreement),
                unreadable: Vec::new(),
                set_aside: SetAside::default(),
            };
        }
        Err(e) => e,
    };
    let mut copy = draft.clone();
    let mut set_aside = SetAside::default();
    let mut unreadable: Vec<Unreadable> = Vec::new();
    let mut removed: Vec<Vec<Step>> = Vec::new();
    for _ in 0..MAX_SET_ASIDE {
        let here = steps(error.path());
        let path = set_aside.in_draft(&here);
        let reason = error.inner().to_string();
        // A value set aside can leave its parent without a field it must
        // have: the same problem, reported once, on the value.
        let consequence = reason
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'))
            .is_some_and(|(field, _)| {
                let mut child = path.clone();
                child.push(Step::Field(field.to_owned()));
                removed.contains(&child)
            });
        if !consequence {
            unreadable.push(Unreadable {
                path: path.clone(),
                reason: plain(&reason),
            });
        }
        if !set_aside.remove(&mut copy, &here, &path) {
            break;
        }
        removed.push(path);
        match serde_path_to_error::deserialize::<_, Agreement>(&copy) {
            Ok(agreement) => {
                return Reading {
                    agreement: Some(agreement),
                    unreadable,
                    set_aside,
                };
            }
            Err(e) => error = e,
        }
    }
    Reading {
        agreement: None,
        unreadable,
        set_aside,
    }
}

/// serde's reason in plain words, no parser text (the message shows the
/// value itself, the hint what the field takes): "invalid type: integer
/// `5`, expected a string" is "it should be text", "expected struct
/// Holiday" is "it should be a group of fields", "unknown variant `x`,
/// expected one of ..." is "it is not one of the values this field takes".
fn plain(reason: &str) -> String {
    if reason.starts_with("unknown variant ") {
        return "it is not one of the values this field takes".to_owned();
    }
    if let Some((field, _)) = reason
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
    {
        return format!("\"{field}\" is not a field Pactwright knows here");
    }
    if let Some((field, _)) = reason
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
    {
        return format!("it needs its {}", field.replace('_', " "));
    }
    let Some(expected) = reason
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.find(", expected ").map(|i| &rest[i + 2..]))
    else {
        return reason.replace('`', "\"");
    };
    let what = expected.strip_prefix("expected ").unwrap_or(expected);
    let plain = if what.starts_with("struct ") || what.starts_with("a map") {
        "a group of fields"
    } else if what == "a string" || what.starts_with("a string ") {
        "text"
    } else if what.starts_with("a sequence") {
        "a list"
    } else if what.contains("integer")
        || (what.len() > 1
            && (what.starts_with('u') || what.starts_with('i'))
            && what[1..].chars().all(|c| c.is_ascii_digit()))
    {
        "a whole number"
    } else if what == "a boolean" {
        "yes or no (true or false)"
    } else {
        return expected.replace('`', "\"");
    };
    format!("it should be {plain}")
}

/// A serde path as steps (enum variants carry no step of their own).
fn steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(Step::Item(*index)),
            Segment::Map { key } => Some(Step::Field(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

fn pointer_of(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Field(key) => out.push_str(&escape_pointer(key)),
            Step::Item(index) => out.push_str(&index.to_string()),
        }
    }
    out
}

fn dotted(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Field(key) if out.is_empty() => out.push_str(key),
            Step::Field(key) => {
                out.push('.');
                out.push_str(key);
            }
            Step::Item(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

/// A value as a message shows it: a string quoted (cut short when long),
/// a number or `true`/`false` as written, otherwise what it is.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) if s.chars().count() > MAX_SHOWN_CHARS => {
            let cut: String = s.chars().take(MAX_SHOWN_CHARS).collect();
            format!("\"{cut}...\"")
        }
        Value::String(s) => format!("\"{s}\""),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".to_owned(),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// The list items taken out of the copy, so that paths in the copy can be
/// told as paths in the draft as given.
#[derive(Debug, Default)]
struct SetAside {
    /// By the pointer of a list in the draft as given, the indexes (in the
    /// draft as given) of its items taken out.
    items: BTreeMap<String, BTreeSet<usize>>,
}

impl SetAside {
    /// A path in the copy as the same path in the draft as given.
    fn in_draft(&self, here: &[Step]) -> Vec<Step> {
        let mut out: Vec<Step> = Vec::with_capacity(here.len());
        for step in here {
            out.push(match step {
                Step::Item(index) => Step::Item(self.item_in_draft(&pointer_of(&out), *index)),
                field => field.clone(),
            });
        }
        out
    }

    /// The index in the draft as given of the item at `index` in the copy
    /// of the list at `list` (a pointer in the draft as given).
    fn item_in_draft(&self, list: &str, index: usize) -> usize {
        let mut i = index;
        for gone in self.items.get(list).into_iter().flatten() {
            if *gone <= i {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// Takes the value at `here` out of the copy (`path` is the same place
    /// in the draft as given). False when there is nothing to take out:
    /// the draft as a whole cannot be read.
    fn remove(&mut self, copy: &mut Value, here: &[Step], path: &[Step]) -> bool {
        let Some((last, parents)) = here.split_last() else {
            return false;
        };
        let mut node = copy;
        for step in parents {
            let next = match (step, node) {
                (Step::Field(key), Value::Object(map)) => map.get_mut(key),
                (Step::Item(index), Value::Array(items)) => items.get_mut(*index),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => return false,
            }
        }
        match (last, node) {
            (Step::Field(key), Value::Object(map)) => map.shift_remove(key).is_some(),
            (Step::Item(index), Value::Array(items)) if *index < items.len() => {
                items.remove(*index);
                if let Some((Step::Item(original), list)) = path.split_last() {
                    self.items
                        .entry(pointer_of(list))
                        .or_default()
                        .insert(*original);
                }
                true
            }
            _ => false,
        }
    }
}

/// How to write a value the field understands: the examples of its unit
/// (`"99.95%"`, `"Mon-Fri 08:00-18:00"`) or the values of its choice, from
/// the draft's JSON Schema.
fn hint(path: &[Step]) -> String {
    let root = schema();
    let (examples, choices) = schema_at(root, root, path, 0)
        .map(|node| understood(root, node, 0))
        .unwrap_or_default();
    let quoted =
        |list: &[String]| -> Vec<String> { list.iter().map(|v| format!("\"{v}\"")).collect() };
    if !examples.is_empty() {
        format!("Write it like {}.", or_list(&quoted(&examples)))
    } else if !choices.is_empty() {
        format!("Use one of {}.", or_list(&quoted(&choices)))
    } else if path.is_empty() {
        "A draft is a JSON object with \"schema_version\" and \"document\"; start from a new draft or a sample.".to_owned()
    } else {
        "Use the form shown in the field's example.".to_owned()
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The draft's JSON Schema, made once.
fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        serde_json::to_value(schemars::schema_for!(Agreement)).unwrap_or(Value::Null)
    })
}

/// Deeper than this, the schema is not followed (it has no cycles that
/// consume no step, but a bound costs nothing).
const MAX_SCHEMA_DEPTH: usize = 32;

/// The schema of the value at `path` below `node`, through `$ref`s and the
/// branches of `anyOf`, `oneOf` and `allOf`.
fn schema_at<'a>(
    root: &'a Value,
    node: &'a Value,
    path: &[Step],
    depth: usize,
) -> Option<&'a Value> {
    if depth > MAX_SCHEMA_DEPTH {
        return None;
    }
    let node = resolve(root, node);
    let Some((step, rest)) = path.split_first() else {
        return Some(node);
    };
    let next = match step {
        Step::Field(key) => node.get("properties").and_then(|p| p.get(key)),
        Step::Item(_) => node.get("items"),
    };
    next.and_then(|n| schema_at(root, n, rest, depth + 1))
        .or_else(|| branches(node).find_map(|b| schema_at(root, b, path, depth + 1)))
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    let mut node = node;
    for _ in 0..MAX_SCHEMA_DEPTH {
        let target = node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .and_then(|name| root.get("$defs")?.get(name));
        match target {
            Some(t) => node = t,
            None => break,
        }
    }
    node
}

fn branches(node: &Value) -> impl Iterator<Item = &Value> {
    ["anyOf", "oneOf", "allOf"]
        .into_iter()
        .filter_map(|k| node.get(k).and_then(Value::as_array))
        .flatten()
}

/// A schema's examples, and the values of a choice (`enum`, `const`).
fn understood(root: &Value, node: &Value, depth: usize) -> (Vec<String>, Vec<String>) {
    let (mut examples, mut choices) = (Vec::new(), Vec::new());
    if depth > MAX_SCHEMA_DEPTH {
        return (examples, choices);
    }
    let node = resolve(root, node);
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    examples.extend(strings(node.get("examples")));
    choices.extend(strings(node.get("enum")));
    choices.extend(node.get("const").and_then(Value::as_str).map(str::to_owned));
    for branch in branches(node) {
        let (e, c) = understood(root, branch, depth + 1);
        examples.extend(e);
        choices.extend(c);
    }
    (examples, choices)
}

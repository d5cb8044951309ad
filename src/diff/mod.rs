//! What changed between two versions of an agreement, in service terms.
//!
//! [`compare`] walks the two typed models (each loaded and migrated by
//! [`crate::file`], so a v1 file compares with a v2 one) as their
//! canonical JSON, field by field:
//!
//! - list items are matched by what names them (a target's or priority's
//!   id, an action's name, a holiday's date; see `vocabulary.rs`), never
//!   by position, so a reorder is not a change;
//! - lists of sentences (duties, exclusions, outcomes) are aligned as
//!   sequences, an edited sentence paired with the one it replaced;
//! - every change is named in the document's words: the section as the
//!   rendered agreement titles it, the item by its id and name, the field
//!   as a phrase, values in their printed forms ("99.9%", "4h");
//! - free text changes carry their word-level changes ([`Word`], by the
//!   `similar` crate);
//! - an availability target whose downtime budget moved (its target, its
//!   period, its hours) says so in the arithmetic the PDF prints
//!   ([`crate::downtime::target_budget`]).
//!
//! The files: this one (the walk), `vocabulary.rs` (section names, item
//! keys and nouns, field phrases), `format.rs` (text, Markdown) and
//! `redline.rs` (the comparison as the templates see it).

mod format;
pub mod redline;
mod vocabulary;

pub use format::{COLLAPSE_AFTER, entry_summary, heading, markdown, plain_line, text, totals};

use serde::Serialize;
use serde_json::{Map, Value};
use similar::{Algorithm, DiffOp, TextDiff, capture_diff_slices};

use crate::downtime::{TargetBudget, target_budget};
use crate::model::{Agreement, Kind, Metric};
use vocabulary::{ListKind, Vocabulary};

/// The differences between two versions of one agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The earlier version.
    pub old: Version,
    /// The later version.
    pub new: Version,
    /// The sections that changed, in document order; none when nothing did.
    pub sections: Vec<Section>,
}

impl Diff {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// Every change, section by section.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.sections.iter().flat_map(|s| &s.changes)
    }
}

/// Which version of the agreement one side is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The document version, e.g. "2.0" (empty when not stated).
    pub version: String,
    /// The title.
    pub title: String,
    /// `sla`, `ola`, `uc` or `offering`.
    pub kind: &'static str,
}

impl Version {
    fn of(a: &Agreement) -> Self {
        Version {
            version: a.document.version.clone(),
            title: a.document.title.clone(),
            kind: a.document.kind.code(),
        }
    }

    /// "version 2.0", or "the earlier version" when it has none.
    pub fn label(&self) -> String {
        if self.version.trim().is_empty() {
            "the earlier version".to_owned()
        } else {
            format!("version {}", self.version.trim())
        }
    }
}

/// The changes in one section of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The section's title as the rendered document has it, e.g. "Support".
    pub name: &'static str,
    /// Its changes, in document order.
    pub changes: Vec<Change>,
}

/// What happened to a value or an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// It is new.
    Added,
    /// It is gone.
    Removed,
    /// It has another value.
    Changed,
}

/// One change, in service terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Added, removed or changed.
    pub op: Op,
    /// What changed, in the document's words: "P1 resolution",
    /// "service action 'Laptop swap'", "consumer duty".
    pub subject: String,
    /// Where, as a JSON pointer into the later draft (into the earlier one
    /// for what was removed).
    pub pointer: String,
    /// The earlier value as printed (for an item: its fields in a line);
    /// absent for what was added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// The later value as printed; absent for what was removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// For free text: the words kept, inserted and deleted, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Word>,
    /// For an availability target: the allowed downtime before and after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub downtime: Option<DowntimeChange>,
}

/// One stretch of a free-text change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    /// Kept, inserted or deleted.
    pub op: WordOp,
    /// The text, spaces included.
    pub text: String,
}

/// What happened to a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WordOp {
    /// In both versions.
    Kept,
    /// Only in the later version.
    Inserted,
    /// Only in the earlier version.
    Deleted,
}

/// How an availability target's allowed downtime moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DowntimeChange {
    /// Before, as printed ("3h 39m 9s a 30.4375-day month"); absent when
    /// there was none (a new target, or a value not yet understood).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// After, as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

/// Why two drafts cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiffError {
    /// They are agreements of different kinds.
    #[error(
        "the drafts are of different kinds: the earlier one is {} ({}), the later one {} ({}); a comparison shows what changed between two versions of one agreement, so compare it with an earlier version of the same kind",
        article(.old.title()), .old.code(), article(.new.title()), .new.code()
    )]
    DifferentKinds {
        /// The earlier draft's kind.
        old: Kind,
        /// The later draft's kind.
        new: Kind,
    },
}

/// "a Service Level Agreement", "an Operational Level Agreement".
fn article(title: &str) -> String {
    let an = title.starts_with(['A', 'E', 'I', 'O', 'U']);
    format!("{} {title}", if an { "an" } else { "a" })
}

/// Compares two versions of one agreement.
pub fn compare(old: &Agreement, new: &Agreement) -> Result<Diff, DiffError> {
    if old.document.kind != new.document.kind {
        return Err(DiffError::DifferentKinds {
            old: old.document.kind,
            new: new.document.kind,
        });
    }
    let a = serde_json::to_value(old).unwrap_or(Value::Null);
    let b = serde_json::to_value(new).unwrap_or(Value::Null);
    let vocabulary = Vocabulary::new(old, new);
    let mut walk = Walk {
        voc: &vocabulary,
        out: Vec::new(),
    };
    walk.value(&mut Place::root(), Some(&a), Some(&b));
    let mut changes = walk.out;
    downtime(old, new, &mut changes);

    let mut sections: Vec<Section> = Vec::new();
    for (section, change) in changes {
        match sections.iter_mut().find(|s| s.name == section) {
            Some(s) => s.changes.push(change),
            None => sections.push(Section {
                name: section,
                changes: vec![change],
            }),
        }
    }
    sections.sort_by_key(|s| vocabulary::section_rank(s.name));
    Ok(Diff {
        old: Version::of(old),
        new: Version::of(new),
        sections,
    })
}

/// Where the walk is: the pointer, the section, the words naming it.
#[derive(Clone)]
struct Place {
    /// JSON pointer segments (the later draft's indices).
    pointer: Vec<String>,
    /// The schema path, list items as `*`: `support.priorities.*.response`.
    schema: Vec<String>,
    /// The section it belongs to (from the first segments).
    section: &'static str,
    /// The item being walked, named ("P1", "service action 'Laptop swap'"),
    /// and the field words below it.
    subject: Vec<String>,
}

impl Place {
    fn root() -> Self {
        Place {
            pointer: Vec::new(),
            schema: Vec::new(),
            section: "Document control",
            subject: Vec::new(),
        }
    }

    fn pointer(&self) -> String {
        let mut s = String::new();
        for p in &self.pointer {
            s.push('/');
            s.push_str(&p.replace('~', "~0").replace('/', "~1"));
        }
        s
    }

    fn schema(&self) -> String {
        self.schema.join(".")
    }

    fn subject(&self) -> String {
        self.subject
            .iter()
            .filter(|w| !w.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

struct Walk<'v> {
    voc: &'v Vocabulary,
    out: Vec<(&'static str, Change)>,
}

fn absent(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        Some(Value::Bool(b)) => !b,
        Some(Value::Number(_)) => false,
    }
}

impl Walk<'_> {
    fn push(&mut self, place: &Place, change: Change) {
        self.out.push((place.section, change));
    }

    fn value(&mut self, place: &mut Place, a: Option<&Value>, b: Option<&Value>) {
        if a == b || (absent(a) && absent(b)) {
            return;
        }
        let schema = place.schema();
        if self.voc.ignored(&schema) {
            return;
        }
        match (a, b) {
            (Some(Value::Object(x)), Some(Value::Object(y))) => self.object(place, x, y),
            (Some(Value::Array(x)), Some(Value::Array(y))) => self.array(place, x, y),
            (Some(Value::Array(x)), b) if absent(b) => self.array(place, x, &[]),
            (a, Some(Value::Array(y))) if absent(a) => self.array(place, &[], y),
            (Some(Value::Object(x)), b) if absent(b) => self.object(place, x, &Map::new()),
            (a, Some(Value::Object(y))) if absent(a) => self.object(place, &Map::new(), y),
            _ => self.scalar(place, a, b),
        }
    }

    fn object(&mut self, place: &mut Place, a: &Map<String, Value>, b: &Map<String, Value>) {
        // The later draft's field order (the model's), then fields only
        // the earlier one has.
        let keys = b
            .keys()
            .chain(a.keys().filter(|k| !b.contains_key(*k)))
            .cloned()
            .collect::<Vec<_>>();
        for key in keys {
            let mut inner = place.clone();
            inner.pointer.push(key.clone());
            inner.schema.push(key.clone());
            let schema = inner.schema();
            if place.schema.is_empty() {
                inner.section = vocabulary::section_of(&key);
            }
            if let Some(section) = self.voc.section_override(&schema) {
                inner.section = section;
            }
            inner.subject.push(self.voc.field_words(&schema, &key));
            self.value(&mut inner, a.get(&key), b.get(&key));
        }
    }

    fn array(&mut self, place: &mut Place, a: &[Value], b: &[Value]) {
        let schema = place.schema();
        match self.voc.list(&schema) {
            ListKind::Keyed { key, noun } => self.keyed(place, a, b, key, noun),
            ListKind::Sentences { noun } => self.sentences(place, a, b, noun),
        }
    }

    /// Items matched by their key: changes inside the ones in both, the
    /// others added or removed.
    fn keyed(&mut self, place: &Place, a: &[Value], b: &[Value], key: &str, noun: &str) {
        let key_of = |v: &Value| -> String {
            match v.get(key) {
                Some(Value::String(s)) if !key.is_empty() => s.clone(),
                Some(k) if !key.is_empty() && !k.is_null() => k.to_string(),
                _ => v.to_string(),
            }
        };
        let mut old_index: std::collections::HashMap<String, usize> =
            std::collections::HashMap::with_capacity(a.len());
        for (i, v) in a.iter().enumerate() {
            old_index.entry(key_of(v)).or_insert(i);
        }
        let mut matched = vec![false; a.len()];
        let item_place = |i: usize, v: &Value| {
            let mut p = place.clone();
            p.pointer.push(i.to_string());
            p.schema.push("*".to_owned());
            // The list's own words ("priorities") give way to the item's
            // name ("P1").
            p.subject.pop();
            p.subject
                .push(self.voc.item_name(&place.schema(), noun, key, v));
            p
        };
        for (j, item) in b.iter().enumerate() {
            match old_index.get(&key_of(item)) {
                Some(&i) if !matched[i] => {
                    matched[i] = true;
                    let mut p = item_place(j, item);
                    self.value(&mut p, Some(&a[i]), Some(item));
                }
                _ => {
                    let p = item_place(j, item);
                    self.push(
                        &p,
                        Change {
                            op: Op::Added,
                            subject: p.subject(),
                            pointer: p.pointer(),
                            old: None,
                            new: Some(summary(self.voc, item, key, &p.subject())),
                            words: Vec::new(),
                            downtime: None,
                        },
                    );
                }
            }
        }
        for (i, item) in a.iter().enumerate() {
            if !matched[i] {
                let p = item_place(i, item);
                self.push(
                    &p,
                    Change {
                        op: Op::Removed,
                        subject: p.subject(),
                        pointer: p.pointer(),
                        old: Some(summary(self.voc, item, key, &p.subject())),
                        new: None,
                        words: Vec::new(),
                        downtime: None,
                    },
                );
            }
        }
    }

    /// Lists of sentences aligned as sequences; a sentence edited in place
    /// is one change with its words, a sentence only moved is none.
    fn sentences(&mut self, place: &Place, a: &[Value], b: &[Value], noun: &str) {
        let text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let people = self.voc.holds_people(&place.schema());
        let shown = |s: &str| {
            if people {
                self.voc.person(s)
            } else {
                s.to_owned()
            }
        };
        let a: Vec<String> = a.iter().map(text).collect();
        let b: Vec<String> = b.iter().map(text).collect();
        let mut removed: Vec<usize> = Vec::new();
        let mut added: Vec<usize> = Vec::new();
        let mut edited: Vec<(usize, usize)> = Vec::new();
        for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
            match op {
                DiffOp::Equal { .. } => {}
                DiffOp::Delete {
                    old_index, old_len, ..
                } => removed.extend(old_index..old_index + old_len),
                DiffOp::Insert {
                    new_index, new_len, ..
                } => added.extend(new_index..new_index + new_len),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    let paired = old_len.min(new_len);
                    for k in 0..paired {
                        edited.push((old_index + k, new_index + k));
                    }
                    removed.extend(old_index + paired..old_index + old_len);
                    added.extend(new_index + paired..new_index + new_len);
                }
            }
        }
        // A sentence removed in one place and added in another was moved.
        let moved: std::collections::HashSet<&str> = removed
            .iter()
            .map(|&i| a[i].as_str())
            .filter(|s| added.iter().any(|&j| b[j] == *s))
            .collect();
        let item = |i: usize| {
            let mut p = place.clone();
            p.pointer.push(i.to_string());
            p.subject.pop();
            p.subject.push(noun.to_owned());
            p
        };
        let mut changes: Vec<(usize, Place, Change)> = Vec::new();
        for (i, j) in edited {
            let p = item(j);
            let words = if people {
                Vec::new()
            } else {
                words(&a[i], &b[j])
            };
            changes.push((
                j,
                p.clone(),
                Change {
                    op: Op::Changed,
                    subject: p.subject(),
                    pointer: p.pointer(),
                    old: Some(shown(&a[i])),
                    new: Some(shown(&b[j])),
                    words,
                    downtime: None,
                },
            ));
        }
        for j in added {
            if moved.contains(b[j].as_str()) {
                continue;
            }
            let p = item(j);
            changes.push((
                j,
                p.clone(),
                Change {
                    op: Op::Added,
                    subject: p.subject(),
                    pointer: p.pointer(),
                    old: None,
                    new: Some(shown(&b[j])),
                    words: Vec::new(),
                    downtime: None,
                },
            ));
        }
        for i in removed {
            if moved.contains(a[i].as_str()) {
                continue;
            }
            let p = item(i);
            changes.push((
                // Where it was, among the later draft's items.
                i,
                p.clone(),
                Change {
                    op: Op::Removed,
                    subject: p.subject(),
                    pointer: p.pointer(),
                    old: Some(shown(&a[i])),
                    new: None,
                    words: Vec::new(),
                    downtime: None,
                },
            ));
        }
        changes.sort_by_key(|(at, _, c)| (*at, c.op != Op::Removed));
        for (_, p, c) in changes {
            self.push(&p, c);
        }
    }

    fn scalar(&mut self, place: &Place, a: Option<&Value>, b: Option<&Value>) {
        let people = self.voc.holds_people(&place.schema());
        let voc = self.voc;
        let printed = |v: Option<&Value>| -> Option<String> {
            if absent(v) && !matches!(v, Some(Value::Bool(false))) {
                return None;
            }
            v.map(|v| match v {
                Value::String(id) if people => voc.person(id),
                v => printed(voc, v),
            })
        };
        let (old, new) = (printed(a), printed(b));
        let op = match (&old, &new) {
            (None, Some(_)) => Op::Added,
            (Some(_), None) => Op::Removed,
            _ => Op::Changed,
        };
        let words = match (a, b) {
            (Some(Value::String(x)), Some(Value::String(y))) if is_prose(x) || is_prose(y) => {
                words(x, y)
            }
            _ => Vec::new(),
        };
        self.push(
            place,
            Change {
                op,
                subject: place.subject(),
                pointer: place.pointer(),
                old,
                new,
                words,
                downtime: None,
            },
        );
    }
}

/// A value as printed: text as it is, an enum's snake-case code in words
/// ("calendar_month" as "calendar month"), yes/no for a flag.
fn printed(voc: &Vocabulary, v: &Value) -> String {
    match v {
        Value::String(s) => {
            let code = s.contains('_')
                && s.split('_')
                    .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()));
            if code { s.replace('_', " ") } else { s.clone() }
        }
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        Value::Null => String::new(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(|i| printed(voc, i))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(_) => summary(voc, v, "", ""),
    }
}

/// An item's fields in one line, its key and what its name already says
/// left out: "trigger: User request; target: 1bd".
fn summary(voc: &Vocabulary, item: &Value, key: &str, subject: &str) -> String {
    let named = |v: &Value| match v {
        Value::String(s) => {
            subject.contains(&format!("'{s}'"))
                || (!s.contains(' ') && subject.split([' ', ',']).any(|w| w == s))
        }
        _ => false,
    };
    match item {
        Value::Object(fields) => fields
            .iter()
            .filter(|(k, v)| k.as_str() != key && !absent(Some(v)) && !named(v))
            .map(|(k, v)| {
                let shown = match v {
                    Value::String(id) if vocabulary::PERSON_KEYS.contains(&k.as_str()) => {
                        voc.person(id)
                    }
                    Value::Array(ids) if vocabulary::PERSON_KEYS.contains(&k.as_str()) => ids
                        .iter()
                        .map(|i| {
                            i.as_str()
                                .map_or_else(|| printed(voc, i), |id| voc.person(id))
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => printed(voc, v),
                };
                format!("{}: {shown}", k.replace('_', " "))
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => printed(voc, other),
    }
}

/// Text a reader reads as prose (more than one word), whose changes are
/// shown word by word.
fn is_prose(s: &str) -> bool {
    s.split_whitespace().nth(1).is_some()
}

/// The word-level changes from `a` to `b`: kept, deleted and inserted
/// stretches. Changed words separated only by spaces are one replacement
/// ("[-four business-]{+two+}"), its deletion before its insertion.
pub fn words(a: &str, b: &str) -> Vec<Word> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(a, b);
    let tokens: Vec<(similar::ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let kept = |i: usize| tokens[i].0 == similar::ChangeTag::Equal;
    let mut out: Vec<Word> = Vec::new();
    let mut push = |op: WordOp, text: &str| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(Word {
                op,
                text: text.to_owned(),
            }),
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        if kept(i) {
            push(WordOp::Kept, tokens[i].1);
            i += 1;
            continue;
        }
        // A region of changes, spaces kept between them included.
        let mut end = i;
        while end < tokens.len()
            && (!kept(end)
                || (tokens[end].1.trim().is_empty() && end + 1 < tokens.len() && !kept(end + 1)))
        {
            end += 1;
        }
        // Each side: its own tokens and the spaces kept between them (not
        // the ones before its first or after its last token).
        let side = |own: similar::ChangeTag| {
            let region = &tokens[i..end];
            let first = region.iter().position(|(t, _)| *t == own);
            let last = region.iter().rposition(|(t, _)| *t == own);
            let (Some(first), Some(last)) = (first, last) else {
                return String::new();
            };
            region[first..=last]
                .iter()
                .filter(|(t, _)| *t == own || *t == similar::ChangeTag::Equal)
                .map(|(_, text)| *text)
                .collect::<String>()
        };
        push(WordOp::Deleted, &side(similar::ChangeTag::Delete));
        push(WordOp::Inserted, &side(similar::ChangeTag::Insert));
        i = end;
    }
    out
}

/// The allowed downtime of every availability target in both versions,
/// attached to the change of its target value or added as its own change.
fn downtime(old: &Agreement, new: &Agreement, changes: &mut Vec<(&'static str, Change)>) {
    for (j, target) in new.availability_targets() {
        let before = old
            .service_levels
            .iter()
            .position(|t| t.id == target.id && t.metric == Metric::Availability);
        let after = target_budget(new, j).ok();
        let earlier = before.and_then(|i| target_budget(old, i).ok());
        let change = DowntimeChange {
            old: earlier.as_ref().map(allowed),
            new: after.as_ref().map(allowed),
        };
        // What is printed did not move (a holiday in a month that does
        // not set the least or the most): not a change in terms.
        if before.is_some() && change.old == change.new {
            continue;
        }
        if change.old.is_none() && change.new.is_none() {
            continue;
        }
        let pointer = format!("/service_levels/{j}");
        let subject = vocabulary::target_name(target.id.as_str(), target.name.as_str());
        // On the change of the target value itself, or on the item added.
        let host = changes.iter_mut().find(|(_, c)| {
            c.pointer == format!("{pointer}/target") || (c.op == Op::Added && c.pointer == pointer)
        });
        match host {
            Some((_, c)) => c.downtime = Some(change),
            None => changes.push((
                "Service level targets",
                Change {
                    op: Op::Changed,
                    subject: format!("{subject} allowed downtime"),
                    pointer,
                    old: None,
                    new: None,
                    words: Vec::new(),
                    downtime: Some(change),
                },
            )),
        }
    }
}

/// "43m 50s a 30.4375-day month", "43m 12s to 44m 38s a calendar month".
fn allowed(budget: &TargetBudget) -> String {
    if budget.varies() {
        format!(
            "{} to {} a calendar month",
            budget.least.allowed, budget.most.allowed
        )
    } else {
        let period = &budget.least.period;
        let article = if period.starts_with(|c: char| "aeiou8".contains(c)) {
            "an"
        } else {
            "a"
        };
        format!("{} {article} {period}", budget.least.allowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(words: &[Word]) -> String {
        words
            .iter()
            .map(|w| match w.op {
                WordOp::Kept => w.text.clone(),
                WordOp::Inserted => format!("{{+{}+}}", w.text),
                WordOp::Deleted => format!("[-{}-]", w.text),
            })
            .collect()
    }

    #[test]
    fn word_changes_read_as_replacements() {
        assert_eq!(
            ops(&words(
                "Resolve within four business hours of the call.",
                "Resolve within two hours of the call."
            )),
            "Resolve within [-four business-]{+two+} hours of the call."
        );
        assert_eq!(ops(&words("a b c", "a b c d")), "a b c{+ d+}");
    }
}

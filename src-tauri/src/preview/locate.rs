//! Between the pages and the fields: where on the pages a field's text is
//! printed (the preview scrolls there while the field is edited or its
//! finding is clicked), and which field a clicked piece of text comes from
//! (clicking a page goes to that field).
//!
//! Why by text: the templates print the draft's own words, and a phrase a
//! user typed is what they recognise on the page. A value the templates
//! rewrite ("15 min" printed as "15 minutes") is found through the part it
//! belongs to (the target's name), so every field reaches at least its
//! section; text no field holds (the templates' own sentences) answers with
//! the heading above it.

use pactwright_typeset::Layout;
use pactwright_typeset::layout::{Item, OutlineEntry, Role, TextRun};
use serde_json::Value;

use crate::dto::{FieldAt, PreviewSpot};

/// Shortest overlap that counts as the same words (a shorter value must
/// match a phrase whole).
const MIN_OVERLAP: usize = 12;

/// Text for comparing: lower case, one space between words, typographic
/// quotes and dashes as typed, Markdown emphasis and code marks left out.
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{00a0}' | '\u{202f}' => ' ',
            '\u{00ad}' | '*' | '_' | '`' => continue,
            c => c,
        };
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.extend(c.to_lowercase());
            space = false;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// How much of `value` a printed `phrase` shows: all of it, the phrase
/// whole (a line of a wrapped value), or a run of words where the phrase
/// ends as the value begins or begins as it ends. 0 when none.
fn overlap(phrase: &str, value: &str) -> usize {
    if phrase.is_empty() || value.is_empty() {
        return 0;
    }
    if phrase.contains(value) {
        return value.len();
    }
    if phrase.len() >= MIN_OVERLAP && value.contains(phrase) {
        return phrase.len();
    }
    let most = phrase.len().min(value.len());
    for k in (MIN_OVERLAP..most).rev() {
        let (head, tail) = (&value.as_bytes()[..k], &value.as_bytes()[value.len() - k..]);
        if phrase.as_bytes().ends_with(head) || phrase.as_bytes().starts_with(tail) {
            return k;
        }
    }
    0
}

/// A phrase as printed: contiguous runs of one baseline (a line of a
/// paragraph, one table cell's line), with its box.
#[derive(Debug, Clone)]
struct Phrase {
    text: String,
    rect: [f32; 4],
}

/// The content phrases of page `index` (chrome and the watermark left out).
fn phrases(layout: &Layout, index: usize) -> Vec<Phrase> {
    let Some(page) = layout.pages.get(index) else {
        return Vec::new();
    };
    let mut runs: Vec<&TextRun> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if t.role == Role::Body && t.angle == 0.0 => Some(t),
            _ => None,
        })
        .collect();
    runs.sort_by(|a, b| {
        (a.y * 4.0)
            .round()
            .total_cmp(&(b.y * 4.0).round())
            .then(a.x.total_cmp(&b.x))
    });
    let mut out: Vec<Phrase> = Vec::new();
    let mut last: Option<(f32, f32, f32)> = None; // baseline, right edge, size
    for t in runs {
        let (x, w) = (t.x, t.width());
        let joins = last.is_some_and(|(y, right, size)| {
            (y - t.y).abs() < 0.5 && x - right < 0.8 * size.max(t.size)
        });
        match out.last_mut() {
            Some(p) if joins => {
                if !p.text.ends_with(' ') && !t.text.starts_with(' ') {
                    p.text.push(' ');
                }
                p.text.push_str(&t.text);
                let right = (x + w).max(p.rect[0] + p.rect[2]);
                p.rect[2] = right - p.rect[0];
            }
            _ => out.push(Phrase {
                text: t.text.clone(),
                rect: [x, t.y - t.size * 0.8, w, t.size * 1.1],
            }),
        }
        last = Some((t.y, x + w, t.size));
    }
    for p in &mut out {
        p.text = norm(&p.text);
        // A word broken at the line's end continues on the next line.
        while p.text.ends_with('-') {
            p.text.pop();
        }
    }
    out
}

/// The strings of `value` worth finding, in document order, names first.
fn strings_of(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings_of(v, out)),
        Value::Object(map) => {
            for key in ["name", "title", "action", "resource", "metric", "summary"] {
                if let Some(Value::String(s)) = map.get(key) {
                    out.push(s.clone());
                }
            }
            for (k, v) in map {
                if !(v.is_string()
                    && ["name", "title", "action", "resource", "metric", "summary"]
                        .contains(&k.as_str()))
                {
                    strings_of(v, out);
                }
            }
        }
        _ => {}
    }
}

/// The parent of a JSON pointer (`None` at the root).
fn parent(ptr: &str) -> Option<&str> {
    ptr.rfind('/')
        .map(|i| &ptr[..i])
        .filter(|_| !ptr.is_empty())
}

/// Where the text of the field at `ptr` is printed: on the pages
/// `prefer` (the section of the step being edited) when it is there, else
/// anywhere; through the part it belongs to when its own value is not
/// printed as typed. `None` when nothing of it is printed.
pub fn locate(
    layout: &Layout,
    draft: &Value,
    ptr: &str,
    prefer: Option<(usize, usize)>,
) -> Option<PreviewSpot> {
    let pages = layout.pages.len();
    let mut order: Vec<usize> = Vec::with_capacity(pages);
    if let Some((from, to)) = prefer {
        order.extend((from..=to).filter(|&i| i < pages));
    }
    let rest: Vec<usize> = (0..pages).filter(|i| !order.contains(i)).collect();
    order.extend(rest);
    let mut seen: Vec<Option<Vec<Phrase>>> = vec![None; pages];
    let mut at = Some(ptr);
    while let Some(p) = at {
        if p.is_empty() {
            return None;
        }
        if let Some(value) = draft.pointer(p) {
            let mut wanted = Vec::new();
            strings_of(value, &mut wanted);
            for w in wanted.iter().map(|w| norm(w)).filter(|w| w.len() >= 3) {
                for &index in &order {
                    let on_page = seen[index].get_or_insert_with(|| phrases(layout, index));
                    let found = on_page.iter().find(|ph| {
                        let k = overlap(&ph.text, &w);
                        k == w.len() || k >= MIN_OVERLAP
                    });
                    if let Some(ph) = found {
                        return Some(PreviewSpot {
                            page: index as u32,
                            rect: ph.rect,
                            pointer: p.to_owned(),
                        });
                    }
                }
            }
        }
        at = parent(p);
    }
    None
}

/// Every string of the draft with its pointer.
fn leaves(value: &Value, ptr: &mut String, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) => out.push((ptr.clone(), norm(s))),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = ptr.len();
                ptr.push_str(&format!("/{i}"));
                leaves(v, ptr, out);
                ptr.truncate(len);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let len = ptr.len();
                ptr.push('/');
                ptr.push_str(&k.replace('~', "~0").replace('/', "~1"));
                leaves(v, ptr, out);
                ptr.truncate(len);
            }
        }
        _ => {}
    }
}

/// The heading a point of a page is under (the last one above it).
fn heading_at(entries: &[OutlineEntry], page: usize, y: f32, best: &mut Option<String>) {
    for e in entries {
        if e.page < page || (e.page == page && e.y <= y) {
            *best = Some(e.title.clone());
        }
        heading_at(&e.children, page, y, best);
    }
}

/// The field whose text is printed at (`x`, `y`) of page `index`: the one
/// whose value shows the most of the clicked phrase; and the heading the
/// point is under, for text no field holds.
pub fn field_at(layout: &Layout, draft: &Value, index: usize, x: f32, y: f32) -> FieldAt {
    let mut heading = None;
    heading_at(&layout.outline, index, y, &mut heading);
    let hit = phrases(layout, index).into_iter().find(|p| {
        let [px, py, pw, ph] = p.rect;
        x >= px - 2.0 && x <= px + pw + 2.0 && y >= py - 1.0 && y <= py + ph + 1.0
    });
    let Some(hit) = hit else {
        return FieldAt {
            pointer: None,
            heading,
            text: None,
        };
    };
    let mut all = Vec::new();
    leaves(draft, &mut String::new(), &mut all);
    let best = all
        .iter()
        .filter(|(ptr, v)| v.len() >= 3 && !ptr.starts_with("/schema_version"))
        .map(|(ptr, v)| {
            let k = overlap(&hit.text, v);
            let whole = k == v.len();
            (ptr, k, whole, v.len())
        })
        .filter(|&(_, k, whole, _)| whole || k >= MIN_OVERLAP)
        // Most of the phrase explained; then the tightest fit.
        .max_by(|a, b| a.1.cmp(&b.1).then(b.3.cmp(&a.3)));
    FieldAt {
        pointer: best.map(|(p, ..)| p.clone()),
        heading,
        text: Some(hit.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_compare_as_typed_whatever_the_typography() {
        assert_eq!(
            norm("  The **provider**’s  desk – open\u{a0}24/7 "),
            "the provider's desk - open 24/7"
        );
    }

    #[test]
    fn a_wrapped_value_overlaps_each_of_its_lines() {
        let value = norm("Password resets are done within one working day of the request.");
        // Whole value inside a sentence.
        assert_eq!(
            overlap(
                &norm(
                    "We note: password resets are done within one working day of the request. Then"
                ),
                &value
            ),
            value.len()
        );
        // A line of it.
        assert_eq!(
            overlap("are done within one working", &value),
            "are done within one working".len()
        );
        // A sentence that ends as the value begins.
        assert!(
            overlap("the provider commits that password resets are done", &value) >= MIN_OVERLAP
        );
        // Too little in common.
        assert_eq!(overlap("password", &value), 0);
        assert_eq!(overlap("", &value), 0);
    }
}

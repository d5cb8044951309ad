//! A comparison printed for people: plain text (the terminal) and Markdown
//! (a change-history entry, an email). Both collapse a section of more than
//! [`COLLAPSE_AFTER`] changes to its first ones and a count, unless asked
//! for everything; the JSON form (the [`super::Diff`] itself) always holds
//! every change.

use super::{Change, Diff, Op, Word, WordOp};

/// A section with more changes than this is collapsed in the summaries.
pub const COLLAPSE_AFTER: usize = 25;

/// How many changes a collapsed section still shows.
const SHOWN_WHEN_COLLAPSED: usize = 10;

/// Kept text longer than this (characters) inside a free-text change is
/// shortened to its ends.
const CONTEXT: usize = 40;

/// The comparison as plain text: a heading line, then each section with
/// its changes indented; free-text changes in wdiff's notation
/// (`[-deleted-]{+inserted+}`).
pub fn text(diff: &Diff, full: bool) -> String {
    let mut out = format!("{}\n", heading(diff));
    if diff.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    for section in &diff.sections {
        out.push('\n');
        out.push_str(section.name);
        out.push('\n');
        let (shown, hidden) = visible(section.changes.len(), full);
        for change in &section.changes[..shown] {
            out.push_str("  ");
            out.push_str(&line(change, Style::Text));
            out.push('\n');
        }
        if hidden > 0 {
            out.push_str(&format!(
                "  ... and {} more changes in {} (all of them: --full, or --format json)\n",
                thousands(hidden),
                section.name
            ));
        }
    }
    out.push_str(&format!("\n{}\n", totals(diff)));
    out
}

/// The comparison as Markdown, for a change-history entry or an email:
/// a heading, a heading per section and a bullet per change; deleted words
/// struck through (`~~...~~`), inserted words in bold.
pub fn markdown(diff: &Diff, full: bool) -> String {
    let mut out = format!("## {}\n\n", md_escape(&heading(diff)));
    if diff.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    for section in &diff.sections {
        out.push_str(&format!("### {}\n\n", section.name));
        let (shown, hidden) = visible(section.changes.len(), full);
        for change in &section.changes[..shown] {
            out.push_str("- ");
            out.push_str(&line(change, Style::Markdown));
            out.push('\n');
        }
        if hidden > 0 {
            out.push_str(&format!(
                "- ... and {} more changes in {}\n",
                thousands(hidden),
                section.name
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("{}\n", totals(diff)));
    out
}

fn visible(count: usize, full: bool) -> (usize, usize) {
    if full || count <= COLLAPSE_AFTER {
        (count, 0)
    } else {
        (SHOWN_WHEN_COLLAPSED, count - SHOWN_WHEN_COLLAPSED)
    }
}

/// "Changes from version 2.0 to version 3.0 of IT Service Desk SLA".
pub fn heading(diff: &Diff) -> String {
    let title = diff.new.title.trim();
    let of = if title.is_empty() {
        String::new()
    } else {
        format!(" of {title}")
    };
    let (old, new) = (diff.old.label(), diff.new.label());
    if old == new {
        format!("Changes between two drafts of {}{of}", new)
    } else {
        format!("Changes from {old} to {new}{of}")
    }
}

/// "12 changes in 4 sections: 3 added, 2 removed, 7 changed."
pub fn totals(diff: &Diff) -> String {
    let count = |op: Op| diff.changes().filter(|c| c.op == op).count();
    let all = diff.changes().count();
    let sections = diff.sections.len();
    format!(
        "{} {} in {} {}: {} added, {} removed, {} changed.",
        thousands(all),
        if all == 1 { "change" } else { "changes" },
        sections,
        if sections == 1 { "section" } else { "sections" },
        thousands(count(Op::Added)),
        thousands(count(Op::Removed)),
        thousands(count(Op::Changed)),
    )
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Text,
    Markdown,
}

/// One change as a person reads it on screen: "P1 resolution 8h → 4h",
/// "service action 'Laptop swap' added: ..."; a free-text change is its
/// subject only ("description"), its words shown apart (see
/// [`Change::words`]).
pub fn plain_line(c: &Change) -> String {
    if c.op == Op::Changed && !c.words.is_empty() {
        return c.subject.clone();
    }
    line(c, Style::Text).replacen(" -> ", " → ", 2)
}

/// The comparison in one sentence for a change-history entry: the first
/// `most` changes, shortly ("Availability (SL1) 99.5% → 99.9%", "service
/// action 'Laptop swap' added", "consumer duty reworded"), then how many
/// more. Empty when nothing changed.
pub fn entry_summary(diff: &Diff, most: usize) -> String {
    const SHORT: usize = 32;
    let all: Vec<&Change> = diff.changes().collect();
    let mut parts: Vec<String> = all
        .iter()
        .take(most)
        .map(|c| match c.op {
            Op::Added => format!("{} added", c.subject),
            Op::Removed => format!("{} removed", c.subject),
            Op::Changed if !c.words.is_empty() => format!("{} reworded", c.subject),
            Op::Changed => match (c.old.as_deref(), c.new.as_deref()) {
                (Some(o), Some(n)) if o.chars().count() <= SHORT && n.chars().count() <= SHORT => {
                    format!("{} {o} → {n}", c.subject)
                }
                _ => format!("{} changed", c.subject),
            },
        })
        .collect();
    if all.len() > most {
        let rest = all.len() - most;
        parts.push(format!(
            "{} more {}",
            thousands(rest),
            if rest == 1 { "change" } else { "changes" }
        ));
    }
    let mut out = parts.join("; ");
    if let Some(first) = out.get(..1) {
        out = first.to_uppercase() + &out[1..];
    }
    if !out.is_empty() {
        out.push('.');
    }
    out
}

/// One change in a line: "P1 resolution 8h -> 4h", "service action
/// 'Laptop swap' added: trigger: User request", "consumer duty removed:
/// ...", "description: Resolve within [-four-]{+two+} hours".
fn line(c: &Change, style: Style) -> String {
    let esc = |s: &str| match style {
        Style::Text => s.to_owned(),
        Style::Markdown => md_escape(s),
    };
    let arrow = match style {
        Style::Text => "->",
        Style::Markdown => "→",
    };
    let subject = esc(&c.subject);
    let mut out = match c.op {
        Op::Added => match &c.new {
            Some(v) if !v.is_empty() => format!("{subject} added: {}", esc(v)),
            _ => format!("{subject} added"),
        },
        Op::Removed => match &c.old {
            Some(v) if !v.is_empty() => format!("{subject} removed: {}", esc(v)),
            _ => format!("{subject} removed"),
        },
        Op::Changed if !c.words.is_empty() => {
            format!("{subject}: {}", words(&c.words, style))
        }
        Op::Changed if c.old.is_none() && c.new.is_none() => subject.clone(),
        Op::Changed => format!(
            "{subject} {} {arrow} {}",
            esc(c.old.as_deref().unwrap_or("(none)")),
            esc(c.new.as_deref().unwrap_or("(none)"))
        ),
    };
    if let Some(d) = &c.downtime {
        let standalone = c.old.is_none() && c.new.is_none() && c.op == Op::Changed;
        let lead = if standalone {
            " "
        } else {
            ": allowed downtime "
        };
        out.push_str(lead);
        out.push_str(&esc(&downtime(d.old.as_deref(), d.new.as_deref(), arrow)));
    }
    out
}

/// "3h 39m 9s -> 43m 50s a 30.4375-day month" (the period said once when
/// both have it).
pub(crate) fn downtime(old: Option<&str>, new: Option<&str>, arrow: &str) -> String {
    match (old, new) {
        (Some(o), Some(n)) => {
            let period = |s: &str| s.find(" a").map(|i| s[i..].to_owned());
            match (period(o), period(n)) {
                (Some(po), Some(pn)) if po == pn => {
                    format!("{} {arrow} {n}", &o[..o.len() - po.len()])
                }
                _ => format!("{o} {arrow} {n}"),
            }
        }
        (None, Some(n)) => n.to_owned(),
        (Some(o), None) => {
            format!("{o} {arrow} none (the new version's budget cannot be computed yet)")
        }
        (None, None) => String::new(),
    }
}

/// Word changes with long kept stretches shortened to their ends.
fn words(words: &[Word], style: Style) -> String {
    let mut out = String::new();
    let last = words.len().saturating_sub(1);
    for (i, w) in words.iter().enumerate() {
        let text = match style {
            Style::Text => w.text.clone(),
            Style::Markdown => md_escape(&w.text),
        };
        match (w.op, style) {
            (WordOp::Kept, _) => out.push_str(&elide(&text, i > 0, i < last)),
            (WordOp::Inserted, Style::Text) => out.push_str(&format!("{{+{text}+}}")),
            (WordOp::Deleted, Style::Text) => out.push_str(&format!("[-{text}-]")),
            (WordOp::Inserted, Style::Markdown) => {
                if out.ends_with("~~") {
                    out.push(' ');
                }
                out.push_str(&format!("**{}**", text.trim()))
            }
            (WordOp::Deleted, Style::Markdown) => out.push_str(&format!("~~{}~~", text.trim())),
        }
    }
    out
}

/// Kept text shortened to [`CONTEXT`] characters on the sides that touch a
/// change, cut at a space, with "..." for what is left out.
pub(crate) fn elide(text: &str, after_change: bool, before_change: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let keep = CONTEXT;
    let head = if after_change { keep } else { 0 };
    let tail = if before_change { keep } else { 0 };
    if chars.len() <= head + tail + 5 {
        return text.to_owned();
    }
    let start: String = chars[..head].iter().collect();
    let end: String = chars[chars.len() - tail..].iter().collect();
    // Cut at word boundaries.
    let start = match start.rfind(' ') {
        Some(i) if head > 0 => &start[..=i],
        _ => start.as_str(),
    };
    let end = match end.find(' ') {
        Some(i) if tail > 0 => &end[i..],
        _ => end.as_str(),
    };
    format!("{start}...{end}")
}

/// Markdown escaping that keeps a pasted summary readable: only the
/// characters that would start emphasis, code, links, HTML or tables.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#'
        ) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
            continue;
        }
        out.push(c);
    }
    out
}

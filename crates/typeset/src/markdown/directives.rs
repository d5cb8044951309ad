//! Fenced divs (`::: name` lines at column 0, outside fenced code): the
//! source cut into Markdown runs and directive blocks, containers closed
//! by a bare `:::`, includes, signatory and cover lines split on unescaped
//! separators.

use super::events::block_text;
use super::{Notes, contained_noting, parse_markdown};
use crate::doc::{Block, Cover, Inline, Signatory};

/// Follows the code fences of a source line by line: true when `line`
/// opens, closes or is inside a fenced code block (where directive lines
/// are code, not directives).
pub(super) fn in_fenced_code(fence: &mut Option<(char, usize)>, line: &str) -> bool {
    match *fence {
        Some(f) => {
            if closes_fence(line, f) {
                *fence = None;
            }
            true
        }
        None => {
            *fence = opens_fence(line);
            fence.is_some()
        }
    }
}

/// The fragment an `::: include N` line names, if it names one.
pub(super) fn include_target<'f>(line: &str, fragments: &[&'f str]) -> Option<&'f str> {
    if directive_name(line).as_deref() != Some("include") {
        return None;
    }
    let mut words = line.trim_start_matches(':').split_whitespace().skip(1);
    let n: usize = words.next()?.parse().ok()?;
    if words.next().is_some() {
        return None;
    }
    fragments.get(n).copied()
}

/// Nesting limit for fenced divs; deeper `:::` lines are printed as text.
const MAX_DEPTH: usize = 32;

pub(super) fn parse_lines(
    lines: &[&str],
    fragments: &[&str],
    depth: usize,
    notes: &mut Notes,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut buf = String::new();
    let mut fence: Option<(char, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if in_fenced_code(&mut fence, line) {
        } else if let Some(fragment) = include_target(line, fragments) {
            flush(&mut buf, &mut blocks, notes);
            blocks.extend(contained_noting(fragment, notes));
            i += 1;
            continue;
        } else if let Some(name) = directive_name(line).filter(|_| depth < MAX_DEPTH) {
            let container = matches!(
                name.as_str(),
                "keep" | "note" | "signatures" | "cover" | "changed"
            );
            let single = matches!(name.as_str(), "pagebreak" | "toc");
            if container || single {
                flush(&mut buf, &mut blocks, notes);
                if single {
                    blocks.push(if name == "toc" {
                        Block::Toc
                    } else {
                        Block::PageBreak
                    });
                    i += 1;
                    continue;
                }
                let end = find_close(lines, i + 1);
                let inner = &lines[i + 1..end];
                blocks.push(match name.as_str() {
                    "keep" => Block::Keep(parse_lines(inner, fragments, depth + 1, notes)),
                    "note" => Block::Quote(parse_lines(inner, fragments, depth + 1, notes)),
                    "changed" => Block::Changed(parse_lines(inner, fragments, depth + 1, notes)),
                    "signatures" => Block::Signatures(parse_signatories(inner)),
                    _ => Block::Cover(parse_cover(inner)),
                });
                i = end + 1;
                continue;
            }
        }
        buf.push_str(line);
        buf.push('\n');
        i += 1;
    }
    flush(&mut buf, &mut blocks, notes);
    blocks
}

fn flush(buf: &mut String, blocks: &mut Vec<Block>, notes: &mut Notes) {
    if !buf.trim().is_empty() {
        blocks.extend(parse_markdown(buf, notes, true));
    }
    buf.clear();
}

/// `::: name` -> `Some("name")`; a bare `:::` closing line gives `None`.
fn directive_name(line: &str) -> Option<String> {
    let rest = line.strip_prefix(":::")?;
    let rest = rest.trim_start_matches(':').trim();
    let name = rest.split_whitespace().next()?;
    Some(name.to_ascii_lowercase())
}

fn is_close(line: &str) -> bool {
    line.starts_with(":::") && line.trim_end().chars().all(|c| c == ':')
}

/// Index of the `:::` line closing the container opened just before
/// `start` (or `lines.len()` when it is never closed).
fn find_close(lines: &[&str], start: usize) -> usize {
    let mut level = 0usize;
    let mut fence = None;
    for (j, line) in lines.iter().enumerate().skip(start) {
        if let Some(f) = fence {
            if closes_fence(line, f) {
                fence = None;
            }
        } else if let Some(f) = opens_fence(line) {
            fence = Some(f);
        } else if is_close(line) {
            if level == 0 {
                return j;
            }
            level -= 1;
        } else if let Some(name) = directive_name(line) {
            if matches!(
                name.as_str(),
                "keep" | "note" | "signatures" | "cover" | "changed"
            ) {
                level += 1;
            }
        }
    }
    lines.len()
}

fn opens_fence(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let t = &line[indent..];
    let c = t.chars().next()?;
    if c != '`' && c != '~' {
        return None;
    }
    let n = t.chars().take_while(|&x| x == c).count();
    if n < 3 || (c == '`' && t[n..].contains('`')) {
        return None;
    }
    Some((c, n))
}

fn closes_fence(line: &str, (c, n): (char, usize)) -> bool {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return false;
    }
    let run = t.chars().take_while(|&x| x == c).count();
    run >= n && t[run * c.len_utf8()..].trim().is_empty()
}

/// Splits at `sep` where it is not backslash-escaped.
fn split_unescaped(s: &str, sep: char, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep && parts.len() + 1 < max {
            parts.push(&s[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Plain text of a Markdown inline field (escapes resolved, HTML literal).
fn field_text(s: &str) -> String {
    let blocks = parse_markdown(s.trim(), &mut Notes::default(), false);
    let mut out = String::new();
    for b in &blocks {
        if let Block::Paragraph(inl) = b {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&Inline::plain_text(inl));
        } else if let Block::CodeBlock(t) = b {
            out.push_str(t.trim_end());
        } else {
            // Lists, headings etc. from unescaped field text: keep the words.
            let mut tmp = Vec::new();
            block_text(b, &mut tmp);
            out.push_str(&tmp.join(" "));
        }
    }
    out.replace('\n', " ")
}

fn parse_signatories(lines: &[&str]) -> Vec<Signatory> {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let parts = split_unescaped(l, '|', 4);
            let get = |i: usize| parts.get(i).map(|p| field_text(p)).unwrap_or_default();
            Signatory {
                role: get(0),
                name: get(1),
                organization: get(2),
                date: get(3),
            }
        })
        .collect()
}

fn parse_cover(lines: &[&str]) -> Cover {
    let mut cover = Cover::default();
    let mut loose = 0;
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        let parts = split_unescaped(line, ':', 2);
        if parts.len() == 2 {
            let key = field_text(parts[0]);
            let value = field_text(parts[1]);
            match key.to_ascii_lowercase().as_str() {
                "title" => cover.title = value,
                "subtitle" => cover.subtitle = value,
                _ => cover.facts.push((key, value)),
            }
        } else {
            let text = field_text(line);
            match loose {
                0 => cover.title = text,
                1 => cover.subtitle = text,
                _ => cover.facts.push((String::new(), text)),
            }
            loose += 1;
        }
    }
    cover
}

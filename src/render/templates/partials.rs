//! Partial references read statically, before anything renders: every
//! `{{> name}}`, `{{#> name}}` and `{{#*inline "name"}}` is found in the
//! text, computed names are refused, and a partial that includes itself,
//! directly or through others, is refused with the chain that loops.

use std::collections::{BTreeMap, BTreeSet};

use super::{Source, TemplateError};

/// A partial reference found in a template's text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reference {
    name: String,
    line: usize,
    /// The inline partial whose body holds the reference, if any.
    inside_inline: Option<String>,
}

/// Finds `{{> name}}`, `{{#> name}}` and `{{#*inline "name"}}` in a
/// template. Errors on computed partial names.
fn scan(text: &str, file: &str) -> Result<(Vec<Reference>, Vec<String>), TemplateError> {
    let mut refs = Vec::new();
    let mut inlines = Vec::new();
    let mut current_inline: Option<String> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    // Lines counted incrementally from the last `{{`, so the scan stays
    // linear in the template's length.
    let (mut line, mut counted) = (1, 0);
    while let Some(off) = text[i..].find("{{") {
        let start = i + off;
        line += text[counted..start].matches('\n').count();
        counted = start;
        let mut p = start + 2;
        // Raw blocks and comments hold no references.
        if text[p..].starts_with("!") {
            let end = if text[p..].starts_with("!--") {
                "--}}"
            } else {
                "}}"
            };
            i = text[p..]
                .find(end)
                .map_or(text.len(), |e| p + e + end.len());
            continue;
        }
        while p < bytes.len() && (bytes[p] == b'~' || bytes[p] == b'{') {
            p += 1;
        }
        let rest = &text[p..];
        let (is_partial, after) = if let Some(r) = rest.strip_prefix("#>") {
            (true, r)
        } else if let Some(r) = rest.strip_prefix('>') {
            (true, r)
        } else if let Some(r) = rest.strip_prefix("#*inline") {
            let name = quoted_or_token(r.trim_start());
            if let Some(n) = &name {
                inlines.push(n.clone());
            }
            current_inline = name;
            i = p;
            continue;
        } else if rest.starts_with("/inline") {
            current_inline = None;
            i = p;
            continue;
        } else {
            (false, rest)
        };
        if is_partial {
            let after = after.trim_start();
            if after.starts_with('(') {
                return Err(TemplateError::DynamicPartial {
                    file: file.to_owned(),
                    line,
                });
            }
            if let Some(name) = quoted_or_token(after) {
                if name != "@partial-block" {
                    refs.push(Reference {
                        name,
                        line,
                        inside_inline: current_inline.clone(),
                    });
                }
            }
        }
        i = p;
    }
    Ok((refs, inlines))
}

fn quoted_or_token(s: &str) -> Option<String> {
    if let Some(rest) = s.strip_prefix('"').or_else(|| s.strip_prefix('\'')) {
        let quote = s.as_bytes()[0] as char;
        return rest.find(quote).map(|e| rest[..e].to_owned());
    }
    let end = s
        .find(|c: char| c.is_whitespace() || c == '}' || c == '~')
        .unwrap_or(s.len());
    (end > 0).then(|| s[..end].to_owned())
}

/// Resolves every partial reference and refuses loops and unknown names.
pub(super) fn check_partials(sources: &BTreeMap<String, Source>) -> Result<(), TemplateError> {
    // Graph nodes are template names and inline partial names; an edge
    // from a node to each partial it includes, with where it is written.
    let mut edges: BTreeMap<String, Vec<(String, String, usize)>> = BTreeMap::new();
    let mut known: BTreeSet<String> = sources.keys().cloned().collect();
    for (name, source) in sources {
        let (refs, inlines) = scan(&source.text, &source.file)?;
        known.extend(inlines);
        for r in refs {
            let from = r.inside_inline.clone().unwrap_or_else(|| name.clone());
            edges
                .entry(from)
                .or_default()
                .push((r.name, source.file.clone(), r.line));
        }
    }
    for list in edges.values() {
        for (target, file, line) in list {
            if !known.contains(target) {
                return Err(TemplateError::MissingPartial {
                    file: file.clone(),
                    line: *line,
                    name: target.clone(),
                    available: known
                        .iter()
                        .filter(|n| n.starts_with("partials/"))
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
    }
    // Depth-first search for a cycle, in name order for stable messages.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new(); // 1 visiting, 2 done
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<String, Vec<(String, String, usize)>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<TemplateError> {
        state.insert(node, 1);
        path.push(node);
        for (target, file, line) in edges.get(node).map(Vec::as_slice).unwrap_or(&[]) {
            match state.get(target.as_str()) {
                Some(1) => {
                    let start = path.iter().position(|n| *n == target).unwrap_or(0);
                    let mut chain: Vec<&str> = path[start..].to_vec();
                    chain.push(target);
                    return Some(TemplateError::Cycle {
                        file: file.clone(),
                        line: *line,
                        name: target.clone(),
                        chain: chain.join(" -> "),
                    });
                }
                Some(_) => {}
                None => {
                    if let Some(e) = visit(target, edges, state, path) {
                        return Some(e);
                    }
                }
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    for node in edges.keys() {
        if !state.contains_key(node.as_str()) {
            if let Some(e) = visit(node, &edges, &mut state, &mut Vec::new()) {
                return Err(e);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::set;
    use super::*;

    #[test]
    fn finds_references() {
        let (refs, inlines) = scan(
            "a {{> partials/x}}\n{{#> y }}b{{/y}} {{~> \"z\" ~}}{{!-- {{> no}} --}}",
            "t",
        )
        .unwrap();
        let names: Vec<_> = refs.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["partials/x", "y", "z"]);
        assert_eq!(refs[1].line, 2);
        assert!(inlines.is_empty());
        assert!(matches!(
            scan("{{> (lookup . \"x\")}}", "t"),
            Err(TemplateError::DynamicPartial { .. })
        ));
    }

    #[test]
    fn scanning_a_large_template_counts_lines_right() {
        // 1 MB of `{{value}}` lines, then a computed partial name: the line
        // is right, and the scan counts each line once (linear).
        let mut text = "{{x}} {{y}} text\n".repeat(60_000);
        text.push_str(
            "{{!-- a comment\nover two lines --}}\n{{> partials/last}}\n{{> (lookup . \"x\")}}\n",
        );
        match scan(&text, "big.md.hbs") {
            Err(TemplateError::DynamicPartial { line, .. }) => assert_eq!(line, 60_004),
            other => panic!("{other:?}"),
        }
        let (refs, _) = scan(&text[..text.rfind("{{> (").unwrap()], "big.md.hbs").unwrap();
        assert_eq!(refs.last().map(|r| r.line), Some(60_003));
    }

    #[test]
    fn refuses_loops_and_missing_partials() {
        let self_loop = set(&[("a", "{{> a}}")]);
        assert!(matches!(
            check_partials(&self_loop),
            Err(TemplateError::Cycle { .. })
        ));
        let indirect = set(&[("a", "{{> b}}"), ("b", "x\n{{> c}}"), ("c", "{{> a}}")]);
        let err = check_partials(&indirect).unwrap_err().to_string();
        assert!(err.contains("a -> b -> c -> a"), "{err}");
        let inline = set(&[("a", "{{#*inline \"i\"}}{{> i}}{{/inline}}{{> i}}")]);
        assert!(matches!(
            check_partials(&inline),
            Err(TemplateError::Cycle { .. })
        ));
        let missing = set(&[("a", "{{> nope}}")]);
        assert!(matches!(
            check_partials(&missing),
            Err(TemplateError::MissingPartial { .. })
        ));
        let fine = set(&[("a", "{{> b}}{{> b}}"), ("b", "x")]);
        assert!(check_partials(&fine).is_ok());
    }
}

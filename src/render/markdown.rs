//! Markdown that comes from the user, made safe to place inside a
//! template's output. Inserted single values are escaped (see
//! `pactwright_typeset::markdown::escape`); clause bodies are Markdown by
//! design, so they keep their paragraphs, lists, emphasis and tables, but
//! cannot break the document's structure: headings become bold paragraphs
//! (the clause title is the heading) and container fences (`:::`) are
//! printed as text.

/// Contains a user's Markdown body so it renders inside one clause.
pub fn contain(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 16);
    let mut in_code = false;
    for line in body.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if indent < 4 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            in_code = !in_code;
            out.push_str(line);
        } else if in_code || indent >= 4 {
            out.push_str(line);
        } else if trimmed.starts_with(":::") {
            out.push('\\');
            out.push_str(trimmed);
        } else if let Some(text) = heading_text(trimmed) {
            out.push_str("**");
            out.push_str(text);
            out.push_str("**");
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    if in_code {
        // Close a fence the user left open so it cannot swallow the rest
        // of the document.
        out.push_str("```\n");
    }
    out
}

/// The text of an ATX heading line (`## Title`), if it is one.
fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim_end()).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_fences_are_contained() {
        assert_eq!(contain("# Big\ntext"), "**Big**\ntext\n");
        assert_eq!(contain("::: pagebreak"), "\\::: pagebreak\n");
        assert_eq!(contain("#hashtag"), "#hashtag\n");
        assert_eq!(contain("```\n# code"), "```\n# code\n```\n");
        assert_eq!(contain("- a\n- b"), "- a\n- b\n");
    }
}

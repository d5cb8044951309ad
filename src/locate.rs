//! Finds where a JSON pointer lands in the text of a draft, so findings can
//! say `file:line:column` as well as the field. A small scanner over text
//! that has already parsed as JSON; it never fails, it only finds less.

/// The 1-based line and column of the value at `pointer` (or of its nearest
/// ancestor that exists in the text).
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    if bytes.get(pos) == Some(&0xEF) {
        pos = skip_ws(bytes, pos + 3);
    }
    let mut found = pos;
    for segment in &segments {
        match bytes.get(pos) {
            Some(b'{') => {
                let Some(p) = find_key(bytes, pos, segment) else {
                    break;
                };
                pos = p;
            }
            Some(b'[') => {
                let Some(index) = segment.parse::<usize>().ok() else {
                    break;
                };
                let Some(p) = find_index(bytes, pos, index) else {
                    break;
                };
                pos = p;
            }
            _ => break,
        }
        found = pos;
    }
    Some(line_column(text, found))
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\n' | b'\r') {
        pos += 1;
    }
    pos
}

/// Position just after a JSON string starting at `pos` (on the quote).
fn skip_string(bytes: &[u8], mut pos: usize) -> usize {
    pos += 1;
    while pos < bytes.len() {
        match bytes[pos] {
            b'\\' => pos += 2,
            b'"' => return pos + 1,
            _ => pos += 1,
        }
    }
    pos
}

/// Position just after the JSON value starting at `pos`.
fn skip_value(bytes: &[u8], pos: usize) -> usize {
    match bytes.get(pos) {
        Some(b'"') => skip_string(bytes, pos),
        Some(b'{') | Some(b'[') => {
            let mut depth = 0usize;
            let mut p = pos;
            while p < bytes.len() {
                match bytes[p] {
                    b'"' => {
                        p = skip_string(bytes, p);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return p + 1;
                        }
                    }
                    _ => {}
                }
                p += 1;
            }
            p
        }
        _ => {
            let mut p = pos;
            while p < bytes.len()
                && !matches!(bytes[p], b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
            {
                p += 1;
            }
            p
        }
    }
}

fn find_key(bytes: &[u8], open: usize, key: &str) -> Option<usize> {
    let mut pos = skip_ws(bytes, open + 1);
    while pos < bytes.len() && bytes[pos] == b'"' {
        let end = skip_string(bytes, pos);
        let raw = std::str::from_utf8(&bytes[pos..end]).ok()?;
        let name: String = serde_json::from_str(raw).ok()?;
        pos = skip_ws(bytes, end);
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        pos = skip_ws(bytes, pos + 1);
        if name == key {
            return Some(pos);
        }
        pos = skip_ws(bytes, skip_value(bytes, pos));
        if bytes.get(pos) == Some(&b',') {
            pos = skip_ws(bytes, pos + 1);
        }
    }
    None
}

fn find_index(bytes: &[u8], open: usize, index: usize) -> Option<usize> {
    let mut pos = skip_ws(bytes, open + 1);
    for _ in 0..index {
        if matches!(bytes.get(pos), None | Some(b']')) {
            return None;
        }
        pos = skip_ws(bytes, skip_value(bytes, pos));
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(bytes, pos + 1);
    }
    if matches!(bytes.get(pos), None | Some(b']')) {
        None
    } else {
        Some(pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text = "{\n  \"a\": {\"b\": [1, {\"c\": \"x,}\"}]},\n  \"d\": 2\n}";
        assert_eq!(locate(text, "/d"), Some((3, 8)));
        assert_eq!(locate(text, "/a/b/1/c"), Some((2, 24)));
        // A missing field lands on its nearest ancestor.
        assert_eq!(locate(text, "/a/zzz"), Some((2, 8)));
        assert_eq!(locate(text, ""), Some((1, 1)));
    }
}

//! Escaping user values so that they render exactly as typed, and the
//! text such an escaped value renders as.

/// Escapes an arbitrary user value for insertion into paragraph text or a
/// table cell of the document source, so that it renders exactly as typed.
///
/// - Every ASCII punctuation character is backslash-escaped (CommonMark
///   allows this for all of them), which neutralizes emphasis, headings,
///   lists, links, code spans, HTML, table pipes, `{{…}}`, `:::` and entities.
/// - A newline (`\n`, `\r\n` or `\r`) becomes U+2028, which the parser turns
///   into a hard line break — in table cells too, where a raw newline would
///   end the row.
/// - Spaces and tabs are written as character references (`&#32;`, `&#9;`)
///   so leading/trailing whitespace is neither trimmed nor read as
///   indentation or a hard break; inner single spaces stay as they are.
/// - Other control characters (C0, DEL, C1) are **replaced by U+FFFD** (�),
///   so that something invisible in the form is visible in the contract.
/// - U+2028 typed by the user is a line break, like a newline.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 4);
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\r' => {
                out.push('\u{2028}');
                if chars.get(i + 1) == Some(&'\n') {
                    i += 1;
                }
            }
            '\n' => out.push('\u{2028}'),
            '\t' => out.push_str("&#9;"),
            ' ' => {
                let prev_space = i == 0 || matches!(chars[i - 1], ' ' | '\t' | '\n' | '\r');
                let next_space =
                    i + 1 >= chars.len() || matches!(chars[i + 1], ' ' | '\t' | '\n' | '\r');
                if prev_space || next_space {
                    out.push_str("&#32;");
                } else {
                    out.push(' ');
                }
            }
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// What [`escape`]d text renders as: the value with newlines (and U+2028)
/// normalized to `\n` and control characters replaced by U+FFFD. Useful
/// for tests.
pub fn escaped_rendering(value: &str) -> String {
    let v = value
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}'], "\n");
    v.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

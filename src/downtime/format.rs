//! Downtime as printed: `"43m 49.8s"` in a table, `"43 minutes 50
//! seconds"` in words.

use crate::units::Duration;

/// A length of time for a downtime table: `"3d 15h 36m"`, `"43m 49.8s"`,
/// `"25.9s"`; seconds show one decimal unless they are whole.
pub fn format_ms(ms: u64) -> String {
    let tenths = (ms + 50) / 100;
    let whole_seconds = ms % 1000 == 0;
    let total_secs = tenths / 10;
    let days = total_secs / 86_400;
    let hours = total_secs % 86_400 / 3600;
    let minutes = total_secs % 3600 / 60;
    let secs = total_secs % 60;
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days}d"));
    }
    if hours > 0 {
        parts.push(format!("{hours}h"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes}m"));
    }
    if whole_seconds {
        if secs > 0 || parts.is_empty() {
            parts.push(format!("{secs}s"));
        }
    } else {
        parts.push(format!("{secs}.{}s", tenths % 10));
    }
    parts.join(" ")
}

/// A length of time in words, to the second: `"43 minutes 50 seconds"`.
pub fn ms_in_words(ms: u64) -> String {
    let secs = (ms + 500) / 1000;
    if secs == 0 {
        return "less than a second".to_owned();
    }
    Duration::from_secs(secs).to_words()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_ms(0), "0s");
        assert_eq!(format_ms(1_000), "1s");
        assert_eq!(format_ms(3_600_000), "1h");
        assert_eq!(ms_in_words(2_629_800), "43 minutes 50 seconds");
    }
}

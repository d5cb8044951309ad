//! Vague words: duties, commitments, exclusions, termination and priority
//! definitions that promise nothing measurable.

use super::{Ctx, shorten};
use crate::checks::{Code, Findings};

/// Words that promise nothing measurable on their own.
const VAGUE: &[&str] = &[
    "promptly",
    "reasonable",
    "reasonably",
    "best effort",
    "best efforts",
    "as soon as possible",
    "asap",
    "timely",
    "in a timely manner",
    "where possible",
    "adequate",
    "appropriate",
    "quickly",
    "regularly",
    "high availability",
];

/// Words that let one side decide alone what an exclusion or a right to
/// terminate covers.
const OPEN_ENDED: &[&str] = &[
    "sole discretion",
    "at its discretion",
    "at our discretion",
    "any other cause",
    "any other reason",
    "for any reason",
    "from time to time",
    "etc",
    "and so on",
    "circumstances beyond",
];

/// Words that do not decide between priorities without a number.
const UNSIZED: &[&str] = &[
    "significant",
    "significantly",
    "major",
    "minor",
    "serious",
    "severe",
    "important",
    "many users",
    "some users",
    "several users",
    "large number",
];

fn find(text: &str, words: &[&'static str], unless_number: bool) -> Option<&'static str> {
    let lower = text.to_lowercase();
    if unless_number && lower.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    words.iter().copied().find(|w| {
        lower
            .match_indices(w)
            .any(|(i, _)| is_word_boundary(&lower, i, i + w.len()))
    })
}

pub(crate) fn vague_word(text: &str) -> Option<&'static str> {
    find(text, VAGUE, true)
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

pub(super) fn check(ctx: &Ctx, f: &mut Findings) {
    let a = ctx.a;
    let mut flag = |pointer: String, text: &str| {
        if let Some(word) = vague_word(text) {
            f.warning(
                Code::VagueCommitment,
                pointer,
                format!(
                    "\"{word}\" promises nothing measurable: \"{}\"",
                    shorten(text)
                ),
                "add a number or a definition, e.g. \"within 2 business days\"",
            );
        }
    };
    for (i, t) in a.responsibilities.provider.iter().enumerate() {
        flag(format!("/responsibilities/provider/{i}"), t);
    }
    for (i, t) in a.responsibilities.consumer.iter().enumerate() {
        flag(format!("/responsibilities/consumer/{i}"), t);
    }
    for (i, c) in a.warranty.capacity.iter().enumerate() {
        flag(format!("/warranty/capacity/{i}/commitment"), &c.commitment);
    }
    if let Some(s) = &a.warranty.security {
        for (i, t) in s.commitments.iter().enumerate() {
            flag(format!("/warranty/security/commitments/{i}"), t);
        }
    }
    for (i, t) in a.relationship.improvement.iter().enumerate() {
        flag(format!("/relationship/improvement/{i}"), t);
    }
    let mut open = |pointer: String, what: &str, text: &str| {
        if let Some(word) = find(text, OPEN_ENDED, false).or_else(|| find(text, VAGUE, true)) {
            f.warning(
                Code::VagueCommitment,
                pointer,
                format!(
                    "\"{word}\" leaves {what} open to argument: \"{}\"",
                    shorten(text)
                ),
                "name what is covered, or give a number, so both sides read it the same way",
            );
        }
    };
    for (i, e) in a.exclusions.iter().enumerate() {
        open(format!("/exclusions/{i}"), "the exclusion", e);
    }
    if !a.terms.termination.trim().is_empty() {
        open(
            "/terms/termination".to_owned(),
            "the right to terminate",
            &a.terms.termination,
        );
    }
    for (i, p) in a.support.priorities.iter().enumerate() {
        if let Some(word) = find(&p.definition, UNSIZED, true) {
            f.warning(
                Code::VagueCommitment,
                format!("/support/priorities/{i}/definition"),
                format!(
                    "\"{word}\" in the definition of {} does not decide between priorities: \"{}\"",
                    p.id,
                    shorten(&p.definition)
                ),
                "size it: how many users, which business function, what stops working",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_words_need_word_boundaries_and_no_number() {
        assert_eq!(vague_word("Respond promptly"), Some("promptly"));
        assert_eq!(vague_word("Best effort support"), Some("best effort"));
        assert_eq!(vague_word("Respond promptly, within 4 hours"), None);
        assert_eq!(vague_word("Keep inappropriately named things"), None);
    }
}

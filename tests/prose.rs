//! Prose a sponsor reads without stumbling: every sample is rendered and
//! its text read for the slips that free text inserted mid-sentence makes:
//! a capital after "of", "with" or "as follows:" on a word that is not a
//! name, a name repeated around a colon ("X: X provides"), a word repeated
//! in brackets right after it ("P1 response (P1)"), brackets inside
//! brackets, a country that needs "the" without it, a sentence with a
//! value missing ("Notice of  is required", "within ."), and a phrase of
//! eight or more words said twice in one section.
#![allow(clippy::unwrap_used)]

mod samples;
use samples::samples;

use std::collections::{HashMap, HashSet};

use pactwright::model::Agreement;
use pactwright::render::{self, Templates};
use pactwright_typeset::{Block, Inline};

/// A unit of running text (a paragraph, a list item's paragraph, a table
/// cell) and the section it is in.
struct Unit {
    section: String,
    text: String,
    cell: bool,
}

fn collect(blocks: &[Block], section: &mut String, out: &mut Vec<Unit>) {
    for b in blocks {
        match b {
            Block::Heading(h) => {
                *section = Inline::plain_text(&h.content);
            }
            Block::Paragraph(c) => out.push(Unit {
                section: section.clone(),
                text: Inline::plain_text(c),
                cell: false,
            }),
            Block::List { items, .. } => items.iter().for_each(|i| collect(i, section, out)),
            Block::Table(t) => {
                for cell in t.rows.iter().flatten() {
                    out.push(Unit {
                        section: section.clone(),
                        text: Inline::plain_text(cell),
                        cell: true,
                    });
                }
            }
            Block::Quote(b) | Block::Keep(b) => collect(b, section, out),
            _ => {}
        }
    }
}

fn units(a: &Agreement) -> Vec<Unit> {
    let templates = Templates::builtin().unwrap();
    let source =
        render::to_markdown(a, &templates, render::default_template(a.document.kind)).unwrap();
    let doc = render::to_document(&source, a, render::meta(a, false));
    let mut out = Vec::new();
    collect(&doc.blocks, &mut String::new(), &mut out);
    out
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect()
}

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '%')
        .to_lowercase()
}

/// The slips in one agreement's text, each as "section: what: text".
fn slips(units: &[Unit]) -> Vec<String> {
    // Words seen in lower case anywhere: a capitalised one of these mid
    // sentence is a common word, not a name.
    let lower: HashSet<String> = units
        .iter()
        .flat_map(|u| {
            words(&u.text)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(|w| bare(&w))
        .collect();
    // Words written with a capital after a lower-case word other than
    // "of" and "with" ("a Faculty programme"): names in this document.
    let named: HashSet<String> = units
        .iter()
        .flat_map(|u| {
            let ws = words(&u.text);
            ws.windows(2)
                .filter(|p| {
                    p[0].chars().all(char::is_lowercase)
                        && !["of", "with", "the", "a", "an"].contains(&p[0])
                        && p[1].chars().next().is_some_and(char::is_uppercase)
                })
                .map(|p| bare(p[1]))
                .collect::<Vec<_>>()
        })
        .collect();
    let common = |w: &str| {
        let b = bare(w);
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && (chars.clone().any(char::is_lowercase) || w.chars().count() == 1)
            && !named.contains(&b)
            && (lower.contains(&b)
                || [
                    "the", "a", "an", "each", "every", "all", "any", "this", "our", "your",
                ]
                .contains(&b.as_str()))
    };
    let mut found = Vec::new();
    let mut seen: HashMap<(String, String), (usize, usize)> = HashMap::new();
    for (n, u) in units.iter().enumerate() {
        let ws = words(&u.text);
        let say = |what: &str| format!("{}: {what}: {}", u.section, u.text);
        // A capital after "of"/"with" between lower-case words: not a
        // title ("Head of Service Desk") or a product ("with Teams Rooms").
        let lowercase = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
        for (i, pair) in ws.windows(2).enumerate() {
            let before = i.checked_sub(1).map(|j| ws[j]);
            let after = ws.get(i + 2);
            if ["of", "with"].contains(&pair[0])
                && common(pair[1])
                && before.is_none_or(lowercase)
                && after.is_none_or(|w| lowercase(w))
            {
                found.push(say(&format!("capital after '{}'", pair[0])));
            }
        }
        for (i, w) in ws.iter().enumerate() {
            if *w == "follows:"
                && i > 0
                && ws[i - 1] == "as"
                && ws.get(i + 1).is_some_and(|x| common(x))
            {
                found.push(say("capital after 'as follows:'"));
            }
        }
        // "X Y: X Y provides"
        if let Some((before, after)) = u.text.split_once(": ") {
            let b: Vec<&str> = words(before);
            let a: Vec<&str> = words(after);
            if b.len() >= 2 && a.len() >= b.len() && a[..b.len()] == b[..] {
                found.push(say("name repeated around a colon"));
            }
        }
        // "P1 response (P1)"
        for (i, w) in ws.iter().enumerate() {
            if let Some(inner) = w.strip_prefix('(').and_then(|x| x.strip_suffix(')'))
                && ws[i.saturating_sub(3)..i]
                    .iter()
                    .any(|x| bare(x) == bare(inner))
            {
                found.push(say("word repeated in brackets"));
            }
        }
        let mut depth = 0i32;
        for c in u.text.chars() {
            match c {
                '(' => {
                    depth += 1;
                    if depth > 1 {
                        found.push(say("brackets inside brackets"));
                        break;
                    }
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        for country in [
            "United Kingdom",
            "United States",
            "Netherlands",
            "Czech Republic",
            "Philippines",
            "United Arab Emirates",
        ] {
            for prep in ["in", "to", "from", "within", "outside"] {
                if u.text.contains(&format!(" {prep} {country}")) {
                    found.push(say(&format!("'{country}' without 'the'")));
                }
            }
        }
        for gap in ["  ", " .", " ,", "()", " of .", " within .", " of is "] {
            if u.text.contains(gap) {
                found.push(say(&format!("a value missing ('{gap}')")));
            }
        }
        // Phrases repeated in running text (table cells and the summary,
        // which restate by design, are not running text).
        if ws.len() >= 8 && !u.cell && u.section != "At a glance" {
            for (i, window) in ws.windows(8).enumerate() {
                let key = window.iter().map(|w| bare(w)).collect::<Vec<_>>().join(" ");
                if seen.contains_key(&(u.section.clone(), key.clone())) {
                    found.push(say(&format!("'{key}' said twice in the section")));
                    break;
                }
                seen.insert((u.section.clone(), key), (n, i));
            }
        }
    }
    found.dedup();
    found
}

#[test]
fn every_sample_reads_without_slips() {
    let mut all = Vec::new();
    for (name, a) in samples() {
        for s in slips(&units(&a)) {
            all.push(format!("{name}: {s}"));
        }
    }
    assert!(all.is_empty(), "{} slips:\n{}", all.len(), all.join("\n"));
}

#[test]
fn the_reader_finds_each_kind_of_slip() {
    let unit = |section: &str, text: &str| Unit {
        section: section.into(),
        text: text.into(),
        cell: false,
    };
    let planted = [
        unit("Credits", "the charges for the period are credited"),
        unit("Levels", "a monthly report of uptime"),
        unit(
            "Credits",
            "The provider credits a share of The charges for the period.",
        ),
        unit(
            "Support",
            "A claim must be made with A support case titled Credit.",
        ),
        unit(
            "Levels",
            "Availability is measured as follows: Monthly uptime of the portal.",
        ),
        unit(
            "Offering",
            "Nimbara Compute: Nimbara Compute provides virtual machines.",
        ),
        unit("Levels", "SL3 P1 response (P1) is at most 30 minutes."),
        unit(
            "Parties",
            "Ledger Ltd (registration Company no. 123 (England and Wales)).",
        ),
        unit("Warranty", "Data is held in United Kingdom."),
        unit("Terms", "Notice of  is required."),
        unit(
            "Credits",
            "credits are the sole remedy for a failure to meet these service levels in any month",
        ),
        unit(
            "Credits",
            "and again: the sole remedy for a failure to meet these service levels in any month",
        ),
    ];
    let found = slips(&planted);
    for what in [
        "capital after 'of'",
        "capital after 'with'",
        "capital after 'as follows:'",
        "name repeated around a colon",
        "word repeated in brackets",
        "brackets inside brackets",
        "'United Kingdom' without 'the'",
        "a value missing",
        "said twice in the section",
    ] {
        assert!(
            found.iter().any(|f| f.contains(what)),
            "not found: {what}\n{found:#?}"
        );
    }
    // Names and acronyms after "of" are not slips.
    let clean = [
        unit("S", "the service of Harbour Desk and of ITIL partners"),
        unit("S", "a copy of the report"),
    ];
    assert!(slips(&clean).is_empty(), "{:#?}", slips(&clean));
}

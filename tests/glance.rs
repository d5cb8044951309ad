//! "At a glance", the one-page summary after the cover: it is on the
//! second page of every sample and of the 200-page agreement, on A4 and
//! Letter, and never spills onto a third, even for the largest summary
//! its bounds allow; a draft lists what is still open, an approved
//! agreement does not; a template can leave it out.
#![allow(clippy::unwrap_used)]

mod samples;
use samples::samples;

use std::path::Path;

use pactwright::model::*;
use pactwright::render::{self, Paper, Templates};
use pactwright::units::{Percent, Typed};
use pactwright_typeset::FontSet;

const COMPLETE: &str = include_str!("fixtures/complete-sla.agreement.json");

fn complete() -> Agreement {
    pactwright::file::parse_str(Path::new("x"), COMPLETE)
        .unwrap()
        .agreement
}

/// The text of each page of the agreement's layout.
fn pages(a: &Agreement, paper: Paper) -> Vec<String> {
    let templates = Templates::builtin().unwrap();
    let source =
        render::to_markdown(a, &templates, render::default_template(a.document.kind)).unwrap();
    let doc = render::to_document(&source, a, render::meta(a, false));
    let fonts = FontSet::bundled().unwrap();
    let layout =
        pactwright_typeset::layout::layout(&doc, &render::layout_options(paper), &fonts).unwrap();
    layout.pages.iter().map(|p| p.text()).collect()
}

/// Asserts the summary is the whole of page 2 and the contents start on
/// page 3; returns page 2's text.
fn assert_one_page(name: &str, a: &Agreement, paper: Paper) -> String {
    let pages = pages(a, paper);
    assert!(pages.len() >= 3, "{name}: only {} pages", pages.len());
    assert!(
        pages[1].lines().take(2).any(|l| l.trim() == "At a glance"),
        "{name} ({paper:?}): page 2 does not start with the summary:\n{}",
        pages[1]
    );
    assert!(
        pages[2].lines().take(2).any(|l| l.trim() == "Contents"),
        "{name} ({paper:?}): the summary spills onto page 3, which starts:\n{}\npage 2:\n{}",
        &pages[2].chars().take(400).collect::<String>(),
        pages[1]
    );
    pages[1].clone()
}

#[test]
fn every_sample_has_its_summary_on_one_page() {
    for (name, a) in samples() {
        for paper in [Paper::A4, Paper::Letter] {
            assert_one_page(&name, &a, paper);
        }
    }
}

#[test]
fn the_200_page_agreement_has_its_summary_on_one_page() {
    let a = pactwright::synthetic::large(&complete(), pactwright::synthetic::Size::PAGES_200);
    for paper in [Paper::A4, Paper::Letter] {
        let text = assert_one_page("200 pages", &a, paper);
        assert!(
            text.contains("more, under Responsibilities") || a.responsibilities.consumer.len() <= 4
        );
    }
}

/// The largest summary the bounds allow: every list longer than shown,
/// every text longer than kept, long names, many findings.
fn largest() -> Agreement {
    let mut a = complete();
    let long = "The consumer keeps an up-to-date register of every authorised requester, with their name, role, department, phone number and the services each may request, and reviews it at every monthly service review, removing leavers within one business day";
    a.document.status = Status::Draft;
    a.document.term.months = Some(36);
    a.document.term.renewal = Renewal::Automatic;
    a.parties.provider.name =
        "Harbour Regional Shared Services and Infrastructure Operations Limited".into();
    a.parties.consumer.name =
        "Northwind Trading and Logistics Holdings (Europe) Public Limited Company".into();
    a.service.name =
        "Managed workplace, identity, collaboration and end-user computing service".into();
    let base = a
        .service_levels
        .iter()
        .find(|t| t.metric == Metric::Availability)
        .cloned()
        .unwrap();
    for i in 0..9 {
        let mut t = base.clone();
        t.id = format!("AV{i}");
        t.name = format!(
            "Availability of the customer-facing booking, payment and notification platform in region {i}"
        );
        a.service_levels.push(t);
    }
    if let Some(p) = a.support.priorities.first_mut() {
        p.name = "Critical business-stopping incident affecting many users".into();
    }
    let scheme = a.credit_schemes.first().cloned().unwrap_or_default();
    for i in 0..5 {
        let mut s = scheme.clone();
        s.name = format!(
            "Service credits for the platform in region {i} and its disaster recovery site"
        );
        s.tiers = (0..8)
            .map(|k| CreditTier {
                below: Typed::Read(
                    format!("{}%", 99.9 - f64::from(k) * 0.5)
                        .parse::<Percent>()
                        .unwrap(),
                ),
                credit: Typed::Read(format!("{}%", 5 + k * 5).parse::<Percent>().unwrap()),
            })
            .collect();
        a.credit_schemes.push(s);
    }
    a.service.costs_imposed = (0..10).map(|i| format!("{long} ({i})")).collect();
    a.service.risks_imposed = (0..10).map(|i| format!("{long} ({i})")).collect();
    a.responsibilities.consumer = (0..20).map(|i| format!("{long} ({i})")).collect();
    // Findings: targets with no measurement, an owner who is not there.
    a.document.owner = "someone-who-is-not-a-stakeholder-with-a-very-long-id".into();
    a.document.approver = "another-person-who-is-not-a-stakeholder-either".into();
    a
}

#[test]
fn the_largest_summary_the_bounds_allow_still_fits_one_page() {
    let a = largest();
    for paper in [Paper::A4, Paper::Letter] {
        let text = assert_one_page("largest", &a, paper);
        assert!(
            text.contains("more availability targets, under Service levels"),
            "{text}"
        );
        assert!(
            text.contains("more credit schemes, under Service credits"),
            "{text}"
        );
        assert!(
            text.contains("and 17 more, under Responsibilities"),
            "{text}"
        );
        assert!(text.contains("Still open in this draft"), "{text}");
        assert!(text.contains('…'), "long items are shortened: {text}");
    }
}

#[test]
fn a_draft_lists_what_is_open_and_an_approved_agreement_does_not() {
    let mut a = complete();
    a.document.status = Status::Draft;
    a.document.owner = "nobody".into();
    let draft = assert_one_page("draft", &a, Paper::A4);
    assert!(
        draft.contains("Still open in this draft: 1 error"),
        "{draft}"
    );
    assert!(draft.contains("nobody"), "the finding is named: {draft}");
    a.document.status = Status::Approved;
    let approved = assert_one_page("approved", &a, Paper::A4);
    assert!(!approved.contains("Still open"), "{approved}");
}

#[test]
fn the_summary_page_of_the_cloud_sla_reads_as_a_sponsor_expects() {
    let (_, a) = samples()
        .into_iter()
        .find(|(n, _)| n.starts_with("cloud-hosting"))
        .unwrap();
    insta::assert_snapshot!(assert_one_page("cloud", &a, Paper::A4));
}

#[test]
fn a_template_can_leave_the_summary_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("short.md.hbs"),
        "{{> partials/cover}}\n{{> partials/contents}}\n{{> partials/service}}\n",
    )
    .unwrap();
    let templates = Templates::with_dir(dir.path()).unwrap();
    let a = complete();
    let source = render::to_markdown(&a, &templates, "short").unwrap();
    assert!(!source.contains("At a glance"), "{source}");
    assert!(source.contains("::: toc"), "{source}");
    let full = render::to_markdown(&a, &Templates::builtin().unwrap(), "sla").unwrap();
    let glance = full.find("# At a glance").unwrap();
    assert!(
        glance < full.find("::: toc").unwrap(),
        "the summary comes before the contents"
    );
}

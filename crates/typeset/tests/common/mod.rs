//! Shared helpers for the integration tests (fixed environment).
#![allow(dead_code, clippy::unwrap_used)]

use pactwright_typeset::layout::{Item, Layout, LayoutOptions, Role};
use pactwright_typeset::{DocDate, FontSet, Meta};
use std::sync::OnceLock;

/// Bundled fonts only: no system fallback, so results never depend on the machine.
pub fn fonts() -> &'static FontSet {
    static F: OnceLock<FontSet> = OnceLock::new();
    F.get_or_init(|| FontSet::bundled().unwrap())
}

/// Fixed metadata, including the date and document id.
pub fn meta() -> Meta {
    Meta {
        title: "Test Agreement".into(),
        author: "Tester".into(),
        subject: "Testing".into(),
        keywords: vec!["test".into()],
        header: "Test Agreement · v1 · Draft".into(),
        watermark: Some("DRAFT".into()),
        created: Some(DocDate {
            year: 2025,
            month: 1,
            day: 2,
            hour: 3,
            minute: 4,
            second: 5,
        }),
        document_id: "TEST-1".into(),
    }
}

/// Asserts every body run lies inside the content box and every other run
/// inside the page; returns the number of runs checked.
pub fn assert_inside(layout: &Layout, opts: &LayoutOptions) -> usize {
    let [l, t, r, b] = opts.content_box();
    let mut n = 0;
    for (pi, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            n += 1;
            let face = &layout.fonts[usize::from(run.font)];
            let k = run.size / face.units_per_em;
            let asc = face.ascender * k;
            let desc = -face.descender * k;
            let (x0, x1) = (run.x, run.x + run.width());
            let (y0, y1) = (run.y - asc, run.y + desc);
            let tol = 0.5;
            match run.role {
                Role::Body => assert!(
                    x0 >= l - tol && x1 <= r + tol && y0 >= t - 1.5 && y1 <= b + 1.5,
                    "page {} run {:?} at x {x0}..{x1} y {y0}..{y1} outside content box {l},{t},{r},{b}",
                    pi + 1,
                    run.text.chars().take(40).collect::<String>()
                ),
                Role::Watermark => {}
                _ => assert!(
                    x0 >= 0.0 && x1 <= page.width && y0 >= 0.0 && y1 <= page.height,
                    "page {} chrome run outside page",
                    pi + 1
                ),
            }
        }
    }
    n
}

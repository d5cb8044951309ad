//! Renders a sample contract to /tmp/demo.pdf (and prints timings).

use pactwright_typeset::{DocDate, FontSet, Meta, RenderOptions, render_markdown_to_pdf};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let src = include_str!("demo.md");
    let fonts = FontSet::bundled()?.with_fallback(FontSet::system_database());
    let opts = RenderOptions {
        meta: Meta {
            title: "Service Level Agreement".into(),
            author: "Northwind IT Services GmbH".into(),
            subject: "Managed E-Mail and Collaboration Service".into(),
            keywords: vec!["SLA".into(), "ITIL 4".into()],
            header: "Service Level Agreement · SLA-2025-014 · v1.2 · Draft".into(),
            watermark: Some("DRAFT".into()),
            created: Some(DocDate {
                year: 2025,
                month: 3,
                day: 1,
                ..DocDate::default()
            }),
            document_id: "SLA-2025-014".into(),
        },
        ..RenderOptions::default()
    };
    let first = Instant::now();
    let out = render_markdown_to_pdf(src, &opts, &fonts)?;
    let cold = first.elapsed();
    let warm = Instant::now();
    let out2 = render_markdown_to_pdf(src, &opts, &fonts)?;
    let warm = warm.elapsed();
    assert_eq!(out.pdf, out2.pdf, "output must be deterministic");
    std::fs::write("/tmp/demo.pdf", &out.pdf)?;
    println!(
        "pages: {}, bytes: {}, first render {:?}, second {:?}",
        out.page_count,
        out.pdf.len(),
        cold,
        warm
    );
    for w in &out.warnings {
        println!("warning: {w}");
    }
    Ok(())
}

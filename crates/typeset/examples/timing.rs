//! Times each stage (parse, layout, pdf) on the demo contract repeated to
//! about 10 and about 200 pages. Run with `--release`; numbers belong in
//! BENCHMARKS.md, not in tests.

use pactwright_typeset::layout::LayoutOptions;
use pactwright_typeset::{FontSet, Meta, layout, markdown, pdf};
use std::time::{Duration, Instant};

fn body(sections: usize) -> String {
    let demo = include_str!("demo.md");
    // Drop the cover and TOC of the demo, repeat its body.
    let start = demo.find("# Introduction").unwrap_or(0);
    let mut s = String::from("::: toc\n\n");
    for _ in 0..sections {
        s.push_str(&demo[start..]);
        s.push('\n');
    }
    s
}

fn best<T>(n: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..n {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        out = Some(v);
    }
    match out {
        Some(v) => (best, v),
        None => unreachable!("n > 0"),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fonts = FontSet::bundled()?;
    let opts = LayoutOptions::default();
    let meta = Meta {
        title: "Timing".into(),
        header: "Timing · v1".into(),
        watermark: Some("DRAFT".into()),
        document_id: "T-1".into(),
        ..Meta::default()
    };
    // Warm up the font set (first use parses faces, loads hyphenation).
    let _ = layout::layout(&markdown::parse(&body(1), meta.clone()), &opts, &fonts)?;
    for sections in [3, 60, 100] {
        let src = body(sections);
        let (tp, doc) = best(10, || markdown::parse(&src, meta.clone()));
        let (tl, lay) = best(10, || layout::layout(&doc, &opts, &fonts));
        let lay = lay?;
        let (tw, bytes) = best(10, || pdf::write_pdf(&lay, &meta));
        let bytes = bytes?;
        println!(
            "{:>4} pages, {:>7} bytes source, {:>8} bytes pdf: parse {:>8.2?} layout {:>8.2?} pdf {:>8.2?} total {:>8.2?}",
            lay.pages.len(),
            src.len(),
            bytes.len(),
            tp,
            tl,
            tw,
            tp + tl + tw
        );
    }
    Ok(())
}

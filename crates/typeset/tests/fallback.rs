//! Font fallback through an injected, fixed font database: Arabic and
//! Hebrew are shaped and reordered, CJK found, text extracts in reading
//! order. Skipped (with a notice) when the Debian Noto fonts are absent.
#![allow(clippy::unwrap_used)]

mod common;

use pactwright_typeset::{FontSet, RenderOptions, render_markdown_to_pdf};
use std::process::Command;

const FILES: [&str; 3] = [
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
];

fn fonts() -> Option<FontSet> {
    if let Some(missing) = FILES.iter().find(|f| !std::path::Path::new(f).exists()) {
        println!("NOTICE: {missing} not installed; skipping fallback test");
        return None;
    }
    let mut db = fontdb::Database::new();
    for f in FILES {
        db.load_font_file(f).unwrap();
    }
    Some(FontSet::bundled().unwrap().with_fallback(db))
}

#[test]
fn rtl_and_cjk_through_fallback() {
    let Some(fonts) = fonts() else { return };
    let src = "Arabic: مرحبا بالعالم.\n\nHebrew: שלום עולם.\n\nCJK: 服务级别协议.\n\n| ע | 表 |\n|---|---|\n| مرحبا | 協議 |\n";
    let opts = RenderOptions {
        meta: common::meta(),
        ..RenderOptions::default()
    };
    let out = render_markdown_to_pdf(src, &opts, &fonts).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    common::assert_inside(&out.layout, &opts.layout);
    let page = &out.layout.pages[0];
    let text = page.text();
    assert!(text.contains("Hebrew:"), "{text}");
    // Right-to-left words are placed right to left: "עולם" left of "שלום".
    let x_of = |needle: &str| {
        page.items.iter().find_map(|i| match i {
            pactwright_typeset::layout::Item::Text(t) if t.text.contains(needle) => Some(t.x),
            _ => None,
        })
    };
    if let (Some(a), Some(b)) = (x_of("עולם"), x_of("שלום")) {
        assert!(a <= b, "עולם at {a} should be left of שלום at {b}");
    }
    let dir = std::env::temp_dir().join(format!("pactwright-fallback-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("intl.pdf");
    std::fs::write(&path, &out.pdf).unwrap();
    match Command::new("pdftotext").arg(&path).arg("-").output() {
        Ok(o) => {
            let s = String::from_utf8_lossy(&o.stdout)
                .replace(['\u{202A}', '\u{202B}', '\u{202C}'], "");
            for needle in ["שלום", "עולם", "مرحبا", "بالعالم", "服务级别协议", "協議"]
            {
                assert!(s.contains(needle), "`{needle}` not extracted:\n{s}");
            }
        }
        Err(_) => println!("NOTICE: pdftotext not installed; skipping extraction check"),
    }
    // A paragraph that starts with Hebrew is right-to-left: it ends at the
    // right margin.
    let rtl = render_markdown_to_pdf("שלום עולם\n", &opts, &fonts).unwrap();
    let [_, _, right, _] = opts.layout.content_box();
    let run = rtl.layout.pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            pactwright_typeset::layout::Item::Text(t) if t.text.contains("שלום") => {
                Some(t.clone())
            }
            _ => None,
        })
        .unwrap();
    assert!(
        (run.x + run.width() - right).abs() < 0.5,
        "RTL paragraph not right-aligned"
    );
    if let Ok(o) = Command::new("qpdf").arg("--check").arg(&path).output() {
        assert!(o.status.success());
    }
}

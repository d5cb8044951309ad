//! Renders mixed-script text with system-font fallback to /tmp/intl.pdf.

use pactwright_typeset::{FontSet, RenderOptions, render_markdown_to_pdf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let src = "# International\n\nArabic: مرحبا بالعالم، هذه اتفاقية مستوى الخدمة.\n\nHebrew: שלום עולם, זהו הסכם רמת שירות.\n\nMixed: The customer (العميل) signs here.\n\nCJK: 服务级别协议 サービスレベル契約 서비스 수준 계약.\n\nEmoji: 😀 ✓ ★\n";
    let mut db = fontdb::Database::new();
    for f in [
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ] {
        let _ = db.load_font_file(f);
    }
    let fonts = FontSet::bundled()?.with_fallback(db);
    let out = render_markdown_to_pdf(src, &RenderOptions::default(), &fonts)?;
    std::fs::write("/tmp/intl.pdf", &out.pdf)?;
    for w in &out.warnings {
        println!("warning: {w}");
    }
    Ok(())
}

//! Prints the size and build time of each page's SVG (the desktop preview's
//! payload) for one draft, and with a folder, writes them there:
//! `cargo run --release --example svg_sizes -- FILE [DIR]`.

use std::path::Path;
use std::time::Instant;

use pactwright::render::{self, Paper, Templates};
use pactwright_typeset::{FontSet, layout, svg};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: svg_sizes FILE [DIR]")?;
    let dir = std::env::args().nth(2);
    let a = pactwright::file::load(Path::new(&path))?.agreement;
    let templates = Templates::builtin()?;
    let fonts = FontSet::bundled()?;
    let source = render::to_markdown(&a, &templates, render::default_template(a.document.kind))?;
    let doc = render::to_document(&source, render::meta(&a, false));
    let laid = layout::layout(&doc, &render::layout_options(Paper::A4), &fonts)?;
    for i in 0..laid.pages.len() {
        let t = Instant::now();
        let page = svg::page_to_svg(&laid, i).unwrap_or_default();
        println!(
            "page {:>3}: {:>7} bytes, {:?}",
            i + 1,
            page.len(),
            t.elapsed()
        );
        if let Some(dir) = &dir {
            std::fs::write(Path::new(dir).join(format!("page-{:03}.svg", i + 1)), &page)?;
        }
    }
    Ok(())
}

//! Prints how long each rendering stage takes for one draft, once, for a
//! quick look (use the criterion benchmarks for real figures):
//! `cargo run --release --example stage_times -- FILE`.

use std::path::Path;
use std::time::Instant;

use pactwright::render::{self, Paper, Templates};
use pactwright_typeset::{FontSet, layout, pdf};

/// The allocator the `pactwright` binary uses, so the stages cost the same.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: stage_times FILE")?;
    let t = Instant::now();
    let a = pactwright::file::load(Path::new(&path))?.agreement;
    let t_load = t.elapsed();
    let t = Instant::now();
    let templates = Templates::builtin()?;
    let t_templates = t.elapsed();
    let t = Instant::now();
    let fonts = FontSet::bundled()?;
    let t_fonts = t.elapsed();
    let t = Instant::now();
    let _ = pactwright::checks::check(&a);
    let t_check = t.elapsed();
    let t = Instant::now();
    let source = render::to_markdown(&a, &templates, render::default_template(a.document.kind))?;
    let t_md = t.elapsed();
    let t = Instant::now();
    let doc = render::to_document(&source, &a, render::meta(&a, false));
    let t_parse = t.elapsed();
    let t = Instant::now();
    let laid = layout::layout(&doc, &render::layout_options(Paper::A4), &fonts)?;
    let t_layout = t.elapsed();
    let t = Instant::now();
    let bytes = pdf::write_pdf(&laid, &doc.meta)?;
    let t_pdf = t.elapsed();
    println!(
        "pages {}  bytes {}\nload {t_load:?}  templates {t_templates:?}  fonts {t_fonts:?}  check {t_check:?}\nmarkdown {t_md:?}  parse {t_parse:?}  layout {t_layout:?}  pdf {t_pdf:?}",
        laid.pages.len(),
        bytes.len()
    );
    Ok(())
}

//! Renders a Markdown file: `cargo run --example render -- in.md out.pdf`.

use pactwright_typeset::{FontSet, Meta, RenderOptions, render_markdown_to_pdf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: render IN.md OUT.pdf");
        std::process::exit(2);
    };
    let src = std::fs::read_to_string(&input)?;
    let fonts = FontSet::bundled()?.with_fallback(FontSet::system_database());
    let opts = RenderOptions {
        meta: Meta {
            title: input.clone(),
            header: input.clone(),
            document_id: input.clone(),
            ..Meta::default()
        },
        ..RenderOptions::default()
    };
    let out = render_markdown_to_pdf(&src, &opts, &fonts)?;
    std::fs::write(&output, &out.pdf)?;
    println!("{} pages", out.page_count);
    for w in &out.warnings {
        println!("warning: {w}");
    }
    Ok(())
}

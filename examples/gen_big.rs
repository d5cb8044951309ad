//! Writes a large synthetic agreement (about 200 pages by default) for
//! whole-process benchmarks:
//! `cargo run --release --example gen_big -- OUT.agreement.json [CLAUSES]`.

use std::path::Path;

use pactwright::synthetic::{Size, large};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .get(1)
        .ok_or("usage: gen_big OUT.agreement.json [CLAUSES]")?;
    let base_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/it-service-desk.agreement.json");
    let base = pactwright::file::load(&base_path)?.agreement;
    let mut size = Size::PAGES_200;
    if let Some(n) = args.get(2) {
        size = size.with_clauses(n.parse()?);
    }
    pactwright::file::save(Path::new(out), &large(&base, size))?;
    Ok(())
}

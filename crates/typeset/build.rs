//! Writes `bundled.rs` into OUT_DIR: the bundled font files of `fonts/`,
//! one per face in `fonts.rs`'s order, included as they are or, with the
//! `compressed-fonts` feature, deflated (with each file's size).

use std::path::{Path, PathBuf};

const FACES: [&str; 10] = [
    "NotoSerif-Regular",
    "NotoSerif-Bold",
    "NotoSerif-Italic",
    "NotoSerif-BoldItalic",
    "NotoSans-Regular",
    "NotoSans-Bold",
    "NotoSans-Italic",
    "NotoSans-BoldItalic",
    "NotoSansMono-Regular",
    "NotoSansMono-Bold",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let fonts = manifest.join("../../fonts").canonicalize()?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    let mut code = String::from("[\n");
    for face in FACES {
        let file = fonts.join(format!("{face}.ttf"));
        println!("cargo:rerun-if-changed={}", file.display());
        code.push_str(&format!("    {},\n", entry(face, &file, &out)?));
    }
    code.push(']');
    std::fs::write(out.join("bundled.rs"), code)?;
    Ok(())
}

/// The file included as it is.
#[cfg(not(feature = "compressed-fonts"))]
fn entry(_: &str, file: &Path, _: &Path) -> std::io::Result<String> {
    Ok(format!("include_bytes!({:?})", file.display().to_string()))
}

/// The file deflated into OUT_DIR and included with its size.
#[cfg(feature = "compressed-fonts")]
fn entry(face: &str, file: &Path, out: &Path) -> std::io::Result<String> {
    let data = std::fs::read(file)?;
    let deflated = out.join(format!("{face}.ttf.deflate"));
    std::fs::write(&deflated, miniz_oxide::deflate::compress_to_vec(&data, 10))?;
    Ok(format!(
        "(include_bytes!({:?}), {})",
        deflated.display().to_string(),
        data.len()
    ))
}

//! Writes `bundled.rs` into OUT_DIR: the bundled font files of `fonts/`,
//! one per face in `fonts.rs`'s order, included as they are or, with the
//! `compressed-fonts` feature, deflated (with each file's size).

use std::path::PathBuf;

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
    let compressed = std::env::var_os("CARGO_FEATURE_COMPRESSED_FONTS").is_some();
    let mut code = String::from("[\n");
    for face in FACES {
        let file = fonts.join(format!("{face}.ttf"));
        println!("cargo:rerun-if-changed={}", file.display());
        if compressed {
            let data = std::fs::read(&file)?;
            let deflated = out.join(format!("{face}.ttf.deflate"));
            std::fs::write(&deflated, deflate(&data))?;
            code.push_str(&format!(
                "    (include_bytes!({:?}), {}),\n",
                deflated.display().to_string(),
                data.len()
            ));
        } else {
            code.push_str(&format!(
                "    include_bytes!({:?}),\n",
                file.display().to_string()
            ));
        }
    }
    code.push(']');
    std::fs::write(out.join("bundled.rs"), code)?;
    Ok(())
}

#[cfg(feature = "compressed-fonts")]
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(data, 10)
}

#[cfg(not(feature = "compressed-fonts"))]
fn deflate(_: &[u8]) -> Vec<u8> {
    unreachable!("only called with the compressed-fonts feature")
}

//! `pactwright new`: write a starter draft, never over an existing file
//! unless asked.

use std::path::Path;

use pactwright::model::Kind;

pub fn run(kind: Kind, file: &Path, force: bool) -> u8 {
    if file.is_dir() {
        eprintln!(
            "error: {}: is a folder; give a file name such as desk.agreement.json",
            file.display()
        );
        return 2;
    }
    if file.exists() && !force {
        eprintln!(
            "error: {}: the file already exists; choose another name, or pass --force to replace it",
            file.display()
        );
        return 2;
    }
    let draft = pactwright::starter::starter(kind);
    if let Err(e) = pactwright::file::save(file, &draft) {
        eprintln!("error: {e}");
        return 2;
    }
    println!("Created {} ({}).", file.display(), kind.title());
    if !file
        .to_string_lossy()
        .ends_with(pactwright::file::EXTENSION)
    {
        println!(
            "note: drafts are usually named NAME{}",
            pactwright::file::EXTENSION
        );
    }
    println!("Next: pactwright check {}", file.display());
    0
}

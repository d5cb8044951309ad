//! What the command-line tests share.

use std::path::Path;
use std::process::Command;

/// Runs the `pactwright` command line in `dir`: exit code, stdout, stderr.
/// Without colour and at a fixed terminal width, so output is the same on
/// every machine.
pub fn cli(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pactwright"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

//! `pactwright diff`: what changed between two versions of an agreement,
//! in service terms, as text, JSON or Markdown.

use std::path::Path;

use pactwright::diff;

/// How a comparison is printed.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// For people, in a terminal.
    Text,
    /// For tools: the shape documented in `pactwright diff --help`.
    Json,
    /// For pasting into a change-history entry or an email.
    Md,
}

pub struct Args<'a> {
    pub old: &'a Path,
    pub new: &'a Path,
    pub format: DiffFormat,
    pub full: bool,
    pub exit_code: bool,
}

pub fn run(args: Args<'_>) -> u8 {
    // Both files are read (and migrated) before anything is printed, each
    // error naming its file.
    let mut failed = false;
    let mut load = |path: &Path| match pactwright::file::load(path) {
        Ok(l) => Some(l.agreement),
        Err(e) => {
            eprintln!("error: {e}");
            failed = true;
            None
        }
    };
    let (old, new) = (load(args.old), load(args.new));
    let (Some(old), Some(new)) = (old, new) else {
        return 2;
    };
    debug_assert!(!failed);
    let diff = match diff::compare(&old, &new) {
        Ok(d) => d,
        Err(e) => {
            eprintln!(
                "error: cannot compare {} with {}: {e}",
                args.old.display(),
                args.new.display()
            );
            return 2;
        }
    };
    match args.format {
        DiffFormat::Text => print!("{}", diff::text(&diff, args.full)),
        DiffFormat::Md => print!("{}", diff::markdown(&diff, args.full)),
        DiffFormat::Json => match serde_json::to_string_pretty(&diff) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("error: cannot write the comparison as JSON: {e}");
                return 2;
            }
        },
    }
    u8::from(args.exit_code && !diff.is_empty())
}

/// The help after the options: examples, exit status, the JSON shape.
pub const HELP: &str = "Examples:
  pactwright diff desk-2.0.agreement.json desk-3.0.agreement.json
  pactwright diff signed.agreement.json draft.agreement.json --format md > changes.md
  pactwright render draft.agreement.json --compare signed.agreement.json   (a redline PDF)

Items are matched by their ids and names, not by their place in a list, so a
reorder is not a change. A v1 file is migrated before it is compared.

Exit status: 0 the comparison was printed, whether or not anything changed
(like `git diff`: scripts piping the summary somewhere keep going); with
--exit-code, 1 when something changed. 2: a file cannot be read or is not
a valid draft (the message names it), or the drafts are of different kinds
(an SLA and an OLA are not two versions of one agreement).

JSON: {\"old\": VERSION, \"new\": VERSION, \"sections\": [{\"name\", \"changes\": [CHANGE]}]}
  VERSION: {\"version\", \"title\", \"kind\"}
  CHANGE: {\"op\": \"added\"|\"removed\"|\"changed\", \"subject\", \"pointer\" (JSON pointer
  into NEW, into OLD for what was removed), \"old\"?, \"new\"? (printed forms),
  \"words\"? ([{\"op\": \"kept\"|\"inserted\"|\"deleted\", \"text\"}], for free text),
  \"downtime\"? ({\"old\"?, \"new\"?}: an availability target's allowed downtime)}";

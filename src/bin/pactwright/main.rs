//! `pactwright`: the command line over the agreement engine. Each command is
//! a thin adapter: parse arguments, call the library, print, pick the exit
//! code (0 fine, 1 the agreement has errors, 2 the input could not be used).

mod approve;
mod check;
mod diff;
mod downtime;
mod new;
mod render;
mod warnings;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// mimalloc: rendering makes and frees many small glyph and text buffers,
/// which glibc's allocator serves a quarter slower (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Draft ITIL 4 service agreements and check them the way a reviewer would.
#[derive(Parser)]
#[command(name = "pactwright", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  pactwright new --kind sla desk.agreement.json\n  pactwright check desk.agreement.json\n  pactwright downtime 99.9% --period avg-month"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a starter draft of a kind.
    #[command(
        after_help = "Example:\n  pactwright new --kind ola network.agreement.json\n\nThe draft holds the usual structure (P1-P4 priorities, a monthly review,\nduties on both sides); `pactwright check` then lists what to fill in."
    )]
    New {
        /// The kind of agreement.
        #[arg(long, value_enum)]
        kind: KindArg,
        /// The file to create, e.g. desk.agreement.json.
        file: PathBuf,
        /// Overwrite the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Check a draft and list every finding.
    #[command(
        after_help = "Example:\n  pactwright check samples/it-service-desk.agreement.json --format json\n  pactwright check --list\n\nExit status: 0 no errors (warnings allowed), 1 the agreement has errors,\n2 the file cannot be read or is not a valid draft."
    )]
    Check {
        /// The draft file.
        #[arg(required_unless_present = "list")]
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// List every finding code with its severity and what it flags, instead of checking a file.
        #[arg(long, conflicts_with = "file")]
        list: bool,
    },
    /// Compute the downtime a target allows.
    #[command(
        after_help = "Examples:\n  pactwright downtime 99.95%\n  pactwright downtime 99.9% --period 2026-02 --period avg-month\n  pactwright downtime 99.9% --hours \"Mon-Fri 08:00-18:00\" --tz Europe/London --period 2026-12 --holiday 2026-12-25\n  pactwright downtime 99.99% --period month --maintenance 4h\n\nPeriods: day, week, month (30 days), avg-month (30.4375 days), quarter\n(91.25 days), year (365 days), a calendar month (2026-02) or a calendar\nquarter (2026-Q1). Holidays count on calendar periods only."
    )]
    Downtime {
        /// The availability target, e.g. 99.9%.
        #[arg(allow_hyphen_values = true)]
        target: String,
        /// The period(s); the standard ones when not given.
        #[arg(long)]
        period: Vec<String>,
        /// Weekly service hours, "24x7" or e.g. "Mon-Fri 08:00-18:00".
        #[arg(long, default_value = "24x7")]
        hours: String,
        /// IANA time zone of the service hours, e.g. Europe/London.
        #[arg(long)]
        tz: Option<String>,
        /// A holiday with no service hours (YYYY-MM-DD); repeat for more.
        #[arg(long)]
        holiday: Vec<String>,
        /// Maintenance excluded from downtime in each period, e.g. 4h.
        #[arg(long)]
        maintenance: Option<String>,
    },
    /// Render a draft to PDF (or Markdown, or HTML).
    #[command(
        after_help = "Examples:\n  pactwright render samples/it-service-desk.agreement.json\n  pactwright render desk.agreement.json -o out/desk.pdf --paper letter\n  pactwright render desk.agreement.json --format html --templates my-templates/\n\nThe output goes beside the draft unless -o says otherwise. A draft whose\nchecks have errors is refused (exit 1) unless --force, which renders it\nmarked DRAFT. Exit 2: the draft cannot be read or a template is broken."
    )]
    Render {
        /// The draft file.
        file: PathBuf,
        /// Where to write (default: beside the draft, e.g. desk.pdf).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// What to write.
        #[arg(long, value_enum, default_value = "pdf")]
        format: render::OutFormat,
        /// A template name (sla, ola, uc, offering, or one from --templates) or a template file.
        #[arg(long)]
        template: Option<String>,
        /// A folder of templates and partials that add to or override the built-in ones.
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Paper size.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// Render even when the checks find errors (marked DRAFT).
        #[arg(long)]
        force: bool,
        /// An earlier version of the draft: write a redline, with a "Changes since version X" section, change bars, insertions underlined and deletions struck through (default output: desk.redline.pdf).
        #[arg(long, value_name = "OLD")]
        compare: Option<PathBuf>,
    },
    /// Show what changed between two versions of an agreement.
    #[command(after_help = diff::HELP)]
    Diff {
        /// The earlier version (e.g. the one signed).
        old: PathBuf,
        /// The later version.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: diff::DiffFormat,
        /// Print every change; sections of more than 25 are otherwise shortened to their first 10 and a count (text and md; json always holds all).
        #[arg(long)]
        full: bool,
        /// Exit 1 when there are changes (as `git diff --exit-code` does), 0 when there are none.
        #[arg(long)]
        exit_code: bool,
    },
    /// Approve a draft: record who approved which version when, with a fingerprint of the text.
    #[command(
        after_help = "Examples:\n  pactwright approve desk.agreement.json --by pl-md\n  pactwright approve desk.agreement.json --by \"Dana Whitfield\" --date 2026-12-03\n\nOnly the approver named in document control may approve (a sponsor, when\nnone is named), and only an agreement whose checks find no errors. The\napproval goes into the change history with the fingerprint (SHA-256) of\nthe text approved; editing the text afterwards makes it stale.\nExit status: 0 approved, 1 refused (not an approver, or errors found),\n2 the file, the stakeholder or the date cannot be read."
    )]
    Approve {
        /// The draft file.
        file: PathBuf,
        /// The approver: a stakeholder id, or a name (case-insensitive).
        #[arg(long)]
        by: String,
        /// The day approved (YYYY-MM-DD); today when not given.
        #[arg(long)]
        date: Option<String>,
    },
    /// Print the JSON Schema of draft files.
    #[command(after_help = "Example:\n  pactwright schema > agreement.schema.json")]
    Schema,
}

#[derive(Clone, Copy, ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Sla,
    Ola,
    Uc,
    Offering,
}

impl From<KindArg> for pactwright::model::Kind {
    fn from(k: KindArg) -> Self {
        use pactwright::model::Kind;
        match k {
            KindArg::Sla => Kind::Sla,
            KindArg::Ola => Kind::Ola,
            KindArg::Uc => Kind::Uc,
            KindArg::Offering => Kind::Offering,
        }
    }
}

/// How findings are printed.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For tools.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A failure inside Pactwright (a panic in checks, templates, layout or
    // writing) is an error the user sees, with its message, and exit 2;
    // every write is atomic, so no input or output file is left half done.
    std::panic::set_hook(Box::new(|_| {}));
    match pactwright::failure::catch(move || run(cli)) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!(
                "error: Pactwright failed inside: {failure}. No file was changed. Please report it, with the draft that caused it."
            );
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::New { kind, file, force } => new::run(kind.into(), &file, force),
        Command::Check {
            list: true, format, ..
        } => check::list(format),
        Command::Check { file, format, .. } => match file {
            Some(file) => check::run(&file, format),
            None => 2,
        },
        Command::Downtime {
            target,
            period,
            hours,
            tz,
            holiday,
            maintenance,
        } => downtime::run(
            &target,
            &period,
            &hours,
            tz,
            &holiday,
            maintenance.as_deref(),
        ),
        Command::Render {
            file,
            output,
            format,
            template,
            templates,
            paper,
            force,
            compare,
        } => render::run(render::Args {
            file: &file,
            output: output.as_deref(),
            format,
            template: template.as_deref(),
            templates: templates.as_deref(),
            paper: match paper {
                PaperArg::A4 => pactwright::render::Paper::A4,
                PaperArg::Letter => pactwright::render::Paper::Letter,
            },
            force,
            compare: compare.as_deref(),
        }),
        Command::Diff {
            old,
            new,
            format,
            full,
            exit_code,
        } => diff::run(diff::Args {
            old: &old,
            new: &new,
            format,
            full,
            exit_code,
        }),
        Command::Approve { file, by, date } => approve::run(&file, &by, date.as_deref()),
        Command::Schema => {
            print!("{}", pactwright::schema::agreement_schema());
            0
        }
    }
}

//! `pactwright render`: the agreement as PDF, Markdown or HTML, written
//! atomically beside the draft (or where `-o` says). A draft whose checks
//! have errors is refused unless `--force`, which still marks it DRAFT.

use std::path::{Path, PathBuf};

use pactwright::checks;
use pactwright::render::{self, Fonts, Paper};
use pactwright_typeset::par;

/// What to write.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    /// A PDF to review and sign.
    Pdf,
    /// The Markdown source the templates produce.
    Md,
    /// A standalone HTML page with print CSS.
    Html,
    /// The service level targets as OpenSLO v1 YAML, for monitoring tools.
    Openslo,
}

impl OutFormat {
    fn extension(self) -> &'static str {
        match self {
            OutFormat::Pdf => "pdf",
            OutFormat::Md => "md",
            OutFormat::Html => "html",
            OutFormat::Openslo => "openslo.yaml",
        }
    }
}

/// The command's arguments.
pub struct Args<'a> {
    pub file: &'a Path,
    pub output: Option<&'a Path>,
    pub format: OutFormat,
    pub template: Option<&'a str>,
    pub templates: Option<&'a Path>,
    pub paper: Paper,
    pub force: bool,
    /// An earlier version to compare with: a redline.
    pub compare: Option<&'a Path>,
}

/// `desk.agreement.json` -> `desk.pdf` in the same folder.
fn default_output(file: &Path, format: OutFormat, redline: bool) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(pactwright::file::EXTENSION)
        .or_else(|| name.strip_suffix(".json"))
        .unwrap_or(&name);
    let redline = if redline { ".redline" } else { "" };
    file.with_file_name(format!("{stem}{redline}.{}", format.extension()))
}

pub fn run(args: Args<'_>) -> u8 {
    if args.format == OutFormat::Openslo {
        if args.compare.is_some() {
            eprintln!(
                "error: --compare writes a redline PDF or Markdown; the OpenSLO export has no redline (leave out --compare, or use --format pdf)"
            );
            return 2;
        }
        return openslo(&args);
    }
    // The templates compile and the fonts load on another core while the
    // draft loads and is checked (neither needs the other).
    par::beside(
        "pactwright-templates",
        STACK,
        || Prepared::new(&args),
        |preparing| render_draft(&args, preparing),
    )
}

/// The command line's threads have the stack its main thread has.
const STACK: usize = 8 << 20;

/// What a render needs besides the draft.
struct Prepared {
    templates: Result<render::Templates, render::TemplateError>,
    /// For PDF output only.
    fonts: Option<pactwright_typeset::Result<Fonts>>,
}

impl Prepared {
    fn new(args: &Args<'_>) -> Self {
        Prepared {
            templates: render::template_set(args.templates),
            fonts: (args.format == OutFormat::Pdf).then(Fonts::bundled),
        }
    }
}

fn render_draft(args: &Args<'_>, preparing: par::Beside<'_, '_, Prepared>) -> u8 {
    let loaded = match pactwright::file::load(args.file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let agreement = &loaded.agreement;
    // A redline: what changed since the earlier version, for the view.
    let changes = match args.compare.map(|old| redline(old, args.file, agreement)) {
        Some(Ok(changes)) => Some(changes),
        Some(Err(code)) => return code,
        None => None,
    };
    if changes.is_some() && args.format == OutFormat::Html {
        eprintln!(
            "error: --compare writes a redline PDF or Markdown; HTML export has no redline yet (use --format pdf or --format md)"
        );
        return 2;
    }
    // What the templates see is built on another core while the draft is
    // checked (it is only wasted when the checks refuse the draft).
    let (findings, view) = if args.format == OutFormat::Html {
        (checks::check(agreement), None)
    } else {
        par::beside(
            "pactwright-view",
            STACK,
            || {
                let mut view = render::view::view(agreement);
                if let Some(diff) = &changes {
                    pactwright::diff::redline::set(&mut view, diff);
                }
                view
            },
            |view| (checks::check(agreement), Some(view.join())),
        )
    };
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == checks::Severity::Error)
        .collect();
    if !errors.is_empty() && !args.force {
        for f in &errors {
            eprintln!(
                "error[{}]: {} (at {}; {})",
                f.code, f.message, f.field, f.pointer
            );
        }
        eprintln!(
            "{}: not rendered: {} error{} found; fix them (see `pactwright check {}`), or pass --force to render it marked DRAFT",
            args.file.display(),
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            args.file.display()
        );
        return 1;
    }
    let prepared = preparing.join();
    let (templates, name) = match prepared
        .templates
        .and_then(|set| render::pick_template(set, agreement.document.kind, args.template))
    {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let force_watermark = !errors.is_empty();
    let output = args
        .output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_output(args.file, args.format, args.compare.is_some()));
    if output.is_dir() {
        eprintln!(
            "error: {}: is a folder; give a file name with -o",
            output.display()
        );
        return 2;
    }
    let markdown = || match view {
        Some(view) => render::view_to_markdown(view, &templates, &name),
        None => render::to_markdown(agreement, &templates, &name),
    };
    let bytes = match args.format {
        OutFormat::Openslo => Ok(pactwright::openslo::to_yaml(agreement).0.into_bytes()),
        OutFormat::Md => {
            markdown().map(|source| render::markdown_file(&source, agreement).into_bytes())
        }
        OutFormat::Html => {
            render::to_html_with_warnings(agreement, &templates, &name, args.paper, force_watermark)
                .map(|(html, warnings)| {
                    for w in &warnings {
                        eprintln!(
                            "warning: {}",
                            crate::warnings::describe_warning(agreement, w)
                        );
                    }
                    html.into_bytes()
                })
        }
        OutFormat::Pdf => match markdown() {
            Err(e) => Err(e),
            Ok(source) => {
                let fonts = match prepared.fonts.unwrap_or_else(Fonts::bundled) {
                    Ok(f) => f,
                    Err(e) => {
                        eprintln!("error: cannot load fonts: {e}");
                        return 2;
                    }
                };
                match render::markdown_to_pdf(
                    agreement,
                    &source,
                    args.paper,
                    fonts.for_source(&source, agreement),
                    force_watermark,
                ) {
                    Ok(out) => {
                        for w in &out.warnings {
                            eprintln!(
                                "warning: {}",
                                crate::warnings::describe_warning(agreement, w)
                            );
                        }
                        let pactwright_typeset::RenderOutput {
                            pdf,
                            layout,
                            document,
                            ..
                        } = out;
                        // The process ends once the file is written: the
                        // system takes the pages and the document tree back
                        // at once, faster than freeing their hundreds of
                        // thousands of allocations one by one.
                        std::mem::forget((layout, document));
                        Ok(pdf)
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        return 2;
                    }
                }
            }
        },
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    if let Err(e) = pactwright::file::write_atomic(&output, &bytes) {
        eprintln!("error: {e}");
        return 2;
    }
    println!("Wrote {}", output.display());
    0
}

/// The comparison of the draft with an earlier version, as the view's
/// `changes`; the exit code when it cannot be made.
fn redline(
    old: &Path,
    new: &Path,
    agreement: &pactwright::model::Agreement,
) -> Result<pactwright::diff::Diff, u8> {
    let earlier = pactwright::file::load(old).map_err(|e| {
        eprintln!("error: {e}");
        2
    })?;
    pactwright::diff::compare(&earlier.agreement, agreement).map_err(|e| {
        eprintln!(
            "error: cannot compare {} with {}: {e}",
            old.display(),
            new.display()
        );
        2
    })
}

/// `--format openslo`: the targets as OpenSLO YAML, each target OpenSLO
/// cannot express named in a warning. Like any render, refused when the
/// checks find errors unless --force.
fn openslo(args: &Args<'_>) -> u8 {
    let loaded = match pactwright::file::load(args.file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let agreement = &loaded.agreement;
    let errors: Vec<_> = checks::check(agreement)
        .into_iter()
        .filter(|f| f.severity == checks::Severity::Error)
        .collect();
    if !errors.is_empty() && !args.force {
        for f in &errors {
            eprintln!("error[{}]: {} (at {})", f.code, f.message, f.pointer);
        }
        eprintln!(
            "{}: not exported: {} error{} found; fix them (see `pactwright check {}`), or pass --force",
            args.file.display(),
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            args.file.display()
        );
        return 1;
    }
    let output = args
        .output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_output(args.file, args.format, false));
    if output.is_dir() {
        eprintln!(
            "error: {}: is a folder; give a file name with -o",
            output.display()
        );
        return 2;
    }
    let (yaml, skipped) = pactwright::openslo::to_yaml(agreement);
    for s in &skipped {
        eprintln!("warning: {s}");
    }
    if let Err(e) = pactwright::file::write_atomic(&output, yaml.as_bytes()) {
        eprintln!("error: {e}");
        return 2;
    }
    println!(
        "Wrote {} ({} of {} targets)",
        output.display(),
        agreement.service_levels.len() - skipped.len(),
        agreement.service_levels.len()
    );
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_sits_beside_the_draft() {
        assert_eq!(
            default_output(Path::new("a/desk.agreement.json"), OutFormat::Pdf, false),
            PathBuf::from("a/desk.pdf")
        );
        assert_eq!(
            default_output(Path::new("x.json"), OutFormat::Html, false),
            PathBuf::from("x.html")
        );
    }
}

//! Rendering an agreement: the view (what templates see), the templates
//! (Handlebars, producing Markdown with Pactwright's contract extensions),
//! then the typeset engine (document tree, layout, PDF) or an HTML page.
//!
//! Everything that varies between runs comes from the draft: the creation
//! date is the effective date (or the latest change), the document id is the
//! reference and version. The same draft renders to the same bytes.

pub mod fonts;
mod helpers;
pub mod html;
pub mod templates;
pub mod view;

use std::path::Path;

use pactwright_typeset as typeset;

use crate::model::{Agreement, Kind};
use crate::units::Typed;
pub use fonts::{Fonts, needs_fallback};
pub use templates::{TemplateError, Templates};

/// Paper sizes for PDF output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// ISO A4.
    #[default]
    A4,
    /// US Letter.
    Letter,
}

/// Why a render failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template is broken.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The typeset engine failed.
    #[error("typesetting failed: {0}")]
    Typeset(#[from] typeset::Error),
}

/// The default template of a kind.
pub fn default_template(kind: Kind) -> &'static str {
    kind.code()
}

/// Renders the agreement's document source with a template: Markdown in
/// which each clause body stands as a line `::: include N`. The bodies are
/// the user's own Markdown, so they are never spliced into this text:
/// [`to_document`] parses each on its own and places its blocks there, and
/// [`markdown_file`] writes those blocks out for a Markdown file.
pub fn to_markdown(
    agreement: &Agreement,
    templates: &Templates,
    template: &str,
) -> Result<String, TemplateError> {
    view_to_markdown(view::view(agreement), templates, template)
}

/// [`to_markdown`] from the agreement's [`view::view`], built beforehand
/// (for instance while the draft is checked).
pub fn view_to_markdown(
    view: serde_json::Value,
    templates: &Templates,
    template: &str,
) -> Result<String, TemplateError> {
    let text = templates.render(template, view)?;
    Ok(tidy(&text))
}

/// Collapses runs of blank lines that vanished sections leave behind.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_start_matches('\n').to_owned()
}

/// The document metadata: title, author, subject, keywords, running header,
/// watermark (DRAFT unless approved or signed with the approval of this
/// very text on record, or when `force_watermark`), the date
/// and id taken from the draft.
pub fn meta(agreement: &Agreement, force_watermark: bool) -> typeset::Meta {
    let d = &agreement.document;
    let title = if d.title.is_empty() {
        d.kind.title().to_owned()
    } else {
        d.title.clone()
    };
    let mut header = title.clone();
    if !d.version.is_empty() {
        header.push_str(&format!(" · v{}", d.version));
    }
    header.push_str(&format!(" · {}", d.status.label()));
    let parties: Vec<&str> = [
        agreement.parties.provider.name.as_str(),
        agreement.parties.consumer.name.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let subject = if parties.len() == 2 {
        format!(
            "{} between {} and {}",
            d.kind.title(),
            parties[0],
            parties[1]
        )
    } else {
        d.kind.title().to_owned()
    };
    let mut keywords = vec![d.kind.title().to_owned(), "ITIL 4".to_owned()];
    for k in [&agreement.service.name, &d.reference] {
        if !k.is_empty() {
            keywords.push(k.clone());
        }
    }
    let date = d
        .effective_date
        .as_ref()
        .and_then(Typed::get)
        .or_else(|| {
            let dates = d.change_history.iter().filter_map(|c| c.date.as_ref());
            dates.filter_map(Typed::get).max()
        })
        .map(|date| typeset::DocDate {
            year: date.0.year().max(0) as u16,
            month: date.0.month() as u8,
            day: date.0.day() as u8,
            hour: 0,
            minute: 0,
            second: 0,
        });
    // Approved and signed print clean only while the approval on record is
    // of this very text (`approval::is_approved`).
    let watermark =
        (force_watermark || !crate::approval::is_approved(agreement)).then(|| "DRAFT".to_owned());
    typeset::Meta {
        title: title.clone(),
        author: agreement.parties.provider.name.clone(),
        subject,
        keywords,
        header,
        watermark,
        created: date,
        document_id: match (d.reference.is_empty(), d.version.is_empty()) {
            (false, false) => format!("{} v{}", d.reference, d.version),
            (false, true) => d.reference.clone(),
            (true, false) => format!("{} v{}", title, d.version),
            (true, true) => title.clone(),
        },
    }
}

/// Layout options for a paper size.
pub fn layout_options(paper: Paper) -> typeset::LayoutOptions {
    typeset::LayoutOptions {
        paper: match paper {
            Paper::A4 => typeset::Paper::A4,
            Paper::Letter => typeset::Paper::Letter,
        },
        ..typeset::LayoutOptions::default()
    }
}

/// The clause bodies of the agreement, in the order the view numbers them
/// (`::: include N` is `clauses[N].body`).
pub fn clause_bodies(agreement: &Agreement) -> Vec<&str> {
    agreement.clauses.iter().map(|c| c.body.as_str()).collect()
}

/// The document tree of the agreement's source (from [`to_markdown`]),
/// each clause body parsed on its own and contained in its clause, so that
/// no body can add a heading or swallow what follows it.
pub fn to_document(source: &str, agreement: &Agreement, meta: typeset::Meta) -> typeset::Document {
    crate::failure::test_trigger("layout");
    typeset::markdown::parse_with(source, &clause_bodies(agreement), meta)
}

/// The Markdown file of the agreement: its source (from [`to_markdown`])
/// with every clause body written out, as contained blocks, in its place.
pub fn markdown_file(source: &str, agreement: &Agreement) -> String {
    typeset::markdown::expand_includes(source, &clause_bodies(agreement))
}

/// Renders an agreement all the way to PDF.
pub fn to_pdf(
    agreement: &Agreement,
    templates: &Templates,
    template: &str,
    paper: Paper,
    fonts: &typeset::FontSet,
    force_watermark: bool,
) -> Result<typeset::RenderOutput, RenderError> {
    let source = to_markdown(agreement, templates, template)?;
    markdown_to_pdf(agreement, &source, paper, fonts, force_watermark)
}

/// The second half of [`to_pdf`]: the agreement's Markdown source (from
/// [`to_markdown`]) laid out and written as PDF.
pub fn markdown_to_pdf(
    agreement: &Agreement,
    source: &str,
    paper: Paper,
    fonts: &typeset::FontSet,
    force_watermark: bool,
) -> Result<typeset::RenderOutput, RenderError> {
    let doc = to_document(source, agreement, meta(agreement, force_watermark));
    Ok(typeset::render_document_to_pdf(
        doc,
        &layout_options(paper),
        fonts,
    )?)
}

/// Renders an agreement to a standalone HTML page (print-ready CSS).
pub fn to_html(
    agreement: &Agreement,
    templates: &Templates,
    template: &str,
    paper: Paper,
    force_watermark: bool,
) -> Result<String, TemplateError> {
    to_html_with_warnings(agreement, templates, template, paper, force_watermark).map(|(h, _)| h)
}

/// [`to_html`] with what the reader changed in the document (nesting
/// flattened), for the caller to report.
pub fn to_html_with_warnings(
    agreement: &Agreement,
    templates: &Templates,
    template: &str,
    paper: Paper,
    force_watermark: bool,
) -> Result<(String, Vec<typeset::Warning>), TemplateError> {
    let source = to_markdown(agreement, templates, template)?;
    let doc = to_document(&source, agreement, meta(agreement, force_watermark));
    Ok((html::to_html(&doc, paper), doc.warnings))
}

/// The templates for a render: the built-in set with a folder of
/// additions and overrides. It needs no draft, so it can be compiled while
/// the draft loads; [`pick_template`] then picks what to render.
pub fn template_set(dir: Option<&Path>) -> Result<Templates, TemplateError> {
    match dir {
        Some(d) => Templates::with_dir(d),
        None => Templates::builtin(),
    }
}

/// The template to render from a [`template_set`]: the kind's default,
/// one of the set by name, or a file (`template` as a path) added to it.
/// Returns the set and the template's name.
pub fn pick_template(
    mut set: Templates,
    kind: Kind,
    template: Option<&str>,
) -> Result<(Templates, String), TemplateError> {
    let name = match template {
        None => default_template(kind).to_owned(),
        Some(t) if set.has(t) => t.to_owned(),
        Some(t) if t.ends_with(".hbs") || t.contains('/') || Path::new(t).is_file() => {
            set.add_file("custom", Path::new(t))?;
            "custom".to_owned()
        }
        Some(t) => {
            return Err(TemplateError::NotFound {
                name: t.to_owned(),
                available: set.documents().join(", "),
            });
        }
    };
    Ok((set, name))
}

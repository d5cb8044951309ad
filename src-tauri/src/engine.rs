//! The render engine the preview and the export share: built-in templates
//! and fonts, loaded once. The same calls as the command line's `render`,
//! so the preview cannot differ from the exported PDF.

use std::sync::OnceLock;
use std::time::Instant;

use pactwright::model::Agreement;
use pactwright::render::{self, Fonts, Paper, RenderError, Templates};
use pactwright_typeset::{self as typeset, Layout};

/// Templates and fonts.
pub struct Engine {
    templates: Templates,
    fonts: Fonts,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Engine")
    }
}

static ENGINE: OnceLock<Result<Engine, String>> = OnceLock::new();

/// The shared engine, loaded on first use.
pub fn engine() -> Result<&'static Engine, String> {
    ENGINE
        .get_or_init(|| {
            let templates = Templates::builtin().map_err(|e| e.to_string())?;
            let fonts = Fonts::bundled().map_err(|e| e.to_string())?;
            Ok(Engine { templates, fonts })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// A laid-out agreement.
pub struct Laid {
    /// The pages.
    pub layout: Layout,
    /// The document (its metadata is needed for the PDF).
    pub doc: typeset::Document,
    /// Time spent, in milliseconds.
    pub millis: f64,
}

impl Engine {
    /// The agreement's document source (clause bodies as `::: include N`
    /// lines, see `render::to_markdown`).
    fn source(&self, a: &Agreement) -> Result<String, RenderError> {
        let name = render::default_template(a.document.kind);
        Ok(render::to_markdown(a, &self.templates, name)?)
    }

    /// The agreement as a Markdown file.
    pub fn markdown(&self, a: &Agreement) -> Result<String, RenderError> {
        Ok(render::markdown_file(&self.source(a)?, a))
    }

    /// The agreement as a standalone HTML page.
    pub fn html(&self, a: &Agreement) -> Result<String, RenderError> {
        let name = render::default_template(a.document.kind);
        Ok(render::to_html(a, &self.templates, name, Paper::A4, false)?)
    }

    /// Lays the agreement out in pages (A4), as the PDF will be.
    pub fn layout(&self, a: &Agreement) -> Result<Laid, RenderError> {
        let start = Instant::now();
        let source = self.source(a)?;
        let doc = render::to_document(&source, a, render::meta(a, false));
        let layout = typeset::layout::layout(
            &doc,
            &render::layout_options(Paper::A4),
            self.fonts.for_source(&source, a),
        )?;
        Ok(Laid {
            layout,
            doc,
            millis: start.elapsed().as_secs_f64() * 1000.0,
        })
    }
}
